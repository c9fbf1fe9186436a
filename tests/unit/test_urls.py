"""The URL contract module: every guide URL is built and read back by macros/urls.py, consistently."""

from __future__ import annotations

import pytest

from macros import urls
from macros.urls import Linker


@pytest.mark.parametrize("pattern, fields", [
    (urls.ROLE_PAGE, {"id": "api-developer"}),
    (urls.JD_PAGE, {"role": "security-engineer", "level": "senior"}),
    (urls.FAQ_ENTRY, {"id": "why-backend"}),
    (urls.EXPORT_SCHEMA, {"collection": "roles"}),
])
def test_a_place_reads_back_to_the_fields_it_was_made_from(pattern, fields):
    path = urls.place(pattern, **fields)
    assert urls.match(pattern, path) == fields


@pytest.mark.parametrize("pattern, path", [
    (urls.ROLE_PAGE, "roles/api-developer/extra.md"),
    (urls.ROLE_PAGE, "skills/api-design.md"),
    (urls.ROLE_PAGE, "roles/Not_A_Slug.md"),
    (urls.JD_PAGE, "job-descriptions/api-developer.md"),
])
def test_a_path_the_pattern_did_not_make_does_not_match(pattern, path):
    assert urls.match(pattern, path) is None


@pytest.mark.parametrize("docs_path, url", [
    ("index.md", ""),
    ("roles/index.md", "roles/"),
    ("roles/api-developer.md", "roles/api-developer/"),
    ("job-descriptions/api-developer/mid.md", "job-descriptions/api-developer/mid/"),
    ("data/v2/roles.json", "data/v2/roles.json"),
])
def test_pages_are_published_as_directory_urls_and_read_back(docs_path, url):
    assert urls.page_url(docs_path) == url
    if docs_path.endswith(".md"):
        assert urls.docs_path("/" + url) == docs_path


def test_absolute_urls_keep_the_anchor_and_the_site_path():
    assert urls.absolute("https://example.org/guide/", "faq.md#why-backend") == "https://example.org/guide/faq/#why-backend"
    assert urls.absolute("https://example.org/guide", urls.HOME) == "https://example.org/guide/"
    assert urls.url_of("levels.md#lead") == "levels/#lead"
    assert urls.release_anchor("1.10.2") == "v1-10-2"


@pytest.mark.parametrize("here, target, expected", [
    ("roles/api-developer.md", "skills/api-design.md", "../skills/api-design.md"),
    ("roles/index.md", "roles/api-developer.md", "api-developer.md"),
    ("index.md", "levels.md", "levels.md"),
    ("faq.md", "roles/api-developer.md", "roles/api-developer.md"),
    ("tools/index.md", "tools/index.md", "index.md"),
    ("job-descriptions/api-developer/entry.md", "roles/api-developer.md", "../../roles/api-developer.md"),
    ("job-descriptions/api-developer/entry.md", "job-descriptions/api-developer/mid.md", "mid.md"),
])
def test_linker_links_relative_to_the_current_page(here, target, expected):
    assert Linker(here).to(target) == expected


def test_the_linkers_named_links_use_the_contracts_patterns():
    to = Linker("job-descriptions/api-developer/entry.md", "https://example.org/")
    assert to.role("api-developer", "responsibilities") == "../../roles/api-developer.md#responsibilities"
    assert to.level("mid") == "../../levels.md#mid"
    assert to.faq("why-backend") == "../../faq.md#why-backend"
    assert to.tool_category("databases") == "../../tools/index.md#databases"
    assert to.job_description("api-developer", "mid") == "mid.md"
    assert to.absolute(urls.place(urls.SKILL_PAGE, id="api-design")) == "https://example.org/skills/api-design/"
