"""MkDocs hook: a heading without an explicit ``{ #id }`` fails the build.

Anchors are part of the URL contract (``macros/urls.py``): a recruiter's link to
``/roles/api-developer/#responsibilities`` must survive any edit to the heading's words.
Python-Markdown's toc extension calls ``slugify`` only for a heading that has no explicit
id, so making ``slugify`` raise turns every such heading into an error naming it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.mdx_configs.setdefault("toc", {})["slugify"] = require_explicit_id
    return config


def require_explicit_id(text: str, separator: str) -> str:  # noqa: ARG001 (toc calls slugify with both)
    raise PluginError(f"heading '{text}' has no explicit id: write it as '## {text} {{ #some-id }}'")
