"""Markdown chapters and prose fields into blocks, headings and directive fences. Raw HTML is text; only http(s)
and mailto links pass.

Text is read as people save it: CRLF and a lone CR are line breaks like LF. The commonest IME slips in Markdown
syntax are read as what was meant, so that one slip does not change the document's structure: a heading typed
with full-width ＃ (or a full-width space after the #) that ends with its {#id}, a heading id typed ｛#id｝, a
fence typed with full-width ｀｀｀ and a directive name typed ｛measure｝. Each substitution keeps the length of
the line, so every position stays that of the file; lint reports each slip with its fix (lint/ime_rules.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

from msgspec import Struct

from kplan.diagnostics import Collector, Loc
from kplan.load import md_tokens
from kplan.load.md_tokens import Tok
from kplan.messages import Msg
from kplan.model import Block, BulletList, Cell, Link, Paragraph, RichText, Str, Table, Text
from kplan.resolve import TextBuilder

HEADING_ID = re.compile(r"\s*[{｛][#＃]([^{}｛｝\s]+)[}｝]\s*$")  # ｛#id｝ and full-width letters: lint ime-heading-id
ID = re.compile(r"[a-z0-9][a-z0-9-]*")
SAFE_URL = re.compile(r"(https?://|mailto:)", re.IGNORECASE)
CELL_ITEM = re.compile(r"(?:^|\s+)・")
CAPTION = re.compile(r"^Table:\s*")


def is_wide(char: str) -> bool:
    """Whether a character is Japanese or full-width (kana, CJK, full-width forms): a line break next to one
    joins without a space. (Comparisons, not a character class: re builds a 64K-entry map to compile one.)"""
    return "\u3000" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def lf(text: str) -> str:
    """CRLF and a lone CR as LF: each is one line break, as every editor counts lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


TYPED_FENCE = re.compile(r"( {0,3})([`｀]{3,})")  # a fence typed (partly) with full-width ｀
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
TYPED_HEADING = re.compile(r"( {0,3})([#＃]{1,6})([ \t\u3000]+)(?=.*[{｛][#＃][^{}｛｝\s]+[}｝]\s*$)")


def forgive(text: str) -> str:
    """The text with the Markdown syntax IME slips replaced by what was meant, character for character:
    ｀｀｀ fences, and (outside fences) headings typed ＃＃ or ##　 that end with an {#id}."""
    if "｀" not in text and "＃" not in text and "\u3000" not in text:
        return text
    lines = text.split("\n")
    fence = ""  # the opening fence's marks while inside a fence
    for index, line in enumerate(lines):
        typed = TYPED_FENCE.match(line)
        if typed and "｀" in typed[2]:
            line = lines[index] = typed[1] + "`" * len(typed[2]) + line[typed.end() :]
        fenced = FENCE.fullmatch(line)
        if fence:
            if fenced and fenced[1][0] == fence[0] and len(fenced[1]) >= len(fence) and not fenced[2].strip():
                fence = ""
            continue
        if fenced:
            fence = fenced[1]
            continue
        heading = TYPED_HEADING.match(line)
        if heading and ("＃" in heading[2] or "\u3000" in heading[3]):
            marks = "#" * len(heading[2]) + heading[3].replace("\u3000", " ")
            lines[index] = heading[1] + marks + line[heading.end() :]
    return "\n".join(lines)


class Heading(Struct, frozen=True):
    """A heading: `depth` is its number of #, `title` a Str located at its first character."""

    depth: int
    title: Str
    id: str
    loc: Loc


class Directive(Struct, frozen=True):
    """A ```{name} argument fence: its body is the raw text between the fences, starting at `body_loc`."""

    name: str
    argument: str
    body: str
    loc: Loc
    body_loc: Loc


Parsed = Block | Heading | Directive


def parse(
    text: str, base: Loc, builder: TextBuilder, problems: Collector, headings: bool = True, directives: bool = True
) -> list[Parsed]:
    """Parse Markdown that starts at `base` into blocks, headings and directive fences (where allowed), in order."""
    text = forgive(lf(text))
    tokens = md_tokens.tokens(text)  # markdown-it's, kept between runs (load/md_tokens.py)
    lines = text.split("\n")
    _report_dropped(tokens, lines, base, problems)
    out: list[Parsed] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        loc = _loc(token, base)
        if token.type == "heading_open":
            inline = tokens[i + 1]
            if headings:
                out.append(_heading(token, inline, _content_loc(inline, base, lines), loc, problems))
            else:
                _not_here(loc, problems, Msg("load.unsupported/what-heading"))
            i += 3
        elif token.type == "paragraph_open":
            inline = tokens[i + 1]
            out.append(Paragraph(_rich(inline, _content_loc(inline, base, lines), builder)))
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            end = closing(tokens, i)
            out.append(_bullet_list(tokens[i:end], loc, base, builder, problems, lines))
            i = end + 1
        elif token.type == "table_open":
            end = closing(tokens, i)
            out.append(_table(tokens[i:end], loc, base, builder, out, lines))
            i = end + 1
        elif token.type == "fence" and directives:
            directive = _directive(token, loc, base, problems)
            if directive:
                out.append(directive)
            i += 1
        else:
            if token.type not in ("hr",) and token.nesting >= 0 and token.level == 0:
                variant = _UNSUPPORTED.get(token.type)
                what = Msg(f"load.unsupported/what-{variant}") if variant else token.type
                problems.error(loc, "load.unsupported", what=what, advice=_unsupported_hint(token.type))
                if token.nesting == 1:
                    i = closing(tokens, i)
            i += 1
    return out


