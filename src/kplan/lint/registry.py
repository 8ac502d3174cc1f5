"""The rule registry: a rule is an id, a family, a severity and a function from the plan to findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kplan.model import Plan
from kplan.problems import Loc, Problem

FAMILIES = ("glossary", "text", "refs")


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str
    check: Callable[[Plan], Iterable[tuple[Loc, str, str]]]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, family: str, severity: str = "error"):  # type: ignore[no-untyped-def]
    """Register a check function that yields (location, message, suggestion)."""

    def register(check: Callable[[Plan], Iterable[tuple[Loc, str, str]]]):  # type: ignore[no-untyped-def]
        RULES[rule_id] = Rule(rule_id, family, severity, check)
        return check

    return register


def run(plan: Plan, family: str | None = None) -> list[Problem]:
    """Every finding of every rule (of one family, when given), sorted by place."""
    findings = [
        Problem(loc, f"{r.id} {message}", hint, r.severity)
        for r in RULES.values() if family in (None, r.family)
        for loc, message, hint in r.check(plan)
    ]
    return sorted(findings, key=lambda p: p.loc)
