"""Link integrity of the built site: every internal link and #anchor resolves, raw HTML included."""

from __future__ import annotations

import json
import re

from tools.link_check import check_links


def test_every_internal_link_and_anchor_resolves(real_site):
    report = check_links(real_site.site)
    assert report.broken == []
    # It read every page, and checked anchors as well as pages.
    assert report.pages == {p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("*.html")}
    assert report.anchors > len(report.pages)


def test_search_results_lead_to_pages_and_anchors_that_exist(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text())
    ids = {}  # page path -> the ids in it, read once per page
    for page in real_site.site.rglob("index.html"):
        path = page.parent.relative_to(real_site.site).as_posix() + "/"
        ids["" if path == "./" else path] = set(re.findall(r'\sid="([^"]+)"', page.read_text()))
    missing = []
    for doc in index["docs"]:
        path, _, anchor = doc["location"].partition("#")
        if path not in ids or (anchor and anchor not in ids[path]):
            missing.append(doc["location"])
    assert len(index["docs"]) > len(ids) and missing == []
