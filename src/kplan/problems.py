"""Source locations and the problems found in sources, reported as `file:line:column: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Loc:
    """Where a node stands in the sources: a path relative to the project root, 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the sources: where, what, and what to do about it."""

    loc: Loc
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.loc}: {self.severity}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class SourceError(Exception):
    """The sources cannot be read into a model; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the sources")
        self.problems = sorted(problems, key=lambda p: p.loc)


class Collector:
    """Gathers problems during a load so that one run reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, loc: Loc, message: str, hint: str = "") -> None:
        self.problems.append(Problem(loc, message, hint))

    def warn(self, loc: Loc, message: str, hint: str = "") -> None:
        """Something the load left out or changed on purpose: reported, but the sources stay readable."""
        self.warnings.append(Problem(loc, message, hint, severity="warning"))

    def raise_if_any(self) -> None:
        if self.problems:
            raise SourceError(self.problems)
