"""Lint's findings kept between runs, while the plan and everything the rules read are unchanged.

`kplan lint` and `kplan build` run every rule on every run; on sources that have not changed the findings are the
same, and the rules (with their imports) are a third of a lint of a real plan. After a run the findings of every
family, with the load's notices, are kept as a kplan.plan_cache entry ("findings") whose inputs are those of the
plan and whatever the rules read besides (the 表記ゆれ dictionary, the source files for columns). A lint whose
every input is as recorded prints them without loading the plan or importing a rule; anything changed, or another
kplan, runs the rules again. Messages are kept as catalog entries, so `--lang` renders them as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kplan.lint.findings import Finding

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from kplan.model import Plan
    from kplan.project import Project

# (family, finding) in the order of Finding.sort_key; the family is None for a notice of the load
Kept = tuple[tuple[str | None, Finding], ...]
ENTRY = "findings"


def lint_findings(root: Path, family: str | None = None) -> list[Finding]:
    """Every finding of the rules (of one family, when given) and the load's notices of the plan at `root`, sorted
    by place. Raises DiagnosticError when the plan or the 表記ゆれ dictionary cannot be read."""
    from kplan import plan_cache
    from kplan.project import Project

    project = Project(root)

    def produce() -> Kept:
        return _findings(plan_cache.load(project))

    kept = plan_cache.kept(project.root, ENTRY, produce, tuple)
    return [finding for where, finding in kept if where is None or family in (None, where)]


def rule_findings(project: Project, plan: Plan, inputs: Mapping[str, str]) -> list[Finding]:
    """Every finding of the rules on `plan`, just loaded from the files whose digests are `inputs`, sorted by place
    (the load's notices left out: the caller has told them)."""
    from kplan import plan_cache

    kept = plan_cache.kept(project.root, ENTRY, lambda: _findings(plan), tuple, known=inputs)
    return [finding for where, finding in kept if where is not None]


def _findings(plan: Plan) -> Kept:
    """Run every rule on `plan` (a malformed 表記ゆれ dictionary stops first, with its place)."""
    from kplan.lint import RULES, run
    from kplan.lint.context import LintContext
    from kplan.lint.report import from_problems

    context = LintContext(plan)
    context.dictionary  # noqa: B018
    tagged: list[tuple[str | None, Finding]] = [(RULES[f.rule].family, f) for f in run(plan, None, context)]
    tagged += [(None, notice) for notice in from_problems(plan.notices)]
    return tuple(sorted(tagged, key=lambda pair: pair[1].sort_key()))
