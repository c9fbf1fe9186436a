"""Build the site with MkDocs and with ProperDocs, its maintained fork, and compare the two sites.

    .venv/bin/python -m tools.compare_runners                 # the guide; `make runners` runs this
    .venv/bin/python -m tools.compare_runners --project DIR   # another project (the tests use the fixture)

ProperDocs (a continuation of MkDocs 1.x by its former maintainers) runs MkDocs plugins and
hooks unchanged; if MkDocs 1.x stops working, it is the guide's runner
(decisions/0001-stay-on-mkdocs-1-and-material-9.md). The two builds must write the same files
with the same bytes, except the generator tag each writes into every page. Any other difference
is printed, file by file, and the exit status is 1. Both builds are strict and dated by the same
SOURCE_DATE_EPOCH (and `git log`), so nothing else may differ between them.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNERS = ("mkdocs", "properdocs")
# <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">: the runner's own version.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(runner: str, project: Path, site: Path, epoch: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", runner, "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"{runner} build failed:\n{result.stdout}{result.stderr}")


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)  # the gzip header holds a time of writing
    return GENERATOR.sub(b'<meta name="generator" content="">', data)


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two site folders, beyond each page's generator tag."""
    files = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    found = [f"only in the {RUNNERS[0]} build: {p}" for p in sorted(files - others)]
    found += [f"only in the {RUNNERS[1]} build: {p}" for p in sorted(others - files)]
    for relative in sorted(files & others):
        a, b = normalised(first / relative), normalised(second / relative)
        if a != b:
            diff = difflib.unified_diff(a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines(),
                                        str(relative), str(relative), n=0, lineterm="")
            found.append(f"{relative} differs:\n" + "\n".join(list(diff)[:12]))
    return found


def generator_tags(site: Path) -> set[bytes]:
    return {m.group() for p in site.rglob("*.html") for m in GENERATOR.finditer(p.read_bytes())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=ROOT, help="the folder of mkdocs.yml (default: the guide)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep both sites")
    args = parser.parse_args(argv)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "1767225600")  # any fixed date: both builds get the same one
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        sites = {runner: out / f"site-{runner}" for runner in RUNNERS}
        for runner, site in sites.items():
            build(runner, args.project.resolve(), site, epoch)
        found = differences(*sites.values())
        tags = {runner: sorted(t.decode() for t in generator_tags(site)) for runner, site in sites.items()}
    pages = len(list(sites[RUNNERS[0]].rglob("*.html"))) if args.keep else None
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} differences between the MkDocs and the ProperDocs builds", file=sys.stderr)
        return 1
    print(f"the MkDocs and ProperDocs builds are the same but for the generator tag: {tags}"
          + (f" ({pages} pages)" if pages else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
