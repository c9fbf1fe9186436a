"""Each page shows when it last changed, from git history: a prose page from its own file, a page made from
data from every data file it shows (what its renderer or its macros read), whatever path mkdocs is given."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from support.hooks import hook
from support.project import BuildResult, build, fixture_project, write

JAN, MAR = "2024-01-02T12:00:00+00:00", "2024-03-04T12:00:00+00:00"
last_updated = hook("last_updated")


def git(repo: Path, *args: str, when: str = JAN) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CEILING_DIRECTORIES": str(repo.parent)}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, env=env, check=True, capture_output=True)


def commit_all(repo: Path, when: str) -> None:
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", f"change at {when}", when=when)


def dated(result: BuildResult, url: str) -> str | None:
    """The datetime of the page's "last updated" line, or None if it shows none."""
    time = result.page(url).select_one("aside.md-source-file time")
    return time["datetime"] if time else None


def test_one_git_log_gives_each_files_last_change(tmp_path):
    repo = tmp_path / "repo"
    write(repo / "docs" / "a.md", "a")
    write(repo / "data" / "tools" / "x.yml", "x")
    git(repo, "init", "-q")
    commit_all(repo, JAN)
    write(repo / "data" / "tools" / "x.yml", "x changed")
    commit_all(repo, MAR)
    dates = last_updated.commit_dates(repo)
    assert dates == {"docs/a.md": datetime.date(2024, 1, 2), "data/tools/x.yml": datetime.date(2024, 3, 4)}
    assert last_updated.last_change(["docs/a.md"], dates) == datetime.date(2024, 1, 2)
    assert last_updated.last_change(["docs/a.md", "data/tools"], dates) == datetime.date(2024, 3, 4)  # a folder: its newest file
    assert last_updated.last_change(["docs/new.md"], dates) is None


def test_no_history_means_no_dates_not_an_error(tmp_path):
    assert last_updated.commit_dates(tmp_path) == {}


def test_the_date_is_readable_and_machine_readable():
    assert last_updated.revision_html(datetime.date(2024, 3, 4)) == 'Last updated <time datetime="2024-03-04">4 March 2024</time>'


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """The fixture project, committed in January; in March only PostgreSQL's file changes."""
    project = fixture_project(tmp_path_factory.mktemp("dates") / "project")
    git(project, "init", "-q")
    commit_all(project, JAN)
    tool = project / "data" / "tools" / "postgresql.yml"
    tool.write_text(tool.read_text().replace("summary: An open-source relational database.", "summary: A relational database."))
    commit_all(project, MAR)
    return project


# The pages that show PostgreSQL's summary changed in March; the others did not.
EXPECTED = {
    "tools/postgresql/": "2024-03-04",  # its own file
    "tools/": "2024-03-04",  # the index shows every tool's summary
    "skills/database-management/": "2024-03-04",  # lists PostgreSQL with its summary
    "job-descriptions/backend-developer/mid/": "2024-03-04",  # its stack names PostgreSQL
    "tools/python/": "2024-01-02",  # shows neither PostgreSQL nor anything else that changed
    "skills/api-design/": "2024-01-02",
    "job-descriptions/api-developer/mid/": "2024-01-02",  # its stack is Python only
    "roles/": "2024-01-02",  # cards of the roles' titles and summaries
    "education/": "2024-01-02",  # a prose page: its own file
}


@pytest.mark.parametrize("config_path", ["absolute", "relative"])
def test_each_page_is_dated_by_the_files_it_shows(history, tmp_path, config_path):
    # `mkdocs build -f mkdocs.yml` (a relative path) used to drop every date without a warning.
    if config_path == "relative":
        result = build(history, tmp_path / "site", config="mkdocs.yml", cwd=history,
                       env={"GIT_CEILING_DIRECTORIES": str(history.parent)})
    else:
        result = build(history, tmp_path / "site", env={"GIT_CEILING_DIRECTORIES": str(history.parent)})
    assert result.returncode == 0, result.log
    assert {url: dated(result, url) for url in EXPECTED} == EXPECTED
    aside = result.page("tools/postgresql/").select_one("aside.md-source-file").get_text(" ", strip=True)
    assert aside == "Last updated 4 March 2024"
    sitemap = (result.site / "sitemap.xml").read_text()
    assert "<loc>https://backend-developer-guide.github.io/tools/postgresql/</loc>\n         <lastmod>2024-03-04</lastmod>" in sitemap
    assert "No page dates" not in result.log


def test_a_copy_without_git_builds_and_shows_no_date(tmp_path):
    project = fixture_project(tmp_path / "project")
    result = build(project, tmp_path / "site", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.log
    for url in ("education/", "tools/python/", "tools/"):
        assert dated(result, url) is None
    assert "No page dates: " in result.log
