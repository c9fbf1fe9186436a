"""Real Chromium for the browser tests: find it, launch it, and serve the built site to it.

`make test` installs Chromium when it is missing (Debian's package as root, otherwise
Playwright's build). Without a browser these tests fail and say why; they never skip.
"""

from __future__ import annotations

import os

from axe_playwright_python.base import AXE_SCRIPT  # axe-core's axe.min.js, as the package ships it
from playwright.sync_api import expect

from tools.static_server import GzipServer

# Debian's Chromium as root in a sandboxed machine: no sandbox, and no background traffic to
# Google's hosts (this machine's closed network refuses it, and no test may need the network).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEBIAN_CHROMIUM = "/usr/bin/chromium"


def chromium_executable() -> str | None:
    """GUIDE_CHROMIUM if set, else Debian's Chromium if present, else None (Playwright's own build)."""
    explicit = os.environ.get("GUIDE_CHROMIUM")
    if explicit:
        return explicit
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None


NO_BROWSER = (
    "No Chromium for the browser tests ({error}). `make test` installs one: Debian's chromium "
    "when run as root, otherwise `python -m playwright install chromium`. Or point GUIDE_CHROMIUM "
    "at a Chromium binary."
)


# The built site on 127.0.0.1 and a free port, served as a static host serves it (gzip, cache
# headers): the same server `make bench` measures page weight and Lighthouse with.
SiteServer = GzipServer


# One page of every kind a reader meets, as URL paths of the built site. The browser,
# accessibility and security tests run on each: a new kind of page is one more line here.
PAGE_TYPES = [
    "",  # home
    "roles/",
    "skills/",
    "tools/",
    "roles/api-developer/",
    "skills/api-design/",
    "tools/postgresql/",
    "levels/",
    "pay/",
    "levels/senior-to-staff/",  # a level-to-level page
    "skills/matrix/",
    "self-assessment/",
    "faq/",
    "job-descriptions/",  # the index and the builder
    "job-descriptions/api-developer/senior/",
    "interview-kits/",  # the kits' index, the loops and what every kit carries
    "interview-kits/api-developer/senior/",
    "interview-questions/",
    "interview-questions/design-idempotent-payment-endpoint/",
    "backend-development/",
    "education/",
    "job-market/",
    "hiring/",
    "about/",
    "sources/",
    "open-data/",
    "open-data/changelog/",
    "404.html",
]


# Material sends each search query to a worker and shows each answer as it arrives, so while a
# reader types, the answer to the first letters shows first. The worker answers every message
# with one message; counting both tells a test when the results answer all that was typed.
COUNT_SEARCH_MESSAGES = """(() => {
    const NativeWorker = window.Worker;
    window.__search = {asked: 0, answered: 0};
    window.Worker = function (...args) {
        const worker = new NativeWorker(...args);
        const post = worker.postMessage.bind(worker);
        worker.postMessage = (...message) => { window.__search.asked++; post(...message); };
        worker.addEventListener("message", () => window.__search.answered++);
        return worker;
    };
})();"""


def wait_until_search_is_ready(page) -> None:
    """Open search as a reader does ("/"), which loads it (docs/javascripts/search-on-demand.js), and wait
    until the page's search worker has the index (it answers "ready")."""
    page.keyboard.press("/")
    page.wait_for_function("() => __search.answered > 0")


def search(page, query: str) -> None:
    """Search as a reader does, pressing "/" anywhere and typing; return once the results answer all of it.

    The page's context must have COUNT_SEARCH_MESSAGES as an init script (the ``context`` fixture does).
    """
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(query)
    page.wait_for_function("() => __search.asked > 0 && __search.answered === __search.asked")


def page_id(path: str) -> str:
    """A readable test id for a page path."""
    return path.strip("/") or "home"


# --- axe-core -------------------------------------------------------------------------------

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules that Material's defaults broke and our overrides fixed: they stay fixed.
ALSO = ["aria-dialog-name"]


def axe_violations(page) -> list[str]:
    """What axe-core reports on the page as it stands, one line per rule with the elements it failed."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")  # colours settle
    page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "rules": {rule: {"enabled": True} for rule in ALSO},
               "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    return [f"{v['id']} ({v['impact']}): {v['help']}: " + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in results["violations"]]
