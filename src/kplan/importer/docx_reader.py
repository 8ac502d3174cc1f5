"""A Word document (.docx) into the neutral document: headings by style or outline level, paragraphs, lists
(Word's own numbering), tables with merged cells flattened, pictures with their alternative text, footnotes.

Safety: the package is checked first (container.open_docx: no DOCTYPE or entity declarations in any XML part,
bounded sizes). python-docx then parses with lxml's XMLParser(resolve_entities=False), and lxml's defaults keep
the network off (no_network=True) and DTDs unloaded (load_dtd=False); the footnotes part is parsed here with a
parser configured the same way. Linked (external) pictures are never fetched.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from msgspec import Struct, field

from kplan.importer.container import open_docx
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
    Segment,
    Table,
    Where,
)
from kplan.importer.errors import CannotImportError
from kplan.load.markdown import is_wide
from kplan.messages import Msg
from kplan.model.conventions import styled_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


HEADING_STYLE = re.compile(r"^(?:heading|見出し)\s*([1-9１-９])$", re.IGNORECASE)
ROLES = {
    "definition term": "term",  # a definition list as pandoc and many templates write it
    "definition": "definition",
    "title": "title",
    "表題": "title",
    "subtitle": "subtitle",
    "副題": "subtitle",
    "caption": "caption",
    "図表番号": "caption",
    "image caption": "caption",
    "table caption": "caption",
    "author": "author",
    "date": "date",
}
TOC_STYLE = re.compile(r"^(?:toc|目次)\s*\S*$", re.IGNORECASE)
IMAGE_TYPES = {
    "image/png": "png",
    "image/jpeg": "jpeg",
    "image/jpg": "jpeg",
    "image/svg+xml": "svg",
    "image/gif": "gif",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "image/x-emf": "emf",
    "image/x-wmf": "wmf",
}


def safe_parser() -> etree.XMLParser:
    """An XML parser that resolves no entities, loads no DTD and never uses the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def join_lines(text: str) -> str:
    """Line breaks inside a paragraph joined as Japanese text joins them: no space between CJK characters."""
    lines = [line.strip() for line in text.replace("\t", " ").split("\n")]
    out = ""
    for line in lines:
        if not line:
            continue
        if out and not (is_wide(out[-1]) or is_wide(line[0])):
            out += " "
        out += line
    return out


class _Style(Struct):
    name: str
    based_on: str | None
    outline: int | None
    num: tuple[str, int] | None


class _Run(Struct):
    """What one paragraph holds: its text (with links), pictures, footnote ids and text-box paragraphs."""

    segments: list[Segment] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    dropped: list[Msg] = field(default_factory=list)

    def add(self, text: str, url: str | None = None) -> None:
        if not text:
            return
        if url is not None:
            self.segments.append(Link(text, url))
        elif self.segments and isinstance(self.segments[-1], str):
            self.segments[-1] += text
        else:
            self.segments.append(text)

    def inline(self) -> Inline:
        segments: list[Segment] = []
        for segment in self.segments:
            if isinstance(segment, str):
                segments.append(segment)
            else:
                segments.append(Link(segment.text, segment.url))
        joined = [join_lines(s) if isinstance(s, str) else Link(join_lines(s.text), s.url) for s in segments]
        return Inline(tuple(s for s in joined if (s if isinstance(s, str) else s.text))).strip()


def read_docx(data: bytes, name: str) -> Document:
    """The document in a .docx file's bytes; CannotImportError when it is not a readable Word document."""
    open_docx(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, AttributeError, OSError):
        raise CannotImportError(Msg("import.corrupt/word")) from None
    return _Reader(word, name).read()


