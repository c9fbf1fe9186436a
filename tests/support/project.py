"""Projects to build and strict builds of them, as a contributor runs `make build`.

- ``ROOT``: the real guide. ``copy_project`` copies what a build reads, so a test can change it.
- ``fixture_project``: a small MkDocs project over ``tests/fixtures/data/``, with the real
  configuration, hooks, macros and theme overrides but a few pages of its own. Tests of a
  mechanism (renames, redirects, dates, a fork's URLs, escaping) build this, not the guide.
- ``build``: a strict ``mkdocs build`` in a fresh process. Every build sets ``SOURCE_DATE_EPOCH``,
  so nothing a test reads depends on the day it runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_DATA = FIXTURES / "data"
FIXTURE_PROJECT = FIXTURES / "project"
# What a build reads. Not the tests, bench, tools or site folders.
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "hooks", "data")
# 2026-01-15 00:00 UTC: the day every test build believes it is (export dates, sitemap).
BUILD_EPOCH = 1768435200
BUILD_DAY = "2026-01-15"


# Three valid resources, as the last lines of a skill or tool file that a test writes (every skill and
# tool lists 3 to 8). Flow mappings keep them to one line each.
RESOURCES = """\
resources:
  - {title: A tutorial, by: A project, url: "https://example.org/tutorial", type: documentation, cost: free, level: entry, why: Where to start.}
  - {title: A book, by: An author, url: "https://example.org/book", type: book, cost: paid, level: mid, why: The depth.}
  - {title: A standard, by: A body, url: "https://example.org/standard", type: standard, cost: free, level: mid, why: The rules.}
"""


def write(path: Path, text: str) -> Path:
    """Write dedented text, creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)


def copy_project(dest: Path) -> Path:
    """Copy the real guide's sources, data included, to ``dest``."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        _copy(ROOT / part, dest / part)
    return dest


def fixture_project(dest: Path) -> Path:
    """A small project at ``dest``: the fixture data and pages, the real config (with the fixture's nav) and code."""
    dest.mkdir(parents=True)
    for part in ("overrides", "macros", "hooks"):
        _copy(ROOT / part, dest / part)
    _copy(FIXTURE_DATA, dest / "data")
    _copy(FIXTURE_PROJECT / "docs", dest / "docs")
    for assets in ("javascripts", "stylesheets", "images"):
        _copy(ROOT / "docs" / assets, dest / "docs" / assets)
    (dest / "mkdocs.yml").write_text(with_nav((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                              (FIXTURE_PROJECT / "nav.yml").read_text(encoding="utf-8")),
                                     encoding="utf-8")
    return dest


def with_nav(config: str, nav: str) -> str:
    """``config`` (mkdocs.yml's text) with its top-level ``nav:`` block replaced by ``nav``."""
    replaced, count = re.subn(r"^nav:\n(?:[ #].*\n|\n)*", nav.rstrip("\n") + "\n\n", config, count=1, flags=re.M)
    assert count == 1, "mkdocs.yml has no top-level nav: block"
    return replaced


@dataclass
class BuildResult:
    returncode: int
    log: str
    site: Path
    _parsed: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False, compare=False)

    def page(self, url_path: str) -> BeautifulSoup:
        """The HTML a reader gets at ``url_path`` (e.g. 'roles/api-developer/'), parsed afresh: the caller may change it."""
        return BeautifulSoup(self._file(url_path).read_text(encoding="utf-8"), "html.parser")

    def parsed(self, url_path: str) -> BeautifulSoup:
        """The same page, parsed once for every test that reads it: never change it.

        Tests that walk every page of the real site share these parses; parsing the whole site with
        html.parser takes longer than building it, and it was done once per such test."""
        key = self._file(url_path).as_posix()  # 'roles/x/' and 'roles/x/index.html' are one page
        if key not in self._parsed:
            self._parsed[key] = self.page(url_path)
        return self._parsed[key]

    def _file(self, url_path: str) -> Path:
        path = url_path.strip("/")
        return self.site / path if url_path.endswith(".html") else self.site / path / "index.html"

    def problem_lines(self) -> list[str]:
        """The build's ``file:line:col: field: problem`` lines."""
        return [line for line in self.log.splitlines() if re.match(r"^data/\S+:\d+:\d+: ", line)]


def build(project: Path, site: Path, env: dict[str, str] | None = None, *, config: str = "mkdocs.yml",
          cwd: Path | None = None) -> BuildResult:
    """A strict `mkdocs build` in a fresh process (``env`` adds variables; ``config`` as given to -f)."""
    config_path = config if cwd is not None else str(project / config)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config_path, "-d", str(site)],
        cwd=cwd or project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(BUILD_EPOCH), **(env or {})},
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)
