"""Hostile text in data stays text in search results, which Material's script draws from the index."""

from __future__ import annotations

from support.browser import COUNT_SEARCH_MESSAGES, SiteServer, search


def test_hostile_text_is_text_in_search_results_too(hostile_site, browser):
    """Search results are drawn by script from the index: what they show is text as well."""
    with SiteServer(hostile_site.site) as server:
        context = browser.new_context(base_url=server.origin)
        context.add_init_script(COUNT_SEARCH_MESSAGES)
        tab = context.new_page()
        tab.goto("tools/")
        search(tab, "onerror")
        results = tab.locator(".md-search-result")
        assert 'src=x onerror="alert(1)"' in results.inner_text()
        assert results.locator("img, iframe, script, [onerror]").count() == 0
        context.close()
