"""Source locations and diagnostics: the one shape every command uses to say what is wrong, and where.

A diagnostic has a stable code (`load.unknown-key`, `lint.old-kanji` …), a severity, a location, a message and a
hint. Tests assert codes, never wording. `Outcome` maps what a command found to its exit code, in one place.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

# C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder what a terminal shows
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters (ESC, NUL, bidi overrides …) written as escapes (\\x1b)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """A value from the sources quoted for a message: 「text」, control characters escaped."""
    return f"「{printable(text)}」"


@dataclass(frozen=True, order=True)
class Loc:
    """Where a node stands in the sources: a path relative to the project root, 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """One thing wrong with the sources or the run: where, what, what to do, and a stable code."""

    loc: Loc
    message: str
    hint: str = ""
    severity: str = Severity.ERROR
    code: str = "load.invalid"

    def __str__(self) -> str:
        text = f"{printable(str(self.loc))}: {self.severity} {self.code}: {printable(self.message)}"
        return f"{text} (hint: {printable(self.hint)})" if self.hint else text


class Exit(enum.IntEnum):
    """Exit codes, the same for every command."""

    OK = 0
    FINDINGS = 1  # lint errors (or warnings with --strict), differences, files fmt would change
    UNREADABLE = 2  # sources that cannot be read, outputs that cannot be written, bad arguments
    INTERRUPTED = 130


class DiagnosticError(Exception):
    """The sources cannot be read into a model; carries every diagnostic found, not just the first."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problem(s) in the sources")
        self.problems = sorted(diagnostics, key=lambda d: d.loc)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.problems


class Collector:
    """Gathers diagnostics during a load so that one run reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def add(self, loc: Loc, message: str, hint: str = "", code: str = "load.invalid") -> None:
        self.problems.append(Diagnostic(loc, message, hint, Severity.ERROR, code))

    def warn(self, loc: Loc, message: str, hint: str = "", code: str = "load.notice") -> None:
        """Something the load left out or changed on purpose: reported, but the sources stay readable."""
        self.warnings.append(Diagnostic(loc, message, hint, Severity.WARNING, code))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DiagnosticError(self.problems)
