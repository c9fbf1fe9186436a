"""Copies of the guide to build, and timed builds of them in fresh processes.

Every timing in the benchmark is one ``mkdocs build --strict`` in a new Python process, as
``make build`` runs it, measured from outside: wall time (what a contributor waits for)
and the child's CPU time (user + system), which other processes on a shared machine
disturb much less than wall time.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a build does not need: tooling, tests, outputs and caches.
NOT_COPIED = {".git", ".venv", ".pytest_cache", "site", "bench", "tests", "node_modules", "__pycache__", ".ci"}
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(dest: Path, *, data: Path | None = None) -> Path:
    """Copy what the build reads (config, docs, overrides, macros, data, ...) to ``dest``.

    With ``data``, that folder is copied in as ``data/`` instead of the real one.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for item in sorted(ROOT.iterdir()):
        if item.name in NOT_COPIED or (data is not None and item.name == "data"):
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(item, dest / item.name)
    if data is not None:
        shutil.copytree(data, dest / "data")
    return dest


def make_cold(project: Path, site: Path) -> None:
    """No site folder and no compiled bytecode of the project's own Python (hooks, macros)."""
    shutil.rmtree(site, ignore_errors=True)
    for cache in project.rglob("__pycache__"):
        shutil.rmtree(cache)


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds of user + system time of the build process and its children


@dataclass
class Timings:
    """Repeated runs of one measurement: medians, with min and max, of wall and CPU seconds."""

    runs: list[Run] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.runs.append(run)

    @property
    def wall(self) -> list[float]:
        return [r.wall for r in self.runs]

    @property
    def cpu(self) -> list[float]:
        return [r.cpu for r in self.runs]

    def summary(self) -> dict:
        return {
            "runs": len(self.runs),
            "median": statistics.median(self.wall),
            "min": min(self.wall),
            "max": max(self.wall),
            "cpu_median": statistics.median(self.cpu),
            "cpu_min": min(self.cpu),
            "cpu_max": max(self.cpu),
            "all": [asdict(r) for r in self.runs],
        }


class BuildFailed(RuntimeError):
    pass


def timed(cmd: list[str], cwd: Path) -> tuple[Run, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=BUILD_ENV, capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu), proc


def build(project: Path, site: Path, *, config: str = "mkdocs.yml") -> Run:
    """One strict build in a fresh process, like `make build`; raises with the log if it fails."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site)]
    run, proc = timed(cmd, project)
    if proc.returncode != 0:
        raise BuildFailed(f"{' '.join(cmd)} failed:\n{proc.stdout}{proc.stderr}")
    return run


def html_pages(site: Path) -> list[Path]:
    """Every page a reader can open (not the 404 page, nor the stubs that redirect a retired page)."""
    return [p for p in site.rglob("*.html") if p.name != "404.html" and not _redirect_stub(p)]


def _redirect_stub(page: Path) -> bool:
    return page.stat().st_size < 2000 and 'http-equiv="refresh"' in page.read_text(encoding="utf-8")
