"""Declarative shapes of the YAML sources: one description serves validation (with positions) and JSON Schema."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any

import yaml
from msgspec import Struct, field

from kplan.diagnostics import Collector, Loc
from kplan.load.yamlsafe import loc_of
from kplan.messages import Msg
from kplan.model.text import Str

_TAG = "tag:yaml.org,2002:"
_TYPE_NAMES = frozenset(("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))  # load.wrong-type/NAME
MAX_EXPANDED_NODES = 100_000


class Rec(dict[str, Any]):
    """A validated mapping: its values, its own location, and the location of each value."""

    def __init__(self, loc: Loc) -> None:
        super().__init__()
        self.loc = loc
        self.locs: dict[str, Loc] = {}

    def loc_of(self, key: str) -> Loc:
        return self.locs.get(key, self.loc)


class Seq(list[Any]):
    """A validated list with its location and the location of each item."""

    def __init__(self, loc: Loc) -> None:
        super().__init__()
        self.loc = loc
        self.locs: list[Loc] = []


class Context(Struct):
    """What a conversion needs: the file, where problems go, and the alias-expansion budget."""

    rel: str
    problems: Collector
    line_offset: int = 0
    budget: int = MAX_EXPANDED_NODES
    source_lines: list[str] = field(default_factory=list)
    column_offset: int = 0

    def loc(self, node: yaml.Node) -> Loc:
        return loc_of(node, self.rel, self.line_offset, self.column_offset)

    def content_loc(self, node: yaml.Node) -> Loc:
        """Where a scalar's text starts: after the opening quote of a quoted scalar; for block scalars (| or >),
        its first non-blank line and indentation."""
        loc = self.loc(node)
        if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"'):
            return Loc(loc.file, loc.line, loc.column + 1)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            index = node.start_mark.line + 1
            while index < len(self.source_lines) and not self.source_lines[index].strip():
                index += 1
            if index >= len(self.source_lines):
                return Loc(loc.file, loc.line + 1, 1)
            line = self.source_lines[index]
            indent = len(line) - len(line.lstrip(" "))
            return Loc(loc.file, index + 1 + self.line_offset, indent + 1 + self.column_offset)
        return loc

    def spend(self, node: yaml.Node) -> bool:
        self.budget -= 1
        if self.budget == 0:
            self.problems.error(self.loc(node), "load.too-large/aliases")
        return self.budget > 0


INVALID = object()
_constructor = yaml.SafeLoader("")  # only its scalar constructors are used, on already-checked plain tags


FIRST_YEAR, LAST_YEAR = 1868, 2200  # dates are printed in 和暦 from 明治 on; beyond 2200 is a slip
MAX_NUMBER = 10**15


class _UnreadableError(Exception):
    """A scalar whose tag says one type and whose text is not of it (!!int abc, a 4,301-digit integer …)."""


def _scalar_value(node: yaml.ScalarNode) -> Any:
    """The scalar's value by its (already checked, plain) tag; _UnreadableError when its text does not fit the tag."""
    try:
        value = _constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError, TypeError, ArithmeticError, yaml.YAMLError):
        raise _UnreadableError from None
    if isinstance(value, int | float) and not isinstance(value, bool) and not abs(value) <= MAX_NUMBER:
        raise _UnreadableError  # inf, nan and numbers no plan prints
    return value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _kind(node: yaml.Node) -> str:
    return node.tag.removeprefix(_TAG)


