"""In real Chromium: the self-assessment keeps its whole state in the address, restores it exactly, survives a
hand-edited or outdated link with a notice and no script error, works from the keyboard, and the wide tables
scroll inside their own box on a phone."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from macros import urls
from support.contract import published_ids

ROLE = published_ids(urls.ROLE_PAGE)[-1]  # a specialisation: its skills differ from the first role's


def _errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def _open(page, fragment: str = ""):
    page.goto(f"self-assessment/{fragment}")
    page.locator("#sa-role").wait_for()
    return json.loads(page.locator("#self-assessment-data").text_content())


def _state(page) -> dict:
    """What the page can see of itself: the address's fragment, every ticked box, the result's text."""
    return {
        "fragment": dict(parse_qsl(urlsplit(page.url).fragment)),
        "ticked": page.evaluate("[...document.querySelectorAll('#self-assessment-tool input:checked')].map(i => i.id)"),
        "summary": page.locator("#sa-summary").text_content(),
        "result": page.locator("#sa-result-body").inner_text(),
        "levels": page.evaluate("[...document.querySelectorAll('.guide-sa__skill-level')].map(e => e.textContent)"),
    }


def _tick(page, skill_id: str, bits) -> None:
    details = page.locator(f"details:has(#sa-{skill_id}-0)")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    for bit in bits:
        page.locator(f"#sa-{skill_id}-{bit}").check()


def _behaviours(data, skill_id: str, level_ids) -> list[int]:
    """The bit positions of a skill's behaviours at the given levels, as the address counts them."""
    bits, bit = [], 0
    for level in data["levels"]:
        for _ in data["skills"][skill_id]["levels"][level["id"]]:
            if level["id"] in level_ids:
                bits.append(bit)
            bit += 1
    return bits


def test_ticks_live_in_the_address_and_a_new_page_restores_the_same_ticks_and_result(context, page):
    errors = _errors(page)
    data = _open(page)
    page.select_option("#sa-role", ROLE)
    role = next(r for r in data["roles"] if r["id"] == ROLE)
    first, second = role["core"][:2]
    ic = [level["id"] for level in data["levels"] if level["track"] == data["levels"][0]["track"]]
    _tick(page, first, _behaviours(data, first, ic[:3]))  # the first three levels of the main track, complete
    _tick(page, second, _behaviours(data, second, ic[:1])[:1])  # one behaviour only
    saved = _state(page)
    assert saved["fragment"]["role"] == ROLE and set(saved["fragment"]) == {"v", "role", first, second}
    title = next(level["title"] for level in data["levels"] if level["id"] == ic[2])
    assert f"{data['skills'][first]['name']}: {title.lower()}" in saved["result"]
    assert "Not a grade" in saved["result"] and "How it was reached" in saved["result"]
    # The next level's behaviours, each linked to that skill's section for the level.
    next_level = ic[3]
    links = page.locator(f"#sa-result-body a[href='{data['skills'][first]['url']}#{next_level}']")
    assert links.count() == len(data["skills"][first]["levels"][next_level])

    # Nothing of it is stored in the browser: the address is the only copy.
    stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie])")
    assert first not in stored and ROLE not in stored and saved["fragment"][first] not in stored

    again = context.new_page()
    _errors_again = _errors(again)
    _open(again, "#" + urlsplit(page.url).fragment)
    assert _state(again) == saved
    again.reload()
    again.locator("#sa-role").wait_for()
    assert _state(again) == saved
    assert errors == [] and _errors_again == []


def test_unticking_removes_the_skill_from_the_address_and_clearing_empties_it(page):
    data = _open(page)
    role = data["roles"][0]
    skill = role["core"][0]
    _tick(page, skill, [0])
    assert skill in _state(page)["fragment"]
    page.locator(f"#sa-{skill}-0").uncheck()
    assert skill not in _state(page)["fragment"]
    _tick(page, skill, [0, 1])
    page.get_by_role("button", name="Clear every tick").click()
    assert _state(page)["ticked"] == [] and set(_state(page)["fragment"]) == {"v", "role"}


