"""The open data export: ``/data/v1/<collection>.json``, each with its JSON Schema, from the loaded guide.

The files carry the same validated data the pages are built from, plus each entry's
public URL, so a job board or a tool can read the guide without scraping it. Each file
states its data version (the newest release in data/changelog.yml), the day it was
generated and the content licence. The schemas are generated from the same pydantic
models that validate data/, so the export cannot drift from them.
"""

from __future__ import annotations

import datetime
import json
import os
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, create_model

from .guide import Guide
from .models import Faq, Level, Model, Role, Skill, Tool
from .render.job_descriptions import JD_PAGE, absolute

EXPORT_DIR = "data/v1"
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# collection -> (model, the page an entry is published on)
EXPORTS: dict[str, tuple[type[Model], str]] = {
    "roles": (Role, "roles/{id}.md"),
    "skills": (Skill, "skills/{id}.md"),
    "tools": (Tool, "tools/{id}.md"),
    "levels": (Level, "levels.md#{id}"),
    "faqs": (Faq, "faq.md#{id}"),
}


@cache
def export_model(collection: str) -> type[BaseModel]:
    """The model of one export file: the envelope, and entries that are the data model plus URLs."""
    model, _ = EXPORTS[collection]
    extra = {"url": (str, Field(description="The entry's page on the guide (absolute URL)."))}
    if model is Role:
        extra["job_descriptions"] = (
            dict[str, str], Field(description="The role's job description page at each level, keyed by level id."))
    entry = create_model(f"{model.__name__}Entry", __base__=model, **extra)
    return create_model(
        f"{collection.capitalize()}Export",
        __config__=ConfigDict(extra="forbid", populate_by_name=True),
        schema_=(str, Field(alias="$schema", description="This file's JSON Schema.")),
        version=(str, Field(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$",
                            description="The data release, MAJOR.MINOR.PATCH; see the changelog.")),
        generated=(datetime.date, Field(description="The day this file was built.")),
        license=(dict[str, str], Field(description="The licence of the content: name and URL.")),
        attribution=(str, Field(description="How to credit the guide when reusing the data.")),
        changelog=(str, Field(description="What changed between releases.")),
        count=(int, Field(ge=0, description=f"How many {collection} the file holds.")),
        **{collection: (list[entry], Field(description=f"Every entry of data/{collection}, in reading order."))},
    )


@cache
def _json_schema(collection: str) -> str:
    # Generating a schema takes pydantic ~10 ms, and the models do not change within a process
    # (`mkdocs serve` rebuilds); kept as JSON text, so no caller can change the kept copy.
    return json.dumps(export_model(collection).model_json_schema(by_alias=True))


def schema_document(collection: str, site_url: str) -> dict:
    schema = json.loads(_json_schema(collection))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(site_url, f"{EXPORT_DIR}/{collection}.schema.json"),
        "$comment": "Generated from macros/models.py at build time.",
        **schema,
        "title": f"Backend Developer Guide open data: {collection}",
    }


def export_document(guide: Guide, collection: str, site_url: str, generated: datetime.date) -> dict:
    _, page = EXPORTS[collection]
    entries = []
    for entry in getattr(guide, collection).values():
        data = entry.model_dump(mode="json")
        data["url"] = absolute(site_url, page.format(id=entry.id))
        if collection == "roles":
            data["job_descriptions"] = {
                level: absolute(site_url, JD_PAGE.format(role=entry.id, level=level)) for level in guide.levels
            }
        entries.append(data)
    document = {
        "$schema": absolute(site_url, f"{EXPORT_DIR}/{collection}.schema.json"),
        "version": data_version(guide),
        "generated": generated.isoformat(),
        "license": LICENCE,
        "attribution": f"Backend Developer Guide, {absolute(site_url, 'index.md')}",
        "changelog": absolute(site_url, "open-data/changelog.md"),
        "count": len(entries),
        collection: entries,
    }
    export_model(collection).model_validate(document)  # a bug here is ours, not a contributor's: fail loudly
    return document


def data_version(guide: Guide) -> str:
    return next(iter(guide.releases))  # newest first


def build_date() -> datetime.date:
    """Today (UTC), or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def export_files(guide: Guide, site_url: str) -> dict[str, str]:
    """Path under the site -> file content, for every export file and its schema."""
    generated = build_date()
    files = {}
    for collection in EXPORTS:
        files[f"{EXPORT_DIR}/{collection}.json"] = _dump(export_document(guide, collection, site_url, generated))
        files[f"{EXPORT_DIR}/{collection}.schema.json"] = _dump(schema_document(collection, site_url))
    return files


def _dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
