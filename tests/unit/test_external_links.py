"""The weekly link check's offline half: where each link in data/ is written, and the issue it opens."""

from __future__ import annotations

import json

from macros.loader import load_guide
from support.project import FIXTURE_DATA
from tools import external_links

GUIDE = load_guide(FIXTURE_DATA)


def test_every_resource_link_is_listed_with_the_line_and_column_it_is_written_at():
    found = external_links.places(FIXTURE_DATA)
    for kind in ("skills", "tools"):
        for entity_id, entity in getattr(GUIDE, kind).items():
            path = GUIDE.source_file(kind, entity_id)
            lines = (FIXTURE_DATA.parent / path).read_text().splitlines()
            for i, resource in enumerate(entity.resources):
                place = next(p for p in found[resource.url] if p.path == path and p.field == f"resources[{i}].url")
                assert lines[place.line - 1][place.col - 1:].startswith(resource.url)
    assert GUIDE.tools["python"].website in found  # every address in the data, not only resources
    listed = external_links.link_list(found)
    assert len(listed) == len(set(listed)) == len(found)  # each address once


def test_a_dead_link_is_traced_to_every_data_file_and_line_that_writes_it(tmp_path):
    found = external_links.places(FIXTURE_DATA)
    listed = external_links.link_list(found)
    shared = next(url for url in listed if len(found[url]) > 1)  # one address written in two files
    line = listed.index(shared) + 1
    report = {"error_map": {
        str(tmp_path / "links.txt"): [{"url": shared + "/", "status": {"text": "Not Found", "code": 404},
                                       "span": {"line": line, "column": 1}}],
        "docs/page.md": [{"url": "https://example.com/gone", "status": {"text": "Network error"},
                          "span": {"line": 7, "column": 3}}],
    }}
    dead = external_links.dead_links(report, found, "links.txt")
    assert [d.url for d in dead] == [shared, "https://example.com/gone"]
    assert dead[0].places == tuple(f"{p} ({p.field})" for p in sorted(found[shared]))
    assert dead[0].problem == "404 Not Found" and dead[1].places == ("docs/page.md:7:3",)
    body = external_links.issue_body(dead, "https://github.com/o/r/actions/runs/1")
    assert body.startswith(external_links.MARKER) and "could not reach 2 links" in body
    for place in found[shared]:
        assert f"`{place} ({place.field})`" in body


def test_the_command_line_lists_links_and_writes_the_issue(tmp_path, capsys):
    assert external_links.main(["list", str(FIXTURE_DATA)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == external_links.link_list(external_links.places(FIXTURE_DATA))
    report = tmp_path / "lychee.json"
    report.write_text(json.dumps({"error_map": {"links.txt": [
        {"url": listed[0], "status": {"text": "Timeout"}, "span": {"line": 1, "column": 1}}]}}))
    assert external_links.main(["report", str(report), "--data", str(FIXTURE_DATA)]) == 0
    assert listed[0] in capsys.readouterr().out
    report.write_text(json.dumps({"error_map": {}}))
    assert external_links.main(["report", str(report), "--data", str(FIXTURE_DATA)]) == 1
