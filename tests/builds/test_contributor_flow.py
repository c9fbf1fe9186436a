"""What a contributor does, on the small fixture project: add a file, write in any script, fork the
repository, break a file. Each change is built strictly, as `make build` builds it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import urls
from support.project import RESOURCES, ROOT, BuildResult, build, fixture_project, write
from tools.scaffold import KINDS

VENV = Path(sys.executable).parent.parent
FORK = "https://github.com/someone/guide/"


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the project's Makefile with this test run's venv, installing nothing."""
    stamp = VENV / ".runtime-installed"
    return subprocess.run(
        ["make", "--no-print-directory", "-o", str(stamp), f"VENV={VENV}", *args],
        cwd=project, capture_output=True, text=True, timeout=300,
    )


def hrefs(soup, selector="article a[href]") -> list[str]:
    return [a["href"] for a in soup.select(selector)]


@pytest.fixture(scope="module")
def contributed(tmp_path_factory) -> BuildResult:
    """One build with four contributions: a new tool file, titles in French and Chinese, a page with a
    template-like code sample, and a fork's repo URL."""
    project = fixture_project(tmp_path_factory.mktemp("contributed") / "project")
    write(project / "data" / "tools" / "valkey.yml", """
        id: valkey
        name: Valkey
        category: databases
        summary: An open-source in-memory data store forked from Redis.
        description: Keeps data in memory for fast reads.
        skills: [database-management, api-design]
        sources: []
        """)
    with (project / "data" / "tools" / "valkey.yml").open("a", encoding="utf-8") as valkey:
        valkey.write(RESOURCES)
    role = project / "data" / "roles" / "api-developer.yml"
    text = role.read_text(encoding="utf-8").replace("title: API developer\n", "title: Développeur d’API — 接口开发者\n", 1)
    role.write_text(text.replace("    title: Design contracts\n", "    title: Concevoir les contrats — 设计接口\n", 1), encoding="utf-8")
    write(project / "docs" / "ünïcode.md", """
        # Überblick — 概述 { #overview-non-ascii }

        ## Ça marche ? { #ca-marche }
        """)
    write(project / "docs" / "sample.md", """
        # A code sample { #sample }

        ```text
        {{ guide.roles_index() }}
        ```
        """)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - Sources: sources.md\n", "  - Sources: sources.md\n  - X: ünïcode.md\n  - Sample: sample.md\n"))
    result = build(project, project.parent / "site", env={"GUIDE_REPO_URL": FORK})
    assert result.returncode == 0, result.log
    return result


def test_adding_one_tool_file_publishes_its_page_and_links_both_ways(contributed):
    assert contributed.page("tools/valkey/").select_one("article h1").get_text().rstrip("¶") == "Valkey"
    assert "valkey/" in hrefs(contributed.page("tools/"), "h2#databases ~ table a")
    for skill in ("database-management", "api-design"):
        assert "../../tools/valkey/" in hrefs(contributed.page(f"skills/{skill}/"))


def test_titles_in_any_script_keep_their_id_anchors(contributed):
    role = contributed.page("roles/api-developer/")
    assert role.select_one("h1#top").get_text().startswith("Développeur d’API — 接口开发者")
    assert role.select_one("h3#design-contracts").get_text().startswith("Concevoir les contrats — 设计接口")
    assert "Développeur d’API — 接口开发者 (mid level)" in contributed.page("job-descriptions/api-developer/mid/").h1.get_text()
    page = contributed.page("ünïcode/")
    assert [h["id"] for h in page.select("article h1, article h2")] == ["overview-non-ascii", "ca-marche"]


def test_a_fork_links_its_own_repository_from_every_page(contributed):
    for url in ("tools/valkey/", "faq/", ""):
        footer = contributed.page(url).select_one(".md-copyright a[href$='CONTRIBUTING.md']")
        assert footer["href"] == f"{FORK}blob/main/CONTRIBUTING.md"
    edit = contributed.page("tools/valkey/").select_one("a[rel=edit]")["href"]
    assert edit == f"{FORK}edit/main/data/tools/valkey.yml"


