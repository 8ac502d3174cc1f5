"""The 新旧対照表 as data: groups under headings, rows of 改定後 and 改定前 text in pieces (changed or not),
unchanged units and long unchanged stretches shortened to （略）. Markdown, HTML and PDF all render this."""

from __future__ import annotations

from msgspec import Struct

from kplan.diff.chars import Span
from kplan.diff.records import Diff, Row, Same
from kplan.model.conventions import DEFAULT_LABELS

OMITTED = DEFAULT_LABELS["omitted"]  # the defaults; the outputs print the plan's own from diff.conventions
# inside a changed text, an unchanged stretch longer than 2 * CONTEXT + OMIT_AT_LEAST characters keeps CONTEXT
# characters next to each change and is shortened to （略） in between
CONTEXT = 30
OMIT_AT_LEAST = 10


class Piece(Struct, frozen=True):
    """A stretch of a cell: changed text is underlined (傍線); an omitted stretch prints as （略）."""

    text: str
    changed: bool = False
    omitted: bool = False


Cell = tuple[Piece, ...] | None  # None: the unit is not in this edition: （新設） or （削除）


class TableRow(Struct, frozen=True):
    new: Cell
    old: Cell
    label: str | None = None
    omitted: bool = False  # a row of unchanged units: （略） in both columns


class Group(Struct, frozen=True):
    """The rows under one heading path, e.g. (第6章 各取組施策について, 1. 市民生活の利便性向上, (2) …)."""

    path: tuple[str, ...]
    rows: tuple[TableRow, ...]


def pieces(
    text: str, spans: tuple[Span, ...], side: str, shorten: bool = True, omitted: str = OMITTED
) -> tuple[Piece, ...]:
    """One side ('old' or 'new') of a changed text as pieces, long unchanged stretches shortened to `omitted`."""
    out: list[Piece] = []
    for index, span in enumerate(spans):
        start, end = (span.old_start, span.old_end) if side == "old" else (span.new_start, span.new_end)
        if start == end:
            continue
        part = text[start:end]
        if span.op != "equal":
            out.append(Piece(part, changed=True))
        elif shorten:
            out.extend(_shortened(part, index == 0, index == len(spans) - 1, omitted))
        else:
            out.append(Piece(part))
    return tuple(out)


def _shortened(part: str, first: bool, last: bool, omitted: str) -> list[Piece]:
    keep_before = 0 if first else CONTEXT  # characters kept after the change before this stretch
    keep_after = 0 if last else CONTEXT  # characters kept before the change after this stretch
    if len(part) < keep_before + keep_after + OMIT_AT_LEAST or (first and last):
        return [Piece(part)]
    out = []
    if keep_before:
        out.append(Piece(part[:keep_before]))
    out.append(Piece(omitted, omitted=True))
    if keep_after:
        out.append(Piece(part[len(part) - keep_after :]))
    return out


def groups(diff: Diff) -> tuple[Group, ...]:
    """The 新旧対照表's groups in document order; a group with no change is left out."""
    ordered: dict[tuple[str, ...], list[Row | Same]] = {}
    for row in diff.rows:
        ordered.setdefault(row.path, []).append(row)
    out = []
    for path, rows in ordered.items():
        if any(isinstance(row, Row) for row in rows):
            out.append(Group(path, tuple(_table_rows(rows, diff.conventions.label("omitted")))))
    return tuple(out)


def _table_rows(rows: list[Row | Same], omitted: str) -> list[TableRow]:
    out: list[TableRow] = []
    for row in rows:
        if isinstance(row, Same):
            if not (out and out[-1].omitted):
                mark = (Piece(omitted, omitted=True),)
                out.append(TableRow(mark, mark, omitted=True))
            continue
        whole = row.old is None or row.new is None
        new = None if row.new is None else pieces(row.new, row.spans, "new", not whole, omitted)
        old = None if row.old is None else pieces(row.old, row.spans, "old", not whole, omitted)
        out.append(TableRow(new, old, row.label))
    return out
