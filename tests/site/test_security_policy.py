"""The Content Security Policy on every built page: first in <head>, allowing exactly that page's inline scripts."""

from __future__ import annotations

import base64
import hashlib

META = 'meta[http-equiv="Content-Security-Policy"]'


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in policy.split(";"))}


def redirect_stub(soup) -> bool:
    """A page the redirects plugin writes for a declared move: a meta refresh, not a page of the guide."""
    return soup.select_one('meta[http-equiv="refresh"]') is not None


def test_every_built_page_allows_exactly_its_own_inline_scripts(real_site):
    pages = [f for f in sorted(real_site.site.rglob("*.html"))
             if not redirect_stub(real_site.parsed(f.relative_to(real_site.site).as_posix()))]
    assert len(pages) == (real_site.site / "sitemap.xml").read_text().count("<loc>") + 1  # every page, and 404.html
    for file in pages:
        url = file.relative_to(real_site.site).as_posix()
        soup = real_site.parsed(url)
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
