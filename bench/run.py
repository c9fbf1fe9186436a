"""`make bench`: measure the guide's build and pages, write bench/results.json and bench/results.md.

    python -m bench.run                 # everything, as `make bench` runs it (about 15 minutes)
    python -m bench.run --quick         # 1x only, one run each, no Lighthouse: checks the scripts work
    python -m bench.run --skip lighthouse,serve --sizes 1,10

Each section runs in a scratch folder and records the load average before and after it:
on a shared machine, a load above the core count means other work competed for the CPU,
and the wall times of that section deserve less trust than its CPU times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from macros import urls
from macros.ladder import steps
from macros.loader import load_guide

from . import build_time, lighthouse, machine, page_weight, plain_markdown, report, scaling, serve_loop
from .projects import ROOT, build, copy_project

SECTIONS = ("build", "injection", "scaling", "serve", "weight", "lighthouse")
BENCH = Path(__file__).resolve().parent


def page_paths() -> dict[str, str]:
    """One page of each type, chosen from the data so that the ids always exist."""
    guide = load_guide(ROOT / "data")
    lower, higher = steps(guide.levels)[0]
    return {
        "home": "/",
        "index": "/roles/",
        "role": f"/roles/{next(iter(guide.roles))}/",
        "skill": f"/skills/{next(iter(guide.skills))}/",
        "tool": f"/tools/{next(iter(guide.tools))}/",
        "levels": "/levels/",
        "faq": "/faq/",
        "job description": f"/job-descriptions/{next(iter(guide.roles))}/{next(iter(guide.levels))}/",
        "pay": "/pay/",
        "level to level": "/" + urls.page_url(urls.place(urls.LEVEL_STEP, lower=lower, higher=higher)),
        "skills matrix": "/skills/matrix/",
        "self-assessment": "/self-assessment/",
        "interview kit": "/" + urls.page_url(urls.place(urls.KIT_PAGE, role=next(iter(guide.roles)), level=next(iter(guide.levels)))),
        "interview question": "/" + urls.page_url(urls.place(urls.QUESTION_PAGE, id=next(iter(guide.questions)))),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1x, one run of each, one serve round, no Lighthouse")
    parser.add_argument("--runs", type=int, help="runs of the real-guide builds (default 5)")
    parser.add_argument("--sizes", help="synthetic sizes, comma-separated (default 1,10,100)")
    parser.add_argument("--scaling-runs", help="runs per size, comma-separated (default 3,3,1)")
    parser.add_argument("--injection-sizes", help="sizes for the overhead ratio, comma-separated (default 1,10)")
    parser.add_argument("--serve-rounds", type=int, help="saves timed under mkdocs serve (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--skip", default="", help=f"sections to leave out: {', '.join(SECTIONS)}")
    parser.add_argument("--out", type=Path, default=BENCH, help="where results.json and results.md go")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)

    quick = args.quick
    runs = args.runs or (1 if quick else 5)
    sizes = [int(s) for s in (args.sizes or ("1" if quick else "1,10,100")).split(",")]
    scaling_runs = [int(s) for s in (args.scaling_runs or ("1" if quick else "3,3,1")).split(",")]
    runs_for = {size: scaling_runs[min(i, len(scaling_runs) - 1)] for i, size in enumerate(sizes)}
    injection_sizes = [int(s) for s in (args.injection_sizes or ("1" if quick else "1,10")).split(",")]
    injection_runs = {size: runs if size == 1 else max(1, min(runs, 3)) for size in injection_sizes}
    serve_rounds = args.serve_rounds or (1 if quick else 5)
    lighthouse_runs = args.lighthouse_runs or 3
    skip = {s.strip() for s in args.skip.split(",") if s.strip()} | ({"lighthouse"} if quick else set())
    unknown = skip - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) to skip: {', '.join(sorted(unknown))}")

    work = Path(tempfile.mkdtemp(prefix="guide-bench-")) if args.work is None else args.work
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "machine": machine.describe(),
        "settings": {"quick": quick, "runs": runs, "sizes": sizes, "scaling_runs": runs_for,
                     "injection_sizes": injection_runs,
                     "serve_rounds": serve_rounds, "lighthouse_runs": lighthouse_runs, "skipped": sorted(skip)},
        "load_average": {"start": machine.load_average()},
        "sections": {},
    }
    pages = page_paths()

    def reference() -> Path:
        """The real guide built strictly, for the browser measurements: the build section's last site if there is one."""
        site = build_time.site_of(work / "build")
        if not site.exists():
            build(copy_project(work / "reference-project"), site)
        return site

    plan = {
        "build": lambda: build_time.measure(work / "build", runs),
        "injection": lambda: plain_markdown.measure(work / "injection", injection_sizes, injection_runs),
        "scaling": lambda: scaling.measure(work / "scaling", sizes, runs_for),
        "serve": lambda: serve_loop.measure(work / "serve", serve_rounds),
        "weight": lambda: page_weight.measure(reference(), pages),
        "lighthouse": lambda: lighthouse.measure(reference(), pages, lighthouse_runs),
    }
    failed = False
    try:
        for name in SECTIONS:
            if name in skip:
                continue
            print(f"bench: {name} ...", file=sys.stderr, flush=True)  # noqa: T201
            # The disk writes of the section before (the 100x site is hundreds of MB) are still
            # being flushed for tens of seconds; let them land before timing anything else.
            os.sync()
            load_before, start = machine.load_average(), time.perf_counter()
            try:
                section = plan[name]()
            except Exception:  # record it, measure the rest, fail at the end
                failed = True
                section = {"error": traceback.format_exc()}
                print(section["error"], file=sys.stderr)  # noqa: T201
            section["load_average"] = {"before": load_before, "after": machine.load_average()}
            section["seconds"] = round(time.perf_counter() - start, 1)
            results["sections"][name] = section
            if name != "build":  # the build section's site is the reference for the browser sections
                shutil.rmtree(work / name, ignore_errors=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    results["load_average"]["end"] = machine.load_average()
    results["budgets"] = report.verdicts(results)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(report.markdown(results, fixes=BENCH / "fixes.md"), encoding="utf-8")
    print(f"bench: wrote {args.out / 'results.md'} and results.json", file=sys.stderr)  # noqa: T201
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
