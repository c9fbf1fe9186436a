"""The guide's data as a whole: what every contributor's edit must keep true. Nothing here pins a count,
a title or a figure: each rule is derived from the data, the URL contract or the source articles."""

from __future__ import annotations

import re

import pytest
import yaml

from macros import urls
from macros.loader import load_guide
from support.contract import published_ids
from support.project import ROOT
from tools import seed_fingerprint

GUIDE = load_guide(ROOT / "data")
PUBLISHED_ROLES = published_ids(urls.ROLE_PAGE)


def test_the_real_data_is_valid():
    # load_guide above raised DataError, listing every problem, if it was not; this names what loaded.
    assert GUIDE.roles and GUIDE.skills and GUIDE.tools and GUIDE.faqs and GUIDE.levels


@pytest.mark.parametrize("role_id", PUBLISHED_ROLES)
def test_every_published_role_has_every_part(role_id):
    role = GUIDE.roles[role_id]
    assert role.overview and role.responsibilities and role.skills.core and role.tools and role.typical_day
    assert set(role.career_path) == set(GUIDE.levels)
    assert GUIDE.links.related_roles.get(role_id), f"{role_id} has no related role"


def test_there_is_one_umbrella_role():
    assert [r.kind for r in GUIDE.roles.values()].count("umbrella") == 1


def test_every_duty_is_carried_out_by_some_role():
    orphans = [d for d in GUIDE.duties if not GUIDE.links.duty_roles.get(d)]
    assert not orphans


def test_every_skill_and_tool_is_used_by_some_role_or_linked_to_a_skill():
    unused_skills = [s for s in GUIDE.skills if not GUIDE.links.skill_roles.get(s)]
    lonely_tools = [t for t in GUIDE.tools if not GUIDE.links.tool_roles.get(t) and not GUIDE.links.tool_skills.get(t)]
    assert unused_skills == [] and lonely_tools == []


def test_every_question_the_sources_ask_is_answered_at_length():
    for faq in GUIDE.faqs.values():
        if faq.sources:
            assert len(faq.answer.split()) >= 40, faq.id


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _texts() -> dict[str, str]:
    """Every text the guide writes: data files (less the sources' own titles) and hand-written pages."""
    texts = {}
    for path in sorted((ROOT / "data").rglob("*.yml")):
        if path.name != "sources.yml":  # the sources' titles are quoted there on purpose
            texts[path.relative_to(ROOT).as_posix()] = " ".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "docs").rglob("*.md")):
        texts[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    return texts


def copied(texts: dict[str, str], seed_runs: set[str]) -> dict[str, list[str]]:
    """For each text that repeats a run of the articles' words, those runs."""
    found = {}
    for name, text in texts.items():
        runs = sorted({run for run, digest in seed_fingerprint.runs(text) if digest in seed_runs})
        if runs:
            found[name] = runs
    return found


def test_no_run_of_words_from_a_source_is_reproduced():
    # Runs everywhere: the fingerprint ships in tests/fixtures, the articles themselves do not.
    seed_runs = seed_fingerprint.read()
    assert len(seed_runs) > 1000, "the fingerprint is empty: run `python -m tools.seed_fingerprint`"
    found = copied(_texts(), seed_runs)
    assert not found, f"wording copied from a source (rewrite it in our own words): {found}"


@pytest.mark.skipif(not any(seed_fingerprint.SEEDS.glob("*.txt")),
                    reason=f"the source articles are not beside this clone ({seed_fingerprint.SEEDS})")
def test_the_fingerprint_is_that_of_the_source_articles():
    assert seed_fingerprint.main(["--check"]) == 0, "run `python -m tools.seed_fingerprint` and commit the file"


def test_the_comparison_catches_a_copied_run_whatever_its_case_and_punctuation():
    # A negative control, on a made-up article: seven words in a row are caught, six are not.
    article = "Backend developers build the server side: APIs, databases and the jobs behind them."
    seed_runs = {digest for _, digest in seed_fingerprint.runs(article)}
    texts = {"copied": "Our guide says backend Developers build the SERVER side; APIs...",
             "six words": "Backend developers build the server side, we say."}
    assert copied(texts, seed_runs) == {"copied": ["backend developers build the server side apis"]}


def test_word_count_is_substantial():
    words = sum(len(text.split()) for name, text in _texts().items() if name.startswith("data/"))
    assert words > 20_000


def test_every_workplace_skill_has_a_backend_example_and_an_interview_signal():
    for skill in GUIDE.skills.values():
        if skill.kind == "soft":
            assert skill.example and skill.interview_signal, skill.id


@pytest.mark.parametrize("role_id", PUBLISHED_ROLES)
def test_every_role_names_the_titles_it_is_advertised_under(role_id):
    assert GUIDE.roles[role_id].advertised_as


def test_the_performance_engineer_lists_a_load_testing_tool():
    # Load testing is the role's first duty: some tool on it is a testing tool that serves performance work.
    role = GUIDE.roles["performance-engineer"]
    load_testing = [t for t in role.tools if GUIDE.tools[t].category == "testing"
                    and "performance-optimisation" in GUIDE.links.tool_skills.get(t, ())]
    assert load_testing


# Asides about the sources belong in the provenance note at the foot of a page, not in the text above it.
SOURCE_ASIDE = re.compile(r"\b(the guvi source|one source|the sources? (names?|says?|lists?|calls?|describes?)|"
                          r"none of the (source|sources))\b", re.I)


def test_reader_facing_text_carries_no_asides_about_the_sources():
    found = []
    for collection, fields in (("roles", ("overview",)), ("skills", ("why", "example")), ("tools", ("description",)),
                               ("faqs", ("answer",))):
        for entity in getattr(GUIDE, collection).values():
            for field in fields:
                if SOURCE_ASIDE.search(getattr(entity, field) or ""):
                    found.append(f"{collection}/{entity.id}.{field}")
    assert not found, found
