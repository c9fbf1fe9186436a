"""The career framework: the levels page, the mapping to published ladders, the skills × levels matrix,
the level-to-level pages and the self-assessment's data.

Pure functions, data in and escaped Markdown out, like the other renderers. Tables whose cells hold
lists are HTML with Markdown inside (``md_in_html``), so every link in them is still a Markdown link
to a ``.md`` file that MkDocs resolves and checks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from html import escape
from typing import Any

from .. import urls
from ..guide import Guide
from ..ladder import leads_from, steps, tracks, way_to
from ..models import LADDERS, Level
from ..urls import Linker, place
from . import pay
from .job_descriptions import article, in_sentence, script_json
from .markup import heading, link, md, md_paragraphs
from .page_macros import page_macro

TRACK_TITLES = {"individual-contributor": "The individual-contributor track", "management": "The management track"}
TRACK_NAMES = {"individual-contributor": "individual contributor", "management": "management"}
SELF_ASSESSMENT_SCRIPT = "javascripts/self-assessment.js"
STATE_FORMAT = 1  # the self-assessment's address format; a new one must still read links made with this one
NEW = '<strong class="guide-new">New</strong> '  # what is new at the higher level: a word, not only a colour


def step_title(guide: Guide, lower: str, higher: str) -> str:
    return f"From {guide.levels[lower].title.lower()} to {guide.levels[higher].title.lower()}"


def step_links(guide: Guide, to: Linker, pairs: Iterable[tuple[str, str]] | None = None) -> str:
    """Links to level-to-level pages, separated by middle dots."""
    pairs = steps(guide.levels) if pairs is None else pairs
    return " · ".join(link(step_title(guide, lower, higher), to.level_step(lower, higher)) for lower, higher in pairs)


# --- /levels/ -------------------------------------------------------------------------------


@page_macro
def levels_list(guide: Guide, to: Linker) -> str:
    """Each track and each of its levels with every field, its pay band (or why there is none) and its next steps."""
    out: list[str] = []
    for track, level_ids in tracks(guide.levels).items():
        out += [heading(2, TRACK_TITLES.get(track, track), track), ""]
        if track == "management":
            sides = sorted({lower for lid in level_ids for lower in leads_from(guide.levels, lid)
                            if guide.levels[lower].track != track}, key=list(guide.levels).index)
            if sides:
                names = " or ".join(link(guide.levels[s].title.lower(), to.level(s)) for s in sides)
                out += [f"A side step, not a promotion: people usually move across from {names}. A director, who "
                        "manages managers, sits above it and is outside the guide's scope.", ""]
        for level_id in level_ids:
            out += _level_section(guide, to, guide.levels[level_id])
    return "\n".join(out)


def _level_section(guide: Guide, to: Linker, level: Level) -> list[str]:
    out = [heading(3, level.title, level.id), "", f"{md(level.summary)}\n{{ .guide-lead }}", "",
           f"Time horizon: {md(level.time_horizon)} · Reach: {md(level.reach)} · "
           f"Track: {md(TRACK_NAMES.get(level.track, level.track))}\n{{ .guide-meta }}", "",
           md_paragraphs(level.scope), "", f"**Autonomy.** {md(level.autonomy)}", ""]
    for label, items in (("Decisions typical at this level", level.decisions),
                         ("On call and in incidents", level.operational),
                         ("What employers expect", level.expectations)):
        out += [f"**{label}**", "", *(f"- {md(item)}" for item in items), ""]
    out += [f"**Experience a job description asks for.** {md(level.experience)}", ""]
    if level.next:
        names = " or ".join(md(guide.levels[n].title.lower()) for n in level.next)
        out += [f"**What a case for {names} shows**", ""]
    else:
        out += ["**Beyond this level**", ""]
    out += [*(f"- {md(item)}" for item in level.promotion_case), ""]
    if level.next:
        out += [f"Next: {step_links(guide, to, [(level.id, n) for n in level.next])}\n{{ .guide-meta }}", ""]
    out += _level_pay(guide, to, level)
    return out


def _level_pay(guide: Guide, to: Linker, level: Level) -> list[str]:
    """Pay at a level: official statistics have none (they count occupations, not levels), so the section says
    so, points at /pay/, and shows any source's claim that data/figures.yml ties to this level, as that claim."""
    claims = [f for f in guide.figures.values() if f.level == level.id]
    out = [f"**Pay.** Official statistics report pay by occupation, not by level, so no official figure describes "
           f"this level; {link('Salary and pay', to.to(urls.PAY))} gives them by occupation and market.", ""]
    for fig in claims:
        out += [pay.figure(guide, to, fig.id), ""]
    return out


