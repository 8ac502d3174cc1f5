"""A part titled 用語解説, 用語集 or 用語の解説 into glossary entries: a two-column table, a heading per term, or
paragraphs and list items such as 「用語：説明」 or 「【用語】説明」. Group headings (あ行, A～Z …) are dropped, since
kplan prints its own; a line such as (アルファベット・50音順) becomes the glossary's note.

Each entry keeps its term as printed. A parenthesised part after it is an expansion or a reading:
`WAN(Wide Area Network)` gets the alias WAN (so WAN※ resolves), `冗長化(じょうちょうか)` the alias 冗長化 and that
reading. Other readings are proposed by the analyser (readings.py) and marked unconfirmed.
"""

from __future__ import annotations

import re
import unicodedata

from msgspec import Struct, field

from kplan.importer.document import Block, Finding, Heading, Inline, ListBlock, Paragraph, Quote, Table, Where
from kplan.importer.numbering import split_number
from kplan.kana import is_kana, sort_key
from kplan.messages import Msg

TITLES = ("用語解説", "用語集", "用語の解説")
GROUP = re.compile(
    r"^[【\[［(（<〈■◆●]?\s*(?:[あかさたなはまやらわアカサタナハマヤラワ]行?|英数字|英字|数字|アルファベット|"
    r"[A-ZＡ-Ｚ]\s*[～〜~\-－]\s*[A-ZＡ-Ｚ]|[A-ZＡ-Ｚ])\s*[】\]］)）>〉]?$"
)
NOTE = re.compile(r"(50音|五十音|アルファベット順|あいうえお順)")
HEADER_TERM = re.compile(r"^(用語|語句|名称|項目|用語名)$")
COLON = re.compile(r"^([^：:。]{1,40}?)\s*[：:]\s*(\S.*)$")
BRACKETED = re.compile(r"^【([^】]{1,40})】\s*(\S.*)$")
WIDE_SPACE = re.compile(r"^([^\u3000。]{1,40}?)\u3000+(\S.*)$")
TRAILING_PAREN = re.compile(r"^(.+?)\s*[(（]([^()（）]+)[)）]$")
MAX_TERM = 40


def is_glossary_title(title: str) -> bool:
    """Whether a part's title (its typed number left out) names a glossary."""
    _, rest = split_number(title)
    text = unicodedata.normalize("NFKC", rest).strip()
    return any(text == t or text.endswith(t) for t in TITLES)


class Entry(Struct):
    term: str
    definition: Inline
    where: Where
    aliases: list[str] = field(default_factory=list)
    reading: str | None = None
    reading_given: bool = False  # the document wrote the reading itself


class Recognised(Struct):
    entries: list[Entry]
    note: str | None
    findings: list[Finding]


def recognise(blocks: list[Block]) -> Recognised | Finding:
    """Entries from a glossary part's blocks (its own heading excluded), or the first block that is not one."""
    entries: list[Entry] = []
    findings: list[Finding] = []
    note: str | None = None
    pending: Heading | Paragraph | None = None  # a term waiting for its definition
    pending_text: list[Inline] = []

    def close(where: Where) -> Finding | None:
        nonlocal pending
        if pending is None:
            return None
        if not pending_text:
            return Finding(pending.where, Msg("import.glossary-entry/no-definition", term=pending.text.plain))
        entries.append(_entry(pending.text.plain, _joined(pending_text), pending.where))
        pending = None
        pending_text.clear()
        return None

    for block in blocks:
        if isinstance(block, Heading):
            problem = close(block.where)
            if problem:
                return problem
            if GROUP.match(block.text.plain.strip()):
                continue
            pending = block
        elif isinstance(block, Paragraph):
            text = block.text.plain.strip()
            if NOTE.search(text) and len(text) <= 40 and not entries and pending is None:
                note = text
                continue
            if GROUP.match(text):
                problem = close(block.where)
                if problem:
                    return problem
                continue
            if block.role == "term" or (
                pending is not None and pending_text and block.role != "definition" and _next_term(pending, text)
            ):
                problem = close(block.where)  # a new term: the previous one's definition is complete
                if problem:
                    return problem
                pending = block
                continue
            if pending is not None and (isinstance(pending, Heading) or block.role == "definition"):
                pending_text.append(block.text)
                continue
            split = _split(block.text)
            if split:
                problem = close(block.where)
                if problem:
                    return problem
                entries.append(_entry(split[0], split[1], block.where))
            elif pending is not None:
                pending_text.append(block.text)
            elif _looks_like_term(text):
                pending = block
                findings.append(Finding(block.where, Msg("import.glossary-entry/guessed", text=text)))
            else:
                return Finding(block.where, Msg("import.glossary-unrecognised/paragraph", text=text[:30]))
        elif isinstance(block, ListBlock):
            problem = close(block.where)
            if problem:
                return problem
            for item in block.items:
                split = _split(item)
                if not split:
                    return Finding(block.where, Msg("import.glossary-unrecognised/list-item", text=item.plain[:30]))
                entries.append(_entry(split[0], split[1], block.where))
        elif isinstance(block, Table):
            problem = close(block.where)
            if problem:
                return problem
            table = _table_entries(block)
            if isinstance(table, Finding):
                return table
            entries.extend(table)
        elif isinstance(block, Quote):
            if pending is not None:
                pending_text.extend(b.text for b in block.blocks if isinstance(b, Paragraph))
                continue
            return Finding(block.where, Msg("import.glossary-unrecognised/note"))
        else:
            return Finding(block.where, Msg("import.glossary-unrecognised/other"))
    problem = close(blocks[-1].where if blocks else Where(""))
    if problem:
        return problem
    if not entries:
        where = blocks[0].where if blocks else Where("")
        return Finding(where, Msg("import.glossary-unrecognised/no-terms"))
    return Recognised(entries, note, findings)


