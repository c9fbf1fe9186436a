"""Renderers: pure functions from the loaded guide to Markdown, run here without MkDocs."""

from __future__ import annotations

import re

import markdown
import pytest

from macros.guide import Guide
from macros.loader import load_guide
from macros.render import career, entity_pages, job_descriptions, listings
from macros.render.markup import md, md_paragraphs
from macros.urls import Linker
from support.project import FIXTURE_DATA

GUIDE = load_guide(FIXTURE_DATA)
# The site's own escaping extension, so these tests see what readers see.
MD = markdown.Markdown(extensions=["attr_list", "tables", "pymdownx.escapeall"],
                       extension_configs={"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}})


def to_html(text: str) -> str:
    MD.reset()
    return MD.convert(text)


@pytest.mark.parametrize("text, html", [
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("**not bold** _nor this_", "<p>**not bold** _nor this_</p>"),
    ("[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>"),
    ("AT&T {{ config }} {% raw %}", "<p>AT&amp;T {{ config }} {% raw %}</p>"),
    ("# not a heading", "<p># not a heading</p>"),
    ("```", "<p>```</p>"),
])
def test_md_renders_any_text_literally(text, html):
    assert to_html(md(text)) == html


def test_md_paragraphs_keeps_paragraphs_and_escapes_each():
    assert to_html(md_paragraphs("One <b>.\n\nTwo.")) == "<p>One &lt;b&gt;.</p>\n<p>Two.</p>"


@pytest.mark.parametrize("here, target, expected", [
    ("roles/api-developer.md", "skills/api-design.md", "../skills/api-design.md"),
    ("roles/index.md", "roles/api-developer.md", "api-developer.md"),
    ("index.md", "levels.md", "levels.md"),
    ("faq.md", "roles/api-developer.md", "roles/api-developer.md"),
    ("tools/index.md", "tools/index.md", "index.md"),
    ("job-descriptions/api-developer/entry.md", "roles/api-developer.md", "../../roles/api-developer.md"),
    ("job-descriptions/api-developer/entry.md", "job-descriptions/api-developer/mid.md", "mid.md"),
])
def test_linker_links_relative_to_the_current_page(here, target, expected):
    assert Linker(here).to(target) == expected


def test_role_page_has_fixed_section_and_item_anchors():
    text = entity_pages.role_page(GUIDE, "backend-developer", "roles/backend-developer.md")
    for anchor in ("top", "overview", "responsibilities", "build-apis", "skills", "tools", "typical-day",
                   "career-path", "related-roles", "faq", "sources"):
        assert re.search(rf"\{{ #{anchor}( data-search-exclude)? \}}$", text, re.M), anchor
    assert "[API design](../skills/api-design.md)" in text
    assert "[Why does a website need a back end\\?](../faq.md#why-backend)" in text


def test_related_roles_show_on_both_pages_though_declared_once():
    assert "[API developer](api-developer.md)" in entity_pages.role_page(GUIDE, "backend-developer", "roles/backend-developer.md")
    assert "[Backend developer](backend-developer.md)" in entity_pages.role_page(GUIDE, "api-developer", "roles/api-developer.md")


def test_skill_page_lists_roles_with_their_importance():
    text = entity_pages.skill_page(GUIDE, "api-design", "skills/api-design.md")
    assert "- [Backend developer](../roles/backend-developer.md#skills): core" in text
    assert "- [API developer](../roles/api-developer.md#skills): core" in text
    assert "[Python](../tools/python.md)" in text  # declared only on the tool


def test_tool_page_without_skills_or_roles_says_so():
    from dataclasses import replace
    guide = _replaced(GUIDE, links=replace(GUIDE.links, tool_skills={}, tool_roles={}))
    text = entity_pages.tool_page(guide, "python", "tools/python.md")
    assert "No skill is linked to this tool yet." in text
    assert "No role page lists this tool yet." in text


def test_tool_added_by_the_guide_says_so():
    text = entity_pages.skill_page(GUIDE, "communication", "skills/communication.md")
    assert "None of our source articles names this" in text


def test_a_level_shows_the_claims_tied_to_it_as_claims_and_points_at_pay():
    text = career.levels_list(GUIDE, Linker("levels.md"))
    assert text.count("no official figure describes this level; [Salary and pay](pay.md)") == len(GUIDE.levels)
    claim = GUIDE.figures["entry-band"]
    assert text.count(md("One source's claim: " + claim.label)) == 1  # entry only: the figure's level
    assert text.index(md(claim.label)) > text.index("{ #entry }") and text.index(md(claim.label)) < text.index("{ #mid }")


def test_tools_index_skips_empty_categories_and_anchors_the_rest():
    text = listings.tools_index(GUIDE, Linker("tools/index.md"))
    assert "## Programming languages { #languages }" in text
    assert "| [PostgreSQL](postgresql.md) | An open\\-source relational database\\. |" in text


def test_a_title_that_ends_a_sentence_gets_no_extra_full_stop():
    source = GUIDE.sources["src-a"].model_copy(update={"title": "What is the role of a backend developer?"})
    guide = _replaced(GUIDE, sources={"src-a": source})
    assert "developer\\?](../sources.md#src-a)\n" in entity_pages.tool_page(guide, "python", "tools/python.md")


def test_role_page_names_the_titles_it_is_advertised_under_near_the_top():
    role = GUIDE.roles["api-developer"].model_copy(update={"advertised_as": ["API Engineer", "Integration Engineer"]})
    guide = _replaced(GUIDE, roles={**GUIDE.roles, "api-developer": role})
    text = entity_pages.role_page(guide, "api-developer", "roles/api-developer.md")
    line = "Advertised as: API Engineer; Integration Engineer.\n{ .guide-meta }"
    assert line in text and text.index(line) < text.index("{ #overview }")


def test_soft_skill_example_and_interview_signal_have_fixed_anchors():
    skill = GUIDE.skills["communication"].model_copy(
        update={"example": "An incident <b>update</b>.", "interview_signal": "Explains a trade-off plainly."})
    guide = _replaced(GUIDE, skills={**GUIDE.skills, "communication": skill})
    text = entity_pages.skill_page(guide, "communication", "skills/communication.md")
    assert "## A backend example { #example }" in text and "An incident &lt;b&gt;update&lt;/b&gt;" in to_html(text)
    assert "## What an interviewer looks for { #interview-signal }" in text
    assert text.index("{ #example }") < text.index("{ #interview-signal }") < text.index("{ #levels }")


def test_provenance_is_kept_at_the_foot_inside_the_sources_section():
    tool = GUIDE.tools["python"].model_copy(update={"provenance": "One source calls it a framework."})
    guide = _replaced(GUIDE, tools={**GUIDE.tools, "python": tool})
    text = entity_pages.tool_page(guide, "python", "tools/python.md")
    assert text.index("{ #sources") < text.index("One source calls it a framework\\.")
    faq = GUIDE.faqs["why-backend"].model_copy(update={"provenance": "The source asks this.\n\nIt answers briefly."})
    guide = _replaced(GUIDE, faqs={"why-backend": faq})
    text = listings.faq_list(guide, Linker("faq.md"))
    assert "The source asks this\\.\n{ .guide-meta }\n\nIt answers briefly\\.\n{ .guide-meta }" in text


# --- the career framework -----------------------------------------------------------------------


def test_skill_page_has_a_section_per_level_under_its_id_with_one_item_per_behaviour():
    text = entity_pages.skill_page(GUIDE, "api-design", "skills/api-design.md")
    skill = GUIDE.skills["api-design"]
    for level_id, level in GUIDE.levels.items():
        section = text.split(f"### {md(level.title)} {{ #{level_id} }}\n\n", 1)[1].split("\n\n", 1)[0]
        assert section.splitlines() == [f"- {md(b)}" for b in skill.levels[level_id]]
    assert "[Every skill at every level](matrix.md)" in text


def test_matrix_cells_list_the_level_s_behaviours_and_link_to_the_skill_s_section_for_it():
    text = career.skills_matrix(GUIDE, Linker("skills/matrix.md"))
    for skill in GUIDE.skills.values():
        assert f'<th scope="row" id="{skill.id}" markdown="span">[{md(skill.name)}]({skill.id}.md)</th>' in text
        for level_id, behaviours in skill.levels.items():
            assert f"- {md(behaviours[0])}" in text
            assert f"]({skill.id}.md#{level_id})\n{{ .guide-matrix__more }}" in text
    assert "[From entry level to mid level](../levels/entry-to-mid.md)" in text


def test_a_level_to_level_page_marks_in_words_what_the_higher_level_adds():
    text = career.level_step_page(GUIDE, "entry", "mid", "levels/entry-to-mid.md")
    assert text.startswith("# From entry level to mid level { #top }")
    mid = GUIDE.levels["mid"]
    assert "What changes when an entry level engineer moves to mid level" in text
    assert f"- {career.NEW}{md(mid.decisions[1])}" in text  # new at mid
    assert f"- {career.NEW}{md(mid.decisions[0])}" not in text  # both levels list it: not new
    assert f"| Reach | own work | <strong class=\"guide-new\">Changes</strong> {md(mid.reach)} |" in text
    assert f"- {career.NEW}{md(GUIDE.skills['api-design'].levels['mid'][0])}" in text
    assert "A change of track" not in text


def test_the_mapping_table_cites_every_cell_and_says_approximate_in_words():
    text = career.ladder_mapping(GUIDE, Linker("levels.md"))
    assert "| [Entry level](#entry) | Associate \\(grade 5\\) [\\[1\\]](sources.md#src-a) | Not mapped |" in text
    assert "Level 2 Assist *(approximate)* [\\[1\\]](sources.md#src-a)" in text
    assert "    - Entry level: SFIA describes responsibility in any digital job\\." in text
    assert "1. [An article about backend work](sources.md#src-a) (Example Publisher)" in text


def test_a_requirement_line_gives_the_skill_s_behaviours_at_the_level_and_links_to_them():
    jd = job_descriptions.job_description(GUIDE, "backend-developer", "mid")
    requirements = next(s for s in jd.sections if s.id == "requirements")
    line = next(x for x in requirements.lines if x.key == "s:api-design")
    assert line.target == "skills/api-design.md#mid"
    assert line.rest == " ".join(GUIDE.skills["api-design"].levels["mid"])


def test_a_role_not_hired_at_a_level_says_so_on_its_job_description():
    text = job_descriptions.jd_page(GUIDE, "api-developer", "entry", "job-descriptions/api-developer/entry.md", "https://x.org/")
    assert '!!! warning "Rarely hired at this level"' in text
    assert "[backend developer job description](../backend-developer/entry.md)" in text
    assert "Rarely hired" not in job_descriptions.jd_page(GUIDE, "api-developer", "mid", "job-descriptions/api-developer/mid.md",
                                                          "https://x.org/")


def test_the_self_assessment_detects_a_change_to_a_skill_s_behaviours():
    skill = GUIDE.skills["api-design"]
    before = career.behaviour_check(skill, GUIDE.levels)
    changed = skill.model_copy(update={"levels": {**skill.levels, "mid": ["Designs a resource and its errors."]}})
    assert career.behaviour_check(changed, GUIDE.levels) != before
    assert career.behaviour_check(skill.model_copy(), GUIDE.levels) == before
    data = career.self_assessment_data(GUIDE, Linker("self-assessment.md"))
    assert data["skills"]["api-design"]["url"] == "../skills/api-design/"
    assert data["levels"][1] == {"id": "mid", "title": "Mid level", "track": "individual-contributor", "next": [],
                                 "below": ["entry"], "url": "../levels/#mid"}
    assert data["steps"] == {"entry/mid": "../levels/entry-to-mid/"}


def _replaced(guide: Guide, links=None, **collections) -> Guide:
    """``guide`` with some collections (or its cross-links) replaced, as a test's variation."""
    entries = {c.name: {**getattr(guide, c.name)} for c in guide.registry}
    entries.update(collections)
    return Guide(entries, guide.files, registry=guide.registry, links=links)
