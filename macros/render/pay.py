"""Pay and other figures: the tables, the charts drawn at build time, and the sentences that quote them.

A figure is never shown without its statistic, its reference period, where it applies and who
published it. Numbers are printed as published: no rounding, no conversion. A figure whose next
edition is due by the build's day says so. The charts are SVG written here (no chart library,
no script, no request), with a title and a description, and each row of a chart carries the
same numbers as the row of the table beside it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from .. import urls
from ..guide import Guide
from ..models import MONEY_UNITS, Code, Figure
from ..urls import Linker
from .markup import external_link, heading, link, md, md_paragraphs
from .page_macros import page_macro

PERCENTILES = ("p10", "p25", "median", "p75", "p90")
STATISTIC = {
    "p10": "10th percentile", "p25": "25th percentile", "median": "median", "p75": "75th percentile",
    "p90": "90th percentile", "mean": "mean", "employment": "employment", "projected-employment": "projected employment",
    "growth": "projected change", "openings": "openings", "share": "share", "count": "count", "index": "index",
    "range": "range", "claim": "claim",
}
UNIT_WORDS = {"a-year": "a year", "an-hour": "an hour", "a-month": "a month", "jobs": "jobs",
              "openings-a-year": "openings a year", "people": "people", "years": "years"}
TAXONOMY = {"soc-2018": "SOC 2018", "onet-soc-2019": "O*NET-SOC 2019", "isco-08": "ISCO-08", "esco": "ESCO",
            "uk-soc-2020": "UK SOC 2020", "sfia-9": "SFIA 9"}
FIT = {"exact": "Exact", "approximate": "Approximate", "alternative": "Alternative"}


# --- one figure ----------------------------------------------------------------------------


def number(value: float, unit: str) -> str:
    """``value`` as published: money by the hour with two decimals, whole numbers with separators."""
    if unit == "an-hour":
        return f"{value:,.2f}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def amount(fig: Figure) -> str:
    """The figure's value with its unit and currency, as plain text: 'USD 135,980 a year', '15.8%'."""
    if fig.statistic == "claim":
        return f"“{fig.claim}”"
    assert fig.value is not None
    value = number(fig.value, fig.unit)
    if fig.high is not None:
        value = f"{value}–{number(fig.high, fig.unit)}"
    if fig.unit in MONEY_UNITS:
        return f"{fig.currency} {value} {UNIT_WORDS[fig.unit]}"
    if fig.unit == "percent":
        return f"{value}%"
    if fig.unit == "index-points":
        return f"{value} (index)"
    return f"{value} {UNIT_WORDS[fig.unit]}"


def is_due(fig: Figure, today: datetime.date | None) -> bool:
    """Whether the publisher's next edition was expected before ``today`` (the build's day)."""
    return fig.next_release is not None and today is not None and today > fig.next_release


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def provenance(guide: Guide, fig: Figure, to: Linker) -> str:
    """Markdown: the statistic, period, place, population, publisher, how it was checked, and whether it is due."""
    source = guide.sources[fig.source]
    title = external_link(source.title, source.url) if source.url else link(source.title, to.source(source.id))
    parts = [
        f"{md(STATISTIC[fig.statistic].capitalize())}, {md(fig.reference_period)}, {md(fig.geography)}",
        md(fig.population.rstrip(".")),
        f"{md(source.publisher or 'Publisher not stated')}: {title}"
        + (f", published {md(_day(fig.published))}" if fig.published else ", publication day not confirmed"),
        ("read in the publisher's own table" if fig.verification == "primary"
         else f"read only in a copy: {md(fig.verified_from or '')}"),
    ]
    if fig.precision:
        parts.append(md(fig.precision))
    if is_due(fig, to.today):
        parts.append(f"**a newer release is due**: expected by {md(_day(fig.next_release))}, and the guide "  # type: ignore[arg-type]
                     "has not yet updated this figure")
    return "; ".join(parts) + "."


