"""Editor help: the JSON Schemas match the models, and every data file names and passes its schema."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest
import yaml

from macros.registry import REGISTRY
from support.project import ROOT
from tools.schemas import SCHEMA_DIR, build_schemas, schema_name

DATA_FILES = sorted((ROOT / "data").rglob("*.yml"))


def _schema_for(path):
    rel = path.relative_to(ROOT / "data").as_posix()
    for collection in REGISTRY:
        if rel == collection.path or rel.startswith(collection.path + "/"):
            return collection
    raise AssertionError(f"{rel} belongs to no collection")


def _as_json(value):
    # An editor reads 2025-03-19 as a string; PyYAML makes it a date.
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value


def test_schema_files_are_up_to_date_with_the_models():
    generated = build_schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert on_disk == generated, "schemas/ is stale: run `make schemas`"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_data_file_names_its_schema_and_passes_it(path):
    collection = _schema_for(path)
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    depth = "../" * len(path.relative_to(ROOT).parts[:-1])
    assert first_line == f"# yaml-language-server: $schema={depth}schemas/{schema_name(collection)}"
    schema = json.loads((SCHEMA_DIR / schema_name(collection)).read_text())
    jsonschema.validate(_as_json(yaml.safe_load(path.read_text(encoding="utf-8"))), schema)


def test_the_schema_rejects_what_the_loader_rejects():
    schema = json.loads((SCHEMA_DIR / "tools.schema.json").read_text())
    tool = _as_json(yaml.safe_load((ROOT / "data" / "tools" / "redis.yml").read_text()))
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        jsonschema.validate({**tool, "catgory": "databases"}, schema)
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.validate({**tool, "skills": ["Database Management"]}, schema)
