"""The same project built by MkDocs and by ProperDocs (its maintained fork) gives the same site,
but for the generator tag: ProperDocs can take over if MkDocs 1.x breaks (decisions/0001)."""

from __future__ import annotations

import subprocess
import sys

from support.project import ROOT, fixture_project
from tools.compare_runners import differences


def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    project = fixture_project(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "tools.compare_runners", "--project", str(project)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mkdocs-1." in result.stdout and "ProperDocs 1." in result.stdout  # both really ran


def test_any_other_difference_is_reported(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for site, generator, text in ((first, "mkdocs-1.6.1", "same"), (second, "mkdocs-ProperDocs 1.6.7", "other")):
        (site / "x").mkdir(parents=True)
        (site / "x" / "index.html").write_text(f'<meta name="generator" content="{generator}">\n<p>{text}</p>\n')
        (site / "same.html").write_text(f'<meta name="generator" content="{generator}">\n')
    (second / "extra.txt").write_text("")
    found = differences(first, second)
    assert found[0] == "only in the properdocs build: extra.txt"
    assert len(found) == 2 and found[1].startswith("x/index.html differs:") and "+<p>other</p>" in found[1]
