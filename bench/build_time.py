"""Build time of the real guide, cold and warm.

Cold: a fresh process, no site folder, and no ``__pycache__`` of the project's own Python
(macros/ and the hook), as on a fresh clone. Warm: a fresh process building again into the
site folder the previous run left, with that bytecode in place, as a second `make build`.
(The OS file cache is warm in both: dropping it would need root and disturb other work.)
Runs alternate cold, warm, cold, ... so that a burst of load elsewhere hits both alike.
"""

from __future__ import annotations

from pathlib import Path

from .projects import Timings, build, copy_project, html_pages, make_cold


def site_of(work: Path) -> Path:
    """Where ``measure`` leaves the guide it built last."""
    return work / "guide-site"


def measure(work: Path, runs: int) -> dict:
    project = copy_project(work / "guide")
    site = site_of(work)
    cold, warm = Timings(), Timings()
    for _ in range(runs):
        make_cold(project, site)
        cold.add(build(project, site))
        warm.add(build(project, site))
    return {"pages": len(html_pages(site)), "cold": cold.summary(), "warm": warm.summary()}
