"""The rule registry: a rule is an id, a family, a default severity and a function from the plan to hits."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from msgspec import Struct

from kplan.lint.context import LintContext
from kplan.lint.findings import FAMILIES, Finding, Hit
from kplan.model import Plan

__all__ = ["FAMILIES", "RULES", "Rule", "rule", "run"]

Check = Callable[[LintContext], Iterable[Hit]]


class Rule(Struct, frozen=True):
    id: str
    family: str
    severity: str
    check: Check
    summary: str

    @property
    def code(self) -> str:
        return f"lint.{self.id}"


RULES: dict[str, Rule] = {}


def rule(rule_id: str, family: str, severity: str = "error"):  # type: ignore[no-untyped-def]
    """Register a check function that yields Hits; its docstring's first line is the rule's summary."""
    assert family in FAMILIES, family

    def register(check: Check) -> Check:
        summary = (check.__doc__ or "").strip().splitlines()[0] if check.__doc__ else ""
        RULES[rule_id] = Rule(rule_id, family, severity, check, summary)
        return check

    return register


def run(plan: Plan, family: str | None = None, context: LintContext | None = None) -> list[Finding]:
    """Every finding of every rule (of one family, when given), sorted by place, without duplicates."""
    from kplan.lint.rules import register_all

    register_all()
    context = context or LintContext(plan)
    findings = {
        Finding.of(r.id, hit.severity or r.severity, hit.loc, hit.message, hit.suggestion, hit.fix)
        for r in RULES.values()
        if family in (None, r.family)
        for hit in r.check(context)
    }
    return sorted(findings, key=Finding.sort_key)
