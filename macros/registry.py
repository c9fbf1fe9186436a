"""The collections under ``data/``, each declared once: its model, where its files live, its reading
order, where its entries are published, and whether it is exported.

Everything else derives from this table: the loader reads and validates the files, ``Guide``
holds the entries under the collection's name, the pages' ``guide`` namespace exposes them,
``make check`` counts them, ``make new`` scaffolds them, ``schemas/`` describes them, the page
generator publishes them and the open data export writes them. A new collection is its model
(``models.py``), one entry here, and, if it has pages of its own, a renderer
(``render/entity_pages.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from pydantic import Field, create_model

from . import models, urls
from .models import Model

M = TypeVar("M", bound=Model)
SUFFIX = ".yml"


@dataclass(frozen=True, eq=False)
class Collection(Generic[M]):
    """How one collection is stored, ordered and published."""

    name: str  # attribute on Guide and on the pages' `guide`; the key of Ref()
    noun: str  # how an error message names one item
    model: type[M]
    path: str  # a folder (one file per entity) or a single file, relative to data/
    list_key: str | None = None  # for a single file: the key that holds the items
    order: Callable[[M], Any] | None = None  # reading order; None keeps the order of the file
    page: str | None = None  # urls pattern of an entry's place: its own page, or an anchor on a shared one
    export: bool = False  # published as /data/v2/<name>.json
    search_boost: float | None = None  # below 1, an entry's page ranks under the pages it repeats (its skills, roles)

    @property
    def one_file_per_entity(self) -> bool:
        return self.list_key is None

    @property
    def kind(self) -> str:
        """The name `make new KIND=...` takes: 'role', 'faq'."""
        return self.noun.lower().replace(" ", "-")

    @property
    def where(self) -> str:
        """Where a contributor finds the ids of this collection."""
        return f"data/{self.path}/ (a file name without {SUFFIX})" if self.one_file_per_entity else f"data/{self.path}"

    @property
    def has_own_pages(self) -> bool:
        """Whether each entry is published on a page of its own (generated from its file)."""
        return self.page is not None and self.page.endswith(".md") and "#" not in self.page

    def entry_place(self, entity_id: str) -> str | None:
        """The docs path (with anchor) where the entry ``entity_id`` is published, if it is."""
        return urls.place(self.page, id=entity_id) if self.page else None

    @cached_property
    def file_model(self) -> type[Model]:
        """The model of a single file: one key holding the list of items (at least one)."""
        if self.list_key is None:
            return self.model
        items: Any = (list[self.model], Field(min_length=1))  # type: ignore[name-defined]
        return create_model(f"{self.name}_file", __base__=Model, **{self.list_key: items})


def _by_order(item: Any) -> tuple:
    return (item.order, item.id)


def _by_name(item: Any) -> tuple:
    return (item.name.casefold(), item.id)


def _by_title(item: Any) -> tuple:
    return (item.title.casefold(), item.id)


def _newest_first(release: models.Release) -> tuple:
    return tuple(-n for n in release.version)


class Registry:
    """The collections, by name, in the order they are listed (`make check`, the export, `make new`)."""

    def __init__(self, collections: tuple[Collection, ...]):
        self.collections = collections
        self._by_name = {c.name: c for c in collections}
        if len(self._by_name) != len(collections):
            raise ValueError("two collections share a name")

    def __getitem__(self, name: str) -> Collection:
        return self._by_name[name]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Collection]:
        return iter(self.collections)

    def names(self) -> list[str]:
        return list(self._by_name)

    def with_collection(self, collection: Collection) -> Registry:
        """This registry and one more collection (tests declare fixture collections this way)."""
        return Registry((*self.collections, collection))


SOURCES: Collection[models.Source] = Collection("sources", "source", models.Source, "sources.yml", "sources",
                                                page=urls.SOURCE_ENTRY)
LEVELS: Collection[models.Level] = Collection("levels", "level", models.Level, "levels.yml", "levels", order=_by_order,
                                              page=urls.LEVEL_ENTRY, export=True)
TOOL_CATEGORIES: Collection[models.ToolCategory] = Collection(
    "tool_categories", "tool category", models.ToolCategory, "tool-categories.yml", "categories", order=_by_order,
    page=urls.TOOL_CATEGORY_ENTRY)
DUTIES: Collection[models.Duty] = Collection("duties", "duty", models.Duty, "duties.yml", "duties")
EXPECTATIONS: Collection[models.Expectation] = Collection(
    "expectations", "expectation", models.Expectation, "expectations.yml", "expectations", order=_by_order)
FIGURES: Collection[models.Figure] = Collection("figures", "figure", models.Figure, "figures.yml", "figures", export=True)
MARKETS: Collection[models.Market] = Collection("markets", "market", models.Market, "markets.yml", "markets", order=_by_order,
                                                page=urls.MARKET_ENTRY)
CODES: Collection[models.Code] = Collection("codes", "code", models.Code, "codes.yml", "codes", export=True)
RELEASES: Collection[models.Release] = Collection("releases", "release", models.Release, "changelog.yml", "releases",
                                                  order=_newest_first)
ROLES: Collection[models.Role] = Collection("roles", "role", models.Role, "roles", order=_by_order,
                                            page=urls.ROLE_PAGE, export=True)
SKILLS: Collection[models.Skill] = Collection("skills", "skill", models.Skill, "skills", order=_by_name,
                                              page=urls.SKILL_PAGE, export=True)
TOOLS: Collection[models.Tool] = Collection("tools", "tool", models.Tool, "tools", order=_by_name,
                                            page=urls.TOOL_PAGE, export=True)
FAQS: Collection[models.Faq] = Collection("faqs", "FAQ", models.Faq, "faqs", order=_by_order,
                                          page=urls.FAQ_ENTRY, export=True)

QUESTIONS: Collection[models.InterviewQuestion] = Collection(
    "questions", "interview question", models.InterviewQuestion, "questions", order=_by_title,
    page=urls.QUESTION_PAGE, export=True, search_boost=0.3)
QUESTION_KINDS: Collection[models.QuestionKind] = Collection(
    "question_kinds", "question kind", models.QuestionKind, "question-kinds.yml", "kinds", order=_by_order)
INTERVIEW_LOOPS: Collection[models.InterviewLoop] = Collection(
    "interview_loops", "interview loop", models.InterviewLoop, "interview-loops.yml", "loops")
KIT_GUIDANCE: Collection[models.KitGuidance] = Collection(
    "kit_guidance", "kit guidance", models.KitGuidance, "interview-guidance.yml", "sections")
RATINGS: Collection[models.Rating] = Collection("ratings", "rating", models.Rating, "ratings.yml", "ratings",
                                                order=lambda r: (r.score, r.id))

REGISTRY = Registry((ROLES, SKILLS, TOOLS, LEVELS, FAQS, QUESTIONS, FIGURES, CODES, MARKETS, TOOL_CATEGORIES, DUTIES,
                     EXPECTATIONS, QUESTION_KINDS, INTERVIEW_LOOPS, KIT_GUIDANCE, RATINGS, SOURCES, RELEASES))
