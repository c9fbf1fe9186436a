"""In real Chromium: a first visit downloads no search index, yet search answers the very first
query; highlighting, suggestions and share links still work; breadcrumbs show; the feedback widget
opens the prefilled correction form and sends nothing."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from macros import urls
from support.browser import COUNT_SEARCH_MESSAGES, PAGE_TYPES, page_id
from support.contract import published_ids

INDEX = "search/search_index.json"
WORKER = "/assets/javascripts/workers/search."
RESULT_LINKS = "() => [...document.querySelectorAll('.md-search-result__item a.md-search-result__link')].map(a => a.href)"
TOOL = next(t for t in published_ids(urls.TOOL_PAGE) if t.isalpha())  # one word: the query is the id
REPO_URL = "https://github.com/backend-developer-guide/backend-developer-guide"


@pytest.fixture
def recorded(context):
    """A page, and every request made by it or its workers."""
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.requests = requests
    return page


def loaded_search(page) -> bool:
    return any(url.endswith(INDEX) or WORKER in url for url in page.requests)


@pytest.mark.parametrize("path", PAGE_TYPES, ids=page_id)
def test_a_first_visit_loads_neither_the_search_index_nor_its_worker(recorded, path):
    recorded.goto(path)
    recorded.wait_for_load_state("networkidle")
    assert not loaded_search(recorded), [u for u in recorded.requests if INDEX in u or WORKER in u]
    assert any("/assets/javascripts/bundle." in url for url in recorded.requests)  # the rest of the page did load


def test_the_first_search_after_load_returns_results_from_the_first_keystroke(recorded, site_server):
    recorded.goto("roles/")
    recorded.wait_for_load_state("networkidle")
    assert not loaded_search(recorded)
    # The reader presses "/" and types at once, while the index is still on its way.
    recorded.keyboard.press("/")
    recorded.keyboard.type(TOOL, delay=0)
    expect(recorded.locator(".md-search-result__item").first).to_be_visible()
    shown = recorded.evaluate(RESULT_LINKS)
    assert any(urlsplit(link).path == f"/tools/{TOOL}/" for link in shown), shown
    assert site_server.url(INDEX) in recorded.requests


@pytest.mark.parametrize("how", ["click", "key s"])
def test_clicking_the_search_field_or_its_shortcut_loads_search_too(recorded, how):
    recorded.goto("")
    recorded.wait_for_load_state("networkidle")
    if how == "click":
        recorded.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    else:
        recorded.keyboard.press("s")
    expect(recorded.locator(".md-search__input")).to_be_focused()
    recorded.wait_for_function("() => __search.answered > 0")  # the worker has the index
    assert loaded_search(recorded)


def test_a_result_link_highlights_the_terms_on_the_page_it_opens(page):
    page.goto("roles/")
    page.keyboard.press("/")
    page.keyboard.type(TOOL)
    link = page.locator(".md-search-result__item a.md-search-result__link").first
    expect(link).to_have_attribute("href", re.compile(rf"\?h={TOOL}$"))
    link.click()
    page.wait_for_url(f"**?h={TOOL}")
    expect(page.locator("article mark").first).to_be_visible()  # loaded at once for a page opened with ?h=


def test_suggestions_complete_the_word_being_typed(page):
    page.goto("")
    page.keyboard.press("/")
    page.keyboard.type(TOOL[:-1])
    expect(page.locator(".md-search__suggest")).to_have_text(re.compile(rf"^{TOOL[:-1]}\w+$"))  # a whole word


def test_a_shared_search_opens_with_its_query_and_results(browser, site_server):
    context = browser.new_context(base_url=site_server.origin)
    context.add_init_script(COUNT_SEARCH_MESSAGES)
    first = context.new_page()
    first.goto("")
    first.keyboard.press("/")
    first.keyboard.type(TOOL)
    share = first.locator("[data-md-component='search-share']")
    expect(share).to_have_attribute("href", f"{site_server.origin}/?q={TOOL}")
    opened = context.new_page()
    opened.goto(f"?q={TOOL}")  # what a reader who was sent the link opens
    expect(opened.locator(".md-search__input")).to_have_value(TOOL)
    expect(opened.locator(".md-search-result__item").first).to_be_visible()
    assert any(urlsplit(link).path == f"/tools/{TOOL}/" for link in opened.evaluate(RESULT_LINKS))
    context.close()


CRUMBED = [urls.page_url(urls.place(urls.ROLE_PAGE, id=published_ids(urls.ROLE_PAGE)[0])),
           urls.page_url(urls.place(urls.SKILL_PAGE, id=published_ids(urls.SKILL_PAGE)[0])),
           urls.page_url(urls.place(urls.TOOL_PAGE, id=TOOL)),
           urls.page_url(urls.place(urls.JD_PAGE, role=published_ids(urls.JD_PAGE, "role")[0],
                                    level=published_ids(urls.JD_PAGE, "level")[0]))]


@pytest.mark.parametrize("path", CRUMBED, ids=page_id)
def test_breadcrumbs_are_visible_and_lead_where_the_json_ld_says(page, site_server, path):
    page.goto(path)
    crumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(crumbs).to_be_visible()
    expect(crumbs).to_be_in_viewport()
    trail = next(b for b in map(json.loads, page.locator('script[type="application/ld+json"]').all_text_contents())
                 if b["@type"] == "BreadcrumbList")["itemListElement"]
    items = crumbs.get_by_role("listitem")
    assert items.all_inner_texts() == [item["name"] for item in trail]
    links = crumbs.get_by_role("link")
    assert links.count() == len(trail) - 1  # the page itself is not a link
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    site = "https://backend-developer-guide.github.io/"
    assert [h.replace(site_server.origin + "/", site) for h in hrefs] == [item["item"] for item in trail[:-1]]
    expect(crumbs.locator("[aria-current='page']")).to_have_text(trail[-1]["name"])


@pytest.fixture
def github(context):
    """Requests to GitHub are answered here, never sent: the form opens in a stand-in page."""
    context.route("https://github.com/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                        body="<title>form</title>"))
    return context


def test_no_opens_the_prefilled_correction_form_and_sends_nothing(github, site_server):
    page = github.new_page()
    path = CRUMBED[0]
    page.goto(path)
    page.wait_for_load_state("networkidle")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url))  # this page's own requests, from now on
    widget = page.locator("[data-guide-feedback]")
    widget.scroll_into_view_if_needed()
    expect(widget.get_by_text("Was this page helpful?")).to_be_visible()
    widget.get_by_role("button", name="Yes").click()
    expect(widget.get_by_text("Nothing was sent")).to_be_visible()
    with github.expect_page() as opened:
        widget.get_by_role("link", name="No", exact=True).click()
    form = opened.value
    form.wait_for_load_state()
    url = urlsplit(form.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new"
    assert parse_qs(url.query) == {"template": ["content-correction.yml"],
                                   "page": [f"https://backend-developer-guide.github.io/{path}"]}
    expect(widget.get_by_text("The correction form has opened")).to_be_visible()
    page.wait_for_timeout(300)
    assert sent == [], f"the feedback widget made requests: {sent}"


def test_the_404_page_opens_search(recorded):
    recorded.goto("404.html")
    recorded.get_by_text("Search the guide").click()
    expect(recorded.locator(".md-search__input")).to_be_focused()
    recorded.keyboard.type(TOOL)
    expect(recorded.locator(".md-search-result__item").first).to_be_visible()
