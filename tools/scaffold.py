"""``python -m tools.scaffold KIND ID`` (``make new``): write a new role, skill, tool or FAQ file that is valid as written.

The fields, their order and the comment above each come from the models in
``models.py`` (the same descriptions the JSON Schemas show in an editor), so the
skeleton follows the models when they change. Text is a ``TODO`` placeholder;
references name existing ids so that ``make check`` and the build pass before the
contributor has written a word, and the preview shows where each TODO lands.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import sys
import textwrap
import types
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import MinLen
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from macros import urls
from macros.guide import Guide
from macros.loader import load_guide
from macros.models import PARAGRAPHS, SLUG_PATTERN, Ref
from macros.problems import DataError
from macros.registry import REGISTRY, SUFFIX, Collection, Registry

from .schemas import schema_name


# `make new KIND=tool`: one kind per collection that has a file per entity.
def kinds(registry: Registry = REGISTRY) -> dict[str, Collection]:
    """`make new KIND=...`: one kind per collection that has a file per entity."""
    return {c.kind: c for c in registry if c.one_file_per_entity}


KINDS = kinds()
# Choices a placeholder must not take just because they come first.
PREFERRED = {("Role", "kind"): "specialisation"}
# Lists of references that start with every known id: a new interview question suits every level (and has a
# good answer for each) until its author narrows it.
EVERY_ID = {("InterviewQuestion", "levels")}
# Tried in turn for a text field; the first one its validators accept is written.
TEXT_PLACEHOLDERS = ("TODO", "TODO?", "https://example.org/")
WIDTH = 100  # comment lines are wrapped to this
SHOW_IDS = 20  # a reference comment lists the known ids of a collection this small


@dataclass
class Node:
    """A value to write: a scalar, a '>-' block, a list, or a mapping of commented fields."""

    scalar: str | None = None
    block: str | None = None
    items: list[Node] | None = None
    fields: list[Entry] | None = None


@dataclass
class Entry:
    key: str
    value: Node
    comment: str = ""
    optional: bool = False  # written commented out: the field may be left away


class ScaffoldError(Exception):
    """A request `make new` refuses, with the reason in the contributor's words."""


def new_entity_file(kind: str, entity_id: str, data_dir: Path, registry: Registry = REGISTRY) -> Path:
    """Write ``data/<collection>/<id>.yml`` and return its path, or raise ``ScaffoldError``."""
    known = kinds(registry)
    collection = known.get(kind)
    if collection is None:
        listed = next((c for c in registry if kind in (c.noun, c.kind)), None)
        where = f"; {listed.noun} entries are a list in data/{listed.path}: add one there" if listed else ""
        raise ScaffoldError(f"unknown KIND '{kind}': use one of {', '.join(known)}{where}")
    if not re.fullmatch(SLUG_PATTERN, entity_id) or len(entity_id) > 64:
        suggestion = re.sub(r"[^a-z0-9]+", "-", entity_id.lower()).strip("-") or "my-" + kind
        raise ScaffoldError(
            f"'{entity_id}' is not a valid id: ids are lowercase letters, digits and single hyphens "
            f"(at most 64 characters), e.g. '{suggestion}'"
        )
    path = data_dir / collection.path / f"{entity_id}{SUFFIX}"
    if path.exists():
        raise ScaffoldError(
            f"{path.as_posix()} already exists: ids are permanent, so edit that file or choose another id"
        )
    guide = load_guide(data_dir, registry=registry)
    path.write_text(skeleton(collection, entity_id, guide), encoding="utf-8")
    return path


def skeleton(collection: Collection, entity_id: str, guide: Guide) -> str:
    """The text of a new file for ``entity_id``: schema line, header, one commented entry per field."""
    depth = "../" * (len(Path(collection.path).parts) + 1)  # from data/<collection>/ up to the project
    page = urls.url_of(collection.entry_place(entity_id) or urls.HOME)
    header = [
        f"# yaml-language-server: $schema={depth}schemas/{schema_name(collection)}",
        f"# A new {collection.noun}, written by `make new`. Replace every TODO and check each id below,",
        f"# then run `make check`, and `make serve` to see it at http://127.0.0.1:8000/{page}",
        "# The comment above each field says what it holds; delete the comments when you are done.",
    ]
    root = _model_node(collection.model, _Context(guide, collection, entity_id))
    return "\n".join([*header, *_render_fields(root.fields or [], 0)]) + "\n"


