"""What a rule finds: a place, a message in Japanese, a suggestion, and optionally a safe fix."""

from __future__ import annotations

from dataclasses import dataclass

from kplan.problems import Loc

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Edit:
    """Replace `old` by `new` at a character offset of a source file (its text without a byte-order mark)."""

    file: str
    offset: int
    old: str
    new: str


@dataclass(frozen=True)
class Hit:
    """What a rule yields; the registry adds the rule id and, unless the hit overrides it, the rule's severity."""

    loc: Loc
    message: str
    suggestion: str = ""
    fix: Edit | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    loc: Loc
    message: str
    suggestion: str = ""
    fix: Edit | None = None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule, "severity": self.severity, "file": self.loc.file, "line": self.loc.line,
            "column": self.loc.column, "message": self.message, "suggestion": self.suggestion,
            "fixable": self.fix is not None,
        }
        if self.fix:
            data["fix"] = {"old": self.fix.old, "new": self.fix.new}
        return data
