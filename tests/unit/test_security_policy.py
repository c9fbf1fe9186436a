"""The Content Security Policy's rules, on small pages: what it allows, and what fails the build."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError

from support.hooks import hook
from support.project import ROOT

csp = hook("content_security_policy")
def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in policy.split(";"))}


def test_policy_allows_nothing_from_another_origin_and_nothing_inline():
    policy = directives(csp.policy(["var a = 1"]))
    sources = [source for values in policy.values() for source in values]
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert not [s for s in sources if s.startswith(("http", "//", "*")) or s in ("https:", "http:", "blob:")]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]


MATERIAL = Path(material.__file__).parent / "templates"
THEME_SCRIPTS = csp.theme_scripts([str(ROOT / "overrides"), str(MATERIAL)])


def html_page(body: str) -> str:
    return f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'


@pytest.mark.parametrize("html, blocked", [
    ('<img src="x.png" onerror="alert(1)">', "an inline event handler <img onerror=...>"),
    ('<a href=" JavaScript:alert(1)">x</a>', 'a javascript: URL <a href=" JavaScript:alert(1)">'),
    ("<script>alert(1)</script>", "an inline script the theme does not write: <script>alert(1)"),
    ('<script>__md_scope=new URL("x",location),alert(1)</script>',  # near, but not, the theme's own
     'an inline script the theme does not write: <script>__md_scope=new URL("x",location),alert(1)'),
])
def test_build_fails_on_script_the_theme_does_not_write(html, blocked):
    with pytest.raises(PluginError) as caught:
        csp.with_policy(html_page(html), "tools/x.md", THEME_SCRIPTS)
    assert str(caught.value) == (f"tools/x.md: the Content Security Policy would block {blocked}; "
                                 "content must not carry script (is some text not escaped?)")


def test_a_theme_script_is_allowed_whatever_base_url_it_carries_but_not_with_code_smuggled_in():
    template = (MATERIAL / "partials" / "javascripts" / "base.html").read_text()
    script = re.search(r"<script>(.*?)</script>", template, re.S).group(1)
    for base_url, allowed in (("../..", True), ("/", True), ('"),alert(1),("', False)):
        filled = re.sub(r"\{\{.*?\}\}", base_url, script)
        assert any(pattern.fullmatch(filled) for pattern in THEME_SCRIPTS) is allowed, base_url
        if allowed:
            assert sha256(filled) in csp.with_policy(html_page(f"<script>{filled}</script>"), "index.md", THEME_SCRIPTS)


def test_mkdocs_serve_goes_without_a_policy_for_its_live_reload_script():
    page = html_page("<script>livereload(1, 2)</script>")
    try:
        csp.on_startup(command="serve", dirty=False)
        assert csp.on_post_template(page, template_name="404.html") == page
    finally:
        csp.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match="the theme does not write"):
        csp.on_post_template(page, template_name="404.html")
