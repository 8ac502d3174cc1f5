"""Tables kept as YAML: record tables (cells typed by their column) and indicator (KPI) tables."""

from __future__ import annotations

from kplan.diagnostics import Loc
from kplan.load import shapes
from kplan.load.context import LoadContext
from kplan.load.spec import INVALID, ListOf, Pending, Rec, Spec
from kplan.model.components import (
    Column,
    Indicator,
    IndicatorTable,
    MeasureRef,
    Record,
    RecordCell,
    RecordGroup,
    RecordTable,
    Value,
)

CELL_SPECS: dict[str, Spec] = {
    "text": shapes.LINE,
    "list": ListOf(shapes.LINE, min_items=1),
    "measures": ListOf(shapes.MEASURE_REF, min_items=1),
}


# ---- record tables --------------------------------------------------------------------------------------------


def load_records(ctx: LoadContext, rel: str, loc: Loc) -> RecordTable | None:
    """The record table in `rel` (root-relative); None when it cannot be read."""
    data = ctx.read_yaml(rel, shapes.RECORDS, loc, "records")
    if data is INVALID:
        return None
    table_id = str(data["id"])
    columns = tuple(Column(c["title"], str(c.get("kind", "text"))) for c in data["columns"])
    if "groups" in data:
        groups = tuple(_group(ctx, g, columns) for g in data["groups"])
    else:
        groups = (RecordGroup(table_id, None, None, _rows(ctx, data["rows"], columns), data.loc_of("rows")),)
    ctx.unique([(table_id, data.loc_of("id"))], "table id")
    ctx.unique(((g.id, g.loc) for g in groups if "groups" in data), f"group id of table {table_id}")
    ctx.unique(((row.id, row.loc) for g in groups for row in g.rows), "record row id")
    return RecordTable(table_id, data.get("caption"), columns, groups, data.loc)


def _group(ctx: LoadContext, group: Rec, columns: tuple[Column, ...]) -> RecordGroup:
    return RecordGroup(
        str(group["id"]), group.get("label"), group.get("title"), _rows(ctx, group["rows"], columns), group.loc
    )


def _rows(ctx: LoadContext, rows: list[Rec], columns: tuple[Column, ...]) -> tuple[Record, ...]:
    out = []
    for row in rows:
        cells: list[Pending] = row["cells"]
        if len(cells) != len(columns):
            ctx.problems.error(
                row.loc_of("cells"), "load.invalid-value/cells", row=row["id"], cells=len(cells), columns=len(columns)
            )
        made = tuple(_cell(ctx, cell, column) for cell, column in zip(cells, columns, strict=False))
        out.append(Record(str(row["id"]), tuple(c for c in made if c is not None), row.loc))
    return tuple(out)


def _cell(ctx: LoadContext, cell: Pending, column: Column) -> RecordCell | None:
    value = cell.validate(CELL_SPECS[column.kind])
    if value is INVALID:
        ctx.partial = True
        return None
    if column.kind == "text":
        return RecordCell((ctx.rich(value),), (), value.loc)
    if column.kind == "list":
        return RecordCell(ctx.rich_list(value), (), value.loc)
    refs = tuple(MeasureRef(str(ref["measure"]), ref.get("label"), ref.loc_of("measure")) for ref in value)
    ctx.references.extend(refs)
    return RecordCell((), refs, value.loc)


# ---- indicator tables -----------------------------------------------------------------------------------------


def load_indicators(ctx: LoadContext, rel: str, loc: Loc) -> IndicatorTable | None:
    data = ctx.read_yaml(rel, shapes.INDICATORS, loc, "indicators")
    return None if data is INVALID else indicator_table(ctx, data, str(data["id"]))


def indicator_table(ctx: LoadContext, data: Rec, table_id: str) -> IndicatorTable:
    """An indicator table from validated data (a file, a fence body or a card's `indicators:`)."""
    indicators = tuple(
        Indicator(
            id=str(row["id"]),
            name=row["name"],
            unit=row.get("unit"),
            baseline=_value(row.get("baseline")),
            target=_value(row.get("target")),
            direction=row.get("direction"),
            actuals=tuple(_value(v) for v in row.get("actuals", ())),  # type: ignore[misc]
            loc=row.loc,
        )
        for row in data["rows"]
    )
    ctx.unique([(table_id, data.loc)], "table id")
    ctx.unique(((i.id, i.loc) for i in indicators), f"indicator id of table {table_id}")
    return IndicatorTable(table_id, data.get("caption"), indicators, data.loc)


def _value(data: Rec | None) -> Value | None:
    return None if data is None else Value(data["value"], data.get("year"), data.loc)
