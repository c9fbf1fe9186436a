"""Accessibility in real Chromium: axe-core finds nothing on any page type in either palette, and
the keyboard alone reaches the skip link, search and the content, always with visible focus."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.browser import PAGE_TYPES, axe_violations, page_id

PALETTES = {"light": "default", "dark": "slate"}  # the reader's system setting -> Material's scheme


@pytest.fixture(params=PALETTES, scope="module")
def palette(request, browser, site_server):
    """A browser profile whose system setting asks for the light or the dark palette."""
    context = browser.new_context(base_url=site_server.origin, color_scheme=request.param)
    yield context, PALETTES[request.param]
    context.close()


@pytest.mark.parametrize("path", PAGE_TYPES, ids=page_id)
def test_axe_finds_no_wcag_22_aa_violation(palette, path):
    context, scheme = palette
    page = context.new_page()
    page.goto(path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    violations = axe_violations(page)
    page.close()
    assert not violations, f"/{path} ({scheme}):\n" + "\n".join(violations)


def test_axe_reports_what_material_gets_wrong_without_our_fixes(page):
    """The check can fail: undo two of our fixes in the page and axe names both."""
    page.goto("roles/api-developer/")
    page.evaluate("""() => {
        document.querySelector('.md-search').removeAttribute('aria-label');
        for (const a of document.querySelectorAll('article a')) a.style.textDecoration = 'none';
    }""")
    found = {line.split()[0] for line in axe_violations(page)}
    assert found == {"aria-dialog-name", "link-in-text-block"}


def test_search_dialog_has_an_accessible_name(page):
    page.goto("")
    expect(page.get_by_role("dialog", name="Search")).to_be_visible()


# --- Keyboard -------------------------------------------------------------------------------

FOCUSED = """() => { const e = document.activeElement, s = getComputedStyle(e);
    return {html: e.outerHTML.slice(0, 120), ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            visible: e.matches(':focus-visible')}; }"""


def looks(page, locator) -> bytes:
    """A screenshot of the element and the few pixels around it, where a focus ring is drawn."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    clip = {"x": box["x"] - 6, "y": box["y"] - 6, "width": box["width"] + 12, "height": box["height"] + 12}
    return page.screenshot(clip=clip, animations="disabled")


def test_keyboard_reaches_skip_link_search_and_content_with_visible_focus(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("roles/api-developer/")
    targets = {  # what a keyboard user must reach, in this order
        "skip link": page.locator("a.md-skip"),
        "search": page.locator("input.md-search__input"),
        "content link": page.locator("article a:not(.md-content__button, .headerlink)").first,
    }
    focused_looks: dict[str, bytes] = {}
    stops = []
    for _ in range(80):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        stops.append(stop)
        assert stop["visible"] and stop["ring"], f"tab stop {len(stops)} shows no focus ring: {stop['html']}"
        name = [n for n in targets if n not in focused_looks][0]
        if targets[name].evaluate("el => el === document.activeElement"):
            focused_looks[name] = looks(page, targets[name])
            if len(focused_looks) == len(targets):
                break
    assert list(focused_looks) == list(targets), f"reached only {list(focused_looks)} in {len(stops)} tab stops"
    assert "md-skip" in stops[0]["html"], "the skip link is not the first tab stop"
    page.locator("body").click(position={"x": 640, "y": 700})  # focus leaves; each target is drawn without it
    for name, locator in targets.items():
        assert looks(page, locator) != focused_looks[name], f"focus on the {name} changes nothing a reader sees"


def test_skip_link_moves_keyboard_focus_past_the_header(page):
    page.goto("roles/api-developer/")
    page.keyboard.press("Tab")
    expect(page.locator("a.md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article')"), page.evaluate("document.activeElement.outerHTML")
