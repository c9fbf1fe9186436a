"""The open data export: ``/data/v2/<collection>.json``, each with its JSON Schema, from the loaded guide.

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
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from . import urls
from .guide import Guide
from .models import Role
from .registry import REGISTRY, Collection, Registry
from .urls import absolute, place

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def exported(registry: Registry = REGISTRY) -> list[Collection]:
    """The collections published under /data/v2/, in the registry's order."""
    return [c for c in registry if c.export]


@cache
def export_model(collection: Collection) -> type[BaseModel]:
    """The model of one export file: the envelope, and entries that are the data model plus URLs."""
    model = collection.model
    extra: dict = {}
    if collection.page is not None:
        extra["url"] = (str, Field(description="The entry's page on the guide (absolute URL)."))
    if model is Role:
        extra["job_descriptions"] = (
            dict[str, str], Field(description="The role's job description page at each level, keyed by level id."))
        extra["interview_kits"] = (
            dict[str, str], Field(description="The role's interview kit page at each level, keyed by level id."))
    entry = create_model(f"{model.__name__}Entry", __base__=model, **extra)
    name = collection.name
    items: Any = (list[entry], Field(description=f"Every entry of data/{name}, in reading order."))
    return create_model(
        f"{name.capitalize()}Export",
        __config__=ConfigDict(extra="forbid", populate_by_name=True),
        schema_=(str, Field(alias="$schema", description="This file's JSON Schema.")),
        version=(str, Field(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$",
                            description="The data release, MAJOR.MINOR.PATCH; see the changelog.")),
        generated=(datetime.date, Field(description="The day this file was built.")),
        license=(dict[str, str], Field(description="The licence of the content: name and URL.")),
        attribution=(str, Field(description="How to credit the guide when reusing the data.")),
        changelog=(str, Field(description="What changed between releases.")),
        count=(int, Field(ge=0, description=f"How many {name} the file holds.")),
        **{name: items},
    )


@cache
def _json_schema(collection: Collection) -> str:
    # Generating a schema takes pydantic ~10 ms, and the models do not change within a process
    # (`mkdocs serve` rebuilds); kept as JSON text, so no caller can change the kept copy.
    return json.dumps(export_model(collection).model_json_schema(by_alias=True))


def schema_document(collection: Collection, site_url: str) -> dict:
    schema = json.loads(_json_schema(collection))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": absolute(site_url, place(urls.EXPORT_SCHEMA, collection=collection.name)),
        "$comment": "Generated from macros/models.py at build time.",
        **schema,
        "title": f"Backend Developer Guide open data: {collection.name}",
    }


def export_document(guide: Guide, collection: Collection, site_url: str, generated: datetime.date) -> dict:
    entries = []
    for entry in getattr(guide, collection.name).values():
        data = entry.model_dump(mode="json")
        place_ = collection.entry_place(entry.id)
        if place_ is not None:
            data["url"] = absolute(site_url, place_)
        if collection.model is Role:
            data["job_descriptions"] = {
                level: absolute(site_url, place(urls.JD_PAGE, role=entry.id, level=level)) for level in guide.levels
            }
            data["interview_kits"] = {
                level: absolute(site_url, place(urls.KIT_PAGE, role=entry.id, level=level)) for level in guide.levels
            }
        entries.append(data)
    document = {
        "$schema": absolute(site_url, place(urls.EXPORT_SCHEMA, collection=collection.name)),
        "version": data_version(guide),
        "generated": generated.isoformat(),
        "license": LICENCE,
        "attribution": f"Backend Developer Guide, {absolute(site_url, urls.HOME)}",
        "changelog": absolute(site_url, urls.CHANGELOG),
        "count": len(entries),
        collection.name: entries,
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
    for collection in exported(guide.registry):
        files[place(urls.EXPORT, collection=collection.name)] = _dump(export_document(guide, collection, site_url, generated))
        files[place(urls.EXPORT_SCHEMA, collection=collection.name)] = _dump(schema_document(collection, site_url))
    return files


def _dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"
