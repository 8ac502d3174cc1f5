"""Structure recognition: the neutral document's headings nested into parts (chapters, appendices, a glossary)
and sections, whatever heading level the document starts at; its cover and colophon read into the metadata; the
typed numbers decided level by level (numbering.decide); stable ids for every heading."""

from __future__ import annotations

import copy
import re

from msgspec import Struct, field

from kplan.importer import glossary as glossary_module
from kplan.importer.document import Block, Document, Finding, Heading, Inline, Paragraph, Rule, Where
from kplan.importer.errors import CannotImportError
from kplan.importer.ids import Ids
from kplan.importer.measures import MeasureItem
from kplan.importer.metadata import Meta, split_title, take_line
from kplan.importer.numbering import NO_NUMBER_LABEL, NO_NUMBER_PATTERN, Numbered, Typed, decide, split_number
from kplan.messages import Msg

_NONE = Typed("", "", "", ())
CONTENTS = re.compile(r"^(目次|目 次|もくじ|contents|table of contents)$", re.IGNORECASE)
LEVEL_NAMES = (
    Msg("word.level/chapter"),
    Msg("word.level/section"),
    Msg("word.level/subsection"),
    Msg("word.level/item"),
)


class Node(Struct):
    """A heading and what stands under it: blocks before its first sub-heading, then its sub-headings."""

    heading: Heading
    typed: Typed | None
    rest: str  # the title after the typed number
    depth: int  # 0: a part; 1: a section of the first level …
    blocks: list[Block] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    numbers: tuple[int, ...] = ()
    id: str = ""
    title: str = ""  # the title written to the plan (the typed number stripped or kept)
    measure: MeasureItem | None = None  # set when the section becomes a measure card

    def walk(self) -> list[Node]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class Part(Struct):
    kind: str  # chapter | appendix | glossary
    node: Node
    number: int = 0
    glossary: glossary_module.Recognised | None = None


class Outline(Struct):
    meta: Meta
    parts: list[Part]
    numbering: list[str]
    labels: dict[str, str]
    lead: list[Block]  # cover text that is not metadata: put in front of the first part
    findings: list[Finding]


def plain(heading: Heading) -> str:
    return heading.text.plain.strip()


def build(document: Document, municipality: str | None, title: str | None, measures: tuple[str, ...] = ()) -> Outline:
    """The outline of `document`; CannotImportError when it has no text, or no headings to make chapters of.
    `measures` name the chapters whose sections may become measure cards."""
    findings = document.findings
    blocks = [b for b in document.blocks if not (isinstance(b, Paragraph) and b.role == "toc")]
    if len(blocks) < len(document.blocks):
        findings.append(Finding(Where(document.name), Msg("import.contents-dropped/lines")))
    if not any(_has_text(b) for b in blocks):
        raise CannotImportError(Msg("import.empty"))
    blocks = _drop_contents(blocks, findings)
    headings = [b for b in blocks if isinstance(b, Heading)]
    if not headings:
        raise CannotImportError(Msg("import.no-headings"))
    cover_title, blocks = _title(document, blocks, findings)
    meta = split_title(
        title or cover_title or "", municipality or document.meta.get("municipality") or _author(document, cover_title)
    )
    if title:
        meta.title = title
    if municipality:
        meta.municipality = municipality
    if not meta.municipality:
        raise CannotImportError(Msg("import.no-municipality"))
    if not meta.title:
        meta.title = cover_title or document.name.rsplit(".", 1)[0]
        findings.append(Finding(Where(document.name), Msg("import.title-guess", title=meta.title)))
    if document.meta.get("date") and not take_line(meta, document.meta["date"]):
        blocks.insert(0, Paragraph(Inline.of(document.meta["date"]), Where(document.name)))
    top = min(h.level for h in blocks if isinstance(h, Heading))
    first = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == top)
    lead = _cover(blocks[:first], meta, findings)
    tree = _nest(blocks[first:], top, findings)
    _colophon(tree, meta)
    outline = Outline(meta, [], [], {}, lead, findings)
    _classify(outline, tree)
    _markers(outline)
    if measures:
        _measures(outline, measures)
    _number(outline)
    _ids(outline)
    return outline


