"""Every file the build generates from data, as plain values: the one interface between the core and
whatever static-site tool publishes it (today ``hooks/generate_pages.py`` for MkDocs).

Each collection whose entries have pages of their own (the registry's ``page``) gets one page
per entry, rendered by the collection's renderer in ``render/entity_pages.py``; each role and
level gets a job description page and the JSON the builder fetches; each step of the ladder
gets a level-to-level page; the open data export adds ``/data/v2/``. ``redirects`` names the
pages that data has retired and where each now leads. A page is rendered when MkDocs reads it, from a recording view of the
guide, so the build knows which data files each page shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from . import urls
from .guide import Guide
from .ladder import steps
from .open_data import export_files
from .render.career import level_step_page, step_title
from .render.entity_pages import PAGE_RENDERERS
from .render.interview_kits import KIT_SEARCH_BOOST, kit_page, kit_title
from .render.job_descriptions import builder_document, jd_page, jd_title, job_description
from .urls import absolute, place

# A role's job descriptions repeat its words; ranked lower in search, the role page itself
# comes first when a reader types the role's name (tests search for one).
JD_SEARCH_BOOST = 0.5


@dataclass(frozen=True)
class GeneratedPage:
    """A Markdown page made from data. ``render(guide)`` returns its Markdown."""

    path: str  # docs-relative: roles/api-developer.md
    data_file: str  # what the page's edit button opens
    description: str  # the page's one-sentence summary (meta description, social cards)
    render: Callable[[Guide], str]  # given SiteBuild.guide_for(path), so the page's reads are recorded
    search_boost: float | None = None


@dataclass(frozen=True)
class GeneratedFile:
    """A file other than a page: the builder's JSON, the open data."""

    path: str
    content: str


class RendererMissing(LookupError):
    """A collection declares pages of its own but no renderer is registered for it."""


def generated_pages(guide: Guide, site_url: str) -> list[GeneratedPage]:
    pages = []
    for collection in guide.registry:
        if not collection.has_own_pages:
            continue
        render = PAGE_RENDERERS.get(collection.name)
        if render is None:
            raise RendererMissing(f"the collection '{collection.name}' has pages ({collection.page}) but no renderer: "
                                  "register one in macros/render/entity_pages.py with @renders")
        for entity_id, entity in getattr(guide, collection.name).items():
            path = collection.entry_place(entity_id)
            assert path is not None  # has_own_pages
            pages.append(GeneratedPage(path, guide.source_file(collection.name, entity_id), entity.summary,
                                       _bind(render, entity_id, path), search_boost=collection.search_boost))
    loops_file = f"{guide.data_path}/{guide.registry['interview_loops'].path}"
    for role_id in guide.roles:
        for level_id in guide.levels:
            path = place(urls.JD_PAGE, role=role_id, level=level_id)
            summary = (f"A copy-ready job description for {jd_title(guide, role_id, level_id)}, "
                       "every line linked to the Backend Developer Guide.")
            pages.append(GeneratedPage(path, guide.source_file("roles", role_id), summary,
                                       _bind_jd(role_id, level_id, path, site_url), search_boost=JD_SEARCH_BOOST))
            kit = place(urls.KIT_PAGE, role=role_id, level=level_id)
            summary = (f"A structured interview kit for {kit_title(guide, role_id, level_id)}: the loop, questions with "
                       "what a good answer shows, a scorecard, and the rules that keep it fair.")
            pages.append(GeneratedPage(kit, loops_file, summary,
                                       _bind_kit(role_id, level_id, kit, site_url), search_boost=KIT_SEARCH_BOOST))
    levels_file = f"{guide.data_path}/{guide.registry['levels'].path}"
    for lower, higher in steps(guide.levels):
        path = place(urls.LEVEL_STEP, lower=lower, higher=higher)
        summary = (f"{step_title(guide, lower, higher)}: what changes in scope, time horizon, reach, decisions, "
                   "expectations and every skill, side by side.")
        pages.append(GeneratedPage(path, levels_file, summary, _bind_step(lower, higher, path)))
    return pages


def redirects(guide: Guide) -> dict[str, str]:
    """Pages the guide published that data has retired, each to the page that took its place (docs paths).

    A level's former ids: the job descriptions of a retired level open the same role's description at
    the level that now carries its meaning.
    """
    moved = {}
    for level in guide.levels.values():
        for old in level.former_ids:
            for role_id in guide.roles:
                moved[place(urls.JD_PAGE, role=role_id, level=old)] = place(urls.JD_PAGE, role=role_id, level=level.id)
    return moved


def generated_files(guide: Guide, site_url: str) -> list[GeneratedFile]:
    files = []
    for role_id in guide.roles:
        for level_id in guide.levels:
            document = builder_document(job_description(guide, role_id, level_id), site_url)
            files.append(GeneratedFile(place(urls.JD_DOCUMENT, role=role_id, level=level_id),
                                       json.dumps(document, ensure_ascii=False)))
    files += [GeneratedFile(path, content) for path, content in export_files(guide, site_url).items()]
    files.append(GeneratedFile(urls.ROBOTS, robots_txt(site_url)))
    return files


def robots_txt(site_url: str) -> str:
    """Every page may be crawled; the sitemap says where they are. Crawlers read /robots.txt at the
    host's root only, so this one counts where the site has a host of its own (GUIDE_SITE_URL)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(site_url, urls.SITEMAP)}\n"


def _bind(render: Callable[[Guide, str, str], str], entity_id: str, path: str) -> Callable[[Guide], str]:
    return lambda guide: render(guide, entity_id, path)


def _bind_kit(role_id: str, level_id: str, path: str, site_url: str) -> Callable[[Guide], str]:
    return lambda guide: kit_page(guide, role_id, level_id, path, site_url)


def _bind_step(lower: str, higher: str, path: str) -> Callable[[Guide], str]:
    return lambda guide: level_step_page(guide, lower, higher, path)


def _bind_jd(role_id: str, level_id: str, path: str, site_url: str) -> Callable[[Guide], str]:
    return lambda guide: jd_page(guide, role_id, level_id, path, site_url)
