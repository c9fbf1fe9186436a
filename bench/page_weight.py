"""Page weight: what a real Chromium downloads for a first visit to each page, gzip on the wire.

Each page opens in a fresh browser profile (empty cache) from the gzip server; every
request the page and its workers make is recorded with Playwright, waiting until the
network has been idle. That is the first load: what a reader downloads who only reads.
Then the reader opens search (the "/" key), and what that adds (the search worker and its
index, fetched on demand) is counted apart. Bytes are the encoded (transferred) response
bodies, split by what they are: HTML, CSS, JS and other (the search index, images, fonts,
web manifest).
"""

from __future__ import annotations

import gzip
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from tools.static_server import GzipServer

SEARCH_INDEX = "search/search_index.json"
KINDS = ("html", "css", "js", "other")
# Debian's Chromium as root in a closed network: see tests/browser.py.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHROMIUM = "/usr/bin/chromium"


def _kind(url: str, resource_type: str) -> str:
    suffix = PurePosixPath(urlsplit(url).path).suffix
    if resource_type == "document" or suffix == ".html" or urlsplit(url).path.endswith("/"):
        return "html"
    if resource_type == "stylesheet" or suffix == ".css":
        return "css"
    if resource_type == "script" or suffix in (".js", ".mjs"):
        return "js"
    return "other"


def measure(site: Path, pages: dict[str, str], chromium: str | None = CHROMIUM) -> dict:
    """Bytes transferred per page type, and the search index raw and gzip."""
    from playwright.sync_api import sync_playwright

    index = (site / SEARCH_INDEX).read_bytes()
    result: dict = {
        "search_index": {"bytes": len(index), "gzip_bytes": len(gzip.compress(index, compresslevel=6, mtime=0))},
        "pages": {},
    }
    with GzipServer(site) as server, sync_playwright() as playwright:
        executable = chromium if chromium and Path(chromium).exists() else None
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for name, path in pages.items():
                result["pages"][name] = _one_page(browser, server.url(path), path)
        finally:
            browser.close()
    return result


def _one_page(browser, url: str, path: str) -> dict:
    context = browser.new_context()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        first_load = len(finished)
        # Then open search as a reader does; the index is fetched now if it was not already.
        if not any(r.url.endswith(SEARCH_INDEX) for r in finished):
            with page.expect_response(lambda r: r.url.endswith(SEARCH_INDEX), timeout=30_000):
                page.keyboard.press("/")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # the worker's own script request, if it starts after the index
        resources = []
        for position, request in enumerate(list(finished)):
            response = request.response()
            if response is None:
                continue
            encoding = response.headers.get("content-encoding") or "identity"
            size = request.sizes()["responseBodySize"]
            if size == 0 and response.status == 200:
                # Chromium reports no size for a worker's script; count what the server sent for it.
                body = response.body()
                size = len(gzip.compress(body, compresslevel=6, mtime=0)) if encoding == "gzip" else len(body)
            resources.append({
                "url": urlsplit(request.url).path,
                "kind": _kind(request.url, request.resource_type),
                "status": response.status,
                "encoding": encoding,
                "bytes": size,
                "first_load": position < first_load,
            })
    finally:
        context.close()
    loaded = [r for r in resources if r["first_load"]]
    totals = {kind: sum(r["bytes"] for r in loaded if r["kind"] == kind) for kind in KINDS}
    return {
        "path": path,
        "requests": len(loaded),
        **totals,
        "total": sum(totals.values()),
        "on_search": sum(r["bytes"] for r in resources if not r["first_load"]),
        "resources": sorted(resources, key=lambda r: (not r["first_load"], KINDS.index(r["kind"]), r["url"])),
    }
