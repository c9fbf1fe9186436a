"""Job descriptions: one per role and level, built from the guide's data, every line linked back.

``job_description()`` assembles the content once, as plain data (sections of lines, each
line pointing at the guide item it comes from). The renderers below turn that into:

- the page's Markdown (relative, validated links; every data string escaped),
- the text a recruiter copies, as Markdown or as plain text (absolute links),
- the JSON the builder on /job-descriptions/ reads, whose lines are the same copy strings,
  so the builder only filters and joins them and cannot drift from the pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from .. import urls
from ..guide import Guide
from ..ladder import way_to
from ..urls import Linker, absolute, place
from .markup import heading, link, md, md_paragraphs
from .page_macros import page_macro

LICENCE = "CC BY 4.0"
JD_BUILDER_SCRIPT = "javascripts/jd-builder.js"


@dataclass(frozen=True)
class Line:
    """One bullet: ``prefix`` + a link to the guide item + `` — `` + ``rest``."""

    key: str | None  # the builder's id for a tickable line; None for lines always kept
    label: str  # the linked words
    target: str  # the guide item, as a docs path with an optional anchor: "roles/x.md#y"
    rest: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class JobDescription:
    role_id: str
    level_id: str
    title: str
    sections: tuple[Section, ...]

    @property
    def page(self) -> str:
        return place(urls.JD_PAGE, role=self.role_id, level=self.level_id)


def jd_title(guide: Guide, role_id: str, level_id: str) -> str:
    return f"{guide.roles[role_id].title} ({guide.levels[level_id].title.lower()})"


# The stack section's title: the role's example stack is marked as one, a stack the reader chose is not.
STACK_TITLE = "Tools you will work with"
EXAMPLE_STACK_TITLE = "Tools you will work with (an example stack: replace it with your team's)"
PAY_PLACEHOLDER = "[the range you will pay for this job, and the benefits]"


def job_description(guide: Guide, role_id: str, level_id: str, stack: list[str] | None = None) -> JobDescription:
    """The job description for ``role_id`` at ``level_id``; ``stack`` replaces the role's example stack.

    Responsibilities open with what makes the level what it is: what the level adds in every role, then the
    role's own responsibilities that start at this level. Those that start lower are one closing line, linked to
    the description one level down, so a senior description does not open with everything an entry-level one
    says.
    """
    role, level = guide.roles[role_id], guide.levels[level_id]
    role_page = place(urls.ROLE_PAGE, id=role_id)
    level_anchor = place(urls.LEVEL_ENTRY, id=level_id)
    below = way_to(guide.levels, level_id)[:-1]  # the levels that lead up to this one, lowest first
    tools = sorted(stack if stack is not None else role.example_stack, key=tool_order(guide))
    # A manager answers for the team's work rather than doing it: the lines say so.
    team = "The team's work: " if level.track == "management" else ""
    earlier = [item for item in role.responsibilities if item.from_level in below]
    responsibilities = [
        *(Line(f"e:{i}", text, level_anchor) for i, text in enumerate(level.expectations)),
        *(Line(f"r:{item.id}", item.title, f"{role_page}#{item.id}", _one_paragraph(item.description), prefix=team)
          for item in role.responsibilities if item.from_level == level_id),
    ]
    if earlier:
        lower = below[-1]
        responsibilities.append(Line(
            "r:earlier", f"Everything {jd_subject(guide, role_id, lower)} does",
            place(urls.JD_PAGE, role=role_id, level=lower), "; ".join(item.title for item in earlier) + ".", prefix=team))
    sections = (
        Section("overview", "About the role", (
            Line(None, role.title, role_page, role.summary, prefix="Role: "),
            Line(None, level.title, level_anchor, level.summary, prefix="Level: "),
        )),
        Section("responsibilities", "Responsibilities", tuple(responsibilities)),
        Section("requirements", "Requirements", tuple(
            Line(f"s:{s}", guide.skills[s].name, f"{place(urls.SKILL_PAGE, id=s)}#{level_id}", " ".join(guide.skills[s].levels[level_id]))
            for s in role.skills.core
        )),
        Section("nice-to-have", "Nice to have", tuple(
            Line(f"h:{s}", guide.skills[s].name, place(urls.SKILL_PAGE, id=s), guide.skills[s].summary) for s in role.skills.helpful
        )),
        Section("stack", STACK_TITLE if stack is not None else EXAMPLE_STACK_TITLE, tuple(
            Line(f"t:{t}", guide.tools[t].name, place(urls.TOOL_PAGE, id=t)) for t in tools
        )),
        Section("education-experience", "Education and experience", (
            Line("edu", "Education", urls.DEGREES, role.education),
            Line("exp", "Experience", level_anchor, level.experience),
        )),
        Section("pay", "Pay", (Line("pay", "Pay range", urls.PAY, PAY_PLACEHOLDER),)),
    )
    return JobDescription(role_id, level_id, jd_title(guide, role_id, level_id), sections)


def jd_subject(guide: Guide, role_id: str, level_id: str) -> str:
    """Who the description is for, as a phrase: 'a senior API developer', 'an engineering manager of a DevOps engineer team'."""
    role, level = in_sentence(guide.roles[role_id].title), guide.levels[level_id]
    if level.track == "management":
        return f"{article(level.title)} {level.title.lower()} of {article(role)} {role} team"
    adjective = level.title.lower().replace(" level", "-level")  # 'Entry level' -> 'an entry-level API developer'
    return f"{article(adjective)} {adjective} {role}"


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def in_sentence(title: str) -> str:
    """A title as it reads inside a sentence: 'Security engineer' -> 'security engineer'; 'API developer' and 'DevOps engineer' keep their capitals."""
    first, _, rest = title.partition(" ")
    if first[1:] == first[1:].lower():
        first = first[:1].lower() + first[1:]
    return f"{first} {rest}" if rest else first


def tool_order(guide: Guide) -> Callable[[str], tuple[int, str]]:
    """Sort key for tools in a stack: by category, as on /tools/, then by name."""
    by_category = {c: i for i, c in enumerate(guide.tool_categories)}
    return lambda t: (by_category[guide.tools[t].category], guide.tools[t].name.lower())


def _one_paragraph(prose: str) -> str:
    return " ".join(prose.split("\n\n"))


# --- the page -----------------------------------------------------------------------


def jd_page(guide: Guide, role_id: str, level_id: str, here: str, site_url: str) -> str:
    jd = job_description(guide, role_id, level_id)
    to = Linker(here, site_url)
    role, level = guide.roles[role_id], guide.levels[level_id]
    builder = to.to(urls.JD_INDEX)
    out = [
        heading(1, f"Job description: {jd.title}", "top"),
        "",
        f"A copy-ready job description for {md(jd_subject(guide, role_id, level_id))}. Every line links to the part "
        "of the guide it comes from, so candidates can read what you mean.\n{ .guide-lead }",
        "",
        " · ".join([
            link(f"The {in_sentence(role.title)} role", to.role(role_id)),
            link(f"What {level.title.lower()} means", to.level(level_id)),
            link("The interview kit", to.interview_kit(role_id, level_id)),
            link("All job descriptions", builder),
        ]) + "\n{ .guide-kicker }",
        "",
        _copy_buttons(jd, site_url),
        "",
    ]
    if level_id in role.not_hired_at:
        # e.g. an entry-level system architect: the role's own career path says why.
        out += ['!!! warning "Rarely hired at this level"', "", md_paragraphs(role.career_path[level_id], "    "), ""]
        umbrella = next((r.id for r in guide.roles.values() if r.kind == "umbrella" and level_id not in r.not_hired_at), None)
        if umbrella and umbrella != role_id:
            generalist = to.job_description(umbrella, level_id)
            title = in_sentence(guide.roles[umbrella].title)
            out += [f"    For this level, the {link(f'{title} job description', generalist)} is usually the better fit.", ""]
    for old in level.former_ids:
        out += [f'!!! info "This page also answers links to the retired {md(old)} level"', "",
                f"    Links to the {md(old)} job descriptions the guide used to publish now open this one, the nearest in "
                f"meaning. {link(f'What became of the {old} level', to.target(place(urls.LEVEL_ENTRY, id=old)))} "
                "says where the rest of it went.", ""]
    for section in jd.sections:
        if not section.lines:
            continue
        # Every line repeats the role, skill or tool page it links to; indexed, they would be half
        # the search index and bury those pages under job-description hits.
        out += [heading(2, section.title, section.id, searchable=False), ""]
        out += [f"- {_page_line(line, to)}" for line in section.lines]
        out.append("")
        out += _page_note(section.id, to)
    out += [
        heading(2, "Interview for it", "interview"),
        "",
        f"The {link('interview kit for this job', to.interview_kit(role_id, level_id))} has the loop, the questions with "
        "what a good answer shows at this level, a scorecard to copy, and the rules that keep the process fair.",
        "",
        heading(2, "Copy or adapt it", "copy"),
        "",
        "The buttons above copy this description with every link spelled out in full. To drop lines, "
        f"or to list your own stack, open it in the {link('job description builder', builder)}.",
        "",
        f"Text and links come from the Backend Developer Guide under {LICENCE}: keep the closing credit line "
        "when you publish it.",
        "",
    ]
    return "\n".join(out)


def _page_note(section_id: str, to: Linker) -> list[str]:
    """Advice under a section for the person adapting the description; it is not part of what they copy."""
    if section_id == "stack":
        return ["One coherent stack, as an example. Name the tools your team runs instead: the "
                f"{link('builder', to.to(urls.JD_INDEX, 'builder'))} lists every tool in the guide.\n{{ .guide-meta }}", ""]
    if section_id == "pay":
        return ["State the range you will pay. In many places the law requires it in the advert or before the "
                f"interview: see {link('the law on pay in hiring', to.to(urls.HIRING, 'pay-law'))}. "
                f"{link('Salary and pay', to.to(urls.PAY))} has official figures to set it against.\n{{ .guide-meta }}", ""]
    return []


def _page_line(line: Line, to: Linker) -> str:
    path, _, anchor = line.target.partition("#")
    linked = link(line.label, to.to(path, anchor or None))
    return f"{md(line.prefix)}{linked}{' — ' + md(line.rest) if line.rest else ''}"


def _copy_buttons(jd: JobDescription, site_url: str) -> str:
    """Buttons that Material's clipboard handler copies from (any ``[data-clipboard-text]``)."""
    buttons = [
        ("Copy as Markdown", as_markdown(jd, site_url)),
        ("Copy as plain text", as_text(jd, site_url)),
    ]
    inner = "".join(
        f'<button type="button" class="md-button guide-copy-jd" data-clipboard-text="{escape(text)}">{label}</button>'
        for label, text in buttons
    )
    return f'<div class="guide-copy-actions" data-jd="{jd.role_id}/{jd.level_id}">{inner}</div>'


