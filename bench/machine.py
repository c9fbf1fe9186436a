"""What the figures were measured on: the machine, the versions, the date and how busy it was."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from .lighthouse import version as lighthouse_version

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "mkdocs-macros-plugin", "Markdown", "Jinja2",
            "pydantic", "PyYAML", "mkdocs-redirects", "playwright")


def _command(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30, cwd=ROOT).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages: above the core count, other work was competing."""
    return [round(x, 2) for x in os.getloadavg()]


def describe() -> dict:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": _command("git", "rev-parse", "--short", "HEAD") or "unknown",
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "node": _command("node", "--version"),
        "chromium": _command("/usr/bin/chromium", "--version"),
        "lighthouse": lighthouse_version(),
    }
