"""The test tiers, and the fixtures they share.

Each folder is a tier, marked by its name, cheapest first:

| folder    | marker  | what it costs                                              |
| --------- | ------- | ---------------------------------------------------------- |
| unit/     | unit    | pure Python: models, loader, renderers, URLs, the data     |
| site/     | site    | one strict build of the real guide, shared by the session  |
| builds/   | builds  | strict builds of the small fixture project, one per change |
| browser/  | browser | the real site in real Chromium (Playwright)                |
| repo/     | repo    | the repository's own rules: linters, workflows, docs       |
| bench/    | bench   | `make bench`'s scripts, run once at the smallest size      |

`make test-fast` runs `unit` and `site`: a contributor's loop, one build of the guide.
`make test` runs every tier.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support.hostile import hostile_files
from support.project import FIXTURE_DATA, ROOT, BuildResult, build, fixture_project

# Tests see the same environment on a laptop and on GitHub's runners; a test that needs
# the GitHub Actions behaviour (annotations) sets it itself.
os.environ.pop("GITHUB_ACTIONS", None)

TIERS = ("unit", "site", "builds", "browser", "repo", "bench")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests = Path(__file__).parent
    for item in items:
        tier = Path(item.path).relative_to(tests).parts[0]
        if tier not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: a test lives in one of the tier folders {', '.join(TIERS)}")
        item.add_marker(tier)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A writable copy of the small, valid fixture data set, at <tmp>/data."""
    return Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real guide, built strictly once for the whole session."""
    result = build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The small fixture project, built as it is: what a mechanism test compares its change with."""
    project = fixture_project(tmp_path_factory.mktemp("fixture") / "project")
    result = build(project, project.parent / "site")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The fixture project with hostile text in every kind of text field (support/hostile.py)."""
    project = fixture_project(tmp_path_factory.mktemp("hostile") / "project")
    hostile_files(project)
    result = build(project, project.parent / "site")
    assert result.returncode == 0, result.log
    return result


# --- Browser tests: real Chromium driven by Playwright, against the real built site -------------

@pytest.fixture(scope="session")
def site_server(real_site: BuildResult):
    """The real built site served on 127.0.0.1; ``site_server.url('roles/')`` gives a page's address."""
    from support.browser import SiteServer

    with SiteServer(real_site.site) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session. No browser is a failure that says why, not a skip."""
    from playwright.sync_api import Error, sync_playwright

    from support.browser import CHROMIUM_ARGS, NO_BROWSER, chromium_executable

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

    Its pages count search messages, so ``support.browser.search()`` knows when results are final.
    """
    from support.browser import COUNT_SEARCH_MESSAGES

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
