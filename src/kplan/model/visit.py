"""One reading order for the whole plan: every part, component and printed text, with what encloses it.

Lint, search data, term uses, export and diff read the plan through these functions; none walks it by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from msgspec import Struct

from kplan.model.components import Component, Content, Measure, Section
from kplan.model.parts import Part
from kplan.model.text import RichText, Str

if TYPE_CHECKING:
    from kplan.model.plan import Plan


class Where(Struct, frozen=True):
    """The part a text or component stands in, and the sections and measure cards around it, outermost first."""

    part: Part
    trail: tuple[Section | Measure, ...] = ()

    @property
    def innermost(self) -> Section | Measure | None:
        return self.trail[-1] if self.trail else None


def _walk(items: Iterator[Content], where: Where) -> Iterator[tuple[Where, Content]]:
    for item in items:
        yield where, item
        if not isinstance(item, Str | RichText):
            inner = Where(where.part, (*where.trail, item)) if isinstance(item, Section | Measure) else where
            yield from _walk(item.contents(), inner)


def contents(plan: Plan) -> Iterator[tuple[Where, Content]]:
    """Everything in the plan in reading order: parts' titles, texts and components, depth first."""
    for part in plan.parts:
        yield from _walk(part.contents(), Where(part))


def components(plan: Plan) -> Iterator[tuple[Part, tuple[Section | Measure, ...], Component]]:
    """Every component in reading order, with its part and enclosing sections and cards."""
    for where, item in contents(plan):
        if not isinstance(item, Str | RichText):
            yield where.part, where.trail, item


def texts(plan: Plan) -> Iterator[tuple[Where, Str | RichText]]:
    """Every printed string and marked-up text in reading order."""
    for where, item in contents(plan):
        if isinstance(item, Str | RichText):
            yield where, item


def rich_texts(plan: Plan) -> Iterator[RichText]:
    """The marked-up texts (those that may carry ※ markers and links), in reading order."""
    for _, item in texts(plan):
        if isinstance(item, RichText):
            yield item


def part_components(part: Part) -> Iterator[tuple[tuple[Section | Measure, ...], Component]]:
    """The components of one part in reading order, with their enclosing sections and cards."""
    for where, item in _walk(part.contents(), Where(part)):
        if not isinstance(item, Str | RichText):
            yield where.trail, item