# --- building the value of each field from its type --------------------------------


@dataclass
class _Context:
    guide: Guide
    collection: Collection
    entity_id: str
    depth: int = 0
    item: int = 0  # the position of the list item being written: each placeholder link is another address


def _model_node(model: type[BaseModel], ctx: _Context) -> Node:
    entries = []
    for name, info in model.model_fields.items():
        value = _field_value(model, name, info, ctx)
        optional = not info.is_required() and info.default is None
        entries.append(Entry(name, value, _comment(name, info, ctx), optional))
    return Node(fields=entries)


def _field_value(model: type[BaseModel], name: str, info: FieldInfo, ctx: _Context) -> Node:
    if (model.__name__, name) in PREFERRED:
        return Node(scalar=PREFERRED[model.__name__, name])
    if (model.__name__, name) in EVERY_ID:
        (ref,) = _refs_in(info.annotation, info.metadata)
        return Node(items=[Node(scalar=known) for known in _known_ids(ctx, ref)])
    if name == "id":
        return Node(scalar=ctx.entity_id if ctx.depth == 0 else f"todo-{model.__name__.lower()}")
    if name in ("name", "title") and ctx.depth == 0:
        return Node(scalar=_quote(ctx.entity_id.replace("-", " ").title()))
    if name == "order" and ctx.depth == 0:
        orders = [e.order for e in getattr(ctx.guide, ctx.collection.name).values()]
        return Node(scalar=str(max(orders, default=0) + 10))  # last, until someone moves it
    minimum = next((m.min_length for m in info.metadata if isinstance(m, MinLen)), 0)
    return _value(info.annotation, list(info.metadata), ctx, minimum)


