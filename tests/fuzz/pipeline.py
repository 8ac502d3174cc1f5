"""One fuzz case: every command's work on a plan directory, in-process, with a time limit.

Load, lint (every family), the site, the print HTML, the Markdown export, fmt and `lint --fix`. A plan that
cannot be read must say so with diagnostics (DiagnosticError); anything else raised is a defect, and so is a
case that takes longer than the limit, and a fmt that changes what the loader reads.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kplan.diagnostics import DiagnosticError

TIME_LIMIT_S = 5.0


class HangError(Exception):
    """The case ran past the time limit."""


@dataclass(frozen=True)
class Defect:
    """What went wrong in one case: the stage, and the exception or the changed reading."""

    stage: str
    detail: str


@contextmanager
def time_limit(seconds: float, wall_seconds: float = 60.0) -> Iterator[None]:
    """HangError after `seconds` of CPU time (a busy machine does not make a case a hang), or after
    `wall_seconds` of waiting, whichever comes first."""

    def expired(signum: int, frame: object) -> None:
        raise HangError(f"over {seconds} s of CPU time" if signum == signal.SIGPROF else f"over {wall_seconds} s")

    previous = signal.signal(signal.SIGPROF, expired), signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, wall_seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, previous[0])
        signal.signal(signal.SIGALRM, previous[1])


def run_case(root: Path, time_limit_s: float = TIME_LIMIT_S, stages: tuple[str, ...] = ()) -> Defect | None:
    """Run every stage (or the named ones) on the plan in `root`, which it may change; the first defect, or None."""
    stage = "load"
    try:
        with time_limit(time_limit_s):
            for stage, step in STAGES:
                if stages and stage not in stages:
                    continue
                if not step(root):
                    break
    except DiagnosticError:
        return None
    except HangError as hang:
        return Defect(stage, f"hang: {hang}")
    except Exception as error:
        return Defect(stage, _summary(error))
    return None


def _summary(error: BaseException) -> str:
    """The exception and the three innermost frames, each line cut to 200 characters."""
    frames = traceback.extract_tb(error.__traceback__)[-3:]
    where = "; ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames)
    return f"{type(error).__name__}: {str(error)[:200]!r} at {where}"


def _load(root: Path) -> bool:
    from kplan.load import load_plan

    load_plan(root)
    return True


def _lint(root: Path) -> bool:
    from kplan.lint.kept import lint_findings

    lint_findings(root)
    return True


def _render(root: Path) -> bool:
    from kplan.export.markdown import export_markdown
    from kplan.load import load_plan
    from kplan.project import Project
    from kplan.render.html import render_site
    from kplan.render.pdf import print_html

    plan = load_plan(root)
    render_site(plan, Project(root))
    print_html(plan, Project(root))
    export_markdown(plan)
    return True


def _fmt(root: Path) -> bool:
    """fmt on a copy: what it writes must load to the same plan (the canonical form changes no value)."""
    from kplan.fmt import canonical_changes
    from kplan.yamlrt import write_source

    from .same import plan_content

    changes = canonical_changes(root)
    if not changes:
        return True
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "plan"
        shutil.copytree(root, copy, symlinks=True)
        for rel, (text, bom) in changes.items():
            write_source(copy / rel, text, bom)
        before, after = plan_content(root), plan_content(copy)
        if before != after:
            raise AssertionError(f"fmt changed what the loader reads in {sorted(changes)}")
    return True


def _fix(root: Path) -> bool:
    """lint --fix: the fixed plan must still load."""
    from kplan.lint.fix import apply_fixes
    from kplan.lint.kept import lint_findings
    from kplan.load import load_plan

    findings = lint_findings(root)
    if any(f.fix for f in findings):
        apply_fixes(root, findings)
        load_plan(root)
    return True


STAGES = (("load", _load), ("lint", _lint), ("render", _render), ("fmt", _fmt), ("fix", _fix))
