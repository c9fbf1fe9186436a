"""``python -m tools.stale_figures [--date YYYY-MM-DD] [--markdown] [DATA_DIR]``: the figures whose
publisher expected a newer edition before a date (default: today), so someone updates them.

Each is listed as ``data/figures.yml:LINE:COL: figures[i]: <id>: ...``, like every other data
problem, or, with ``--markdown``, as the body of the issue the weekly workflow opens or updates
(.github/workflows/figures-due.yml). Prints nothing and exits 0 when no figure is due; exits 1
when some are. The site shows the same figures with "a newer release is due".
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from macros.loader import load_guide
from macros.problems import DataError, print_problems
from macros.registry import FIGURES
from macros.render.pay import is_due
from macros.yaml_source import parse_yaml


@dataclass(frozen=True)
class Due:
    figure_id: str
    label: str
    reference_period: str
    next_release: datetime.date
    where: str  # data/figures.yml:12:5


def due_figures(data_dir: Path, today: datetime.date, root: Path | None = None) -> list[Due]:
    guide = load_guide(data_dir, root=root)
    path = guide.data_path + "/" + FIGURES.path
    source = parse_yaml((data_dir / FIGURES.path).read_text(encoding="utf-8"))
    index = {item["id"]: i for i, item in enumerate(source.data[FIGURES.list_key or ""])}
    found = []
    for fig in guide.figures.values():
        if is_due(fig, today):
            assert fig.next_release is not None
            line, col = source.position((FIGURES.list_key or "", index[fig.id], "next_release"))
            found.append(Due(fig.id, fig.label, fig.reference_period, fig.next_release, f"{path}:{line}:{col}"))
    return sorted(found, key=lambda d: (d.next_release, d.figure_id))


def as_lines(due: list[Due]) -> list[str]:
    return [f"{d.where}: next_release: {d.figure_id} ({d.label}, {d.reference_period}) was due by "
            f"{d.next_release.isoformat()}: read the new edition and update the figure" for d in due]


def as_markdown(due: list[Due], today: datetime.date) -> str:
    rows = [f"| `{d.figure_id}` | {d.label} | {d.reference_period} | {d.next_release.isoformat()} | `{d.where}` |" for d in due]
    return "\n".join([
        f"These figures' publishers expected a newer edition before {today.isoformat()}. For each, read the new "
        "edition in the publisher's own table, update `value`, `reference_period`, `published`, `retrieved` and "
        "`next_release` (and `verification`), and run `make test`. The site shows them as due until then.",
        "",
        "| Figure | What | Period | Due by | Where |",
        "| --- | --- | --- | --- | --- |",
        *rows,
        "",
    ])


def main(argv: list[str]) -> int:
    today = datetime.datetime.now(datetime.UTC).date()
    markdown = False
    args: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg == "--date":
            today = datetime.date.fromisoformat(next(it))
        elif arg == "--markdown":
            markdown = True
        else:
            args.append(arg)
    data_dir = Path(args[0]) if args else Path("data")
    try:
        due = due_figures(data_dir, today, root=Path.cwd())
    except DataError as error:
        print_problems(error)
        return 2
    if due:
        print(as_markdown(due, today) if markdown else "\n".join(as_lines(due)))
    return 1 if due else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
