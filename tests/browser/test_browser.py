"""The real built site in real Chromium: search, the palette, permalinks, phones, and no third-party request."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from support.browser import PAGE_TYPES, page_id, search, wait_until_search_is_ready

# Links of the first few search results, as path + #anchor (Material adds ?h=<terms> to highlight).
FIRST_RESULTS_JS = """n => [...document.querySelectorAll('.md-search-result__item')].slice(0, n)
    .flatMap(item => [...item.querySelectorAll('a.md-search-result__link')])
    .map(a => { const u = new URL(a.href); return u.pathname + u.hash; })"""
FIRST = 3


@pytest.mark.parametrize("query, expected", [
    ("Security engineer", "/roles/security-engineer/"),  # a role
    ("API design", "/skills/api-design/"),  # a skill
    ("Kafka", "/tools/kafka/"),  # a tool
    ("Do I need a degree to become a backend developer?", "/faq/#is-a-degree-required"),  # a question as the FAQ asks it
    ("which language should I learn first", "/faq/#which-language-first"),  # a question in a reader's words
    ("backend vs devops", "/faq/#backend-vs-devops"),
])
def test_search_shows_the_right_page_among_the_first_results(page, query, expected):
    page.goto("tools/")
    search(page, query)
    shown = page.evaluate(f"n => ({FIRST_RESULTS_JS})(n)", FIRST)
    assert expected in shown, f"searching {query!r}: {expected} is not among the first {FIRST} results: {shown}"
    link = page.locator(".md-search-result__link").nth(shown.index(expected))
    if not link.is_visible():  # a section folded under "N more on this page": open it, as a reader would
        link.locator("xpath=ancestor::details[1]/summary").click()
    link.click()
    path, _, anchor = expected.partition("#")
    page.wait_for_url(lambda url: (urlsplit(url).path, urlsplit(url).fragment) == (path, anchor))


@pytest.mark.parametrize("query", ["salary", "pay", "wage", "compensation"])
def test_searching_for_pay_gives_the_pay_page_first(page, query):
    page.goto("")
    search(page, query)
    first = page.evaluate(f"n => ({FIRST_RESULTS_JS})(n)", 1)
    assert first and first[0].split("#")[0] == "/pay/", f"searching {query!r}: the first result is {first}"


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def test_palette_choice_is_kept_across_pages_and_visits(browser, site_server):
    context = browser.new_context(base_url=site_server.origin, color_scheme="light")
    page = context.new_page()
    page.goto("")
    assert scheme(page) == "default"
    page.get_by_title("Switch to dark mode").click()
    assert scheme(page) == "slate"
    page.locator(".md-tabs").get_by_role("link", name="Roles").click()
    page.wait_for_url("**/roles/")
    assert scheme(page) == "slate"  # the next page opens dark...
    page.goto("tools/postgresql/")
    assert scheme(page) == "slate"  # ...and so does a page opened directly, though the system is light
    page.get_by_title("Switch to light mode").click()
    page.reload()
    assert scheme(page) == "default"
    context.close()


@pytest.mark.parametrize("path, anchor", [
    ("roles/api-developer/", "skills"),  # a section of the URL contract
    ("roles/api-developer/", "design-contracts"),  # a responsibility item
    ("faq/", "is-a-degree-required"),  # a question
    ("levels/", "senior"),
])
def test_heading_permalink_lands_on_its_heading(page, path, anchor):
    page.goto(path)
    heading = page.locator(f"article [id='{anchor}']")
    heading.hover()
    permalink = heading.locator("a.headerlink")
    expect(permalink).to_have_attribute("title", "Link to this section")
    permalink.click()
    assert page.url.endswith(f"/{path}#{anchor}")
    assert page.evaluate("document.querySelector(':target')?.id") == anchor
    expect(heading).to_be_in_viewport()
    # The copied address, opened afresh, lands on the same heading.
    page.goto(page.url)
    assert page.evaluate("document.querySelector(':target')?.id") == anchor
    expect(heading).to_be_in_viewport()


PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def phone(browser, site_server):
    """A page in a phone-sized viewport, reused across pages (each test opens its own URL)."""
    context = browser.new_context(base_url=site_server.origin, **PHONE)
    yield context.new_page()
    context.close()


def test_phone_nav_drawer_opens_and_leads_to_a_page(phone):
    phone.goto("roles/api-developer/")
    nav_link = phone.locator(".md-nav--primary").get_by_role("link", name="Skills", exact=True)
    expect(nav_link).not_to_be_in_viewport()
    phone.locator("label.md-header__button[for='__drawer']").click()
    expect(nav_link).to_be_in_viewport()
    nav_link.click()
    phone.wait_for_url("**/skills/")


@pytest.mark.parametrize("path", PAGE_TYPES, ids=page_id)
def test_phone_reads_every_page_type_without_sideways_scrolling(phone, path):
    phone.goto(path)
    width = phone.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"/{path}: content is {width[0]}px wide in a {width[1]}px viewport"


@pytest.mark.parametrize("path", PAGE_TYPES, ids=page_id)
def test_no_page_requests_anything_from_another_origin(context, site_server, path):
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))  # pages and the search worker
    page = context.new_page()
    page.goto(path)  # after the load event, every resource the page itself asks for
    wait_until_search_is_ready(page)  # and the search index, fetched afterwards by the worker
    elsewhere = [url for url in requested if not url.startswith(site_server.origin + "/")]
    assert not elsewhere, f"/{path} requests from another origin: {elsewhere}"
    # What was recorded includes the script bundle and the search index.
    assert any(url.startswith(site_server.url("assets/javascripts/bundle.")) for url in requested)
    assert site_server.url("search/search_index.json") in requested
