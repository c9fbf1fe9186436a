"""Link integrity of the built site: every internal link and #anchor resolves, raw HTML included."""

from __future__ import annotations

import json
import re

from link_check import check_links

from conftest import build, copy_project


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


PLANTED = """

<p>Planted by a test: <a href="../roles/#no-such-role">a missing anchor</a>
and <a href="../no-such-page/">a missing page</a>.</p>
"""


def test_a_broken_link_in_raw_html_is_reported_with_its_page_and_target(tmp_path):
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "about.md").open("a") as about:
        about.write(PLANTED)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.log  # MkDocs' strict mode does not look inside raw HTML...
    report = check_links(result.site)  # ...the link check does
    html = (result.site / "about" / "index.html").read_text().splitlines()
    line_of = {target: next(n for n, text in enumerate(html, 1) if target in text) for target in ("no-such-role", "no-such-page")}
    found = {(page, int(line), rest.strip()) for page, line, _column, rest in (b.split(":", 3) for b in report.broken)}
    assert found == {
        ("about/index.html", line_of["no-such-role"], "roles#no-such-role: Cannot find fragment"),
        ("about/index.html", line_of["no-such-page"], "no-such-page: File not found. Check if file exists and path is correct"),
    }