# --- the copies -----------------------------------------------------------------------

_COPY_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def copy_md(text: str) -> str:
    """Escape only what Markdown would misread, so the copy stays readable in a job board's editor."""
    return _COPY_MD_SPECIAL.sub(r"\\\1", text)


def line_markdown(line: Line, site_url: str) -> str:
    rest = f" — {copy_md(line.rest)}" if line.rest else ""
    return f"{copy_md(line.prefix)}[{copy_md(line.label)}]({absolute(site_url, line.target)}){rest}"


def line_text(line: Line, site_url: str) -> str:
    rest = f" — {line.rest}" if line.rest else ""
    return f"{line.prefix}{line.label}{rest} ({absolute(site_url, line.target)})"


def credit(jd: JobDescription, site_url: str) -> tuple[str, str]:
    """The closing credit line (the licence asks for it), as Markdown and as text."""
    url = absolute(site_url, jd.page)
    return (f"Based on the [Backend Developer Guide]({url}), {LICENCE}.",
            f"Based on the Backend Developer Guide ({url}), {LICENCE}.")


def _join(title: str, sections: list[tuple[str, list[str]]], closing: str, *, markdown: bool) -> str:
    """The one layout both copies share; the builder's JavaScript joins lines the same way."""
    parts = [f"# {title}" if markdown else title]
    for section_title, lines in sections:
        if lines:
            parts.append((f"## {section_title}" if markdown else section_title) + "\n\n" + "\n".join(f"- {x}" for x in lines))
    parts.append(closing)
    return "\n\n".join(parts) + "\n"


