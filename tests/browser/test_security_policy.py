"""The Content Security Policy in real Chromium: no page type breaks it, and it blocks what an attacker adds."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support.browser import PAGE_TYPES, page_id, search, wait_until_search_is_ready

META = 'meta[http-equiv="Content-Security-Policy"]'


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
