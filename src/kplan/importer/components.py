"""Blocks that become the plan's components: pictures into figures (with their captions and image files), tables
whose header is 指標 / 現状値 / 目標値 into indicator tables, captions (表1 …, 図1 …) attached to their table or
figure. What cannot be read with certainty stays as written: a table stays a table."""

from __future__ import annotations

import re
import unicodedata

from msgspec import Struct, field

from kplan.importer.document import Block, Finding, Image, Paragraph, Table
from kplan.messages import Msg

TABLE_CAPTION = re.compile(r"^(?:表|Table)\s*[0-9０-９]+(?:[-－‐.．][0-9０-９]+)*(?:[\s\u3000:：]|$)|^【[^】]+】$")
PANDOC_CAPTION = re.compile(r"^(?:Table|表):\s*")  # pandoc's caption line before a table
FIGURE_CAPTION = re.compile(r"^※?\s*(?:イメージ図|図\s*[0-9０-９]+(?:[-－‐.．][0-9０-９]+)*(?:[\s\u3000:：]|$))")
SVG_UNSAFE = re.compile(
    rb"<script|javascript:|\son[a-z]+\s*=|<!entity|<!doctype|<foreignobject|xlink:href\s*=\s*[\"'](?!#)|\shref\s*=\s*[\"'](?!#)",
    re.IGNORECASE,
)
USABLE = {"png": "png", "jpeg": "jpg", "svg": "svg"}


class FigureItem(Struct):
    id: str
    image: Image
    caption: str | None
    file: str | None = None  # root-relative path of the written image
    data: bytes | None = None


class IndicatorRow(Struct):
    name: str
    unit: str | None
    baseline: tuple[float | int, int | None] | None
    target: tuple[float | int, int | None] | None
    direction: str | None


class IndicatorItem(Struct):
    id: str
    caption: str | None
    rows: list[IndicatorRow]
    labels: dict[str, str] = field(default_factory=dict)