@page_macro
def level_tracks(guide: Guide, to: Linker) -> str:
    """The ladder in one glance: each track's levels in order, and every level-to-level page."""
    out = []
    for track, level_ids in tracks(guide.levels).items():
        names = " → ".join(link(guide.levels[lid].title, to.level(lid)) for lid in level_ids)
        out.append(f"- **{md(TRACK_NAMES.get(track, track).capitalize())}:** {names}")
    out += ["", f"What changes at each step: {step_links(guide, to)}.", ""]
    return "\n".join(out)


@page_macro
def ladder_mapping(guide: Guide, to: Linker) -> str:
    """Every level against each published ladder, each cell cited, approximate matches said in words."""
    numbers: dict[str, int] = {}
    for level in guide.levels.values():
        for mapping in level.mappings:
            for source in mapping.sources:
                numbers.setdefault(source, len(numbers) + 1)

    def cell(level: Level, ladder: str) -> str:
        mapping = next((m for m in level.mappings if m.ladder == ladder), None)
        if mapping is None:
            return "Not mapped"
        refs = "".join(link(f"[{numbers[s]}]", to.source(s)) for s in mapping.sources)
        return f"{md(mapping.equivalent)}{' *(approximate)*' if mapping.approximate else ''} {refs}"

    header = ["Level", *LADDERS.values()]
    out = ['<div class="guide-scroll guide-scroll--sticky" role="region" aria-label="Levels mapped to published '
           'ladders" tabindex="0" markdown>', "",
           "| " + " | ".join(md(h) for h in header) + " |", "|" + " --- |" * len(header)]
    for level in guide.levels.values():
        out.append(f"| {link(level.title, f'#{level.id}')} | " + " | ".join(cell(level, ladder) for ladder in LADDERS) + " |")
    out += ["", "</div>", "", "Numbers in brackets are the sources below. *(approximate)* marks a match that is a "
            "judgement rather than the same scope; the notes say why.", ""]
    # Notes by ladder, a note that several levels share written once with the levels it is about.
    notes: dict[str, dict[str, list[str]]] = {}
    for level in guide.levels.values():
        for m in level.mappings:
            if m.note:
                notes.setdefault(m.ladder, {}).setdefault(m.note, []).append(level.title)
    if notes:
        out += [heading(3, "Notes on the mappings", "mapping-notes"), ""]
        for ladder in LADDERS:
            if ladder in notes:
                out += [f"- **{md(LADDERS[ladder])}**", ""]
                for note, titles in notes[ladder].items():
                    names = ", ".join(md(t if i == 0 else t.lower()) for i, t in enumerate(titles))
                    out.append(f"    - {names}: {md(note)}")
                out.append("")
    out += [heading(3, "Sources of the table", "mapping-sources"), ""]
    out += [f"{n}. {link(guide.sources[s].title, to.source(s))}"
            + (f" ({md(guide.sources[s].publisher or '')})" if guide.sources[s].publisher else "")
            for s, n in numbers.items()]
    return "\n".join(out) + "\n"


# --- skills × levels ---------------------------------------------------------------------------------

SKILL_GROUPS = (("hard", "Technical skills"), ("soft", "Workplace skills"))


