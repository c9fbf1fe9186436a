"""Hostile content in data: every case is either shown as the exact text written, or rejected at
validation with one ``file:line:col`` line. Anyone can open a pull request, and mkdocs-macros
has no autoescape, so each case is proved on the HTML a reader gets.

INERT is the table of text that must come out as text, in every kind of text field. REJECTED
is the table of values that must not load at all (links that are not https://, line breaks in
one-line fields), each with the exact line a contributor sees.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from macros import urls
from macros.loader import load_guide
from support.hostile import INERT
from support.project import FIXTURE_DATA, RESOURCES, BuildResult, build, fixture_project

_PAGES: dict[tuple, BeautifulSoup] = {}


def page(site: BuildResult, url: str) -> BeautifulSoup:
    """A built page, parsed once."""
    if (site.site, url) not in _PAGES:
        _PAGES[site.site, url] = site.page(url)
    return _PAGES[site.site, url]


def text(element) -> str:
    """What a reader sees of an element: its text, without the heading's ¶ permalink."""
    for permalink in element.select("a.headerlink"):
        permalink.extract()
    return element.get_text()


JD = "job-descriptions/hostile-role/entry/"
# Where each kind of text field shows up, and how to find what the reader sees there.
WHERE = {
    "name, as the page heading": lambda s, c: text(page(s, f"tools/hostile-{c.id}/").select_one("article h1")),
    "name, in the browser tab": lambda s, c: page(s, f"tools/hostile-{c.id}/").title.string.removesuffix(" - Backend Developer Guide"),
    "name, in the tools index": lambda s, c: page(s, "tools/").select_one(f"a[href='hostile-{c.id}/']").get_text(),
    "summary, as the lead": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("article .guide-lead").get_text(),
    "summary, as the meta description": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("meta[name=description]")["content"],
    "name, as the Open Graph title": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("meta[property='og:title']")["content"],
    "name, as the Twitter card title": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("meta[name='twitter:title']")["content"],
    "summary, as the Open Graph description": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("meta[property='og:description']")["content"],
    "summary, as the Twitter card description": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("meta[name='twitter:description']")["content"],
    "name, in the breadcrumbs": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("nav.md-path [aria-current=page]").get_text(),
    "name, in the BreadcrumbList": lambda s, c: json.loads(page(s, f"tools/hostile-{c.id}/").select_one("script[type='application/ld+json']").string)["itemListElement"][-1]["name"],
    "summary, in the tools index": lambda s, c: page(s, "tools/").select_one(f"a[href='hostile-{c.id}/']").find_parent("td").find_next_sibling("td").get_text(),
    "prose, as its own paragraph": lambda s, c: page(s, f"tools/hostile-{c.id}/").select_one("h2#what-it-is-for").find_next_siblings("p")[1].get_text(),
    "list item": lambda s, c: page(s, "roles/hostile-role/").select_one("h2#typical-day").find_next("ul").select("li")[INERT.index(c)].get_text(),
    "title, as a heading": lambda s, c: text(page(s, "roles/hostile-role/").select_one(f"h3#r-{c.id}")),
    "FAQ question": lambda s, c: text(page(s, "faq/").select_one(f"h2#hostile-{c.id}")).removesuffix(" ?"),
    "FAQ answer": lambda s, c: page(s, "faq/").select_one(f"h2#hostile-{c.id}").find_next_sibling("p").get_text(),
    "FAQ question, listed on its role": lambda s, c: page(s, "roles/hostile-role/").select_one(f"a[href$='faq/#hostile-{c.id}']").get_text().removesuffix(" ?"),
    "title, as a job description line": lambda s, c: page(s, JD).select_one(f"article a[href$='hostile-role/#r-{c.id}']").get_text(),
    "title, in the job description's plain-text copy": lambda s, c: copied_line(page(s, JD), f"#r-{c.id})").split(" — ")[0],
    "resource title, on a tool page": lambda s, c: first_resource(s, f"tools/hostile-{c.id}/").a.get_text(),
    "resource author, on a tool page": lambda s, c: first_resource(s, f"tools/hostile-{c.id}/").p.get_text().split(", by ", 1)[1],
    "resource reason, on a tool page": lambda s, c: first_resource(s, f"tools/hostile-{c.id}/").select("p")[1].get_text(),
    "resource title, on a skill page": lambda s, c: first_resource(s, f"skills/hostile-{c.id}/").a.get_text(),
    "resource reason, on a skill page": lambda s, c: first_resource(s, f"skills/hostile-{c.id}/").select("p")[1].get_text(),
    "resource title, on a role's learning path": lambda s, c: path_step(s, c).select("p")[1].a.get_text(),
    "resource author, on a role's learning path": lambda s, c: path_step(s, c).select("p")[1].get_text().split(", by ", 1)[1].removesuffix("."),
}