def test_jinja_in_a_code_sample_on_a_page_without_macros_survives(contributed):
    # mkdocs-macros renders only pages that ask for it (render_by_default: false).
    samples = [code.get_text() for code in contributed.page("sample/").select("article pre code")]
    assert samples == ["{{ guide.roles_index() }}\n"]


def test_make_new_then_fill_in_a_tool_builds_with_its_cross_links(tmp_path):
    """As a contributor would: `make new` for each kind, fill in the tool, `make check`, strict build."""
    project = fixture_project(tmp_path / "project")
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    for kind in KINDS:
        result = make(project, "new", f"KIND={kind}", f"ID=new-{kind}")
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"wrote data/{KINDS[kind].path}/new-{kind}.yml" in result.stdout
    refused = make(project, "new", "KIND=tool", "ID=new-tool")
    assert refused.returncode != 0 and "data/tools/new-tool.yml already exists" in refused.stderr

    tool = project / "data" / "tools" / "new-tool.yml"
    text = tool.read_text()
    text = text.replace("name: New Tool", "name: Valkey").replace("summary: TODO", "summary: A fork of Redis.")
    tool.write_text(re.sub(r"^skills: \[\]$", "skills: [api-design, database-management]", text, flags=re.M))
    check = make(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr

    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.log
    assert result.page("tools/new-tool/").select_one("article h1").get_text().rstrip("¶") == "Valkey"
    assert "new-tool/" in hrefs(result.page("tools/"), "article table a")
    for skill in ("api-design", "database-management"):
        assert "../../tools/new-tool/" in hrefs(result.page(f"skills/{skill}/"))
    for kind in ("role", "skill"):  # unfilled skeletons build too, showing their TODOs
        assert "TODO" in result.page(f"{kind}s/new-{kind}/").select_one("article").get_text()
    assert result.page("faq/").select_one("h2#new-faq") is not None


@pytest.mark.parametrize("broken, expected", [
    ("id: python\nname: Python\ncategry: languages\n",
     "data/tools/python.yml:3:1: categry: unknown field (did you mean 'category'?)"),
    ("id: python\nname: [Python\n",
     "data/tools/python.yml:3:1: (yaml): did not find expected ',' or ']' while parsing a flow sequence"),
])
def test_broken_data_fails_the_build_with_file_line_col(tmp_path, broken, expected):
    project = fixture_project(tmp_path / "project")
    (project / "data" / "tools" / "python.yml").write_text(broken)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert any(line.startswith(expected) for line in result.log.splitlines()), result.log
    assert "Traceback" not in result.log


ANNOTATION = "::error file=data/tools/python.yml,line=3,col=1,title=categry::unknown field (did you mean 'category'?)"


def test_the_build_annotates_the_problem_under_github_actions(tmp_path):
    project = fixture_project(tmp_path / "project")
    (project / "data" / "tools" / "python.yml").write_text("id: python\nname: Python\ncategry: languages\n")
    result = build(project, tmp_path / "site", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    lines = result.log.splitlines()
    assert ANNOTATION in lines
    assert "data/tools/python.yml:3:1: categry: unknown field (did you mean 'category'?)" in lines


def test_a_generated_page_cannot_be_hidden_by_a_hand_written_one(tmp_path):
    project = fixture_project(tmp_path / "project")
    write(project / "docs" / "tools" / "python.md", "# Python { #top }\n")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/tools/python.md hides the file generated from data/tools/python.yml; remove it" in result.log


def test_the_build_reads_the_data_once_and_hands_it_to_the_macros(tmp_path):
    # A page's macros see exactly what the first hook validated: a value only the loaded Guide has.
    project = fixture_project(tmp_path / "project")
    write(project / "docs" / "count.md", """
        ---
        render_macros: true
        ---

        # Count { #count }

        Roles: {{ guide.roles | length }}. Data version: {{ guide.data_version }}.
        """)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Sources: sources.md\n", "  - Sources: sources.md\n  - Count: count.md\n"))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.log
    releases = json.loads((result.site / urls.EXPORT_DIR / "roles.json").read_text())["version"]
    text = result.page("count/").select_one("article").get_text()
    assert f"Roles: 2. Data version: {releases}." in text