@page_macro
def figure(guide: Guide, to: Linker, figure_id: str) -> str:
    """One figure, as an info box: what it is, its value, and everything about where it comes from."""
    fig = guide.figures[figure_id]
    kind = "info" if fig.statistic not in ("claim", "range") else "quote"
    label = "One source's claim: " if fig.statistic in ("claim", "range") else ""
    out = [f'!!! {kind} "{md(label + fig.label)}: {md(amount(fig))}"', "", f"    {provenance(guide, fig, to)}", ""]
    if fig.note:
        out += [md_paragraphs(fig.note, "    "), ""]
    return "\n".join(out)


# --- codes ------------------------------------------------------------------------------------


def code_name(code: Code) -> str:
    """'SOC 2018 15-1252 Software Developers', as plain text."""
    return f"{TAXONOMY[code.taxonomy]} {code.code} {code.title}"


def code_link(code: Code) -> str:
    """The code as Markdown, linked to the classification's own page where the guide has seen one."""
    text = f"{code.code} {code.title}"
    return external_link(text, code.url) if code.url else md(text)


def occupation_codes(guide: Guide, role_id: str) -> list[str]:
    """Markdown: the role's occupation codes as a table, each with its fit and why."""
    role = guide.roles[role_id]
    out = ["| Classification | Code and title | Fit |", "| --- | --- | --- |"]
    for mapping in role.occupations:
        code = guide.codes[mapping.code]
        how = f"{FIT[mapping.fit]}{': ' + md(mapping.note) if mapping.note else ''}"
        out.append(f"| {md(TAXONOMY[code.taxonomy])} | {code_link(code)} | {how} |")
    return out


# --- pay by market -------------------------------------------------------------------------------


def _market_figures(guide: Guide, market_id: str) -> list[Figure]:
    return [f for f in guide.figures.values() if f.market == market_id and f.statistic not in ("claim", "range")]


def _by_occupation(figures: Iterable[Figure]) -> dict[str | None, list[Figure]]:
    grouped: dict[str | None, list[Figure]] = {}
    for fig in figures:
        grouped.setdefault(fig.occupation, []).append(fig)
    return grouped


def _roles_for(guide: Guide, code_id: str) -> list[str]:
    return [r.id for r in guide.roles.values() if any(m.code == code_id for m in r.occupations)]


class _Sources:
    """The provenance of a market's figures, numbered once per distinct source, period and check."""

    def __init__(self, guide: Guide, to: Linker):
        self._guide = guide
        self._to = to
        self._numbers: dict[tuple, int] = {}
        self._entries: list[str] = []

    def number(self, fig: Figure) -> int:
        key = (fig.source, fig.reference_period, fig.published, fig.verification, fig.verified_from, fig.next_release)
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
            self._entries.append(self._entry(fig))
        return self._numbers[key]

    def _entry(self, fig: Figure) -> str:
        source = self._guide.sources[fig.source]
        title = external_link(source.title, source.url) if source.url else link(source.title, self._to.source(source.id))
        text = f"{md(source.publisher or 'Publisher not stated')}: {title}, {md(fig.reference_period)}"
        text += f"; published {md(_day(fig.published))}" if fig.published else "; publication day not confirmed"
        text += "; read in the publisher's own table" if fig.verification == "primary" else \
            f"; read only in a copy: {md(fig.verified_from or '')}"
        if is_due(fig, self._to.today):
            text += (f" **A newer release is due**: the publisher expected one by {md(_day(fig.next_release))}; "  # type: ignore[arg-type]
                     "the guide has not yet read it, so this figure keeps its own period.")
        return text

    def markdown(self) -> list[str]:
        return [f"{i}. {entry}" for i, entry in enumerate(self._entries, start=1)]


def _cell(fig: Figure, *, bare: bool = False) -> str:
    """A table cell: the value with its unit (or the bare number, under a header that gives the unit)."""
    text = md(number(fig.value or 0, fig.unit)) if bare else md(amount(fig))
    return text + (f" ({md(fig.precision)})" if fig.precision else "")


