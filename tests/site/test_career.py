"""The career framework as a reader gets it: the levels page and its mapping table, every skill at every
level, the level-to-level pages, and the self-assessment without JavaScript and its data."""

from __future__ import annotations

import json
import posixpath
import re
from urllib.parse import urlsplit

import pytest

from macros import urls
from macros.ladder import steps
from macros.loader import load_guide
from macros.models import LADDERS
from support.contract import published_ids
from support.project import ROOT

GUIDE = load_guide(ROOT / "data", root=ROOT)
STEPS = steps(GUIDE.levels)
STEP_PAGES = [urls.page_url(urls.place(urls.LEVEL_STEP, lower=a, higher=b)) for a, b in STEPS]


def hrefs(soup, selector="article a[href]") -> set[str]:
    return {a["href"] for a in soup.select(selector)}


def resolves(site, page_url: str, href: str) -> bool:
    """Whether ``href``, written on the page at ``page_url``, leads to a file and anchor of the built site."""
    target = urlsplit(href)
    path = posixpath.normpath(posixpath.join("/" + page_url, target.path)).lstrip("/")
    file = site / path / "index.html" if not path.endswith((".html", ".json", ".js")) else site / path
    if not file.is_file():
        return False
    return not target.fragment or f'id="{target.fragment}"' in file.read_text(encoding="utf-8")


def test_the_levels_page_shows_both_tracks_and_every_field_of_every_level(real_site):
    page = real_site.page("levels/")
    for track in {level.track for level in GUIDE.levels.values()}:
        assert page.select_one(f"h2#{track}"), track
    for level in GUIDE.levels.values():
        heading = page.select_one(f"h3#{level.id}")
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            section.append(sibling.get_text(" "))
        text = " ".join(" ".join(section).split())
        for value in (level.summary, level.time_horizon, level.reach, level.autonomy, level.experience,
                      *level.decisions, *level.operational, *level.promotion_case, *level.expectations):
            assert " ".join(value.split()) in text, (level.id, value)
    assert not re.search(r"same (four )?steps", page.get_text()), "a claim that ladders share their steps"


def test_the_mapping_table_cites_each_mapping_and_says_in_words_which_are_approximate(real_site):
    table = real_site.page("levels/").select_one("#mapping ~ .guide-scroll table")
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == ["Level", *LADDERS.values()]
    rows = table.select("tbody tr")
    assert len(rows) == len(GUIDE.levels)
    for row, level in zip(rows, GUIDE.levels.values(), strict=True):
        cells = row.select("td")
        assert cells[0].select_one(f"a[href='#{level.id}']")
        for cell, ladder in zip(cells[1:], LADDERS, strict=True):
            mapping = next(m for m in level.mappings if m.ladder == ladder)
            cited = {a["href"].removeprefix("../sources/#") for a in cell.select("a[href^='../sources/#']")}
            assert cited == set(mapping.sources), (level.id, ladder)
            assert ("(approximate)" in cell.get_text()) == mapping.approximate, (level.id, ladder)
    assert {a["href"] for a in table.select("a[href^='../sources/#']")} <= hrefs(real_site.page("levels/"), "#mapping-sources ~ ol a")


def test_the_retired_lead_level_keeps_its_anchor_and_says_what_became_of_it(real_site):
    page = real_site.page("levels/")
    for level in GUIDE.levels.values():
        for old in level.former_ids:  # the hand-written section of docs/levels.md keeps each anchor
            section = page.select_one(f"h2#{old}")
            assert section is not None, old
            text = " ".join(p.get_text(" ") for p in section.find_next_siblings(["p", "ul"]))
            assert "role, not a level" in section.get_text() and level.title.lower() in text.lower()
    links = hrefs(page)
    assert {"senior-to-staff/", "senior-to-engineering-manager/"} <= {h.removeprefix("../levels/") for h in links} | links


def test_every_level_to_level_page_is_linked_from_the_levels_page_the_matrix_and_every_role(real_site):
    assert len(STEP_PAGES) == len(set(STEP_PAGES)) > 0
    from_levels = hrefs(real_site.page("levels/"))
    from_matrix = hrefs(real_site.page("skills/matrix/"))
    for url in STEP_PAGES:
        assert (real_site.site / url / "index.html").is_file(), url
        assert url.removeprefix("levels/") in from_levels, url
        assert f"../../{url}" in from_matrix, url
    for role_id in published_ids(urls.ROLE_PAGE):
        career = real_site.page(f"roles/{role_id}/").select_one("h2#career-path").find_next_sibling()
        assert {f"../../{url}" for url in STEP_PAGES} <= hrefs(career, "a[href]"), role_id


