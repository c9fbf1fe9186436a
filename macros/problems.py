"""Problems found in data files, reported one line each as ``file:line:col: field: message (hint)``.

Under GitHub Actions each problem is also printed as a workflow command, so a pull
request shows it on the line of the data file it is about.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TextIO


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
        return f"{self.path}:{self.line}:{self.col}: {self.field}: {self.text}"

    @property
    def text(self) -> str:
        """What is wrong, and the hint if there is one."""
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def annotation(self) -> str:
        """This problem as a GitHub Actions ``::error`` command for its file, line and column."""
        where = f"file={_property(self.path)},line={self.line},col={self.col},title={_property(self.field)}"
        return f"::error {where}::{_data(self.text)}"


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

    def annotations(self) -> str:
        """All problems as GitHub Actions workflow commands, one per line."""
        return "\n".join(p.annotation() for p in self.problems)


def print_problems(error: DataError, out: TextIO | None = None, err: TextIO | None = None) -> None:
    """Print the report for people on stderr and, under GitHub Actions, the annotations on stdout."""
    print(error.report(), file=err or sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":  # set by GitHub on every runner
        print(error.annotations(), file=out or sys.stdout, flush=True)


# GitHub's workflow commands end a value at a newline, and a property at ',' or ':'.
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def field_path(loc: tuple[str | int, ...]) -> str:
    """Turn a location such as ('skills', 'core', 2) into 'skills.core[2]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
