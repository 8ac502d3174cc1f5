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
        known = ", ".join(f"{{{name}}}" for name in HANDLERS)
        ctx.problems.error(directive.loc, "load.unknown-directive", name=directive.name, known=known)
        return []
    if in_card and directive.name in ("measure", "records"):
        ctx.problems.error(directive.loc, "load.unsupported/in-card", name=directive.name)
        return []
    return handler(ctx, directive, card_numbers)


def _measure(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    from kplan.load.measures import place_measure

    measure_id = directive.argument
    typed = unicodedata.normalize("NFKC", measure_id)
    if typed != measure_id and re.fullmatch(ID_PATTERN, typed):  # ｏｎｌｉｎｅ: typed with the IME on
        ctx.problems.error(directive.loc, "load.invalid-value/typed-id", id=measure_id, typed=typed)
        return []
    if not re.fullmatch(ID_PATTERN, measure_id):
        ctx.problems.error(directive.loc, "load.invalid-value/measure-id", id=measure_id)
        return []
    _no_body(ctx, directive)
    measure = place_measure(ctx, measure_id, directive.loc, numbers)
    return [measure] if measure else []


def _records(ctx: LoadContext, directive: Directive, numbers: tuple[int, ...]) -> list[Component]:
    from kplan.load.tables import load_records

    if not directive.argument:
        ctx.problems.error(directive.loc, "load.missing-key/records-file")
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
        ctx.problems.error(directive.loc, "load.missing-key/fence-body", name=directive.name)
        return INVALID
    base = directive.body_loc
    return ctx.yaml_text(directive.body, base.file, shape, line_offset=base.line - 1, column_offset=base.column - 1)


def _no_body(ctx: LoadContext, directive: Directive) -> None:
    if directive.body.strip():
        ctx.problems.error(directive.body_loc, "load.invalid-value/fence-body", name=directive.name)


HANDLERS: dict[str, Handler] = {
    "measure": _measure,
    "records": _records,
    "indicators": _indicators,
    "figure": _figure,
    "note": _note,
    "drafted": _drafted,
}
