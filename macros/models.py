"""The guide's data model: one pydantic model per collection under ``data/``.

Every model forbids unknown fields. References to other entities are plain ids
typed as ``Ref(collection)``; the loader checks each one against the loaded data,
so a model stays a description of one file and never reads another.

Text fields hold plain text, never HTML or Markdown: the renderers escape them.
"""

from __future__ import annotations

import datetime
import re
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlsplit

from annotated_types import MaxLen, MinLen
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from .urls import KIT_SECTIONS, RESERVED_SKILL_IDS, ROLE_SECTIONS

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to an entity of ``collection``."""

    collection: str

    @property
    def description(self) -> str:
        from .registry import REGISTRY  # the registry imports this module

        return f"The id of an entry in {REGISTRY[self.collection].where}."

    def __get_pydantic_json_schema__(self, core_schema, handler):
        # Editors show this next to the field: where the ids it accepts are defined.
        schema = handler(core_schema)
        schema["pattern"] = SLUG_PATTERN
        schema["description"] = self.description
        return schema


def _single_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be one line (use a plain scalar, not '|' or '>')")
    return value


def _paragraphs(value: str) -> str:
    # In a YAML '>-' block a blank line loads as one newline, so every newline ends a
    # paragraph. White space inside a paragraph is folded, so text never becomes code.
    paragraphs = (" ".join(p.split()) for p in value.split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _a_question(value: str) -> str:
    if not value.endswith("?"):
        raise ValueError("a question must end with '?'")
    return value


_UNSAFE_IN_URL = re.compile(r"[\s<>\"'`\\{}|^\x00-\x1f\x7f]")


def _https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https":
        got = f"not {parts.scheme}:" if parts.scheme else "this one has no scheme"
        raise ValueError(f"links in data must be absolute https:// URLs, {got}")
    if not parts.netloc:
        raise ValueError("links in data must be absolute https:// URLs, this one has no host")
    if _UNSAFE_IN_URL.search(value):
        raise ValueError("URL contains a space, quote or bracket; percent-encode it")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=64),
    Field(description="Lowercase ASCII slug (letters, digits, hyphens), chosen once and never changed."),
]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(_single_line),
    Field(description="A short name or title on one line, plain text."),
]
Sentence = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(_single_line),
    Field(description="One plain-text sentence on one line, at most 300 characters."),
]
# Marks a field as prose: `make new` writes it as a '>-' block.
PARAGRAPHS = AfterValidator(_paragraphs)
Prose = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000),
    PARAGRAPHS,
    Field(description="Plain text. Write it as a '>-' block; a blank line starts a new paragraph."),
]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_single_line),
    Field(description="A title on one line, plain text, as the work gives it."),
]

RoleRef = Annotated[str, Ref("roles")]
SkillRef = Annotated[str, Ref("skills")]
ToolRef = Annotated[str, Ref("tools")]
LevelRef = Annotated[str, Ref("levels")]
SourceRef = Annotated[str, Ref("sources")]
ToolCategoryRef = Annotated[str, Ref("tool_categories")]
MarketRef = Annotated[str, Ref("markets")]
CodeRef = Annotated[str, Ref("codes")]
DutyRef = Annotated[str, Ref("duties")]
Behaviours = Annotated[list[Sentence], MinLen(1), MaxLen(5)]
QuestionKindRef = Annotated[str, Ref("question_kinds")]



def _not_a_role_section(value: str) -> str:
    if value in ROLE_SECTIONS:
        raise ValueError(f"'{value}' is a section anchor of the role page; choose another id")
    return value


def _not_a_skills_page(value: str) -> str:
    if value in RESERVED_SKILL_IDS:
        raise ValueError(f"'{value}' is the address of another page under /skills/; choose another id")
    return value


def _not_a_kit_section(value: str) -> str:
    if value in KIT_SECTIONS:
        raise ValueError(f"'{value}' is a section anchor of the interview kit page; choose another id")
    return value


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _sources_field(what: str) -> Any:
    return Field(
        description=f"Ids from data/sources.yml of the articles that name this {what}. "
        "An empty list says the guide's editors added it."
    )


def _provenance_field(what: str) -> Any:
    return Field(
        default=None,
        description=f"How this {what} relates to its sources: what a source says, where the guide departs "
        "from it and why. Shown at the foot of the page, in its Sources section, so the text above reads "
        "as reference.",
    )


def _former_ids_field():
    return Field(
        default=[],
        description="Ids this item had before it was renamed. Each stays an anchor on the page, so links "
        "published with the old id keep working. Never remove one.",
    )


# --- small vocabularies: one file each ---------------------------------------------


SourceKind = Literal["article", "official-statistics", "survey", "dataset", "classification", "career-framework",
                     "standard", "documentation", "job-post", "research"]


class Source(Model):
    id: Slug
    title: Title = Field(description="The source's title as published.")
    kind: SourceKind = Field(
        default="article",
        description="What it is: an 'article', a dated 'survey', a statistics office's publication "
        "('official-statistics'), a published data series ('dataset'), an official classification of occupations "
        "('classification'), an employer's published 'career-framework', a 'standard' (such as SFIA), "
        "'documentation', a 'job-post' (an advert, or a job board's copy of one), or 'research' (a peer-reviewed study).",
    )
    publisher: Name | None = Field(default=None, description="Site or organisation that published it, if known.")
    author: Name | None = Field(default=None, description="Author, if named.")
    published: datetime.date | None = Field(default=None, description="Publication date, if stated (YYYY-MM-DD).")
    retrieved: datetime.date | None = Field(
        default=None, description="The day the guide's editors read the copy its facts come from (YYYY-MM-DD)."
    )
    url: HttpsUrl | None = Field(default=None, description="https:// address, if known.")
    note: Prose | None = Field(default=None, description="What a reader should know about this source (gaps, age).")



# The published ladders /levels/ maps each level to, as the mapping table's columns, in order.
LADDERS: dict[str, str] = {
    "gitlab": "GitLab",
    "dropbox": "Dropbox",
    "monzo": "Monzo",
    "sfia": "SFIA 9",
    "job-titles": "Job-post titles",
}
Ladder = Literal["gitlab", "dropbox", "monzo", "sfia", "job-titles"]
assert tuple(LADDERS) == typing.get_args(Ladder), "LADDERS and Ladder name the same ladders"


class LadderMapping(Model):
    """Where one level sits on a published ladder, with the sources that say so."""

    ladder: Ladder = Field(description="The published ladder: " + ", ".join(f"'{k}' ({v})" for k, v in LADDERS.items()) + ".")
    equivalent: Sentence = Field(
        description="The matching level or levels as that ladder names them, e.g. 'Senior Backend Engineer (grade 7)'."
    )
    approximate: bool = Field(
        default=False,
        description="true where the match is a judgement rather than the same scope: the page marks it in words.",
    )
    note: Sentence | None = Field(default=None, description="Why the match is approximate, or what a reader should know.")
    sources: list[SourceRef] = Field(min_length=1, description="Ids from data/sources.yml that show the ladder's levels.")

    @model_validator(mode="after")
    def _approximate_says_why(self) -> LadderMapping:
        if self.approximate and not self.note:
            raise ValueError("an approximate mapping needs a note that says why it is approximate")
        return self


class Level(Model):
    id: Slug
    title: Name
    track: Literal["individual-contributor", "management"] = Field(
        description="'individual-contributor' for the engineering ladder; 'management' for people managers."
    )
    order: int = Field(ge=0, description="Position on the career ladder, lowest first.")
    summary: Sentence
    scope: Prose = Field(description="What someone at this level owns and decides.")
    time_horizon: Name = Field(description="How far ahead the work at this level is planned, e.g. 'a quarter to half a year'.")
    reach: Name = Field(description="Whose work the decisions at this level affect, e.g. 'a team' or 'several teams'.")
    autonomy: Sentence = Field(description="How much direction someone at this level needs, and from whom.")
    decisions: list[Sentence] = Field(min_length=1, description="Decisions typical at this level, one per item.")
    operational: list[Sentence] = Field(
        min_length=1, description="On-call and incident duties at this level, one per item: shadowing, triage, leading."
    )
    promotion_case: list[Sentence] = Field(
        min_length=1, description="What a case for promotion to the next level shows, one piece of evidence per item."
    )
    expectations: list[Sentence] = Field(min_length=1, description="What employers expect at this level, one per item.")
    experience: Sentence = Field(
        description="What experience a job description at this level asks for, described by what the person has done, not by years."
    )
    next: list[LevelRef] = Field(
        default=[],
        description="The levels this one usually leads to; each pair has a page at /levels/<this>-to-<next>/.",
    )
    mappings: list[LadderMapping] = Field(
        default=[], description="Where this level sits on published ladders, one item per ladder, each cited."
    )
    former_ids: list[Slug] = Field(
        default=[],
        description="Ids of retired levels whose meaning this level now carries. Their job description pages redirect "
        "to this level's; their anchor on /levels/ is kept by a hand-written section of docs/levels.md. Never remove one.",
    )

    @field_validator("mappings")
    @classmethod
    def _one_mapping_per_ladder(cls, mappings: list[LadderMapping]) -> list[LadderMapping]:
        seen = [m.ladder for m in mappings]
        twice = sorted({ladder for ladder in seen if seen.count(ladder) > 1})
        if twice:
            raise ValueError(f"the ladder '{twice[0]}' is mapped twice; give one item per ladder")
        return mappings


class ToolCategory(Model):
    id: Slug
    title: Name
    order: int = Field(ge=0)
    summary: Sentence



class Duty(Model):
    """A duty of backend work as the sources list it; responsibilities on role pages point at one."""

    id: Slug
    title: Name
    summary: Sentence
    sources: list[SourceRef] = _sources_field("duty")



class Expectation(Model):
    """Something employers look for in a backend hire, and the skills that show it."""

    id: Slug
    title: Name
    order: int = Field(ge=0)
    description: Prose
    skills: list[SkillRef] = Field(min_length=1)
    sources: list[SourceRef] = _sources_field("expectation")



Statistic = Literal["p10", "p25", "median", "p75", "p90", "mean", "employment", "projected-employment", "growth",
                    "openings", "share", "count", "index", "range", "claim"]
MONEY_UNITS = ("a-year", "an-hour", "a-month")
Unit = Literal["a-year", "an-hour", "a-month", "percent", "jobs", "openings-a-year", "people", "index-points", "years"]
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$"), Field(description="ISO 4217 code, e.g. USD.")]


class Figure(Model):
    """A number the guide states, with everything a reader needs to check it: what was measured, where,
    when, of whom, by whom, and how the guide confirmed it."""

    id: Slug
    label: Name = Field(description="What is measured, e.g. 'Annual wage of software developers'.")
    statistic: Statistic = Field(
        description="p10 to p90 (percentiles), median, mean, employment, projected-employment, growth, openings, "
        "share, count, index; 'range' for a band a source gives; 'claim' for a source's words that carry no "
        "number a reader could check.")
    value: float | None = Field(default=None, description="The number exactly as published; the lower end of a range.")
    high: float | None = Field(default=None, description="The upper end, for a range.")
    claim: Sentence | None = Field(default=None, description="The source's words, for a claim: e.g. 'over 20% a year'.")
    unit: Unit = Field(description="What the value counts: a-year, an-hour, a-month (money, with a currency), percent, "
                       "jobs, openings-a-year, people, index-points or years.")
    currency: CurrencyCode | None = Field(default=None, description="For money: the currency, e.g. USD.")
    reference_period: Name = Field(description="The period measured, e.g. 'May 2025', '2024–34', 'April 2025'.")
    published: datetime.date | None = Field(
        description="When the source published this figure (YYYY-MM-DD); null only if the guide could not confirm the day, "
        "which the note then explains.")
    retrieved: datetime.date = Field(description="The day the guide last checked the figure (YYYY-MM-DD).")
    geography: Name = Field(description="Where the figure applies, e.g. 'United States'; say so if the source does not state it.")
    population: Sentence = Field(description="Who was measured, e.g. 'employees in SOC 15-1252, excluding the self-employed'.")
    market: MarketRef | None = Field(default=None, description="The market on /pay/ this figure belongs to, if it is pay.")
    occupation: CodeRef | None = Field(default=None, description="The occupation code it measures, from data/codes.yml.")
    level: LevelRef | None = Field(default=None, description="The career level a source's band describes, if any.")
    source: SourceRef
    verification: Literal["primary", "secondary"] = Field(
        description="'primary': read in the publisher's own table or release; 'secondary': only in a copy of it.")
    verified_from: Sentence | None = Field(default=None, description="For a secondary figure: which copy, and how it agrees.")
    precision: Name | None = Field(default=None, description="The publisher's quality marker, e.g. 'coefficient of variation 2.7%'.")
    next_release: datetime.date | None = Field(
        default=None, description="When a newer edition is expected (YYYY-MM-DD); the page says so once it has passed.")
    note: Prose | None = Field(default=None, description="How much weight the figure can bear.")

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        if self.statistic == "claim":
            if self.claim is None or self.value is not None:
                raise ValueError("a claim states the source's words in 'claim' and no 'value'")
        elif self.value is None or self.claim is not None:
            raise ValueError(f"a {self.statistic} needs a 'value' (the number as published), not a 'claim'")
        if (self.statistic == "range") != (self.high is not None):
            raise ValueError("a range gives 'value' (low) and 'high'; only a range has 'high'")
        if self.high is not None and self.value is not None and self.high < self.value:
            raise ValueError(f"high ({self.high:g}) is below value ({self.value:g})")
        if self.statistic != "claim" and (self.unit in MONEY_UNITS) != (self.currency is not None):
            raise ValueError("money (a-year, an-hour, a-month) takes a currency; other units take none")
        if self.statistic == "claim" and self.unit not in MONEY_UNITS and self.currency is not None:
            raise ValueError("money (a-year, an-hour, a-month) takes a currency; other units take none")
        if self.verification == "secondary" and not self.verified_from:
            raise ValueError("a secondary figure says which copy it was read in ('verified_from')")
        if self.next_release is not None and self.published is not None and self.next_release <= self.published:
            raise ValueError("next_release must come after published")
        return self


class Market(Model):
    """A labour market the pay page reports on: a country, a region, or the world for surveys."""

    id: Slug
    title: Name
    order: int = Field(ge=0)
    summary: Sentence = Field(description="What the statistics for this market cover, in one sentence.")
    currency: CurrencyCode | None = Field(default=None, description="The currency its pay figures are in, if one.")


Taxonomy = Literal["soc-2018", "onet-soc-2019", "isco-08", "esco", "uk-soc-2020", "sfia-9"]


class Code(Model):
    """One code in an official classification of occupations, or a skill in SFIA."""

    id: Slug
    taxonomy: Taxonomy = Field(description="soc-2018, onet-soc-2019, isco-08, esco, uk-soc-2020 or sfia-9.")
    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z][0-9A-Z.\-]*$", max_length=20)] = Field(
        description="The code as the classification writes it, e.g. 15-1252, 15-1252.00, 2512, PROG.")
    title: Name = Field(description="Its title, exactly as the classification writes it.")
    url: HttpsUrl | None = Field(default=None, description="The classification's own page for the code, if seen.")
    uri: Annotated[str, StringConstraints(pattern=r"^http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}$")] | None = Field(
        default=None, description="For ESCO: the occupation's URI, as ESCO publishes it (http://data.europa.eu/esco/...).")
    source: SourceRef = Field(description="Where the guide read the code and title.")
    verification: Literal["primary", "secondary"] = Field(
        description="'primary': seen on the classification's own page; 'secondary': only in a copy.")
    note: Sentence | None = None


class RoleCode(Model):
    """How a role maps to one official occupation code."""

    code: CodeRef
    fit: Literal["exact", "approximate", "alternative"] = Field(
        description="'exact' if the code names this work; 'approximate' if it is the closest code; 'alternative' "
        "for a second code some posts of this role fall under.")
    note: Sentence | None = Field(default=None, description="Why the fit is approximate, or when the alternative applies.")


class Release(Model):
    """One release of the open data under /data/v2/: what changed, for the people who read it."""

    id: Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")] = Field(
        description="The data version, MAJOR.MINOR.PATCH: MAJOR for a change that breaks readers of the "
        "export (a removed or retyped field), MINOR for added entries or fields, PATCH for corrections."
    )
    date: datetime.date = Field(description="The day the release was published (YYYY-MM-DD).")
    summary: Sentence
    changes: list[Sentence] = Field(min_length=1, description="What changed, one item per change.")

    @property
    def version(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.id.split("."))



# --- growing collections: one file per entity ---------------------------------------


# The order of each is the order a page shows them in.
ResourceType = Literal["documentation", "standard", "book", "course", "article", "video", "interactive"]
ResourceCost = Literal["free", "free-tier", "paid"]
RESOURCE_TYPES: tuple[str, ...] = get_args(ResourceType)
MIN_RESOURCES, MAX_RESOURCES = 3, 8


class Resource(Model):
    """A place to learn a skill or tool, chosen for what it gives that the others on its list do not."""

    title: Title = Field(description="The resource's title, as it titles itself.")
    by: Name = Field(description="Its author or publisher.")
    url: HttpsUrl = Field(description="Its canonical https:// address, checked, never guessed.")
    type: ResourceType = Field(
        description="What kind of resource it is: 'documentation' is a project's own docs, 'standard' an RFC, "
        "specification or law, 'interactive' exercises, labs or a playground."
    )
    cost: ResourceCost = Field(description="'free'; 'free-tier' for a paid resource with a free part; 'paid'.")
    level: LevelRef = Field(description="The lowest career level it suits: an id from data/levels.yml.")
    why: Sentence = Field(description="One sentence: what the reader gets from it that the others on the list do not give.")


def _resources_field(what: str) -> Any:
    return Field(
        min_length=MIN_RESOURCES,
        max_length=MAX_RESOURCES,
        description=f"Where to learn this {what}: {MIN_RESOURCES} to {MAX_RESOURCES} chosen resources, each URL "
        "listed once. Shown on the page's 'Where to learn it' section, grouped by type.",
    )


class Responsibility(Model):
    id: Annotated[Slug, AfterValidator(_not_a_role_section)] = Field(
        description="Permanent anchor of this item on the role page (#id)."
    )
    title: Name
    description: Prose
    from_level: LevelRef = Field(default="entry", description="The lowest level expected to own this.")
    duty: DutyRef | None = Field(default=None, description="The duty from data/duties.yml this item carries out.")
    former_ids: list[Slug] = _former_ids_field()


class RoleSkills(Model):
    core: list[SkillRef] = Field(
        min_length=1,
        description="Skills the role cannot do without, in the order a newcomer should learn them: the role "
        "page's learning path follows it.",
    )
    helpful: list[SkillRef] = Field(default=[], description="Skills that make someone better at the role.")


class Role(Model):
    id: Slug
    title: Name
    advertised_as: list[Name] = Field(
        default=[],
        description="Job titles this role is advertised under, as job posts write them, e.g. "
        "'Software Engineer (Backend)'. Shown near the top of the role page.",
    )
    kind: Literal["umbrella", "specialisation"] = Field(
        description="'umbrella' for the one general backend developer role; 'specialisation' for every other role."
    )
    order: int = Field(ge=0, description="Position in the roles index, lowest first.")
    summary: Sentence = Field(description="One sentence that says what the role is; used on cards and in search.")
    overview: Prose
    responsibilities: list[Responsibility] = Field(min_length=1, description="What the role is responsible for, one item each.")
    skills: RoleSkills = Field(description="The skills the role needs, split into core and helpful.")
    tools: list[ToolRef] = Field(min_length=1, description="Tools people in this role use; shown on both pages.")
    example_stack: list[ToolRef] = Field(
        min_length=1, max_length=12,
        description="One coherent stack from 'tools' that a team in this role might run, such as one language with its "
        "framework and database: the job descriptions' example, which a reader replaces with their own.")
    typical_day: list[Sentence] = Field(min_length=1, description="What a normal day holds, one item per entry.")
    career_path: dict[LevelRef, Prose] = Field(
        description="What the role looks like at each level, keyed by level id, including whether employers hire "
        "for it at that level."
    )
    not_hired_at: list[LevelRef] = Field(
        default=[],
        description="Levels at which employers rarely or never hire for this role under its own name. Its job "
        "description at each of them says so, in the words of career_path.",
    )
    related: list[RoleRef] = Field(default=[], description="Roles this one works closely with; shown on both pages.")
    education: Sentence = Field(description="The education a job description for this role asks for; equivalent experience counts.")
    occupations: list[RoleCode] = Field(
        min_length=1, description="The official occupation codes the role is counted under (data/codes.yml), each with its fit.")
    sources: list[SourceRef] = _sources_field("role")
    provenance: Prose | None = _provenance_field("role")


class Skill(Model):
    id: Annotated[Slug, AfterValidator(_not_a_skills_page)]
    name: Name = Field(description="A short human name, e.g. 'API design'.")
    kind: Literal["hard", "soft"] = Field(description="'hard' for technical skills, 'soft' for ways of working with people.")
    summary: Sentence
    why: Prose = Field(description="Why the skill matters in backend work.")
    example: Prose | None = Field(
        default=None,
        description="One concrete situation from backend work in which the skill shows, told as what happened "
        "and what the person did. Expected on every workplace (soft) skill.",
    )
    interview_signal: Sentence | None = Field(
        default=None,
        description="What an interviewer can hear or see that shows the skill, in one sentence. Expected on "
        "every workplace (soft) skill.",
    )
    levels: dict[LevelRef, Behaviours] = Field(
        description="What someone shows of the skill at each level, keyed by level id: one to five observable "
        "behaviours per level, each a sentence an interviewer or a manager could see someone do. Levels are "
        "cumulative, so list only what is new at that level."
    )
    tools: list[ToolRef] = Field(default=[], description="Tools that serve this skill; shown on both pages.")
    sfia: list[CodeRef] = Field(default=[], description="The SFIA 9 skills (data/codes.yml) this skill corresponds to, if any.")
    sources: list[SourceRef] = _sources_field("skill")
    provenance: Prose | None = _provenance_field("skill")
    resources: list[Resource] = _resources_field("skill")


class Tool(Model):
    id: Slug
    name: Name
    category: ToolCategoryRef = Field(description="The group the tool is listed under on the tools index: an id from data/tool-categories.yml.")
    summary: Sentence
    description: Prose = Field(description="What the tool is for and when a backend team reaches for it.")
    skills: list[SkillRef] = Field(default=[], description="Skills this tool serves; shown on both pages.")
    website: HttpsUrl | None = Field(default=None, description="The tool's official site, as an https:// address.")
    sources: list[SourceRef] = _sources_field("tool")
    provenance: Prose | None = _provenance_field("tool")
    resources: list[Resource] = _resources_field("tool")


class Faq(Model):
    id: Slug
    question: Annotated[Sentence, AfterValidator(_a_question)] = Field(
        description="The question as a reader would ask it, on one line, ending with '?'."
    )
    answer: Prose
    order: int = Field(ge=0, description="Position on the FAQ page, lowest first.")
    roles: list[RoleRef] = Field(default=[], description="Roles whose pages list this question.")
    former_ids: list[Slug] = _former_ids_field()
    sources: list[SourceRef] = _sources_field("question")
    provenance: Prose | None = _provenance_field("answer")



# --- interview kits -------------------------------------------------------------------


class QuestionKind(Model):
    """A kind of interview question (technical, system design, ...): what a loop's stage draws from the bank."""

    id: Slug
    title: Name = Field(description="How a kit names the kind, e.g. 'System design'.")
    order: int = Field(ge=0, description="Position in listings of the bank, lowest first.")
    summary: Sentence = Field(description="What questions of this kind test, in one sentence.")


