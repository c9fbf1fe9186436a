"""Interview kits and the question bank on the real site: one kit per role and level, linked from where a hiring
manager starts, each question linked to a skill the role needs, and a scorecard that copies as it shows."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest

from macros import urls
from macros.loader import load_guide
from macros.render.interview_kits import guidance_for, interview_kit
from support.project import ROOT

GUIDE = load_guide(ROOT / "data", root=ROOT)
PAIRS = [(r, lv) for r in GUIDE.roles for lv in GUIDE.levels]


def _kit_url(role_id: str, level_id: str) -> str:
    return urls.page_url(urls.place(urls.KIT_PAGE, role=role_id, level=level_id))


def _resolves(site, url: str) -> bool:
    target = urlsplit(url)
    file = site / target.path.strip("/") / "index.html"
    return file.is_file() and (not target.fragment or f'id="{target.fragment}"' in file.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("role_id", "level_id"), PAIRS, ids=[f"{r}-{lv}" for r, lv in PAIRS])
def test_every_kit_exists_and_is_linked_from_its_job_description_and_its_role(real_site, role_id, level_id):
    page = real_site.page(_kit_url(role_id, level_id))
    role, level = GUIDE.roles[role_id], GUIDE.levels[level_id]
    assert page.h1.get_text().startswith(f"Interview kit: {role.title} ({level.title.lower()})")
    jd = real_site.page(urls.page_url(urls.place(urls.JD_PAGE, role=role_id, level=level_id)))
    assert jd.select_one(f"a[href='../../../interview-kits/{role_id}/{level_id}/']")
    role_page = real_site.page(urls.page_url(urls.place(urls.ROLE_PAGE, id=role_id)))
    assert role_page.select_one(f"a[href='../../interview-kits/{role_id}/{level_id}/']")
    assert page.select_one(f"a[href='../../../job-descriptions/{role_id}/{level_id}/']")  # and back
    warning = page.select_one(".admonition.warning")
    assert (warning is not None and "Rarely hired at this level" in warning.get_text()) == (level_id in role.not_hired_at)


@pytest.mark.parametrize(("role_id", "level_id"), PAIRS, ids=[f"{r}-{lv}" for r, lv in PAIRS])
def test_every_question_in_a_kit_links_a_skill_the_role_needs_and_its_own_page(real_site, role_id, level_id):
    page = real_site.page(_kit_url(role_id, level_id))
    role = GUIDE.roles[role_id]
    on_role = {f"../../../skills/{s}/" for s in (*role.skills.core, *role.skills.helpful)}
    kit = interview_kit(GUIDE, role_id, level_id)
    headings = page.select("article h4[id]")
    assert [h["id"] for h in headings] == list(kit.questions)
    for heading in headings:
        block = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3", "h4"):
                break
            block.append(sibling)
        links = {a["href"] for el in block for a in el.select("a[href]")}
        assert links & on_role, f"{heading['id']} tests none of {role_id}'s skills"
        assert f"../../../interview-questions/{heading['id']}/" in links
        answers = next(el for el in block if el.name == "ul")  # what a good answer shows, up to this level
        assert GUIDE.levels[level_id].title in answers.select("li")[-1].get_text()


@pytest.mark.parametrize(("role_id", "level_id"), PAIRS[:1] + PAIRS[-1:], ids=["first", "last"])
def test_a_kit_carries_its_loop_its_scorecard_and_the_rules(real_site, role_id, level_id):
    page = real_site.page(_kit_url(role_id, level_id))
    kit = interview_kit(GUIDE, role_id, level_id)
    loop_rows = page.select_one("h2#loop").find_next("table").select("tbody tr")
    assert [r.select_one("a")["href"] for r in loop_rows] == [f"#{s.stage.id}" for s in kit.stages]
    for row, kit_stage in zip(loop_rows, kit.stages, strict=True):
        assert f"{kit_stage.stage.minutes} min" in row.get_text()
    scorecard = page.select_one(".guide-kit-scorecard table")
    assert [(r.select("td")[0].get_text().split(".")[0], r.select_one("a")["href"]) for r in scorecard.select("tbody tr")] == [
        (str(n), f"../../../skills/{s}/") for n, s in kit.rows()]
    for section in guidance_for(GUIDE, level_id):
        assert page.select_one(f"h2#{section.id}"), section.id
    assert page.select_one("h2#ai-assistants") and page.select_one("h2#fairness")
    copied = page.select_one(f".guide-copy-actions[data-kit='{role_id}/{level_id}'] button")["data-clipboard-text"]
    rows = [line for line in copied.splitlines() if line.startswith("| ") and "](https://" in line]
    assert len(rows) == len(kit.rows())
    assert all("https://" in row for row in rows)


def test_the_kits_index_links_every_kit_and_hiring_links_the_kits(real_site):
    index = real_site.page("interview-kits/")
    hrefs = {a["href"] for a in index.select("article a[href]")}
    assert {f"{r}/{lv}/" for r, lv in PAIRS} <= hrefs
    hiring = real_site.page("hiring/")
    assert hiring.select_one("a[href='../interview-kits/']") and hiring.select_one("a[href='../interview-questions/']")


def test_the_bank_lists_every_question_and_each_page_gives_every_level_it_suits(real_site):
    bank = real_site.page("interview-questions/")
    assert {a["href"] for a in bank.select("article table a[href]") if "/skills/" not in a["href"]} == {
        f"{q}/" for q in GUIDE.questions}
    for question in GUIDE.questions.values():
        page = real_site.page(urls.page_url(urls.place(urls.QUESTION_PAGE, id=question.id)))
        rows = page.select_one("h2#good-answer").find_next("table").select("tbody tr")
        assert [r.select_one("a")["href"] for r in rows] == [
            f"../../levels/#{lid}" for lid in GUIDE.levels if lid in question.levels]
        base = f"https://x.invalid/interview-questions/{question.id}/"
        for a in page.select("article a[href]"):
            if not a["href"].startswith(("http", "#")):
                assert _resolves(real_site.site, urljoin(base, a["href"]).replace("https://x.invalid", "")), a["href"]


def test_the_question_bank_is_open_data(real_site):
    document = json.loads((real_site.site / urls.EXPORT_DIR / "questions.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in document["questions"]] == list(GUIDE.questions)
    for entry in document["questions"]:
        assert set(entry["good_answer"]) == set(entry["levels"])
        assert entry["url"].endswith(f"/interview-questions/{entry['id']}/")