def _joined(texts: list[Inline]) -> Inline:
    segments: list[str | object] = []
    for index, text in enumerate(texts):
        if index:
            segments.append(" ")
        segments.extend(text.segments)
    return Inline(tuple(segments)).strip()  # type: ignore[arg-type]


def _next_term(pending: Heading | Paragraph, text: str) -> bool:
    """Whether a paragraph after a term's definition starts the next entry: the entries are paragraphs (not
    headings) and it looks like a term, not like a sentence of the definition."""
    return isinstance(pending, Paragraph) and _looks_like_term(text) and _split(Inline.of(text)) is None


def _looks_like_term(text: str) -> bool:
    return 0 < len(text) <= 30 and not text.endswith(("。", "、")) and "。" not in text


def _split(text: Inline) -> tuple[str, Inline] | None:
    """「用語：説明」「【用語】説明」「用語　説明」 into (term, definition)."""
    plain = text.plain.strip()
    for pattern in (BRACKETED, COLON, WIDE_SPACE):
        match = pattern.match(plain)
        if match and match[1].strip() and not match[1].strip().startswith(("http", "※")):
            term = match[1].strip()
            skip = plain.index(match[2])
            return term, text.strip().drop_prefix(skip) if _prefix_plain(text, skip) else Inline.of(match[2])
    return None


def _prefix_plain(text: Inline, count: int) -> bool:
    first = text.strip().segments[0] if text.strip().segments else None
    return isinstance(first, str) and len(first) >= count


def _table_entries(table: Table) -> list[Entry] | Finding:
    rows = list(table.rows)
    header = [cell.plain.strip() for cell in table.header]
    if len(header) < 2:
        return Finding(table.where, Msg("import.glossary-unrecognised/table-columns"))
    if not HEADER_TERM.match(header[0]):
        rows.insert(0, table.header)
    entries = []
    for row in rows:
        term = row[0].plain.strip() if row else ""
        rest = [cell for cell in row[1:] if cell.plain.strip()]
        if not term and not rest:
            continue
        if not term or not rest:
            return Finding(table.where, Msg("import.glossary-unrecognised/table-row", text=term or rest[0].plain[:20]))
        entries.append(_entry(term, _joined(rest), table.where))
    return entries


def _entry(term: str, definition: Inline, where: Where) -> Entry:
    entry = Entry(term.strip(), definition.strip(), where)
    match = TRAILING_PAREN.match(entry.term)
    if match:
        base, inside = match[1].strip(), match[2].strip()
        entry.aliases.append(base)
        if is_kana(inside) and not is_kana(base):
            entry.reading = inside
            entry.reading_given = True
    return entry


def spelling_base(entry: Entry) -> str:
    """The spelling to read: the term without its parenthesised part."""
    return entry.aliases[0] if entry.aliases else entry.term


def in_kana_order(entries: list[Entry]) -> list[Entry]:
    """The entries out of アルファベット・50音順 by their readings (none: the printed order is 50音順)."""
    keys = [sort_key(entry.term, entry.reading or "") for entry in entries]
    out = []
    best = None
    for entry, key in zip(entries, keys, strict=True):
        if best is not None and key < best:
            out.append(entry)
        else:
            best = key
    return out
