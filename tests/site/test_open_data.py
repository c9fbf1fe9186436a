"""The open data export: each file validates against the schema published beside it, and holds all the data."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from macros import urls
from macros.loader import load_guide
from macros.open_data import build_date, exported
from support.project import BUILD_DAY, ROOT

GUIDE = load_guide(ROOT / "data", root=ROOT)
SITE_URL = "https://backend-developer-guide.github.io/"
EXPORTS = {c.name: c for c in exported()}


def _read(real_site, name: str) -> dict:
    return json.loads((real_site.site / urls.EXPORT_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("collection", EXPORTS)
def test_each_export_validates_against_its_own_published_schema(real_site, collection):
    document = _read(real_site, f"{collection}.json")
    schema = _read(real_site, f"{collection}.schema.json")
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    assert document["$schema"] == f"{SITE_URL}{urls.EXPORT_DIR}/{collection}.schema.json" == schema["$id"]


@pytest.mark.parametrize("collection", EXPORTS)
def test_each_export_holds_every_entry_in_reading_order_with_its_url(real_site, collection):
    document = _read(real_site, f"{collection}.json")
    entries = document[collection]
    data = getattr(GUIDE, collection)
    assert document["count"] == len(entries) == len(data) > 0
    assert [e["id"] for e in entries] == list(data)
    for entry in entries:
        place = EXPORTS[collection].entry_place(entry["id"])
        if place is not None:  # figures and codes have no page on the guide (a code's url is its classification's)
            assert entry["url"] == urls.absolute(SITE_URL, place)
        assert entry == {**data[entry["id"]].model_dump(mode="json"), **{k: entry[k] for k in ("url", "job_descriptions", "interview_kits") if k in entry}}


def test_exports_state_version_date_and_licence(real_site):
    newest = next(iter(GUIDE.releases.values()))
    for collection in EXPORTS:
        document = _read(real_site, f"{collection}.json")
        assert document["version"] == newest.id
        assert document["generated"] == BUILD_DAY  # the build's SOURCE_DATE_EPOCH, not today
        assert document["license"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
        assert document["changelog"] == f"{SITE_URL}open-data/changelog/"


def test_role_entries_link_their_job_descriptions_and_those_pages_exist(real_site):
    for role in _read(real_site, "roles.json")["roles"]:
        assert list(role["job_descriptions"]) == list(GUIDE.levels)
        for url in role["job_descriptions"].values():
            assert (real_site.site / url.removeprefix(SITE_URL) / "index.html").is_file()


def test_the_site_states_the_licence_and_the_changelog_lists_every_release(real_site):
    page = real_site.page("open-data/")
    assert "CC BY 4.0" in page.select_one("#licence").find_next("p").get_text()
    footer = real_site.page("roles/").select_one(".md-copyright").get_text()
    assert "CC BY 4.0" in footer
    changelog = real_site.page("open-data/changelog/")
    for release in GUIDE.releases.values():
        heading = changelog.select_one(f"#{urls.release_anchor(release.id)}")
        assert heading is not None and release.id in heading.get_text()


def test_a_data_build_date_can_be_pinned_for_reproducible_builds(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_date().isoformat() == "2023-11-14"


def test_the_export_path_carries_the_newest_release_s_major_version(real_site):
    newest = next(iter(GUIDE.releases))
    assert urls.EXPORT_DIR == f"data/v{newest.split('.')[0]}"
    assert _read(real_site, "roles.json")["version"] == newest


@pytest.mark.parametrize("frozen", urls.FROZEN_EXPORT_DIRS)
def test_an_earlier_major_version_stays_published_as_its_last_release_left_it(real_site, frozen):
    """Each frozen file validates against its own frozen schema and names a release of its own major version."""
    major = frozen.rsplit("/v", 1)[1]
    releases = [r for r in GUIDE.releases if r.split(".")[0] == major]
    documents = sorted((real_site.site / frozen).glob("*.json"))
    assert documents and all((ROOT / "docs" / frozen / d.name).is_file() for d in documents)  # copied, not generated
    for path in documents:
        if path.name.endswith(".schema.json"):
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        schema = json.loads((path.parent / path.name.replace(".json", ".schema.json")).read_text(encoding="utf-8"))
        assert not list(Draft202012Validator(schema).iter_errors(document)), path.name
        assert document["version"] == releases[0], path.name  # the newest release of that major version
