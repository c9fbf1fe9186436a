"""Under GitHub Actions, data problems are also printed as ``::error`` workflow commands on their file and line."""

from __future__ import annotations

import os
import subprocess
import sys

from macros.problems import DataError, Problem
from support.project import ROOT

PROBLEM = Problem("data/tools/python.yml", 3, 1, "categry", "unknown field", "did you mean 'category'?")
ANNOTATION = "::error file=data/tools/python.yml,line=3,col=1,title=categry::unknown field (did you mean 'category'?)"


def test_a_problem_becomes_an_error_command_on_its_file_line_and_column():
    assert PROBLEM.annotation() == ANNOTATION


def test_values_are_escaped_as_github_workflow_commands_require():
    odd = Problem("data/a,b:c.yml", 12, 7, "levels.mid:x,y", "100% wrong\r\nsecond line", "use 50%")
    assert odd.annotation() == (
        "::error file=data/a%2Cb%3Ac.yml,line=12,col=7,title=levels.mid%3Ax%2Cy"
        "::100%25 wrong%0D%0Asecond line (use 50%25)"
    )


def test_every_problem_gets_one_command_in_report_order():
    error = DataError([PROBLEM, Problem("data/faqs/a.yml", 1, 1, "(file)", "expected a mapping of fields, got text")])
    assert error.annotations().splitlines() == [
        "::error file=data/faqs/a.yml,line=1,col=1,title=(file)::expected a mapping of fields, got text",
        ANNOTATION,
    ]


def _check(data_dir, **env):
    (data_dir / "tools" / "python.yml").write_text("id: python\nname: Python\ncategry: languages\n")
    return subprocess.run([sys.executable, "-m", "tools.check", "data"], cwd=data_dir.parent, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, timeout=120)


def test_make_check_annotates_only_under_github_actions(data_dir):
    on_github = _check(data_dir, GITHUB_ACTIONS="true")
    assert on_github.returncode == 1
    assert ANNOTATION in on_github.stdout.splitlines()
    assert "data/tools/python.yml:3:1: categry: unknown field (did you mean 'category'?)" in on_github.stderr.splitlines()
    local = _check(data_dir)
    assert local.returncode == 1 and "::error" not in local.stdout + local.stderr
