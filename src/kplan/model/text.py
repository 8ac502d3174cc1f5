"""Printed text: strings that keep their source location, and rich text with ※ markers and links."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from kplan.diagnostics import Loc


class Str(str):
    """A printed string that knows where it was written (file:line:column of its first character).

    It is a `str` in every other way, so templates and comparisons use it as text; equality ignores the location.
    """

    loc: Loc

    def __new__(cls, text: str, loc: Loc) -> Str:
        self = super().__new__(cls, text)
        self.loc = loc
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Str, (str(self), self.loc))


class Text(Struct, frozen=True):
    text: str


class Marker(Struct, frozen=True):
    """A ※ marker: `term` is the marked word as printed, `between` any closing bracket before the ※.

    `term_id` is the glossary term it resolves to, or None when it resolves to none.
    """

    term: str
    between: str
    term_id: str | None
    loc: Loc
    explicit: bool = False

    @property
    def text(self) -> str:
        return f"{self.term}{self.between}※"


class Link(Struct, frozen=True):
    """A hyperlink whose address was checked to be http, https or mailto."""

    text: str
    url: str


Inline = Text | Marker | Link


class RichText(Struct, frozen=True):
    """A run of text with resolved ※ markers and links.

    `drafted` is set on text that we wrote and the city has not yet confirmed: every output labels it so.
    """

    parts: tuple[Inline, ...]
    loc: Loc
    drafted: bool = False

    @property
    def plain(self) -> str:
        """The text as printed, ※ included."""
        return "".join(part.text for part in self.parts)

    @property
    def markers(self) -> tuple[Marker, ...]:
        return tuple(part for part in self.parts if isinstance(part, Marker))
