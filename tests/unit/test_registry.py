"""A new collection is its model, its registry entry and its renderer: everything else follows.

A fixture collection, a glossary of terms, is declared here exactly as a contributor would declare
one in macros/ (a model, a `Collection`, a renderer), and every part of the guide that reads the
registry takes it up: the loader and its error lines, `Guide`, references, the pages' namespace,
`make check`, `make new`, the schemas, the generated pages and the open data.
"""

from __future__ import annotations

import datetime
import json
from typing import Annotated

import pytest
from jsonschema import Draft202012Validator
from pydantic import Field

from macros import urls
from macros.guide import Guide
from macros.loader import load_guide
from macros.models import Model, Name, Sentence, SkillRef, Slug
from macros.namespace import GuideNamespace
from macros.open_data import export_files
from macros.problems import DataError
from macros.registry import REGISTRY, Collection
from macros.render import entity_pages
from macros.render.markup import heading, link, md
from macros.site_build import SiteBuild
from macros.site_pages import RendererMissing, generated_pages
from macros.urls import Linker
from support.project import ROOT, write
from tools import check, scaffold, schemas

DAY = datetime.date(2026, 1, 15)


class Term(Model):
    id: Slug
    term: Name
    summary: Sentence
    skills: Annotated[list[SkillRef], Field(default=[], description="Skills where the term comes up.")]


GLOSSARY: Collection[Term] = Collection("glossary", "term", Term, "glossary", order=lambda t: (t.term.casefold(), t.id),
                                        page="glossary/{id}.md", export=True)
WITH_GLOSSARY = REGISTRY.with_collection(GLOSSARY)


def term_page(guide: Guide, term_id: str, here: str) -> str:
    term = guide.glossary[term_id]
    to = Linker(here)
    skills = ", ".join(link(guide.skills[s].name, to.skill(s)) for s in term.skills)
    return "\n".join([heading(1, term.term, "top"), "", md(term.summary), "", f"Skills: {skills}"])


@pytest.fixture
def renderer(monkeypatch):
    monkeypatch.setitem(entity_pages.PAGE_RENDERERS, "glossary", term_page)


@pytest.fixture
def glossary_data(data_dir):
    write(data_dir / "glossary" / "idempotency.yml", """
        id: idempotency
        term: Idempotency
        summary: Doing an operation twice has the effect of doing it once.
        skills: [api-design]
        """)
    write(data_dir / "glossary" / "back-pressure.yml", """
        id: back-pressure
        term: Back pressure
        summary: A slow consumer makes its producers slow down.
        skills: []
        """)
    return data_dir


def test_the_loader_reads_validates_and_orders_the_new_collection(glossary_data):
    guide = load_guide(glossary_data, registry=WITH_GLOSSARY)
    assert list(guide.glossary) == ["back-pressure", "idempotency"]  # by its own order: the term
    assert guide.source_file("glossary", "idempotency") == "data/glossary/idempotency.yml"
    assert ("glossary", "idempotency", "skills[0]") in guide.references[("skills", "api-design")]


def test_its_mistakes_are_reported_like_any_other(glossary_data):
    idempotency = glossary_data / "glossary" / "idempotency.yml"
    idempotency.write_text(idempotency.read_text().replace("skills: [api-design]", "skills: [api-desing]"))
    back_pressure = glossary_data / "glossary" / "back-pressure.yml"
    back_pressure.write_text(back_pressure.read_text().replace("term:", "trem:"))
    with pytest.raises(DataError) as caught:
        load_guide(glossary_data, registry=WITH_GLOSSARY)
    assert [str(p) for p in caught.value.problems] == [
        "data/glossary/back-pressure.yml:1:1: term: required field is missing (A short name or title on one line, plain text.)",
        "data/glossary/back-pressure.yml:2:1: trem: unknown field (did you mean 'term'?)",
        "data/glossary/idempotency.yml:4:10: skills[0]: unknown skill 'api-desing' (did you mean 'api-design'?)",
    ]


def test_without_the_registry_entry_its_files_belong_to_no_collection(glossary_data):
    with pytest.raises(DataError) as caught:
        load_guide(glossary_data)
    assert {p.message for p in caught.value.problems} == {"not part of any collection"}


def test_pages_see_it_under_its_name(glossary_data):
    guide = load_guide(glossary_data, registry=WITH_GLOSSARY)
    build = SiteBuild(project=glossary_data.parent, guide=guide, site_url="https://example.org/", today=DAY)
    namespace = GuideNamespace(build, lambda: "index.md")
    assert namespace.glossary["idempotency"].term == "Idempotency"
    assert build.data_files("index.md") == ["data/glossary/idempotency.yml"]


def test_make_check_counts_it(glossary_data, monkeypatch, capsys):
    monkeypatch.chdir(glossary_data.parent)
    assert check.main([str(glossary_data)], registry=WITH_GLOSSARY) == 0
    assert "2 glossary" in capsys.readouterr().out


def test_make_new_scaffolds_it_valid_as_written(glossary_data):
    path = scaffold.new_entity_file("term", "retry-budget", glossary_data, registry=WITH_GLOSSARY)
    assert path == glossary_data / "glossary" / "retry-budget.yml"
    assert "retry-budget" in load_guide(glossary_data, registry=WITH_GLOSSARY).glossary


def test_editors_get_a_schema_for_it():
    schema = json.loads(schemas.build_schemas(WITH_GLOSSARY)["glossary.schema.json"])
    assert set(schema["properties"]) == {"id", "term", "summary", "skills"}
    assert schema["title"] == "Term (data/glossary/<id>.yml)"


def test_each_entry_gets_a_page_from_its_renderer(glossary_data, renderer):
    guide = load_guide(glossary_data, registry=WITH_GLOSSARY)
    pages = {p.path: p for p in generated_pages(guide, "https://example.org/")}
    page = pages["glossary/idempotency.md"]
    assert page.data_file == "data/glossary/idempotency.yml"
    assert page.description == "Doing an operation twice has the effect of doing it once."
    assert "Skills: [API design](../skills/api-design.md)" in page.render(guide)


def test_a_collection_with_pages_but_no_renderer_is_refused_by_name(glossary_data):
    guide = load_guide(glossary_data, registry=WITH_GLOSSARY)
    with pytest.raises(RendererMissing, match="the collection 'glossary' has pages"):
        generated_pages(guide, "https://example.org/")


def test_the_open_data_exports_it_with_a_schema_it_passes(glossary_data):
    guide = load_guide(glossary_data, registry=WITH_GLOSSARY)
    files = export_files(guide, "https://example.org/")
    document, schema = (json.loads(files[urls.place(pattern, collection="glossary")]) for pattern in (urls.EXPORT, urls.EXPORT_SCHEMA))
    assert [e["url"] for e in document["glossary"]] == ["https://example.org/glossary/back-pressure/",
                                                       "https://example.org/glossary/idempotency/"]
    assert list(Draft202012Validator(schema).iter_errors(document)) == []


def test_the_real_registry_describes_every_folder_and_file_under_data():
    declared = {c.path for c in REGISTRY}
    present = {p.name for p in (ROOT / "data").iterdir() if not p.name.startswith(".") and p.name != "README.md"}
    assert present == declared
