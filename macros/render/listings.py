"""Pure functions that render the listings on hand-written pages: indexes, FAQ, sources (levels: ``career.py``).

Like the entity pages, each takes the ``Guide`` and the current page's docs-relative
path and returns Markdown with every data string escaped.
"""

from __future__ import annotations

from .. import urls
from ..guide import Guide
from ..urls import Linker, place, release_anchor
from .markup import heading, link, md, md_paragraphs
from .page_macros import page_macro


@page_macro
def roles_index(guide: Guide, to: Linker) -> str:
    """Cards for every role, umbrella first."""
    out = ['<div class="grid cards" markdown>', ""]
    for role in guide.roles.values():
        out += [
            f"-   **{link(role.title, to.role(role.id))}**",
            "",
            "    ---",
            "",
            f"    {md(role.summary)}",
            "",
        ]
    out.append("</div>")
    return "\n".join(out)


@page_macro
def duties_table(guide: Guide, to: Linker) -> str:
    """Every duty from the sources, with the roles whose responsibilities carry it out."""
    out = ["| Duty | Carried out by |", "| --- | --- |"]
    for duty in guide.duties.values():
        roles = guide.links.duty_roles.get(duty.id, ())
        cell = ", ".join(link(guide.roles[r].title, to.role(r, "responsibilities")) for r in roles) or "No role yet"
        out.append(f"| **{md(duty.title)}**<br>{md(duty.summary)} | {cell} |")
    return "\n".join(out)


@page_macro
def skills_index(guide: Guide, to: Linker) -> str:
    """Skills grouped into technical and workplace skills, each with the number of roles that need it."""
    out: list[str] = []
    for kind, title, anchor in (("hard", "Technical skills", "technical"), ("soft", "Workplace skills", "workplace")):
        out += [heading(2, title, anchor), "", "| Skill | What it covers | Roles |", "| --- | --- | --- |"]
        for skill in guide.skills.values():
            if skill.kind == kind:
                roles = len(guide.links.skill_roles.get(skill.id, ()))
                out.append(f"| {link(skill.name, to.skill(skill.id))} | {md(skill.summary)} | {roles} |")
        out.append("")
    return "\n".join(out)


@page_macro
def tools_index(guide: Guide, to: Linker) -> str:
    """Tools grouped by category, in category order; each category has a fixed anchor."""
    out: list[str] = []
    for category_id, category in guide.tool_categories.items():
        tools = guide.links.category_tools.get(category_id, ())
        if not tools:
            continue
        out += [heading(2, category.title, category_id), "", md(category.summary), "", "| Tool | What it is for |", "| --- | --- |"]
        out += [f"| {link(guide.tools[t].name, to.tool(t))} | {md(guide.tools[t].summary)} |" for t in tools]
        out.append("")
    return "\n".join(out)


@page_macro
def expectations_list(guide: Guide, to: Linker) -> str:
    """What employers look for, each with the skills that show it."""
    out: list[str] = []
    for item in guide.expectations.values():
        skills = ", ".join(link(guide.skills[s].name, to.skill(s)) for s in item.skills)
        out += [heading(3, item.title, item.id), "", md_paragraphs(item.description), "", f"Skills: {skills}\n{{ .guide-meta }}", ""]
    return "\n".join(out)


@page_macro
def faq_list(guide: Guide, to: Linker) -> str:
    """Every question with its answer; each question's id is its anchor."""
    out: list[str] = []
    for faq in guide.faqs.values():
        out += [heading(2, faq.question, faq.id, faq.former_ids), "", md_paragraphs(faq.answer), ""]
        meta = []
        if faq.roles:
            meta.append("Roles: " + ", ".join(link(guide.roles[r].title, to.role(r, "faq")) for r in faq.roles))
        if faq.sources:
            meta.append("Sources: " + "; ".join(link(guide.sources[s].title, to.source(s)) for s in faq.sources))
        else:
            meta.append("Added by the guide's editors")
        out += [f"{' · '.join(meta)}\n{{ .guide-meta }}", ""]
        if faq.provenance:
            # How the answer relates to its sources, after the meta line that names them.
            for paragraph in faq.provenance.split("\n\n"):
                out += [f"{md(paragraph)}\n{{ .guide-meta }}", ""]
    return "\n".join(out)


# How the sources page names each kind of source (models.SourceKind); a unit test keeps the two in step.
SOURCE_KINDS = {"article": "an article", "official-statistics": "official statistics", "survey": "a survey",
                "dataset": "a published data series", "classification": "an official classification",
                "career-framework": "a career framework", "standard": "a standard", "documentation": "documentation",
                "job-post": "a job post or listing", "research": "a peer-reviewed study"}


@page_macro
def sources_list(guide: Guide, to: Linker) -> str:  # noqa: ARG001 (same signature as the others)
    """Each source article with what is known of it, and how much of the guide cites it."""
    cited_by: dict[str, list[str]] = {s: [] for s in guide.sources}
    for collection, label in (("roles", "roles"), ("skills", "skills"), ("tools", "tools"), ("faqs", "questions")):
        for entity in getattr(guide, collection).values():
            for source_id in entity.sources:
                cited_by[source_id].append(label)
    for collection, label in (("figures", "figures"), ("codes", "occupation and skill codes")):
        for entity in getattr(guide, collection).values():
            cited_by[entity.source].append(label)
    for level in guide.levels.values():  # the levels' mappings to published ladders cite sources too
        for source_id in dict.fromkeys(s for m in level.mappings for s in m.sources):
            cited_by[source_id].append("levels")
    out: list[str] = []
    for source in guide.sources.values():
        facts = [SOURCE_KINDS[source.kind],
                 f"by {md(source.author)}" if source.author else None,
                 f"published by {md(source.publisher)}" if source.publisher else None,
                 f"dated {source.published.isoformat()}" if source.published else "undated",
                 f"read on {source.retrieved.isoformat()}" if source.retrieved else None]
        line = "; ".join(f for f in facts if f)
        out += [heading(2, source.title, source.id), "", line[0].upper() + line[1:] + "."]
        if source.url:
            out.append(f"Address: <{source.url}>")
        out.append("")
        if source.note:
            out += [md_paragraphs(source.note), ""]
        counts = {label: cited_by[source.id].count(label) for label in dict.fromkeys(cited_by[source.id])}
        if counts:
            used = ", ".join(f"{n} {label}" for label, n in counts.items())
            out += [f"Cited by {used} in this guide.\n{{ .guide-meta }}", ""]
    return "\n".join(out)


@page_macro
def changelog(guide: Guide, to: Linker) -> str:  # noqa: ARG001 (same signature as the others)
    """Every release of the open data, newest first; each version is an anchor."""
    out: list[str] = []
    for release in guide.releases.values():
        anchor = release_anchor(release.id)
        out += [heading(2, f"{release.id} ({release.date.isoformat()})", anchor), "", f"{md(release.summary)}", ""]
        out += [f"- {md(change)}" for change in release.changes]
        out.append("")
    return "\n".join(out)


@page_macro
def export_list(guide: Guide, to: Linker) -> str:
    """The export files, with their schemas and how many entries each holds."""
    out = ["| File | Entries | Schema |", "| --- | --- | --- |"]
    for collection in guide.registry:
        if collection.export:
            name = collection.name
            data, schema = (to.to(place(pattern, collection=name)) for pattern in (urls.EXPORT, urls.EXPORT_SCHEMA))
            out.append(f"| [`{name}.json`]({data}) | {len(getattr(guide, name))} | [`{name}.schema.json`]({schema}) |")
    return "\n".join(out)
