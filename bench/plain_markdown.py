"""The data-injection overhead: the guide built with macros, against the same pages as plain Markdown.

``capture`` builds the real guide once with one extra event handler that runs after every
other ``on_page_markdown`` (so after mkdocs-macros and our hook) and saves each page's
Markdown, front matter included, exactly as MkDocs is about to convert it. Generated pages
(roles, skills, tools, ...) and generated files (JSON exports) are saved as ordinary files. The plain project is those files,
the same static files and theme overrides, and the same mkdocs.yml less the macros plugin
and the hooks that inject data; pages the hook kept out of the nav are kept out with
``not_in_nav``. Hooks that treat every page alike whatever the data (the Content Security
Policy, copy-link buttons, page dates) stay: their cost is a feature's, not data injection's.

Both projects are then built alternately in fresh processes; the overhead is the ratio of
the median times.

Usage: python -m bench.plain_markdown capture PROJECT OUT   (writes OUT/, a buildable project)
"""

from __future__ import annotations

import shutil
import sys
from collections import defaultdict
from pathlib import Path, PurePosixPath

import yaml

from .projects import ROOT, Timings, build, copy_project, html_pages
from .synthetic import write_synthetic_data

PLAIN_CONFIG = "mkdocs.yml"
BASE_CONFIG = "mkdocs-base.yml"  # the real config, copied: the plain one INHERITs it
DROPPED_PLUGINS = {"macros"}
# Hooks that load data or turn it into pages (validation, the page generator, JSON-LD), and one
# that only acts under `mkdocs serve`. A new hook is kept unless it is listed here.
DROPPED_HOOKS = {"hooks/validate_data.py", "hooks/generate_pages.py", "hooks/structured_data.py", "hooks/live_preview.py"}


class _Capture:
    """An in-process plugin that records every page's final Markdown and whether it is in the nav."""

    def __init__(self):
        self.pages: dict[str, tuple[dict, str]] = {}
        self.not_in_nav: set[str] = set()
        self.other_files: dict[str, bytes] = {}  # generated files that are not pages (JSON exports)

    def on_files(self, files, **_):
        self.not_in_nav = {f.src_uri for f in files.documentation_pages() if not f.inclusion.is_in_nav()}
        self.other_files = {f.src_uri: f.content_bytes for f in files
                            if f.generated_by is not None and f.src_dir is None and not f.is_documentation_page()}
        return files

    def on_page_markdown(self, markdown, page, **_):
        self.pages[page.file.src_uri] = (dict(page.meta), markdown)
        return markdown


_Capture.on_files.mkdocs_priority = -1000  # after every other handler: what MkDocs really converts
_Capture.on_page_markdown.mkdocs_priority = -1000


