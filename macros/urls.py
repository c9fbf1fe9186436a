"""The URL contract: every page, anchor and file the guide publishes, built and parsed here and nowhere else.

Published links never break (see link-contract.txt), so the scheme is written once. A place
in the guide is named by its docs-relative source path, with an optional anchor:
``roles/api-developer.md#implement-endpoints``. MkDocs publishes ``x/y.md`` at the URL path
``x/y/`` and ``x/index.md`` at ``x/``; other files keep their path (``data/v2/roles.json``).

- Patterns (``ROLE_PAGE``, ``JD_PAGE`` ...) say where each kind of page lives; ``place()``
  fills one in and ``match()`` reads one back.
- ``page_url()`` and ``absolute()`` turn a place into the URL a reader sees.
- ``Linker`` writes relative links from one page to another, as MkDocs resolves and
  validates them in a strict build.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import dataclass
from functools import cache

# --- pages generated from data: one per entity, and one per role and level ---------------
ROLE_PAGE = "roles/{id}.md"
SKILL_PAGE = "skills/{id}.md"
TOOL_PAGE = "tools/{id}.md"
JD_PAGE = "job-descriptions/{role}/{level}.md"
JD_DOCUMENT = "job-descriptions/{role}/{level}.json"  # what the builder fetches
KIT_PAGE = "interview-kits/{role}/{level}.md"
QUESTION_PAGE = "interview-questions/{id}.md"
LEVEL_STEP = "levels/{lower}-to-{higher}.md"  # what changes from one level to a level it leads to

# --- hand-written pages that data links into ----------------------------------------------
HOME = "index.md"
ROLES_INDEX = "roles/index.md"
SKILLS_INDEX = "skills/index.md"
TOOLS_INDEX = "tools/index.md"
JD_INDEX = "job-descriptions/index.md"
KITS_INDEX = "interview-kits/index.md"
QUESTIONS_INDEX = "interview-questions/index.md"
HIRING = "hiring.md"
LEVELS = "levels.md"
PAY = "pay.md"
SKILLS_MATRIX = "skills/matrix.md"  # every skill at every level, as one table
SELF_ASSESSMENT = "self-assessment.md"
FAQ = "faq.md"
SOURCES = "sources.md"
EDUCATION = "education.md"
DEGREES = "education.md#degrees"
OPEN_DATA = "open-data/index.md"
CHANGELOG = "open-data/changelog.md"

# Entries that live on a shared page, as an anchor named by their id.
LEVEL_ENTRY = "levels.md#{id}"
FAQ_ENTRY = "faq.md#{id}"
SOURCE_ENTRY = "sources.md#{id}"
TOOL_CATEGORY_ENTRY = "tools/index.md#{id}"
MARKET_ENTRY = "pay.md#{id}"  # one section per market on /pay/
RELEASE_ENTRY = "open-data/changelog.md#v{version}"  # 1.2.0 -> #v1-2-0

# --- the open data export --------------------------------------------------------------------
# The path carries the format's major version, which is the major number of the newest release in
# data/changelog.yml (a test holds the two together). An earlier major version stays published as it
# was last released: /data/v1/ is frozen at release 1.3.0 in docs/data/v1/.
EXPORT_MAJOR = 2
EXPORT_DIR = f"data/v{EXPORT_MAJOR}"
EXPORT = EXPORT_DIR + "/{collection}.json"
EXPORT_SCHEMA = EXPORT_DIR + "/{collection}.schema.json"
FROZEN_EXPORT_DIRS = ("data/v1",)
PUBLISHED_FILES = tuple(f"{d}/*.json" for d in (*FROZEN_EXPORT_DIRS, EXPORT_DIR))  # non-HTML files in the link contract

# --- files for crawlers ------------------------------------------------------------------------
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"  # written by MkDocs itself

# --- anchors -----------------------------------------------------------------------------------
# The learning path on a role page, and "Where to learn it" on every skill and tool page.
LEARNING_PATH = "learning-path"
LEARN = "learn"
# Sections of a role page; a responsibility id (also an anchor there) may not take one of them.
ROLE_SECTIONS = ("top", "overview", "responsibilities", "skills", LEARNING_PATH, "tools", "typical-day",
                 "career-path", "pay", "occupation-codes", "related-roles", "faq", "sources")
# Sections of an interview kit; a loop's stage ids, the kits' guidance ids and the question ids (all
# anchors there too) may not take one of them.
KIT_SECTIONS = ("top", "loop", "questions", "scorecard", "rating-scale", "about")

# Sections of a skill page. Each level is an anchor there too (#entry, #senior ...), so a level id
# may not take one of these.
SKILL_SECTIONS = ("top", "why-it-matters", "example", "interview-signal", "levels", "roles", "tools", "sources")
# Pages under skills/ that are not a skill's own page: no skill may take their name as its id.
RESERVED_SKILL_IDS = ("index", SKILLS_MATRIX.removeprefix("skills/").removesuffix(".md"))

_FIELD = re.compile(r"\{(\w+)\}")
_SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*"


def place(pattern: str, **fields: str) -> str:
    """``pattern`` filled in: ``place(ROLE_PAGE, id="api-developer")`` -> 'roles/api-developer.md'."""
    return pattern.format(**fields)


def match(pattern: str, path: str) -> dict[str, str] | None:
    """The fields of ``path`` if ``pattern`` produced it, else None: the inverse of ``place``."""
    found = _regex(pattern).fullmatch(path)
    return found.groupdict() if found else None


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    parts = _FIELD.split(pattern)  # literal, field, literal, field, ..., literal
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_SLUG})" for i, part in enumerate(parts)))


def page_url(docs_path: str) -> str:
    """A docs file's URL path from the site root, as MkDocs publishes it: 'roles/x.md' -> 'roles/x/'.

    Files other than Markdown pages keep their path: 'data/v2/roles.json'.
    """
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def docs_path(url: str) -> str:
    """The docs-relative page that publishes the URL path ``url``: '/roles/x/' -> 'roles/x.md', '/' -> 'index.md'.

    An index page and a page of the same name publish the same URL; this names the page (``x.md``), as
    the guide writes its pages, except at the root and for the indexes the guide has (``ROLES_INDEX`` ...).
    """
    path = url.strip("/")
    if not path:
        return HOME
    index = f"{path}/index.md"
    return index if index in _INDEXES else f"{path}.md"


_INDEXES = {ROLES_INDEX, SKILLS_INDEX, TOOLS_INDEX, JD_INDEX, KITS_INDEX, QUESTIONS_INDEX, OPEN_DATA}


def url_of(target: str) -> str:
    """The URL path of ``target`` from the site root: 'faq.md#x' -> 'faq/#x'."""
    path, _, anchor = target.partition("#")
    return page_url(path) + (f"#{anchor}" if anchor else "")


def absolute(site_url: str, target: str) -> str:
    """The full URL of ``target`` (a docs path with an optional '#anchor') on the site at ``site_url``."""
    return site_url.rstrip("/") + "/" + url_of(target)


def release_anchor(version: str) -> str:
    """The changelog anchor of a data release: '1.2.0' -> 'v1-2-0'."""
    return "v" + version.replace(".", "-")


@dataclass(frozen=True)
class Target:
    """A place in the guide: a docs path and an optional anchor."""

    path: str
    anchor: str | None = None

    @classmethod
    def parse(cls, target: str) -> Target:
        path, _, anchor = target.partition("#")
        return cls(path, anchor or None)


class Linker:
    """Links from the page at ``here`` (a docs-relative .md path) to other places in the guide.

    ``to()`` and the named methods give relative links, which MkDocs validates; ``absolute()``
    gives the published address on ``site_url``, for text that leaves the site (copied job
    descriptions).
    """

    def __init__(self, here: str, site_url: str = "/", today: datetime.date | None = None):
        self.here = here
        self.site_url = site_url
        self.today = today  # the build's day (SOURCE_DATE_EPOCH or today): what "is due" is measured against
        base = here.rpartition("/")[0]
        self._base = base.split("/") if base else []

    def absolute(self, target: str) -> str:
        return absolute(self.site_url, target)

    def published(self, target: str) -> str:
        """The link to ``target`` as the published page writes it ('../skills/x/#entry'), for script data.

        Markdown links are validated by MkDocs; a link a script writes into the page is not, so
        the tests resolve these against the built site.
        """
        path, _, anchor = target.partition("#")
        here = page_url(self.here) if self.here.endswith(".md") else self.here
        there = page_url(path)
        rel = posixpath.relpath("/" + there, "/" + here) if there != here else "."
        rel = "./" if rel == "." else rel + ("/" if there.endswith("/") and not rel.endswith("/") else "")
        return rel + (f"#{anchor}" if anchor else "")

    def to(self, path: str, anchor: str | None = None) -> str:
        # posixpath.relpath would ask the OS for the working directory on every link: a third of
        # the render time. Both paths are clean and docs-relative, so comparing parts is enough.
        parts = path.split("/")
        common = 0
        while common < min(len(self._base), len(parts) - 1) and parts[common] == self._base[common]:
            common += 1
        rel = "/".join([".."] * (len(self._base) - common) + parts[common:])
        return f"{rel}#{anchor}" if anchor else rel

    def target(self, target: str) -> str:
        """A link to ``target`` written as 'path.md#anchor'."""
        place_ = Target.parse(target)
        return self.to(place_.path, place_.anchor)

    def role(self, role_id: str, anchor: str | None = None) -> str:
        return self.to(place(ROLE_PAGE, id=role_id), anchor)

    def skill(self, skill_id: str, anchor: str | None = None) -> str:
        return self.to(place(SKILL_PAGE, id=skill_id), anchor)

    def tool(self, tool_id: str, anchor: str | None = None) -> str:
        return self.to(place(TOOL_PAGE, id=tool_id), anchor)

    def level(self, level_id: str) -> str:
        return self.target(place(LEVEL_ENTRY, id=level_id))

    def skill_level(self, skill_id: str, level_id: str) -> str:
        """A skill page's section for one level: what someone at that level shows of the skill."""
        return self.skill(skill_id, level_id)

    def level_step(self, lower: str, higher: str, anchor: str | None = None) -> str:
        return self.to(place(LEVEL_STEP, lower=lower, higher=higher), anchor)

    def faq(self, faq_id: str) -> str:
        return self.target(place(FAQ_ENTRY, id=faq_id))

    def source(self, source_id: str) -> str:
        return self.target(place(SOURCE_ENTRY, id=source_id))

    def tool_category(self, category_id: str) -> str:
        return self.target(place(TOOL_CATEGORY_ENTRY, id=category_id))

    def job_description(self, role_id: str, level_id: str) -> str:
        return self.to(place(JD_PAGE, role=role_id, level=level_id))

    def interview_kit(self, role_id: str, level_id: str, anchor: str | None = None) -> str:
        return self.to(place(KIT_PAGE, role=role_id, level=level_id), anchor)

    def question(self, question_id: str) -> str:
        return self.to(place(QUESTION_PAGE, id=question_id))
