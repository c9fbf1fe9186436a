"""A page knows which data files it shows: the recording view of the guide notes every entity read."""

from __future__ import annotations

import datetime

from macros.loader import load_guide
from macros.render import entity_pages, listings
from macros.site_build import SiteBuild
from macros.urls import Linker
from support.project import FIXTURE_DATA

GUIDE = load_guide(FIXTURE_DATA)

DAY = datetime.date(2026, 1, 15)


def files_shown(render) -> list[str]:
    build = SiteBuild(project=FIXTURE_DATA.parent, guide=GUIDE, site_url="/", today=DAY)
    render(build.guide_for("page.md"))
    return build.data_files("page.md")


def test_a_tool_page_reads_its_file_the_skills_it_lists_and_the_roles_that_use_it():
    shown = files_shown(lambda guide: entity_pages.tool_page(guide, "postgresql", "tools/postgresql.md"))
    assert "data/tools/postgresql.yml" in shown
    assert "data/skills/database-management.yml" in shown  # listed, with its summary
    assert "data/roles/backend-developer.yml" in shown  # uses the tool
    assert "data/roles/api-developer.yml" not in shown  # does not
    assert "data/tools/python.yml" not in shown


def test_a_listing_of_a_whole_collection_reads_its_folder():
    shown = files_shown(lambda guide: listings.roles_index(guide, Linker("roles/index.md")))
    assert shown == ["data/roles"]


def test_what_the_rendered_text_shows_and_what_was_recorded_agree():
    # Every skill the role page links to is a file the page is dated by.
    build = SiteBuild(project=FIXTURE_DATA.parent, guide=GUIDE, site_url="/", today=DAY)
    text = entity_pages.role_page(build.guide_for("roles/backend-developer.md"), "backend-developer", "roles/backend-developer.md")
    shown = build.data_files("roles/backend-developer.md")
    for skill_id in GUIDE.skills:
        assert (f"../skills/{skill_id}.md" in text) == (f"data/skills/{skill_id}.yml" in shown), skill_id