def first_resource(site: BuildResult, url: str):
    """The first item of a page's "Where to learn it" section."""
    return page(site, url).select_one(f"h2#{urls.LEARN}").find_next("ul").select_one("li")


def path_step(site: BuildResult, case):
    """The hostile role's learning-path step for the case's skill."""
    steps = page(site, "roles/hostile-role/").select_one(f"h2#{urls.LEARNING_PATH}").find_next("ol")
    return next(li for li in steps.select("li") if li.a["href"].endswith(f"skills/hostile-{case.id}/#{urls.LEARN}"))


def copied_line(soup: BeautifulSoup, ending: str) -> str:
    """The line of the plain-text copy (the second copy button) that ends with ``ending``, without its bullet."""
    copy = soup.select(".guide-copy-jd")[1]["data-clipboard-text"]
    return next(line for line in copy.splitlines() if line.endswith(ending)).removeprefix("- ")


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("case", INERT, ids=lambda c: c.id)
def test_hostile_text_is_shown_exactly_as_written(hostile_site, case, where):
    assert WHERE[where](hostile_site, case) == case.text


HOSTILE_PAGES = ["tools/", "faq/", "roles/hostile-role/", JD, *(f"tools/hostile-{c.id}/" for c in INERT),
                 *(f"skills/hostile-{c.id}/" for c in INERT)]
# Nothing a reader's browser would act on, anywhere in the page.
ACTIVE = ("article script, iframe, object, embed, img, .injected, [onclick], [onerror], [onload], "
          "a[href^='javascript:'], a[href^='data:'], [src^='data:']")


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_hostile_text_adds_no_element(hostile_site, fixture_site, url):
    soup = page(hostile_site, url)
    assert soup.select(ACTIVE) == []
    assert [a for el in soup.find_all(True) for a in el.attrs if a.startswith("on")] == []
    article = soup.select_one("article")
    generated = url.startswith(("tools/hostile-", "skills/hostile-")) or url == "roles/hostile-role/"
    # Hand-written pages are compared with themselves in the fixture site; the job description with another's.
    real = None if generated else page(fixture_site, url.replace("hostile-role", "backend-developer")).select_one("article")
    # The page keeps its shape: one heading 1, its last section still inside the article, two sidebars, a footer.
    assert len(soup.select("h1")) == 1 and len(soup.select(".md-sidebar")) == 2 and soup.select("footer.md-footer")
    assert article.select("h2")[-1]["id"] == ("sources" if generated else real.select("h2")[-1]["id"])
    if generated:  # no code block, box or rule came from text
        assert article.select("pre, .admonition, hr") == []
    else:  # the others hold exactly the code blocks, boxes, rules and tables of their real counterparts
        for structure in ("pre", ".admonition", "hr", "table"):
            assert len(article.select(structure)) == len(real.select(structure)), (url, structure)
        if url == "faq/":  # and one question more per case, no heading less
            assert len(article.select("h2")) == len(real.select("h2")) + len(INERT)


# --- Rejected at validation ------------------------------------------------------------------


@dataclass(frozen=True)
class Rejected:
    id: str
    field: str  # a line of YAML, written as line 7 of a tool file
    expected: str  # the exact problem line the build prints


REJECTED = [
    Rejected("javascript-url", "website: javascript:alert(1)",
             "data/tools/bad-javascript-url.yml:7:10: website: links in data must be absolute https:// URLs, not javascript:"),
    Rejected("data-url", 'website: "data:text/html,<script>alert(1)</script>"',
             "data/tools/bad-data-url.yml:7:10: website: links in data must be absolute https:// URLs, not data:"),
    Rejected("http-url", "website: http://example.com/",
             "data/tools/bad-http-url.yml:7:10: website: links in data must be absolute https:// URLs, not http:"),
    Rejected("scheme-relative-url", "website: //example.com/",
             "data/tools/bad-scheme-relative-url.yml:7:10: website: links in data must be absolute https:// URLs, this one has no scheme"),
    Rejected("attribute-breakout-url", "website: 'https://example.com/\"onmouseover=\"alert(1)'",
             "data/tools/bad-attribute-breakout-url.yml:7:10: website: URL contains a space, quote or bracket; percent-encode it"),
    Rejected("line-break-in-name", 'name: "Tool\\n<script>alert(1)</script>"',
             "data/tools/bad-line-break-in-name.yml:7:7: name: must be one line (use a plain scalar, not '|' or '>')"),
]
SOURCE_WITH_A_SCRIPT_LINK = "  - id: bad-source\n    title: A source\n    url: \"javascript:alert(1)\"\n"


