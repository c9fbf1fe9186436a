"""The loaded guide: every entity by id, in reading order, with cross-links computed both ways.

A link between two entities is written once, in one data file; ``CrossLinks`` derives
the other direction so that, for example, a skill page lists the roles that need it
without any skill file naming those roles.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from .models import Duty, Expectation, Faq, Figure, Level, Release, Role, Skill, Source, Tool, ToolCategory

Importance = Literal["core", "helpful"]


@dataclass(frozen=True)
class CrossLinks:
    skill_tools: dict[str, tuple[str, ...]]
    tool_skills: dict[str, tuple[str, ...]]
    skill_roles: dict[str, tuple[tuple[str, Importance], ...]]
    tool_roles: dict[str, tuple[str, ...]]
    related_roles: dict[str, tuple[str, ...]]
    role_faqs: dict[str, tuple[str, ...]]
    duty_roles: dict[str, tuple[str, ...]]
    category_tools: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Guide:
    """All validated data. Dicts are ordered as readers see them (by ``order``, else by name)."""

    roles: dict[str, Role]
    skills: dict[str, Skill]
    tools: dict[str, Tool]
    faqs: dict[str, Faq]
    levels: dict[str, Level]
    tool_categories: dict[str, ToolCategory]
    sources: dict[str, Source]
    duties: dict[str, Duty]
    expectations: dict[str, Expectation]
    figures: dict[str, Figure]
    releases: dict[str, Release]  # newest first
    files: dict[tuple[str, str], str]  # (collection, id) -> data/roles/x.yml
    links: CrossLinks

    def source_file(self, collection: str, entity_id: str) -> str:
        """The data file an entity is written in, relative to the project root."""
        return self.files[(collection, entity_id)]


def ordered_guide(
    *,
    roles: list[Role],
    skills: list[Skill],
    tools: list[Tool],
    faqs: list[Faq],
    levels: list[Level],
    tool_categories: list[ToolCategory],
    sources: list[Source],
    duties: list[Duty],
    expectations: list[Expectation],
    figures: list[Figure],
    releases: list[Release],
    files: dict[tuple[str, str], str],
) -> Guide:
    """Sort each collection for reading and compute the cross-links."""

    def by_id(items, key):
        return {item.id: item for item in sorted(items, key=key)}

    guide_roles = by_id(roles, lambda r: (r.order, r.id))
    guide_skills = by_id(skills, lambda s: (s.name.casefold(), s.id))
    guide_tools = by_id(tools, lambda t: (t.name.casefold(), t.id))
    guide_faqs = by_id(faqs, lambda f: (f.order, f.id))
    guide_levels = by_id(levels, lambda lv: (lv.order, lv.id))
    guide_categories = by_id(tool_categories, lambda c: (c.order, c.id))
    return Guide(
        roles=guide_roles,
        skills=guide_skills,
        tools=guide_tools,
        faqs=guide_faqs,
        levels=guide_levels,
        tool_categories=guide_categories,
        sources={s.id: s for s in sources},
        duties={d.id: d for d in duties},
        expectations=by_id(expectations, lambda e: (e.order, e.id)),
        figures={f.id: f for f in figures},
        releases=by_id(releases, lambda r: tuple(-n for n in r.version)),
        files=files,
        links=_cross_links(guide_roles, guide_skills, guide_tools, guide_faqs),
    )


def _cross_links(roles, skills, tools, faqs) -> CrossLinks:
    skill_tools: dict[str, set[str]] = defaultdict(set)
    tool_skills: dict[str, set[str]] = defaultdict(set)
    for skill in skills.values():
        for tool_id in skill.tools:
            skill_tools[skill.id].add(tool_id)
            tool_skills[tool_id].add(skill.id)
    for tool in tools.values():
        for skill_id in tool.skills:
            skill_tools[skill_id].add(tool.id)
            tool_skills[tool.id].add(skill_id)

    skill_roles: dict[str, list[tuple[str, Importance]]] = defaultdict(list)
    tool_roles: dict[str, list[str]] = defaultdict(list)
    related: dict[str, set[str]] = defaultdict(set)
    for role in roles.values():  # already in reading order, so the lists below are too
        for skill_id in role.skills.core:
            skill_roles[skill_id].append((role.id, "core"))
        for skill_id in role.skills.helpful:
            skill_roles[skill_id].append((role.id, "helpful"))
        for tool_id in role.tools:
            tool_roles[tool_id].append(role.id)
        for other in role.related:
            related[role.id].add(other)
            related[other].add(role.id)

    duty_roles: dict[str, list[str]] = defaultdict(list)
    for role in roles.values():
        for item in role.responsibilities:
            if item.duty and role.id not in duty_roles[item.duty]:
                duty_roles[item.duty].append(role.id)

    role_faqs: dict[str, list[str]] = defaultdict(list)
    for faq in faqs.values():
        for role_id in faq.roles:
            role_faqs[role_id].append(faq.id)

    category_tools: dict[str, list[str]] = defaultdict(list)
    for tool in tools.values():
        category_tools[tool.category].append(tool.id)

    position = {name: {entity_id: i for i, entity_id in enumerate(order)}
                for name, order in (("roles", roles), ("skills", skills), ("tools", tools))}

    def in_order(ids, kind):
        # Sort the few linked ids by reading position: scanning the whole collection once per
        # entity made computing the links quadratic in the number of entities.
        where = position[kind]
        return tuple(sorted((i for i in ids if i in where), key=where.__getitem__))

    return CrossLinks(
        skill_tools={k: in_order(v, "tools") for k, v in skill_tools.items()},
        tool_skills={k: in_order(v, "skills") for k, v in tool_skills.items()},
        skill_roles={k: tuple(v) for k, v in skill_roles.items()},
        tool_roles={k: tuple(v) for k, v in tool_roles.items()},
        related_roles={k: in_order(v, "roles") for k, v in related.items()},
        role_faqs={k: tuple(v) for k, v in role_faqs.items()},
        duty_roles={k: tuple(v) for k, v in duty_roles.items()},
        category_tools={k: tuple(v) for k, v in category_tools.items()},
    )