def _value(tp: Any, metadata: list, ctx: _Context, minimum: int = 0) -> Node:
    origin = get_origin(tp)
    if origin is Annotated:
        base, *meta = get_args(tp)
        minimum = max([minimum, *(m.min_length for m in meta if isinstance(m, MinLen))])  # e.g. one behaviour per level
        return _value(base, [*metadata, *meta], ctx, minimum)
    if origin in (Union, types.UnionType):
        (actual,) = [a for a in get_args(tp) if a is not type(None)]
        return _value(actual, metadata, ctx, minimum)
    ref = next((m for m in metadata if isinstance(m, Ref)), None)
    if ref:
        return Node(scalar=_known_ids(ctx, ref)[0])
    if origin is list:
        (item_tp,) = get_args(tp)
        return Node(items=[_value(item_tp, [], dataclasses.replace(ctx, item=i)) for i in range(minimum)])
    if origin is dict:
        key_tp, value_tp = get_args(tp)
        key_ref = next((m for m in get_args(key_tp)[1:] if isinstance(m, Ref)), None)
        keys = _known_ids(ctx, key_ref) if key_ref else ["todo"]  # a per-level map needs every level
        return Node(fields=[Entry(k, _value(value_tp, [], ctx)) for k in keys])
    if origin is Literal:
        return Node(scalar=str(get_args(tp)[0]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _model_node(tp, dataclasses.replace(ctx, depth=ctx.depth + 1))
    if tp is int:
        return Node(scalar="0")
    if tp is datetime.date:
        return Node(scalar=datetime.date.today().isoformat())
    if tp is str:
        text = _first_valid(Annotated[(str, *metadata)]) if metadata else "TODO"
        if text.startswith("https://") and ctx.item:  # a list may hold an address once (resources)
            text += f"todo-{ctx.item + 1}"
        return Node(block=text) if PARAGRAPHS in metadata else Node(scalar=_quote(text))
    raise TypeError(f"make new cannot write a placeholder for {tp!r}; teach macros/scaffold.py")


def _first_valid(annotated: Any) -> str:
    adapter = TypeAdapter(annotated)
    for candidate in TEXT_PLACEHOLDERS:
        try:
            adapter.validate_python(candidate)
            return candidate
        except ValidationError:
            continue
    raise TypeError(f"no placeholder in {TEXT_PLACEHOLDERS} is valid for {annotated!r}; add one")


def _known_ids(ctx: _Context, ref: Ref) -> list[str]:
    ids = list(getattr(ctx.guide, ref.collection))
    if not ids:
        raise ScaffoldError(f"there is no {ref.collection.replace('_', ' ')} entry yet to refer to; add one first")
    return ids


# --- comments ---------------------------------------------------------------------


def _comment(name: str, info: FieldInfo, ctx: _Context) -> str:
    refs = _refs_in(info.annotation, info.metadata)
    text = info.description or (refs[0].description if refs else "")
    notes = []
    if name == "id" and ctx.depth == 0:
        notes.append("It equals the file name.")
    literal = _literal_in(info.annotation)
    if literal:
        notes.append(f"One of: {', '.join(literal)}.")
    for ref in refs:
        ids = list(getattr(ctx.guide, ref.collection))
        if len(ids) <= SHOW_IDS:  # a small vocabulary is listed; a big one is a folder of files to look in
            notes.append(f"Known ids: {', '.join(ids)}.")
    if not info.is_required():
        if info.default is None:
            notes.append("Optional: remove the '# ' to use it.")
        elif info.default == []:
            notes.append("May stay empty.")
        else:
            notes.append(f"Defaults to {info.default}.")
    return " ".join(p for p in (text, *notes) if p)


def _refs_in(tp: Any, metadata: Iterable[Any] = ()) -> list[Ref]:
    found = [m for m in metadata if isinstance(m, Ref)]
    for arg in get_args(tp):
        if isinstance(arg, Ref):
            found.append(arg)
        elif not isinstance(arg, (str, int)):
            found.extend(_refs_in(arg))
    return found


def _literal_in(tp: Any) -> tuple[str, ...]:
    if get_origin(tp) is Literal:
        return tuple(str(a) for a in get_args(tp))
    return ()


# --- writing YAML with comments -----------------------------------------------------


def _render_fields(entries: list[Entry], indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for entry in entries:
        for line in textwrap.wrap(entry.comment, WIDTH - indent - 2, break_on_hyphens=False):
            lines.append(f"{pad}# {line}")
        body = _render_entry(entry.key, entry.value, indent)
        if entry.optional:
            body = [f"{pad}# {line[indent:]}" for line in body]
        lines.extend(body)
    return lines


def _render_entry(key: str, node: Node, indent: int) -> list[str]:
    pad = " " * indent
    if node.scalar is not None:
        return [f"{pad}{key}: {node.scalar}"]
    if node.block is not None:
        return [f"{pad}{key}: >-", f"{pad}  {node.block}"]
    if node.items is not None:
        if all(item.scalar is not None for item in node.items):
            return [f"{pad}{key}: [{', '.join(item.scalar or '' for item in node.items)}]"]
        lines = [f"{pad}{key}:"]
        for item in node.items:
            lines.extend(_render_item(item, indent + 2))
        return lines
    return [f"{pad}{key}:", *_render_fields(node.fields or [], indent + 2)]


def _render_item(node: Node, indent: int) -> list[str]:
    pad = " " * indent
    if node.fields is None:
        return [f"{pad}- {node.block if node.block is not None else node.scalar}"]
    lines = _render_fields(node.fields, indent + 2)
    first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
    lines[first] = f"{pad}- {lines[first][indent + 2:]}"
    # The first field's comment sits above the "- ", level with it.
    return [f"{pad}{line.lstrip()}" if i < first else line for i, line in enumerate(lines)]


_YAML_WORDS = ("yes", "no", "on", "off", "true", "false", "null")  # plain, these would not load as text


def _quote(text: str) -> str:
    """``text`` as a YAML scalar: plain where YAML reads it back unchanged, else double-quoted."""
    plain = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .,/?()'-]*", text) and text.lower() not in _YAML_WORDS
    return text if plain else json.dumps(text, ensure_ascii=False)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(argv):
        usage = f"usage: make new KIND=<{'|'.join(KINDS)}> ID=<lowercase-id>   e.g. make new KIND=tool ID=rabbitmq"
        print(usage, file=sys.stderr)
        return 2
    kind, entity_id = argv
    try:
        path = new_entity_file(kind, entity_id, Path("data"))
    except ScaffoldError as error:
        print(f"make new: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        print(error.report(), file=sys.stderr)
        print("make new: data/ has problems; fix them first (make check lists them)", file=sys.stderr)
        return 1
    print(f"wrote {path.as_posix()}: replace every TODO, then run `make check` and `make serve`")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