def as_markdown(jd: JobDescription, site_url: str) -> str:
    sections = [(s.title, [line_markdown(x, site_url) for x in s.lines]) for s in jd.sections]
    return _join(copy_md(jd.title), sections, credit(jd, site_url)[0], markdown=True)


def as_text(jd: JobDescription, site_url: str) -> str:
    sections = [(s.title, [line_text(x, site_url) for x in s.lines]) for s in jd.sections]
    return _join(jd.title, sections, credit(jd, site_url)[1], markdown=False)


def builder_document(jd: JobDescription, site_url: str) -> dict:
    """What the builder fetches for one role and level: the copy strings of every line."""
    md_credit, text_credit = credit(jd, site_url)
    return {
        "role": jd.role_id,
        "level": jd.level_id,
        "title": {"markdown": copy_md(jd.title), "text": jd.title},
        "credit": {"markdown": md_credit, "text": text_credit},
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                **({"chosen_title": STACK_TITLE} if s.id == "stack" else {}),
                "lines": [
                    {"key": x.key, "label": x.label, "markdown": line_markdown(x, site_url), "text": line_text(x, site_url)}
                    for x in s.lines
                ],
            }
            for s in jd.sections
        ],
    }


def builder_catalogue(guide: Guide, site_url: str) -> str:
    """The builder's menus as JSON: roles, levels, and every tool a stack can name (with its copy strings)."""
    data = {
        "roles": [{"id": r.id, "title": r.title, "tools": list(r.example_stack)} for r in guide.roles.values()],
        "levels": [{"id": level.id, "title": level.title, "former_ids": list(level.former_ids)}
                   for level in guide.levels.values()],
        "categories": [{"id": c.id, "title": c.title} for c in guide.tool_categories.values()],
        "tools": [
            {"id": t.id, "name": t.name, "category": t.category,
             "markdown": line_markdown(line, site_url), "text": line_text(line, site_url)}
            for t in (guide.tools[i] for i in sorted(guide.tools, key=tool_order(guide)))
            for line in [Line(f"t:{t.id}", t.name, place(urls.TOOL_PAGE, id=t.id))]
        ],
    }
    return script_json(data)


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end or confuse it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- the index and the builder ----------------------------------------------------------