def _has_text(block: Block) -> bool:
    from kplan.importer.document import Image, ListBlock, Quote, Table

    if isinstance(block, Heading | Paragraph):
        return bool(block.text.plain.strip())
    if isinstance(block, ListBlock):
        return any(i.plain.strip() for i in block.items)
    if isinstance(block, Table):
        return any(c.plain.strip() for row in (block.header, *block.rows) for c in row)
    if isinstance(block, Quote):
        return any(_has_text(b) for b in block.blocks)
    return isinstance(block, Image)


def _drop_contents(blocks: list[Block], findings: list[Finding]) -> list[Block]:
    """Without a 目次 heading and what stands under it (kplan makes its own table of contents)."""
    out: list[Block] = []
    skipping: int | None = None
    for block in blocks:
        if isinstance(block, Heading):
            if skipping is not None and block.level <= skipping:
                skipping = None
            _, rest = split_number(plain(block))
            if CONTENTS.match(rest.replace("\u3000", " ").strip()):
                skipping = block.level
                findings.append(Finding(block.where, Msg("import.contents-dropped")))
                continue
        if skipping is None:
            out.append(block)
    return out


def _author(document: Document, title: str | None) -> str | None:
    author = document.meta.get("author")
    return author if author and title and title.startswith(author) else None


def _title(document: Document, blocks: list[Block], findings: list[Finding]) -> tuple[str | None, list[Block]]:
    """The plan's title: a Title-styled paragraph, the metadata's title, or a lone top heading before the
    chapters (which is then not a chapter)."""
    headings = [b for b in blocks if isinstance(b, Heading)]
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            break
        if isinstance(block, Paragraph) and block.role in ("title", "subtitle"):
            title = block.text.plain.strip()
            rest = blocks[:index] + blocks[index + 1 :]
            if block.role == "subtitle":
                document.meta.setdefault("subtitle-line", title)
                return _title(document, rest, findings)
            return title, rest
    top = min(h.level for h in headings)
    if len(headings) > 1 and headings[0].level == top and sum(h.level == top for h in headings) == 1:
        head = headings[0]
        title = plain(head)
        findings.append(Finding(head.where, Msg("import.title-guess/lone-heading", title=title)))
        return title, [b for b in blocks if b is not head]
    tops = [h for h in headings if h.level == top]
    first = tops[0]
    untyped = split_number(plain(first))[0] is None
    chapters_follow = len(tops) > 1 and (split_number(plain(tops[1]))[0] or _NONE).kind == "chapter"
    nothing_between = (
        not any(isinstance(b, Heading) for b in blocks[blocks.index(first) + 1 : blocks.index(tops[1])])
        if len(tops) > 1
        else False
    )
    if untyped and chapters_follow and nothing_between and not document.meta.get("title"):
        findings.append(Finding(first.where, Msg("import.title-guess/before-chapters", title=plain(first))))
        return plain(first), [b for b in blocks if b is not first]
    return document.meta.get("title"), blocks


