"""MkDocs hook: a "copy link" button beside every heading's permalink, giving the full URL with its anchor.

Recruiters paste these links into job posts, so the button copies the published (canonical)
address, not whatever host the reader is on. Copying is done by Material's own clipboard
handler, which acts on any element with ``data-clipboard-text`` and shows its "Copied"
notice; without JavaScript the buttons are hidden (guide.css) and the ¶ permalink remains.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# toc's permalink, as configured in mkdocs.yml (permalink: true, permalink_title below). Other attributes
# may come before the id (data-search-exclude on sections of links).
_HEADING = re.compile(
    r'(?P<open><h(?P<level>[1-6])(?: [^>]*?)? id="(?P<id>[^"]+)"[^>]*>)(?P<inner>.*?)'
    r'(?P<permalink><a class="headerlink" href="#(?P=id)" title="Link to this section">&para;</a>)(?=</h(?P=level)>)',
    re.DOTALL,
)
_TAGS = re.compile(r"<[^>]+>")


def on_page_content(content: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    base = page.canonical_url or (config.site_url or "/") + page.url

    def add_button(match: re.Match) -> str:
        anchor = match["id"]
        url = base if match["level"] == "1" else f"{base}#{anchor}"
        name = html.unescape(_TAGS.sub("", match["inner"])).strip()
        label = f"Copy link to “{name}”" if match["level"] != "1" else f"Copy link to this page: {name}"
        button = (
            f'<button type="button" class="md-clipboard guide-copy-link" data-clipboard-text="{html.escape(url)}" '
            f'title="Copy link" aria-label="{html.escape(label)}"></button>'
        )
        return match.group(0) + button

    return _HEADING.sub(add_button, content)
