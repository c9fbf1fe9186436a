"""Load ``data/`` into a validated, cross-referenced ``Guide``, or report every problem at once.

Plain Python with no MkDocs import. What there is to load comes from the registry
(``registry.py``): each collection's model and where its files live. A build loads the data
once, in the first hook (``hooks/validate_data.py``), and hands the ``Guide`` on.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin
from urllib.parse import urlsplit, urlunsplit

import yaml
from pydantic import BaseModel, ValidationError

from .guide import Guide, assemble
from .ladder import way_to
from .models import SLUG_PATTERN, Ref
from .problems import DataError, Problem, field_path
from .registry import REGISTRY, SUFFIX, Collection, Registry
from .urls import ROLE_SECTIONS, SKILL_SECTIONS
from .yaml_source import Loc, YamlSource, parse_yaml

IGNORED_NAMES = {"README.md"}


def load_guide(data_dir: str | Path, *, root: str | Path | None = None, registry: Registry = REGISTRY) -> Guide:
    """Load and validate every file under ``data_dir``.

    Problems are reported with paths relative to ``root`` (default: the parent of
    ``data_dir``, i.e. the project). Raises ``DataError`` listing all of them.
    """
    data_dir = Path(data_dir).resolve()
    root_dir = Path(root).resolve() if root else data_dir.parent
    return _Load(data_dir, root_dir, registry).run()


@dataclass
class _Entity:
    """One validated entity and where it was written."""

    collection: Collection
    model: Any  # the collection's model
    path: str
    source: YamlSource
    prefix: Loc  # location of the entity inside its file: () or ('levels', 3)


class _Load:
    def __init__(self, data_dir: Path, root: Path, registry: Registry):
        self.data_dir = data_dir
        self.root = root
        self.registry = registry
        self.problems: list[Problem] = []
        self.entities: list[_Entity] = []
        # (collection, id) -> who references it: (collection, id, field path)
        self.references: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        # Every id that exists, even in a file that failed validation, so one broken
        # file does not also show up as "unknown id" wherever it is referenced.
        self.known: dict[str, dict[str, str]] = {c.name: {} for c in registry}
        # Vocabularies whose single file could not be parsed: their ids are unknowable, so
        # references to them are not checked (the file's own syntax error says it all).
        self.unreadable: set[str] = set()

    # -- reporting --------------------------------------------------------------

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: str, source: YamlSource | None, loc: Loc, message: str, hint: str | None = None, *,
            at_key: bool = False) -> None:
        line, col = source.position(loc, at_key=at_key) if source else (1, 1)
        self.problems.append(Problem(path, line, col, field_path(loc), message, hint))

    def add_for(self, entity: _Entity, loc: Loc, message: str, hint: str | None = None, *, at_key: bool = False) -> None:
        self.add(entity.path, entity.source, (*entity.prefix, *loc), message, hint, at_key=at_key)

    # -- the steps --------------------------------------------------------------

    def run(self) -> Guide:
        if not self.data_dir.is_dir():
            raise DataError([Problem(self.rel(self.data_dir), 1, 1, "(file)", "data folder not found")])
        self.read_files()
        self.check_references()
        self.check_consistency()
        if self.problems:
            raise DataError(self.problems)
        return self.assemble()

    def read_files(self) -> None:
        folders = {c.path: c for c in self.registry if c.one_file_per_entity}
        single_files = {c.path: c for c in self.registry if not c.one_file_per_entity}
        seen_single: set[str] = set()
        for path in sorted(self.data_dir.rglob("*")):
            rel_parts = path.relative_to(self.data_dir).parts
            if path.is_dir() or path.name in IGNORED_NAMES or any(p.startswith(".") for p in rel_parts):
                continue
            rel = "/".join(rel_parts)
            if rel in single_files:
                seen_single.add(rel)
                self.read_single_file(path, single_files[rel])
            elif len(rel_parts) == 2 and rel_parts[0] in folders and path.suffix == SUFFIX:
                self.read_entity_file(path, folders[rel_parts[0]])
            else:
                self.add(self.rel(path), None, (), "not part of any collection", _stray_file_hint(rel_parts, folders, single_files))
        for rel, collection in single_files.items():
            if rel not in seen_single:
                self.add(self.rel(self.data_dir / rel), None, (), "file is missing", f"it holds the {collection.noun} list")

    def parse(self, path: Path) -> YamlSource | None:
        rel = self.rel(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            self.add(rel, None, (), f"not valid UTF-8 ({exc.reason})", "save the file as UTF-8")
            return None
        try:
            source = parse_yaml(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or "invalid YAML"
            if exc.context:
                problem = f"{problem} {exc.context}"
            self.problems.append(Problem(rel, line, col, "(yaml)", problem, _yaml_hint(problem)))
            return None
        for loc, line, col in source.duplicate_keys:
            self.problems.append(
                Problem(rel, line, col, field_path(loc), "duplicate key", "the later value would silently win; keep one")
            )
        if not isinstance(source.data, dict):
            got = "an empty file" if source.data is None else _type_name(source.data)
            self.add(rel, source, (), f"expected a mapping of fields, got {got}", "see the schema named on the file's first line")
            return None
        return source

    def read_entity_file(self, path: Path, collection: Collection) -> None:
        rel = self.rel(path)
        stem = path.stem
        if not re.fullmatch(SLUG_PATTERN, stem):
            self.add(rel, None, (), f"file name '{path.name}' is not a valid id", f"rename it to {_slugify(stem)}{SUFFIX}")
            return
        self.known[collection.name][stem] = rel
        source = self.parse(path)
        if source is None:
            return
        model = self.validate(collection.model, source.data, rel, source)
        file_id = source.data.get("id")
        if isinstance(file_id, str) and file_id != stem:
            other = self.known[collection.name].get(file_id)
            also = f"; '{file_id}' is also the id of {other}" if other else ""
            self.add(
                rel, source, ("id",), f"id '{file_id}' differs from the file name '{path.name}'{also}",
                f"ids equal file names: rename the file to {file_id}{SUFFIX} or set id: {stem}",
            )
            return
        if model is not None:
            self.entities.append(_Entity(collection, model, rel, source, ()))

    def read_single_file(self, path: Path, collection: Collection) -> None:
        rel = self.rel(path)
        source = self.parse(path)
        if source is None:
            self.unreadable.add(collection.name)
            return
        list_key = typing.cast(str, collection.list_key)
        items = source.data.get(list_key)
        if isinstance(items, list):  # record ids before validation, for reference checks
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    self.known[collection.name].setdefault(item["id"], rel)
        wrapper = self.validate(collection.file_model, source.data, rel, source)
        if wrapper is None:
            return
        seen: dict[str, int] = {}
        for index, model in enumerate(getattr(wrapper, list_key)):
            entity = _Entity(collection, model, rel, source, (list_key, index))
            if model.id in seen:
                line, _ = source.position((list_key, seen[model.id], "id"))
                self.add_for(entity, ("id",), f"duplicate {collection.noun} id '{model.id}'", f"first used on line {line}")
                continue
            seen[model.id] = index
            self.entities.append(entity)

    def validate(self, model_cls: type[BaseModel], data: dict, rel: str, source: YamlSource) -> BaseModel | None:
        try:
            return model_cls.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc, message, hint, at_key = _describe(error, model_cls)
                self.add(rel, source, loc, message, hint, at_key=at_key)
            return None

    def check_references(self) -> None:
        for entity in self.entities:
            from_id = getattr(entity.model, "id", "")
            for loc, ref, value, at_key in walk_refs(entity.model, type(entity.model), ()):
                known = self.known[ref.collection]
                if value in known:
                    self.references.setdefault((ref.collection, value), []).append(
                        (entity.collection.name, from_id, field_path(loc)))
                elif ref.collection not in self.unreadable:
                    collection = self.registry[ref.collection]
                    self.add_for(entity, loc, f"unknown {collection.noun} '{value}'", _suggest(value, known, collection), at_key=at_key)
            for loc, message, hint in _walk_duplicates(entity.model, ()):
                self.add_for(entity, loc, message, hint)

    def check_consistency(self) -> None:
        """Rules that span fields or files, beyond what one model can see."""
        level_entities = [e for e in self.entities if e.collection.name == "levels"]
        levels = [e.model.id for e in level_entities]
        level_list = ", ".join(levels)
        ladder_ok = self.check_levels(level_entities)
        levels_by_id = {e.model.id: e.model for e in level_entities}
        tool_skill_files = {
            (e.model.id, skill): e for e in self.entities if e.collection.name == "tools" for skill in e.model.skills
        }
        sources = {e.model.id: e.model for e in self.entities if e.collection.name == "sources"}
        codes = {e.model.id: e.model for e in self.entities if e.collection.name == "codes"}
        for entity in self.entities:
            model = entity.model
            # A statistic needs an address a reader can check; an article's own claim is shown as that article's
            # claim, and the source articles have no address the guide knows.
            is_claim = entity.collection.name == "figures" and model.statistic in ("claim", "range")
            if (entity.collection.name == "figures" and model.source in sources and sources[model.source].url is None
                    and not (is_claim and sources[model.source].kind == "article")):
                self.add_for(entity, ("source",), f"the source '{model.source}' has no url",
                             "a figure's source needs an https:// address a reader can check")
            if entity.collection.name == "roles":
                for i, mapping in enumerate(model.occupations):
                    if mapping.code in codes and codes[mapping.code].taxonomy == "sfia-9":
                        self.add_for(entity, ("occupations", i, "code"), f"'{mapping.code}' is a SFIA skill, not an occupation",
                                     "a role names occupation codes; SFIA skills go on skills")
            if entity.collection.name == "skills":
                for i, code_id in enumerate(model.sfia):
                    if code_id in codes and codes[code_id].taxonomy != "sfia-9":
                        self.add_for(entity, ("sfia", i), f"'{code_id}' is not a SFIA 9 skill", "name an sfia-9 code from data/codes.yml")
            kind = entity.collection.name
            per_level = {"roles": "career_path", "skills": "levels"}.get(kind)
            if per_level:
                for level in levels:
                    if level not in getattr(model, per_level):
                        self.add_for(entity, (per_level,), f"missing level '{level}'", f"give one entry for each level: {level_list}")
            if kind == "roles":
                core = set(model.skills.core)
                for i, skill in enumerate(model.skills.helpful):
                    if skill in core:
                        self.add_for(entity, ("skills", "helpful", i), f"'{skill}' is already listed under skills.core", "list a skill once")
                tools = set(model.tools)
                for i, tool in enumerate(model.example_stack):
                    if tool not in tools:
                        self.add_for(entity, ("example_stack", i), f"'{tool}' is not in this role's tools",
                                     "the example stack is chosen from the role's tools: add it there first")
                for i, other in enumerate(model.related):
                    if other == model.id:
                        self.add_for(entity, ("related", i), "a role cannot be related to itself")
                anchors = {section: "a section of the role page" for section in ROLE_SECTIONS}
                anchors.update({r.id: f"responsibilities[{i}]" for i, r in enumerate(model.responsibilities)})
                for i, item in enumerate(model.responsibilities):
                    self.check_former_ids(entity, ("responsibilities", i), item.former_ids, anchors, entity.path)
                if ladder_ok:  # on a broken ladder, what lies on the way to a level is unknowable
                    self.check_hiring_levels(entity, levels_by_id)
            if kind in ("skills", "tools"):
                self.check_resource_urls(entity, model.resources)
            if kind == "skills":
                for i, tool in enumerate(model.tools):
                    if (tool, model.id) in tool_skill_files:
                        self.add_for(
                            entity, ("tools", i), f"the link to '{tool}' is also declared in {tool_skill_files[tool, model.id].path}",
                            "declare a skill-tool link once, on either side; both pages show it",
                        )

        self.check_interview_kits()

        # Every question is an anchor on /faq/, so former ids must be unique across all FAQ files.
        faq_anchors = {e.model.id: e.path for e in self.entities if e.collection.name == "faqs"}
        for entity in self.entities:
            if entity.collection.name == "faqs":
                self.check_former_ids(entity, (), entity.model.former_ids, faq_anchors, entity.path)

    def check_interview_kits(self) -> None:
        """A question answers for every level it claims; every level has a loop; the ids a kit page uses as
        anchors (stages, guidance sections, questions) never clash."""
        by_kind: dict[str, list[_Entity]] = {}
        for entity in self.entities:
            by_kind.setdefault(entity.collection.name, []).append(entity)
        for entity in by_kind.get("questions", []):
            claimed, answered = entity.model.levels, entity.model.good_answer
            for i, level in enumerate(claimed):
                if level not in answered:
                    self.add_for(entity, ("levels", i), f"no good_answer for level '{level}'",
                                 "say what a good answer shows at this level under good_answer, or drop the level")
            for level in answered:
                if level not in claimed:
                    self.add_for(entity, ("good_answer", level), f"level '{level}' is not in levels", "add it to levels, or drop this answer",
                                 at_key=True)
        looped = self.known["interview_loops"]  # ids read before validation: a broken loop is reported once, in its file
        for entity in by_kind.get("levels", []):
            if entity.model.id not in looped and "interview_loops" not in self.unreadable:
                self.add_for(entity, ("id",), f"level '{entity.model.id}' has no interview loop",
                             "add one to data/interview-loops.yml: every role and level has an interview kit")
        guidance = {e.model.id: f"a guidance section in {e.path}" for e in by_kind.get("kit_guidance", [])}
        anchors = dict(guidance)  # every id any kit page may use, for the questions, which any kit may ask
        for entity in by_kind.get("interview_loops", []):
            for i, stage in enumerate(entity.model.stages):  # a duplicate stage id is reported with every duplicate id
                if stage.id in guidance:
                    self.add_for(entity, ("stages", i, "id"), f"'{stage.id}' is already an anchor on the kit page ({guidance[stage.id]})",
                                 "choose another id")
                anchors.setdefault(stage.id, f"a stage in {entity.path}")
        for entity in by_kind.get("questions", []):
            if entity.model.id in anchors:
                self.add_for(entity, ("id",), f"'{entity.model.id}' is already an anchor on the kit pages ({anchors[entity.model.id]})",
                             "choose another id")

    def check_resource_urls(self, entity: _Entity, resources: list) -> None:
        """A resource is listed once per page: two entries with the same address are one resource twice."""
        first: dict[str, int] = {}
        for i, resource in enumerate(resources):
            key = _same_address(resource.url)
            if key in first:
                self.add_for(entity, ("resources", i, "url"), f"'{resource.url}' is already listed",
                             f"first at resources[{first[key]}]; list a resource once")
            else:
                first[key] = i
    def check_levels(self, entities: list[_Entity]) -> bool:
        """The ladder: each step leads up, no level id is a skill page's section, and retired ids stay retired."""
        before = len(self.problems)
        by_id = {e.model.id: e.model for e in entities}
        former: dict[str, str] = {}
        for entity in entities:
            level = entity.model
            if level.id in SKILL_SECTIONS:
                self.add_for(entity, ("id",), f"'{level.id}' is a section anchor of the skill pages",
                             "each level is an anchor on every skill page; choose another id")
            for i, higher in enumerate(level.next):
                if higher == level.id:
                    self.add_for(entity, ("next", i), "a level cannot lead to itself")
                elif higher in by_id and by_id[higher].order <= level.order:
                    self.add_for(entity, ("next", i), f"'{higher}' (order {by_id[higher].order}) is not above "
                                 f"'{level.id}' (order {level.order})", "a level leads to levels with a higher order")
            for i, old in enumerate(level.former_ids):
                if old in by_id:
                    self.add_for(entity, ("former_ids", i), f"'{old}' is the id of a current level",
                                 "a former id names a retired level")
                elif old in former:
                    self.add_for(entity, ("former_ids", i), f"'{old}' is already a former id of '{former[old]}'",
                                 "a retired level's pages can redirect to one level only")
                else:
                    former[old] = level.id
        return len(self.problems) == before

    def check_hiring_levels(self, entity: _Entity, levels: dict[str, Any]) -> None:
        """A role's job description at each level has responsibilities, unless the role says it is not hired there."""
        role = entity.model
        for level_id in levels:
            on_the_way = set(way_to(levels, level_id))
            if level_id not in role.not_hired_at and not any(r.from_level in on_the_way for r in role.responsibilities):
                self.add_for(entity, ("responsibilities",), f"no responsibility applies at level '{level_id}', so its "
                             "job description would list none",
                             f"give a responsibility from_level: {level_id}, or add {level_id} to not_hired_at")

    def check_former_ids(self, entity: _Entity, loc: Loc, former_ids: list[str], anchors: dict[str, str], where: str) -> None:
        """A former id stays an anchor on the same page, so it may not clash with any other anchor there."""
        for j, old in enumerate(former_ids):
            if old in anchors:
                self.add_for(entity, (*loc, "former_ids", j), f"'{old}' is already an anchor on this page ({anchors[old]})",
                             "a former id must be unique among the page's ids and other former ids")
            else:
                anchors[old] = f"a former id in {where}"

    def assemble(self) -> Guide:
        grouped: dict[str, list] = {c.name: [] for c in self.registry}
        files: dict[tuple[str, str], str] = {}
        for entity in self.entities:
            grouped[entity.collection.name].append(entity.model)
            files[(entity.collection.name, entity.model.id)] = entity.path
        references = {target: tuple(sources) for target, sources in self.references.items()}
        return assemble(self.registry, grouped, files, data_path=self.rel(self.data_dir), references=references)


