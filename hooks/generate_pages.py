"""MkDocs hook: publish the pages and files the core generates from data (``macros/site_pages.py``).

Adding ``data/tools/x.yml`` is all it takes to publish ``/tools/x/``: the page is added
here, out of the nav (so a page's size does not grow with the number of entities), its
"edit" button opens the YAML file, and its Markdown comes straight from the renderers when
MkDocs reads it, from a recording view of the data, so ``last_updated`` knows which data
files it shows.
"""

from __future__ import annotations

import html
import os
from typing import Any

import _project  # noqa: F401 (the project root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros.site_build import build_of
from macros.site_pages import generated_files, generated_pages


@event_priority(50)  # before the redirects plugin lists the pages: a retired page redirects to a generated one
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = build_of(config)

    def add(path: str, content: str, origin: str) -> File:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} hides the file generated from {origin}; remove it")
        file = File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        return file

    for page in generated_pages(build.guide, build.site_url):
        file = add(page.path, "", page.data_file)
        # edit_uri is joined to repo_url + edit_uri (which points at docs/), so step out to the data file.
        file.edit_uri = os.path.relpath(build.project / page.data_file, config.docs_dir).replace(os.sep, "/")
        build.generated[page.path] = page
    for generated in generated_files(build.guide, build.site_url):
        add(generated.path, generated.content, "data/")
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    """A generated page's Markdown and front matter, rendered here rather than by a macro call in a stub.

    A macro call made mkdocs-macros compile a Jinja template for every generated page:
    about 0.7 ms each, a twentieth of what MkDocs spends on the whole page.
    """
    build = build_of(config)
    generated = build.generated.get(page.file.src_uri)
    if generated is None:
        return markdown
    # The theme prints front-matter values without escaping, so the description is escaped here.
    page.meta["description"] = html.escape(generated.description)
    if generated.search_boost is not None:
        page.meta["search"] = {"boost": generated.search_boost}
    return generated.render(build.guide_for(page.file.src_uri))
