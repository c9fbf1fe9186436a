"""Lighthouse scores for every page type: npm's `lighthouse` (pinned in bench/package.json) in Debian's Chromium.

Mobile profile (Lighthouse's default: Moto G Power screen, simulated slow 4G and 4x CPU
slowdown), the site served with gzip on 127.0.0.1. Each page runs ``runs`` times; a
category's figure is the median of its scores. Audits that cost points are listed by id,
so a score below 100 says why.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from tools.static_server import GzipServer

BENCH = Path(__file__).resolve().parent
CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join([
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
])
CHROMIUM = "/usr/bin/chromium"


class LighthouseMissing(RuntimeError):
    pass


def version() -> str:
    package = BENCH / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else "not installed"


def _run_once(url: str, out: Path) -> dict:
    cmd = ["node", str(CLI), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{proc.stdout}{proc.stderr}")
    return json.loads(out.read_text())


def _failing_audits(report: dict, category: str) -> list[dict]:
    """The scored audits of a category that did not get full marks."""
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            failing.append({"id": ref["id"], "title": audit["title"], "score": audit["score"],
                            "display": audit.get("displayValue", "")})
    return failing


def measure(site: Path, pages: dict[str, str], runs: int) -> dict:
    if not CLI.exists():
        raise LighthouseMissing(f"{CLI} is missing: run `npm ci --prefix bench` (make bench does)")
    result: dict = {"version": version(), "runs": runs, "form_factor": "mobile", "pages": {}}
    with GzipServer(site) as server, tempfile.TemporaryDirectory() as tmp:
        for name, path in pages.items():
            reports = [_run_once(server.url(path), Path(tmp) / f"{name}-{i}.json") for i in range(runs)]
            scores = {c: [round(r["categories"][c]["score"] * 100) for r in reports] for c in CATEGORIES}
            last = reports[-1]
            result["pages"][name] = {
                "path": path,
                "scores": {c: statistics.median(v) for c, v in scores.items()},
                # Everything the page downloaded while Lighthouse watched, as transferred (headers included).
                "total_byte_weight": statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports),
                "all_scores": scores,
                "failing": {c: _failing_audits(last, c) for c in CATEGORIES if _failing_audits(last, c)},
                "metrics": {m: last["audits"][m].get("numericValue") for m in
                            ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                             "cumulative-layout-shift", "speed-index", "total-byte-weight")},
                "lighthouse_warnings": last.get("runWarnings", []),
            }
    return result
