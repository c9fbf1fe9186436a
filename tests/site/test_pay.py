"""Pay on the real site: every figure on /pay/ with its period, charts that say what their tables say,
each role's own codes and pay, and the same codes in each role's JSON-LD."""

from __future__ import annotations

import json
import re

import pytest

from macros.loader import load_guide
from macros.render import pay
from support.project import ROOT

GUIDE = load_guide(ROOT / "data")
MARKET_FIGURES = [f for f in GUIDE.figures.values() if f.market and f.statistic not in ("claim", "range")]


def _section(soup, anchor: str) -> str:
    """The text of one h2 section: its heading up to the next h2."""
    heading = soup.select_one(f"h2#{anchor}")
    parts = [heading.get_text(" ")]
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def pay_page(real_site):
    return real_site.page("pay/")


def test_every_market_has_its_section(pay_page):
    assert [h["id"] for h in pay_page.select("article h2") if h["id"] in GUIDE.markets] == list(GUIDE.markets)


@pytest.mark.parametrize("fig", MARKET_FIGURES, ids=lambda f: f.id)
def test_every_market_figure_appears_in_its_market_with_its_period(pay_page, fig):
    text = _section(pay_page, fig.market)
    value = pay.number(fig.value, fig.unit)
    assert value in text, f"{fig.id}: {value} is not in the {fig.market} section"
    assert fig.reference_period in text
    source = GUIDE.sources[fig.source]
    assert source.title in text


def test_each_chart_row_says_the_numbers_of_its_table_row(pay_page):
    charts = pay_page.select("figure.guide-chart")
    assert charts, "no chart on /pay/"
    for chart in charts:
        svg = chart.select_one("svg")
        assert svg.select_one(":scope > title").get_text() and svg.select_one(":scope > desc").get_text()
        table = chart.find_next("table")
        rows = {tr.select("td")[0].get_text(" ", strip=True): [td.get_text(strip=True) for td in tr.select("td")]
                for tr in table.select("tbody tr")}
        for group in svg.select("g.guide-chart__row"):
            code = GUIDE.codes[group["data-code"]]
            said = group.select_one("title").get_text()
            (cells,) = [cells for name, cells in rows.items() if code.code in name]
            for cell in cells[1:4]:
                for value in re.findall(r"\d[\d,.]*\d", re.sub(r" \(.*?\)", "", cell)):  # numbers, less precision notes
                    assert value in said, f"{code.code}: the table's {value} is not in the chart's row: {said}"
            assert said in svg.select_one(":scope > desc").get_text()


def test_the_articles_bands_are_below_the_official_figures_and_say_whose_claim_they_are(pay_page):
    headings = [h["id"] for h in pay_page.select("article h2")]
    assert headings.index("article-claims") > max(headings.index(m) for m in GUIDE.markets)
    claims = _section(pay_page, "article-claims")
    for fig in GUIDE.figures.values():
        if fig.statistic == "range":
            assert pay.amount(fig) in claims


@pytest.mark.parametrize("role_id", GUIDE.roles)
def test_every_role_page_shows_its_codes_and_its_pay(real_site, role_id):
    page = real_site.page(f"roles/{role_id}/")
    codes = _section(page, "occupation-codes")
    for mapping in GUIDE.roles[role_id].occupations:
        code = GUIDE.codes[mapping.code]
        assert f"{code.code} {code.title}" in codes
    assert "../../pay/" in [a["href"].split("#")[0] for a in page.select("h2#pay ~ ul a, h2#pay ~ p a")]


@pytest.mark.parametrize("role_id", GUIDE.roles)
def test_every_role_carries_its_own_codes_and_official_pay_in_json_ld(real_site, role_id):
    role = GUIDE.roles[role_id]
    blocks = [json.loads(s.string) for s in real_site.page(f"roles/{role_id}/").select('script[type="application/ld+json"]')]
    occupation = next(b for b in blocks if b["@type"] == "Occupation")
    assert [c["codeValue"] for c in occupation["occupationalCategory"]] == [GUIDE.codes[m.code].code for m in role.occupations]
    medians = {f.occupation: f for f in GUIDE.figures.values() if f.statistic == "median" and f.unit == "a-year"}
    expected = [medians[m.code].value for m in role.occupations if m.fit != "alternative" and m.code in medians]
    assert [s["median"] for s in occupation.get("estimatedSalary", [])] == expected
    for salary in occupation.get("estimatedSalary", []):
        assert salary["@type"] == "MonetaryAmountDistribution" and salary["duration"] == "P1Y" and salary["currency"]


def test_skill_pages_name_their_sfia_skills(real_site):
    for skill in GUIDE.skills.values():
        if skill.sfia:
            meta = real_site.page(f"skills/{skill.id}/").select_one("article .guide-meta").get_text()
            assert all(GUIDE.codes[c].code in meta for c in skill.sfia), skill.id


def test_no_figure_on_the_site_is_shown_without_its_period(real_site):
    # The figure boxes on prose pages name what, when and who, as the pay tables do.
    for url in ("job-market/", "education/", "hiring/"):
        for box in real_site.page(url).select(".admonition.info, .admonition.quote"):
            text = box.get_text(" ")
            assert re.search(r"(published|publication day not confirmed)", text), (url, text[:80])
