"""What a rule finds: a Diagnostic (code `lint.<rule-id>`, severity, place, message, suggestion as its hint) and,
optionally, a safe fix. A rule gives its message as a catalog entry (Msg `lint.<rule-id>` or `lint.<rule-id>/variant`,
kplan.messages), rendered in the language in use; the suggestion is the entry's own hint unless the hit gives one."""

from __future__ import annotations

from msgspec import Struct

from kplan.diagnostics import Diagnostic, Loc
from kplan.messages import Msg

FAMILIES = ("glossary", "text", "refs", "content")
SEVERITIES = ("error", "warning", "info")
CODE_PREFIX = "lint."


class Edit(Struct, frozen=True):
    """Replace `old` by `new` at a character offset of a source file (its text without a byte-order mark)."""

    file: str
    offset: int
    old: str
    new: str


class Hit(Struct, frozen=True):
    """What a rule yields; the registry adds the rule id and, unless the hit overrides it, the rule's severity."""

    loc: Loc
    message: str | Msg
    suggestion: str | Msg | None = None  # None: the message's own hint (none for literal text)
    fix: Edit | None = None
    severity: str | None = None


class Finding(Struct, frozen=True):
    """A Diagnostic of lint (or of the load, reported through lint's formats) with an optional fix."""

    diagnostic: Diagnostic
    fix: Edit | None = None

    @classmethod
    def of(
        cls,
        rule: str,
        severity: str,
        loc: Loc,
        message: str | Msg,
        suggestion: str | Msg | None = None,
        fix: Edit | None = None,
    ) -> Finding:
        return cls(Diagnostic(loc, message, suggestion, severity, CODE_PREFIX + rule), fix)

    @property
    def code(self) -> str:
        return self.diagnostic.code

    @property
    def rule(self) -> str:
        """The rule id (`old-kanji`); for a diagnostic of the load, its whole code (`load.unknown-key`)."""
        return self.code.removeprefix(CODE_PREFIX)

    @property
    def severity(self) -> str:
        return str(self.diagnostic.severity)

    @property
    def loc(self) -> Loc:
        return self.diagnostic.loc

    @property
    def message(self) -> str:
        return self.diagnostic.message

    @property
    def suggestion(self) -> str:
        return self.diagnostic.hint

    def sort_key(self) -> tuple[Loc, str, str]:
        return (self.loc, self.code, self.message)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "file": self.loc.file,
            "line": self.loc.line,
            "column": self.loc.column,
            "message": self.message,
            "suggestion": self.suggestion,
            "fixable": self.fix is not None,
        }
        if self.fix:
            data["fix"] = {"old": self.fix.old, "new": self.fix.new}
        return data

    def __str__(self) -> str:
        from kplan.lint.report import text_line

        return text_line(self)
