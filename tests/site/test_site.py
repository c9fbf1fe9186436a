"""The real guide, built strictly, as a reader gets it: pages, anchors, cross-links both ways."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from macros import urls
from macros.loader import load_guide
from support.contract import published_ids
from support.project import ROOT

GUIDE = load_guide(ROOT / "data")
ROLE_IDS = published_ids(urls.ROLE_PAGE)  # every role ever published: its page must stay
ROLE_SECTIONS = ["overview", "responsibilities", "skills", "tools", "career-path", "faq"]  # the URL contract's


def hrefs(soup, selector="article a[href]"):
    return [a["href"] for a in soup.select(selector)]


def test_build_is_strict_and_prints_no_warning(real_site):
    # MkDocs' own WARNING and ERROR lines, and Python's warnings (DeprecationWarning: ...) from any library.
    assert not re.search(r"^(WARNING|ERROR)\b|\w+Warning: ", real_site.log, re.M), real_site.log


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_every_role_has_a_page_with_the_contract_anchors(real_site, role_id):
    page = real_site.page(f"roles/{role_id}/")
    ids = {el["id"] for el in page.select("article [id]")}
    assert set(ROLE_SECTIONS) <= ids
    assert {r.id for r in GUIDE.roles[role_id].responsibilities} <= ids
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == GUIDE.roles[role_id].title


def test_role_page_links_to_its_skills_tools_and_questions(real_site):
    role = GUIDE.roles["api-developer"]
    page = real_site.page("roles/api-developer/")
    links = hrefs(page)
    for skill_id in [*role.skills.core, *role.skills.helpful]:
        assert f"../../skills/{skill_id}/" in links
    for tool_id in role.tools:
        assert f"../../tools/{tool_id}/" in links
    for faq_id in GUIDE.links.role_faqs.get("api-developer", ()):
        assert f"../../faq/#{faq_id}" in links
    assert page.select_one("article h2#skills + p strong").get_text().startswith("Core")


def test_skill_page_lists_the_roles_that_need_it_computed_from_role_files(real_site):
    needing = [(r.id, "core") for r in GUIDE.roles.values() if "database-management" in r.skills.core]
    assert needing, "fixture assumption: some role needs database-management as core"
    page = real_site.page("skills/database-management/")
    roles_section = page.select_one("h2#roles").find_next("ul")
    listed = {a["href"] for a in roles_section.select("a")}
    assert {f"../../roles/{role_id}/#skills" for role_id, _ in needing} <= listed
    # ...and back again: each of those role pages links to the skill.
    for role_id, _ in needing:
        assert "../../skills/database-management/" in hrefs(real_site.page(f"roles/{role_id}/"))


def test_tool_page_lists_its_skills_and_the_roles_that_use_it(real_site):
    tool = GUIDE.tools["postgresql"]
    page = real_site.page("tools/postgresql/")
    links = hrefs(page)
    assert {f"../../skills/{s}/" for s in tool.skills} <= set(links)
    users = [r.id for r in GUIDE.roles.values() if "postgresql" in r.tools]
    assert users and {f"../../roles/{r}/#tools" for r in users} <= set(links)
    # The skill page lists the tool, though only the tool file declares the link.
    assert "../../tools/postgresql/" in hrefs(real_site.page(f"skills/{tool.skills[0]}/"))


def test_data_driven_pages_edit_their_yaml_file(real_site):
    for url, data_file in (("roles/api-developer/", "data/roles/api-developer.yml"),
                           ("skills/api-design/", "data/skills/api-design.yml"),
                           ("tools/redis/", "data/tools/redis.yml")):
        edit = real_site.page(url).select_one("a[rel=edit]")["href"]
        assert edit.endswith(f"/edit/main/{data_file}"), edit


def test_roles_index_has_a_card_per_role_in_order(real_site):
    page = real_site.page("roles/")
    cards = [a["href"] for a in page.select(".grid.cards li strong a")]
    assert cards == [f"{r}/" for r in GUIDE.roles]
    assert cards[0] == "backend-developer/"


def test_tools_index_groups_tools_under_category_anchors(real_site):
    page = real_site.page("tools/")
    for category_id, tool_ids in GUIDE.links.category_tools.items():
        heading = page.select_one(f"h2#{category_id}")
        assert heading is not None, category_id
        table_links = [a["href"] for a in heading.find_next("table").select("a")]
        assert table_links == [f"{t}/" for t in tool_ids]
    assert len(page.select("article table a")) == len(GUIDE.tools)


def test_skills_index_lists_every_skill_by_kind(real_site):
    page = real_site.page("skills/")
    technical = [a["href"] for a in page.select_one("h2#technical").find_next("table").select("a")]
    workplace = [a["href"] for a in page.select_one("h2#workplace").find_next("table").select("a")]
    assert sorted(technical + workplace) == sorted(f"{s}/" for s in GUIDE.skills)
    assert all(GUIDE.skills[h.rstrip("/")].kind == "soft" for h in workplace)


def test_levels_page_has_each_level_with_a_pointer_to_pay_and_only_the_claims_tied_to_it(real_site):
    page = real_site.page("levels/")
    for level in GUIDE.levels.values():
        heading = page.select_one(f"article [id='{level.id}']")
        assert heading is not None and heading.name in ("h2", "h3"), level.id
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2", heading.name):
                break
            section.append(sibling)
        boxes = [el for el in section if "admonition" in (el.get("class") or [])]
        titles = [box.select_one(".admonition-title").get_text() for box in boxes]
        text = " ".join(el.get_text(" ") for el in section)
        assert "no official figure describes this level" in text
        assert any(a.get("href") == "../pay/" for el in section for a in el.select("a")), level.id
        claims = [f for f in GUIDE.figures.values() if f.level == level.id]
        assert sorted(t for t in titles if t.startswith("One source's claim")) == sorted(
            f"One source's claim: {f.label}: “{f.claim}”" for f in claims), level.id


def test_faq_page_answers_every_question_under_its_id(real_site):
    page = real_site.page("faq/")
    for faq in GUIDE.faqs.values():
        heading = page.select_one(f"h2#{faq.id}")
        assert heading is not None and heading.get_text().rstrip("¶") == faq.question
        assert heading.find_next("p").get_text(strip=True)


def test_nav_lists_sections_not_entities(real_site):
    nav = real_site.page("roles/api-developer/").select(".md-nav--primary a.md-nav__link[href]")
    targets = {a["href"].split("#")[0] for a in nav}
    entity_pages = {f"../../{kind}/{i}/" for kind in ("roles", "skills", "tools") for i in getattr(GUIDE, kind)}
    assert targets and not targets & entity_pages
    # The nav is mkdocs.yml's hand-written list, so its size cannot grow with the data. With
    # navigation.prune, a closed section shows as a link to its first page, so a page's nav
    # holds some of those pages, and nothing else.
    configured = re.findall(r"^\s+- (?:[^:]+: )?(\S+\.md)$", (ROOT / "mkdocs.yml").read_text(), re.M)
    here = "/roles/api-developer/"
    shown = {posixpath.normpath(posixpath.join(here, target)).rstrip("/") + "/" for target in targets}
    configured_urls = {("/" + re.sub(r"(^|/)?index$", "", path.removesuffix(".md"))).rstrip("/") + "/" for path in configured}
    assert shown <= configured_urls, shown - configured_urls
    assert len(targets) >= 8  # every top-level item, open or closed


@pytest.mark.parametrize("path", ["", "roles/api-developer/", "job-descriptions/"])
def test_no_script_blocks_the_first_paint(real_site, path):
    # Material's bundle and ours run after the page is parsed (defer), so the page paints first;
    # inline scripts are the theme's few lines and data blocks (application/json, ld+json).
    scripts = real_site.page(path).select("script[src]")
    assert any("assets/javascripts/bundle." in s["src"] for s in scripts)
    assert [s["src"] for s in scripts if not s.has_attr("defer") and not s.has_attr("async")] == []


def test_search_index_holds_roles_skills_tools_and_questions(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert {"roles/api-developer/", "skills/api-design/", "tools/kafka/", "faq/#why-backend-matters"} <= locations


def test_every_section_of_a_role_page_has_a_copy_link_button(real_site):
    headings = real_site.page("roles/api-developer/").select("article :is(h2, h3):has(a.headerlink)")
    assert len(headings) > 10
    missing = [h["id"] for h in headings if not h.select_one("button.guide-copy-link")]
    assert not missing


def test_search_indexes_what_a_page_says_not_its_lists_of_links(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    # Sections of links repeat names and summaries that the linked pages hold: left out, to keep the index light.
    assert {"roles/api-developer/#overview", "roles/api-developer/#career-path", "skills/api-design/#why-it-matters",
            "tools/kafka/#what-it-is-for", "job-descriptions/api-developer/senior/"} <= locations
    assert not {"roles/api-developer/#skills", "roles/api-developer/#sources", "skills/api-design/#roles",
                "tools/kafka/#roles", "job-descriptions/api-developer/senior/#requirements"} & locations
    # Lists of places elsewhere to learn: on every skill and tool page, "learn" in their heading would
    # outrank the guide's own answers to "how do I learn ..." questions.
    assert not {"skills/api-design/#learn", "tools/kafka/#learn", "roles/api-developer/#learning-path"} & locations
