"""Where a build's time goes: one build in this process under cProfile, summed by who spends it.

    python -m bench.profile_build               # the real guide
    python -m bench.profile_build --factor 10   # synthetic data at 10x (bench/synthetic.py)

Prints the time of each stage (our loader, our renderers, mkdocs-macros, Markdown, the
theme's templates, the search plugin) and the functions of our own code that cost most,
and saves the whole profile (for `python -m pstats` or snakeviz) with --save.
cProfile roughly doubles the time of Python-heavy code: compare shares, not seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import sys
import tempfile
import time
from pathlib import Path

from .projects import ROOT, copy_project
from .synthetic import write_synthetic_data

# (label, file suffix, function name): cumulative time of that function, counted once per stack.
STAGES = [
    ("data: load and validate (macros.loader.load_guide)", "macros/loader.py", "load_guide"),
    ("data: render generated pages (generate_pages.on_page_markdown)", "hooks/generate_pages.py", "on_page_markdown"),
    ("data: generate files (generate_pages.on_files: pages, exports)", "hooks/generate_pages.py", "on_files"),
    ("data: render listings on hand-written pages (macros.namespace)", "macros/namespace.py", "<lambda>"),
    ("JSON-LD (structured_data.on_page_context)", "hooks/structured_data.py", "on_page_context"),
    ("copy-link buttons (copy_links.on_page_content)", "hooks/copy_links.py", "on_page_content"),
    ("mkdocs-macros: on_page_markdown, its Jinja pass included", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("Markdown to HTML (Python-Markdown + extensions)", "markdown/core.py", "convert"),
    ("theme templates (Material, Jinja)", "mkdocs/commands/build.py", "_build_template"),
    ("theme templates, per page (Material, Jinja)", "mkdocs/commands/build.py", "_build_page"),
    ("search index (Material search plugin)", "material/plugins/search/plugin.py", "on_page_context"),
    ("writing files", "mkdocs/utils/__init__.py", "write_file"),
]


def profile(project: Path, site: Path) -> tuple[pstats.Stats, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - start


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    found: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():
        for label, suffix, function in STAGES:
            if filename.endswith(suffix) and name == function:
                found[label] = found.get(label, 0.0) + cumulative
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=1, help="synthetic data at this multiple of the real entity counts")
    parser.add_argument("--top", type=int, default=20, help="how many of our own functions to list")
    parser.add_argument("--save", type=Path, help="write the profile here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="guide-profile-") as tmp:
        work = Path(tmp)
        data = None
        if args.factor > 1:
            data = work / "data"
            write_synthetic_data(ROOT / "data", data, args.factor)
        project = copy_project(work / "project", data=data)
        stats, seconds = profile(project, work / "site")
    if args.save:
        stats.dump_stats(str(args.save))
    print(f"one build at {args.factor}x under cProfile: {seconds:.2f} s\n")  # noqa: T201
    for label, value in sorted(stage_times(stats).items(), key=lambda kv: -kv[1]):
        print(f"{value:8.2f} s  {value / seconds:6.1%}  {label}")  # noqa: T201
    print(f"\nour code ({ROOT / 'macros'}), by own time:")  # noqa: T201
    stats.sort_stats("tottime").print_stats(str(ROOT / "macros"), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
