"""Turning data strings into safe Markdown, and linking pages to each other.

Every string from ``data/`` is text. ``md()`` backslash-escapes every ASCII punctuation
character; with ``pymdownx.escapeall`` each escape renders as the literal character, so
no data string can open a tag, a link, an admonition, a fence, an emoji or a Jinja
expression. Links are written to ``.md`` files, relative to the current page, so MkDocs
resolves and validates every one of them in a strict build.
"""

from __future__ import annotations

import posixpath
import re

_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # every ASCII punctuation character


def _backslashed(match: re.Match) -> str:
    # A function, not the template r"\\\1": Python 3.11 expands a template for every
    # match in pure Python, which made escaping 2.5x slower than this.
    return "\\" + match.group()


def md(text: str) -> str:
    """Inline Markdown that shows ``text`` literally."""
    return _PUNCTUATION.sub(_backslashed, text)


def md_paragraphs(text: str, indent: str = "") -> str:
    """Blank-line-separated paragraphs (as the models store prose), each escaped."""
    return "\n\n".join(indent + md(p) for p in text.split("\n\n"))


def link(text: str, target: str) -> str:
    """A Markdown link with escaped text to a target built by ``Linker``."""
    return f"[{md(text)}]({target})"


def external_link(text: str, url: str) -> str:
    """A link to an https:// URL that the models have already validated."""
    return f"[{md(text)}](<{url}>)"


def full_stop(last_words: str) -> str:
    """The full stop to put after ``last_words``: none if they already end a sentence ('...Developer?')."""
    return "" if last_words.rstrip().endswith((".", "?", "!")) else "."


class Linker:
    """Relative links from the page at ``here`` (a docs-relative .md path) to other pages."""

    def __init__(self, here: str):
        base = posixpath.dirname(here)
        self._base = base.split("/") if base else []

    def to(self, path: str, anchor: str | None = None) -> str:
        # posixpath.relpath would ask the OS for the working directory on every link: a third of
        # the render time. Both paths are clean and docs-relative, so comparing parts is enough.
        parts = path.split("/")
        common = 0
        while common < min(len(self._base), len(parts) - 1) and parts[common] == self._base[common]:
            common += 1
        rel = "/".join([".."] * (len(self._base) - common) + parts[common:])
        return f"{rel}#{anchor}" if anchor else rel

    def role(self, role_id: str, anchor: str | None = None) -> str:
        return self.to(f"roles/{role_id}.md", anchor)

    def skill(self, skill_id: str) -> str:
        return self.to(f"skills/{skill_id}.md")

    def tool(self, tool_id: str) -> str:
        return self.to(f"tools/{tool_id}.md")

    def level(self, level_id: str) -> str:
        return self.to("levels.md", level_id)

    def faq(self, faq_id: str) -> str:
        return self.to("faq.md", faq_id)

    def source(self, source_id: str) -> str:
        return self.to("sources.md", source_id)

    def tool_category(self, category_id: str) -> str:
        return self.to("tools/index.md", category_id)


def page_url(docs_path: str) -> str:
    """A docs file's URL path from the site root, as MkDocs publishes it: 'roles/x.md' -> 'roles/x/'.

    Files other than Markdown pages keep their path: 'data/v1/roles.json'.
    """
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


# Where each generated page lives, relative to docs/; the URL contract follows from these.
ENTITY_PAGES = {"roles": "roles/{}.md", "skills": "skills/{}.md", "tools": "tools/{}.md"}


def heading(level: int, text: str, anchor: str, former: list[str] | tuple[str, ...] = (), *, searchable: bool = True) -> str:
    """A heading whose id is fixed by data, never derived from its text.

    ``former`` ids (validated slugs) become empty anchors inside the heading, so a link
    published before a rename still lands on it. ``searchable=False`` leaves the section out
    of the search index: for a section of links whose text (names, summaries) the linked
    pages hold and the index already has.
    """
    aliases = "".join(f'<span id="{old}"></span>' for old in former)
    return f"{'#' * level} {aliases}{md(text)} {{ #{anchor}{'' if searchable else ' data-search-exclude'} }}"
