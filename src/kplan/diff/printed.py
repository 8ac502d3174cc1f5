"""Units of the plan as the text a reader sees: headings with their numbers, lists with ・, tables as lines."""

from __future__ import annotations

from kplan import wareki
from kplan.model import (
    Block,
    BulletList,
    Cell,
    Chapter,
    Measure,
    Meta,
    Paragraph,
    ProgressRow,
    Section,
    Table,
    Term,
)
from kplan.render.labels import measure_marks, revision_line

BULLET = "・"


def status_text(meta: Meta) -> str:
    return "案" if meta.status == "draft" else "確定版"


def established_text(meta: Meta) -> str:
    return f"{wareki.year_month(*meta.established)}策定"


def dates_text(meta: Meta) -> str:
    return established_text(meta) + revision_line(meta)


def chapter_heading(chapter: Chapter) -> str:
    return f"第{chapter.number}章 {chapter.title}"


def section_heading(section: Section) -> str:
    return f"{section.label} {section.title}"


def measure_heading(measure: Measure) -> str:
    """(2) マイナンバーカードの普及促進（第2.0版追加）【重点】, as the card's heading prints."""
    return f"({measure.number}) {measure.title}{measure_marks(measure)}"


def cell_text(cell: Cell) -> str:
    return "\n".join([cell.lead.plain, *(BULLET + item.plain for item in cell.items)]).strip("\n")


def block_kind(block: Block) -> str:
    return {Paragraph: "paragraph", BulletList: "list", Table: "table"}[type(block)]


def block_text(block: Block) -> str:
    """A block as lines: a paragraph, ・items, or a table's caption and rows (cells separated by ｜)."""
    if isinstance(block, Paragraph):
        return block.text.plain
    if isinstance(block, BulletList):
        return "\n".join(BULLET + item.plain for item in block.items)
    lines = [block.caption.plain] if block.caption else []
    for row in (block.header, *block.rows):
        lines.append("｜".join(cell_text(cell).replace("\n", " ") for cell in row))
    return "\n".join(lines)


def blocks_text(blocks: tuple[Block, ...]) -> list[str]:
    return [block_text(block) for block in blocks]


def section_text(section: Section) -> str:
    lines = [section_heading(section), *blocks_text(section.blocks)]
    lines += [section_text(sub) for sub in section.subsections]
    return "\n".join(lines)


def measure_text(measure: Measure) -> str:
    lines = [measure_heading(measure), *blocks_text(measure.body), "取組内容"]
    lines += [BULLET + action.plain for action in measure.actions]
    if measure.figure:
        lines += [label.plain for label in measure.figure.labels] + [f"※{measure.figure.caption}"]
    return "\n".join(lines)


def chapter_text(chapter: Chapter) -> str:
    lines = [chapter_heading(chapter), *blocks_text(chapter.intro)]
    lines += [section_text(section) for section in chapter.sections]
    for group in chapter.measure_groups:
        lines.append(f"{group.number}. {group.title}")
        lines += [measure_text(measure) for measure in group.measures]
    return "\n".join(lines)


def term_text(term: Term) -> str:
    return f"{term.term}：{term.definition.plain}"


def progress_row_text(row: ProgressRow, measure_title: dict[str, str]) -> str:
    lines = [row.earlier.plain]
    lines += [BULLET + (ref.label or measure_title.get(ref.measure_id, ref.measure_id)) for ref in row.measures]
    lines += [BULLET + status.plain for status in row.status]
    return "\n".join(lines)


def percent(value: float) -> str:
    return f"{value:g}%"
