"""Pure functions that render one role, skill or tool page as Markdown.

Each takes the loaded ``Guide``, an id, and the docs-relative path of the page being
rendered (for relative links), and returns Markdown in which every data string is escaped.
Section anchors are fixed here and form part of the URL contract.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import urls
from ..guide import Guide
from ..ladder import leads_from
from ..urls import Linker
from .career import step_title
from .markup import external_link, full_stop, heading, link, md, md_paragraphs

KIND_LABEL = {"umbrella": "The umbrella role", "specialisation": "Specialisation"}
SKILL_KIND = {"hard": "Technical skill", "soft": "Workplace skill"}
PageRenderer = Callable[[Guide, str, str], str]

# Collection name -> the function that renders one entry's page: (guide, id, docs path) -> Markdown.
PAGE_RENDERERS: dict[str, PageRenderer] = {}


def renders(collection: str) -> Callable[[PageRenderer], PageRenderer]:
    """Register the page renderer of a collection whose entries have pages of their own (see registry.py)."""

    def register(fn: PageRenderer) -> PageRenderer:
        PAGE_RENDERERS[collection] = fn
        return fn

    return register


@renders("roles")
def role_page(guide: Guide, role_id: str, here: str) -> str:
    role = guide.roles[role_id]
    to = Linker(here)
    out = [*_opening(role.title, role.summary, [KIND_LABEL[role.kind], link("All roles", to.to(urls.ROLES_INDEX))])]
    if role.advertised_as:
        titles = "; ".join(md(title) for title in role.advertised_as)
        out += [f"Advertised as: {titles}{full_stop(role.advertised_as[-1])}\n{{ .guide-meta }}", ""]
    out += [
        heading(2, "Overview", "overview"),
        "",
        md_paragraphs(role.overview),
        "",
        heading(2, "Responsibilities", "responsibilities"),
        "",
    ]
    for item in role.responsibilities:
        meta = [f"From {link(guide.levels[item.from_level].title.lower(), to.level(item.from_level))}"]
        if item.duty:
            meta.append(f"Duty: {md(guide.duties[item.duty].title)}")
        out += [heading(3, item.title, item.id, item.former_ids), "", md_paragraphs(item.description), "", f"{' · '.join(meta)}\n{{ .guide-meta }}", ""]

    out += [heading(2, "Skills", "skills", searchable=False), ""]
    for label, ids in (("Core: the role cannot do without these", role.skills.core),
                       ("Helpful: these make someone better at it", role.skills.helpful)):
        if ids:
            out += [f"**{label}**", ""]
            out += [f"- {link(guide.skills[s].name, to.skill(s))}: {md(guide.skills[s].summary)}" for s in ids]
            out.append("")

    out += [heading(2, "Tools", "tools", searchable=False), ""]
    by_category: dict[str, list[str]] = {}
    for tool_id in role.tools:
        by_category.setdefault(guide.tools[tool_id].category, []).append(tool_id)
    for category_id, category in guide.tool_categories.items():
        if category_id in by_category:
            tools = ", ".join(link(guide.tools[t].name, to.tool(t)) for t in by_category[category_id])
            out.append(f"- {link(category.title, to.tool_category(category_id))}: {tools}")
    out += ["", heading(2, "A typical day", "typical-day"), ""]
    out += [f"- {md(entry)}" for entry in role.typical_day]

    out += ["", heading(2, "Career path", "career-path"), ""]
    for level_id, level in guide.levels.items():
        takes_on = [r for r in role.responsibilities if r.from_level == level_id]
        out += [f'=== "{md(level.title)}"', "", md_paragraphs(role.career_path[level_id], "    "), ""]
        if takes_on:
            items = ", ".join(link(r.title, to.role(role.id, r.id)) for r in takes_on)
            out += [f"    Takes on: {items}.", ""]
        out += [f"    {link(f'What {level.title.lower()} means across roles', to.level(level_id))}", ""]
        if level.next:
            moves = " · ".join(link(step_title(guide, level_id, n), to.level_step(level_id, n)) for n in level.next)
            out += [f"    What changes next: {moves}", ""]

    related = guide.links.related_roles.get(role.id, ())
    if related:
        out += [heading(2, "Related roles", "related-roles", searchable=False), ""]
        out += [f"- {link(guide.roles[r].title, to.role(r))}: {md(guide.roles[r].summary)}" for r in related]
        out.append("")

    out += [heading(2, "Questions about this role", "faq", searchable=False), ""]
    faqs = guide.links.role_faqs.get(role.id, ())
    if faqs:
        out += [f"- {link(guide.faqs[f].question, to.faq(f))}" for f in faqs]
    else:
        out.append(f"No questions yet: see the {link('FAQ', to.to(urls.FAQ))}.")
    out += ["", *_sources(guide, role.sources, to, role.provenance)]
    return "\n".join(out)


@renders("skills")
def skill_page(guide: Guide, skill_id: str, here: str) -> str:
    skill = guide.skills[skill_id]
    to = Linker(here)
    out = [
        *_opening(skill.name, skill.summary, [SKILL_KIND[skill.kind], link("All skills", to.to(urls.SKILLS_INDEX))]),
        heading(2, "Why it matters", "why-it-matters"),
        "",
        md_paragraphs(skill.why),
        "",
    ]
    if skill.example:
        out += [heading(2, "A backend example", "example"), "", md_paragraphs(skill.example), ""]
    if skill.interview_signal:
        out += [heading(2, "What an interviewer looks for", "interview-signal"), "", md(skill.interview_signal), ""]
    out += [
        heading(2, "At each level", "levels"),
        "",
        "What someone shows of this skill at each level, as behaviour an interviewer or a manager could see. "
        "Levels are cumulative: each adds to the ones before it. "
        f"{link('Every skill at every level', to.to(urls.SKILLS_MATRIX))} · "
        f"{link('What the levels mean', to.to(urls.LEVELS))}",
        "",
    ]
    for level_id, level in guide.levels.items():
        out += [heading(3, level.title, level_id), ""]
        out += [f"- {md(item)}" for item in skill.levels[level_id]]
        out.append("")
        froms = [lower for lower in leads_from(guide.levels, level_id) if guide.levels[lower].track != level.track]
        if froms:
            names = " or ".join(md(guide.levels[lower].title.lower()) for lower in froms)
            out += [f"On the {md(level.track.replace('-', ' '))} track, usually a step across from {names}: "
                    f"what someone in the role makes sure of.\n{{ .guide-meta }}", ""]

    out += ["", heading(2, "Roles that need it", "roles", searchable=False), ""]
    roles = guide.links.skill_roles.get(skill.id, ())
    if roles:
        out += [f"- {link(guide.roles[r].title, to.role(r, 'skills'))}: {importance}" for r, importance in roles]
    else:
        out.append("No role lists this skill yet.")

    out += ["", heading(2, "Tools", "tools", searchable=False), ""]
    tools = guide.links.skill_tools.get(skill.id, ())
    if tools:
        out += [f"- {link(guide.tools[t].name, to.tool(t))}: {md(guide.tools[t].summary)}" for t in tools]
    else:
        out.append("No tool is linked to this skill: it is practised rather than installed.")
    out += ["", *_sources(guide, skill.sources, to, skill.provenance)]
    return "\n".join(out)


@renders("tools")
def tool_page(guide: Guide, tool_id: str, here: str) -> str:
    tool = guide.tools[tool_id]
    to = Linker(here)
    category = guide.tool_categories[tool.category]
    kicker = [link(category.title, to.tool_category(category.id)), link("All tools", to.to(urls.TOOLS_INDEX))]
    if tool.website:
        kicker.append(external_link("Official site", tool.website))
    out = [
        *_opening(tool.name, tool.summary, kicker),
        heading(2, "What it is for", "what-it-is-for"),
        "",
        md_paragraphs(tool.description),
        "",
        heading(2, "Skills", "skills", searchable=False),
        "",
    ]
    skills = guide.links.tool_skills.get(tool.id, ())
    if skills:
        out += [f"- {link(guide.skills[s].name, to.skill(s))}: {md(guide.skills[s].summary)}" for s in skills]
    else:
        out.append("No skill is linked to this tool yet.")
    out += ["", heading(2, "Roles that use it", "roles", searchable=False), ""]
    roles = guide.links.tool_roles.get(tool.id, ())
    if roles:
        out += [f"- {link(guide.roles[r].title, to.role(r, 'tools'))}" for r in roles]
    else:
        out.append("No role page lists this tool yet.")
    out += ["", *_sources(guide, tool.sources, to, tool.provenance)]
    return "\n".join(out)


def _opening(title: str, summary: str, kicker: list[str]) -> list[str]:
    """Title, the one-sentence summary as the lead, and a line saying what kind of page this is."""
    return [heading(1, title, "top"), "", f"{md(summary)}\n{{ .guide-lead }}", "", f"{' · '.join(kicker)}\n{{ .guide-kicker }}", ""]


def _sources(guide: Guide, source_ids: list[str], to: Linker, provenance: str | None = None) -> list[str]:
    """The closing "Sources" section: the articles that name this entity, or who added it.

    ``provenance`` says how the entry relates to those sources (what they say, where the guide
    departs from them); it is kept here, at the foot, so the page above reads as reference.
    """
    out = [heading(2, "Sources", "sources", searchable=False), ""]
    if source_ids:
        links = "; ".join(link(guide.sources[s].title, to.source(s)) for s in source_ids)
        out.append(f"Named in: {links}{full_stop(guide.sources[source_ids[-1]].title)}")
    else:
        out.append(
            "None of our source articles names this. The guide's editors added it because "
            f"backend teams rely on it today; see {link('how we choose sources', to.to(urls.SOURCES))}."
        )
    if provenance:
        out += ["", md_paragraphs(provenance)]
    return [*out, ""]
