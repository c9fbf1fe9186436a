"""The "Where to learn it" section of skill and tool pages, and the order of a role's learning path."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from macros import urls
from macros.loader import load_guide
from macros.models import RESOURCE_TYPES
from macros.render import entity_pages
from support.project import FIXTURE_DATA

GUIDE = load_guide(FIXTURE_DATA)


# The site's own escaping and attribute extensions, so these tests see what readers see.
MD = markdown.Markdown(extensions=["attr_list", "tables", "pymdownx.escapeall"],
                       extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}})


def learn_section(markdown_text: str) -> BeautifulSoup:
    MD.reset()
    html = BeautifulSoup(MD.convert(markdown_text), "html.parser")
    start = html.find(id=urls.LEARN)
    section = BeautifulSoup("", "html.parser")
    for sibling in list(start.find_next_siblings()):
        if sibling.name == "h2":
            break
        section.append(sibling)
    return section


@pytest.mark.parametrize("kind, entity_id", [("skills", s) for s in GUIDE.skills] + [("tools", t) for t in GUIDE.tools])
def test_a_page_groups_its_resources_by_type_with_cost_and_level_in_words(kind, entity_id):
    entity = getattr(GUIDE, kind)[entity_id]
    render = entity_pages.skill_page if kind == "skills" else entity_pages.tool_page
    section = learn_section(render(GUIDE, entity_id, f"{kind}/{entity_id}.md"))
    groups = [p.get_text() for p in section.select("p.guide-learn-group")]
    present = [t for t in RESOURCE_TYPES if any(r.type == t for r in entity.resources)]
    assert groups == [entity_pages.RESOURCE_GROUP[t] for t in present]  # each type once, in the fixed order
    items = section.select("li")
    by_type = sorted(entity.resources, key=lambda r: RESOURCE_TYPES.index(r.type))
    assert [li.a["href"] for li in items] == [r.url for r in by_type]
    for li, resource in zip(items, by_type, strict=True):
        meta = li.select_one(".guide-meta").get_text()
        level = GUIDE.levels[resource.level].title.lower()
        assert meta == f"{entity_pages.COST_LABEL[resource.cost]} · From {level}"
        assert resource.why in li.get_text() and resource.by in li.get_text()


def test_the_starting_resource_is_the_first_at_the_lowest_level():
    rank = list(GUIDE.levels)
    for skill in GUIDE.skills.values():
        start = entity_pages.starting_resource(GUIDE, skill)
        lowest = min(rank.index(r.level) for r in skill.resources)
        assert start is next(r for r in skill.resources if rank.index(r.level) == lowest)


@pytest.mark.parametrize("role_id", GUIDE.roles)
def test_a_learning_path_takes_each_core_skill_once_lowest_start_first_then_the_roles_order(role_id):
    core = GUIDE.roles[role_id].skills.core
    path = entity_pages.learning_path(GUIDE, role_id)
    assert sorted(skill for skill, _ in path) == sorted(core)
    rank = list(GUIDE.levels)
    keys = [(rank.index(start.level), core.index(skill)) for skill, start in path]
    assert keys == sorted(keys)
    assert all(start is entity_pages.starting_resource(GUIDE, GUIDE.skills[skill]) for skill, start in path)


def test_the_fixture_has_a_path_that_differs_from_the_listed_order():
    # Otherwise the test above could not tell "sorted by level" from "as listed".
    assert any([s for s, _ in entity_pages.learning_path(GUIDE, r)] != GUIDE.roles[r].skills.core for r in GUIDE.roles)
