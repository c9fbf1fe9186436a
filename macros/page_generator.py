"""MkDocs hook: validate ``data/`` first, then add one page per role, skill, tool and job description.

Adding ``data/tools/x.yml`` is all it takes to publish ``/tools/x/``: the page is
generated here, its content comes straight from the renderers, and its "edit" button
opens the YAML file. Generated pages stay out of the nav, so a page's size does not grow
with the number of entities.
"""

from __future__ import annotations

import html
import json
import os
import sys
from collections.abc import Callable
from functools import partial

# MkDocs loads hooks by file path; make the `macros` package importable, as mkdocs-macros does.
_PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from macros.loader import load_guide  # noqa: E402
from macros.open_data import export_files  # noqa: E402
from macros.problems import DataError, print_problems  # noqa: E402
from macros.render import entity_pages  # noqa: E402
from macros.render.job_descriptions import builder_document, jd_page, jd_title, job_description  # noqa: E402
from macros.render.markup import ENTITY_PAGES  # noqa: E402

RENDER = {"roles": entity_pages.role_page, "skills": entity_pages.skill_page, "tools": entity_pages.tool_page}
# How to render each page this build generates, by src_uri; called when MkDocs reads the page.
_renderers: dict[str, Callable[[], str]] = {}


def _load(config):
    project = os.path.dirname(config.config_file_path)
    return load_guide(os.path.join(project, "data"), root=project)


@event_priority(100)  # before mkdocs-macros, so a data problem is reported here, once, as a list
def on_config(config):
    try:
        _load(config)
    except DataError as error:
        print_problems(error)  # one plain line per problem, for editors; and annotations on GitHub
        raise PluginError(f"Invalid data: {error}") from None
    # toc only slugifies a heading that has no explicit id; make that a build error, so an
    # anchor (part of the URL contract) never silently depends on heading text.
    config.mdx_configs.setdefault("toc", {})["slugify"] = _require_explicit_id


def _require_explicit_id(text: str, separator: str) -> str:  # noqa: ARG001 (toc calls slugify with both)
    raise PluginError(f"heading '{text}' has no explicit id: write it as '## {text} {{ #some-id }}'")


# A role's four job descriptions repeat its words; ranked lower in search, the role page itself
# comes first when a reader types the role's name (tests/test_browser.py searches for one).
JD_SEARCH_BOOST = 0.5


def on_files(files: Files, config) -> Files:
    guide = _load(config)  # cached: same files, same Guide
    project = os.path.dirname(config.config_file_path)
    site_url = config.site_url or "/"
    _renderers.clear()

    def add(src_uri: str, content: str, data_file: str | None = None, render: Callable[[], str] | None = None) -> None:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} hides the page generated from {data_file or 'data/'}; remove it")
        file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        if data_file:
            # edit_uri is joined to repo_url + edit_uri (which points at docs/), so step out to the data file.
            file.edit_uri = os.path.relpath(os.path.join(project, data_file), config.docs_dir).replace(os.sep, "/")
        files.append(file)
        if render is not None:
            _renderers[src_uri] = render

    for collection, pattern in ENTITY_PAGES.items():
        for entity_id, entity in getattr(guide, collection).items():
            data_file = guide.source_file(collection, entity_id)
            src_uri = pattern.format(entity_id)
            add(src_uri, _front_matter(entity.summary, [data_file]), data_file, partial(RENDER[collection], guide, entity_id, src_uri))

    for role_id in guide.roles:
        for level_id in guide.levels:
            title = jd_title(guide, role_id, level_id)
            summary = f"A copy-ready job description for {title}, every line linked to the Backend Developer Guide."
            jd = job_description(guide, role_id, level_id)
            role_file = guide.source_file("roles", role_id)
            front_matter = _front_matter(summary, [role_file, guide.source_file("levels", level_id)], search_boost=JD_SEARCH_BOOST)
            add(jd.page, front_matter, role_file, partial(jd_page, guide, role_id, level_id, jd.page, site_url))
            add(jd.page.removesuffix(".md") + ".json", json.dumps(builder_document(jd, site_url), ensure_ascii=False))

    for path, content in export_files(guide, site_url).items():
        add(path, content)
    return files


def on_page_markdown(markdown: str, page, **_) -> str:
    """A generated page's content, rendered here rather than by a macro call in a stub.

    A macro call made mkdocs-macros compile a Jinja template for every generated page:
    about 0.7 ms each, a twentieth of what MkDocs spends on the whole page.
    """
    render = _renderers.get(page.file.src_uri)
    return markdown if render is None else render()


def _front_matter(summary: str, updated_from: list[str], search_boost: float | None = None) -> str:
    # The theme prints front-matter values without escaping, so the description is escaped here.
    # updated_from: the files whose git history dates the page (see last_updated.py).
    return (
        "---\n"
        f"description: {json.dumps(html.escape(summary))}\n"
        f"updated_from: {json.dumps(updated_from)}\n"
        + (f"search:\n  boost: {search_boost}\n" if search_boost is not None else "")
        + "---\n"
    )