class InterviewQuestion(Model):
    id: Annotated[Slug, AfterValidator(_not_a_kit_section)] = Field(
        description="The question's page (/interview-questions/<id>/) and its anchor on every kit that asks it.")
    title: Name = Field(description="A short title that says what the question asks, e.g. 'Design an idempotent payment endpoint'.")
    kind: QuestionKindRef = Field(description="The kind of question, an id from data/question-kinds.yml; a loop's stages draw by kind.")
    prompt: Prose = Field(description="What the interviewer says or shows the candidate, word for word, so every candidate hears the same question.")
    skills: list[SkillRef] = Field(
        min_length=1, max_length=4, description="The skills an answer shows, most important first; a kit links each one.")
    levels: list[LevelRef] = Field(min_length=1, description="The levels the question suits; each one needs a good answer.")
    good_answer: dict[LevelRef, Prose] = Field(
        description="What a good answer shows at each level in 'levels', keyed by level id: specific enough that two "
        "interviewers would score the same answer the same way.")
    red_flags: list[Sentence] = Field(min_length=1, description="Answers or habits that should lower the score, one per item.")
    follow_ups: list[Annotated[Sentence, AfterValidator(_a_question)]] = Field(
        min_length=1, description="Questions to probe an answer further, each ending with '?'.")
    sources: list[SourceRef] = Field(
        default=[], description="Ids from data/sources.yml of anything the question draws on; leave it out for a question "
        "the guide's editors wrote.")

    @property
    def summary(self) -> str:
        """The page's one-line description (meta description, social cards)."""
        return f"{self.title}: an interview question, with what a good answer shows at each level, red flags and follow-ups."


