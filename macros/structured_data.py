"""MkDocs hook: schema.org JSON-LD in every page's <head> (printed by overrides/main.html).

Every page gets a BreadcrumbList that follows its URL (home, then each parent page that
exists, then the page); role pages add an Occupation and /faq/ a FAQPage. The JSON is
built from the loaded guide by ``macros/render/json_ld.py`` and escaped for <script>.
"""

from __future__ import annotations

import html
import os
import sys

_PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from macros.loader import load_guide  # noqa: E402
from macros.render.job_descriptions import script_json  # noqa: E402
from macros.render.json_ld import breadcrumb_list, faq_page, occupation  # noqa: E402

_pages_by_url: dict = {}
_build: dict = {}  # the guide for the current build, set once in on_env


def on_env(env, config, files):
    # Called once all pages are read (so every title is known) and before any is written.
    _pages_by_url.clear()
    _pages_by_url.update({f.url: f.page for f in files.documentation_pages() if f.page is not None})
    project = os.path.dirname(config.config_file_path)
    _build["guide"] = load_guide(os.path.join(project, "data"), root=project)  # a cache hit: loaded in on_config
    return env


def on_page_context(context, page, config, **_):
    guide = _build["guide"]
    site = config.site_url or "/"
    blocks = [breadcrumb_list(_trail(page, site, config.site_name))]
    parts = page.file.src_uri.removesuffix(".md").split("/")
    if len(parts) == 2 and parts[0] == "roles" and parts[1] in guide.roles:
        blocks.append(occupation(guide, parts[1], site))
    elif page.file.src_uri == "faq.md":
        blocks.append(faq_page(guide, site))
    context["guide_json_ld"] = [script_json(block) for block in blocks]
    return context


def _trail(page, site: str, site_name: str) -> list[tuple[str, str]]:
    trail = [(site_name, site)]
    parts = page.url.strip("/").split("/") if page.url else []
    for depth in range(1, len(parts)):
        parent = _pages_by_url.get("/".join(parts[:depth]) + "/")
        if parent is not None:
            trail.append((_text(parent.title), site + parent.url))
    if page.url:
        trail.append((_text(page.title), site + page.url))
    return trail


def _text(title: str | None) -> str:
    return html.unescape(title or "")
