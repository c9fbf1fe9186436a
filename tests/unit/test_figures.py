"""Figures carry their provenance, or the data does not load; the pay renderers print them as published."""

from __future__ import annotations

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from macros.loader import load_guide
from macros.problems import DataError
from macros.render import pay
from macros.urls import Linker
from support.project import FIXTURE_DATA
from tools import stale_figures

GUIDE = load_guide(FIXTURE_DATA)
BEFORE = datetime.date(2026, 6, 1)  # dev-employment (next release 2026-01-01) is due; the rest are not


def problems(data_dir) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(p) for p in caught.value.problems]


def _edit(data_dir, old: str, new: str) -> None:
    path = data_dir / "figures.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("field, line", [
    ("statistic: median\n", "data/figures.yml:2:5: figures[0].statistic: required field is missing"),
    ("reference_period: May 2025\n", "data/figures.yml:2:5: figures[0].reference_period: required field is missing"),
    ("geography: Northland\n", "data/figures.yml:2:5: figures[0].geography: required field is missing"),
    ("source: stats-office\n", "data/figures.yml:2:5: figures[0].source: required field is missing"),
])
def test_a_figure_without_its_provenance_fails_with_its_line(data_dir, field, line):
    _edit(data_dir, "    " + field, "")
    found = problems(data_dir)
    assert len(found) == 1 and found[0].startswith(line), found


def test_a_figure_whose_source_has_no_address_fails_with_its_line(data_dir):
    _edit(data_dir, "    source: stats-office\n", "    source: classification\n")
    assert problems(data_dir) == [
        "data/figures.yml:15:13: figures[0].source: the source 'classification' has no url "
        "(a figure's source needs an https:// address a reader can check)"
    ]


@pytest.mark.parametrize("old, new, message", [
    ("    value: 135980\n", "", "a median needs a 'value' (the number as published), not a 'claim'"),
    ("    currency: USD\n", "", "money (a-year, an-hour, a-month) takes a currency; other units take none"),
    ("    verification: primary\n    next_release: 2027-03-01\n  - id: dev-p10",
     "    verification: secondary\n    next_release: 2027-03-01\n  - id: dev-p10",
     "a secondary figure says which copy it was read in ('verified_from')"),
    ("    next_release: 2027-03-01\n", "    next_release: 2026-02-01\n", "next_release must come after published"),
])
def test_a_figure_that_contradicts_itself_is_refused(data_dir, old, new, message):
    _edit(data_dir, old, new)
    found = problems(data_dir)
    assert len(found) == 1 and found[0].startswith("data/figures.yml:2:5: figures[0]: ") and message in found[0], found


def test_a_role_names_at_least_one_occupation_code(data_dir):
    path = data_dir / "roles" / "api-developer.yml"
    path.write_text(re.sub(r"occupations:\n(  .*\n)+", "occupations: []\n", path.read_text()))
    found = problems(data_dir)
    assert len(found) == 1 and re.match(r"data/roles/api-developer\.yml:\d+:14: occupations: must not be empty", found[0])


@pytest.mark.parametrize("fig_id, text", [
    ("dev-median", "USD 135,980 a year"),
    ("dev-employment", "1,654,440 jobs"),
    ("growth", "“over 20% a year”"),
])
def test_amounts_are_printed_as_published(fig_id, text):
    assert pay.amount(GUIDE.figures[fig_id]) == text


def test_money_by_the_hour_keeps_its_cents_and_percentages_keep_their_decimals():
    assert pay.number(19.6, "an-hour") == "19.60"
    assert pay.number(15.8, "percent") == "15.8"
    assert pay.number(4, "percent") == "4"


def test_a_figure_is_due_once_its_next_release_has_passed():
    due = GUIDE.figures["dev-employment"]
    assert pay.is_due(due, BEFORE) and not pay.is_due(due, datetime.date(2025, 12, 31))
    assert not pay.is_due(GUIDE.figures["dev-median"], BEFORE)


def test_the_market_section_says_which_figures_are_due():
    text = pay.pay_market(GUIDE, Linker("pay.md", "/", BEFORE), "north")
    assert '!!! warning "A newer release is due for some of these figures"' in text
    assert "**A newer release is due**: the publisher expected one by 1 January 2026" in text
    not_yet = pay.pay_market(GUIDE, Linker("pay.md", "/", datetime.date(2025, 12, 31)), "north")
    assert "newer release is due" not in not_yet


def test_the_chart_and_the_table_carry_the_same_numbers():
    text = pay.pay_market(GUIDE, Linker("pay.md", "/", BEFORE), "north")
    chart = BeautifulSoup(pay.wage_chart(GUIDE, "north"), "html.parser")
    (row,) = chart.select("g.guide-chart__row")
    for fig_id in ("dev-p10", "dev-median", "dev-p90"):
        fig = GUIDE.figures[fig_id]
        assert pay.amount(fig) in row.title.get_text()  # what the chart row says
        assert pay.md(pay.number(fig.value, fig.unit)) in text  # and the table
    assert chart.select_one("svg > title").get_text() and chart.select_one("svg > desc").get_text()
    assert row.title.get_text() in chart.select_one("svg > desc").get_text()


def test_a_market_without_figures_says_so():
    assert "no official figure for this market yet" in pay.pay_market(GUIDE, Linker("pay.md"), "south")


def test_the_weekly_check_lists_each_due_figure_with_its_file_line(monkeypatch, capsys):
    monkeypatch.chdir(FIXTURE_DATA.parent.parent.parent)
    assert stale_figures.main(["--date", BEFORE.isoformat(), str(FIXTURE_DATA)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"tests/fixtures/data/figures\.yml:\d+:19: next_release: dev-employment \(Employment of software "
                        r"developers, May 2024\) was due by 2026-01-01: read the new edition and update the figure", line), line
    assert stale_figures.main(["--date", "2025-12-31", str(FIXTURE_DATA)]) == 0
    assert capsys.readouterr().out == ""