class Spec(Struct):
    """A shape a YAML node must have. Every shape has a `description` (its first field), for the JSON Schema."""

    if TYPE_CHECKING:  # each shape declares it as a field, where its arguments want it

        @property
        def description(self) -> str: ...

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _wrong_type(self, node: yaml.Node, ctx: Context, expected: str, hint: Msg | str = "") -> Any:
        """load.wrong-type: `expected` names a load.wrong-type/expect-… entry, `hint` what to write instead."""
        kind = _kind(node)
        got: Msg | str = Msg(f"load.wrong-type/{kind}") if kind in _TYPE_NAMES else kind
        if not hint and isinstance(node, yaml.SequenceNode):
            hint = Msg("load.wrong-type/hint-seq")
        elif not hint and isinstance(node, yaml.MappingNode):
            hint = Msg("load.wrong-type/hint-map")
        expect = Msg(f"load.wrong-type/expect-{expected}")
        ctx.problems.error(ctx.loc(node), "load.wrong-type", expected=expect, found=got, advice=hint)
        return INVALID

    def _value(self, node: yaml.ScalarNode, ctx: Context, expected: str) -> Any:
        """The scalar's value, or INVALID with a diagnostic when its text cannot be what its tag says."""
        try:
            return _scalar_value(node)
        except _UnreadableError:
            ctx.problems.error(
                ctx.loc(node),
                "load.wrong-type/unreadable",
                value=_short(node.value),
                expected=Msg(f"load.wrong-type/expect-{expected}"),
                maximum=f"{MAX_NUMBER:.0e}",
            )
            return INVALID

    def _with_description(self, schema: dict[str, Any]) -> dict[str, Any]:
        if self.description:
            schema["description"] = self.description
        return schema


class Text(Spec):
    """A string, optionally matching a pattern or one of a few values."""

    description: str = ""
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    pattern_hint: str = ""  # a catalog key: what to write when the pattern does not match
    multiline: bool = False

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or _kind(node) != "str":
            hint: Msg | str = ""
            if isinstance(node, yaml.ScalarNode):
                hint = Msg("load.wrong-type/hint-quote", value=_short(node.value))
            return self._wrong_type(node, ctx, "text", hint)
        value = node.value
        if not value.strip():
            ctx.problems.error(ctx.loc(node), "load.invalid-value/empty-text")
            return INVALID
        if self.enum and value not in self.enum:
            choices = ", ".join(self.enum)
            close = difflib.get_close_matches(value, self.enum, n=1)
            advice = Msg("word.did-you-mean", name=close[0]) if close else Msg("word.use-one-of", choices=choices)
            ctx.problems.error(
                ctx.loc(node), "load.invalid-value/not-one-of", value=value, choices=choices, advice=advice
            )
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            form_hint = Msg(self.pattern_hint) if self.pattern_hint else ""
            ctx.problems.error(ctx.loc(node), "load.invalid-value/form", value=_short(value), advice=form_hint)
            return INVALID
        if not self.multiline and "\n" in value.strip():
            ctx.problems.error(ctx.loc(node), "load.invalid-value/one-line")
            return INVALID
        return Str(value.strip("\n") if self.multiline else value.strip(), ctx.content_loc(node))

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.enum:
            schema["enum"] = list(self.enum)
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        return self._with_description(schema)


ID_PATTERN = r"[a-z0-9][a-z0-9-]*"


def Id(description: str = "stable id: lower-case ASCII letters, digits and '-'") -> Text:  # noqa: N802
    return Text(description, pattern=ID_PATTERN, pattern_hint="load.invalid-value/hint-id")


class Integer(Spec):
    description: str = ""
    minimum: int | None = None
    maximum: int = MAX_NUMBER

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or _kind(node) != "int":
            return self._wrong_type(node, ctx, "whole-number")
        value = self._value(node, ctx, "whole-number")
        if value is INVALID:
            return INVALID
        if self.minimum is not None and value < self.minimum:
            ctx.problems.error(ctx.loc(node), "load.invalid-value/too-small", value=value, minimum=self.minimum)
            return INVALID
        if value > self.maximum:
            ctx.problems.error(ctx.loc(node), "load.invalid-value/too-large", value=value, maximum=self.maximum)
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer", "maximum": self.maximum}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        return self._with_description(schema)


def Year(description: str) -> Integer:  # noqa: N802
    """A (fiscal) year within the years a plan can print in 和暦."""
    return Integer(description, minimum=FIRST_YEAR, maximum=LAST_YEAR)


class Percent(Spec):
    description: str = "a percentage as printed, e.g. 61.5"

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or _kind(node) not in ("int", "float"):
            return self._wrong_type(node, ctx, "number", Msg("load.wrong-type/hint-percent"))
        value = self._value(node, ctx, "number")
        if value is INVALID:
            return INVALID
        value = float(value)
        if not 0 <= value <= 100:
            ctx.problems.error(ctx.loc(node), "load.invalid-value/percent", value=value)
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "number", "minimum": 0, "maximum": 100})


