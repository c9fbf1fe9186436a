"""Scaling: the guide built from synthetic data at 1x, 10x and 100x the real entity counts.

At each size: build time per page (wall and CPU, median of the runs), HTML bytes per
entity page (mean over every role, skill and tool page, and one fixed page followed across
sizes), and the search index, raw and gzip. Linear total cost means both per-page figures
stay flat; the budget is +-20% from 10x to 100x.
"""

from __future__ import annotations

import gzip
import shutil
import statistics
from pathlib import Path

from macros.loader import load_guide
from macros.urls import RESERVED_SKILL_IDS

from .projects import ROOT, Timings, build, copy_project, html_pages
from .synthetic import GROWING, write_synthetic_data

ENTITY_FOLDERS = ("roles", "skills", "tools")  # one generated page per entity
FOLLOWED_PAGE = "roles/api-developer/index.html"  # the same page at every size
SEARCH_INDEX = "search/search_index.json"


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at level 6, what static hosts and our bench server send."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def measure_size(work: Path, factor: int, runs: int) -> dict:
    data = work / f"data-{factor}x"
    counts = write_synthetic_data(ROOT / "data", data, factor)
    guide = load_guide(data)  # the generated data passes the real loader, or this raises
    assert {c: len(getattr(guide, c)) for c in GROWING} == counts
    project = copy_project(work / f"project-{factor}x", data=data)
    shutil.rmtree(data)
    site = work / f"site-{factor}x"
    timings = Timings()
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        timings.add(build(project, site))
    pages = html_pages(site)
    entity_pages = [p for p in pages if p.parent.parent.name in ENTITY_FOLDERS and p.parent.parent.parent == site
                    and p.parent.name not in RESERVED_SKILL_IDS]  # /skills/matrix/ is not a skill
    entity_bytes = [p.stat().st_size for p in entity_pages]
    index = (site / SEARCH_INDEX).read_bytes()
    summary = timings.summary()
    result = {
        "factor": factor,
        "entities": counts,
        "pages": len(pages),
        "entity_pages": len(entity_pages),
        "build": summary,
        "seconds_per_page": summary["median"] / len(pages),
        "cpu_seconds_per_page": summary["cpu_median"] / len(pages),
        "html_bytes_per_entity_page": statistics.mean(entity_bytes),
        "html_bytes_followed_page": (site / FOLLOWED_PAGE).stat().st_size,
        "html_bytes_largest_page": max(p.stat().st_size for p in pages),
        "search_index_bytes": len(index),
        "search_index_gzip_bytes": gzip_size(index),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }
    shutil.rmtree(project)
    shutil.rmtree(site)
    return result


def measure(work: Path, factors: list[int], runs_for: dict[int, int]) -> dict:
    sizes = [measure_size(work, factor, runs_for.get(factor, 1)) for factor in factors]
    result: dict = {"sizes": sizes}
    by_factor = {s["factor"]: s for s in sizes}
    if 10 in by_factor and 100 in by_factor:
        small, large = by_factor[10], by_factor[100]
        result["change_10x_to_100x"] = {
            key: large[key] / small[key] - 1
            for key in ("seconds_per_page", "cpu_seconds_per_page", "html_bytes_per_entity_page", "html_bytes_followed_page")
        }
        # The cost of one more page, free of fixed start-up costs (imports, theme templates).
        result["marginal_seconds_per_page"] = (
            (large["build"]["median"] - small["build"]["median"]) / (large["pages"] - small["pages"])
        )
        result["marginal_cpu_seconds_per_page"] = (
            (large["build"]["cpu_median"] - small["build"]["cpu_median"]) / (large["pages"] - small["pages"])
        )
    return result