@page_macro
def pay_market(guide: Guide, to: Linker, market_id: str) -> str:
    """One market's section of /pay/: its heading (the market id is the anchor), a chart, the wage table, the
    other figures, and where each comes from."""
    market = guide.markets[market_id]
    figures = _market_figures(guide, market_id)
    out = [heading(2, market.title, market.id), "", md(market.summary), ""]
    if not figures:
        return "\n".join([*out, "The guide has no official figure for this market yet.", ""])
    sources = _Sources(guide, to)
    if any(is_due(f, to.today) for f in figures):
        out += ['!!! warning "A newer release is due for some of these figures"', "",
                "    Their publisher expected a newer edition by now. They are shown with their own period, and "
                "the list of sources below says which, until the guide reads the new edition.", ""]
    rows = _wage_rows(guide, market_id)
    shown: set[str] = set()
    if rows:
        out += [wage_chart(guide, market_id), ""]
        currency = rows[0][1]["median"].currency
        # Numbers align right by a class, not by Markdown's `---:`, which writes a style attribute per cell
        # and the Content Security Policy allows none.
        out += ['<div class="guide-wages" markdown>', "",
                "| Occupation | Median | 25th to 75th percentile | 10th to 90th percentile | Period (source) |",
                "| --- | --- | --- | --- | --- |"]
        for code, wages in rows:
            cells = [_cell(wages["median"], bare=True), _span(wages, "p25", "p75"), _span(wages, "p10", "p90")]
            numbers = sorted({sources.number(f) for f in wages.values()})
            shown.update(f.id for f in wages.values() if f.statistic in PERCENTILES)
            out.append(f"| {code_link(code)} | {' | '.join(cells)} | {md(wages['median'].reference_period)} "
                       f"({', '.join(str(n) for n in numbers)}) |")
        out += ["", "</div>"]
        taxonomies = ", ".join(dict.fromkeys(TAXONOMY[code.taxonomy] for code, _ in rows))
        out += ["", f"Yearly pay in {md(currency or '')}, before tax, for everyone with the code ({md(taxonomies)}): "
                "percentiles of the occupation, not of a level. A dash: the guide has not confirmed those percentiles. "
                "The number in brackets is the source, listed below.", ""]
    others = [f for f in figures if f.id not in shown]
    if others:
        out += ["| Occupation | What | Value | Period | Source |", "| --- | --- | --- | --- | --- |"]
        for fig in sorted(others, key=lambda f: (f.occupation or "", _statistic_order(f))):
            who = _occupation(guide, guide.codes[fig.occupation], to) if fig.occupation else "All occupations"
            out.append(f"| {who} | {md(fig.label)}, {md(STATISTIC[fig.statistic])} | {_cell(fig)} | "
                       f"{md(fig.reference_period)} | {sources.number(fig)} |")
        out.append("")
    mapped = _role_mapping(guide, dict.fromkeys(f.occupation for f in figures if f.occupation), to)
    if mapped:
        out += ["**The guide's roles under these codes**", "", *mapped, ""]
    out += ["**Sources**", "", *sources.markdown(), ""]
    notes = [f for f in figures if f.note]
    if notes:
        out += ['??? note "Notes on these figures"', ""]
        out += [f"    - **{md(f.label)}, {md(STATISTIC[f.statistic])}**: {md(f.note or '')}" for f in notes]
        out.append("")
    return "\n".join(out)


def _span(wages: dict[str, Figure], low: str, high: str) -> str:
    if low in wages and high in wages:
        return f"{_cell(wages[low], bare=True)} to {_cell(wages[high], bare=True)}"
    return "—"


def _occupation(guide: Guide, code: Code, to: Linker) -> str:  # noqa: ARG001 (roles are listed once, below the tables)
    return f"{md(TAXONOMY[code.taxonomy])} {code_link(code)}"


def _role_mapping(guide: Guide, codes: Iterable[str], to: Linker) -> list[str]:
    """Which of the guide's roles each code counts: one line per code."""
    out = []
    for code_id in codes:
        roles = _roles_for(guide, code_id)
        if roles:
            code = guide.codes[code_id]
            names = ", ".join(link(guide.roles[r].title, to.role(r, "occupation-codes")) for r in roles)
            out.append(f"- {md(code.code)} {md(code.title)}: {names}")
    return out


