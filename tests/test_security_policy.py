"""The Content Security Policy: same origin only, Material's inline scripts allowed by hash, nothing blocked."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import material
import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import expect

from browser import PAGE_TYPES, page_id, search, wait_until_search_is_ready
from conftest import ROOT
from macros import content_security_policy as csp

META = 'meta[http-equiv="Content-Security-Policy"]'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in policy.split(";"))}


def test_every_built_page_allows_exactly_its_own_inline_scripts(real_site):
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) == (real_site.site / "sitemap.xml").read_text().count("<loc>") + 1  # every page, and 404.html
    for file in pages:
        url = file.relative_to(real_site.site).as_posix()
        soup = real_site.page(url)
        metas = soup.select(META)
        assert len(metas) == 1, url
        assert metas[0].find_previous_sibling() is soup.select_one("head meta[charset]"), f"{url}: policy is not first"
        policy = directives(metas[0]["content"])
        inline = [s.string or "" for s in soup.select("script:not([src])") if s.get("type") in (None, "module")]
        data_blocks = [s.string for s in soup.select("script[type='application/json'], script[type='application/ld+json']")]
        assert inline, url  # Material's storage and palette scripts, at least
        assert set(policy["script-src"]) == {"'self'", *map(sha256, inline)}, url
        assert not {sha256(d) for d in data_blocks} & set(policy["script-src"]), f"{url}: a data block needs no hash"
        assert policy["default-src"] == ["'self'"] and policy["style-src"] == ["'self'"], url


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
        assert csp.on_post_template(page, template_name="404.html", config=None) == page
    finally:
        csp.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match="the theme does not write"):
        csp.on_post_template(page, template_name="404.html", config=None)


# --- In the browser ---------------------------------------------------------------------------

# Installed before any page script runs: every violation the browser reports, as text.
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample}`));"""


@pytest.fixture
def watched(context):
    """A page that records policy violations, script errors and console errors."""
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(f"script error: {e}"))
    return page


def violations(page) -> list[str]:
    return page.evaluate("() => window.__violations")


@pytest.mark.parametrize("path", PAGE_TYPES, ids=page_id)
def test_no_page_type_breaks_its_own_policy(watched, path):
    watched.goto(path)
    wait_until_search_is_ready(watched)  # the worker, too, has run under the policy
    assert "script-src 'self' 'sha256-" in watched.locator(META).get_attribute("content")
    assert watched.evaluate("() => document.body.dataset.mdColorScheme") == "default"  # the palette script ran
    assert violations(watched) == [] and watched.errors == []


def test_policy_blocks_third_party_and_injected_inline_script(watched):
    """The check above can fail: what an attacker would add is blocked, and reported."""
    watched.goto("")
    watched.evaluate("""() => {
        const img = document.createElement('img'); img.src = 'https://third-party.invalid/pixel.png';
        const script = document.createElement('script'); script.textContent = 'window.__ran = true';
        document.body.append(img, script);
    }""")
    watched.wait_for_function("() => window.__violations.length >= 2")
    found = violations(watched)
    assert any(v.startswith("img-src blocked https://third-party.invalid/pixel.png") for v in found), found
    assert any(v.startswith("script-src-elem blocked inline") for v in found), found
    assert watched.evaluate("() => window.__ran") is None


def test_search_works_under_the_policy(watched, site_server):
    watched.goto("")
    search(watched, "kafka")
    first = watched.locator(".md-search-result__item a.md-search-result__link").first
    expect(first).to_have_attribute("href", re.compile("^" + re.escape(site_server.url("tools/kafka/"))))
    assert violations(watched) == [] and watched.errors == []
