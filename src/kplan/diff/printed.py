"""Units of the plan as the text a reader sees: headings with their numbers, lists with ・, tables as lines.

`text(unit, conventions)` is a unit's whole text (for a unit only one edition has); a kind without a printer of
its own prints the strings it holds in reading order (`contents()`), so a new component type needs none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from kplan import wareki
from kplan.model import (
    Cell,
    Chapter,
    Conventions,
    Figure,
    Indicator,
    IndicatorTable,
    Measure,
    MeasureRef,
    Record,
    RecordGroup,
    RecordTable,
    RichText,
    Section,
    Str,
    Table,
    Term,
    Value,
)
from kplan.model.labels import measure_marks

BULLET = "・"
Printer = Callable[[Any, Conventions], str]
PRINTERS: dict[str, Printer] = {}
HEADINGS: dict[str, Printer] = {}


def printer(kind: str) -> Callable[[Printer], Printer]:
    def register(function: Printer) -> Printer:
        PRINTERS[kind] = function
        return function

    return register


def heading_of(kind: str) -> Callable[[Printer], Printer]:
    def register(function: Printer) -> Printer:
        HEADINGS[kind] = function
        return function

    return register


def plain(item: str | RichText | None) -> str:
    if item is None:
        return ""
    return item.plain if isinstance(item, RichText) else str(item)


def text(unit: Any, conventions: Conventions) -> str:
    """The whole text of a unit as printed, one line per paragraph or item."""
    if isinstance(unit, str | RichText):
        return plain(unit)
    kind = getattr(unit, "kind", "")
    if kind in PRINTERS:
        return PRINTERS[kind](unit, conventions)
    lines = [HEADINGS[kind](unit, conventions)] if kind in HEADINGS else []
    items = list(unit.contents())
    if kind in HEADINGS and items:
        items = items[1:]  # the title, printed in the heading
    lines += [text(item, conventions) for item in items]
    return "\n".join(line for line in lines if line)


def heading(unit: Any, conventions: Conventions) -> str | None:
    kind = getattr(unit, "kind", "")
    return HEADINGS[kind](unit, conventions) if kind in HEADINGS else None


@heading_of("chapter")
def chapter_heading(chapter: Chapter, conventions: Conventions) -> str:
    label = conventions.label("appendix" if chapter.appendix else "chapter", n=chapter.number)
    return f"{label} {chapter.title}"


@heading_of("section")
def section_heading(section: Section, conventions: Conventions) -> str:
    return f"{section.label} {section.title}".strip()


@heading_of("measure")
def measure_heading(measure: Measure, conventions: Conventions) -> str:
    """(2) マイナンバーカードの普及促進（第2.0版追加）【重点】, as the card's heading prints."""
    return f"{measure.label} {measure.title}{measure_marks(measure, conventions)}".strip()


@printer("measure")
def measure_text(measure: Measure, conventions: Conventions) -> str:
    lines = [measure_heading(measure, conventions)]
    if measure.department:
        lines.append(f"{conventions.label('department')}：{measure.department}")
    lines += [text(block, conventions) for block in measure.body]
    if measure.actions:
        lines.append(conventions.label("actions"))
        lines += [BULLET + action.plain for action in measure.actions]
    if measure.indicators:
        lines.append(text(measure.indicators, conventions))
    lines += [text(figure, conventions) for figure in measure.figures]
    return "\n".join(line for line in lines if line)


@printer("bullet-list")
def list_text(block: Any, conventions: Conventions) -> str:
    return "\n".join(BULLET + item.plain for item in block.items)


def cell_text(cell: Cell) -> str:
    return "\n".join([cell.lead.plain, *(BULLET + item.plain for item in cell.items)]).strip("\n")


def row_text(row: tuple[Cell, ...]) -> str:
    return "｜".join(cell_text(cell).replace("\n", " ") for cell in row)


@printer("table")
def table_text(table: Table, conventions: Conventions) -> str:
    lines = [table.caption.plain] if table.caption else []
    lines += [row_text(row) for row in (table.header, *table.rows)]
    return "\n".join(lines)


