"""MkDocs hook: each page says when it last changed, from one ``git log`` of the whole repository.

A page takes the newest date of its own Markdown file (if it has one) and of every data
file it shows: what its renderer or its macro calls read of the data, as recorded by the
build (``SiteBuild.data_files``). A role page changes when its own YAML changes, and also
when a skill it lists is renamed. Material shows ``page.meta.revision_date`` at the foot of
the page, and the sitemap's ``lastmod`` uses the same date.

Without git history (a tarball, a copy without .git, no git installed) every page is
simply undated. In a shallow clone every file seems to date from the newest commit, so
the deploy workflow fetches the whole history.
"""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
from pathlib import PurePosixPath
from typing import Any

from _project import project_dir
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from macros.site_build import find_build

log = logging.getLogger("mkdocs.hooks.last_updated")
# Per build: the project folder, and the date of each project-relative path's last commit.
_build: dict[str, Any] = {}


def commit_dates(project: str | os.PathLike[str]) -> dict[str, datetime.date]:
    """The date of the last commit that changed each file under ``project``, by project-relative path.

    One ``git log`` for the whole history. Empty when ``project`` has no git history.
    """
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=off", "log", "--format=%x1e%ct", "--name-only", "--no-renames", "--relative"],
            cwd=project, capture_output=True, text=True, encoding="utf-8", check=False,
        )
    except OSError as error:  # no git on this machine
        log.info("No page dates: git is not available (%s)", error.strerror)
        return {}
    if proc.returncode != 0:
        log.info("No page dates: %s", (proc.stderr.strip().splitlines() or ["git log failed"])[0])
        return {}
    dates: dict[str, datetime.date] = {}
    for commit in proc.stdout.split("\x1e")[1:]:  # newest first, so the first date seen for a path is its last change
        stamp, *paths = commit.split("\n")
        day = datetime.datetime.fromtimestamp(int(stamp), datetime.UTC).date()
        for path in paths:
            if path:
                dates.setdefault(path, day)
    return dates


def last_change(paths: list[str], dates: dict[str, datetime.date]) -> datetime.date | None:
    """The newest date of ``paths``; a folder counts every file under it. None if none has history."""
    found = []
    for path in paths:
        path = PurePosixPath(path).as_posix().rstrip("/")
        if path in dates:
            found.append(dates[path])
        else:
            found.extend(day for file, day in dates.items() if file.startswith(path + "/"))
    return max(found, default=None)


def revision_html(day: datetime.date) -> str:
    """What Material prints beside its clock icon: readable, with a machine-readable date."""
    return f'Last updated <time datetime="{day.isoformat()}">{day.day} {day:%B %Y}</time>'


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = project_dir(config.config_file_path)
    _build.update(project=project, dates=commit_dates(project))
    return config


# After mkdocs-macros and the page generator (every page's reads are recorded by now), and before
# the sitemap is written, which happens once every page has its content but before any page gets
# its template context.
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    build = find_build(config)  # none in a project without guide data: pages are dated by their own file
    paths = build.data_files(page.file.src_uri) if build else []
    if page.file.abs_src_path and not page.file.generated_by:
        paths.append(os.path.relpath(page.file.abs_src_path, _build["project"]).replace(os.sep, "/"))
    day = last_change(paths, _build["dates"])
    if day is not None:
        page.meta["revision_date"] = revision_html(day)
        page.update_date = day.isoformat()  # the sitemap's <lastmod>
    return html