class Number(Spec):
    """A whole or decimal number (not true/false)."""

    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or _kind(node) not in ("int", "float"):
            return self._wrong_type(node, ctx, "number", Msg("load.wrong-type/hint-number"))
        return self._value(node, ctx, "number")

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER})


class Pending(Struct):
    """A node kept for later validation, when what it must be is known (a record cell, typed by its column)."""

    node: yaml.Node
    ctx: Context

    def validate(self, spec: Spec) -> Any:
        """The node converted with `spec` (INVALID, with problems recorded, when it does not fit)."""
        before = len(self.ctx.problems.problems)
        value = spec.convert(self.node, self.ctx)
        return value if len(self.ctx.problems.problems) == before else INVALID

    @property
    def loc(self) -> Loc:
        return self.ctx.loc(self.node)


class OneOf(Spec):
    """One of several shapes, chosen later by the loader (e.g. a record cell, typed by its column's kind).

    Validation keeps the node as `Pending`; the schema lists the alternatives.
    """

    options: tuple[Spec, ...] = ()
    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        return Pending(node, ctx)

    def schema(self) -> dict[str, Any]:
        return self._with_description({"anyOf": [option.schema() for option in self.options]})


class MapOf(Spec):
    """A mapping whose keys are among `keys` (unknown ones get a 'did you mean') and whose values share a shape."""

    value: Spec
    keys: tuple[str, ...] = ()
    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self._wrong_type(node, ctx, "mapping", Msg("load.wrong-type/hint-mapping"))
        result = Rec(ctx.loc(node))
        before = len(ctx.problems.problems)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or (self.keys and key not in self.keys):
                shown = str(key)
                close = difflib.get_close_matches(shown, list(self.keys), n=1, cutoff=0.6)
                advice = (
                    Msg("word.did-you-mean", name=close[0])
                    if close
                    else Msg("word.known-keys", keys=", ".join(self.keys))
                )
                ctx.problems.error(ctx.loc(key_node), "load.unknown-key", key=shown, advice=advice)
                continue
            value = self.value.convert(value_node, ctx)
            if value is not INVALID:
                result[key] = value
                result.locs[key] = ctx.content_loc(value_node)
        return result if len(ctx.problems.problems) == before else INVALID

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object", "additionalProperties": self.value.schema()}
        if self.keys:
            schema["propertyNames"] = {"enum": list(self.keys)}
        return self._with_description(schema)


class Boolean(Spec):
    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.ScalarNode) or _kind(node) != "bool":
            return self._wrong_type(node, ctx, "bool")
        return _scalar_value(node)

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "boolean"})


class YearMonth(Spec):
    """An ISO year-month such as 2021-07, kept as (year, month)."""

    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and _kind(node) == "str":
            match = re.fullmatch(r"(\d{4})-(\d{2})", node.value.strip())
            if match and 1 <= int(match[2]) <= 12:
                if not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
                    return _out_of_years(node, ctx)
                return (int(match[1]), int(match[2]))
        return self._wrong_type(node, ctx, "year-month")

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"})


class Date(Spec):
    """An ISO date such as 2021-01-12."""

    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and _kind(node) in ("timestamp", "str"):
            try:
                day = dt.date.fromisoformat(node.value.strip())
            except ValueError:
                pass
            else:
                return day if FIRST_YEAR <= day.year <= LAST_YEAR else _out_of_years(node, ctx)
        return self._wrong_type(node, ctx, "date")

    def schema(self) -> dict[str, Any]:
        return self._with_description({"type": "string", "format": "date"})


def _out_of_years(node: yaml.Node, ctx: Context) -> Any:
    ctx.problems.error(
        ctx.loc(node), "load.invalid-value/year-range", value=_short(str(node.value)), first=FIRST_YEAR, last=LAST_YEAR
    )
    return INVALID


class Nullable(Spec):
    """Either the inner shape or an explicit null (`~`, `null` or nothing)."""

    inner: Spec
    description: str = ""

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if isinstance(node, yaml.ScalarNode) and _kind(node) == "null":
            return None
        return self.inner.convert(node, ctx)

    def schema(self) -> dict[str, Any]:
        return self._with_description({"anyOf": [self.inner.schema(), {"type": "null"}]})


