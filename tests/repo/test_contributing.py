"""The contributor's documentation tells the truth: its commands exist, its links resolve, its error lines are real."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from macros.loader import load_guide
from macros.problems import DataError
from support.project import ROOT
from tools.scaffold import new_entity_file

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text()
README = (ROOT / "README.md").read_text()


def _github_slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_make_command_the_docs_name_exists():
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    named = set(re.findall(r"`make ([a-z]+)", CONTRIBUTING + README))
    assert named and named <= targets, named - targets


def test_links_in_contributing_resolve():
    anchors = {_github_slug(h) for h in re.findall(r"^#+ (.+)$", CONTRIBUTING, re.MULTILINE)}
    for target in re.findall(r"\]\(([^)\s]+)\)", CONTRIBUTING):
        if target.startswith("https://"):
            continue
        path, _, fragment = target.partition("#")
        if path:
            assert (ROOT / path).exists(), target
        else:
            assert fragment in anchors, target


def test_readme_links_the_contributing_guide():
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in README


def test_the_error_lines_quoted_in_the_guide_are_what_make_check_prints(tmp_path):
    # The scenario the guide describes: `make new KIND=tool ID=valkey`, then two misspelt ids.
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    (data / "tools" / "valkey.yml").unlink(missing_ok=True)  # the guide may have it by now
    path = new_entity_file("tool", "valkey", data)
    text = path.read_text().replace("category: languages", "category: databse")
    path.write_text(text.replace("skills: []", "skills: [database-managment]"))
    with pytest.raises(DataError) as caught:
        load_guide(data)
    report = caught.value.report().splitlines()
    quoted = re.search(r"\*\*`make check`\*\*.*?```text\n(.*?)```", CONTRIBUTING, re.DOTALL).group(1).splitlines()
    # Line numbers move with the skeleton's comments (which list the data's ids); the words may not.
    assert [_without_position(line) for line in quoted] == [_without_position(line) for line in report]


def _without_position(line: str) -> str:
    return re.sub(r"^(\S+?):\d+:\d+:", r"\1:LINE:COL:", line)


def test_vs_code_recommends_the_yaml_extension_that_reads_the_schema_lines():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text())
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    assert settings["yaml.validate"] is True and settings["yaml.format.enable"] is False
