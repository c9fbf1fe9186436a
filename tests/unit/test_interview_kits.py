"""The question bank and the interview kits: what the loader refuses, how a kit chooses its questions, the scorecard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.loader import load_guide
from macros.problems import DataError
from macros.render import interview_kits
from macros.render.interview_kits import answer_levels, decisive_skills, interview_kit, scorecard_markdown
from support.project import ROOT, write

GUIDE = load_guide(ROOT / "data", root=ROOT)
KITS = [(r, lid) for r in GUIDE.roles for lid in GUIDE.levels]

QUESTION = """\
id: design-an-endpoint
title: Design an endpoint
kind: technical
prompt: Design an endpoint that creates an order.
skills: [api-design, database-management]
levels: [entry, mid]
good_answer:
  entry: Names the method, the path and the status codes.
  mid: Makes it idempotent with a key.
red_flags:
  - Returns 200 for every error.
follow_ups:
  - What if the client retries?
"""


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir)
    return [str(p) for p in caught.value.problems]


def _question(data_dir: Path, text: str) -> None:
    (data_dir / "questions" / "design-an-endpoint.yml").write_text(text, encoding="utf-8")


# --- what the loader refuses, each at its file:line:col ------------------------------------


def test_a_question_naming_an_unknown_skill_or_level_is_reported_where_it_is_named(data_dir):
    _question(data_dir, QUESTION.replace("[api-design, database-management]", "[api-design, databse-management]")
              .replace("levels: [entry, mid]", "levels: [entry, mdi]").replace("  mid: Makes", "  mdi: Makes"))
    assert problems(data_dir) == [
        "data/questions/design-an-endpoint.yml:5:22: skills[1]: unknown skill 'databse-management' "
        "(did you mean 'database-management'?)",
        "data/questions/design-an-endpoint.yml:6:17: levels[1]: unknown level 'mdi' (did you mean 'mid'?)",
        "data/questions/design-an-endpoint.yml:9:3: good_answer.mdi: unknown level 'mdi' (did you mean 'mid'?)",
    ]


def test_a_question_without_a_good_answer_for_a_level_it_claims_fails_at_that_level(data_dir):
    _question(data_dir, QUESTION.replace("  mid: Makes it idempotent with a key.\n", ""))
    assert problems(data_dir) == [
        "data/questions/design-an-endpoint.yml:6:17: levels[1]: no good_answer for level 'mid' "
        "(say what a good answer shows at this level under good_answer, or drop the level)",
    ]


def test_a_good_answer_for_a_level_the_question_does_not_claim_fails_at_its_key(data_dir):
    _question(data_dir, QUESTION.replace("levels: [entry, mid]", "levels: [entry]"))
    assert problems(data_dir) == [
        "data/questions/design-an-endpoint.yml:9:3: good_answer.mid: level 'mid' is not in levels "
        "(add it to levels, or drop this answer)",
    ]


def test_a_follow_up_is_a_question_and_a_question_tests_one_to_four_skills(data_dir):
    _question(data_dir, QUESTION.replace("  - What if the client retries?", "  - Ask about retries")
              .replace("[api-design, database-management]", "[]"))
    assert problems(data_dir) == [
        "data/questions/design-an-endpoint.yml:5:9: skills: must not be empty",
        "data/questions/design-an-endpoint.yml:13:5: follow_ups[0]: a question must end with '?'",
    ]


def test_every_level_needs_a_loop_and_a_broken_loops_file_is_reported_once(data_dir):
    loops = data_dir / "interview-loops.yml"
    text = loops.read_text()
    loops.write_text(text[: text.index("  - id: mid")])
    assert problems(data_dir) == [
        "data/levels.yml:31:9: levels[1].id: level 'mid' has no interview loop "
        "(add one to data/interview-loops.yml: every role and level has an interview kit)",
    ]
    loops.write_text(text.replace("minutes: 30", "minutes: half an hour"))
    assert problems(data_dir) == ["data/interview-loops.yml:6:18: loops[0].stages[0].minutes: expected a whole number, got text"]
    loops.write_text(text.replace("    stages:\n      - id: screen", "    stages:\n      - id: screen\n        id2: x", 1))
    assert len(problems(data_dir)) == 1  # the levels are not blamed for a loop that did not validate


def test_anchors_on_a_kit_page_never_clash(data_dir):
    loops = data_dir / "interview-loops.yml"
    loops.write_text(loops.read_text().replace("      - id: exercise\n", "      - id: screen\n", 1)
                     .replace("      - id: technical-stage\n", "      - id: fairness\n", 1))
    write(data_dir / "questions" / "screen.yml", QUESTION.replace("id: design-an-endpoint", "id: screen"))
    write(data_dir / "questions" / "scorecard.yml", QUESTION.replace("id: design-an-endpoint", "id: scorecard"))
    assert problems(data_dir) == [
        "data/interview-loops.yml:10:13: loops[0].stages[1].id: duplicate id 'screen' (first at stages[0])",
        "data/interview-loops.yml:19:13: loops[1].stages[0].id: 'fairness' is already an anchor on the kit page "
        "(a guidance section in data/interview-guidance.yml) (choose another id)",
        "data/questions/scorecard.yml:1:5: id: 'scorecard' is a section anchor of the interview kit page; choose another id",
        "data/questions/screen.yml:1:5: id: 'screen' is already an anchor on the kit pages "
        "(a stage in data/interview-loops.yml) (choose another id)",
    ]


# --- how a kit chooses, on the real bank ----------------------------------------------------


def test_the_questions_by_skill_a_kit_chooses_from_are_the_bank_s_own_in_its_order():
    # interview_kit() looks questions up by skill (so a kit costs the same however large the bank grows);
    # the lookup must hold every question that tests the skill, once, in the order of the bank.
    for skill_id in GUIDE.skills:
        expected = tuple(q.id for q in GUIDE.questions.values() if skill_id in q.skills)
        assert GUIDE.links.skill_questions.get(skill_id, ()) == expected, skill_id
    assert set(GUIDE.links.skill_questions) <= set(GUIDE.skills)


@pytest.mark.parametrize("role_id, level_id", KITS, ids=[f"{r}/{lid}" for r, lid in KITS])
def test_a_kit_asks_each_question_once_and_only_questions_that_suit_its_level_and_its_role(role_id, level_id):
    kit = interview_kit(GUIDE, role_id, level_id)
    role = GUIDE.roles[role_id]
    on_role = set(role.skills.core) | set(role.skills.helpful)
    assert len(kit.questions) == len(set(kit.questions)) > 0
    for kit_stage in kit.stages:
        asked = [GUIDE.questions[q] for q in kit_stage.questions]
        assert all(level_id in q.levels and set(q.skills) & on_role for q in asked)
        for kind, count in kit_stage.stage.questions.items():
            assert sum(q.kind == kind for q in asked) <= count
        assert sum(count for count in kit_stage.stage.questions.values()) == len(asked), (
            f"{kit_stage.stage.id}: the bank has too few {level_id} questions for {role_id}'s skills")
    assert kit.hired == (level_id not in role.not_hired_at)


def test_the_choice_is_the_same_every_time_and_a_stage_s_preferred_questions_come_first():
    kits = [interview_kit(GUIDE, r, lid) for r, lid in KITS]
    assert kits == [interview_kit(GUIDE, r, lid) for r, lid in KITS]
    for kit in kits:
        role = GUIDE.roles[kit.role_id]
        on_role = {*role.skills.core, *role.skills.helpful}
        used: set[str] = set()
        for kit_stage in kit.stages:
            for kind in kit_stage.stage.questions:
                asked = [q for q in kit_stage.questions if GUIDE.questions[q].kind == kind]
                preferred = [q for q in kit_stage.stage.prefer if q not in used and GUIDE.questions[q].kind == kind
                             and kit.level_id in GUIDE.questions[q].levels and set(GUIDE.questions[q].skills) & on_role]
                assert asked[: len(preferred)] == preferred[: len(asked)], (kit.role_id, kit.level_id, kit_stage.stage.id)
            used.update(kit_stage.questions)


def test_a_question_that_covers_more_of_the_role_s_uncovered_core_skills_wins_its_place(data_dir):
    """In the fixture, the mid loop asks two technical questions: the one testing both of the role's core
    skills first, though the other comes first in the bank."""
    write(data_dir / "questions" / "a-brief-question.yml", QUESTION.replace("id: design-an-endpoint", "id: a-brief-question")
          .replace("title: Design an endpoint", "title: A brief question").replace("[api-design, database-management]", "[communication]"))
    guide = load_guide(data_dir)
    assert list(guide.questions)[0] == "a-brief-question"  # first in the bank's order
    kit = interview_kit(guide, "backend-developer", "mid")
    assert kit.stages[0].questions[0] == "design-an-endpoint"


def test_a_good_answer_adds_up_along_the_kit_s_own_track():
    question = next(q for q in GUIDE.questions.values() if {"entry", "mid", "senior", "engineering-manager"} <= set(q.levels))
    assert answer_levels(GUIDE, question, "senior") == ["entry", "mid", "senior"]
    assert answer_levels(GUIDE, question, "entry") == ["entry"]
    assert answer_levels(GUIDE, question, "engineering-manager") == ["engineering-manager"]


def test_the_copied_scorecard_has_a_row_per_stage_and_skill_the_scale_in_words_and_absolute_links():
    kit = interview_kit(GUIDE, "api-developer", "senior")
    text = scorecard_markdown(GUIDE, kit, "https://example.org/guide/")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "](https://" in line]
    names = {k.number: k.stage.title for k in kit.stages}
    assert [re.match(r"\| (\d+)\. [^|]+ \| \[([^\]]+)\]", r).groups() for r in rows] == [
        (str(n), interview_kits.copy_md(GUIDE.skills[s].name)) for n, s in kit.rows()]
    assert all(f"{names[int(r.split('.')[0][2:])]}" in r for r in rows)
    assert all("(https://example.org/guide/skills/" in r for r in rows)
    assert all(f"- {r.score}, {r.label}: {r.meaning}" in text for r in GUIDE.ratings.values())
    assert "https://example.org/guide/interview-kits/api-developer/senior/" in text
    assert not any(s.number == n for s in kit.stages if not s.stage.scored for n, _ in kit.rows())


def test_a_manager_is_decided_on_the_loop_s_own_skills_and_an_engineer_on_the_role_s_core():
    manager = interview_kit(GUIDE, "backend-developer", "engineering-manager")
    own = {s for k in manager.stages if k.stage.scored for s in k.stage.skills}
    assert set(decisive_skills(GUIDE, manager)) == own & set(manager.scored_skills())
    engineer = interview_kit(GUIDE, "backend-developer", "senior")
    assert set(decisive_skills(GUIDE, engineer)) == set(GUIDE.roles["backend-developer"].skills.core) & set(engineer.scored_skills())
