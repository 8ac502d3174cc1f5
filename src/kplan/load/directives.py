"""Directive fences into components: {measure}, {records}, {indicators}, {figure}, {note} and {drafted}."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from kplan.load import shapes
from kplan.load.context import LoadContext
from kplan.load.markdown import Directive, parse
from kplan.load.spec import ID_PATTERN, INVALID, Record
from kplan.model.components import Component, Note

Handler = Callable[[LoadContext, Directive, tuple[int, ...]], list[Component]]


def directive_components(
    ctx: LoadContext, directive: Directive, card_numbers: tuple[int, ...], in_card: bool = False
) -> list[Component]:
    """The components a directive stands for (none when it cannot be read: the problem is recorded).

    `card_numbers` are the numbers a measure card placed here gets.
    """
    handler = HANDLERS.get(directive.name)
    if handler is None:
        ctx.problems.add(
            directive.loc,
            f"unknown directive {{{directive.name}}}",
            "known directives: " + ", ".join(f"{{{name}}}" for name in HANDLERS),
            code="load.unknown-directive",
        )
        return []
    if in_card and directive.name in ("measure", "records"):
        ctx.problems.add(
            directive.loc,
            f"{{{directive.name}}} cannot stand inside a measure card",
            "place it in a chapter",
            code="load.unsupported",
        )
        return []
    return handler(ctx, directive, card_numbers)


def _measure(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    from kplan.load.measures import place_measure

    measure_id = directive.argument
    typed = unicodedata.normalize("NFKC", measure_id)
    if typed != measure_id and re.fullmatch(ID_PATTERN, typed):  # ｏｎｌｉｎｅ: typed with the IME on
        ctx.problems.add(
            directive.loc,
            f"{{measure}} の施策 id「{measure_id}」が全角の文字で書かれています",
            f"半角で ```{{measure}} {typed} と書いてください",
            code="load.invalid-value",
        )
        return []
    if not re.fullmatch(ID_PATTERN, measure_id):
        ctx.problems.add(
            directive.loc,
            f"{{measure}} needs a measure id, found {measure_id!r}",
            "write ```{measure} ID, where plan/measures/ID.yaml is the card",
            code="load.invalid-value",
        )
        return []
    _no_body(ctx, directive)
    measure = place_measure(ctx, measure_id, directive.loc, numbers)
    return [measure] if measure else []


def _records(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    from kplan.load.tables import load_records

    if not directive.argument:
        ctx.problems.add(
            directive.loc,
            "{records} needs the table's file",
            "write ```{records} plan/tables/x.yaml",
            code="load.missing-key",
        )
        return []
    _no_body(ctx, directive)
    table = load_records(ctx, directive.argument, directive.loc)
    return [table] if table else []


def _indicators(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    from kplan.load.tables import indicator_table, load_indicators

    if directive.argument:
        _no_body(ctx, directive)
        table = load_indicators(ctx, directive.argument, directive.loc)
    else:
        data = _body_yaml(ctx, directive, shapes.INDICATORS)
        table = None if data is INVALID else indicator_table(ctx, data, str(data["id"]))
    return [table] if table else []


def _figure(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    from kplan.load.figures import figure

    data = _body_yaml(ctx, directive, shapes.FIGURE)
    return [] if data is INVALID else [figure(ctx, data)]


def _note(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    blocks = parse(directive.body, directive.body_loc, ctx.builder, ctx.problems, headings=False, directives=False)
    return [Note(tuple(blocks), directive.loc)]  # type: ignore[arg-type]


def _drafted(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    builder = ctx.builder.as_drafted()
    return list(
        parse(
            directive.body,
            directive.body_loc,
            builder,
            ctx.problems,
            headings=False,  # type: ignore[arg-type]
            directives=False,
        )
    )


def _body_yaml(ctx: LoadContext, directive: Directive, shape: Record) -> Any:
    """A fence body read as YAML, located where it stands in its file."""
    if not directive.body.strip():
        ctx.problems.add(
            directive.loc,
            f"{{{directive.name}}} needs its YAML between the fences",
            "write the keys on the lines after the opening fence",
            code="load.missing-key",
        )
        return INVALID
    base = directive.body_loc
    return ctx.yaml_text(directive.body, base.file, shape, line_offset=base.line - 1, column_offset=base.column - 1)


def _no_body(ctx: LoadContext, directive: Directive) -> None:
    if directive.body.strip():
        ctx.problems.add(
            directive.body_loc,
            f"{{{directive.name}}} takes no text between its fences",
            "close the fence on the next line",
            code="load.invalid-value",
        )


HANDLERS: dict[str, Handler] = {
    "measure": _measure,
    "records": _records,
    "indicators": _indicators,
    "figure": _figure,
    "note": _note,
    "drafted": _drafted,
}
