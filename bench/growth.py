"""How a command's own work grows with the size of the plan: wall time less start-up, and the exponent k of
time ∝ N^k between two sizes."""

from __future__ import annotations

import math
import sys

# what each command imports before it does any work: its start-up, measured as a process that imports it all
RULES = "kplan.lint.content_rules, kplan.lint.glossary_rules, kplan.lint.ime_rules, kplan.lint.markup_rules, " + (
    "kplan.lint.refs_rules, kplan.lint.text_rules"
)
LINT = f"kplan.plan_cache, kplan.lint.kept, kplan.lint.context, kplan.lint.report, {RULES}"
# lint and build run on kplan.fast_paths with the plan kept (kplan.plan_cache) and lint's findings removed before
# each run (bench/run.py), so the rules' imports are start-up; diff runs on typer
STARTUP_IMPORTS = {
    "lint": f"kplan.fast_paths, kplan.lint.command, {LINT}",
    "build --html": f"kplan.fast_paths, kplan.build_command, kplan.incremental, kplan.render.pdf, {LINT}",
    "build --pdf": f"kplan.fast_paths, kplan.build_command, kplan.incremental, kplan.render.pdf, {LINT}, weasyprint",
    "diff v1 v2.0": "kplan.cli, kplan.load.whole, kplan.diff, kplan.diff.editions",
}


def startup_command(label: str) -> list[str]:
    """A process that starts Python and imports what `label` imports, then exits as kplan does (no teardown)."""
    return [sys.executable, "-c", f"import os, {STARTUP_IMPORTS[label]}; os._exit(0)"]


def exponent(small: tuple[int, float], large: tuple[int, float]) -> float | None:
    """k with own(N) ∝ N^k through the two (N, seconds) points; None when a time is not positive."""
    (n1, t1), (n2, t2) = small, large
    if t1 <= 0 or t2 <= 0 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)