def role_level_table(guide: Guide, to: Linker, page_of: Callable[[str, str], str]) -> str:
    """A page per role and level, as a table a reader scans by row (role) and column (level)."""
    out = ["| Role | " + " | ".join(md(level.title) for level in guide.levels.values()) + " |",
           "| --- |" + " --- |" * len(guide.levels)]
    for role in guide.roles.values():
        cells = [link(level.title, page_of(role.id, level.id)) for level in guide.levels.values()]
        out.append(f"| {link(role.title, to.role(role.id))} | " + " | ".join(cells) + " |")
    return "\n".join(out)


@page_macro
def jd_index(guide: Guide, to: Linker) -> str:
    """Every role × level job description."""
    return role_level_table(guide, to, to.job_description)


@page_macro
def jd_builder(guide: Guide, to: Linker) -> str:
    """The builder's mount point. Without JavaScript it says where the ready-made descriptions are."""
    return "\n".join([
        '<div id="jd-builder" class="guide-builder">',
        '<p class="guide-builder__fallback"><strong>The builder needs JavaScript.</strong> Without it, every job '
        "description in the table above is complete and ready to copy: open one and use its copy buttons.</p>",
        "</div>",
        f'<script type="application/json" id="jd-catalogue">{builder_catalogue(guide, to.site_url)}</script>',
        f'<script src="{to.to(JD_BUILDER_SCRIPT)}" defer></script>',
    ])