def capture(project: Path, out: Path) -> int:
    """Write ``out``, a plain-Markdown project with the pages of ``project``; return the number of pages."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    recorder = _Capture()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(out / "_capture-site"), strict=True)
    config.plugins["bench-capture"] = recorder  # registers its on_* methods, with their priorities
    mkdocs_build(config)
    shutil.rmtree(out / "_capture-site")

    docs = out / "docs"
    shutil.copytree(project / "docs", docs)  # static files (CSS, images) as they are
    for md_file in docs.rglob("*.md"):
        md_file.unlink()
    for src_uri, (meta, markdown) in recorder.pages.items():
        meta.pop("render_macros", None)
        front = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n" if meta else ""
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + markdown, encoding="utf-8")
    for src_uri, content in recorder.other_files.items():
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for folder in ("overrides", "hooks", "macros", "data"):  # the hooks that stay, what they import, and the data
        if (project / folder).is_dir():
            shutil.copytree(project / folder, out / folder)
    shutil.copy2(project / "mkdocs.yml", out / BASE_CONFIG)

    with open(project / "mkdocs.yml", "rb") as f:
        real = yaml_load(f)
    plugins = [p for p in real.get("plugins", []) if _plugin_name(p) not in DROPPED_PLUGINS]
    plain = {
        "INHERIT": BASE_CONFIG,
        "hooks": [h for h in real.get("hooks", []) if h not in DROPPED_HOOKS],
        "plugins": plugins,
        "watch": [],  # the data and macros it would watch are not part of this project
        "not_in_nav": "\n".join(_not_in_nav_patterns(recorder.not_in_nav, set(recorder.pages))),
    }
    (out / PLAIN_CONFIG).write_text(
        "# The guide as plain Markdown: the same config without mkdocs-macros and the hooks that inject data.\n"
        + yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return len(recorder.pages)


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def _not_in_nav_patterns(not_in_nav: set[str], pages: set[str]) -> list[str]:
    """Gitignore-style patterns for the pages kept out of the nav: one per folder where possible.

    A pattern per page would make MkDocs match every file against thousands of patterns.
    """
    by_folder: dict[str, list[str]] = defaultdict(list)
    for uri in pages:
        by_folder[str(PurePosixPath(uri).parent)].append(uri)
    patterns: list[str] = []
    for folder, uris in sorted(by_folder.items()):
        hidden = [u for u in uris if u in not_in_nav]
        shown = [u for u in uris if u not in not_in_nav]
        prefix = "" if folder == "." else f"{folder}/"
        if len(hidden) > len(shown) and folder != ".":
            patterns.append(f"/{prefix}*.md")
            patterns += [f"!/{u}" for u in sorted(shown)]
        else:
            patterns += [f"/{u}" for u in sorted(hidden)]
    return patterns


def measure_size(work: Path, factor: int, runs: int) -> dict:
    """Alternate builds of the guide with macros and as plain Markdown; compare their medians."""
    data = None
    if factor > 1:
        data = work / "data"
        write_synthetic_data(ROOT / "data", data, factor)
    project = copy_project(work / "macros-project", data=data)
    plain = work / "plain-project"
    pages = capture(project, plain)
    macros_site, plain_site = work / "macros-site", work / "plain-site"
    with_macros, without = Timings(), Timings()
    if runs > 1:  # one untimed build of each first: page cache and bytecode in place
        build(project, macros_site)
        build(plain, plain_site)
    for _ in range(runs):
        # Both warm (bytecode compiled, files cached), both into an empty site folder.
        shutil.rmtree(macros_site, ignore_errors=True)
        shutil.rmtree(plain_site, ignore_errors=True)
        with_macros.add(build(project, macros_site))
        without.add(build(plain, plain_site))
    macros_summary, plain_summary = with_macros.summary(), without.summary()
    result = {
        "factor": factor,
        "pages": pages,
        "plain_pages_built": len(html_pages(plain_site)),
        "macros": macros_summary,
        "plain": plain_summary,
        "ratio": macros_summary["median"] / plain_summary["median"],
        "cpu_ratio": macros_summary["cpu_median"] / plain_summary["cpu_median"],
    }
    shutil.rmtree(work)
    return result


def measure(work: Path, factors: list[int], runs_for: dict[int, int]) -> dict:
    """The ratio at each size; the first is the real guide (factor 1), the one the budget is for."""
    sizes = [measure_size(work / f"{factor}x", factor, runs_for.get(factor, 1)) for factor in factors]
    result: dict = {**sizes[0], "sizes": sizes}
    if len(sizes) > 1:
        # Fixed start-up costs (imports, first load) cancel out between two sizes: what is left
        # is the overhead of injecting data into one more page.
        small, large = sizes[0], sizes[-1]
        for key, label in (("median", "marginal_ratio"), ("cpu_median", "marginal_cpu_ratio")):
            result[label] = ((large["macros"][key] - small["macros"][key])
                             / (large["plain"][key] - small["plain"][key]))
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "capture":
        print(__doc__, file=sys.stderr)  # noqa: T201
        return 2
    pages = capture(Path(argv[1]).resolve(), Path(argv[2]).resolve())
    print(f"captured {pages} pages into {argv[2]}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