def _skill_table(guide: Guide, to: Linker, columns: list[tuple[str, str, bool]], label: str, *,
                 row_ids: bool = False) -> list[str]:
    """Skills as rows and the given levels as columns (level id, header, new?); each cell lists the
    level's behaviours and links to that skill's section for the level. A scroll container of its own,
    with the skill column sticky, so a phone scrolls the table and never the page."""
    head = "".join(f'<th scope="col" markdown="span">{header}</th>' for _, header, _ in columns)
    out = [f'<div class="guide-scroll guide-scroll--sticky" role="region" aria-label="{escape(label)}" tabindex="0" markdown>',
           '<table class="guide-matrix" markdown>',
           f'<thead markdown><tr markdown><th scope="col">Skill</th>{head}</tr></thead>']
    for kind, title in SKILL_GROUPS:
        skills = [s for s in guide.skills.values() if s.kind == kind]
        if not skills:
            continue
        out += ["<tbody markdown>",
                f'<tr><th scope="rowgroup" colspan="{len(columns) + 1}" class="guide-matrix__group">'
                f"<span>{escape(title)}</span></th></tr>"]
        for skill in skills:
            row_id = f' id="{skill.id}"' if row_ids else ""
            out += ["<tr markdown>", f'<th scope="row"{row_id} markdown="span">{link(skill.name, to.skill(skill.id))}</th>']
            for level_id, _, new in columns:
                items = "\n".join(f"- {NEW if new else ''}{md(b)}" for b in skill.levels[level_id])
                context = f"{md(skill.name)} at {md(guide.levels[level_id].title.lower())}"
                more = f'[In full<span class="guide-sr-only">: {context}</span>]({to.skill_level(skill.id, level_id)})'
                out += ['<td markdown="block">', "", items, "", f"{more}\n{{ .guide-matrix__more }}", "", "</td>"]
            out.append("</tr>")
        out.append("</tbody>")
    out += ["</table>", "</div>", ""]
    return out


@page_macro
def skills_matrix(guide: Guide, to: Linker) -> str:
    """Every skill at every level as one table, and the level-to-level pages."""
    columns = [(lid, link(level.title, to.level(lid)), False) for lid, level in guide.levels.items()]
    out = [f"From one level to the next: {step_links(guide, to)}.", ""]
    out += _skill_table(guide, to, columns, "Every skill at every level", row_ids=True)
    return "\n".join(out)


# --- /levels/<lower>-to-<higher>/ -----------------------------------------------------------------


def level_step_page(guide: Guide, lower_id: str, higher_id: str, here: str) -> str:
    """What changes from ``lower_id`` to ``higher_id``, side by side, with what is new marked in words."""
    lower, higher = guide.levels[lower_id], guide.levels[higher_id]
    to = Linker(here)
    lo, hi = lower.title, higher.title
    out = [
        heading(1, step_title(guide, lower_id, higher_id), "top"), "",
        f"What changes when {article(lo)} {md(lo.lower())} engineer moves to {md(hi.lower())}: scope, time horizon, reach, "
        f"decisions, expectations and every skill, side by side. Everything marked New is what {md(hi.lower())} "
        f"adds to {md(lo.lower())}.\n{{ .guide-lead }}", "",
        " · ".join([link("All levels", to.to(urls.LEVELS)), link(lo, to.level(lower_id)), link(hi, to.level(higher_id)),
                    link("Every skill at every level", to.to(urls.SKILLS_MATRIX))]) + "\n{ .guide-kicker }", "",
    ]
    if lower.track != higher.track:
        out += ['!!! note "A change of track"', "",
                f"    {md(hi)} is on the {md(TRACK_NAMES.get(higher.track, higher.track))} track: a side step from "
                f"{md(lo.lower())}, not a promotion above it. {md(higher.summary)}", ""]

    def changed(a: str, b: str) -> str:
        return f"{md(b)}" if a == b else f'<strong class="guide-new">Changes</strong> {md(b)}'

    out += [heading(2, "At a glance", "at-a-glance"), "",
            f"| | {md(lo)} | {md(hi)} |", "| --- | --- | --- |",
            f"| Summary | {md(lower.summary)} | {md(higher.summary)} |",
            f"| Time horizon | {md(lower.time_horizon)} | {changed(lower.time_horizon, higher.time_horizon)} |",
            f"| Reach | {md(lower.reach)} | {changed(lower.reach, higher.reach)} |",
            f"| Autonomy | {md(lower.autonomy)} | {md(higher.autonomy)} |",
            f"| Track | {md(TRACK_NAMES.get(lower.track, lower.track))} | "
            f"{changed(TRACK_NAMES.get(lower.track, lower.track), TRACK_NAMES.get(higher.track, higher.track))} |", ""]
    out += [heading(2, "Scope", "scope"), ""]
    out += _side_by_side([(lo, md_paragraphs(lower.scope)), (hi, md_paragraphs(higher.scope))])
    for title, anchor, field in (("Decisions", "decisions", "decisions"), ("On call and in incidents", "operational", "operational"),
                                 ("What employers expect", "expectations", "expectations")):
        below, above = getattr(lower, field), getattr(higher, field)
        out += [heading(2, title, anchor), ""]
        out += _side_by_side([(lo, _items(below)), (f"New at {hi.lower()}", _items(above, new=set(above) - set(below)))])
    out += [heading(2, "The case for the move", "promotion-case"), ""]
    if lower.track == higher.track:
        out += [f"What a case for {md(hi.lower())} shows, as {md(lo.lower())} is defined:", "", _items(lower.promotion_case), ""]
    else:
        out += [f"What a job description for {md(hi.lower())} asks for: {md(higher.experience)}", ""]
    out += [heading(2, "Every skill", "skills", searchable=False), "",
            f"Levels are cumulative: at {md(hi.lower())}, someone shows the {md(lo.lower())} behaviours and those "
            f"marked New. Each cell links to the skill's page.", ""]
    out += _skill_table(guide, to, [(lower_id, link(lo, to.level(lower_id)), False),
                                    (higher_id, f"New at {link(hi, to.level(higher_id))}", True)],
                        f"Every skill at {lo.lower()} and at {hi.lower()}")
    others = [(a, b) for a, b in steps(guide.levels) if (a, b) != (lower_id, higher_id)]
    if others:
        out += [heading(2, "Other steps", "other-steps", searchable=False), "", step_links(guide, to, others) + ".", ""]
    return "\n".join(out)


