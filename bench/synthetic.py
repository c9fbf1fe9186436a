"""Synthetic data at N times the real guide: valid, realistic, and as linked as the real data.

Copy 1 is the real data, byte for byte. Copy k (k >= 2) of every role, skill, tool and FAQ
gets the id ``<id>-set<k>``, a name marked "(set k)", and references remapped to the other
entities of copy k. So every entity keeps the real texts and the real number of links
(a skill is needed by as many roles at 100x as at 1x), and page size can only grow with N
through the site around it (nav, indexes), which is what the scaling benchmark looks for.
The closed vocabularies (levels, tool categories, duties, sources, ...) stay as they are.

Usage: python -m bench.synthetic DEST_DATA_DIR FACTOR
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from macros.guide import Guide
from macros.loader import (
    load_guide,
    walk_refs,  # the loader's own walk over Ref-typed fields
)
from macros.registry import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
# The collections with a file per entity; everything else is a closed vocabulary (one file each).
GROWING = tuple(c.name for c in REGISTRY if c.one_file_per_entity)
NAME_FIELDS = ("title", "name")


def entity_counts(guide: Guide) -> dict[str, int]:
    return {collection: len(getattr(guide, collection)) for collection in GROWING}


def write_synthetic_data(source: Path, dest: Path, factor: int) -> dict[str, int]:
    """Write ``factor`` copies of the growing collections of ``source`` into ``dest``; return entity counts."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    guide = load_guide(source)  # the source must be valid; its models tell where references are
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(source, dest)  # copy 1: the real data, unchanged
    for collection in GROWING:
        for entity_id, model in getattr(guide, collection).items():
            path = source.parent / guide.source_file(collection, entity_id)
            text = path.read_text(encoding="utf-8")
            header = text.splitlines()[0] if text.startswith("#") else None
            raw = yaml.safe_load(text)
            refs = [(loc, ref.collection, at_key) for loc, ref, _, at_key in walk_refs(model, type(model), ())
                    if ref.collection in GROWING]
            for k in range(2, factor + 1):
                copy = _copy_entity(raw, k, refs)
                body = yaml.safe_dump(copy, sort_keys=False, allow_unicode=True, width=100)
                (dest / collection / f"{copy['id']}.yml").write_text((f"{header}\n" if header else "") + body, encoding="utf-8")
    return {collection: count * factor for collection, count in entity_counts(guide).items()}


def synthetic_id(entity_id: str, k: int) -> str:
    return entity_id if k == 1 else f"{entity_id}-set{k}"


def _copy_entity(raw: dict, k: int, refs: list[tuple[tuple, str, bool]]) -> dict:
    copy = _deep_copy(raw)
    copy["id"] = synthetic_id(raw["id"], k)
    for name_field in NAME_FIELDS:
        if name_field in copy:
            copy[name_field] = f"{copy[name_field]} (set {k})"
    if "question" in copy:  # a question must still end with '?'
        copy["question"] = f"{copy['question'][:-1]} (set {k})?"
    _rename_former_ids(copy, k)  # a former id stays an anchor, unique among all FAQs
    for loc, _, at_key in refs:
        *parents, last = loc
        holder = copy
        for part in parents:
            holder = holder[part]
        if at_key:
            holder[synthetic_id(last, k)] = holder.pop(last)
        else:
            holder[last] = synthetic_id(holder[last], k)
    return copy


def _rename_former_ids(value, k: int) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "former_ids" and isinstance(item, list):
                value[key] = [synthetic_id(old, k) for old in item]
            else:
                _rename_former_ids(item, k)
    elif isinstance(value, list):
        for item in value:
            _rename_former_ids(item, k)


def _deep_copy(value):
    if isinstance(value, dict):
        return {key: _deep_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_deep_copy(item) for item in value]
    return value


def main(argv: list[str]) -> int:
    """``python -m bench.synthetic DEST FACTOR [SOURCE]``: write SOURCE's data (default data/) at FACTOR times."""
    dest, factor = Path(argv[0]), int(argv[1])
    source = Path(argv[2]) if len(argv) > 2 else ROOT / "data"
    counts = write_synthetic_data(source, dest, factor)
    load_guide(dest)  # fails loudly if the generator ever writes invalid data
    print(f"wrote {dest} at {factor}x: " + ", ".join(f"{n} {c}" for c, n in counts.items()))  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