DIRECTIVE = re.compile(r"[{｛]([^{}｛｝]+)[}｝]\s*(.*)")  # ｛name｝ and full-width letters: lint ime-directive
DIRECTIVE_NAME = re.compile(r"[a-z][a-z0-9-]*")


def _directive(token: Tok, loc: Loc, base: Loc, problems: Collector) -> Directive | None:
    """A ```{name} argument fence; any other fence is an unknown directive."""
    match = DIRECTIVE.fullmatch(token.info.strip())
    name = unicodedata.normalize("NFKC", match[1]) if match else ""
    if not match or not DIRECTIVE_NAME.fullmatch(name):
        fence = token.info.strip() or Msg("load.unknown-directive/no-name")
        problems.error(loc, "load.unknown-directive/fence", fence=fence)
        return None
    body_loc = Loc(base.file, loc.line + 1, base.column)
    return Directive(name, match[2].strip(), token.content, loc, body_loc)


_UNSUPPORTED = {"fence": "fence", "code_block": "code-block", "blockquote_open": "quote", "html_block": "html"}


def _unsupported_hint(kind: str) -> Msg:
    if kind == "code_block":
        return Msg("load.unsupported/hint-code-block")
    if kind == "html_block":
        return Msg("load.unsupported/hint-html")
    return Msg("load.unsupported/hint-other")


def _not_here(loc: Loc, problems: Collector, what: Msg) -> None:
    problems.error(loc, "load.unsupported/not-here", what=what)


def _loc(token: Tok, base: Loc) -> Loc:
    """The start of the token's first line. Every line of the parsed text starts at `base.column` in the file
    (a Markdown file: column 1; a YAML block scalar: its indentation)."""
    line = token.map[0] if token.map else 0
    return Loc(base.file, base.line + line, base.column)


def _content_loc(inline: Tok, base: Loc, lines: list[str], start: int = 0) -> Loc:
    """Where an inline token's text starts: after list bullets, indentation and table pipes."""
    line = inline.map[0] if inline.map else 0
    source = lines[line] if line < len(lines) else ""
    first = inline.content.split("\n", 1)[0]
    column = source.find(first, start) if first else -1
    return Loc(base.file, base.line + line, base.column + (column if column >= 0 else start))


class Nested(Protocol):
    """A token with markdown-it's nesting (1 opens, -1 closes): kplan's Tok and markdown-it's own Token."""

    @property
    def nesting(self) -> int: ...


def closing(tokens: Sequence[Nested], start: int) -> int:
    """The index of the token that closes the one at `start` (the last token when none does)."""
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _heading(open_token: Tok, inline: Tok, title_loc: Loc, loc: Loc, problems: Collector) -> Heading:
    depth = int(open_token.tag[1])
    content = inline.content
    match = HEADING_ID.search(content)
    heading_id = unicodedata.normalize("NFKC", match[1]) if match else ""
    if not ID.fullmatch(heading_id):
        match = None
    title = Str((content[: match.start()] if match else content).strip(), title_loc)
    if not match:
        problems.error(loc, "load.heading-id", title=str(title))
        return Heading(depth, title, "", loc)
    return Heading(depth, title, heading_id, loc)


def _report_dropped(tokens: list[Tok], lines: list[str], base: Loc, problems: Collector) -> None:
    """Warn about what the text keeps out of the output: unsafe links and images.

    (Raw HTML never becomes a token: the parser runs with html off, so it stays visible text. markdown-it itself
    refuses javascript:, vbscript:, file: and data: destinations, which then stay literal text too.)
    """
    for token in tokens:
        if token.type != "inline":
            continue
        for child in token.children or []:
            if child.type == "link_open" and not SAFE_URL.match(str(child.attrs.get("href", ""))):
                href = str(child.attrs.get("href", ""))
                problems.warning(_find(href, token, lines, base), "load.notice/link-dropped", href=href)
            elif child.type == "image":
                src = str(child.attrs.get("src", ""))
                problems.warning(_find(src, token, lines, base), "load.notice/image-dropped", src=src)


def _find(needle: str, inline: Tok, lines: list[str], base: Loc) -> Loc:
    """Where `needle` stands in the source, searched from the inline token's first line (its line if not found)."""
    first = inline.map[0] if inline.map else 0
    for index in range(first, len(lines)):
        column = lines[index].find(needle) if needle else -1
        if column >= 0:
            return Loc(base.file, base.line + index, base.column + column)
    return Loc(base.file, base.line + first, 1)