def _cover(blocks: list[Block], meta: Meta, findings: list[Finding]) -> list[Block]:
    """Cover lines read into the metadata; what remains is kept (it goes in front of the first part)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role == "author" and block.text.plain.strip() == meta.municipality:
            continue
        if isinstance(block, Paragraph):
            kept = [line for line in block.text.plain.split("\n") if not take_line(meta, line)]
            if len(kept) == len(block.text.plain.split("\n")):
                out.append(block)
            elif any(line.strip() for line in kept):
                out.append(Paragraph(Inline.of("\n".join(kept)), block.where))
        elif isinstance(block, Heading):
            out.append(Paragraph(block.text, block.where))
            findings.append(Finding(block.where, Msg("import.heading-demoted", title=plain(block))))
        elif not isinstance(block, Rule):
            out.append(block)
    if out:
        findings.append(Finding(out[0].where, Msg("import.cover-text")))
    return out


def _nest(blocks: list[Block], top: int, findings: list[Finding]) -> list[Node]:
    """Headings nested by level; a level skipped (見出し1 → 見出し3) is taken as the next level down."""
    roots: list[Node] = []
    stack: list[Node] = []
    for block in blocks:
        if isinstance(block, Heading):
            depth = block.level - top
            if stack and depth > stack[-1].depth + 1:
                findings.append(Finding(block.where, Msg("import.heading-skip", title=plain(block))))
                depth = stack[-1].depth + 1
            while stack and stack[-1].depth >= depth:
                stack.pop()
            typed, rest = split_number(plain(block))
            node = Node(block, typed, rest, depth)
            if stack:
                stack[-1].children.append(node)
            else:
                roots.append(node)
            stack.append(node)
        elif stack:
            stack[-1].blocks.append(block)
    return roots


def _colophon(tree: list[Node], meta: Meta) -> None:
    """Trailing lines such as 発行 …, TEL …, 令和6年3月策定 (often after a rule) read into the metadata."""
    node = tree[-1]
    while node.children:
        node = node.children[-1]
    keep = list(node.blocks)
    while keep and isinstance(keep[-1], Paragraph | Rule):
        last = keep[-1]
        if isinstance(last, Rule):
            keep.pop()
            continue
        assert isinstance(last, Paragraph)
        lines = last.text.plain.split("\n")
        trial = copy.deepcopy(meta)
        if not all(take_line(trial, line) or not line.strip() for line in lines):
            break
        for line in lines:
            take_line(meta, line)
        keep.pop()
    node.blocks = keep


def _classify(outline: Outline, tree: list[Node]) -> None:
    """Each top-level heading as a chapter, an appendix (資料N, or unnumbered beside numbered chapters) or the
    glossary (when its entries can be read)."""
    kinds: list[str] = []
    for node in tree:
        if glossary_module.is_glossary_title(plain(node.heading)):
            blocks = _flat(node)
            found = glossary_module.recognise(blocks)
            if isinstance(found, glossary_module.Recognised):
                outline.findings.extend(found.findings)
                outline.parts.append(Part("glossary", node, glossary=found))
                kinds.append("glossary")
                continue
            kept = (
                Msg("import.glossary-entry/kept-as-text", reason=found.said)
                if found.code == "import.glossary-entry"
                else Msg("import.glossary-unrecognised/kept-as-text", reason=found.said)
            )
            outline.findings.append(Finding(found.where, kept))
        typed = node.typed
        kind = "appendix" if typed and typed.kind == "appendix" else "chapter" if typed else "unnumbered"
        outline.parts.append(Part(kind, node))
        kinds.append(kind)
    numbered_chapters = "chapter" in kinds
    numbered_appendices = "appendix" in kinds
    for part in outline.parts:
        if part.kind == "unnumbered":
            part.kind = "appendix" if numbered_chapters and not numbered_appendices else "chapter"
            if part.kind == "appendix":
                outline.findings.append(
                    Finding(part.node.heading.where, Msg("import.unnumbered-part", title=plain(part.node.heading)))
                )
    counts = {"chapter": 0, "appendix": 0, "glossary": 0}
    for part in outline.parts:
        counts[part.kind] += 1
        part.number = counts[part.kind]
    if counts["glossary"] > 1:
        for part in [p for p in outline.parts if p.kind == "glossary"][1:]:
            part.kind = "appendix"
            outline.findings.append(Finding(part.node.heading.where, Msg("import.glossary-twice")))


def _markers(outline: Outline) -> None:
    """[※] → ※, and * typed for ※, against the glossary's spellings (reported with their counts)."""
    from kplan.importer.cleanup import map_blocks, markers

    spellings: set[str] = set()
    for part in outline.parts:
        if part.glossary:
            for entry in part.glossary.entries:
                spellings.add(entry.term)
                spellings.update(entry.aliases)
    counts: dict[str, int] = {}

    def change(text: str) -> str:
        return markers(text, spellings, counts)

    first: dict[str, Where] = {}

    def changed(blocks: list[Block]) -> list[Block]:
        out = []
        for block in blocks:
            before = dict(counts)
            out.extend(map_blocks([block], change))
            for kind, count in counts.items():
                if count != before.get(kind, 0):
                    first.setdefault(kind, block.where)
        return out

    outline.lead = changed(outline.lead)
    for part in outline.parts:
        for node in part.node.walk():
            node.blocks = changed(node.blocks)
        if part.glossary:
            for entry in part.glossary.entries:
                before = dict(counts)
                entry.definition = entry.definition.map_text(change)
                for kind, count in counts.items():
                    if count != before.get(kind, 0):
                        first.setdefault(kind, entry.where)
    messages = {
        "bracketed": Msg("import.marker/bracketed", count=counts.get("bracketed", 0)),
        "asterisk": Msg("import.marker/asterisk", count=counts.get("asterisk", 0)),
        "asterisk-left": Msg("import.marker/asterisk-left", count=counts.get("asterisk-left", 0)),
    }
    for kind, message in messages.items():
        if counts.get(kind):
            outline.findings.append(Finding(first[kind], message))


