"""MkDocs hook: each page says when it last changed, from one ``git log`` of the whole repository.

A Markdown page takes the date of its own file. A page may also list, under
``updated_from`` in its front matter, the files or folders it is made from (paths
relative to the project, e.g. ``data/tools/redis.yml`` or ``data/roles``); it then
takes the newest of all those dates. Generated pages have no file of their own, so the
page generator writes their ``updated_from``; a new kind of generated page plugs in the
same way. Material shows ``page.meta.revision_date`` at the foot of the page, and the
sitemap's ``lastmod`` uses the same date.

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

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

UPDATED_FROM = "updated_from"  # front-matter key: a list of project-relative paths

log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_dates: dict[str, datetime.date] = {}


def commit_dates(project: str) -> dict[str, datetime.date]:
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


def on_config(config):
    _dates.clear()
    _dates.update(commit_dates(os.path.dirname(config.config_file_path)))


# After mkdocs-macros (front matter is final), and before the sitemap is written, which happens
# once every page has its content but before any page gets its template context.
@event_priority(-100)
def on_page_content(html, page, config, **_):
    project = os.path.dirname(config.config_file_path)
    declared = page.meta.get(UPDATED_FROM) or []
    paths = [declared] if isinstance(declared, str) else [str(p) for p in declared]
    for path in paths:
        if not os.path.exists(os.path.join(project, path)):
            raise PluginError(f"{page.file.src_uri}: {UPDATED_FROM} names '{path}', which does not exist in the project")
    if page.file.abs_src_path and not page.file.generated_by:
        paths.append(os.path.relpath(page.file.abs_src_path, project).replace(os.sep, "/"))
    day = last_change(paths, _dates)
    if day is not None:
        page.meta["revision_date"] = revision_html(day)
        page.update_date = day.isoformat()  # the sitemap's <lastmod>
    return html