def _items(items: list[str], new: set[str] | None = None) -> str:
    return "\n".join(f"- {NEW if new is not None and item in new else ''}{md(item)}" for item in items)


def _side_by_side(columns: list[tuple[str, str]]) -> list[str]:
    """Two columns of Markdown, each under its title; stacked on a narrow screen."""
    out = ['<div class="guide-compare" markdown>', ""]
    for title, body in columns:
        out += ['<div markdown>', "", f"**{md(title)}**", "", body, "", "</div>", ""]
    return [*out, "</div>", ""]


# --- /self-assessment/ ------------------------------------------------------------------------------


def behaviour_check(skill: Any, level_ids: Iterable[str]) -> str:
    """Four hex digits that change when a skill's behaviours change: a link made before then is detected."""
    text = json.dumps([[lid, skill.levels[lid]] for lid in level_ids], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:4]


def self_assessment_data(guide: Guide, to: Linker) -> dict:
    """What the self-assessment script needs: levels, roles, skills and their behaviours, all links resolved."""
    level_ids = list(guide.levels)
    return {
        "format": STATE_FORMAT,
        "levels": [{"id": lid, "title": level.title, "track": level.track, "next": list(level.next),
                    "below": [b for b in way_to(guide.levels, lid) if b != lid],
                    "url": to.published(place(urls.LEVEL_ENTRY, id=lid))} for lid, level in guide.levels.items()],
        "steps": {f"{a}/{b}": to.published(place(urls.LEVEL_STEP, lower=a, higher=b)) for a, b in steps(guide.levels)},
        "roles": [{"id": r.id, "title": r.title, "in_sentence": in_sentence(r.title),
                   "core": list(r.skills.core), "helpful": list(r.skills.helpful)}
                  for r in guide.roles.values()],
        "skills": {s.id: {"name": s.name, "url": to.published(place(urls.SKILL_PAGE, id=s.id)),
                          "check": behaviour_check(s, level_ids),
                          "levels": {lid: list(s.levels[lid]) for lid in level_ids}}
                   for s in guide.skills.values()},
    }


@page_macro
def self_assessment(guide: Guide, to: Linker) -> str:
    """The self-assessment's mount point, its data and script; without JavaScript, the whole matrix."""
    return "\n".join([
        '<div id="self-assessment-tool" class="guide-sa">',
        '<p class="guide-sa__fallback"><strong>The self-assessment needs JavaScript.</strong> It keeps your ticks '
        "in this page's address and works out your levels in your browser, which a static page cannot do without "
        "a script; nothing is sent anywhere. Without it, read the matrix below: each cell is what someone at that "
        "level shows of the skill, on top of the levels to its left.</p>",
        "</div>",
        f'<script type="application/json" id="self-assessment-data">{script_json(self_assessment_data(guide, to))}</script>',
        f'<script src="{to.published(SELF_ASSESSMENT_SCRIPT)}" defer></script>',
        "",
        '<div class="guide-sa-fallback" markdown>',
        "",
        *_skill_table(guide, to, [(lid, link(level.title, to.level(lid)), False) for lid, level in guide.levels.items()],
                      "Every skill at every level"),
        "</div>",
        "",
    ])