def _measures(outline: Outline, specs: tuple[str, ...]) -> None:
    from kplan.importer import measures as measures_module

    label = "第{n}章"
    chosen = measures_module.select(outline.parts, list(specs), label)
    for part in chosen:
        made = measures_module.convert(part, outline.findings)
        if not made:
            outline.findings.append(
                Finding(part.node.heading.where, Msg("import.measure-skipped", title=plain(part.node.heading)))
            )


def _flat(node: Node) -> list[Block]:
    out = list(node.blocks)
    for child in node.children:
        out.append(child.heading)
        out.extend(_flat(child))
    return out


def _number(outline: Outline) -> None:
    """Patterns for each level; titles with or without their typed numbers."""
    for kind, label in (("chapter", "chapter"), ("appendix", "appendix")):
        parts = [p for p in outline.parts if p.kind == kind]
        items = [
            Numbered(p.node.typed, (p.number,), p.number, str(p.node.heading.where), plain(p.node.heading))
            for p in parts
        ]
        what = Msg("word.level/chapter") if kind == "chapter" else Msg("word.level/appendix")
        decision = decide(items, what, chapter_level=True)
        _apply(outline, [p.node for p in parts], decision.strip)
        outline.findings.extend(Finding(Where(w), message) for w, message in decision.problems)
        value = decision.pattern if decision.strip else NO_NUMBER_LABEL
        if parts and value != ("第{n}章" if kind == "chapter" else "資料{n}"):
            outline.labels[label] = value
    for part in outline.parts:
        if part.kind != "glossary":
            _positions(part.node.children, ())
    depth = 1
    while True:
        nodes = [
            (part, node)
            for part in outline.parts
            if part.kind != "glossary"
            for node in part.node.walk()
            if node.depth == depth
        ]
        if not nodes:
            break
        items = [
            Numbered(n.typed, n.numbers, p.number if p.kind == "chapter" else 0, str(n.heading.where), plain(n.heading))
            for p, n in nodes
        ]
        what = (
            Msg("word.level/named", name=LEVEL_NAMES[depth], depth=depth)
            if depth < len(LEVEL_NAMES)
            else Msg("word.level/deep", depth=depth)
        )
        decision = decide(items, what)
        outline.findings.extend(Finding(Where(w), message) for w, message in decision.problems)
        outline.numbering.append(decision.pattern)
        _apply(outline, [n for _, n in nodes], decision.strip)
        depth += 1
    for part in outline.parts:
        if part.kind == "glossary":
            part.node.title = plain(part.node.heading)


def _positions(children: list[Node], numbers: tuple[int, ...]) -> None:
    for index, child in enumerate(children, start=1):
        child.numbers = (*numbers, index)
        _positions(child.children, child.numbers)


def _apply(outline: Outline, nodes: list[Node], strip: bool) -> None:
    for node in nodes:
        node.title = node.rest if strip and node.typed else plain(node.heading)


def _ids(outline: Outline) -> None:
    """Ids from the input's own {#id} where it gave valid ones, else from the position: chapter-2, section-2-1."""
    ids = Ids()
    for part in outline.parts:
        node = part.node
        prefix = {"chapter": "chapter", "appendix": "appendix", "glossary": "glossary"}[part.kind]
        wanted = _anchor(node) or (f"{prefix}-{part.number}" if part.kind != "glossary" else "glossary")
        node.id = ids.claim("part", wanted)
        short = f"{part.number}" if part.kind == "chapter" else f"a{part.number}"
        for child in node.walk()[1:]:
            numbers = "-".join(map(str, child.numbers))
            if child.measure is not None:
                wanted = (_anchor(child) or "").removeprefix("measure-") or f"measure-{short}-{numbers}"
                child.id = child.measure.id = ids.claim("measure", wanted)
            else:
                child.id = ids.claim("section", _anchor(child) or f"section-{short}-{numbers}")


def _anchor(node: Node) -> str | None:
    anchor = node.heading.anchor
    if anchor and re.fullmatch(r"[a-z0-9][a-z0-9-]*", anchor):
        return anchor
    return None


__all__ = ["NO_NUMBER_PATTERN", "Node", "Outline", "Part", "build"]
