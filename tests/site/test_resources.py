"""Where to learn it, on the real guide: every skill and tool page lists its resources under #learn, and
every role page's learning path leads to real sections."""

from __future__ import annotations

import posixpath

import pytest

from macros import urls
from macros.loader import load_guide
from macros.models import MAX_RESOURCES, MIN_RESOURCES, RESOURCE_TYPES
from macros.render import entity_pages
from support.contract import published_ids
from support.project import ROOT

GUIDE = load_guide(ROOT / "data")
ENTITIES = [("skills", s) for s in GUIDE.skills] + [("tools", t) for t in GUIDE.tools]
_PAGES: dict = {}


def page(site, url):
    if url not in _PAGES:
        _PAGES[url] = site.page(url)
    return _PAGES[url]


def section(soup, anchor):
    """The elements of the section whose heading has id ``anchor``, up to the next heading 2."""
    found = []
    for sibling in soup.select_one(f"article h2#{anchor}").find_next_siblings():
        if sibling.name == "h2":
            break
        found.append(sibling)
    return found


def test_every_skill_and_tool_ever_published_is_still_there_to_learn_from():
    assert set(published_ids(urls.SKILL_PAGE)) <= set(GUIDE.skills)
    assert set(published_ids(urls.TOOL_PAGE)) <= set(GUIDE.tools)


@pytest.mark.parametrize("kind, entity_id", ENTITIES, ids=[f"{k}/{i}" for k, i in ENTITIES])
def test_every_skill_and_tool_page_lists_three_to_eight_resources_under_learn(real_site, kind, entity_id):
    entity = getattr(GUIDE, kind)[entity_id]
    items = [li for el in section(page(real_site, f"{kind}/{entity_id}/"), urls.LEARN) if el.name == "ul"
             for li in el.select(":scope > li")]
    assert MIN_RESOURCES <= len(items) <= MAX_RESOURCES
    in_page_order = sorted(entity.resources, key=lambda r: RESOURCE_TYPES.index(r.type))
    assert [li.select_one("a")["href"] for li in items] == [r.url for r in in_page_order]
    for li, resource in zip(items, in_page_order, strict=True):
        meta = li.select_one(".guide-meta")
        assert meta.get_text().startswith(entity_pages.COST_LABEL[resource.cost] + " · From ")
        assert meta.select_one("a")["href"] == f"../../levels/#{resource.level}"


@pytest.mark.parametrize("role_id", GUIDE.roles)
def test_a_role_pages_learning_path_links_only_to_real_sections(real_site, role_id):
    here = f"roles/{role_id}/"
    steps = section(page(real_site, here), urls.LEARNING_PATH)
    items = next(el for el in steps if el.name == "ol").select(":scope > li")
    expected = entity_pages.learning_path(GUIDE, role_id)
    assert [li.select_one("a")["href"] for li in items] == [f"../../skills/{s}/#{urls.LEARN}" for s, _ in expected]
    for li, (_, start) in zip(items, expected, strict=True):
        links = [a["href"] for a in li.select("a")]
        assert start.url in links
        for href in links:
            if href.startswith("https://"):
                continue
            target, _, anchor = href.partition("#")
            url = posixpath.normpath(posixpath.join(here, target)) + "/"
            assert page(real_site, url).select_one(f"[id='{anchor}']") is not None, (href, url)
