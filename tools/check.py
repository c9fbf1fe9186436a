"""``python -m tools.check [DATA_DIR]`` (``make check``): validate the data without building the site.

Prints every problem as ``file:line:col: field: message (hint)`` and exits 1, or
prints a one-line count of what was loaded and exits 0. Under GitHub Actions the
problems are also printed as ``::error`` annotations.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.loader import load_guide
from macros.problems import DataError, print_problems
from macros.registry import REGISTRY, Registry


def main(argv: list[str], registry: Registry = REGISTRY) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        guide = load_guide(data_dir, root=Path.cwd(), registry=registry)
    except DataError as error:
        print_problems(error)
        return 1
    counts = ", ".join(f"{len(getattr(guide, c.name))} {c.name.replace('_', ' ')}" for c in guide.registry)
    print(f"{data_dir}/ is valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