def attach_captions(blocks: list[Block]) -> list[Block]:
    """A caption paragraph directly before a table (or a Word caption paragraph) goes into the table."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and block.caption is None and out and _is_table_caption(out[-1]):
            caption = out.pop()
            assert isinstance(caption, Paragraph)
            text = caption.text.strip()
            pandoc = PANDOC_CAPTION.match(text.plain)
            block = Table(
                block.header, block.rows, block.where, text.drop_prefix(pandoc.end()) if pandoc else text, block.merged
            )
        out.append(block)
    return out


def _is_table_caption(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = block.text.plain.strip()
    pandoc = PANDOC_CAPTION.match(text)
    if pandoc and len(text) > pandoc.end():
        return True
    return len(text) <= 80 and (
        bool(TABLE_CAPTION.match(text)) or (block.role == "caption" and not FIGURE_CAPTION.match(text))
    )


def figure_caption(blocks: list[Block], index: int) -> int | None:
    """The index of the paragraph that captions the picture at `index`: right after it (or right before it),
    styled as a caption or written 図1 … / ※イメージ図."""
    for neighbour in (index + 1, index - 1):
        if 0 <= neighbour < len(blocks):
            block = blocks[neighbour]
            if isinstance(block, Paragraph) and len(block.text.plain) <= 80:
                text = block.text.plain.strip()
                if FIGURE_CAPTION.match(text) or (block.role == "caption" and not TABLE_CAPTION.match(text)):
                    return neighbour
    return None


def usable_image(image: Image) -> tuple[str | None, Msg | None]:
    """(file suffix, None) for a picture the plan can show, or (None, why not)."""
    if image.data is None:
        reasons = {
            "link": Msg("import.image/why-link"),
            "outside": Msg("import.image/why-outside"),
            "missing": Msg("import.image/why-missing"),
            "too-large": Msg("import.image/why-too-large"),
        }
        return None, reasons.get(image.kind, Msg("import.image/why-unreadable"))
    suffix = USABLE.get(image.kind)
    if suffix is None:
        kind = image.kind.upper()
        return None, Msg("import.image/why-format", kind=kind) if kind else Msg("import.image/why-unknown-format")
    if suffix == "svg" and SVG_UNSAFE.search(image.data):
        return None, Msg("import.image/why-svg")
    return suffix, None


# ---- indicator tables ---------------------------------------------------------------------------------------

NAME = re.compile(r"^(指標|指標名|成果指標|評価指標|KPI|数値目標)$")
BASELINE = re.compile(r"^(現状値|基準値|現況値)(?:[(（]?(令和(?:元|[0-9]+)年度)[)）]?)?$")
TARGET = re.compile(r"^(目標値)(?:[(（]?(令和(?:元|[0-9]+)年度)[)）]?)?$")
UNIT = re.compile(r"^(単位)$")
DIRECTION = re.compile(r"^(方向性)$")
VALUE = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*([^\s0-9()（）]{0,6}?)\s*(?:[(（](令和(?:元|[0-9]+)年度)[)）])?$")


def _fiscal(text: str | None) -> int | None:
    if not text:
        return None
    match = re.match(r"令和(元|[0-9]+)年度", text)
    return None if not match else 2018 + (1 if match[1] == "元" else int(match[1]))


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def indicator_table(table: Table, table_id: str) -> IndicatorItem | Finding | None:
    """The table as indicators when its header is 指標 / 現状値 / 目標値 (and 単位, 方向性) and every value is a
    number (with a unit and 令和N年度 at most); a Finding when it looks like one but cannot be read; None else."""
    header = [_norm(cell.plain) for cell in table.header]
    columns: dict[str, int] = {}
    years: dict[str, int | None] = {}
    labels: dict[str, str] = {}
    for index, title in enumerate(header):
        for key, pattern in (
            ("name", NAME),
            ("baseline", BASELINE),
            ("target", TARGET),
            ("unit", UNIT),
            ("direction", DIRECTION),
        ):
            match = pattern.match(title)
            if match and key not in columns:
                columns[key] = index
                labels[key] = match[1]
                if key in ("baseline", "target"):
                    years[key] = _fiscal(match[2])
                break
    if not {"name", "baseline", "target"} <= set(columns):
        return None
    unknown = [header[i] for i in range(len(header)) if i not in columns.values()]
    if unknown or table.merged:
        return Finding(
            table.where,
            Msg("import.indicators-uncertain/column", column=unknown[0])
            if unknown
            else Msg("import.indicators-uncertain/merged"),
        )
    rows = []
    for row in table.rows:
        cells = [c.plain.strip() for c in row] + [""] * (len(header) - len(row))
        name = cells[columns["name"]]
        if not name:
            return Finding(table.where, Msg("import.indicators-uncertain/no-name"))
        unit = cells[columns["unit"]] if "unit" in columns else ""
        values = {}
        suffixes = set()
        for key in ("baseline", "target"):
            value = _value(cells[columns[key]], years[key])
            if value is False:
                return Finding(table.where, Msg("import.indicators-uncertain/value", value=cells[columns[key]]))
            if value is not None:
                assert not isinstance(value, bool)
                values[key] = value[:2]
                if value[2]:
                    suffixes.add(value[2])
        if suffixes and (unit or len(suffixes) > 1):
            return Finding(table.where, Msg("import.indicators-uncertain/units"))
        direction = cells[columns["direction"]] if "direction" in columns else ""
        rows.append(
            IndicatorRow(
                name,
                unit or (suffixes.pop() if suffixes else None),
                values.get("baseline"),
                values.get("target"),
                direction or None,
            )
        )
    caption = table.caption.plain.strip() if table.caption else None
    return IndicatorItem(table_id, caption, rows, labels)


def _value(text: str, year: int | None) -> tuple[float | int, int | None, str] | None | bool:
    """(number, fiscal year, unit written after it); None for an empty cell; False when it is not a value."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    match = VALUE.match(text)
    if not match:
        return False
    number: float | int = float(match[1]) if "." in match[1] else int(match[1])
    if (f"{number:g}" if isinstance(number, float) else str(number)) != match[1]:
        return False  # kplan would print it differently (42.50 → 42.5, 007 → 7)
    cell_year = _fiscal(match[3])
    if cell_year and year and cell_year != year:
        return False
    return number, cell_year or year, match[2]
