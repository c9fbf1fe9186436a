"""Printing a job description or an interview kit, as "Save as PDF" does: in real Chromium with print media
emulated, nothing a reader would press is on the page, and every link carries its full address."""

from __future__ import annotations

import pytest

from macros import urls

PRINTED = [
    urls.page_url(urls.place(urls.JD_PAGE, role="api-developer", level="senior")),
    urls.page_url(urls.place(urls.KIT_PAGE, role="api-developer", level="senior")),
]
# Everything a reader presses or fills in, and every kind of navigation.
CONTROLS = "button, input, select, textarea, nav, [role=navigation], .md-path, .md-header, .md-sidebar, .md-footer"
SHOWN = """sel => [...document.querySelectorAll(sel)].filter(el => {
    const box = el.getBoundingClientRect();
    return el.getClientRects().length > 0 && box.width > 0 && box.height > 0;
}).map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("path", PRINTED)
def test_on_screen_the_page_has_the_controls_print_removes(page, path):
    """The check can fail: on screen the same page shows buttons and navigation."""
    page.goto(path)
    assert page.evaluate(SHOWN, CONTROLS)


@pytest.mark.parametrize("path", PRINTED)
def test_printed_there_is_no_button_input_or_navigation(page, path):
    page.goto(path)
    page.emulate_media(media="print")
    assert page.evaluate(SHOWN, CONTROLS) == []


@pytest.mark.parametrize("path", PRINTED)
def test_printed_every_link_in_the_text_shows_its_full_address(page, site_server, path):
    page.goto(path)
    page.emulate_media(media="print")
    links = page.evaluate("""() => [...document.querySelectorAll('article a[href]:not(.headerlink)')]
        .filter(a => !a.getAttribute('href').startsWith('#') && a.getClientRects().length > 0)
        .map(a => [a.href, getComputedStyle(a, '::after').content])""")
    assert links
    for href, after in links:
        # The address is the published one, which the build derives from site_url, not the local server's.
        path_part = href.removeprefix(site_server.origin)
        assert after.startswith('" (https://') and after.endswith(path_part.lstrip("/") + ')"'), (href, after)


def test_a_kit_starts_each_part_on_a_new_page_and_a_description_does_not(page):
    page.goto(PRINTED[1])
    page.emulate_media(media="print")
    breaks = page.evaluate("[...document.querySelectorAll('article h2')].map(h => getComputedStyle(h).breakBefore)")
    assert breaks and set(breaks) == {"page"}
    page.goto(PRINTED[0])
    page.emulate_media(media="print")
    assert "page" not in page.evaluate("[...document.querySelectorAll('article h2')].map(h => getComputedStyle(h).breakBefore)")
