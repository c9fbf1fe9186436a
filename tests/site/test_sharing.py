"""What a reader and a crawler find around the content: link previews, breadcrumbs, view source,
the feedback form, robots.txt and the 404 page. Built once, asserted on every page where it applies."""

from __future__ import annotations

import json
import posixpath
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from macros import urls
from macros.loader import load_guide
from support.contract import published_ids
from support.project import ROOT

GUIDE = load_guide(ROOT / "data")
SITE_URL = "https://backend-developer-guide.github.io/"
REPO_URL = "https://github.com/backend-developer-guide/backend-developer-guide"
SUFFIX = " - Backend Developer Guide"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "content-correction.yml"


def pages(real_site):
    """Every published page (404.html and redirect stubs aside), as its URL path."""
    for file in sorted(real_site.site.rglob("index.html")):
        if 'http-equiv="refresh"' not in file.read_text(encoding="utf-8")[:2000]:
            path = file.parent.relative_to(real_site.site).as_posix()
            yield "" if path == "." else path + "/"


def meta(soup, key: str) -> str:
    found = soup.select(f'meta[property="{key}"], meta[name="{key}"]')
    assert len(found) == 1, key
    return found[0]["content"]


def breadcrumb_json(soup) -> list[dict]:
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    return next(b for b in blocks if b["@type"] == "BreadcrumbList")["itemListElement"]


def test_every_page_unfurls_with_its_own_title_description_address_and_the_card(real_site):
    seen = 0
    for path in pages(real_site):
        soup = real_site.parsed(path)
        title = soup.title.string.removesuffix(SUFFIX)
        assert meta(soup, "og:title") == meta(soup, "twitter:title") == title, path
        assert meta(soup, "og:description") == meta(soup, "twitter:description") == meta(soup, "description"), path
        assert meta(soup, "og:url") == soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + path, path
        assert meta(soup, "og:type") == ("website" if path == "" else "article"), path
        image = meta(soup, "og:image")
        assert image == meta(soup, "twitter:image") and image.startswith(SITE_URL), path
        assert (real_site.site / image.removeprefix(SITE_URL)).is_file(), image  # self-hosted, not another site's
        assert meta(soup, "twitter:card") == "summary_large_image"
        assert meta(soup, "og:image:alt").strip()
        seen += 1
    assert seen > len(GUIDE.roles) + len(GUIDE.skills) + len(GUIDE.tools)


def test_the_card_is_the_size_the_tags_announce(real_site):
    from tools.social_card import png_size

    soup = real_site.page("")
    image = real_site.site / meta(soup, "og:image").removeprefix(SITE_URL)
    assert png_size(image) == (int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height")))


def shown_trail(soup, path: str) -> list[tuple[str, str]]:
    """The visible breadcrumbs: (text, absolute URL); the last, the page itself, is not a link."""
    items = soup.select("nav.md-path li.md-path__item")
    trail = []
    for item in items:
        link = item.select_one("a")
        name = item.get_text(" ", strip=True)
        if link is None:
            assert item.select_one('[aria-current="page"]') and item is items[-1]
            trail.append((name, SITE_URL + path))
        else:
            trail.append((name, SITE_URL + posixpath.normpath(posixpath.join(path, link["href"])).lstrip("./") + "/"))
    return [(n, u.replace(f"{SITE_URL}/", SITE_URL)) for n, u in trail]


CRUMBED = {  # a page of each kind the generator writes, from ids the guide has published
    "role": urls.page_url(urls.place(urls.ROLE_PAGE, id=published_ids(urls.ROLE_PAGE)[0])),
    "skill": urls.page_url(urls.place(urls.SKILL_PAGE, id=published_ids(urls.SKILL_PAGE)[0])),
    "tool": urls.page_url(urls.place(urls.TOOL_PAGE, id=published_ids(urls.TOOL_PAGE)[0])),
    "job description": urls.page_url(urls.place(urls.JD_PAGE, role=published_ids(urls.JD_PAGE, "role")[0],
                                                level=published_ids(urls.JD_PAGE, "level")[0])),
}


@pytest.mark.parametrize("kind", CRUMBED)
def test_breadcrumbs_show_the_json_ld_trail(real_site, kind):
    path = CRUMBED[kind]
    soup = real_site.parsed(path)
    expected = [(item["name"], item["item"]) for item in breadcrumb_json(soup)]
    assert len(expected) >= 3
    assert shown_trail(soup, path) == expected


def test_breadcrumbs_appear_exactly_below_the_top_level(real_site):
    for path in pages(real_site):
        soup = real_site.parsed(path)
        trail = breadcrumb_json(soup)
        shown = soup.select("nav.md-path")
        if len(trail) > 2:  # home, a parent, the page
            assert len(shown) == 1 and shown_trail(soup, path) == [(i["name"], i["item"]) for i in trail], path
        else:
            assert not shown, path


def test_view_source_opens_the_file_the_page_is_made_from(real_site):
    generated = {urls.page_url(urls.place(pattern, id=entity_id)): f"data/{folder}/{entity_id}.yml"
                 for pattern, folder, ids in ((urls.ROLE_PAGE, "roles", GUIDE.roles), (urls.SKILL_PAGE, "skills", GUIDE.skills),
                                              (urls.TOOL_PAGE, "tools", GUIDE.tools)) for entity_id in ids}
    for path in pages(real_site):
        soup = real_site.parsed(path)
        edit = soup.select_one('a[rel="edit"]')["href"]
        view = soup.select_one('a.md-content__button[title="View source of this page"]')["href"]
        assert edit.startswith(f"{REPO_URL}/edit/main/") and view == edit.replace("/edit/main/", "/raw/main/", 1), path
        source = view.removeprefix(f"{REPO_URL}/raw/main/")
        assert (ROOT / source).is_file(), (path, source)
        if path in generated:
            assert source == generated[path]


def form_fields() -> set[str]:
    return {field["id"] for field in yaml.safe_load(FORM.read_text())["body"] if "id" in field}


def test_every_page_asks_if_it_helped_and_links_the_correction_form_with_its_address(real_site):
    assert "page" in form_fields()  # the field the link fills in
    for path in pages(real_site):
        soup = real_site.parsed(path)
        widget = soup.select("[data-guide-feedback]")
        assert len(widget) == 1, path
        assert "Was this page helpful?" in widget[0].get_text()
        links = widget[0].select("a[href]")
        assert {a.get_text(strip=True) for a in links} == {"No", "Report a problem with this page"}
        for link in links:
            url = urlsplit(link["href"])
            assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new", path
            query = parse_qs(url.query)
            assert query == {"template": [FORM.name], "page": [SITE_URL + path]}, path
            assert set(query) - {"template"} <= form_fields()
        assert not widget[0].select("form, [onclick]")  # nothing to submit: no request can be made


def test_robots_txt_names_the_sitemap(real_site):
    lines = (real_site.site / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in lines
    sitemap = next(line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: "))
    assert sitemap == SITE_URL + "sitemap.xml" and (real_site.site / "sitemap.xml").is_file()


def test_the_404_page_offers_search_and_the_indexes(real_site):
    soup = real_site.page("404.html")
    article = soup.select_one("article")
    assert article.select_one('label[for="__search"]')  # opens the search dialog
    links = {a["href"] for a in article.select("a[href^='/']")}
    for index in (urls.ROLES_INDEX, urls.SKILLS_INDEX, urls.TOOLS_INDEX, urls.LEVELS, urls.JD_INDEX, urls.FAQ):
        href = "/" + urls.page_url(index)
        assert href in links, href
        assert (real_site.site / href.lstrip("/") / "index.html").is_file()
