"""A figure whose publisher expected a newer edition before the build's day says so on the page; the day
is the build's SOURCE_DATE_EPOCH, never the wall clock."""

from __future__ import annotations

import datetime

from support.project import BUILD_DAY, build, fixture_project

NOTICE = "A newer release is due"


def test_a_figure_past_its_next_release_shows_the_notice(fixture_site):
    # The fixture's dev-employment was due by 2026-01-01; the test builds believe it is BUILD_DAY.
    assert BUILD_DAY > "2026-01-01"
    text = fixture_site.page("pay/").select_one("h2#north").find_parent("article").get_text(" ")
    assert NOTICE in text and "expected one by 1 January 2026" in text


def test_the_same_figure_before_its_next_release_shows_none(tmp_path):
    project = fixture_project(tmp_path / "project")
    before = int(datetime.datetime(2025, 12, 15, tzinfo=datetime.UTC).timestamp())
    result = build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": str(before)})
    assert result.returncode == 0, result.log
    assert NOTICE not in result.page("pay/").get_text(" ")
    assert "1,654,440 jobs" in result.page("pay/").get_text(" ")
