"""Budgets, and bench/results.md from the measurements: every figure next to its budget."""

from __future__ import annotations

from pathlib import Path

# The budgets of the design card (ARCHITECTURE.md names it), in one place.
INJECTION_RATIO = 1.10  # macros build / plain-Markdown build
FLAT = 0.20  # per-page build time and HTML size may change at most this much from 10x to 100x
SERVE_SECONDS = 2.0  # save a data file -> rebuilt page served
LIGHTHOUSE = 100  # every category, every page type
FIRST_LOAD_KIB = 90  # what a first visit downloads before the reader does anything, every page type
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def verdicts(results: dict) -> list[dict]:
    """One row per budgeted figure: what was measured, the budget, and whether it holds (None: not measured)."""
    sections = results["sections"]
    rows: list[dict] = []

    def row(figure, value, budget, ok):
        rows.append({"figure": figure, "value": value, "budget": budget, "ok": ok})

    for size in sections.get("injection", {}).get("sizes", []):
        what = "real guide" if size["factor"] == 1 else f"synthetic {size['factor']}x"
        for key, label in (("ratio", "wall median"), ("cpu_ratio", "CPU median")):
            row(f"Data-injection overhead ({what}): macros build / plain build, {label}", f"{size[key]:.3f}",
                f"<= {INJECTION_RATIO:.2f}", size[key] <= INJECTION_RATIO)
    injection = sections.get("injection", {})
    if "marginal_cpu_ratio" in injection:
        row("Data-injection overhead per added page (start-up costs cancelled), CPU", f"{injection['marginal_cpu_ratio']:.3f}",
            f"<= {INJECTION_RATIO:.2f}", injection["marginal_cpu_ratio"] <= INJECTION_RATIO)
    change = sections.get("scaling", {}).get("change_10x_to_100x")
    if change:
        for key, label in (("seconds_per_page", "Build time per page, wall"),
                           ("cpu_seconds_per_page", "Build time per page, CPU"),
                           ("html_bytes_per_entity_page", "HTML bytes per entity page")):
            row(f"{label}: change from 10x to 100x", f"{change[key]:+.1%}", f"within +-{FLAT:.0%}", abs(change[key]) <= FLAT)
    serve = sections.get("serve", {})
    if "median" in serve:
        row("Serve loop: save a data file -> rebuilt page served, median", f"{serve['median']:.2f} s",
            f"<= {SERVE_SECONDS:.0f} s", serve["median"] <= SERVE_SECONDS)
    for name, page in sections.get("weight", {}).get("pages", {}).items():
        row(f"First load, {name} ({page['path']}): bytes on the wire (Playwright)", f"{page['total'] / 1024:.1f} KiB",
            f"<= {FIRST_LOAD_KIB} KiB", page["total"] <= FIRST_LOAD_KIB * 1024)
    for name, page in sections.get("lighthouse", {}).get("pages", {}).items():
        if "total_byte_weight" in page:
            weight = page["total_byte_weight"]
            row(f"First load, {name} ({page['path']}): Lighthouse total byte weight", f"{weight / 1024:.1f} KiB",
                f"<= {FIRST_LOAD_KIB} KiB", weight <= FIRST_LOAD_KIB * 1024)
    for name, page in sections.get("lighthouse", {}).get("pages", {}).items():
        scores = page["scores"]
        row(f"Lighthouse {name} ({page['path']}): perf / a11y / best practices / SEO",
            " / ".join(f"{scores[c]:.0f}" for c in CATEGORIES), "100 / 100 / 100 / 100",
            all(scores[c] >= LIGHTHOUSE for c in CATEGORIES))
    return rows


def _mark(ok) -> str:
    return {True: "✅ within", False: "❌ over", None: "not measured"}[ok]


def _s(x: float) -> str:
    return f"{x:.2f}"


def _kb(n: float) -> str:
    return f"{n / 1000:,.1f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows), ""]


