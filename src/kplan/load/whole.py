"""Load a whole plan in source format 2 (docs/format.md) into kplan.model.Plan.

Every problem is collected with its file:line:column and a code; the load raises DiagnosticError listing all of
them, or returns the plan with its notices (warnings about what it left out). The modules, one job each:
plan_file (plan.yaml), chapters (Markdown files and sections), directives (fences), measures (cards), tables
(records and indicators), figures, appendices (glossary, survey, public comment, errata).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kplan.diagnostics import DiagnosticError
from kplan.load import appendices, chapters, measures
from kplan.load.chapters import FRONT_MATTER
from kplan.load.context import LoadContext
from kplan.load.plan_file import PLAN_FILE, PartEntry, check_part_items, conventions, meta, part_entries, read_plan_file
from kplan.load.spec import Rec
from kplan.model.parts import Part
from kplan.model.plan import Plan
from kplan.problems import SourceError
from kplan.project import Project

GLOSSARY_FILE = "glossary/glossary.yaml"  # where the migrated plans keep it; plan.yaml `parts:` says where it is


def load_plan(root: Path | Project, yaml_memo: dict[Any, Any] | None = None) -> Plan:
    """Read the whole plan under `root` (a directory or a Project); raise DiagnosticError listing every problem.
    `yaml_memo` (a dict the caller keeps between loads) spares parsing YAML text seen before (kplan.live)."""
    project = root if isinstance(root, Project) else Project(Path(root))
    ctx = LoadContext(project, yaml_memo=yaml_memo)
    plan = read_plan_file(ctx)
    if plan is None:
        raise DiagnosticError(ctx.problems.problems)
    check_part_items(ctx, plan)
    entries = part_entries(plan)
    glossaries = {e.file: appendices.read_glossary(ctx, e.file, e.loc) for e in entries if e.kind == "glossary"}
    order = next((str(g.get("order", "kana")) for g in glossaries.values() if g), "kana")
    ctx.conventions = conventions(ctx, plan, order)
    parts = _parts(ctx, entries, glossaries)
    errata = appendices.load_errata(ctx, str(plan["errata"]), plan.loc_of("errata")) if "errata" in plan else ()
    measures.check_references(ctx)
    measures.report_unplaced(ctx)
    ctx.unique(((p.id, p.loc) for p in parts), "part id")
    ctx.problems.raise_if_any()
    result = Plan(
        project.root,
        meta(ctx, plan),
        ctx.conventions,
        parts,
        errata,
        tuple(sorted(ctx.problems.warnings, key=lambda d: d.loc)),
    )
    ctx.problems.raise_if_any()
    return result


def _parts(ctx: LoadContext, entries: list[PartEntry], glossaries: dict[str, Rec | None]) -> tuple[Part, ...]:
    """Each part in the order plan.yaml lists them; chapters and appendices are numbered separately."""
    parts: list[Part | None] = []
    numbers = {"chapter": 0, "appendix": 0}
    for entry in entries:
        if entry.kind in numbers:
            numbers[entry.kind] += 1
            parts.append(
                chapters.load_chapter(
                    ctx, entry.file, entry.loc, numbers[entry.kind], appendix=entry.kind == "appendix"
                )
            )
        elif entry.kind == "glossary":
            data = glossaries.get(entry.file)
            parts.append(appendices.glossary(ctx, data, entry.file) if data else None)
        elif entry.kind == "survey":
            parts.append(appendices.load_survey(ctx, entry.file, entry.loc))
        elif entry.kind == "public-comment":
            parts.append(appendices.load_public_comment(ctx, entry.file, entry.loc))
    return tuple(p for p in parts if p is not None)


__all__ = ["FRONT_MATTER", "GLOSSARY_FILE", "PLAN_FILE", "SourceError", "load_plan"]
