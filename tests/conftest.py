"""Shared fixtures: copies of the fixture data, and builds of the real site as a reader gets it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Tests see the same environment on a laptop and on GitHub's runners; a test that needs
# the GitHub Actions behaviour (annotations) sets it itself.
os.environ.pop("GITHUB_ACTIONS", None)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data")


def write(path: Path, text: str) -> Path:
    """Write dedented text, creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture data set, at <tmp>/data."""
    return Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))


def copy_project(dest: Path) -> Path:
    """Copy the site's sources, data included, to ``dest``."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@dataclass
class BuildResult:
    returncode: int
    log: str
    site: Path

    def page(self, url_path: str) -> BeautifulSoup:
        """The HTML a reader gets at ``url_path`` (e.g. 'roles/api-developer/')."""
        file = self.site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else self.site / url_path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def build(project: Path, site: Path, env: dict[str, str] | None = None) -> BuildResult:
    """Run a strict `mkdocs build` as a contributor would, in a fresh process (``env`` adds variables)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real guide, built strictly once for the whole session."""
    result = build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.log
    return result


# --- Browser tests: real Chromium driven by Playwright, against the real built site -------------

@pytest.fixture(scope="session")
def site_server(real_site: BuildResult):
    """The real built site served on 127.0.0.1; ``site_server.url('roles/')`` gives a page's address."""
    from browser import SiteServer

    with SiteServer(real_site.site) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session. No browser is a failure that says why, not a skip."""
    from playwright.sync_api import Error, sync_playwright

    from browser import CHROMIUM_ARGS, NO_BROWSER, chromium_executable

    playwright = sync_playwright().start()
    try:
        chromium, problem = None, ""
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        except Error as error:
            problem = str(error).splitlines()[0]
        if chromium is None:
            pytest.fail(NO_BROWSER.format(error=problem), pytrace=False)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def context(browser, site_server):
    """A fresh browser profile (no stored palette, empty clipboard) that may use the clipboard.

    Its pages count search messages, so ``browser.search()`` knows when results are final.
    """
    from browser import COUNT_SEARCH_MESSAGES

    ctx = browser.new_context(base_url=site_server.origin)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.origin)
    ctx.add_init_script(COUNT_SEARCH_MESSAGES)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page in a fresh profile; ``page.goto('roles/')`` opens a page of the served site."""
    tab = context.new_page()
    yield tab
    tab.close()
