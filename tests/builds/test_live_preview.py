"""`mkdocs serve` reuses what did not change (hooks/live_preview.py), and a reader cannot tell.

Each scenario runs tests/support/serve_builds.py in a fresh process, which rebuilds a copy of
the fixture project the way `mkdocs serve` does. How fast that is belongs to `make bench`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from support.hooks import hook
from support.project import ROOT, fixture_project

ROLE_FILE = "data/roles/api-developer.yml"
live_preview = hook("live_preview")


def serve_builds(project: Path, steps: list[dict], env: dict[str, str] | None = None) -> list[dict]:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "support" / "serve_builds.py"), str(project), json.dumps(steps)],
        cwd=project, capture_output=True, text=True, timeout=900, env={**os.environ, **(env or {})},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_rebuild_that_reuses_unchanged_pages_writes_the_site_a_fresh_build_writes(tmp_path):
    project = fixture_project(tmp_path / "project")
    summary = next(line for line in (project / ROLE_FILE).read_text().splitlines() if line.startswith("summary: "))
    edited = summary.rstrip(".") + "; edited in the live preview."
    first, rebuilt, fresh = serve_builds(project, [
        {"build": "served"},
        {"replace": [ROLE_FILE, summary, edited]},
        {"build": "served"},
        {"forget": True},
        {"build": "fresh"},
    ])
    assert first["ok"] and rebuilt["ok"] and fresh["ok"], (first, rebuilt, fresh)
    # The first build had nothing to reuse; the rebuild converted only the pages that quote the
    # edited role (its own page, listings, related roles, its job descriptions).
    pages = first["pages"]["converted"]
    assert first["pages"]["reused"] == 0 and pages > 15
    assert rebuilt["pages"]["reused"] + rebuilt["pages"]["converted"] == pages, rebuilt
    assert 1 <= rebuilt["pages"]["converted"] < pages / 2, rebuilt
    assert rebuilt["search"]["reused"] > rebuilt["search"]["indexed"] >= 1, rebuilt
    assert fresh["pages"]["reused"] == 0

    served, expected = site_files(project / "served"), site_files(project / "fresh")
    assert served.keys() == expected.keys()
    differing = [name for name in expected if served[name] != expected[name]]
    assert differing == [], f"{len(differing)} files differ from a fresh build, e.g. {differing[:5]}"
    role_page = served["roles/api-developer/index.html"].decode()
    assert "edited in the live preview" in role_page


def test_a_page_whose_conversion_warned_is_converted_again_on_every_rebuild(tmp_path):
    project = fixture_project(tmp_path / "project")
    page = project / "docs" / "education.md"
    first_line = next(line for line in page.read_text().splitlines() if line.startswith("# "))
    broken = first_line + "\n\nSee [the missing page](missing-page.md)."
    builds = serve_builds(project, [
        {"replace": ["docs/education.md", first_line, broken]},
        {"build": "site"},
        {"build": "site"},  # nothing changed: a kept conversion would hide the broken link
        {"replace": ["docs/education.md", broken, first_line]},
        {"build": "site"},
    ])
    for broken_build in builds[:2]:
        assert not broken_build["ok"], "the strict build should fail on the broken link"
        assert any("missing-page.md" in message for message in broken_build["warnings"]), broken_build["warnings"]
    assert builds[1]["pages"]["reused"] > builds[1]["pages"]["converted"]  # the other pages were reused
    assert builds[2]["ok"] and not builds[2]["warnings"], builds[2]


def test_mkdocs_serve_notices_a_save_through_the_faster_watcher(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "index.md"
    page.write_text("# Home\n")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=8000, root=str(tmp_path / "site"))
    server.watch(str(docs))
    server.watch(str(docs))  # MkDocs counts repeated watches; the hook keeps the count
    old_observer = server.observer

    live_preview.on_startup(command="serve")
    try:
        assert live_preview.on_serve(server) is server
    finally:
        live_preview.on_startup(command="build")
    assert server.observer is not old_observer
    assert server.observer.timeout == live_preview.POLL_SECONDS
    assert server._watched_paths == {str(docs): 2}

    server.observer.start()
    try:
        deadline = time.monotonic() + 30
        saves = 0
        while not server._want_rebuild and time.monotonic() < deadline:
            saves += 1
            page.write_text(f"# Home\n\nSaved {saves} times.\n")
            time.sleep(0.2)
        assert server._want_rebuild, "the moved watch never saw the saves"
    finally:
        server.observer.stop()
        server.observer.join(timeout=10)


def test_the_switch_turns_the_reuse_off(tmp_path):
    project = fixture_project(tmp_path / "project")
    first, second = serve_builds(project, [{"build": "site"}, {"build": "site"}], env={live_preview.SWITCH: "0"})
    assert first["ok"] and second["ok"]
    assert second["pages"]["reused"] == 0 and second["search"]["reused"] == 0


def test_the_internals_it_relies_on_are_there_and_it_steps_aside_when_one_is_not(monkeypatch, caplog):
    assert live_preview.internals_missing() == []
    from mkdocs.structure.pages import Page

    def render(self, config, files):  # a future MkDocs that keeps the title elsewhere
        self.content = ""

    monkeypatch.setattr(Page, "render", render)
    assert "Page.render sets _title_from_render" in live_preview.internals_missing()
    with caplog.at_level("WARNING", logger="mkdocs.hooks.live_preview"):
        live_preview.on_startup(command="serve")
    assert live_preview._serving is False
    assert "Live preview off: the installed MkDocs or Material changed (Page.render sets _title_from_render" in caplog.text
