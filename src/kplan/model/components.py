"""The typed components a chapter (or an appendix) is made of, in order.

Every component lists what it holds in reading order with `contents()`: printed strings (`Str`), marked-up
text (`RichText`) and the components inside it. model/visit.py walks a plan with that one method, so lint, search,
term uses, export and diff all read the same order. A new component type is a class here, its loader, and one
method per output.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from msgspec import Struct

from kplan.diagnostics import Loc
from kplan.model.text import RichText, Str

# ---- prose blocks (from Markdown) ----------------------------------------------------------------------------


class Paragraph(Struct, frozen=True):
    kind: ClassVar[str] = "paragraph"
    text: RichText

    @property
    def loc(self) -> Loc:
        return self.text.loc

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        yield self.text


class BulletList(Struct, frozen=True):
    kind: ClassVar[str] = "bullet-list"
    items: tuple[RichText, ...]
    loc: Loc
    ordered: bool = False

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        yield from self.items


class Cell(Struct, frozen=True):
    """A table cell: a lead text and, optionally, a list of items."""

    lead: RichText
    items: tuple[RichText, ...] = ()

    def texts(self) -> Iterator[RichText]:
        yield self.lead
        yield from self.items


class Table(Struct, frozen=True):
    """A table written in Markdown (a pipe table with an optional `Table:` caption)."""

    kind: ClassVar[str] = "table"
    caption: RichText | None
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    loc: Loc

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        if self.caption:
            yield self.caption
        for row in (self.header, *self.rows):
            for cell in row:
                yield from cell.texts()


class Note(Struct, frozen=True):
    """A note set apart from the running text (注記), written as a `{note}` block."""

    kind: ClassVar[str] = "note"
    blocks: tuple[Component, ...]
    loc: Loc

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        yield from self.blocks


# ---- figures ----------------------------------------------------------------------------------------------------


class Figure(Struct, frozen=True):
    """An image with a caption and its alternative text; without an image it is a placeholder (図は未収録).

    `image` is a path relative to the project root; `digest` the SHA-256 of its bytes (diff lists a changed image).
    `words` are the words printed inside the picture: for a placeholder they are its text description.
    """

    kind: ClassVar[str] = "figure"
    id: str
    caption: Str | None
    alt: Str | None
    image: str | None
    digest: str | None
    words: tuple[RichText, ...]
    loc: Loc

    @property
    def placeholder(self) -> bool:
        return self.image is None

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        if self.caption:
            yield self.caption
        if self.alt:
            yield self.alt
        yield from self.words


# ---- indicator (KPI) tables -------------------------------------------------------------------------------------


class Value(Struct, frozen=True):
    """A number and the fiscal year it belongs to (現状値 令和4年度 …)."""

    value: int | float
    year: int | None
    loc: Loc


class Indicator(Struct, frozen=True):
    id: str
    name: Str
    unit: Str | None
    baseline: Value | None
    target: Value | None
    direction: Str | None
    actuals: tuple[Value, ...]
    loc: Loc


class IndicatorTable(Struct, frozen=True):
    """指標名・単位・現状値・目標値 (and 方向性, yearly 実績): numbers are numbers."""

    kind: ClassVar[str] = "indicators"
    id: str
    caption: Str | None
    indicators: tuple[Indicator, ...]
    loc: Loc

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        if self.caption:
            yield self.caption
        for indicator in self.indicators:
            yield indicator.name
            if indicator.unit:
                yield indicator.unit
            if indicator.direction:
                yield indicator.direction


# ---- tables of records (a table that may refer to measures by id) ---------------------------------------------


class MeasureRef(Struct, frozen=True):
    """A reference to a measure card by id, with the wording printed there when it differs from the title."""

    measure_id: str
    label: Str | None
    loc: Loc


class Column(Struct, frozen=True):
    """A column of a record table: `kind` is text (one text), list (a list of texts) or measures (references)."""

    title: Str
    kind: str


class RecordCell(Struct, frozen=True):
    texts: tuple[RichText, ...]
    measures: tuple[MeasureRef, ...]
    loc: Loc


class Record(Struct, frozen=True):
    id: str
    cells: tuple[RecordCell, ...]
    loc: Loc


class RecordGroup(Struct, frozen=True):
    """Rows under one heading, e.g. [前期基本方針1] 質の高い市民サービス; `label` is the bracketed part."""

    id: str
    label: Str | None
    title: Str | None
    rows: tuple[Record, ...]
    loc: Loc


class RecordTable(Struct, frozen=True):
    """A table kept as YAML, one record a row, rows optionally grouped; cells may refer to measures."""

    kind: ClassVar[str] = "records"
    id: str
    caption: Str | None
    columns: tuple[Column, ...]
    groups: tuple[RecordGroup, ...]
    loc: Loc

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        if self.caption:
            yield self.caption
        yield from (column.title for column in self.columns)
        for group in self.groups:
            if group.label:
                yield group.label
            if group.title:
                yield group.title
            for row in group.rows:
                for cell in row.cells:
                    yield from cell.texts
                    yield from (ref.label for ref in cell.measures if ref.label)


# ---- sections and measure cards -----------------------------------------------------------------------------


class Section(Struct, frozen=True):
    """A heading and what follows it up to the next heading of its level or above.

    `numbers` are the section numbers from the outermost level down to this one, e.g. (2, 1) for 2.(1);
    `label` is that number as the plan's numbering convention prints it.
    """

    kind: ClassVar[str] = "section"
    id: str
    title: Str
    numbers: tuple[int, ...]
    label: str
    components: tuple[Component, ...]
    loc: Loc

    @property
    def level(self) -> int:
        return len(self.numbers)

    @property
    def number(self) -> int:
        return self.numbers[-1]

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        yield self.title
        yield from self.components


class Measure(Struct, frozen=True):
    """A measure card (取組施策). Only id and title are required.

    `marks` are ids of marks the plan declares (conventions.marks); `added_in` the edition that added the card.
    `numbers` are the numbers of the enclosing sections and the card's own place among the cards there;
    `label` is its own printed number, e.g. (2); `reference` how it is referred to elsewhere, e.g. 1-(2).
    `body` holds prose and sub-sections (### inside the card).
    """

    kind: ClassVar[str] = "measure"
    id: str
    title: Str
    numbers: tuple[int, ...]
    label: str
    reference: str
    marks: tuple[str, ...]
    added_in: str | None
    department: Str | None
    body: tuple[Component, ...]
    actions: tuple[RichText, ...]
    indicators: IndicatorTable | None
    figures: tuple[Figure, ...]
    loc: Loc

    @property
    def number(self) -> int:
        return self.numbers[-1]

    def contents(self) -> Iterator[Content]:
        """What it holds, in reading order."""
        yield self.title
        if self.department:
            yield self.department
        yield from self.body
        yield from self.actions
        if self.indicators:
            yield self.indicators
        yield from self.figures


Component = Paragraph | BulletList | Table | Note | Figure | IndicatorTable | RecordTable | Section | Measure
Block = Paragraph | BulletList | Table
Content = Str | RichText | Component