@pytest.mark.parametrize(("lower", "higher"), STEPS)
def test_a_level_to_level_page_puts_the_levels_side_by_side_and_marks_what_is_new_in_words(real_site, lower, higher):
    page = real_site.page(urls.page_url(urls.place(urls.LEVEL_STEP, lower=lower, higher=higher)))
    lo, hi = GUIDE.levels[lower], GUIDE.levels[higher]
    assert page.h1.get_text().startswith(f"From {lo.title.lower()} to {hi.title.lower()}")
    for anchor in ("at-a-glance", "scope", "decisions", "operational", "expectations", "promotion-case", "skills"):
        assert page.select_one(f"h2#{anchor}"), anchor
    glance = page.select_one("h2#at-a-glance").find_next("table")
    assert [th.get_text(strip=True) for th in glance.select("thead th")][1:] == [lo.title, hi.title]
    new = [li for li in page.select("article li") if li.select_one("strong.guide-new")]
    assert all(li.select_one("strong.guide-new").get_text() == "New" for li in new)
    expected_new = len(set(hi.decisions) - set(lo.decisions)) + len(set(hi.operational) - set(lo.operational)) \
        + len(set(hi.expectations) - set(lo.expectations)) + sum(len(s.levels[higher]) for s in GUIDE.skills.values())
    assert len(new) == expected_new
    skills = page.select_one("h2#skills").find_next("table")
    for skill in GUIDE.skills.values():  # every skill, each with both levels' behaviours and links to them
        row = skills.select_one(f"th[scope=row] a[href='../../skills/{skill.id}/']").find_parent("tr")
        assert row.select_one(f"a[href='../../skills/{skill.id}/#{lower}']") and row.select_one(f"a[href='../../skills/{skill.id}/#{higher}']")


def test_the_matrix_has_every_skill_at_every_level_each_cell_linking_to_that_section(real_site):
    table = real_site.page("skills/matrix/").select_one("table.guide-matrix")
    region = table.find_parent("div")
    assert "guide-scroll" in region["class"] and region["tabindex"] == "0" and region.get("aria-label")
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == ["Skill", *(level.title for level in GUIDE.levels.values())]
    for skill in GUIDE.skills.values():
        row = table.select_one(f"th#{skill.id}").find_parent("tr")
        cells = row.select("td")
        assert len(cells) == len(GUIDE.levels)
        for cell, (level_id, behaviours) in zip(cells, skill.levels.items(), strict=True):
            assert [li.get_text() for li in cell.select("li")] == behaviours
            assert cell.select_one(f"a[href='../{skill.id}/#{level_id}']")


def test_every_skill_page_has_a_section_per_level_under_the_level_s_id(real_site):
    for skill_id in published_ids(urls.SKILL_PAGE):
        if skill_id in urls.RESERVED_SKILL_IDS:  # /skills/matrix/ is not a skill
            continue
        page = real_site.page(f"skills/{skill_id}/")
        for level_id, behaviours in GUIDE.skills[skill_id].levels.items():
            heading = page.select_one(f"h3#{level_id}")
            assert [li.get_text() for li in heading.find_next("ul").select("li")] == behaviours


def test_the_self_assessment_without_javascript_shows_the_matrix_and_says_why_the_rest_needs_a_script(real_site):
    page = real_site.page("self-assessment/")
    fallback = page.select_one("#self-assessment-tool .guide-sa__fallback")
    assert "needs JavaScript" in fallback.get_text() and "nothing is sent" in fallback.get_text()
    matrix = page.select_one(".guide-sa-fallback table.guide-matrix")
    assert len(matrix.select("th[scope=row]")) == len(GUIDE.skills)
    assert len(matrix.select("td")) == len(GUIDE.skills) * len(GUIDE.levels)
    script = page.select_one("script[src$='javascripts/self-assessment.js']")
    assert script.has_attr("defer") and resolves(real_site.site, "self-assessment/", script["src"])


def test_the_self_assessment_data_covers_every_role_and_skill_and_its_links_resolve(real_site):
    page = real_site.page("self-assessment/")
    data = json.loads(page.select_one("script#self-assessment-data").string)
    assert [r["id"] for r in data["roles"]] == list(GUIDE.roles)
    assert [level["id"] for level in data["levels"]] == list(GUIDE.levels)
    assert set(data["skills"]) == set(GUIDE.skills)
    links = [level["url"] for level in data["levels"]] + list(data["steps"].values())
    for skill_id, skill in data["skills"].items():
        assert skill["levels"] == GUIDE.skills[skill_id].levels
        assert re.fullmatch(r"[0-9a-f]{4}", skill["check"])
        links += [skill["url"], *(f"{skill['url']}#{level_id}" for level_id in skill["levels"])]
    broken = [href for href in links if not resolves(real_site.site, "self-assessment/", href)]
    assert not broken
