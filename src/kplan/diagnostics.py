"""Source locations and diagnostics: the one shape every command uses to say what is wrong, and where.

A diagnostic has a stable code (`load.unknown-key`, `lint.old-kanji` …), a severity, a location, a message and a
hint. It is made with a catalog entry and its parameters (kplan.messages.Msg, whose key is the code), and its
text is rendered in the language in use when it is shown (lint's rules too: their hits carry Msg entries).
Tests assert codes, never wording. `Exit` holds the exit codes, the same for every command.
"""

from __future__ import annotations

import enum
import re

from msgspec import Struct
from msgspec.structs import force_setattr

from kplan.exits import Exit
from kplan.messages import Msg, severity_word, text

__all__ = ["Collector", "Diagnostic", "DiagnosticError", "Exit", "Loc", "Severity", "line", "printable", "shown"]

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


class Loc(Struct, frozen=True, order=True):
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


class Diagnostic(Struct, frozen=True):
    """One thing wrong with the sources or the run: where, what, what to do, and a stable code.

    `said` is the message: a catalog entry (Msg) or, rarely, literal text. `advice` is the hint: None
    for the entry's own hint, else text or another entry. `code` defaults to the entry's code."""

    loc: Loc
    said: str | Msg
    advice: str | Msg | None = None
    severity: str = Severity.ERROR
    code: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            force_setattr(self, "code", self.said.code if isinstance(self.said, Msg) else "load.invalid")

    @property
    def message(self) -> str:
        return str(self.said)

    @property
    def hint(self) -> str:
        if self.advice is None:
            return self.said.hint if isinstance(self.said, Msg) else ""
        return str(self.advice)

    def __str__(self) -> str:
        return line(str(self.loc), self.severity, self.code, self.message, self.hint)


def line(where: str, severity: str, code: str, message: str, hint: str = "") -> str:
    """`where: severity code: message (hint: …)` for people, in the language in use (エラー …（ヒント: …）)."""
    head = f"{printable(where)}: {severity_word(severity)} {code}: {printable(message)}"
    return head + text("word.hint", hint=printable(hint)) if hint else head


class DiagnosticError(Exception):
    """The sources cannot be read into a model; carries every diagnostic found, not just the first."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(Msg("cli.problems", count=len(diagnostics)))
        self.problems = sorted(diagnostics, key=lambda d: d.loc)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.problems


class Collector:
    """Gathers diagnostics during a load so that one run reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def add(self, loc: Loc, message: str | Msg, hint: str | Msg | None = None, code: str = "") -> None:
        self.problems.append(Diagnostic(loc, message, hint, Severity.ERROR, code))

    def warn(self, loc: Loc, message: str | Msg, hint: str | Msg | None = None, code: str = "") -> None:
        """Something the load left out or changed on purpose: reported, but the sources stay readable."""
        code = code or (message.code if isinstance(message, Msg) else "load.notice")
        self.warnings.append(Diagnostic(loc, message, hint, Severity.WARNING, code))

    def error(self, loc: Loc, key: str, /, **params: object) -> None:
        """An error whose message and hint are the catalog entry `key` (its code is the key up to any /variant)."""
        self.add(loc, Msg(key, **params))

    def warning(self, loc: Loc, key: str, /, **params: object) -> None:
        """A warning from the catalog entry `key`."""
        self.warn(loc, Msg(key, **params))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DiagnosticError(self.problems)