@printer("figure")
def figure_text(figure: Figure, conventions: Conventions) -> str:
    lines = [str(figure.caption)] if figure.caption else []
    if figure.alt:
        lines.append(str(figure.alt))
    lines.append(image_text(figure, conventions) or "")
    lines += [word.plain for word in figure.words]
    return "\n".join(lines)


def image_text(figure: Figure | None, conventions: Conventions) -> str | None:
    """The image as the diff names it: its file and the start of its SHA-256, or the placeholder's label."""
    if figure is None:
        return None
    if figure.image is None:
        return conventions.label("figure-missing")
    digest = f" sha256:{figure.digest[:12]}" if figure.digest else ""
    return f"{conventions.label('diff-image')}：{figure.image}{digest}"


def number(value: int | float) -> str:
    return str(value) if isinstance(value, int) else f"{value:g}"


def value_text(value: Value | None, unit: str | None, conventions: Conventions) -> str | None:
    """80%（令和9年度）: a value with its unit and fiscal year."""
    if value is None:
        return None
    shown = f"{number(value.value)}{unit or ''}"
    return conventions.label("value-year", value=shown, year=wareki.fiscal_year(value.year)) if value.year else shown


def indicator_text(indicator: Indicator, conventions: Conventions) -> str:
    parts = [str(indicator.name) + (f"（{indicator.unit}）" if indicator.unit else "")]
    for key, value in (("baseline", indicator.baseline), ("target", indicator.target)):
        if value is not None:
            parts.append(f"{conventions.label(key)} {value_text(value, indicator.unit, conventions)}")
    if indicator.direction:
        parts.append(f"{conventions.label('direction')} {indicator.direction}")
    return " ".join(parts)


@printer("indicators")
def indicators_text(table: IndicatorTable, conventions: Conventions) -> str:
    lines = [str(table.caption)] if table.caption else []
    lines += [indicator_text(indicator, conventions) for indicator in table.indicators]
    return "\n".join(lines)


def group_heading(group: RecordGroup) -> str | None:
    """[前期基本方針1] 質の高い市民サービス; None for the one untitled group of a table without groups."""
    label = f"[{group.label}]" if group.label else ""
    return " ".join(part for part in (label, group.title or "") if part) or None


def ref_text(ref: MeasureRef, titles: dict[str, str]) -> str:
    return str(ref.label or titles.get(ref.measure_id, ref.measure_id))


def record_cells(record: Record, titles: dict[str, str]) -> list[list[str]]:
    """Each cell of a record as lines: its texts, then the measures it refers to."""
    return [[t.plain for t in cell.texts] + [ref_text(ref, titles) for ref in cell.measures] for cell in record.cells]


def record_text(record: Record, titles: dict[str, str]) -> str:
    lines: list[str] = []
    for index, cell in enumerate(record_cells(record, titles)):
        lines += cell if index == 0 else [BULLET + line for line in cell]
    return "\n".join(lines)


@printer("records")
def records_text(table: RecordTable, conventions: Conventions) -> str:
    lines = [str(table.caption)] if table.caption else []
    lines.append("｜".join(str(column.title) for column in table.columns))
    for group in table.groups:
        if group_heading(group):
            lines.append(group_heading(group) or "")
        lines += [record_text(row, {}) for row in group.rows]
    return "\n".join(lines)


def term_text(term: Term) -> str:
    return f"{term.term}：{term.definition.plain}"


@printer("glossary")
@printer("survey")
@printer("public-comment")
def part_title(part: Any, conventions: Conventions) -> str:
    """A special part only one edition has is shown by its title."""
    return str(part.title)


def percent(value: float) -> str:
    return f"{value:g}%"


def period(first: int, last: int, conventions: Conventions) -> str:
    """令和3年度～令和7年度, through the label `period`."""

    def era(year: int) -> str:
        return wareki.era_year(dt.date(year, 5, 1)).removesuffix("年")

    return conventions.label("period", start=era(first), end=era(last))


def str_or_none(value: Str | str | None) -> str | None:
    return None if value is None else str(value)
