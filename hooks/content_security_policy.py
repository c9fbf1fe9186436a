"""MkDocs hook: give every page a Content Security Policy that allows this site's own resources only.

The policy is a ``<meta http-equiv="Content-Security-Policy">`` so that it travels with the
HTML to any static host. Material writes a few small inline scripts into each page (storage
helpers, the stored palette, linked tabs); they are allowed by their SHA-256 hashes, computed
here from the final HTML, never by ``'unsafe-inline'``.

A hash allows whatever script it was computed from, so only scripts the theme's own templates
write get one: an inline script from anywhere else (content that escaped its escaping) fails
the build, and so does anything the policy would block at run time (an inline event handler,
a ``javascript:`` URL).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

# Same origin only. Notes on the two exceptions to "'self' and nothing else":
# - img-src data: Material's CSS draws its icons (admonitions, lists, search) as SVG data: URLs
#   in mask-image; an image cannot run script, so data: here lets nothing execute.
# - style-src has no 'unsafe-inline': Material sets styles through element.style (CSSOM), which
#   a policy does not restrict, and our pages carry no style attribute or <style> element.
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # + the hash of each inline script on the page
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}

# A <script> whose type is none of these is a data block (application/json, application/ld+json):
# the browser never runs it, so the policy does not apply to it and it needs no hash.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)

_serving = False
_theme_scripts: list[re.Pattern] = []


def on_startup(command: str, **_: Any) -> None:
    # `mkdocs serve` injects a live-reload script whose text changes with every request, so it
    # cannot be hashed; pages served for editing go without a policy. `mkdocs build` always has one.
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _theme_scripts
    if not _serving:
        _theme_scripts = theme_scripts(config.theme.dirs)
    return config


@event_priority(-100)  # last, so that no later change to the page escapes the hashes
def on_post_page(output: str, page: Page, **_: Any) -> str:
    return output if _serving else with_policy(output, page.file.src_uri, _theme_scripts)


@event_priority(-100)
def on_post_template(output: str, template_name: str, **_: Any) -> str:
    # Theme pages outside docs/ (404.html); sitemap.xml also passes here and is not HTML.
    if _serving or not template_name.endswith(".html"):
        return output
    return with_policy(output, template_name, _theme_scripts)


def theme_scripts(template_dirs: list[str]) -> list[re.Pattern]:
    """Every inline script the theme's templates can write, as a pattern in which each Jinja
    expression stands for a plain value (no quote, bracket or backslash)."""
    patterns = []
    for template in _templates(template_dirs):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            literal_parts = re.split(r"\{\{.*?\}\}", body, flags=re.S)
            patterns.append(re.compile(r"[^\"'<>\\]*".join(map(re.escape, literal_parts))))
    return patterns


def _templates(template_dirs: list[str]) -> Iterator[Path]:
    """Every .html file under the theme's folders, less hidden folders (Material's .icons holds
    thousands of SVG files and no template: walking it was most of this hook's start-up time)."""
    for folder in template_dirs:
        for parent, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.endswith(".html"):
                    yield Path(parent, name)


def with_policy(html: str, where: str, allowed_scripts: list[re.Pattern]) -> str:
    """``html`` with the policy as the first element after its charset declaration.

    Raises ``PluginError`` naming ``where`` if the page holds an inline script that no pattern in
    ``allowed_scripts`` matches, or anything else the policy would block.
    """
    scan = _ScriptScan()
    scan.feed(html)
    scan.close()
    blocked = scan.blocked + [
        f"an inline script the theme does not write: <script>{script[:60]}"
        for script in scan.inline_scripts
        if not any(pattern.fullmatch(script) for pattern in allowed_scripts)
    ]
    if blocked:
        raise PluginError(f"{where}: the Content Security Policy would block {blocked[0]}; "
                          "content must not carry script (is some text not escaped?)")
    where_charset = _CHARSET.search(html)
    if where_charset is None:
        raise PluginError(f"{where}: no <meta charset=\"utf-8\"> to put the Content Security Policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(scan.inline_scripts)}">'
    return html[: where_charset.end()] + meta + html[where_charset.end() :]


def policy(inline_scripts: list[str]) -> str:
    """The policy text, allowing exactly these inline scripts (deduplicated, in a stable order)."""
    hashes = sorted({f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline_scripts})
    directives = {**POLICY, "script-src": [*POLICY["script-src"], *hashes]}
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class _ScriptScan(HTMLParser):
    """Collects the text of every inline script the browser would run, and anything the policy blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline_scripts: list[str] = []
        self.blocked: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.blocked.append(f"an inline event handler <{tag} {name}=...>")
            elif name in _URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.blocked.append(f"a javascript: URL <{tag} {name}=\"{value}\">")
        if tag == "script":
            attributes = dict(attrs)
            runs = (attributes.get("type") or "").strip().lower() in _SCRIPT_TYPES
            self._current = [] if runs and "src" not in attributes else None

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.inline_scripts.append("".join(self._current))
            self._current = None
