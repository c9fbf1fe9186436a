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
from ..models import RESOURCE_TYPES, Resource, Skill
from ..urls import Linker
from . import pay
from .career import step_title
from .markup import external_link, full_stop, heading, link, md, md_paragraphs

KIND_LABEL = {"umbrella": "The umbrella role", "specialisation": "Specialisation"}
SKILL_KIND = {"hard": "Technical skill", "soft": "Workplace skill"}
# How a page names each type of resource (as a group) and each cost, in words rather than icons.
RESOURCE_GROUP = {"documentation": "Documentation", "standard": "Standards and specifications", "book": "Books",
                  "course": "Courses", "article": "Articles and papers", "video": "Videos",
                  "interactive": "Interactive: exercises, labs and playgrounds"}
COST_LABEL = {"free": "Free", "free-tier": "Paid, with a free part", "paid": "Paid"}
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

    out += _learning_path(guide, role.id, to)

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
        hiring = [link("Job description", to.job_description(role.id, level_id)),
                  link("Interview kit", to.interview_kit(role.id, level_id))]
        out += [f"    Hiring at this level: {' · '.join(hiring)}", ""]
        if level.next:
            moves = " · ".join(link(step_title(guide, level_id, n), to.level_step(level_id, n)) for n in level.next)
            out += [f"    What changes next: {moves}", ""]

    out += [heading(2, "Pay", "pay", searchable=False), "",
            "What official statistics say about the occupation codes this role is counted under. They describe "
            "everyone with the code, at every level, so they are not a level's pay.", ""]
    out += [*pay.role_pay(guide, role.id, to), ""]
    exact = any(m.fit == "exact" for m in role.occupations)
    out += [heading(2, "Occupation codes", "occupation-codes", searchable=False), "",
            ("The official codes this role's jobs are counted under, and how well each fits." if exact else
             "No official classification has a code for this role itself; these are the codes its jobs are counted "
             "under, and how well each fits."), ""]
    out += [*pay.occupation_codes(guide, role.id), ""]

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
    out = [*_opening(skill.name, skill.summary, [SKILL_KIND[skill.kind], link("All skills", to.to(urls.SKILLS_INDEX))])]
    if skill.sfia:
        codes = "; ".join(pay.code_link(guide.codes[c]) for c in skill.sfia)
        out += [f"In SFIA 9, the framework many employers grade digital skills by: {codes}.\n{{ .guide-meta }}", ""]
    out += [
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
    out += ["", *_learn(guide, skill.resources, to), *_sources(guide, skill.sources, to, skill.provenance)]
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
    out += ["", *_learn(guide, tool.resources, to), *_sources(guide, tool.sources, to, tool.provenance)]
    return "\n".join(out)


def _learn(guide: Guide, resources: list[Resource], to: Linker) -> list[str]:
    """The "Where to learn it" section: the resources grouped by type, each with its cost and level in words."""
    out = [heading(2, "Where to learn it", urls.LEARN, searchable=False), ""]
    for kind in RESOURCE_TYPES:
        for i, resource in enumerate(r for r in resources if r.type == kind):
            if i == 0:
                out += [f"**{RESOURCE_GROUP[kind]}**", "{ .guide-learn-group }", ""]
            out += [f"- {external_link(resource.title, resource.url)}, by {md(resource.by)}", "",
                    f"    {md(resource.why)}", "",
                    f"    {_cost_and_level(guide, resource, to)}", "    { .guide-meta }", ""]
    return out


def _cost_and_level(guide: Guide, resource: Resource, to: Linker) -> str:
    level = guide.levels[resource.level]
    return f"{COST_LABEL[resource.cost]} · From {link(level.title.lower(), to.level(level.id))}"


def starting_resource(guide: Guide, skill: Skill) -> Resource:
    """Where a newcomer starts on ``skill``: the first resource listed among those at its lowest level."""
    rank = {level_id: i for i, level_id in enumerate(guide.levels)}
    return min(skill.resources, key=lambda r: rank[r.level])  # min keeps the first of equals


def learning_path(guide: Guide, role_id: str) -> list[tuple[str, Resource]]:
    """The role's core skills in the order a newcomer takes them, each with the resource to start from.

    The order is the one the role lists its core skills in, except that a skill whose resources start
    at a higher level waits until those that start lower are done: nobody starts where the material
    assumes experience.
    """
    rank = {level_id: i for i, level_id in enumerate(guide.levels)}
    steps = []
    for position, skill_id in enumerate(guide.roles[role_id].skills.core):
        start = starting_resource(guide, guide.skills[skill_id])
        steps.append(((rank[start.level], position), skill_id, start))
    return [(skill_id, start) for _, skill_id, start in sorted(steps, key=lambda step: step[0])]


def _learning_path(guide: Guide, role_id: str, to: Linker) -> list[str]:
    out = [
        heading(2, "Learning path", urls.LEARNING_PATH, searchable=False), "",
        "The role's core skills in the order to learn them, each with a resource to start from (the skill's "
        "page lists the rest). The order is the role's own, except that a skill whose resources all assume "
        "experience comes after those that start at a lower level.", "",
    ]
    for number, (skill_id, start) in enumerate(learning_path(guide, role_id), 1):
        out += [f"{number}. {link(guide.skills[skill_id].name, to.skill(skill_id, urls.LEARN))}", "",
                f"    Start with {external_link(start.title, start.url)}, by {md(start.by)}{full_stop(start.by)}", "",
                f"    {start.type.capitalize()} · {_cost_and_level(guide, start, to)}", "    { .guide-meta }", ""]
    return out


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
