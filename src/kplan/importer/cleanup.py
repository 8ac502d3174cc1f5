"""Text-level clean-up before structure recognition: control characters out, paragraphs typed with bullet marks
(・ ● 〇 ◇ …) into lists, and ※ markers as kplan reads them ([※] → ※, and * or ＊ typed where ※ was meant)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from kplan.importer.document import (
    Block,
    Document,
    Heading,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Where,
)
from kplan.messages import Msg
from kplan.resolve import CLOSING_BRACKETS, is_marker

BULLET = re.compile(r"^[・●〇○◯◇◆■□▪•‣◦\-－]\s*(?=\S)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufffe\uffff]")
BRACKETED_MARK = re.compile(r"[\[［]※[\]］]")
ASTERISK = re.compile(r"[*＊]")


def clean_text(text: str) -> str:
    """Without control and invisible characters (tabs become spaces)."""
    return _CONTROL.sub("", text.replace("\t", " "))


def map_blocks(blocks: Iterable[Block], change: Callable[[str], str]) -> list[Block]:
    """Every block with `change` applied to each of its texts."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(Heading(block.level, block.text.map_text(change), block.where, block.anchor))
        elif isinstance(block, Paragraph):
            out.append(Paragraph(block.text.map_text(change), block.where, block.role))
        elif isinstance(block, ListBlock):
            items = tuple(item.map_text(change) for item in block.items)
            out.append(ListBlock(items, block.ordered, block.where, block.nested))
        elif isinstance(block, Table):
            header = tuple(cell.map_text(change) for cell in block.header)
            rows = tuple(tuple(cell.map_text(change) for cell in row) for row in block.rows)
            caption = block.caption.map_text(change) if block.caption else None
            out.append(Table(header, rows, block.where, caption, block.merged))
        elif isinstance(block, Quote):
            out.append(Quote(tuple(map_blocks(block.blocks, change)), block.where))
        elif isinstance(block, Image):
            out.append(Image(block.data, block.kind, change(block.alt), block.where, change(block.title), block.source))
        else:
            out.append(block)
    return out


def clean(document: Document) -> None:
    """Control characters out of every text (reported once)."""
    found = []

    def change(text: str) -> str:
        cleaned = clean_text(text)
        if cleaned != text.replace("\t", " "):
            found.append(text)
        return unicodedata.normalize("NFC", cleaned)

    document.blocks = map_blocks(document.blocks, change)
    if found:
        document.note(
            document.blocks[0].where if document.blocks else _where(document),
            Msg("import.control-characters", count=len(found)),
        )


def _where(document: Document) -> Where:

    return Where(document.name)


def bullets_to_lists(blocks: list[Block]) -> list[Block]:
    """Runs of paragraphs that start with a bullet mark (・ ● 〇 ◇ …, the same mark) into bullet lists."""
    out: list[Block] = []
    run: list[Paragraph] = []
    mark = ""

    def flush() -> None:
        if len(run) >= 1 and mark:
            items = tuple(p.text.strip().drop_prefix(BULLET.match(p.text.plain.strip()).end()).strip() for p in run)  # type: ignore[union-attr]
            out.append(ListBlock(items, False, run[0].where))
        run.clear()

    for block in blocks:
        if isinstance(block, Paragraph) and not block.role:
            match = BULLET.match(block.text.plain.strip())
            if match and _first_plain(block.text):
                current = match[0].strip()[:1]
                if run and current != mark:
                    flush()
                mark = current
                run.append(block)
                continue
        flush()
        mark = ""
        out.append(
            Quote(tuple(bullets_to_lists(list(block.blocks))), block.where) if isinstance(block, Quote) else block
        )
    flush()
    return out


def _first_plain(text: Inline) -> bool:
    stripped = text.strip()
    return bool(stripped.segments) and isinstance(stripped.segments[0], str)


def markers(text: str, spellings: set[str], counts: dict[str, int]) -> str:
    """※ markers as kplan reads them: [※] → ※; * or ＊ → ※ after a glossary spelling or at the start of a text
    (a note mark). `counts` collects how many of each were changed and how many asterisks were left."""
    if BRACKETED_MARK.search(text):
        counts["bracketed"] = counts.get("bracketed", 0) + len(BRACKETED_MARK.findall(text))
        text = BRACKETED_MARK.sub("※", text)
    if not ASTERISK.search(text):
        return text
    out = []
    for index, char in enumerate(text):
        if char in "*＊":
            before = text[:index].rstrip(CLOSING_BRACKETS)
            after = text[index + 1 : index + 2]
            arithmetic = before[-1:].isdigit() and after.isdigit()
            if not arithmetic and (not before.strip() or any(before.endswith(s) for s in spellings)):
                counts["asterisk"] = counts.get("asterisk", 0) + 1
                out.append("※")
                continue
            if not arithmetic:
                counts["asterisk-left"] = counts.get("asterisk-left", 0) + 1
        out.append(char)
    return "".join(out)


def count_markers(text: str) -> int:
    """How many ※ in `text` are term markers (not notes such as ※イメージ図)."""
    return sum(1 for index, char in enumerate(text) if char == "※" and is_marker(text, index))
