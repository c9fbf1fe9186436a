"""The loaded guide: every entity by id, in reading order, with cross-links computed both ways.

``guide.roles``, ``guide.skills`` ... are the registry's collections (``registry.py``), each a
dict by id in the order readers see them. A link between two entities is written once, in
one data file; ``CrossLinks`` derives the other direction so that, for example, a skill page
lists the roles that need it without any skill file naming those roles. ``references``
holds every reference the data makes, by what it points at, for any collection.

``guide.reading(reads)`` is the same guide, recording each entity a renderer looks at, so a
page's "last updated" date can follow exactly the data files it shows (``files_read``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from .registry import REGISTRY, Registry

Importance = Literal["core", "helpful"]
# (collection, id) read by a renderer; id None means the whole collection (it was listed or counted).
Read = tuple[str, str | None]
# (collection, id) -> the entries that reference it, as (collection, id, field path)
References = dict[tuple[str, str], tuple[tuple[str, str, str], ...]]


@dataclass(frozen=True)
class CrossLinks:
    """Links declared on one side, readable from both. Values list ids in reading order."""

    skill_tools: dict[str, tuple[str, ...]]
    tool_skills: dict[str, tuple[str, ...]]
    skill_roles: dict[str, tuple[tuple[str, Importance], ...]]
    tool_roles: dict[str, tuple[str, ...]]
    related_roles: dict[str, tuple[str, ...]]
    role_faqs: dict[str, tuple[str, ...]]
    duty_roles: dict[str, tuple[str, ...]]
    category_tools: dict[str, tuple[str, ...]]
    skill_questions: dict[str, tuple[str, ...]]  # the interview questions that test a skill, in the bank's order


# For each cross-link: the collection of its keys and the collection of the ids it lists. An entry is
# written by the key's file and by the files of the ids it lists, so reading it reads all of those.
LINK_COLLECTIONS: dict[str, tuple[str, str]] = {
    "skill_tools": ("skills", "tools"),
    "tool_skills": ("tools", "skills"),
    "skill_roles": ("skills", "roles"),
    "tool_roles": ("tools", "roles"),
    "related_roles": ("roles", "roles"),
    "role_faqs": ("roles", "faqs"),
    "duty_roles": ("duties", "roles"),
    "category_tools": ("tool_categories", "tools"),
    "skill_questions": ("skills", "questions"),
}


class Guide:
    """All validated data, each collection under its registry name, ordered for reading."""

    def __init__(self, entries: dict[str, dict[str, Any]], files: dict[tuple[str, str], str], *,
                 data_path: str = "data", registry: Registry = REGISTRY, references: References | None = None,
                 links: CrossLinks | None = None):
        self._entries = entries
        self.files = files  # (collection, id) -> data/roles/x.yml, relative to the project
        self.data_path = data_path  # the data folder, relative to the project
        self.registry = registry
        self.references: References = references or {}
        self.links = links if links is not None else _cross_links(entries)

    def __getattr__(self, name: str) -> dict[str, Any]:
        entries = self.__dict__.get("_entries", {})
        if name in entries:
            return entries[name]
        raise AttributeError(f"the guide has no collection '{name}' (collections: {', '.join(entries)})")

    def source_file(self, collection: str, entity_id: str) -> str:
        """The data file an entity is written in, relative to the project root."""
        return self.files[(collection, entity_id)]

    def reading(self, reads: set[Read]) -> Guide:
        """This guide, adding to ``reads`` every entity (or whole collection) that is looked at."""
        entries = {name: _Recorded(items, name, reads) for name, items in self._entries.items()}
        recorded: dict[str, Any] = {f.name: _RecordedLinks(getattr(self.links, f.name), *LINK_COLLECTIONS[f.name], reads)
                                    for f in fields(CrossLinks)}
        return Guide(entries, self.files, data_path=self.data_path, registry=self.registry,  # type: ignore[arg-type]
                     references=self.references, links=CrossLinks(**recorded))

    def files_read(self, reads: set[Read]) -> list[str]:
        """The data files behind ``reads``: each entity's file, or a collection's folder or file."""
        whole = {name for name, entity_id in reads if entity_id is None}
        paths = {f"{self.data_path}/{self.registry[name].path}" for name in whole}
        paths.update(self.files[(name, entity_id)] for name, entity_id in reads
                     if name not in whole and entity_id is not None and (name, entity_id) in self.files)
        return sorted(paths)


class _Recorded(Mapping[str, Any]):
    """A collection that records what is read of it: one entity by id, or all of them."""

    def __init__(self, items: dict[str, Any], name: str, reads: set[Read]):
        self._items = items
        self._name = name
        self._reads = reads

    def __getitem__(self, key: str) -> Any:
        self._reads.add((self._name, key))
        return self._items[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self._reads.add((self._name, key))
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        self._reads.add((self._name, None))
        return iter(self._items)

    def __len__(self) -> int:
        self._reads.add((self._name, None))
        return len(self._items)


class _RecordedLinks(Mapping[str, tuple]):
    """A cross-link map that records, for each entry read, the files that declare it."""

    def __init__(self, items: dict[str, tuple], key_collection: str, value_collection: str, reads: set[Read]):
        self._items = items
        self._keys = key_collection
        self._values = value_collection
        self._reads = reads

    def __getitem__(self, key: str) -> tuple:
        value = self._items[key]
        self._reads.add((self._keys, key))
        self._reads.update((self._values, v if isinstance(v, str) else v[0]) for v in value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        self._reads.add((self._keys, key))  # an absent entry is read too: a new link would change the page
        return self[key] if key in self._items else default

    def __iter__(self) -> Iterator[str]:
        self._reads.update({(self._keys, None), (self._values, None)})
        return iter(self._items)

    def __len__(self) -> int:
        self._reads.update({(self._keys, None), (self._values, None)})
        return len(self._items)


def assemble(registry: Registry, grouped: dict[str, list[Any]], files: dict[tuple[str, str], str], *,
             data_path: str = "data", references: References | None = None) -> Guide:
    """Sort each collection for reading and compute the cross-links."""
    entries = {}
    for collection in registry:
        items = grouped.get(collection.name, [])
        if collection.order is not None:
            items = sorted(items, key=collection.order)
        entries[collection.name] = {item.id: item for item in items}
    return Guide(entries, files, data_path=data_path, registry=registry, references=references)


def _cross_links(entries: dict[str, dict[str, Any]]) -> CrossLinks:
    roles, skills, tools, faqs, questions = (entries.get(name, {})
                                             for name in ("roles", "skills", "tools", "faqs", "questions"))
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
    duty_roles: dict[str, list[str]] = defaultdict(list)
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

    skill_questions: dict[str, list[str]] = defaultdict(list)
    for question in questions.values():  # in the bank's order
        for skill_id in dict.fromkeys(question.skills):
            skill_questions[skill_id].append(question.id)

    position = {name: {entity_id: i for i, entity_id in enumerate(order)}
                for name, order in (("roles", roles), ("skills", skills), ("tools", tools))}

    def in_order(ids: set[str], kind: str) -> tuple[str, ...]:
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
        skill_questions={k: tuple(v) for k, v in skill_questions.items()},
    )
