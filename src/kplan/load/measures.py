"""Measure cards: plan/measures/ID.yaml, numbered where a chapter's {measure} fence places them."""

from __future__ import annotations

from kplan.diagnostics import Loc
from kplan.load import shapes
from kplan.load.context import MEASURES_DIR, LoadContext, suggest
from kplan.load.spec import INVALID, Rec
from kplan.messages import Msg
from kplan.model.components import Measure
from kplan.model.conventions import format_number


def place_measure(ctx: LoadContext, measure_id: str, loc: Loc, numbers: tuple[int, ...]) -> Measure | None:
    """The card `measure_id` with the numbers of the place that shows it; None when it cannot be read."""
    if measure_id in ctx.placed:
        ctx.problems.error(loc, "load.measure-twice", measure=measure_id, first=ctx.placed[measure_id])
        return None
    ctx.placed[measure_id] = loc
    rel = ctx.measure_file(measure_id)
    path = ctx.path(rel, loc, "measure")
    if path is None:
        return None
    if not path.is_file():
        known = [p.stem for p in path.parent.glob("*.yaml")] if path.parent.is_dir() else []
        advice = suggest(measure_id, known, Msg("load.unknown-measure/create", file=rel))
        ctx.problems.error(loc, "load.unknown-measure", measure=measure_id, file=rel, advice=advice)
        ctx.partial = True
        return None
    data = ctx.read_yaml(rel, shapes.MEASURE, loc, "measure")
    if data is INVALID:
        return None
    if data["id"] != measure_id:
        ctx.problems.error(data.loc_of("id"), "load.invalid-value/card-id", id=data["id"], measure=measure_id, file=rel)
        return None
    return _measure(ctx, data, numbers)


def _measure(ctx: LoadContext, data: Rec, numbers: tuple[int, ...]) -> Measure:
    from kplan.load.chapters import measure_body
    from kplan.load.figures import figure
    from kplan.load.tables import indicator_table

    measure_id = str(data["id"])
    marks = data.get("marks", ())
    for mark, mark_loc in zip(marks, getattr(marks, "locs", ()), strict=False):
        if ctx.conventions.mark(mark) is None:
            declared = [m.id for m in ctx.conventions.marks]
            advice = suggest(mark, declared, Msg("load.unknown-mark/declare"))
            ctx.problems.error(mark_loc, "load.unknown-mark", mark=mark, advice=advice)
    indicators = None
    if "indicators" in data:
        given = data["indicators"]
        indicators = indicator_table(ctx, given, str(given.get("id", f"{measure_id}-indicators")))
    figures = tuple(figure(ctx, f) for f in data.get("figures", ()))
    return Measure(
        id=measure_id,
        title=data["title"],
        numbers=numbers,
        label=ctx.conventions.section_label(numbers),
        reference=format_number(ctx.conventions.measure_reference, numbers),
        marks=tuple(str(m) for m in marks),
        added_in=str(data["added_in"]) if "added_in" in data else None,
        department=data.get("department"),
        body=measure_body(ctx, data["body"], numbers) if "body" in data else (),
        actions=ctx.rich_list(data.get("actions")),
        indicators=indicators,
        figures=figures,
        loc=data.loc,
    )


def report_unplaced(ctx: LoadContext) -> None:
    """A file in plan/measures/ that no chapter places: a warning (it is not printed)."""
    directory = ctx.project.root / MEASURES_DIR
    if ctx.partial or not directory.is_dir():
        return
    for path in sorted(directory.glob("*.yaml")):
        if path.stem not in ctx.placed:
            ctx.problems.warning(Loc(f"{MEASURES_DIR}/{path.name}"), "load.measure-unplaced", measure=path.stem)


def check_references(ctx: LoadContext) -> None:
    """Every measure a record table refers to is placed in some chapter."""
    if ctx.partial:
        return
    for ref in ctx.references:
        if ref.measure_id not in ctx.placed:
            advice = suggest(ref.measure_id, ctx.placed, Msg("load.unknown-measure/use-placed"))
            ctx.problems.error(ref.loc, "load.unknown-measure/reference", measure=ref.measure_id, advice=advice)
