"""The linters pass on the repository, through the very hooks a contributor's pre-commit runs."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.project import ROOT, write
from tools.scaffold import new_entity_file

BIN = Path(sys.executable).parent
HOOKS = {hook["id"]: hook for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"]
         for hook in repo["hooks"]}


def run(args: list[str], cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, env={**os.environ, **env})


def hook_command(hook_id: str) -> list[str]:
    """The hook's entry as a command line, with the venv's tools (as the hooks find them in .venv/bin)."""
    args = shlex.split(HOOKS[hook_id]["entry"])
    if args[0].startswith(".venv/bin/"):
        args[0] = str(BIN / Path(args[0]).name)
    return args


def test_every_hook_is_local_and_uses_the_pinned_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    for hook in HOOKS.values():
        command = shlex.split(hook["entry"])[0]
        assert command == "make" or (BIN / Path(command).name).exists(), f"{hook['id']}: {command} is not installed"


def test_every_hook_passes_on_every_file(tmp_path):
    if run(["git", "rev-parse", "--is-inside-work-tree"]).returncode != 0:
        pytest.skip("pre-commit needs a git checkout; this copy has no .git")
    # The data and schemas hooks are the unit tests' own checks (unit/test_data.py, unit/test_schemas.py):
    # each check runs once in `make test`.
    result = run([str(BIN / "pre-commit"), "run", "--all-files", "--color=never"],
                 PRE_COMMIT_HOME=str(tmp_path / "pre-commit"), PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}",
                 SKIP="data,schemas")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Failed" not in result.stdout


# Each hook, given a file with a mistake its tool exists to catch, says so: the configs are not toothless.
BAD = {
    "yamllint": ("data/tools/x.yml", "id: x\nname:   X\nskills: [a,b]\n", "too many spaces after colon"),
    "ruff": ("macros/x.py", "import os\n", "F401"),
    "ruff, the core": ("macros/x.py", "from mkdocs.plugins import event_priority\n\nevent_priority(1)\n", "TID251"),
    "markdown": ("docs/x.md", "# Title { #title }\nText right under the heading.\n## Next { #next }\n", "MD022"),
    "workflows": (".github/workflows/x.yml",
                  "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.evnt }}\n",
                  "evnt"),
    "zizmor": (".github/workflows/x.yml",
               "on: pull_request_target\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
               "    steps:\n      - uses: actions/checkout@v4\n", "unpinned"),
    "issue-forms": (".github/ISSUE_TEMPLATE/x.yml", "name: X\ndescription: Y\nbody:\n  - type: inputt\n", "inputt"),
    "reuse": ("x.py", "# SPDX-FileCopyrightText: 2026 X\n# SPDX-License-Identifier: MIT\n", "Missing licenses: MIT"),
    "citation": ("CITATION.cff", "cff-version: 1.2.0\nmessage: Cite it.\ntitle: X\n", "'authors' is a required property"),
}


WHOLE_TREE = {"reuse"}  # hooks that read the whole working tree and take no file names


@pytest.mark.parametrize("case", BAD)
def test_each_hook_catches_what_it_is_for(tmp_path, case):
    hook_id = case.split(",")[0]
    name, text, expected = BAD[case]
    path = write(tmp_path / name, text)
    for config in (".yamllint", "pyproject.toml"):
        (tmp_path / config).write_text((ROOT / config).read_text())
    args = hook_command(hook_id)
    if not HOOKS[hook_id].get("pass_filenames", True):
        args = [a for a in args if a != ".github"]
    files = [] if hook_id in WHOLE_TREE else [str(path.relative_to(tmp_path))]
    result = run([*args, *files], cwd=tmp_path)
    assert result.returncode != 0, result.stdout + result.stderr
    assert expected in result.stdout + result.stderr


def test_a_file_from_make_new_passes_yamllint(data_dir):
    path = new_entity_file("role", "brand-new", data_dir)
    result = run([*hook_command("yamllint"), "-c", str(ROOT / ".yamllint"), str(path)])
    assert result.returncode == 0, result.stdout