class ListOf(Spec):
    item: Spec
    description: str = ""
    min_items: int = 0

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return self._wrong_type(node, ctx, "list", Msg("load.wrong-type/hint-list"))
        result = Seq(ctx.loc(node))
        before = len(ctx.problems.problems)
        if len(node.value) < self.min_items:
            ctx.problems.error(ctx.loc(node), "load.missing-key/min-items", count=self.min_items)
        for child in node.value:
            if not ctx.spend(child):
                return INVALID
            value = self.item.convert(child, ctx)
            if value is not INVALID:
                result.append(value)
                result.locs.append(ctx.content_loc(child))
        return result if len(ctx.problems.problems) == before else INVALID

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return self._with_description(schema)


class Field(Struct):
    spec: Spec
    required: bool = True


class Record(Spec):
    """A mapping with known keys; unknown keys are errors with a 'did you mean'."""

    fields: dict[str, Field] = field(default_factory=dict)
    description: str = ""
    title: str = ""
    exactly_one: tuple[tuple[str, ...], ...] = ()

    def convert(self, node: yaml.Node, ctx: Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self._wrong_type(node, ctx, "mapping", Msg("load.wrong-type/hint-mapping"))
        result = Rec(ctx.loc(node))
        before = len(ctx.problems.problems)
        seen: dict[str, Loc] = {}
        for key_node, value_node in node.value:
            if not ctx.spend(value_node):
                return INVALID
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            key_loc = ctx.loc(key_node)
            if not isinstance(key, str) or key not in self.fields:
                self._unknown_key(key, key_loc, ctx)
                continue
            if key in seen:
                ctx.problems.error(key_loc, "load.yaml-syntax/key-twice", key=key, line=seen[key].line)
                continue
            seen[key] = key_loc
            value = self.fields[key].spec.convert(value_node, ctx)
            if value is not INVALID:
                result[key] = value
                result.locs[key] = ctx.content_loc(value_node)
        for name, spec_field in self.fields.items():
            if spec_field.required and name not in seen:
                ctx.problems.error(result.loc, "load.missing-key", key=name)
        for group in self.exactly_one:
            present = [name for name in group if name in seen]
            if len(present) != 1 and len(ctx.problems.problems) == before:
                which = " / ".join(group)
                key = "load.missing-key/exactly-one" if not present else "load.invalid-value/exactly-one"
                ctx.problems.error(result.loc, key, keys=which)
        return result if len(ctx.problems.problems) == before else INVALID

    def _unknown_key(self, key: object, loc: Loc, ctx: Context) -> None:
        shown = key if isinstance(key, str) else str(key)
        close = difflib.get_close_matches(shown, list(self.fields), n=1, cutoff=0.6)
        advice = (
            Msg("word.did-you-mean", name=close[0]) if close else Msg("word.known-keys", keys=", ".join(self.fields))
        )
        ctx.problems.error(loc, "load.unknown-key", key=shown, advice=advice)

    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {name: f.spec.schema() for name, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [name for name, f in self.fields.items() if f.required]
        if required:
            schema["required"] = required
        if self.exactly_one:
            schema["oneOf"] = [{"required": [name]} for group in self.exactly_one for name in group]
        if self.title:
            schema["title"] = self.title
        return self._with_description(schema)


def req(spec: Spec) -> Field:
    return Field(spec, required=True)


def opt(spec: Spec) -> Field:
    return Field(spec, required=False)


def validate(
    node: yaml.Node,
    spec: Spec,
    rel: str,
    problems: Collector,
    line_offset: int = 0,
    source: str = "",
    column_offset: int = 0,
) -> Any:
    """Convert a composed node tree to validated values (Rec / Seq / scalars), or INVALID.

    A Rec or Seq is only returned whole: any problem inside makes the value INVALID (the problems are recorded).
    `source` is the composed text; with it, block scalars get the exact location of their first line.
    """
    ctx = Context(rel, problems, line_offset, source_lines=source.split("\n"), column_offset=column_offset)
    return spec.convert(node, ctx)
