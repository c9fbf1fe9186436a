"""MkDocs hook: schema.org JSON-LD in every page's <head> (printed by overrides/main.html).

Every page gets a BreadcrumbList that follows its URL (home, then each parent page that
exists, then the page); role pages add an Occupation and /faq/ a FAQPage. The JSON is
built from the loaded guide by ``macros/render/json_ld.py`` and escaped for <script>.
"""

from __future__ import annotations

import html
from typing import Any

import _project  # noqa: F401 (the project root on sys.path)
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import urls
from macros.render.job_descriptions import script_json
from macros.render.json_ld import breadcrumb_list, faq_page, occupation
from macros.site_build import build_of

_TITLES = "json_ld_titles"  # key in SiteBuild.extras: URL path -> page title, for breadcrumbs


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Called once all pages are read (so every title is known) and before any is written.
    build_of(config).extras[_TITLES] = {
        f.url: _text(f.page.title) for f in files.documentation_pages() if f.page is not None
    }
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    build = build_of(config)
    site = build.site_url
    blocks = [breadcrumb_list(_trail(page, site, config.site_name, build.extras[_TITLES]))]
    role = urls.match(urls.ROLE_PAGE, page.file.src_uri)
    if role is not None and role["id"] in build.guide.roles:
        blocks.append(occupation(build.guide, role["id"], site))
    elif page.file.src_uri == urls.FAQ:
        blocks.append(faq_page(build.guide, site))
    context["guide_json_ld"] = [script_json(block) for block in blocks]
    return context


def _trail(page: Page, site: str, site_name: str, titles: dict[str, str]) -> list[tuple[str, str]]:
    trail = [(site_name, site)]
    parts = page.url.strip("/").split("/") if page.url else []
    for depth in range(1, len(parts)):
        parent = "/".join(parts[:depth]) + "/"
        if parent in titles:
            trail.append((titles[parent], site + parent))
    if page.url:
        trail.append((_text(page.title), site + page.url))
    return trail


def _text(title: str | None) -> str:
    return html.unescape(title or "")
