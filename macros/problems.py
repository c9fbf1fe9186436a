"""Problems found in data files, reported one line each as ``file:line:col: field: message (hint)``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one data file, at a 1-based line and column."""

    path: str  # relative to the project root, with forward slashes: data/roles/x.yml
    line: int
    col: int
    field: str  # e.g. skills.core[2]; "(yaml)" for syntax, "(file)" for the file itself
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.field}: {self.message}{hint}"


class DataError(Exception):
    """Raised by the loader with every problem of every file, sorted by file and position."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        files = len({p.path for p in self.problems})
        super().__init__(
            f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} "
            f"in {files} data file{'s' if files != 1 else ''}"
        )

    def report(self) -> str:
        """All problems, one per line, followed by a one-line summary."""
        return "\n".join([*map(str, self.problems), f"{self}; fix them and build again."])


def field_path(loc: tuple[str | int, ...]) -> str:
    """Turn a location such as ('skills', 'core', 2) into 'skills.core[2]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