def _statistic_order(fig: Figure) -> int:
    return list(STATISTIC).index(fig.statistic)


@page_macro
def pay_claims(guide: Guide, to: Linker) -> str:
    """The sources' own pay claims: bands and rates one article states, below the official figures."""
    claims = [f for f in guide.figures.values() if f.statistic in ("range", "claim") and (f.level or f.unit in MONEY_UNITS)]
    if not claims:
        return ""
    out = ["| What the source says | Level | Source | Note |", "| --- | --- | --- | --- |"]
    for fig in claims:
        source = guide.sources[fig.source]
        level = link(guide.levels[fig.level].title, to.level(fig.level)) if fig.level else "Not stated"
        out.append(f"| {md(amount(fig))} | {level} | {link(source.title, to.source(source.id))} | {md(fig.note or '')} |")
    return "\n".join(out)


# --- the chart -------------------------------------------------------------------------------------

WIDTH = 720
LEFT = 16
RIGHT = 24
ROW = 56  # each occupation: a label line and its bar
TOP = 12
AXIS = 40


def _wage_rows(guide: Guide, market_id: str) -> list[tuple[Code, dict[str, Figure]]]:
    """Occupations with a yearly wage in this market, as (code, statistic -> figure)."""
    rows: list[tuple[Code, dict[str, Figure]]] = []
    for code_id, group in _by_occupation(_market_figures(guide, market_id)).items():
        wages: dict[str, Figure] = {f.statistic: f for f in group if f.unit == "a-year" and f.statistic in (*PERCENTILES, "mean")}
        if code_id is not None and wages.get("median"):
            rows.append((guide.codes[code_id], wages))
    return sorted(rows, key=lambda row: -(row[1]["median"].value or 0))


def _step(value: float) -> int:
    return 50_000 if value > 100_000 else 10_000 if value > 20_000 else 5


