"""Job description pages: one per role and level, complete, with every line linking back to the guide."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from macros import urls
from macros.ladder import way_to
from macros.loader import load_guide
from macros.render.job_descriptions import in_sentence, jd_subject, tool_order
from support.contract import published_ids
from support.project import ROOT

GUIDE = load_guide(ROOT / "data", root=ROOT)
SITE_URL = "https://backend-developer-guide.github.io/"
PAIRS = [(r, lv) for r in GUIDE.roles for lv in GUIDE.levels]
# The first and the last description, as readers reach them in the index.
ENDS = [PAIRS[0], PAIRS[-1]]
SECTIONS = ["overview", "responsibilities", "requirements", "stack", "education-experience", "pay", "interview"]


def _resolves(site, path: str, anchor: str) -> bool:
    file = site / path.strip("/") / "index.html" if not path.endswith(".json") else site / path.strip("/")
    if not file.is_file():
        return False
    return not anchor or f'id="{anchor}"' in file.read_text(encoding="utf-8")


def _redirect(file) -> str | None:
    found = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', file.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def test_there_is_one_page_per_role_and_level_and_a_retired_level_redirects_to_its_successor(real_site):
    assert set(published_ids(urls.JD_PAGE, "role")) <= set(GUIDE.roles)  # no published role lost its descriptions
    files = {p.parent.relative_to(real_site.site).as_posix(): p
             for p in (real_site.site / "job-descriptions").glob("*/*/index.html")}
    pages = sorted(path for path, file in files.items() if _redirect(file) is None)
    assert pages == sorted(f"job-descriptions/{r}/{lv}" for r, lv in PAIRS)
    retired = {old: level.id for level in GUIDE.levels.values() for old in level.former_ids}
    redirects = {path: _redirect(file) for path, file in files.items() if _redirect(file) is not None}
    assert redirects == {f"job-descriptions/{r}/{old}": f"../{new}/" for r in GUIDE.roles for old, new in retired.items()}
    # Every level that was ever published still leads to a job description, through its redirect if it is retired.
    for level_id in published_ids(urls.JD_PAGE, "level"):
        assert level_id in GUIDE.levels or level_id in retired, level_id


@pytest.mark.parametrize(("role_id", "level_id"), PAIRS)
def test_each_job_description_is_complete_and_every_line_links_back(real_site, role_id, level_id):
    page = real_site.page(f"job-descriptions/{role_id}/{level_id}/")
    role, level = GUIDE.roles[role_id], GUIDE.levels[level_id]
    assert page.h1.get_text().startswith(f"Job description: {role.title} ({level.title.lower()})")
    for section in SECTIONS:
        assert page.select_one(f"h2#{section}"), section
    warning = page.select_one(".admonition.warning")
    if level_id in role.not_hired_at:  # a role nobody is hired into at this level says so, in the role's own words
        assert "Rarely hired at this level" in warning.get_text()
        assert role.career_path[level_id].split(".")[0] in warning.get_text()
    else:
        assert warning is None
    requirements = page.select_one("h2#requirements").find_next("ul")
    for skill_id in role.skills.core:  # each core skill's line gives its behaviours at this level, linked to them
        line = requirements.select_one(f"a[href='../../../skills/{skill_id}/#{level_id}']").parent
        assert GUIDE.skills[skill_id].levels[level_id][0] in line.get_text()
    assert page.select_one(f"a[href='../../../interview-kits/{role_id}/{level_id}/']"), "the matching interview kit"
    base = f"https://x.invalid/job-descriptions/{role_id}/{level_id}/"
    for item in page.select("article h2 + ul > li"):
        links = item.select("a[href]")
        assert links, f"a line without a link: {item.get_text()[:60]}"
        for a in links:
            target = urlsplit(urljoin(base, a["href"]))
            assert _resolves(real_site.site, target.path, target.fragment), a["href"]


@pytest.mark.parametrize(("role_id", "level_id"), PAIRS, ids=[f"{r}-{lv}" for r, lv in PAIRS])
def test_the_level_s_own_responsibilities_come_first_and_the_lower_levels_are_one_line(real_site, role_id, level_id):
    page = real_site.page(f"job-descriptions/{role_id}/{level_id}/")
    role, level = GUIDE.roles[role_id], GUIDE.levels[level_id]
    items = page.select_one("h2#responsibilities").find_next("ul").select(":scope > li")
    own = [r for r in role.responsibilities if r.from_level == level_id]
    below = way_to(GUIDE.levels, level_id)[:-1]
    earlier = [r for r in role.responsibilities if r.from_level in below]
    assert len(items) == len(level.expectations) + len(own) + (1 if earlier else 0)
    for item, expectation in zip(items, level.expectations, strict=False):  # what the level adds, first
        assert expectation in item.get_text()
    for item, responsibility in zip(items[len(level.expectations):], own, strict=False):  # then the role's own, new here
        assert item.select_one(f"a[href='../../../roles/{role_id}/#{responsibility.id}']")
    if earlier:  # and everything from lower levels in one closing line, linked to the description one level down
        last = items[-1]
        assert last.select_one("a")["href"] == f"../{below[-1]}/"
        assert all(r.title in last.get_text() for r in earlier)
        assert not any(item.select_one(f"a[href$='#{r.id}']") for item in items for r in earlier)


@pytest.mark.parametrize("role_id", list(GUIDE.roles))
def test_the_stack_is_the_role_s_example_named_not_explained_and_a_pay_line_points_at_pay(real_site, role_id):
    for level_id in GUIDE.levels:
        page = real_site.page(f"job-descriptions/{role_id}/{level_id}/")
        stack = page.select_one("h2#stack")
        assert "example" in stack.get_text()  # marked as an example to replace
        lines = stack.find_next("ul").select(":scope > li")
        assert [li.get_text() for li in lines] == [GUIDE.tools[t].name for t in _in_stack_order(GUIDE.roles[role_id].example_stack)]
        pay = page.select_one("h2#pay").find_next("ul").select_one("li")
        assert pay.select_one("a[href='../../../pay/']") and "[" in pay.get_text()  # a placeholder to fill in
        note = page.select_one("h2#pay").find_next("ul").find_next_sibling("p")
        assert note.select_one("a[href='../../../hiring/#pay-law']")


def _in_stack_order(tools):
    return sorted(tools, key=tool_order(GUIDE))


@pytest.mark.parametrize(("role_id", "level_id"), ENDS)
def test_the_copies_spell_out_every_link_and_each_resolves(real_site, role_id, level_id):
    buttons = real_site.page(f"job-descriptions/{role_id}/{level_id}/").select(".guide-copy-jd")
    assert [b.get_text() for b in buttons] == ["Copy as Markdown", "Copy as plain text"]
    markdown, text = (b["data-clipboard-text"] for b in buttons)
    title = f"{GUIDE.roles[role_id].title} ({GUIDE.levels[level_id].title.lower()})"
    assert markdown.startswith(f"# {title}\n\n## About the role\n\n- Role: [")
    assert text.startswith(f"{title}\n\nAbout the role\n\n- Role: ")
    assert "](" not in text and "##" not in text
    md_bullets = [line for line in markdown.splitlines() if line.startswith("- ")]
    text_bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(md_bullets) == len(text_bullets) > 10
    for line in text_bullets:
        assert re.search(r"\(https://\S+\)$", line), line
    urls = re.findall(r"\]\((https://[^)\s]+)\)", markdown)
    assert len(urls) == len(md_bullets) + 1  # one per bullet, and the credit line
    for url in urls:
        assert url.startswith(SITE_URL)
        target = urlsplit(url)
        assert _resolves(real_site.site, target.path, target.fragment), url
    assert markdown.rstrip().endswith("CC BY 4.0.")


def test_the_index_links_every_description_and_works_without_javascript(real_site):
    page = real_site.page("job-descriptions/")
    hrefs = {a["href"] for a in page.select("article table a[href]")}
    for role_id, level_id in PAIRS:
        assert f"{role_id}/{level_id}/" in hrefs
    fallback = page.select_one("#jd-builder .guide-builder__fallback")
    assert "needs JavaScript" in fallback.get_text()


@pytest.mark.parametrize(("role_id", "level_id"), PAIRS)
def test_role_titles_read_naturally_inside_a_sentence(real_site, role_id, level_id):
    lead = real_site.page(f"job-descriptions/{role_id}/{level_id}/").select_one("article .guide-lead").get_text()
    role, level = GUIDE.roles[role_id], GUIDE.levels[level_id]
    subject = jd_subject(GUIDE, role_id, level_id)
    assert lead.startswith(f"A copy-ready job description for {subject}.")
    # the level as an adjective: 'an entry-level API developer', 'a senior API developer'
    assert level.title.lower().replace(" level", "-level") in subject and in_sentence(role.title) in subject
    for article, word in re.findall(r"\b(an?) (\w)", subject):  # "an entry-level", "a senior", "an API developer"
        assert (article == "an") == (word.lower() in "aeiou"), subject
