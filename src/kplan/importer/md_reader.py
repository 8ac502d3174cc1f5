"""A Markdown file (CommonMark with pipe tables, pandoc's title block and heading ids) into the neutral document.

Raw HTML is read as text (the parser runs with html off), so it can only ever reach the plan as visible, escaped
characters. Pictures are read only from files inside the Markdown file's own directory; links are kept with their
address and checked when the plan is written.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kplan.importer.container import decode_text
from kplan.importer.document import (
    Block,
    Document,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Segment,
    Table,
    Where,
)
from kplan.load.markdown import closing, is_wide
from kplan.messages import Msg

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
PERCENT_BLOCK = re.compile(r"\A((?:%[^\n]*\n)+)")
ATTRIBUTES = re.compile(r"\s*\{([#.\-][^{}]*)\}\s*$")
MAX_IMAGE_BYTES = 30 * 1024 * 1024


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def image_kind(data: bytes) -> str:
    """The picture's file type by its first bytes: png, jpeg, gif, svg, or "" when unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    head = data[:4096].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "svg"
    return ""


def read_markdown(data: bytes, name: str, directory: Path) -> Document:
    """The document in a Markdown file's bytes; pictures are looked up under `directory` (the file's own)."""
    text, encoding = decode_text(data)
    document = Document(name, [])
    if encoding != "utf-8":
        document.note(Where(name), Msg("import.encoding"))
    offset = 0
    match = FRONT_MATTER.match(text)
    if match:
        document.meta.update(_front_matter(match[1]))
        offset = match[0].count("\n")
        text = "\n" * offset + text[match.end() :]
    else:
        percent = PERCENT_BLOCK.match(text)
        if percent:
            lines = [line[1:].strip() for line in percent[1].splitlines()]
            for key, value in zip(("title", "author", "date"), lines, strict=False):
                if value:
                    document.meta[key] = value
            offset = percent[0].count("\n")
            text = "\n" * offset + text[percent.end() :]
    reader = _Reader(document, directory.resolve())
    tokens = _parser().parse(text)
    document.blocks = reader.blocks(tokens)
    return document


def _front_matter(source: str) -> dict[str, str]:
    if len(source) > 64 * 1024:
        return {}
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    meta = {}
    for key in ("title", "subtitle", "author", "date", "municipality"):
        value = data.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = value[0]
        if isinstance(value, str | int | float) and str(value).strip():
            meta[key] = str(value).strip()
    return meta


