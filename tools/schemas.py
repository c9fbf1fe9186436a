"""``python -m tools.schemas [--check]`` (``make schemas``): write ``schemas/<collection>.schema.json`` from the models.

Editors validate data files against these (each file names its schema on its first
line). With ``--check`` nothing is written; the exit code says whether they are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.registry import REGISTRY, Collection, Registry

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_name(collection: Collection) -> str:
    return Path(collection.path).stem + ".schema.json"


def build_schemas(registry: Registry = REGISTRY) -> dict[str, str]:
    """File name -> JSON text, for every collection."""
    out = {}
    for collection in registry:
        model = collection.file_model
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": "Generated from macros/models.py by `make schemas`; do not edit.",
            **model.model_json_schema(),
        }
        where = f"data/{collection.path}/<id>.yml" if collection.one_file_per_entity else f"data/{collection.path}"
        schema["title"] = f"{collection.noun[0].upper()}{collection.noun[1:]} ({where})"
        out[schema_name(collection)] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, text in build_schemas().items():
        path = SCHEMA_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check:
                SCHEMA_DIR.mkdir(exist_ok=True)
                path.write_text(text, encoding="utf-8")  # only when the content changed
    if check and stale:
        print(f"schemas/ is stale ({', '.join(stale)}); run `make schemas`", file=sys.stderr)
        return 1
    print(f"schemas/: {len(stale)} written" if not check else "schemas/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