def _nice_top(value: float) -> int:
    step = _step(value)
    return int(-(-value // step) * step)


def row_description(code: Code, wages: dict[str, Figure]) -> str:
    """The numbers of one chart row, in words: what a screen reader hears, and what the table shows."""
    median = wages["median"]
    shown = [f"{STATISTIC[s]} {amount(wages[s])}" for s in PERCENTILES if s in wages]
    return f"{code_name(code)}, {median.reference_period}: " + "; ".join(shown)


def wage_chart(guide: Guide, market_id: str) -> str:
    """An SVG of yearly wage percentiles by occupation (10th to 90th as a line, 25th to 75th as a bar,
    the median as a mark), or '' when the market has no yearly wage. HTML, every text escaped."""
    rows = _wage_rows(guide, market_id)
    if not rows:
        return ""
    market = guide.markets[market_id]
    currency = rows[0][1]["median"].currency or ""
    top = _nice_top(max(max((f.value or 0) for f in wages.values()) for _, wages in rows))
    height = TOP + ROW * len(rows) + AXIS
    span = WIDTH - LEFT - RIGHT

    def x(value: float) -> float:
        return round(LEFT + span * value / top, 1)

    ident = f"pay-chart-{market.id}"
    title = f"Yearly pay by occupation in {market.title}, in {currency}"
    description = ". ".join(row_description(code, wages) for code, wages in rows) + "."
    parts = [
        f'<svg class="guide-chart__svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]
    step = _step(top)
    for tick in range(0, top + 1, step):
        parts.append(f'<line class="guide-chart__grid" x1="{x(tick)}" y1="{TOP}" x2="{x(tick)}" y2="{height - AXIS + 4}"/>')
        anchor = "start" if tick == 0 else "end" if tick == top else "middle"
        parts.append(f'<text class="guide-chart__tick" x="{x(tick)}" y="{height - AXIS + 22}" text-anchor="{anchor}">'
                     f'{escape(f"{tick:,}")}</text>')
    for i, (code, wages) in enumerate(rows):
        y = TOP + ROW * i
        bar = y + 34
        parts.append(f'<g class="guide-chart__row" data-code="{escape(code.id)}">')
        parts.append(f"<title>{escape(row_description(code, wages))}</title>")
        parts.append(f'<text class="guide-chart__label" x="{LEFT}" y="{y + 16}">'
                     f'{escape(f"{code.code} {code.title}")} · median {escape(amount(wages["median"]))}, '
                     f'{escape(wages["median"].reference_period)}</text>')
        if "p10" in wages and "p90" in wages:
            parts.append(f'<line class="guide-chart__whisker" x1="{x(wages["p10"].value or 0)}" y1="{bar}" '
                         f'x2="{x(wages["p90"].value or 0)}" y2="{bar}"/>')
        if "p25" in wages and "p75" in wages:
            left, right = x(wages["p25"].value or 0), x(wages["p75"].value or 0)
            parts.append(f'<rect class="guide-chart__box" x="{left}" y="{bar - 8}" width="{round(right - left, 1)}" height="16"/>')
        median = x(wages["median"].value or 0)
        if "p25" not in wages:  # the median alone: a dot, so it does not read as a bar's end
            parts.append(f'<circle class="guide-chart__dot" cx="{median}" cy="{bar}" r="6"/>')
        parts.append(f'<line class="guide-chart__median" x1="{median}" y1="{bar - 12}" x2="{median}" y2="{bar + 12}"/>')
        parts.append("</g>")
    parts.append("</svg>")
    periods = dict.fromkeys(wages["median"].reference_period for _, wages in rows)
    caption = (f"Yearly pay in {escape(currency)}, by occupation code: the line runs from the 10th to the 90th "
               "percentile, the bar from the 25th to the 75th, and the mark is the median. Where the guide has "
               "only the median, only the mark is drawn. The table below gives every number."
               + (f" The rows are from different years ({escape(', '.join(periods))}): compare a row with "
                  "another of the same period only." if len(periods) > 1 else ""))
    # On a phone the drawing keeps a legible size and scrolls inside its frame; the page does not.
    return (f'<figure class="guide-chart"><div class="guide-chart__frame" tabindex="0" '
            f'aria-label="{escape(title)} (scrolls sideways on a small screen)">' + "".join(parts) +
            f"</div><figcaption>{caption}</figcaption></figure>")


def role_pay(guide: Guide, role_id: str, to: Linker) -> list[str]:
    """Markdown lines: what official statistics say about the pay of the role's own codes, with links to /pay/."""
    role = guide.roles[role_id]
    lines = []
    for mapping in role.occupations:
        if mapping.fit == "alternative":
            continue
        code = guide.codes[mapping.code]
        figures = [f for f in guide.figures.values() if f.occupation == code.id and f.market and f.unit in MONEY_UNITS]
        by_stat = {f.statistic: f for f in figures}
        median = by_stat.get("median")
        if median is None or median.market is None:
            continue
        market = guide.markets[median.market]
        text = (f"- **{md(market.title)}**, {md(TAXONOMY[code.taxonomy])} {code_link(code)} "
                f"({md(FIT[mapping.fit].lower())} fit): median {md(amount(median))} in {md(median.reference_period)}")
        if "p10" in by_stat and "p90" in by_stat:
            text += f"; 10th to 90th percentile {md(amount(by_stat['p10']))} to {md(amount(by_stat['p90']))}"
        source = guide.sources[median.source]
        due = "; a newer release is due" if is_due(median, to.today) else ""
        where = link("how to read it", to.target(urls.place(urls.MARKET_ENTRY, id=market.id)))
        text += f" ({md(source.publisher or source.title)}{due}; {where})."
        lines.append(text)
    if not lines:
        lines = ["Official statistics publish pay for this role's codes, but the guide has not yet confirmed a figure "
                 f"for them; {link('the pay page', to.to(urls.PAY))} shows the figures it has, for the nearest codes."]
    return lines