def markdown(results: dict, *, fixes: Path | None = None) -> str:
    m = results["machine"]
    settings = results["settings"]
    sections = results["sections"]
    out = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m bench.run`) on {m['date']} at commit `{m['commit']}`."
        + (" **Quick run** (the scripts' smoke test): not for comparison." if settings["quick"] else ""),
        "How each figure is measured, and what grows with what: [README.md](README.md).",
        "",
        "## Machine",
        "",
        *_table(["what", "value"], [
            ["CPU", f"{m['cores']} cores, {m['cpu']}"],
            ["memory", f"{m['memory_gib']} GiB"],
            ["OS", m["os"]],
            ["Python", m["python"]],
            ["packages", ", ".join(f"{k} {v}" for k, v in m["packages"].items())],
            ["browser", f"{m['chromium']}; Node {m['node']}; Lighthouse {m['lighthouse']}"],
            ["load average (1, 5, 15 min)", f"start {results['load_average']['start']}, end {results['load_average']['end']}"],
            ["settings", ", ".join(f"{k}: {v}" for k, v in settings.items())],
        ]),
        "The machine is shared: a load average above the core count means other work competed for",
        "the CPU while this ran. Wall times are then inflated; CPU times (user + system of the build",
        "process) much less so. Each section records its own load average below.",
        "",
        "## Budgets",
        "",
        *_table(["figure", "measured", "budget", "verdict"],
                [[r["figure"], r["value"], r["budget"], _mark(r["ok"])] for r in results["budgets"]]),
    ]
    for name in ("build", "injection", "scaling", "serve", "weight", "lighthouse"):
        section = sections.get(name)
        title = {"build": "Build time of the real guide", "injection": "Data-injection overhead",
                 "scaling": "Scaling with synthetic data", "serve": "Serve loop",
                 "weight": "Page weight (first visit, gzip on the wire)", "lighthouse": "Lighthouse (mobile)"}[name]
        out += [f"## {title}", ""]
        if section is None:
            out += ["Not measured in this run.", ""]
            continue
        if "error" in section:
            out += ["**Failed:**", "", "```", section["error"].rstrip(), "```", ""]
            continue
        out += globals()[f"_{name}"](section)
        load = section["load_average"]
        out += [f"Load average before {load['before']}, after {load['after']}; the section took {section['seconds']} s.", ""]
    if fixes and fixes.exists():
        out += [fixes.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(out)


def _timing_row(label: str, t: dict) -> list[str]:
    return [label, str(t["runs"]), _s(t["median"]), _s(t["min"]), _s(t["max"]), _s(t["cpu_median"]), _s(t["cpu_min"]), _s(t["cpu_max"])]


TIMING_HEADER = ["build", "runs", "wall median s", "min", "max", "CPU median s", "min", "max"]


def _build(s: dict) -> list[str]:
    return [
        f"`mkdocs build --strict` of the real guide ({s['pages']} pages) in a fresh process each time.",
        "Cold: no site folder and no `__pycache__` of our Python (macros/, the hook). Warm: again into",
        "the site folder the cold run left, bytecode in place. Runs alternate cold, warm, cold, ...",
        "",
        *_table(TIMING_HEADER, [_timing_row("cold", s["cold"]), _timing_row("warm", s["warm"])]),
    ]


def _injection(s: dict) -> list[str]:
    out = [
        "The same pages pre-rendered to plain Markdown through the real renderers (captured after every",
        "`on_page_markdown`), built with the same config less mkdocs-macros and the hooks that inject",
        "data (page generator, JSON-LD); hooks that treat every page alike (Content Security Policy,",
        "copy-link buttons, page dates) run in both. Builds alternate; both warm, into an empty site",
        "folder. 1x is the real guide; larger sizes use the synthetic data of the scaling benchmark.",
        "",
    ]
    rows = []
    for size in s["sizes"]:
        name = f"{size['factor']}x, {size['pages']} pages"
        rows += [_timing_row(f"{name}, with macros and hooks", size["macros"]), _timing_row(f"{name}, plain Markdown", size["plain"])]
    out += _table(TIMING_HEADER, rows)
    out += [f"- {size['factor']}x: ratio of medians **{size['ratio']:.3f}** wall, **{size['cpu_ratio']:.3f}** CPU "
            f"(plain build wrote {size['plain_pages_built']} of {size['pages']} pages)" for size in s["sizes"]]
    if "marginal_cpu_ratio" in s:
        out.append(f"- Per added page, from {s['sizes'][0]['factor']}x to {s['sizes'][-1]['factor']}x (fixed start-up costs "
                   f"cancel out): **{s['marginal_ratio']:.3f}** wall, **{s['marginal_cpu_ratio']:.3f}** CPU")
    return [*out, f"- Budget: <= {INJECTION_RATIO:.2f}.", ""]


def _scaling(s: dict) -> list[str]:
    rows = []
    for size in s["sizes"]:
        e = size["entities"]
        rows.append([
            f"{size['factor']}x", f"{e['roles']} / {e['skills']} / {e['tools']} / {e['faqs']}", str(size["pages"]),
            f"{size['build']['runs']}", _s(size["build"]["median"]), f"{size['seconds_per_page'] * 1000:.1f}",
            f"{size['cpu_seconds_per_page'] * 1000:.1f}", f"{size['html_bytes_per_entity_page']:,.0f}",
            f"{size['html_bytes_followed_page']:,}", f"{size['html_bytes_largest_page']:,}",
            _kb(size["search_index_bytes"]), _kb(size["search_index_gzip_bytes"]),
        ])
    out = [
        "Synthetic data (bench/synthetic.py) at each size passes the real loader. Build: median of the runs.",
        "",
        *_table(["size", "roles / skills / tools / FAQs", "pages", "runs", "build wall s", "ms per page (wall)",
                 "ms per page (CPU)", "HTML bytes per entity page (mean)", "bytes of /roles/api-developer/",
                 "largest page bytes", "search index kB", "search index kB gzip"], rows),
    ]
    change = s.get("change_10x_to_100x")
    if change:
        out += [
            f"From 10x to 100x: wall time per page {change['seconds_per_page']:+.1%}, CPU time per page "
            f"{change['cpu_seconds_per_page']:+.1%}, HTML per entity page {change['html_bytes_per_entity_page']:+.1%}, "
            f"the same page {change['html_bytes_followed_page']:+.1%} (budget: within +-{FLAT:.0%}).",
            f"Marginal cost of one more page between 10x and 100x: {s['marginal_seconds_per_page'] * 1000:.1f} ms wall, "
            f"{s['marginal_cpu_seconds_per_page'] * 1000:.1f} ms CPU (free of fixed start-up costs).",
            "",
        ]
    return out


def _serve(s: dict) -> list[str]:
    return [
        f"`mkdocs serve` of a copy of the guide; {s['rounds']} saves of `{s['edited']}`, each timed until",
        f"`{s['page']}` is served with the new text (polled every 20 ms).",
        "",
        *_table(["figure", "median", "min", "max"], [
            ["save -> page served, s", _s(s["median"]), _s(s["min"]), _s(s["max"])],
            ["MkDocs' own rebuild time, s", *((_s(s["rebuild_median"]), _s(min(s["rebuild_all"])), _s(max(s["rebuild_all"])))
                                              if s["rebuild_all"] else ("not logged",) * 3)],
            ["CPU seconds of the server per save", _s(s["cpu_median"]), _s(min(s["cpu_all"])), _s(max(s["cpu_all"]))],
        ]),
    ]


def _weight(s: dict) -> list[str]:
    rows = [[name, p["path"], str(p["requests"]), _kb(p["html"]), _kb(p["css"]), _kb(p["js"]), _kb(p["other"]), _kb(p["total"]),
             f"{p['total'] / 1024:.1f}", _kb(p.get("on_search", 0))]
            for name, p in s["pages"].items()]
    index = s["search_index"]
    first = next(iter(s["pages"].values()), None)
    out = [
        "Every request a fresh Chromium profile makes to show the page (Playwright's request list), until",
        "the network is idle, bytes as transferred from the gzip server (kB = 1000 bytes, KiB = 1024).",
        "Then the reader opens search (\"/\"): \"on search\" is what that adds, the search worker and",
        "its index when they load on demand (nothing, if the first load already fetched them).",
        "",
        *_table(["page", "path", "requests", "HTML", "CSS", "JS", "other", "total kB", "total KiB", "on search kB"], rows),
        f"Search index: {_kb(index['bytes'])} kB raw, {_kb(index['gzip_bytes'])} kB gzip.",
        "",
    ]
    if first:
        out += ["Requests of the first page:", "",
                *_table(["resource", "kind", "encoding", "bytes", "when"],
                        [[r["url"], r["kind"], r["encoding"], f"{r['bytes']:,}",
                          "first load" if r.get("first_load", True) else "on search"] for r in first["resources"]])]
    return out


def _lighthouse(s: dict) -> list[str]:
    rows = [[name, p["path"], *(f"{p['scores'][c]:.0f}" for c in CATEGORIES),
             f"{p['metrics']['first-contentful-paint']:.0f}", f"{p['metrics']['largest-contentful-paint']:.0f}",
             f"{p['metrics']['total-blocking-time']:.0f}",
             f"{p['total_byte_weight'] / 1024:.1f}" if "total_byte_weight" in p else "not measured"]
            for name, p in s["pages"].items()]
    out = [
        f"npm lighthouse {s['version']}, {s['form_factor']} profile, median of {s['runs']} run(s) per page, Debian's",
        "Chromium headless, the site served with gzip on 127.0.0.1.",
        "",
        *_table(["page", "path", "performance", "accessibility", "best practices", "SEO", "FCP ms", "LCP ms", "TBT ms",
                  "total byte weight KiB"], rows),
    ]
    failing: dict[tuple[str, str], list[str]] = {}
    for name, page in s["pages"].items():
        for category, audits in page["failing"].items():
            for audit in audits:
                failing.setdefault((category, f"`{audit['id']}`: {audit['title']}"), []).append(name)
    if failing:
        out += ["Audits that cost points (last run of each page):", ""]
        out += [f"- {category}: {audit} ({', '.join(names)})" for (category, audit), names in sorted(failing.items())]
        out.append("")
    return out
