"""Each page shows when it last changed, from git history; a data-driven page from its YAML file's history."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from conftest import build, copy_project, write
from macros.last_updated import commit_dates, last_change, revision_html

JAN, MAR = "2024-01-02T12:00:00+00:00", "2024-03-04T12:00:00+00:00"


def git(repo: Path, *args: str, when: str = JAN) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CEILING_DIRECTORIES": str(repo.parent)}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, env=env, check=True, capture_output=True)


def commit_all(repo: Path, when: str) -> None:
    git(repo, "add", "-A", when=when)
    git(repo, "commit", "-q", "-m", f"change at {when}", when=when)


def dated(result, url: str) -> str | None:
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
    dates = commit_dates(str(repo))
    assert dates == {"docs/a.md": datetime.date(2024, 1, 2), "data/tools/x.yml": datetime.date(2024, 3, 4)}
    assert last_change(["docs/a.md"], dates) == datetime.date(2024, 1, 2)
    assert last_change(["docs/a.md", "data/tools"], dates) == datetime.date(2024, 3, 4)  # a folder: its newest file
    assert last_change(["docs/new.md"], dates) is None


def test_no_history_means_no_dates_not_an_error(tmp_path):
    assert commit_dates(str(tmp_path)) == {}


def test_the_date_is_readable_and_machine_readable():
    assert revision_html(datetime.date(2024, 3, 4)) == 'Last updated <time datetime="2024-03-04">4 March 2024</time>'


def test_a_committed_copy_dates_prose_pages_by_their_file_and_data_pages_by_their_yaml(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    commit_all(project, JAN)
    redis = project / "data" / "tools" / "redis.yml"
    redis.write_text(redis.read_text().replace("name: Redis", "name: Redis (edited)"))
    role = project / "data" / "roles" / "api-developer.yml"
    role.write_text(role.read_text().replace("title: API developer", "title: API developer (edited)"))
    commit_all(project, MAR)

    result = build(project, tmp_path / "site", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.log
    assert dated(result, "tools/redis/") == "2024-03-04"  # its YAML changed in March
    assert dated(result, "tools/postgresql/") == "2024-01-02"  # its YAML did not
    assert dated(result, "tools/") == "2024-03-04"  # the index is made from data/tools
    assert dated(result, "about/") == "2024-01-02"  # a prose page: its own file
    # Job descriptions are made from a role file and the levels: a second kind of generated page.
    assert dated(result, "job-descriptions/api-developer/senior/") == "2024-03-04"
    assert dated(result, "job-descriptions/backend-developer/senior/") == "2024-01-02"
    aside = result.page("tools/redis/").select_one("aside.md-source-file").get_text(" ", strip=True)
    assert aside == "Last updated 4 March 2024"
    assert "<loc>https://backend-developer-guide.github.io/tools/redis/</loc>\n         <lastmod>2024-03-04</lastmod>" in (
        result.site / "sitemap.xml").read_text()


def test_a_copy_without_git_builds_and_shows_no_date(tmp_path):
    project = copy_project(tmp_path / "project")
    assert not (project / ".git").exists()
    result = build(project, tmp_path / "site", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.log
    for url in ("about/", "tools/redis/", "tools/"):
        assert dated(result, url) is None
    assert "No page dates: " in result.log


def test_a_page_naming_a_missing_source_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text().replace("---\n", "---\nupdated_from: [data/tool]\n", 1))
    result = build(project, tmp_path / "site", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode != 0
    assert "about.md: updated_from names 'data/tool', which does not exist in the project" in result.log