@pytest.mark.parametrize("fragment, notices", [
    ("#v=1&role=no-such-role", ["names a role the guide does not have (no-such-role)"]),
    ("#v=1&role={role}&no-such-skill=0000.1", ["names a skill the guide does not have (no-such-skill)"]),
    ("#v=1&role={role}&{skill}=zzzz.1&{other}={check}.%3Cimg%20src%3Dx%3E", ["not in a form this page can read"] * 2),
    ("#v=1&role={role}&{skill}={check}.zzzzzzz", ["not in a form this page can read"]),  # more ticks than behaviours
    ("#v=9&role={role}", ["format this page does not know (v=9)"]),
    ("#hello", ["does not hold a self-assessment"]),
])
def test_a_malformed_link_is_ignored_with_a_notice_and_no_script_error(page, fragment, notices):
    errors = _errors(page)
    data = _open(page)
    role = data["roles"][0]
    skill, other = role["core"][:2]
    _open(page, fragment.format(role=role["id"], skill=skill, other=other, check=data["skills"][skill]["check"]))
    notice = page.locator(".guide-sa__notice")
    expect(notice).to_be_visible()
    items = notice.locator("li").all_inner_texts()
    assert len(items) == len(notices) and all(n in item for n, item in zip(notices, items, strict=True)), items
    assert page.locator("#self-assessment-tool img").count() == 0  # text from the address stays text
    assert _state(page)["ticked"] == [] and errors == []


def test_a_link_made_before_a_skill_s_behaviours_changed_restores_the_rest_and_says_which(page):
    data = _open(page)
    role = data["roles"][0]
    changed, kept = role["core"][:2]
    _open(page, f"#v=1&role={role['id']}&{changed}=ffff.7&{kept}={data['skills'][kept]['check']}.3")
    if data["skills"][changed]["check"] == "ffff":  # the one check this link cannot fake
        pytest.skip("the skill's check happens to be ffff")
    assert page.locator(".guide-sa__notice li").all_inner_texts() == [
        f"The behaviours of {data['skills'][changed]['name']} have changed since this link was made, so its ticks "
        "were not restored: tick them again."]
    assert _state(page)["ticked"] == [f"sa-{kept}-0", f"sa-{kept}-1"]


def test_the_keyboard_alone_ticks_a_behaviour_and_the_result_is_announced(page):
    _open(page)
    first = page.locator("#self-assessment-tool input[type=checkbox]").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    live = page.locator("#sa-summary")
    assert live.get_attribute("aria-live") == "polite"
    expect(live).to_contain_text("Suggested level")
    # Each skill is a fieldset named by its legend, and so is each level inside it.
    assert page.locator("fieldset.guide-sa__skill > legend").count() == page.locator("details.guide-sa__details").count() > 0
    assert page.locator("fieldset.guide-sa__level > legend").first.text_content()


def test_without_javascript_the_page_shows_the_matrix_and_says_why(browser, site_server):
    context = browser.new_context(base_url=site_server.origin, java_script_enabled=False)
    page = context.new_page()
    page.goto("self-assessment/")
    expect(page.locator(".guide-sa__fallback")).to_contain_text("needs JavaScript")
    expect(page.locator(".guide-sa-fallback table.guide-matrix")).to_be_visible()
    context.close()


def test_printing_leaves_out_the_buttons_and_keeps_the_result(page):
    data = _open(page)
    _tick(page, data["roles"][0]["core"][0], [0])
    page.emulate_media(media="print")
    expect(page.locator(".guide-sa__actions")).to_be_hidden()
    expect(page.locator("#sa-result")).to_be_visible()


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize("path", ["skills/matrix/", "levels/", "levels/senior-to-staff/", "self-assessment/"])
def test_on_a_390px_phone_wide_tables_scroll_in_their_box_and_the_page_never_sideways(browser, site_server, path):
    context = browser.new_context(base_url=site_server.origin, **PHONE)
    page = context.new_page()
    page.goto(path)
    if path == "self-assessment/":  # with every skill open, as a reader who ticks them all sees it
        page.evaluate("for (const d of document.querySelectorAll('#self-assessment-tool details')) d.open = true")
    width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"/{path}: {width[0]}px wide in a {width[1]}px viewport"
    boxes = page.locator(".guide-scroll:visible")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        if box.evaluate("b => b.scrollWidth <= b.clientWidth"):
            continue  # it fits
        sticky = box.locator("tbody tr:last-child > :first-child").last  # a skill or a level, not a group row
        before = sticky.bounding_box()["x"]
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
        assert box.evaluate("b => b.scrollLeft") > 0
        assert abs(sticky.bounding_box()["x"] - before) < 1, f"/{path}: the first column scrolled away"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_filled_in_assessment_with_a_notice_in_either_palette(browser, site_server, scheme):
    from support.browser import axe_violations

    context = browser.new_context(base_url=site_server.origin, color_scheme=scheme)
    page = context.new_page()
    data = _open(page)
    role = data["roles"][0]
    _open(page, f"#v=1&role={role['id']}&no-such-skill=0000.1")
    for skill in role["core"]:
        _tick(page, skill, range(3))
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)
