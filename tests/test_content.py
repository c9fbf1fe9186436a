"""Coverage of the guide's content, computed from the data: everything the sources cover is here."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from macros.loader import load_guide

GUIDE = load_guide(ROOT / "data")
SEEDS = ROOT.parent / "shared" / "seeds"

CONTRACT_ROLES = ["backend-developer", "system-architect", "database-administrator", "api-developer", "security-engineer",
                  "cloud-solutions-developer", "performance-engineer", "devops-engineer", "data-traffic-control"]
SOURCE_TOOLS = {
    "languages": ["python", "java", "php", "ruby", "nodejs", "dotnet"],
    "frameworks": ["django", "flask", "spring", "rails", "laravel", "express", "meteor"],
    "databases": ["postgresql", "mysql", "mongodb", "oracle-database", "redis", "cassandra"],
    "web-servers": ["apache-httpd", "nginx", "lighttpd", "iis"],
    "version-control": ["git", "github", "gitlab"],
    "cloud": ["aws", "azure", "google-cloud"],
    "containers": ["docker", "kubernetes"],
    "testing": ["junit", "selenium", "postman"],
    "ci-cd": ["jenkins", "travis-ci"],
}
# What a senior engineer expects today that no source names; the site marks each as added.
ADDED_TOOLS = ["go", "github-actions", "kafka", "rabbitmq", "openapi", "graphql", "grpc", "oauth-oidc",
               "opentelemetry", "prometheus", "grafana", "terraform"]
SOURCE_FAQS = ["why-backend-matters", "common-languages", "website-without-backend", "backend-supports-frontend",
               "successful-backend-developer", "primary-responsibilities", "role-of-databases", "ensuring-security",
               "essential-tools", "education-needed"]
EXPECTATIONS = ["technical-expertise", "database-management", "api-design-integration", "frontend-understanding",
                "problem-solving", "security-measures", "collaboration-communication", "adaptability-learning",
                "project-management"]
HARD_SKILLS = ["programming-languages", "backend-frameworks", "database-management", "web-servers", "api-design",
               "network-protocols", "web-security", "version-control", "cloud-platforms", "ci-cd"]
SOFT_SKILLS = ["communication", "problem-solving", "industry-awareness", "teamwork", "attention-to-detail", "adaptability"]


@pytest.mark.parametrize("role_id", CONTRACT_ROLES)
def test_every_role_has_every_part(role_id):
    role = GUIDE.roles[role_id]
    assert role.overview and role.responsibilities and role.skills.core and role.tools and role.typical_day
    assert set(role.career_path) == set(GUIDE.levels)
    assert GUIDE.links.related_roles.get(role_id), f"{role_id} has no related role"


def test_there_is_one_umbrella_role_and_every_contract_specialisation():
    # More specialisations may come by pull request (`make new KIND=role`); none may go.
    kinds = [r.kind for r in GUIDE.roles.values()]
    assert kinds.count("umbrella") == 1 and GUIDE.roles["backend-developer"].kind == "umbrella"
    assert set(CONTRACT_ROLES) <= set(GUIDE.roles)


def test_every_duty_is_carried_out_by_some_role():
    assert len(GUIDE.duties) == 15
    orphans = [d for d in GUIDE.duties if not GUIDE.links.duty_roles.get(d)]
    assert not orphans


def test_all_nine_employer_expectations_are_there_in_order():
    assert list(GUIDE.expectations) == EXPECTATIONS


@pytest.mark.parametrize("skill_id", HARD_SKILLS + SOFT_SKILLS)
def test_every_skill_the_sources_name_has_a_page_with_every_level(skill_id):
    skill = GUIDE.skills[skill_id]
    assert skill.kind == ("soft" if skill_id in SOFT_SKILLS else "hard")
    assert set(skill.levels) == set(GUIDE.levels)


@pytest.mark.parametrize("category, tool_ids", SOURCE_TOOLS.items())
def test_every_tool_the_sources_name_is_in_its_category(category, tool_ids):
    for tool_id in tool_ids:
        tool = GUIDE.tools[tool_id]
        assert tool.category == category
        assert tool.sources, f"{tool_id} is named by a source; cite it"


@pytest.mark.parametrize("tool_id", ADDED_TOOLS)
def test_tools_the_guide_added_say_so(tool_id):
    assert GUIDE.tools[tool_id].sources == []


def test_every_question_from_the_sources_is_answered():
    for faq_id in SOURCE_FAQS:
        faq = GUIDE.faqs[faq_id]
        assert faq.sources and len(faq.answer.split()) >= 40, faq_id
    assert len(GUIDE.faqs) >= 10


def test_pay_bands_are_only_the_sourced_ones():
    bands = {lv.id: lv.salary for lv in GUIDE.levels.values()}
    assert (bands["entry"].min, bands["entry"].max) == (60_000, 80_000)
    assert (bands["mid"].min, bands["mid"].max) == (80_000, 120_000)
    assert bands["senior"] is None and bands["lead"] is None  # the source breaks off; nothing invented
    for band in (bands["entry"], bands["mid"]):
        assert band.source == "paka-role-2025" and band.currency == "USD" and band.as_of.isoformat() == "2025-03-19"


def test_every_figure_names_a_known_source_and_a_date():
    for fig in GUIDE.figures.values():
        assert fig.source in GUIDE.sources and fig.as_of and fig.region


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


RUN = 7  # words in a row; the sources' titles are quoted on purpose, in data/sources.yml only


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source articles not found at {SEEDS} (they live beside the repository)")
def test_no_run_of_words_from_a_source_is_reproduced():
    seed_words = _words(" ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    seed_runs = {tuple(seed_words[i:i + RUN]) for i in range(len(seed_words) - RUN + 1)}
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "data").rglob("*.yml")):
        if path.name != "sources.yml":
            texts[str(path.relative_to(ROOT))] = " ".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "docs").rglob("*.md")):
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    copied = {}
    for name, text in texts.items():
        words = _words(text)
        runs = {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1) if tuple(words[i:i + RUN]) in seed_runs}
        if runs:
            copied[name] = sorted(runs)
    assert not copied, f"wording copied from a source (rewrite it in our own words): {copied}"


def test_word_count_is_substantial():
    words = sum(len(_words(s)) for path in (ROOT / "data").rglob("*.yml") for s in _strings(yaml.safe_load(path.read_text())))
    assert words > 20_000


def test_every_workplace_skill_has_a_backend_example_and_an_interview_signal():
    for skill in GUIDE.skills.values():
        if skill.kind == "soft":
            assert skill.example and skill.interview_signal, skill.id


@pytest.mark.parametrize("role_id", CONTRACT_ROLES)
def test_every_role_names_the_titles_it_is_advertised_under(role_id):
    assert len(GUIDE.roles[role_id].advertised_as) >= 3


def test_the_performance_engineer_lists_its_load_testing_tools():
    assert {"k6", "jmeter"} <= set(GUIDE.roles["performance-engineer"].tools)


# Asides about the sources belong in the provenance note at the foot of a page, not in the text above it.
SOURCE_ASIDE = re.compile(r"\b(the guvi source|one source|the sources? (names?|says?|lists?|calls?|describes?)|none of the (source|sources))\b", re.I)


def test_reader_facing_text_carries_no_asides_about_the_sources():
    found = []
    for collection, fields in (("roles", ("overview",)), ("skills", ("why", "example")), ("tools", ("description",)),
                               ("faqs", ("answer",))):
        for entity in getattr(GUIDE, collection).values():
            for field in fields:
                if SOURCE_ASIDE.search(getattr(entity, field) or ""):
                    found.append(f"{collection}/{entity.id}.{field}")
    assert not found, found