# --- describing pydantic errors ------------------------------------------------------


def _describe(error: Any, model_cls: type[BaseModel]) -> tuple[Loc, str, str | None, bool]:
    """(location, message, hint, point at key?) for one pydantic error, in a contributor's words."""
    loc: Loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)) and p != "[key]")
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = loc[-1] if loc else ""
    if kind == "missing":
        model = _model_at(model_cls, loc[:-1])
        description = model.model_fields[name].description if model and name in model.model_fields else None
        return loc, "required field is missing", description, False
    if kind == "extra_forbidden":
        model = _model_at(model_cls, loc[:-1])
        allowed = list(model.model_fields) if model else []
        close = difflib.get_close_matches(str(name), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
        return loc, "unknown field", hint, True
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == SLUG_PATTERN:
        return loc, f"'{value}' is not a valid id", f"use lowercase letters, digits and hyphens, e.g. '{_slugify(str(value))}'", False
    if kind == "literal_error":
        allowed = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        return loc, f"'{value}' is not allowed", f"one of: {allowed}", False
    if kind in ("too_short", "too_long") and ctx.get("field_type") == "List" and ctx.get("actual_length") is not None:
        count = ctx["actual_length"]
        items = f"{count} item{'s' if count != 1 else ''}"
        if kind == "too_long":
            return loc, f"lists {items}; at most {ctx['max_length']}", "keep the ones that earn their place", False
        if ctx["min_length"] > 1:
            return loc, f"lists {items}; at least {ctx['min_length']}", None, False
    if kind in ("too_short", "string_too_short"):
        return loc, "must not be empty", None, False
    if kind == "too_long":
        return loc, f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')}", "shorten the list", False
    if kind == "string_too_long":
        return loc, f"is {len(value)} characters long; at most {ctx.get('max_length')}", "shorten it", False
    if kind == "value_error":
        return loc, str(ctx.get("error", error["msg"])), None, False
    expected = _EXPECTED.get(kind)
    if expected:
        return loc, f"expected {expected}, got {_type_name(value)}", None, False
    return loc, error["msg"][0].lower() + error["msg"][1:], None, False


_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "date_type": "a date like 2025-03-19",
    "date_parsing": "a date like 2025-03-19",
    "date_from_datetime_parsing": "a date like 2025-03-19",
}


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    names = {str: "text", int: "a number", float: "a number", bool: "true or false", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)


