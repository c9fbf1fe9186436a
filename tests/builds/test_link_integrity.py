"""Published links keep working: a renamed item or a moved page breaks its links until the way to keep
them is declared, and the build says how. And a broken link in raw HTML, which strict mode cannot see,
is found by the link check."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.project import build, fixture_project
from tools.link_check import check_links
from tools.link_contract import check


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _build(project: Path, name: str) -> Path:
    result = build(project, project.parent / name)
    assert result.returncode == 0, result.log
    return result.site


def test_a_renamed_item_breaks_its_links_until_the_old_id_is_declared(project):
    role_file = project / "data" / "roles" / "api-developer.yml"
    original = role_file.read_text(encoding="utf-8")
    role_file.write_text(original.replace("  - id: design-contracts\n", "  - id: contracts-first\n"), encoding="utf-8")
    links = ["/roles/api-developer/#design-contracts", "/roles/api-developer/#overview"]

    assert check(_build(project, "renamed"), links) == [
        "/roles/api-developer/#design-contracts: /roles/api-developer/ no longer has the anchor #design-contracts; "
        "if the responsibility was renamed, add 'design-contracts' to its former_ids in data/roles/api-developer.yml. "
        "Published links must keep working."
    ]

    role_file.write_text(original.replace(
        "  - id: design-contracts\n", "  - id: contracts-first\n    former_ids: [design-contracts]\n"), encoding="utf-8")
    site = _build(project, "declared")
    assert check(site, links) == []
    # The old id is an anchor inside the renamed item's heading, so the link lands on it.
    html = (site / "roles" / "api-developer" / "index.html").read_text(encoding="utf-8")
    assert '<h3 id="contracts-first"><span id="design-contracts"></span>' in html


def test_a_renamed_question_points_at_its_file(project):
    faq = project / "data" / "faqs" / "why-backend.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("id: why-backend", "id: why-a-backend"), encoding="utf-8")
    faq.rename(faq.with_name("why-a-backend.yml"))
    assert check(_build(project, "renamed"), ["/faq/#why-backend"]) == [
        "/faq/#why-backend: /faq/ no longer has the anchor #why-backend; if the question's id changed, add "
        "'why-backend' to former_ids in its data/faqs/ file. Published links must keep working."
    ]


def test_a_moved_page_breaks_its_links_until_a_redirect_is_declared(project):
    (project / "docs" / "job-market.md").rename(project / "docs" / "market.md")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("job-market.md", "market.md"), encoding="utf-8")
    links = ["/job-market/", "/job-market/#on-call"]

    problems = check(_build(project, "moved"), links)
    assert problems[0] == (
        "/job-market/: the page /job-market/ no longer exists. If it moved, declare the move in mkdocs.yml under "
        "plugins → redirects → redirect_maps, as 'job-market.md': '<new page>.md' (an entity page moves when its "
        "data file is renamed: declare 'roles/old-id.md': 'roles/new-id.md'). Published links must keep working."
    )
    assert len(problems) == 2

    config.write_text(config.read_text(encoding="utf-8").replace(
        "redirect_maps: {}", "redirect_maps: {job-market.md: market.md}"), encoding="utf-8")
    assert check(_build(project, "redirected"), links) == []


PLANTED = """

<p>Planted by a test: <a href="../roles/#no-such-role">a missing anchor</a>
and <a href="../no-such-page/">a missing page</a>.</p>
"""


def test_a_broken_link_in_raw_html_is_reported_with_its_page_and_target(project):
    with (project / "docs" / "job-market.md").open("a") as page:
        page.write(PLANTED)
    site = _build(project, "site")  # MkDocs' strict mode does not look inside raw HTML...
    report = check_links(site)  # ...the link check does
    html = (site / "job-market" / "index.html").read_text().splitlines()
    line_of = {target: next(n for n, text in enumerate(html, 1) if target in text) for target in ("no-such-role", "no-such-page")}
    found = {(page, int(line), rest.strip()) for page, line, _column, rest in (b.split(":", 3) for b in report.broken)}
    assert found == {
        ("job-market/index.html", line_of["no-such-role"], "roles#no-such-role: Cannot find fragment"),
        ("job-market/index.html", line_of["no-such-page"], "no-such-page: File not found. Check if file exists and path is correct"),
    }


def test_a_retired_level_s_job_descriptions_redirect_to_its_successor_declared_once_in_data(project, fixture_site):
    # The fixture's entry level carries the retired 'junior': every role's junior page opens its entry page.
    links = [f"/job-descriptions/{role}/junior/{anchor}" for role in ("api-developer", "backend-developer")
             for anchor in ("", "#requirements")]
    assert check(fixture_site.site, links) == []
    stub = (fixture_site.site / "job-descriptions" / "api-developer" / "junior" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../entry/"' in stub
    # The entry page says why it answers those links, and links to the hand-written section on /levels/.
    entry = fixture_site.page("job-descriptions/api-developer/entry/")
    assert entry.select_one("a[href='../../../levels/#junior']")

    levels = project / "data" / "levels.yml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("    former_ids: [junior]\n", ""), encoding="utf-8")
    problems = check(_build(project, "forgotten"), links)
    assert len(problems) == len(links)
    assert problems[0].startswith("/job-descriptions/api-developer/junior/: the page /job-descriptions/api-developer/junior/ "
                                  "no longer exists.")


def test_a_hand_written_redirect_that_contradicts_a_retired_level_fails_the_build(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "redirect_maps: {}", "redirect_maps: {job-descriptions/api-developer/junior.md: index.md}"), encoding="utf-8")
    result = build(project, project.parent / "site")
    assert result.returncode != 0
    assert ("redirect_maps sends job-descriptions/api-developer/junior.md to index.md, but data/levels.yml retires it to "
            "job-descriptions/api-developer/entry.md; keep one of them") in result.log
