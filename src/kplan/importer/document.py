"""The neutral document both readers produce: blocks in reading order, each with its place in the input.

A reader (docx_reader, md_reader) knows its format and nothing of plans; structure recognition reads only this.
"""

from __future__ import annotations

from msgspec import Struct, field

from kplan.messages import Msg, text


class Where(Struct, frozen=True):
    """A place in the input: a line of a Markdown file, or a paragraph (or table) of a Word document."""

    file: str
    number: int = 0
    unit: str = "line"  # "line" | "paragraph"

    def __str__(self) -> str:
        if not self.number:
            return self.file
        if self.unit == "paragraph":
            return text("word.where-paragraph", file=self.file, number=self.number)
        return f"{self.file}:{self.number}"


class Link(Struct, frozen=True):
    """A hyperlink of the input (its address not yet checked)."""

    text: str
    url: str


Segment = str | Link


class Inline(Struct, frozen=True):
    """A run of text: plain strings and links."""

    segments: tuple[Segment, ...] = ()

    @property
    def plain(self) -> str:
        return "".join(s if isinstance(s, str) else s.text for s in self.segments)

    @staticmethod
    def of(text: str) -> Inline:
        return Inline((text,) if text else ())

    def map_text(self, change: object) -> Inline:
        """The same run with `change` (a str → str function) applied to each plain string."""
        assert callable(change)
        return Inline(tuple(change(s) if isinstance(s, str) else Link(change(s.text), s.url) for s in self.segments))

    def strip(self) -> Inline:
        """Without leading and trailing white space."""
        segments = list(self.segments)
        while segments and isinstance(segments[0], str) and not segments[0].strip():
            segments.pop(0)
        while segments and isinstance(segments[-1], str) and not segments[-1].strip():
            segments.pop()
        if segments and isinstance(segments[0], str):
            segments[0] = segments[0].lstrip()
        if segments and isinstance(segments[-1], str):
            segments[-1] = segments[-1].rstrip()
        return Inline(tuple(segments))

    def drop_prefix(self, count: int) -> Inline:
        """Without its first `count` characters (which lie in a plain string)."""
        if count <= 0 or not self.segments:
            return self
        first = self.segments[0]
        if isinstance(first, str) and len(first) >= count:
            rest = first[count:]
            return Inline(((rest,) if rest else ()) + self.segments[1:])
        return self


class Heading(Struct, frozen=True):
    """A heading of `level` (1 is the outermost the input uses); `anchor` an id the input gave it ({#id}).

    `auto_number` is the numbering Word adds by itself (its lvlText, e.g. "第%1章"), absent from the text.
    """

    level: int
    text: Inline
    where: Where
    anchor: str | None = None
    auto_number: str | None = None


class Paragraph(Struct, frozen=True):
    """A paragraph; `role` is what its style says it is: "" (body), title, subtitle, caption, toc."""

    text: Inline
    where: Where
    role: str = ""


class ListBlock(Struct, frozen=True):
    """A bullet or numbered list; `nested` says items of deeper levels were flattened into it."""

    items: tuple[Inline, ...]
    ordered: bool
    where: Where
    nested: bool = False


class Table(Struct, frozen=True):
    """A table: header cells and rows of cells; merged cells already flattened (`merged` counts them)."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    where: Where
    caption: Inline | None = None
    merged: int = 0


class Image(Struct, frozen=True):
    """A picture: its bytes (None when it could not be had), the file type (png, jpeg, svg …) and its texts."""

    data: bytes | None
    kind: str
    alt: str
    where: Where
    title: str = ""
    source: str = ""  # where it came from in the input (a path), for messages


class Quote(Struct, frozen=True):
    """A block set apart from the text (a Markdown quotation): becomes a {note}."""

    blocks: tuple[Block, ...]
    where: Where


class Rule(Struct, frozen=True):
    """A horizontal rule (a separator, e.g. before the colophon)."""

    where: Where


Block = Heading | Paragraph | ListBlock | Table | Image | Quote | Rule


class Finding(Struct, frozen=True):
    """Something the import had to guess or leave out, for the report."""

    where: Where
    said: Msg  # a catalog entry under the finding's code (`import.marker/bracketed`: code `import.marker`)

    @property
    def code(self) -> str:
        return self.said.code

    @property
    def message(self) -> str:
        """The text in the language in use."""
        return str(self.said)


class Document(Struct):
    """What a reader made of the input: its blocks, what its metadata says (title, author …) and its findings."""

    name: str
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def note(self, where: Where, said: Msg) -> None:
        self.findings.append(Finding(where, said))