@pytest.fixture(scope="module")
def rejected_build(tmp_path_factory) -> BuildResult:
    project = fixture_project(tmp_path_factory.mktemp("rejected") / "project")
    for case in REJECTED:
        sixth = "skills: []" if case.field.startswith("name:") else "name: A tool"
        lines = [f"id: bad-{case.id}", "category: languages", "summary: A tool.", "description: A tool.", "sources: []",
                 sixth, case.field]
        (project / "data" / "tools" / f"bad-{case.id}.yml").write_text("\n".join(lines) + "\n" + RESOURCES)
    sources = project / "data" / "sources.yml"
    sources.write_text(sources.read_text() + SOURCE_WITH_A_SCRIPT_LINK)
    return build(project, project.parent / "site")


@pytest.mark.parametrize("case", REJECTED, ids=lambda c: c.id)
def test_unsafe_value_is_rejected_with_its_file_line_and_column(rejected_build, case):
    assert rejected_build.returncode != 0
    assert case.expected in rejected_build.log.splitlines(), rejected_build.log


def test_every_unsafe_value_is_reported_in_one_run_including_a_source_link(rejected_build):
    sources = (FIXTURE_DATA / "sources.yml").read_text()
    url_line = len(sources.splitlines()) + 3  # the third line of the source appended to the file
    index = len(load_guide(FIXTURE_DATA).sources)  # the new source is the last in the list
    problems = rejected_build.problem_lines()
    assert (f"data/sources.yml:{url_line}:10: sources[{index}].url: "
            "links in data must be absolute https:// URLs, not javascript:") in problems
    assert len(problems) == len(REJECTED) + 1
    assert "Traceback" not in rejected_build.log


# --- A hostile role summary, where it is quoted: job descriptions, their copies, JSON-LD --------------

HOSTILE_SUMMARY = "</script><script>alert(1)</script> <img src=x onerror=alert(1)> {{ config }}"


@pytest.fixture(scope="module")
def summary_site(tmp_path_factory) -> BuildResult:
    project = fixture_project(tmp_path_factory.mktemp("summary") / "project")
    path = project / "data" / "roles" / "api-developer.yml"
    text = re.sub(r"^summary: .*$", f"summary: {json.dumps(HOSTILE_SUMMARY + '.')}", path.read_text(), count=1, flags=re.M)
    path.write_text(text)
    result = build(project, project.parent / "site")
    assert result.returncode == 0, result.log
    return result


def test_hostile_role_text_stays_text_on_job_description_pages_and_in_json_ld(summary_site):
    jd_url = "job-descriptions/api-developer/mid/"
    for url in (jd_url, "roles/api-developer/", "job-descriptions/"):
        soup = summary_site.page(url)
        assert not soup.select("img[onerror], article script:not([type]):not([src]), article img")
        executable = [s for s in soup.select("script") if s.get("type") in (None, "text/javascript") and not s.get("src")]
        assert all("alert(1)" not in (s.string or "") for s in executable), url
    jd = summary_site.page(jd_url)
    assert HOSTILE_SUMMARY in jd.select_one("h2#overview + ul li").get_text()
    markdown, plain = (b["data-clipboard-text"] for b in jd.select(".guide-copy-jd"))
    assert HOSTILE_SUMMARY in plain  # plain text is copied verbatim
    assert r"\</script\>\<script\>alert(1)\</script\> \<img" in markdown  # Markdown shows it literally
    blocks = [json.loads(s.string) for s in summary_site.page("roles/api-developer/").select('script[type="application/ld+json"]')]
    occupation = next(b for b in blocks if b["@type"] == "Occupation")
    assert occupation["description"] == HOSTILE_SUMMARY + "."
