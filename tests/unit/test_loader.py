"""The loader: a valid data set loads once; every kind of mistake is reported as one exact line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.loader import load_guide
from macros.problems import DataError
from support.project import RESOURCES, ROOT, write

SKILL = """\
id: api-design
name: API design
kind: hard
summary: Designing interfaces that other programs can rely on.
why: Every client depends on the API.
levels:
  entry:
    - Adds an endpoint.
  mid:
    - Designs a resource.
sources: [src-a]
""" + RESOURCES
AFTER_SKILL = len(SKILL.splitlines()) + 1  # the line of a field a test appends to SKILL


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(p) for p in caught.value.problems]


def test_fixture_data_loads_in_reading_order(data_dir):
    guide = load_guide(data_dir)
    assert list(guide.roles) == ["backend-developer", "api-developer"]  # by order
    assert list(guide.skills) == ["api-design", "communication", "database-management"]  # by name
    assert list(guide.levels) == ["entry", "mid"]
    assert guide.source_file("tools", "python") == "data/tools/python.yml"


def test_yaml_syntax_error(data_dir):
    write(data_dir / "tools" / "python.yml", """
        id: python
        name: Python
          category: languages
        summary: A language.
        """)
    assert problems(data_dir) == [
        "data/tools/python.yml:3:11: (yaml): mapping values are not allowed in this context "
        "(check the indentation, and quote text that contains ': ')"
    ]


def test_unknown_field_with_suggestion_and_the_missing_field_it_hides(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("name: API design", "nmae: API design"))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:1:1: name: required field is missing (A short human name, e.g. 'API design'.)",
        "data/skills/api-design.yml:2:1: nmae: unknown field (did you mean 'name'?)",
    ]


def test_unknown_field_lists_the_allowed_ones_when_nothing_is_close(data_dir):
    from macros.models import Skill

    write(data_dir / "skills" / "api-design.yml", SKILL + "colour: blue\n")
    assert problems(data_dir) == [
        f"data/skills/api-design.yml:{AFTER_SKILL}:1: colour: unknown field (allowed: {', '.join(Skill.model_fields)})"
    ]


def test_missing_field_points_at_its_mapping_and_says_what_it_is_for(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("why: Every client depends on the API.\n", ""))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:1:1: why: required field is missing (Why the skill matters in backend work.)"
    ]


def test_wrong_types(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("summary: Designing interfaces that other programs can rely on.", "summary: 42")
          .replace("sources: [src-a]", "sources: src-a"))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:4:10: summary: expected text, got a number",
        "data/skills/api-design.yml:11:10: sources: expected a list, got text",
    ]


def test_unknown_id_suggests_the_nearest(data_dir):
    path = data_dir / "roles" / "api-developer.yml"
    path.write_text(path.read_text().replace("core: [api-design]", "core: [api-design, databse-management]"))
    assert problems(data_dir) == [
        "data/roles/api-developer.yml:14:22: skills.core[1]: unknown skill 'databse-management' "
        "(did you mean 'database-management'?)"
    ]


def test_unknown_id_with_nothing_close_says_how_to_create_it(data_dir):
    path = data_dir / "roles" / "api-developer.yml"
    path.write_text(path.read_text().replace("tools: [python]", "tools: [python, kafka]"))
    assert problems(data_dir) == [
        "data/roles/api-developer.yml:15:17: tools[1]: unknown tool 'kafka' "
        "(no file data/tools/kafka.yml; create it, or use an existing id)"
    ]


def test_unknown_level_key_and_the_level_it_leaves_out(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("  mid:\n", "  middle:\n"))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:7:3: levels: missing level 'mid' (give one entry for each level: entry, mid)",
        "data/skills/api-design.yml:9:3: levels.middle: unknown level 'middle' (did you mean 'mid'?)",
    ]


def test_a_skill_without_a_level_s_behaviours_is_reported_at_its_levels(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("  mid:\n    - Designs a resource.\n", ""))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:7:3: levels: missing level 'mid' (give one entry for each level: entry, mid)",
    ]


def test_each_level_of_a_skill_lists_one_to_five_one_line_behaviours(data_dir):
    six = "".join(f"    - Behaviour {i}.\n" for i in range(6))
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("    - Designs a resource.\n", six)
          .replace("  entry:\n    - Adds an endpoint.\n", "  entry: []\n"))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:7:10: levels.entry: must not be empty",
        "data/skills/api-design.yml:9:5: levels.mid: lists 6 items; at most 5 (keep the ones that earn their place)",
    ]
    write(data_dir / "skills" / "api-design.yml",
          SKILL.replace("    - Adds an endpoint.\n", "    - >-\n      Adds an endpoint.\n\n      And a second paragraph.\n"))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:8:7: levels.entry[0]: must be one line (use a plain scalar, not '|' or '>')"]


def test_file_name_differs_from_id(data_dir):
    write(data_dir / "skills" / "api.yml", SKILL.replace("id: api-design", "id: apis"))
    assert problems(data_dir) == [
        "data/skills/api.yml:1:5: id: id 'apis' differs from the file name 'api.yml' "
        "(ids equal file names: rename the file to apis.yml or set id: api)"
    ]


def test_duplicate_entity_id_across_files(data_dir):
    write(data_dir / "skills" / "apis.yml", SKILL)
    assert problems(data_dir) == [
        "data/skills/apis.yml:1:5: id: id 'api-design' differs from the file name 'apis.yml'; "
        "'api-design' is also the id of data/skills/api-design.yml "
        "(ids equal file names: rename the file to api-design.yml or set id: apis)"
    ]


def test_duplicate_id_in_a_vocabulary_file(data_dir):
    write(data_dir / "tool-categories.yml", """
        categories:
          - id: languages
            title: Programming languages
            order: 10
            summary: Languages for server code.
          - id: languages
            title: Databases
            order: 20
            summary: Where data lives.
        """)
    found = problems(data_dir)
    assert "data/tool-categories.yml:6:9: categories[1].id: duplicate tool category id 'languages' (first used on line 2)" in found
    # The category that went missing is reported where it is used, not silently dropped.
    assert "data/tools/postgresql.yml:3:11: category: unknown tool category 'databases' (known ids: languages)" in found


def test_duplicate_item_id_and_repeated_reference_in_one_file(data_dir):
    path = data_dir / "roles" / "backend-developer.yml"
    text = path.read_text().replace("tools: [python, postgresql]", "tools: [python, postgresql, python]")
    text = text.replace(
        "    duty: apis-and-services\n",
        "    duty: apis-and-services\n  - id: build-apis\n    title: Again\n    description: Same id.\n",
    )
    path.write_text(text)
    assert problems(data_dir) == [
        "data/roles/backend-developer.yml:13:9: responsibilities[1].id: duplicate id 'build-apis' (first at responsibilities[0])",
        "data/roles/backend-developer.yml:19:29: tools[2]: 'python' is listed twice (first at tools[0])",
    ]


def test_duplicate_yaml_key(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("kind: hard\n", "kind: hard\nkind: soft\n"))
    assert problems(data_dir) == [
        "data/skills/api-design.yml:4:1: kind: duplicate key (the later value would silently win; keep one)"
    ]


def test_a_file_that_belongs_to_no_collection(data_dir):
    write(data_dir / "tools" / "redis.yaml", "id: redis\n")
    write(data_dir / "people" / "ana.yml", "id: ana\n")
    found = problems(data_dir)
    assert "data/tools/redis.yaml:1:1: (file): not part of any collection (rename it to redis.yml)" in found
    assert any(p.startswith("data/people/ana.yml:1:1: (file): not part of any collection (data files are: roles/<id>.yml") for p in found)


def test_empty_file_and_a_list_instead_of_a_mapping(data_dir):
    write(data_dir / "tools" / "python.yml", "")
    write(data_dir / "skills" / "api-design.yml", "- id: api-design\n")
    found = problems(data_dir)
    assert "data/tools/python.yml:1:1: (file): expected a mapping of fields, got an empty file (see the schema named on the file's first line)" in found
    assert "data/skills/api-design.yml:1:1: (file): expected a mapping of fields, got a list (see the schema named on the file's first line)" in found


def test_a_broken_file_is_not_also_reported_as_unknown_where_it_is_used(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("kind: hard", "kind: tough"))
    assert problems(data_dir) == ["data/skills/api-design.yml:3:7: kind: 'tough' is not allowed (one of: hard, soft)"]


def test_skill_tool_link_declared_on_both_sides(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL + "tools: [python]\n")
    assert problems(data_dir) == [
        f"data/skills/api-design.yml:{AFTER_SKILL}:9: tools[0]: the link to 'python' is also declared in data/tools/python.yml "
        "(declare a skill-tool link once, on either side; both pages show it)"
    ]


def test_every_problem_in_every_file_is_reported_at_once(data_dir):
    write(data_dir / "tools" / "python.yml", "id: python\nname: [\n")
    write(data_dir / "skills" / "communication.yml", "id: communication\n")
    path = data_dir / "faqs" / "why-backend.yml"
    path.write_text(path.read_text().replace("roles: [backend-developer]", "roles: [backend-dev]"))
    found = problems(data_dir)
    files = {line.split(":")[0] for line in found}
    assert files == {"data/tools/python.yml", "data/skills/communication.yml", "data/faqs/why-backend.yml"}
    assert len([p for p in found if p.startswith("data/skills/communication.yml")]) == 7  # each missing field


def test_check_command_prints_problems_and_exits_non_zero(data_dir):
    write(data_dir / "skills" / "api-design.yml", SKILL.replace("kind: hard", "kind: tough"))
    proc = subprocess.run([sys.executable, "-m", "tools.check", str(data_dir)], cwd=data_dir.parent,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "data/skills/api-design.yml:3:7: kind: 'tough' is not allowed (one of: hard, soft)",
        "1 problem in 1 data file; fix them and build again.",
    ]


def test_check_command_passes_on_valid_data(data_dir):
    proc = subprocess.run([sys.executable, "-m", "tools.check", str(data_dir)], cwd=data_dir.parent,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert "is valid: 2 roles, 3 skills, 2 tools" in proc.stdout


def test_a_former_id_may_not_clash_with_an_anchor_on_the_same_page(data_dir):
    path = data_dir / "roles" / "api-developer.yml"
    path.write_text(path.read_text().replace(
        "    from_level: mid\n", "    from_level: mid\n    former_ids: [contracts-first, overview, design-contracts]\n"))
    assert problems(data_dir) == [
        "data/roles/api-developer.yml:13:35: responsibilities[0].former_ids[1]: 'overview' is already an anchor on this page "
        "(a section of the role page) (a former id must be unique among the page's ids and other former ids)",
        "data/roles/api-developer.yml:13:45: responsibilities[0].former_ids[2]: 'design-contracts' is already an anchor on this "
        "page (responsibilities[0]) (a former id must be unique among the page's ids and other former ids)",
    ]


def test_faq_former_ids_are_unique_across_files(data_dir):
    write(data_dir / "faqs" / "what-is-an-api.yml", """
        id: what-is-an-api
        question: What is an API?
        answer: A contract between programs.
        order: 20
        former_ids: [why-backend]
        sources: []
        """)
    assert problems(data_dir) == [
        "data/faqs/what-is-an-api.yml:5:14: former_ids[0]: 'why-backend' is already an anchor on this page "
        "(data/faqs/why-backend.yml) (a former id must be unique among the page's ids and other former ids)",
    ]


def test_a_broken_vocabulary_file_is_reported_once_not_at_every_reference(data_dir):
    path = data_dir / "levels.yml"
    path.write_text(path.read_text().replace("    title: Mid level\n", "    title: Mid: level\n"))
    assert problems(data_dir) == [
        "data/levels.yml:32:15: (yaml): mapping values are not allowed in this context "
        "(check the indentation, and quote text that contains ': ')"
    ]


# --- the career ladder ---------------------------------------------------------------------


def _edit(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text()
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text)


def test_a_level_leads_up_and_keeps_its_former_ids_retired(data_dir):
    _edit(data_dir / "levels.yml", ("    next: [mid]\n", "    next: [entry]\n"),
          ("    former_ids: [junior]\n", "    former_ids: [junior, mid]\n"))
    _edit(data_dir / "levels.yml", ("      - Designs a feature alone.\n", "      - Designs a feature alone.\n    next: [entry]\n    former_ids: [junior]\n"))
    assert problems(data_dir) == [
        "data/levels.yml:20:12: levels[0].next[0]: a level cannot lead to itself",
        "data/levels.yml:21:26: levels[0].former_ids[1]: 'mid' is the id of a current level (a former id names a retired level)",
        "data/levels.yml:50:12: levels[1].next[0]: 'entry' (order 10) is not above 'mid' (order 20) "
        "(a level leads to levels with a higher order)",
        "data/levels.yml:51:18: levels[1].former_ids[0]: 'junior' is already a former id of 'entry' "
        "(a retired level's pages can redirect to one level only)",
    ]


def test_a_mapping_to_a_published_ladder_is_cited_once_per_ladder_and_says_why_it_is_approximate(data_dir):
    levels = data_dir / "levels.yml"
    original = levels.read_text()
    _edit(levels, ("        note: SFIA describes responsibility in any digital job.\n", ""))
    assert problems(data_dir) == [
        "data/levels.yml:26:9: levels[0].mappings[1]: an approximate mapping needs a note that says why it is approximate",
    ]
    levels.write_text(original)
    _edit(levels, ("        sources: [src-a]\n", "        sources: [src-b]\n"),
          ("      - ladder: sfia\n", "      - ladder: gitlab\n        equivalent: Intern\n        sources: [src-a]\n"
                                     "      - ladder: sfia\n"))
    assert problems(data_dir) == [
        "data/levels.yml:23:7: levels[0].mappings: the ladder 'gitlab' is mapped twice; give one item per ladder",
    ]
    levels.write_text(original.replace("        sources: [src-a]\n", "        sources: [src-b]\n", 1))
    assert problems(data_dir) == [
        "data/levels.yml:25:19: levels[0].mappings[0].sources[0]: unknown source 'src-b' (did you mean 'src-a'?)"]


def test_a_level_id_may_not_take_a_section_anchor_of_the_skill_pages(data_dir):
    for path in [data_dir / "levels.yml", data_dir / "interview-loops.yml",
                 *(p for folder in ("skills", "roles", "tools", "questions") for p in (data_dir / folder).glob("*.yml"))]:
        path.write_text(re.sub(r"\bmid\b", "roles", path.read_text()))
    assert problems(data_dir) == ["data/levels.yml:31:9: levels[1].id: 'roles' is a section anchor of the skill pages "
                                  "(each level is an anchor on every skill page; choose another id)"]


def test_a_role_says_where_it_is_not_hired_rather_than_publish_an_empty_job_description(data_dir):
    _edit(data_dir / "roles" / "api-developer.yml", ("not_hired_at: [entry]\n", ""))
    assert problems(data_dir) == [
        "data/roles/api-developer.yml:9:3: responsibilities: no responsibility applies at level 'entry', so its job "
        "description would list none (give a responsibility from_level: entry, or add entry to not_hired_at)",
    ]
