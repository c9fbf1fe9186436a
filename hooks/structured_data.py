"""MkDocs hook: schema.org JSON-LD in every page's <head>, and the same trail as visible breadcrumbs.

Every page gets a BreadcrumbList that follows its URL (home, then each parent page that
exists, then the page); role pages add an Occupation. The JSON is
built from the loaded guide by ``macros/render/json_ld.py`` and escaped for <script>.

The page context also gets, as plain text for the templates to escape:
- ``guide_breadcrumbs``: the trail again, as (name, site path) pairs, which
  ``overrides/partials/path.html`` shows on every page below the top level. Generated pages
  have no ancestors in the nav, so Material's own path cannot show them.
- ``guide_share``: the Open Graph and Twitter card fields (``overrides/main.html``).
"""

from __future__ import annotations

import html
from typing import Any

import _project  # noqa: F401 (the project root on sys.path)
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import urls
from macros.render.job_descriptions import script_json
from macros.render.json_ld import breadcrumb_list, occupation
from macros.site_build import build_of

_TITLES = "json_ld_titles"  # key in SiteBuild.extras: URL path -> page title, for breadcrumbs
# The image every shared link shows (tools/social_card.py draws it), 1200 x 630 as Open Graph advises.
SHARE_IMAGE = "images/social-card.png"
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_ALT = "Backend Developer Guide: roles, skills, tools, levels and pay of backend development"


# The indexes the 404 page offers, in this order.
INDEXES = (urls.ROLES_INDEX, urls.SKILLS_INDEX, urls.TOOLS_INDEX, urls.LEVELS, urls.JD_INDEX, urls.FAQ)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Called once all pages are read (so every title is known) and before any is written.
    titles = build_of(config).extras[_TITLES] = {
        f.url: _text(f.page.title) for f in files.documentation_pages() if f.page is not None
    }
    env.globals["guide_indexes"] = [(titles[urls.page_url(p)], urls.page_url(p)) for p in INDEXES
                                    if urls.page_url(p) in titles]
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    build = build_of(config)
    site = build.site_url
    trail = _trail(page, site, config.site_name, build.extras[_TITLES])
    blocks = [breadcrumb_list(trail)]
    # Site paths (no leading slash, '' for the home page), for the template's `url` filter.
    context["guide_breadcrumbs"] = [(name, url.removeprefix(site)) for name, url in trail]
    context["guide_share"] = _share(page, config, site)
    role = urls.match(urls.ROLE_PAGE, page.file.src_uri)
    if role is not None and role["id"] in build.guide.roles:
        blocks.append(occupation(build.guide, role["id"], site))
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


def _share(page: Page, config: MkDocsConfig, site: str) -> dict[str, Any]:
    """What a link to ``page`` unfurls as, as plain text (the template escapes it)."""
    description = page.meta.get("description") or config.site_description or ""
    return {
        "site_name": config.site_name,
        "title": _text(page.title) if page.title and not page.is_homepage else config.site_name,
        # Page descriptions reach the theme already escaped (Material prints them as they are).
        "description": html.unescape(" ".join(str(description).split())),
        "url": site + page.url,
        "type": "website" if page.is_homepage else "article",
        "image": site + SHARE_IMAGE,
        "image_width": SHARE_IMAGE_SIZE[0],
        "image_height": SHARE_IMAGE_SIZE[1],
        "image_alt": SHARE_IMAGE_ALT,
    }


def _text(title: str | None) -> str:
    """A page title as a reader sees it: MkDocs gives it as HTML (escaped text, perhaps inline markup)."""
    return Markup(title or "").striptags()
