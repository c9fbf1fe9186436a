"""The weekly external link check's offline half: where each link in ``data/`` is written, and the issue text.

lychee does the fetching, in ``.github/workflows/links.yml``; this tool never opens a connection.

- ``python -m tools.external_links list [DATA] > links.txt`` writes every distinct http(s) address
  written in the data files (resources, tool websites, sources), one per line, for lychee to check.
- ``python -m tools.external_links report LYCHEE_JSON [--links links.txt] [--run-url URL]`` reads
  lychee's ``--format json`` report and prints the Markdown body of the issue: each dead link with
  every ``file:line:col`` that writes it (from the loader's YAML positions), or, for a link in a page
  or README, the place lychee found it.

To run the check by hand: ``list`` into a file, then ``.venv/bin/lychee links.txt``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from macros.problems import field_path
from macros.yaml_source import Loc, parse_yaml

MARKER = "<!-- external-links-report -->"  # the issue body's first line: the workflow's own issue


@dataclass(frozen=True, order=True)
class Place:
    """Where a link is written: a data file (relative to the project), its 1-based line and column, the field."""

    path: str
    line: int
    col: int
    field: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class DeadLink:
    url: str
    problem: str  # what lychee saw: a status code, a network error, a timeout
    places: tuple[str, ...]  # where it is written: "data/x.yml:3:10 (field)" or "docs/x.md:4:2"


def places(data_dir: Path) -> dict[str, list[Place]]:
    """Every http(s) address written as a value in the YAML files under ``data_dir``, with where it is written."""
    data_dir = Path(data_dir)
    root = data_dir.resolve().parent
    found: dict[str, list[Place]] = {}
    for path in sorted(data_dir.rglob("*.yml")):
        if any(part.startswith(".") for part in path.relative_to(data_dir).parts):
            continue
        source = parse_yaml(path.read_text(encoding="utf-8"))
        rel = path.resolve().relative_to(root).as_posix()
        for loc, url in _links_in(source.data, ()):
            line, col = source.position(loc)
            found.setdefault(url, []).append(Place(rel, line, col, field_path(loc)))
    return found


def _links_in(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _links_in(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _links_in(item, (*loc, index))
    elif isinstance(value, str) and value.startswith(("https://", "http://")) and not any(c.isspace() for c in value):
        yield loc, value


def link_list(found: dict[str, list[Place]]) -> list[str]:
    """The addresses to check, each once, in the order of their first place (file, then line)."""
    return sorted(found, key=lambda url: min(found[url]))


def dead_links(report: dict[str, Any], found: dict[str, list[Place]], links_file: str | None = None) -> list[DeadLink]:
    """The links lychee could not reach, each with every place it is written.

    A link from ``links_file`` (the output of ``list``) is traced back to the data files that write it,
    by the line lychee read it on and, failing that, by its address; a link from any other input (a
    page, the README) keeps the place lychee found it at.
    """
    listed = link_list(found)
    by_address = {_address(url): url for url in found}
    dead: dict[str, DeadLink] = {}
    for key in ("error_map", "timeout_map"):
        for source, links in (report.get(key) or {}).items():
            from_list = links_file is not None and Path(source).name == Path(links_file).name
            for link in links:
                url = link["url"]
                line = (link.get("span") or {}).get("line")
                written = None
                if from_list and isinstance(line, int) and 0 < line <= len(listed) and _address(listed[line - 1]) == _address(url):
                    written = listed[line - 1]
                written = written or by_address.get(_address(url))
                if written is not None:
                    where = tuple(f"{place} ({place.field})" for place in sorted(found[written]))
                else:
                    span = link.get("span") or {}
                    where = (f"{source}:{span['line']}:{span['column']}" if "line" in span else source,)
                problem = "timed out" if key == "timeout_map" else _problem(link.get("status") or {})
                previous = dead.get(written or url)
                places_ = tuple(dict.fromkeys((*(previous.places if previous else ()), *where)))
                dead[written or url] = DeadLink(written or url, problem, places_)
    return sorted(dead.values(), key=lambda d: (d.places, d.url))


def issue_body(dead: list[DeadLink], run_url: str | None = None) -> str:
    """The Markdown of the one issue the workflow keeps open while links are dead."""
    count = f"{len(dead)} link{'s' if len(dead) != 1 else ''}"
    run = f" ([the run]({run_url}))" if run_url else ""
    lines = [
        MARKER,
        f"The weekly external link check could not reach {count}{run}. Each is listed with the place it is "
        "written; fix the address there (or replace the resource), and this issue is updated on the next run.",
        "",
        "| Link | Written at | What the check saw |",
        "| --- | --- | --- |",
    ]
    for link in dead:
        where = "<br>".join(f"`{_cell(place)}`" for place in link.places)
        lines.append(f"| <{link.url}> | {where} | {_cell(link.problem)} |")
    return "\n".join(lines) + "\n"


def _problem(status: dict[str, Any]) -> str:
    text = str(status.get("text") or "failed")
    code = status.get("code")
    return f"{code} {text}" if code and str(code) not in text else text


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("`", "'")


def _address(url: str) -> str:
    """``url`` as compared with lychee's: the host's case and a trailing slash make no other address."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), parts.query, ""))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.external_links", description="Where each link in data/ is written, and the issue text for dead ones.")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="print every http(s) address in the data, once each")
    listing.add_argument("data", nargs="?", default="data", type=Path)
    reporting = commands.add_parser("report", help="print the issue body for lychee's JSON report")
    reporting.add_argument("lychee_json", type=Path)
    reporting.add_argument("--data", default="data", type=Path)
    reporting.add_argument("--links", default="links.txt", help="the file `list` wrote, as lychee was given it")
    reporting.add_argument("--run-url", default=None)
    args = parser.parse_args(argv)
    found = places(args.data)
    if args.command == "list":
        print("\n".join(link_list(found)))
        return 0
    report = json.loads(args.lychee_json.read_text(encoding="utf-8"))
    dead = dead_links(report, found, args.links)
    if not dead:
        print("lychee's report lists no dead link", file=sys.stderr)
        return 1
    sys.stdout.write(issue_body(dead, args.run_url))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