class _Reader:
    def __init__(self, document: Document, directory: Path) -> None:
        self.document = document
        self.directory = directory

    def where(self, token: Token) -> Where:
        line = token.map[0] + 1 if token.map else 0
        return Where(self.document.name, line, "line")

    def blocks(self, tokens: list[Token]) -> list[Block]:
        out: list[Block] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            where = self.where(token)
            pictures: list[Block] = []
            if token.type == "heading_open":
                text = self.inline(tokens[i + 1], where, pictures)
                anchor = None
                last = text.segments[-1] if text.segments else None
                if isinstance(last, str):
                    match = ATTRIBUTES.search(last)
                    if match:
                        ids = re.findall(r"#([A-Za-z0-9_:.\-]+)", match[1])
                        anchor = ids[0] if ids else None
                        text = Inline(text.segments[:-1] + ((last[: match.start()],) if match.start() else ())).strip()
                if text.plain:
                    out.append(Heading(int(token.tag[1]), text, where, anchor))
                i += 3
            elif token.type == "paragraph_open":
                text = self.inline(tokens[i + 1], where, pictures)
                if text.plain:
                    out.append(Paragraph(text, where))
                i += 3
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                end = closing(tokens, i)
                out.append(self.list_block(tokens[i : end + 1], where, pictures))
                i = end + 1
            elif token.type == "table_open":
                end = closing(tokens, i)
                out.append(self.table(tokens[i : end + 1], where, pictures))
                i = end + 1
            elif token.type == "blockquote_open":
                end = closing(tokens, i)
                inner = self.blocks(tokens[i + 1 : end])
                if inner:
                    out.append(Quote(tuple(inner), where))
                i = end + 1
            elif token.type in ("fence", "code_block"):
                lines = [line.strip() for line in token.content.split("\n") if line.strip()]
                if lines:
                    self.document.note(where, Msg("import.code-block"))
                out.extend(Paragraph(Inline.of(line), where) for line in lines)
                i += 1
            elif token.type == "hr":
                out.append(Rule(where))
                i += 1
            elif token.type == "html_block":
                lines = [line.strip() for line in token.content.split("\n") if line.strip()]
                out.extend(Paragraph(Inline.of(line), where) for line in lines)
                i += 1
            else:
                i += 1
            out.extend(pictures)
        return out

    def inline(self, token: Token, where: Where, images: list[Block]) -> Inline:
        """An inline token's text and links; pictures in it are appended to `images` as Image blocks."""
        segments: list[Segment] = []
        link: str | None = None
        link_text: list[str] = []

        def add(piece: str) -> None:
            if link is not None:
                link_text.append(piece)
            elif segments and isinstance(segments[-1], str):
                segments[-1] += piece
            else:
                segments.append(piece)

        for child in token.children or []:
            kind = child.type
            if kind in ("text", "code_inline", "html_inline"):
                add(child.content)
            elif kind == "softbreak":
                previous = segments[-1] if segments and isinstance(segments[-1], str) else ""
                add("" if is_wide(previous[-1:]) else " ")
            elif kind == "hardbreak":
                add("\n")
            elif kind in ("em_open", "em_close") and child.markup == "*":
                add("*")  # a single * is far more often a ※ typed as * than emphasis
            elif kind == "link_open":
                link = str(child.attrs.get("href", ""))
                link_text = []
            elif kind == "link_close":
                shown = "".join(link_text)
                url = link or ""
                link = None
                if shown:
                    segments.append(Link(shown, url))
            elif kind == "image":
                images.append(self.image(child, where))
        text = Inline(tuple(segments)).strip()
        first = text.segments[0] if text.segments else None
        if isinstance(first, str) and re.match(r"\\[0-9０-９]", first):
            text = text.drop_prefix(1)  # "\1." : a backslash meant to keep 1. from being a list (not an escape)
        return text

    def image(self, token: Token, where: Where) -> Image:
        src = str(token.attrs.get("src", ""))
        alt = token.content.strip()
        title = str(token.attrs.get("title", "") or "")
        data, kind = self._image_bytes(src, where)
        return Image(data, kind, alt, where, title, src)

    def _image_bytes(self, src: str, where: Where) -> tuple[bytes | None, str]:
        if src.startswith("data:image/"):
            header, _, payload = src.partition(",")
            if ";base64" in header and len(payload) < MAX_IMAGE_BYTES * 4 // 3:
                try:
                    data = base64.b64decode(payload, validate=True)
                except (binascii.Error, ValueError):
                    return None, "broken"
                return data, image_kind(data)
            return None, "broken"
        parsed = urlparse(src)
        if parsed.scheme or parsed.netloc:
            return None, "link"
        relative = unquote(parsed.path)
        if not relative or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
            return None, "outside"
        try:
            path = (self.directory / relative).resolve()
        except (OSError, RuntimeError):
            return None, "missing"
        if not path.is_relative_to(self.directory):
            return None, "outside"
        try:
            if not path.is_file():
                return None, "missing"
            if path.stat().st_size > MAX_IMAGE_BYTES:
                return None, "too-large"
            data = path.read_bytes()
        except OSError:
            return None, "missing"
        return data, image_kind(data)

    def list_block(self, tokens: list[Token], where: Where, images: list[Block]) -> ListBlock:
        items: list[Inline] = []
        nested = False
        depth = 0
        current: list[Segment] = []
        for token in tokens[1:-1]:
            if token.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
                nested = True
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            elif token.type == "list_item_open":
                current = []
            elif token.type == "inline":
                text = self.inline(token, where, images)
                if not text.plain:
                    continue
                if current:
                    items[-1] = Inline(items[-1].segments + text.segments)
                else:
                    items.append(text)
                    current = list(text.segments)
            elif token.type == "list_item_close":
                current = []
        return ListBlock(tuple(items), tokens[0].type == "ordered_list_open", where, nested)

    def table(self, tokens: list[Token], where: Where, images: list[Block]) -> Table:
        header: list[Inline] = []
        rows: list[list[Inline]] = []
        in_head = False
        for token in tokens:
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open" and not in_head:
                rows.append([])
            elif token.type == "inline":
                cell = self.inline(token, where, images)
                (header if in_head else rows[-1]).append(cell)
        return Table(tuple(header), tuple(tuple(row) for row in rows), where)
