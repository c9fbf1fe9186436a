"""MkDocs hook: on pages meant to be printed, every link carries its full address for the print stylesheet.

A job description or an interview kit is printed, or saved as PDF with the browser's print, and
handed to people who cannot click. The print stylesheet (``guide.css``, ``@media print``) writes
each link's address after it from ``data-print-url``. The address is worked out here, at build
time, from the page's canonical URL, because CSS can only print an ``href`` as written, and the
pages' links are relative. No script is involved, so it works with JavaScript off.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin

import _project  # noqa: F401 (the project root on sys.path)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from macros import urls

PRINTED = (urls.JD_PAGE, urls.KIT_PAGE)  # the pages a reader prints: every role and level of each
_LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<href>[^"#][^"]*)"(?P<after>[^>]*)>')


def is_printed(src_uri: str) -> bool:
    return any(urls.match(pattern, src_uri) for pattern in PRINTED)


def on_page_content(content: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if not is_printed(page.file.src_uri):
        return content
    base = page.canonical_url or (config.site_url or "/") + page.url

    def with_address(match: re.Match) -> str:
        if "data-print-url" in match.group(0):
            return match.group(0)
        address = urljoin(base, html.unescape(match["href"]))
        return f'<a {match["before"]}href="{match["href"]}" data-print-url="{html.escape(address)}"{match["after"]}>'

    return _LINK.sub(with_address, content)