def _model_at(model_cls: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``loc``, if there is one."""
    current: Any = model_cls
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            current = _inner(current)
            if isinstance(part, int):
                continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner(current.model_fields[part].annotation)
    current = _inner(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner(tp: Any) -> Any:
    """Strip Optional, Annotated and list[...] to the type of one item."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated or origin is list:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


# --- walking validated models --------------------------------------------------------


def _ref_in(metadata: typing.Iterable[Any]) -> Ref | None:
    return next((m for m in metadata if isinstance(m, Ref)), None)


def walk_refs(value: Any, tp: Any, loc: Loc, metadata: typing.Iterable[Any] = (),
              at_key: bool = False) -> typing.Iterator[tuple[Loc, Ref, str, bool]]:
    """Yield (location, Ref, id, is a mapping key) for every reference held in ``value``."""
    ref = _ref_in(metadata)
    if ref and isinstance(value, str):
        yield loc, ref, value, at_key
        return
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        yield from walk_refs(value, base, loc, (*metadata, *meta), at_key)
    elif origin in (Union, types.UnionType):
        if value is not None:
            (actual,) = [a for a in get_args(tp) if a is not type(None)]
            yield from walk_refs(value, actual, loc, metadata, at_key)
    elif origin is list:
        (item_tp,) = get_args(tp)
        for index, item in enumerate(value):
            yield from walk_refs(item, item_tp, (*loc, index))
    elif origin is dict:
        key_tp, value_tp = get_args(tp)
        for key, item in value.items():
            yield from walk_refs(key, key_tp, (*loc, key), at_key=True)
            yield from walk_refs(item, value_tp, (*loc, key))
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from walk_refs(getattr(value, name), info.annotation, (*loc, name), info.metadata)


def _walk_duplicates(value: Any, loc: Loc) -> typing.Iterator[tuple[Loc, str, str]]:
    """Yield a problem for every repeated id in a list: of references, or of items with ids."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk_duplicates(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        first: dict[str, int] = {}
        for index, item in enumerate(value):
            item_id = item if isinstance(item, str) else getattr(item, "id", None)
            if isinstance(item_id, str):
                if item_id in first:
                    where = (*loc, index) if isinstance(item, str) else (*loc, index, "id")
                    what = f"'{item_id}' is listed twice" if isinstance(item, str) else f"duplicate id '{item_id}'"
                    yield where, what, f"first at {field_path((*loc, first[item_id]))}"
                else:
                    first[item_id] = index
            yield from _walk_duplicates(item, (*loc, index))


def _same_address(url: str) -> str:
    """``url`` as compared for duplicates: the host's case and a trailing slash do not make another address."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment))


# --- hints ---------------------------------------------------------------------------


def _suggest(value: str, known: dict[str, str], collection: Collection) -> str:
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if collection.one_file_per_entity:
        return f"no file data/{collection.path}/{value}{SUFFIX}; create it, or use an existing id"
    return f"known ids: {', '.join(sorted(known)) or 'none'}"


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "an-id"


def _stray_file_hint(parts: tuple[str, ...], folders: dict, single_files: dict) -> str:
    if parts[-1].endswith(".yaml"):
        return f"rename it to {parts[-1][:-5]}{SUFFIX}"
    places = ", ".join([*(f"{f}/<id>{SUFFIX}" for f in folders), *single_files])
    return f"data files are: {places}"


def _yaml_hint(problem: str) -> str | None:
    if "mapping values are not allowed" in problem:
        return "check the indentation, and quote text that contains ': '"
    if "cannot start any token" in problem:
        return "indent with spaces, not tabs; quote text that starts with @ or `"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "a [ or { list is not closed"
    return None
