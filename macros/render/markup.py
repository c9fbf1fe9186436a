"""Turning data strings into safe Markdown, and linking pages to each other.

Every string from ``data/`` is text. ``md()`` backslash-escapes every ASCII punctuation
character; with ``pymdownx.escapeall`` each escape renders as the literal character, so
no data string can open a tag, a link, an admonition, a fence, an emoji or a Jinja
expression. Links are written by ``urls.Linker`` to ``.md`` files, relative to the current
page, so MkDocs resolves and validates every one of them in a strict build.
"""

from __future__ import annotations

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


def heading(level: int, text: str, anchor: str, former: list[str] | tuple[str, ...] = (), *, searchable: bool = True,
            listed: bool = True) -> str:
    """A heading whose id is fixed by data, never derived from its text.

    ``former`` ids (validated slugs) become empty anchors inside the heading, so a link
    published before a rename still lands on it. ``searchable=False`` leaves the section out
    of the search index: for a section of links whose text (names, summaries) the linked
    pages hold and the index already has. ``listed=False`` keeps the anchor out of the link contract
    (``tools/link_contract.py``): for a section that comes and goes with a computed choice, such as a kit's
    questions, whose permanent address is elsewhere.
    """
    aliases = "".join(f'<span id="{old}"></span>' for old in former)
    flags = ("" if searchable else " data-search-exclude") + ("" if listed else " data-unlisted")
    return f"{'#' * level} {aliases}{md(text)} {{ #{anchor}{flags} }}"
