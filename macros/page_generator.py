"""MkDocs hook: validate ``data/`` first, then add one page per role, skill and tool.

Adding ``data/tools/x.yml`` is all it takes to publish ``/tools/x/``: the page is
generated here, its content comes from the renderers through one macro call, and its
"edit" button opens the YAML file. Generated pages stay out of the nav, so a page's
size does not grow with the number of entities.
"""

from __future__ import annotations

import html
import json
import os
import sys

# MkDocs loads hooks by file path; make the `macros` package importable, as mkdocs-macros does.
_PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from macros.loader import load_guide  # noqa: E402
from macros.problems import DataError  # noqa: E402
from macros.render.markup import ENTITY_PAGES  # noqa: E402

PAGE_MACRO = {"roles": "role_page", "skills": "skill_page", "tools": "tool_page"}


def _load(config):
    project = os.path.dirname(config.config_file_path)
    return load_guide(os.path.join(project, "data"), root=project)


@event_priority(100)  # before mkdocs-macros, so a data problem is reported here, once, as a list
def on_config(config):
    try:
        _load(config)
    except DataError as error:
        print(error.report(), file=sys.stderr)  # noqa: T201  (one plain line per problem, for editors and CI)
        raise PluginError(f"Invalid data: {error}") from None
    # toc only slugifies a heading that has no explicit id; make that a build error, so an
    # anchor (part of the URL contract) never silently depends on heading text.
    config.mdx_configs.setdefault("toc", {})["slugify"] = _require_explicit_id


def _require_explicit_id(text: str, separator: str) -> str:
    raise PluginError(f"heading '{text}' has no explicit id: write it as '## {text} {{ #some-id }}'")


def on_files(files: Files, config) -> Files:
    guide = _load(config)  # cached: same files, same Guide
    project = os.path.dirname(config.config_file_path)
    for collection, pattern in ENTITY_PAGES.items():
        for entity_id, entity in getattr(guide, collection).items():
            src_uri = pattern.format(entity_id)
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} hides the page generated from {guide.source_file(collection, entity_id)}; remove it")
            page = File.generated(config, src_uri, content=_stub(collection, entity_id, entity.summary),
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            # edit_uri is joined to repo_url + edit_uri (which points at docs/), so step out to the data file.
            page.edit_uri = os.path.relpath(os.path.join(project, guide.source_file(collection, entity_id)), config.docs_dir).replace(os.sep, "/")
            files.append(page)
    return files


def _stub(collection: str, entity_id: str, summary: str) -> str:
    # The theme prints front-matter values without escaping, so the description is escaped here.
    return (
        "---\n"
        f"description: {json.dumps(html.escape(summary))}\n"
        "render_macros: true\n"
        "---\n\n"
        f'{{{{ guide.{PAGE_MACRO[collection]}("{entity_id}") }}}}\n'
    )
