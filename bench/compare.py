"""Before and after: the build at two git revisions, alternating, at any synthetic size.

    python -m bench.compare HEAD~1 HEAD --factor 10 --runs 5
    python -m bench.compare HEAD~1 WORKTREE         # uncommitted changes as "after"

Both revisions are built from the same data (the working tree's, multiplied by --factor),
in fresh processes, alternately, so that load from elsewhere falls on both alike. Prints
the medians of wall and CPU seconds and the change. This is how bench/fixes.md's
before-and-after figures were taken.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .projects import ROOT, Timings, build, copy_project
from .synthetic import write_synthetic_data

WORKTREE = "WORKTREE"


def checkout(revision: str, dest: Path, data: Path) -> Path:
    """The project at ``revision`` (or the working tree), with ``data`` as its data/."""
    if revision == WORKTREE:
        return copy_project(dest, data=data)
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    shutil.rmtree(dest / "data")
    shutil.copytree(data, dest / "data")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="guide-compare-") as tmp:
        work = Path(tmp)
        data = work / "data"
        write_synthetic_data(ROOT / "data", data, args.factor)
        projects = {rev: checkout(rev, work / f"project-{i}", data) for i, rev in enumerate((args.before, args.after))}
        timings = {rev: Timings() for rev in projects}
        for _ in range(args.runs):
            for rev, project in projects.items():
                shutil.rmtree(work / "site", ignore_errors=True)
                timings[rev].add(build(project, work / "site"))
    before, after = (timings[r].summary() for r in (args.before, args.after))
    print(f"{args.factor}x, {args.runs} alternating runs each, medians:")  # noqa: T201
    for label, key in (("wall", "median"), ("CPU", "cpu_median")):
        change = after[key] / before[key] - 1
        print(f"  {label:4s} {args.before}: {before[key]:.2f} s   {args.after}: {after[key]:.2f} s   change {change:+.1%}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