class _Reader:
    def __init__(self, word: Any, name: str) -> None:
        self.word = word
        self.part = word.part
        self.document = Document(name, [])
        self.count = 0
        self.styles = self._styles()
        self.numbering = self._numbering()
        self.counters: dict[str, list[int]] = {}
        self.footnotes = self._footnotes()
        self.footnote_numbers: dict[str, int] = {}
        self.pending_notes: list[tuple[int, str]] = []

    # ---- the document ------------------------------------------------------------------------------------

    def read(self) -> Document:
        core = self.word.core_properties
        for key, value in (("title", core.title), ("subtitle", core.subject), ("author", core.author)):
            if value and value.strip():
                self.document.meta[key] = value.strip()
        blocks = list(self._blocks(self.word.element.body))
        self.document.blocks = _group_lists(blocks)
        return self.document

    def where(self) -> Where:
        return Where(self.document.name, self.count, "paragraph")

    def _blocks(self, container: Any) -> Iterator[Block | _ListItem]:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.count += 1
                yield from self._paragraph(child)
            elif tag == w("tbl"):
                self.count += 1
                yield self._table(child)
            elif tag == w("sdt"):
                if self._is_toc(child):
                    self.document.note(self.where(), Msg("import.contents-dropped/word"))
                    continue
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self._blocks(content)
            elif tag in (w("customXml"), f"{{{MC}}}AlternateContent"):
                yield from self._blocks(self._choice(child) if tag.endswith("AlternateContent") else child)

    @staticmethod
    def _is_toc(sdt: Any) -> bool:
        gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
        return gallery is not None and "contents" in (gallery.get(w("val")) or "").lower()

    @staticmethod
    def _choice(alternate: Any) -> Any:
        choice = alternate.find(f"{{{MC}}}Choice")
        if choice is None:
            choice = alternate.find(f"{{{MC}}}Fallback")
        return choice if choice is not None else []

    # ---- paragraphs ------------------------------------------------------------------------------------------

    def _paragraph(self, p: Any) -> Iterator[Block | _ListItem]:
        where = self.where()
        style_id = self._style_id(p)
        style_name = self._style_name(style_id)
        run = _Run()
        self._inline(p, run, None)
        for box in run.boxes:
            self.document.note(where, Msg("import.textbox"))
            yield from self._blocks(box)
        text = run.inline()
        level = self._heading_level(p, style_id)
        numbered = self._num(p, style_id)
        if level is not None and text.plain:
            prefix = self._number_text(numbered) if numbered else ""
            heading_text = Inline((prefix + " ",) + text.segments) if prefix else text
            yield Heading(level, heading_text, where)
        elif numbered and text.plain and self._is_list(numbered):
            yield _ListItem(text, self._ordered(numbered), numbered[1], where)
        elif text.plain:
            role = ROLES.get(style_name.lower(), "toc" if TOC_STYLE.match(style_name) else "")
            if numbered:
                prefix = self._number_text(numbered)
                text = Inline((prefix + " ",) + text.segments) if prefix else text
            yield Paragraph(text, where, role)
        yield from run.images
        for reason in run.dropped:
            self.document.note(where, reason)
        yield from self._notes(where)

    def _notes(self, where: Where) -> Iterator[Block]:
        if self.pending_notes:
            paragraphs = tuple(Paragraph(Inline.of(f"注{n}：{text}"), where) for n, text in self.pending_notes)
            self.document.note(where, Msg("import.footnote", count=len(paragraphs)))
            self.pending_notes = []
            yield Quote(paragraphs, where)

    def _inline(self, node: Any, run: _Run, url: str | None) -> None:
        """The text of a paragraph's runs in order; tracked deletions and field codes left out."""
        for child in node:
            tag = child.tag
            if tag == w("r"):
                self._run(child, run, url)
            elif tag == w("hyperlink"):
                target = self._link_target(child)
                self._inline(child, run, target)
            elif tag in (w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("fldSimple"), w("dir"), w("bdo")):
                self._inline(child, run, url)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, run, url)
            elif tag == f"{{{MC}}}AlternateContent":
                self._inline(self._choice(child), run, url)

    def _run(self, r: Any, run: _Run, url: str | None) -> None:
        for child in r:
            tag = child.tag
            if tag == w("t"):
                run.add(child.text or "", url)
            elif tag in (w("tab"), w("ptab")):
                run.add("\t", url)
            elif tag == w("br"):
                if child.get(w("type")) not in ("page", "column"):
                    run.add("\n", url)
            elif tag == w("cr"):
                run.add("\n", url)
            elif tag == w("noBreakHyphen"):
                run.add("-", url)
            elif tag == w("sym"):
                run.dropped.append(Msg("import.dropped/symbol"))
            elif tag == w("footnoteReference"):
                self._footnote(child.get(w("id")), run)
            elif tag == w("drawing"):
                self._drawing(child, run)
            elif tag == w("pict"):
                self._pict(child, run)
            elif tag == f"{{{MC}}}AlternateContent":
                self._run(self._choice(child), run, url)

    def _footnote(self, note_id: str | None, run: _Run) -> None:
        text = self.footnotes.get(note_id or "")
        if not text:
            return
        number = self.footnote_numbers.setdefault(note_id or "", len(self.footnote_numbers) + 1)
        run.add(f"（注{number}）")
        self.pending_notes.append((number, text))

    def _link_target(self, hyperlink: Any) -> str | None:
        rid = hyperlink.get(f"{{{R}}}id")
        if not rid or rid not in self.part.rels:
            return None
        rel = self.part.rels[rid]
        return str(rel.target_ref) if rel.is_external else None

    # ---- pictures, text boxes ----------------------------------------------------------------------------

    def _drawing(self, drawing: Any, run: _Run) -> None:
        for box in drawing.iter(w("txbxContent")):
            run.boxes.append(box)
        doc_pr = next(drawing.iter(f"{{{WP}}}docPr"), None)
        alt = (doc_pr.get("descr") or "").strip() if doc_pr is not None else ""
        title = (doc_pr.get("title") or "").strip() if doc_pr is not None else ""
        blip = next(drawing.iter(f"{{{A}}}blip"), None)
        if blip is not None:
            run.images.append(self._image(blip.get(f"{{{R}}}embed"), blip.get(f"{{{R}}}link"), alt, title))
        elif next(drawing.iter(f"{{{CHART}}}chart"), None) is not None:
            run.dropped.append(Msg("import.dropped/chart"))
        elif next(drawing.iter(f"{{{DIAGRAM}}}relIds"), None) is not None:
            run.dropped.append(Msg("import.dropped/smartart"))

    def _pict(self, pict: Any, run: _Run) -> None:
        for box in pict.iter(w("txbxContent")):
            run.boxes.append(box)
        data = next(pict.iter(f"{{{V}}}imagedata"), None)
        if data is not None:
            shape = data.getparent()
            alt = (shape.get("alt") or "") if shape is not None else ""
            run.images.append(self._image(data.get(f"{{{R}}}id"), None, alt.strip(), ""))

    def _image(self, embed: str | None, link: str | None, alt: str, title: str) -> Image:
        where = self.where()
        if embed and embed in self.part.rels and not self.part.rels[embed].is_external:
            target = self.part.rels[embed].target_part
            kind = IMAGE_TYPES.get(target.content_type, target.content_type.split("/")[-1])
            return Image(target.blob, kind, alt, where, title, str(target.partname))
        source = str(self.part.rels[link].target_ref) if link and link in self.part.rels else "?"
        return Image(None, "link", alt, where, title, source)

    # ---- tables ----------------------------------------------------------------------------------------------

    def _table(self, tbl: Any) -> Table:
        where = self.where()
        grid: list[list[str]] = []
        header_rows = 0
        merged = 0
        spans: list[list[tuple[str, str]]] = []  # per row: (text, how) how = "" | "span" | "merge"
        for tr in tbl.findall(w("tr")):
            row: list[tuple[str, str]] = []
            for tc in tr.findall(w("tc")):
                props = tc.find(w("tcPr"))
                span = 1
                vmerge = None
                if props is not None:
                    grid_span = props.find(w("gridSpan"))
                    span = int(grid_span.get(w("val"), "1")) if grid_span is not None else 1
                    vm = props.find(w("vMerge"))
                    vmerge = None if vm is None else (vm.get(w("val")) or "continue")
                text = self._cell_text(tc, where)
                if vmerge == "continue":
                    row.append(("", "merge"))
                    merged += 1
                else:
                    row.append((text, ""))
                for _ in range(max(1, min(span, 64)) - 1):
                    row.append(("", "span"))
                    merged += 1
            props = tr.find(w("trPr"))
            if props is not None and props.find(w("tblHeader")) is not None and len(spans) == header_rows:
                header_rows += 1
            spans.append(row)
        width = max((len(row) for row in spans), default=0)
        for row in spans:
            row.extend([("", "")] * (width - len(row)))
        header_rows = max(1, header_rows) if spans else 0
        header = _flatten_header(spans[:header_rows]) if spans else []
        for row in spans[header_rows:]:
            grid.append([text for text, _ in row])
        return Table(
            tuple(Inline.of(c) for c in header),
            tuple(tuple(Inline.of(c) for c in row) for row in grid),
            where,
            merged=merged,
        )

    def _cell_text(self, tc: Any, where: Where) -> str:
        """A cell's paragraphs as one text: the first is the lead, list paragraphs become ' ・' items."""
        pieces: list[str] = []
        for p in tc.iter(w("p")):
            run = _Run()
            self._inline(p, run, None)
            text = run.inline().plain
            if run.images:
                self.document.note(where, Msg("import.dropped/table-image"))
            if not text:
                continue
            numbered = self._num(p, self._style_id(p))
            if pieces and (numbered or text.startswith("・")):
                pieces.append(" ・" + text.lstrip("・").strip())
            elif pieces:
                pieces.append(" " + text)
            else:
                pieces.append(text)
        if tc.find(f".//{w('tbl')}") is not None:
            self.document.note(where, Msg("import.nested-table"))
        return "".join(pieces)

    # ---- styles and numbering --------------------------------------------------------------------------------

    def _styles(self) -> dict[str, _Style]:
        styles: dict[str, _Style] = {}
        for style in self.word.styles.element.findall(w("style")):
            style_id = style.get(w("styleId")) or ""
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            ppr = style.find(w("pPr"))
            styles[style_id] = _Style(
                name=(name.get(w("val")) if name is not None else style_id) or style_id,
                based_on=based.get(w("val")) if based is not None else None,
                outline=_outline(ppr),
                num=_num_pr(ppr),
            )
        return styles

    def _style_id(self, p: Any) -> str:
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        return (style.get(w("val")) or "") if style is not None else ""

    def _style_name(self, style_id: str) -> str:
        style = self.styles.get(style_id)
        return style.name if style else style_id

    def _chain(self, style_id: str) -> Iterator[_Style]:
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and current in self.styles:
            seen.add(current)
            yield self.styles[current]
            current = self.styles[current].based_on

    def _heading_level(self, p: Any, style_id: str) -> int | None:
        for style in self._chain(style_id):
            match = HEADING_STYLE.match(style.name.strip())
            if match:
                return int(match[1].translate(str.maketrans("１２３４５６７８９", "123456789")))
        outline = _outline(p.find(w("pPr")))
        if outline is None:
            outline = next((s.outline for s in self._chain(style_id) if s.outline is not None), None)
        return outline + 1 if outline is not None and outline < 9 else None

    def _num(self, p: Any, style_id: str) -> tuple[str, int] | None:
        num = _num_pr(p.find(w("pPr")))
        if num is None:
            num = next((s.num for s in self._chain(style_id) if s.num is not None), None)
        if num is None or num[0] in ("", "0") or num[0] not in self.numbering:
            return None
        return num

    def _numbering(self) -> dict[str, dict[int, tuple[str, str, int]]]:
        """numId → level → (numFmt, lvlText, start)."""
        try:
            root = self.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return {}
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(w("abstractNum")):
            levels = {}
            for lvl in node.findall(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                text = lvl.find(w("lvlText"))
                start = lvl.find(w("start"))
                levels[int(lvl.get(w("ilvl"), "0"))] = (
                    (fmt.get(w("val")) or "decimal") if fmt is not None else "decimal",
                    (text.get(w("val")) or "") if text is not None else "",
                    int(start.get(w("val"), "1")) if start is not None else 1,
                )
            abstract[node.get(w("abstractNumId")) or ""] = levels
        numbering = {}
        for num in root.findall(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is not None and (ref.get(w("val")) or "") in abstract:
                numbering[num.get(w("numId")) or ""] = abstract[ref.get(w("val")) or ""]
        return numbering

    def _is_list(self, num: tuple[str, int]) -> bool:
        return num[1] in self.numbering.get(num[0], {}) or bool(self.numbering.get(num[0]))

    def _ordered(self, num: tuple[str, int]) -> bool:
        fmt, _, _ = self.numbering.get(num[0], {}).get(num[1], ("bullet", "", 1))
        return fmt not in ("bullet", "none")

    def _number_text(self, num: tuple[str, int]) -> str:
        """The number Word prints before a numbered heading or paragraph (its lvlText filled in)."""
        levels = self.numbering.get(num[0], {})
        level = num[1]
        counters = self.counters.setdefault(num[0], [0] * 9)
        if not 0 <= level < 9:
            return ""
        counters[level] += 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        fmt, text, _ = levels.get(level, ("decimal", "", 1))
        if fmt in ("bullet", "none"):
            return ""

        def fill(match: re.Match[str]) -> str:
            index = int(match[1]) - 1
            if not 0 <= index < 9:
                return ""
            level_fmt, _, start = levels.get(index, ("decimal", "", 1))
            value = counters[index] + start - 1 if counters[index] else start
            return _format(value, level_fmt)

        return re.sub(r"%([1-9])", fill, text).strip()

    def _footnotes(self) -> dict[str, str]:
        for rel in self.part.rels.values():
            if rel.reltype.endswith("/footnotes") and not rel.is_external:
                try:
                    root = etree.fromstring(rel.target_part.blob, safe_parser())
                except etree.XMLSyntaxError:
                    return {}
                notes = {}
                for note in root.findall(w("footnote")):
                    if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    run = _Run()
                    for p in note.iter(w("p")):
                        self._inline(p, run, None)
                        run.add("\n")
                    notes[note.get(w("id")) or ""] = run.inline().plain
                return notes
        return {}


class _ListItem(Struct, frozen=True):
    text: Inline
    ordered: bool
    depth: int
    where: Where


def _group_lists(blocks: list[Block | _ListItem]) -> list[Block]:
    """Consecutive list paragraphs into lists (deeper levels flattened into their list)."""
    out: list[Block] = []
    items: list[_ListItem] = []

    def flush() -> None:
        if items:
            nested = any(item.depth > items[0].depth for item in items)
            out.append(ListBlock(tuple(i.text for i in items), items[0].ordered, items[0].where, nested))
            items.clear()

    for block in blocks:
        if isinstance(block, _ListItem):
            if items and block.depth <= items[0].depth and block.ordered != items[0].ordered:
                flush()
            items.append(block)
        else:
            flush()
            out.append(block)
    flush()
    return out


def _flatten_header(rows: list[list[tuple[str, str]]]) -> list[str]:
    """Header rows into one: each column's texts from top to bottom, merged cells counted under every column
    they cover, repeats dropped ("現状値" over "令和4年" → "現状値 令和4年")."""
    if len(rows) == 1:
        return [text for text, _ in rows[0]]
    filled: list[list[str]] = []
    for index, row in enumerate(rows):
        current: list[str] = []
        for column, (written, how) in enumerate(row):
            shown = written
            if how == "span":
                shown = current[column - 1] if column else ""
            elif how == "merge" and index:
                shown = filled[index - 1][column]
            current.append(shown)
        filled.append(current)
    header = []
    for column in range(len(rows[0])):
        parts: list[str] = []
        for line in filled:
            if line[column] and line[column] not in parts:
                parts.append(line[column])
        header.append(" ".join(parts))
    return header


def _outline(ppr: Any) -> int | None:
    if ppr is None:
        return None
    node = ppr.find(w("outlineLvl"))
    if node is None:
        return None
    try:
        return int(node.get(w("val"), "9"))
    except ValueError:
        return None


def _num_pr(ppr: Any) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(w("numPr"))
    if num is None:
        return None
    num_id = num.find(w("numId"))
    ilvl = num.find(w("ilvl"))
    if num_id is None:
        return None
    try:
        level = int(ilvl.get(w("val"), "0")) if ilvl is not None else 0
    except ValueError:
        level = 0
    return (num_id.get(w("val")) or "", level)


_WORD_FORMATS = {
    "decimalFullWidth": "fullwidth",
    "decimalFullWidth2": "fullwidth",
    "decimalEnclosedCircle": "circled",
    "decimalEnclosedCircleChinese": "circled",
    "aiueoFullWidth": "kana",
    "aiueo": "kana",
    "iroha": "iroha",
    "irohaFullWidth": "iroha",
    "japaneseCounting": "kanji",
    "ideographTraditional": "kanji",
    "chineseCounting": "kanji",
}


def _format(value: int, fmt: str) -> str:
    """A number as Word's numFmt prints it (the formats Japanese documents use)."""
    if fmt in _WORD_FORMATS:
        return styled_number(value, _WORD_FORMATS[fmt])
    if fmt in ("upperLetter", "lowerLetter") and 1 <= value <= 26:
        letter = chr(ord("A") + value - 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= value <= 20:
        roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        text = roman[(value - 1) % 10] if value <= 10 else "X" + roman[value - 11]
        return text if fmt == "upperRoman" else text.lower()
    return str(value)