class InterviewStage(Model):
    id: Annotated[Slug, AfterValidator(_not_a_kit_section)] = Field(
        description="The stage's anchor on each kit page (#id), unique within its loop.")
    title: Name
    minutes: int = Field(gt=0, le=240, description="How long the stage lasts, in minutes.")
    run_by: Sentence = Field(description="Who runs it, by role, e.g. 'Two senior engineers'.")
    purpose: Sentence = Field(description="What the stage is for and how it runs, in one sentence.")
    questions: dict[QuestionKindRef, Annotated[int, Field(ge=1, le=4)]] = Field(
        default={}, description="How many bank questions of each kind the stage asks, keyed by kind id; the kit "
        "chooses them for the role's skills.")
    skills: list[SkillRef] = Field(
        default=[], description="Skills the stage assesses whatever the role (the questions add the role's own). A "
        "question that tests one of them is chosen before one that does not.")
    prefer: list[Annotated[str, Ref("questions")]] = Field(
        default=[], description="Bank questions this stage asks first, in this order, wherever one suits the level and "
        "the role; the rest are chosen for the role's skills.")
    exercise: bool = Field(default=False, description="Whether this stage is the practical exercise.")
    scored: bool = Field(default=True, description="False for a stage that is for the candidate's benefit and is not scored.")
    optional: bool = Field(default=False, description="Whether a team may leave the stage out.")


class InterviewLoop(Model):
    id: LevelRef = Field(description="The level this loop hires for: an id from data/levels.yml.")
    note: Sentence | None = Field(default=None, description="What sets this loop apart from the one below it.")
    stages: list[InterviewStage] = Field(min_length=2, description="The stages in the order a candidate meets them.")


class KitGuidance(Model):
    """A section every interview kit carries (the exercise, the policy on AI assistants, fairness ...)."""

    id: Annotated[Slug, AfterValidator(_not_a_kit_section)] = Field(description="The section's anchor on every kit and on /interview-kits/.")
    title: Name
    intro: Prose
    items: list[Sentence] = Field(min_length=1, description="The practice, one step or rule per item.")
    levels: list[LevelRef] = Field(default=[], description="The levels whose kits show this section; empty for all.")


class Rating(Model):
    """One point of the scorecard's scale."""

    id: Slug
    score: int = Field(ge=1, le=9, description="The number an interviewer writes down.")
    label: Name
    meaning: Sentence = Field(description="What the score means, in words two interviewers would apply the same way.")
