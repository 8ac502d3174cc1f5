"""Measure cards, on request (`--measures 第3章`): in the chosen parts, a group of sibling sections each made of a
heading, text and one list (the actions, directly or under a heading such as 取組内容) become measure cards. A group
where any section has something else (a table, sub-sections, no list) stays prose, and the report says why."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from msgspec import Struct, field

from kplan.importer.document import Block, Finding, Image, Inline, ListBlock, Paragraph
from kplan.importer.errors import CannotImportError
from kplan.importer.numbering import split_number
from kplan.messages import Msg

if TYPE_CHECKING:
    from kplan.importer.structure import Node, Part

ACTIONS = re.compile(
    r"^(取組内容|主な取組|主な取組内容|具体的な取組|具体的な取組内容|取組|主な事業|事業内容|取組の内容)$"
)
DEPARTMENT = re.compile(r"^[【\[［(（]?(担当課|担当部署|所管課|担当)[】\]］)）]?\s*[:：]?\s*(\S.*)$")


class MeasureItem(Struct):
    """What a measure card is made of; `actions_label` is the heading its list stood under (None: none)."""

    body: list[Block]
    actions: list[Inline]
    department: str | None
    images: list[Image]
    actions_label: str | None
    id: str = ""
    figures: list[object] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def select(parts: list[Part], specs: list[str], chapter_label: str) -> list[Part]:
    """The chapters and appendices each spec names: 第3章 (as typed or as printed), 3, or (part of) the title."""
    chosen: list[Part] = []
    for spec in specs:
        wanted = _norm(spec)
        found = [p for p in parts if p.kind != "glossary" and _names(p, wanted, chapter_label)]
        if not found:
            raise CannotImportError(Msg("import.measures-not-found", spec=spec))
        chosen.extend(p for p in found if p not in chosen)
    return chosen


def _names(part: Part, wanted: str, chapter_label: str) -> bool:
    node = part.node
    heading = _norm(node.heading.text.plain)
    typed = _norm(node.typed.text) if node.typed else ""
    printed = _norm(chapter_label.format(n=part.number)) if part.kind == "chapter" and "{n" in chapter_label else ""
    return wanted in (typed, printed, str(part.number) if part.kind == "chapter" else "") or (
        len(wanted) >= 2 and wanted in heading
    )


def convert(part: Part, findings: list[Finding]) -> int:
    """Cards made of the part's sections where every sibling in a group qualifies; the count made."""
    return _group(part.node, findings)


def _group(parent: Node, findings: list[Finding]) -> int:
    """Cards of `parent`'s sections when every one of them qualifies; when only some do, none (reported);
    when none does, the same one level down."""
    children = parent.children
    if not children:
        return 0
    made = [_card(child) for child in children]
    cards = [m for m in made if isinstance(m, MeasureItem)]
    if len(cards) == len(children):
        for child, card in zip(children, cards, strict=True):
            child.measure = card
            child.children = []
        return len(children)
    if cards:
        failed = next((c, m) for c, m in zip(children, made, strict=True) if isinstance(m, Msg))
        findings.append(
            Finding(
                failed[0].heading.where,
                Msg(
                    "import.measure-skipped/not-cards",
                    parent=parent.heading.text.plain.strip(),
                    section=failed[0].heading.text.plain.strip(),
                    reason=failed[1],
                ),
            )
        )
        return 0
    return sum(_group(child, findings) for child in children)


def _card(node: Node) -> MeasureItem | Msg:
    """The card a section makes, or why it makes none."""
    blocks = list(node.blocks)
    label = None
    if node.children:
        if len(node.children) != 1:
            return Msg("import.measure-skipped/why-subheadings")
        child = node.children[0]
        _, rest = split_number(child.heading.text.plain.strip())
        rest = rest.lstrip("■□◆◇●○〇・【").rstrip("】").strip()
        if not ACTIONS.match(rest) or child.children:
            return Msg("import.measure-skipped/why-other-subheading")
        if len(child.blocks) != 1 or not isinstance(child.blocks[0], ListBlock):
            return Msg("import.measure-skipped/why-not-one-list", label=rest)
        label = rest
        blocks.append(child.blocks[0])
    if not blocks or not isinstance(blocks[-1], ListBlock):
        return Msg("import.measure-skipped/why-no-actions")
    if any(not isinstance(b, Paragraph | ListBlock | Image) for b in blocks):
        return Msg("import.measure-skipped/why-tables")
    actions = blocks.pop()
    assert isinstance(actions, ListBlock)
    department = None
    body: list[Block] = []
    images: list[Image] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            match = DEPARTMENT.match(block.text.plain.strip())
            if match and department is None:
                department = match[2].strip()
                continue
        if isinstance(block, Image):
            images.append(block)
            continue
        body.append(block)
    return MeasureItem(body, list(actions.items), department, images, label)