def segments_of(inline: Tok) -> list[str | Link]:
    """The visible text of an inline token as plain strings and checked links."""
    out: list[str | Link] = []
    link_url: str | None = None
    link_text: list[str] = []
    previous = ""
    for child in inline.children or []:
        kind = child.type
        if kind == "link_open":
            link_url = str(child.attrs.get("href", ""))
            link_text = []
            continue
        if kind == "link_close":
            text = "".join(link_text)
            out.append(Link(text, link_url) if link_url and SAFE_URL.match(link_url) else text)
            link_url = None
            continue
        if kind in ("text", "code_inline", "html_inline"):
            piece = child.content
        elif kind == "softbreak":
            piece = "" if is_wide(previous[-1:]) else " "
        elif kind == "hardbreak":
            piece = ""
        elif kind == "image":
            piece = child.content
        else:
            continue
        previous = piece or previous
        (link_text if link_url is not None else out).append(piece)
    return _join_strings(out)


def _join_strings(parts: list[str | Link]) -> list[str | Link]:
    joined: list[str | Link] = []
    for part in parts:
        if isinstance(part, str) and joined and isinstance(joined[-1], str):
            joined[-1] += part
        else:
            joined.append(part)
    return joined


def _rich(inline: Tok, loc: Loc, builder: TextBuilder) -> RichText:
    return builder.segments(segments_of(inline), loc, inline.content)


def _bullet_list(
    tokens: list[Tok], loc: Loc, base: Loc, builder: TextBuilder, problems: Collector, lines: list[str]
) -> BulletList:
    items = []
    for token in tokens:
        if token.type == "inline" and token.level == 3:
            items.append(_rich(token, _content_loc(token, base, lines), builder))
        elif token.type == "bullet_list_open" and token.level > 0:
            problems.error(_loc(token, base), "load.unsupported/nested-list")
            break
    return BulletList(tuple(items), loc, ordered=tokens[0].type == "ordered_list_open")


def _table(
    tokens: list[Tok], loc: Loc, base: Loc, builder: TextBuilder, before: list[Parsed], lines: list[str]
) -> Table:
    header: list[Cell] = []
    rows: list[list[Cell]] = []
    in_head = False
    starts: list[int] = []
    for token in tokens:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            if not in_head:
                rows.append([])
            row = token.map[0] if token.map else 0
            starts = _cell_starts(lines[row] if row < len(lines) else "")
        elif token.type == "inline":
            row_cells = header if in_head else rows[-1]
            start = starts[len(row_cells)] if len(row_cells) < len(starts) else 0
            cell = _cell(token, _content_loc(token, base, lines, start), builder)
            row_cells.append(cell)
    caption = None
    if before and isinstance(before[-1], Paragraph) and CAPTION.match(before[-1].text.plain):
        paragraph = before.pop()
        assert isinstance(paragraph, Paragraph)
        caption = _strip_caption(paragraph.text)
    return Table(caption, tuple(header), tuple(tuple(row) for row in rows), loc)


def _strip_caption(text: RichText) -> RichText:
    first = text.parts[0]
    assert isinstance(first, Text)
    rest = CAPTION.sub("", first.text)
    parts = ((Text(rest),) if rest else ()) + text.parts[1:]
    loc = Loc(text.loc.file, text.loc.line, text.loc.column + len(first.text) - len(rest))
    return RichText(parts, loc, text.drafted)


def _cell_starts(row: str) -> list[int]:
    """The index in a table row's line where each cell's text may start (after its opening pipe)."""
    starts = [0] if not row.lstrip().startswith("|") else []
    escaped = False
    for index, char in enumerate(row):
        if char == "|" and not escaped:
            starts.append(index + 1)
        escaped = char == "\\" and not escaped
    return starts


def _cell(inline: Tok, loc: Loc, builder: TextBuilder) -> Cell:
    """A cell's lead text and its ' ・' list items, each located at its own column."""
    pieces: list[list[str | Link]] = [[]]
    for segment in segments_of(inline):
        if isinstance(segment, Link):
            pieces[-1].append(segment)
            continue
        chunks = CELL_ITEM.split(segment)
        pieces[-1].append(chunks[0])
        for chunk in chunks[1:]:
            pieces.append([chunk])
    item_starts = [match.end() for match in CELL_ITEM.finditer(inline.content)]
    locs = [loc]
    for index in range(1, len(pieces)):
        shift = item_starts[index - 1] if len(item_starts) == len(pieces) - 1 and "\n" not in inline.content else 0
        locs.append(Loc(loc.file, loc.line, loc.column + shift))
    texts = [
        builder.segments(
            [p for p in piece if p != ""], piece_loc, "".join(p if isinstance(p, str) else p.text for p in piece)
        )
        for piece, piece_loc in zip(pieces, locs, strict=True)
    ]
    return Cell(texts[0], tuple(texts[1:]))
