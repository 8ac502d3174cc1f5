"""The outline written as the files of a plan project (format 2): plan.yaml, one Markdown file per chapter or
appendix, measure cards, the glossary, the pictures, plus kplan init's schemas and editor settings.

Every value in YAML is written quoted (json.dumps is valid YAML), every text in Markdown escaped, so nothing
the input holds can turn into markup, a YAML tag or a path."""

from __future__ import annotations

import json

import yaml
from msgspec import Struct, field

from kplan import messages
from kplan.importer import components as comp
from kplan.importer import glossary as glossary_module
from kplan.importer.cleanup import count_markers
from kplan.importer.document import (
    Block,
    Finding,
    Heading,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Table,
    Where,
)
from kplan.importer.docx_reader import join_lines
from kplan.importer.ids import Ids, romanised, slug
from kplan.importer.markdown_out import cell, escape, heading_title, inline
from kplan.importer.numbering import NO_NUMBER_PATTERN
from kplan.importer.readings import needs_reading, propose
from kplan.importer.structure import Node, Outline, Part
from kplan.kana import is_kana
from kplan.messages import Msg

NO_READING = "よみふめい"


def q(value: object) -> str:
    """A YAML scalar that reads back as exactly `value` (a double-quoted JSON string, or a number)."""
    return json.dumps(value, ensure_ascii=False)


class Counts(Struct):
    chapters: int = 0
    appendices: int = 0
    sections: int = 0
    measures: int = 0
    tables: int = 0
    indicator_tables: int = 0
    figures: int = 0
    terms: int = 0
    markers: int = 0
    proposed_readings: int = 0


class Written(Struct):
    files: dict[str, bytes]
    counts: Counts
    findings: list[Finding]
    glossary_order: str | None = None


class _Context(Struct):
    outline: Outline
    source: str
    files: dict[str, bytes] = field(default_factory=dict)
    counts: Counts = field(default_factory=Counts)
    findings: list[Finding] = field(default_factory=list)
    ids: Ids = field(default_factory=Ids)
    caption_marked: bool = True  # every figure caption starts with ※: kplan's label prints it
    labels: dict[str, str] = field(default_factory=dict)
    actions_labels: list[tuple[str | None, Where]] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)

    def note(self, where: object, said: Msg) -> None:
        self.findings.append(Finding(where, said))  # type: ignore[arg-type]


def write_plan(outline: Outline, source: str, extra: dict[str, bytes]) -> Written:
    """Every file of the new plan (path relative to the project root → bytes)."""
    ctx = _Context(outline, source)
    captions = _captions(outline)
    ctx.caption_marked = all(c.startswith("※") for c in captions)
    if not ctx.caption_marked:
        ctx.labels["figure-caption"] = "{caption}"
    if outline.lead:
        first = next((p for p in outline.parts if p.kind != "glossary"), None)
        if first is not None:
            first.node.blocks[:0] = outline.lead
    entries: list[tuple[str, str]] = []
    numbers = {"chapter": 0, "appendix": 0}
    order = None
    for part in outline.parts:
        if part.kind == "glossary":
            path = "glossary/glossary.yaml"
            order = _glossary(ctx, part, path)
        else:
            numbers[part.kind] += 1
            folder = "chapters" if part.kind == "chapter" else "appendices"
            path = f"plan/{folder}/{numbers[part.kind]:02d}-{part.node.id}.md"
            ctx.files[path] = _chapter(ctx, part).encode("utf-8")
            if part.kind == "chapter":
                ctx.counts.chapters += 1
            else:
                ctx.counts.appendices += 1
        entries.append((part.kind, path))
    _labels_from_cards(ctx)
    ctx.files["plan/plan.yaml"] = _plan_yaml(ctx, entries).encode("utf-8")
    ctx.files["README.md"] = _readme(ctx).encode("utf-8")
    for rel, data in extra.items():
        ctx.files.setdefault(rel, data)
    return Written(dict(sorted(ctx.files.items())), ctx.counts, ctx.findings, order)


# ---- plan.yaml ---------------------------------------------------------------------------------------------------


def _plan_yaml(ctx: _Context, entries: list[tuple[str, str]]) -> str:
    meta = ctx.outline.meta
    lines = [
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        f"# 計画全体の情報と、章などの並び順です。kplan import が {q(ctx.source)} から作成しました。",
        f"municipality: {q(meta.municipality)}",
        f"title: {q(meta.title)}",
    ]
    if meta.subtitle:
        lines.append(f"subtitle: {q(meta.subtitle)}")
    lines.append(f"edition: {q(meta.edition)}")
    lines.append(f"status: {'draft' if meta.draft else 'final'}")
    if meta.established or meta.revised or meta.revised_empty:
        lines.append("dates:")
        if meta.established:
            lines.append(f"  established: {meta.established[0]:04d}-{meta.established[1]:02d}")
        if meta.revised:
            lines.append(f"  revised: {meta.revised[0]:04d}-{meta.revised[1]:02d}")
        elif meta.revised_empty:
            lines.append("  revised: null")
    if meta.period:
        lines.append(f"period: {{from: {meta.period[0]}, to: {meta.period[1]}}}")
    if meta.publisher.get("organization"):
        lines.append("publisher:")
        for key in ("organization", "department", "address", "phone"):
            if meta.publisher.get(key):
                lines.append(f"  {key}: {q(meta.publisher[key])}")
    if meta.volume:
        lines.append(f"volume: {q(meta.volume)}")
    numbering = ctx.outline.numbering
    if numbering:
        lines.append("conventions:")
        if NO_NUMBER_PATTERN in numbering:
            lines.append(
                f"  # {NO_NUMBER_PATTERN}: その階層には番号を印刷しません（見出しに書かれた番号をそのまま残しています）"
            )
        lines.append("  numbering: [" + ", ".join(q(p) for p in numbering) + "]")
    labels = {**ctx.outline.labels, **ctx.labels}
    if labels:
        lines.append("labels:")
        if any("!s:.0" in v for v in labels.values()):
            lines.append("  # {n!s:.0}: 番号を印刷しません（題名に書かれた番号をそのまま残しています）")
        for key, value in labels.items():
            lines.append(f"  {key}: {q(value)}")
    lines.append("parts:")
    for kind, path in entries:
        lines.append(f"  - {kind}: {path}")
    return "\n".join(lines) + "\n"


def _readme(ctx: _Context) -> str:
    meta = ctx.outline.meta
    return (
        f"# {escape(str(meta.municipality))} {escape(str(meta.title))}\n\n"
        f"この計画書は、`kplan import` で {escape(ctx.source)} から作成しました。"
        "計画の本文は `plan/` と `glossary/` の YAML と Markdown に書き、kplan で検査し、"
        "ウェブサイトと PDF を作ります。\n\n"
        "取り込みで推測した箇所（`kplan import` の報告）と、用語の読み（`reading_confirmed: false`）を"
        "確かめてください。\n\n"
        "```sh\nkplan lint            # 計画を検査します\nkplan build           # ウェブサイトと PDF を作ります\n```\n"
    )


# ---- chapters ----------------------------------------------------------------------------------------------------


def _chapter(ctx: _Context, part: Part) -> str:
    node = part.node
    lines = ["---", f"id: {q(node.id)}", f"title: {q(node.title)}", "---", ""]
    lines += _blocks(ctx, node.blocks, part)
    for child in node.children:
        lines += _section(ctx, child, part)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(ctx: _Context, node: Node, part: Part) -> list[str]:
    if node.measure is not None:
        ctx.counts.measures += 1
        _card(ctx, node, part)
        return [f"```{{measure}} {node.id}", "```", ""]
    ctx.counts.sections += 1
    lines = [f"{'#' * (node.depth + 1)} {heading_title(node.title)} {{#{node.id}}}", ""]
    lines += _blocks(ctx, node.blocks, part)
    for child in node.children:
        lines += _section(ctx, child, part)
    return lines


def _short(part: Part) -> str:
    return f"{part.number}" if part.kind == "chapter" else f"a{part.number}"


def _blocks(ctx: _Context, blocks: list[Block], part: Part, in_note: bool = False) -> list[str]:
    blocks = comp.attach_captions(blocks)
    lines: list[str] = []
    skip: set[int] = set()
    after: list[str] = []
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        if isinstance(block, Paragraph | Heading):
            lines += [_inline(ctx, block.text, block.where), ""]
        elif isinstance(block, ListBlock):
            lines += _list(ctx, block)
        elif isinstance(block, Table):
            lines += _table(ctx, block, part)
        elif isinstance(block, Image):
            caption_index = comp.figure_caption(blocks, index)
            caption = None
            if caption_index is not None and caption_index not in skip and not (caption_index < index and lines == []):
                caption_block = blocks[caption_index]
                assert isinstance(caption_block, Paragraph)
                caption = caption_block.text.plain.strip()
                if caption_index < index:
                    lines = (
                        lines[:-2]
                        if lines[-2:] == [_inline(ctx, caption_block.text, caption_block.where), ""]
                        else lines
                    )
                skip.add(caption_index)
            fence = _figure(ctx, block, caption, part)
            (after if in_note else lines).extend(fence)
        elif isinstance(block, Quote):
            if in_note:
                lines += _blocks(ctx, list(block.blocks), part, in_note=True)
            else:
                inner: list[str] = []
                body = _blocks_collect(ctx, list(block.blocks), part, inner)
                if body:
                    lines += ["```{note}", *body, "```", ""]
                lines += inner
        elif isinstance(block, Rule):
            continue
    return lines + after


def _blocks_collect(ctx: _Context, blocks: list[Block], part: Part, figures: list[str]) -> list[str]:
    """A note's body (figures cannot stand inside a note: they go after it)."""
    body = _blocks(ctx, [b for b in blocks if not isinstance(b, Image)], part, in_note=True)
    for block in blocks:
        if isinstance(block, Image):
            figures.extend(_figure(ctx, block, None, part))
    while body and body[-1] == "":
        body.pop()
    return body


def _inline(ctx: _Context, text: Inline, where: object) -> str:
    dropped: list[str] = []
    line = inline(text, dropped)
    for url in dropped:
        ctx.note(where, Msg("import.link-dropped/scheme", url=url[:60]))
    ctx.counts.markers += count_markers(text.plain)
    return line


def _list(ctx: _Context, block: ListBlock) -> list[str]:
    if block.nested:
        ctx.note(block.where, Msg("import.nested-list"))
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{marker} {_inline(ctx, item, block.where)}")
    return [*lines, ""] if lines else []


def _table(ctx: _Context, table: Table, part: Part) -> list[str]:
    table_id = ctx.ids.claim("table", f"indicators-{_short(part)}-{ctx.counts.indicator_tables + 1}")
    found = comp.indicator_table(table, table_id)
    if isinstance(found, comp.IndicatorItem):
        ctx.counts.indicator_tables += 1
        ctx.counts.tables += 1
        return _indicators(ctx, found)
    if isinstance(found, Finding):
        ctx.findings.append(found)
    ctx.counts.tables += 1
    if table.merged:
        ctx.note(table.where, Msg("import.merged-cells", count=table.merged))
    width = max([len(table.header)] + [len(row) for row in table.rows])
    header = list(table.header) + [Inline()] * (width - len(table.header))
    lines = []
    if table.caption:
        lines += [f"Table: {_inline(ctx, table.caption, table.where)}", ""]
    lines.append("| " + " | ".join(_cell(ctx, c, table.where) for c in header) + " |")
    lines.append("|" + "---|" * width)
    for row in table.rows:
        cells = list(row) + [Inline()] * (width - len(row))
        lines.append("| " + " | ".join(_cell(ctx, c, table.where) for c in cells) + " |")
    return [*lines, ""]


def _cell(ctx: _Context, text: Inline, where: object) -> str:
    dropped: list[str] = []
    shown = cell(text, dropped)
    ctx.counts.markers += count_markers(text.plain)
    for url in dropped:
        ctx.note(where, Msg("import.link-dropped/scheme", url=url[:60]))
    return shown


def _indicators(ctx: _Context, item: comp.IndicatorItem) -> list[str]:
    defaults = {
        "name": ("indicator", "指標"),
        "baseline": ("baseline", "現状値"),
        "target": ("target", "目標値"),
        "unit": ("unit", "単位"),
        "direction": ("direction", "方向性"),
    }
    for key, written in item.labels.items():
        label, default = defaults[key]
        if written != default:
            ctx.labels[label] = written
    lines = ["```{indicators}", f"id: {q(item.id)}"]
    if item.caption:
        lines.append(f"caption: {q(item.caption)}")
    lines.append("rows:")
    for number, row in enumerate(item.rows, start=1):
        lines.append(f"  - id: {q(f'{item.id}-{number}')}")
        lines.append(f"    name: {q(row.name)}")
        if row.unit:
            lines.append(f"    unit: {q(row.unit)}")
        for key, value in (("baseline", row.baseline), ("target", row.target)):
            if value is not None:
                year = f", year: {value[1]}" if value[1] else ""
                lines.append(f"    {key}: {{value: {value[0]}{year}}}")
        if row.direction:
            lines.append(f"    direction: {q(row.direction)}")
    return [*lines, "```", ""]


def _captions(outline: Outline) -> list[str]:
    """Every figure caption of the document: when all start with ※, kplan's default label prints the ※."""
    captions = []
    for part in outline.parts:
        for node in part.node.walk():
            blocks = comp.attach_captions(node.blocks)
            for index, block in enumerate(blocks):
                if isinstance(block, Image):
                    found = comp.figure_caption(blocks, index)
                    if found is not None:
                        captions.append(blocks[found].text.plain.strip())  # type: ignore[union-attr]
    return captions


def _figure(ctx: _Context, image: Image, caption: str | None, part: Part) -> list[str]:
    figure_id = ctx.ids.claim("figure", f"figure-{_short(part)}-{ctx.counts.figures + 1}")
    data = _figure_yaml(ctx, image, caption, figure_id)
    return ["```{figure}", *data, "```", ""]


def _figure_yaml(ctx: _Context, image: Image, caption: str | None, figure_id: str, indent: str = "") -> list[str]:
    ctx.counts.figures += 1
    if caption and ctx.caption_marked:
        caption = caption.removeprefix("※").strip() or caption
    lines = [f"{indent}id: {q(figure_id)}"]
    if caption:
        lines.append(f"{indent}caption: {q(caption)}")
    alt = image.alt or image.title
    if alt:
        lines.append(f"{indent}alt: {q(alt)}")
    else:
        ctx.note(image.where, Msg("import.image-alt"))
    suffix, reason = comp.usable_image(image)
    if suffix and image.data is not None:
        path = f"plan/figures/{figure_id}.{suffix}"
        ctx.files[path] = image.data
        lines.append(f"{indent}image: {q(path)}")
    else:
        ctx.note(image.where, Msg("import.image", reason=reason))
    return lines


# ---- measure cards -----------------------------------------------------------------------------------------------


def _card(ctx: _Context, node: Node, part: Part) -> None:
    item = node.measure
    assert item is not None
    lines = [
        "# yaml-language-server: $schema=../../schema/measure.schema.json",
        f"id: {q(item.id)}",
        f"title: {q(node.title)}",
    ]
    if item.department:
        lines.append(f"department: {q(item.department)}")
    body = _blocks(ctx, item.body, part, in_note=True)
    while body and body[-1] == "":
        body.pop()
    if body:
        lines.append(_block_scalar("body", body))
    lines.append("actions:")
    for action in item.actions:
        lines.append(f"  - {q(_plain_action(ctx, action, node))}")
    if item.images:
        lines.append("figures:")
        for image in item.images:
            figure_id = ctx.ids.claim("figure", f"figure-{_short(part)}-{ctx.counts.figures + 1}")
            data = _figure_yaml(ctx, image, None, figure_id, indent="    ")
            lines.append("  - " + data[0].strip())
            lines += data[1:]
    ctx.actions_labels.append((item.actions_label, node.heading.where))
    ctx.files[f"plan/measures/{item.id}.yaml"] = ("\n".join(lines) + "\n").encode("utf-8")


def _plain_action(ctx: _Context, action: Inline, node: Node) -> str:
    if any(not isinstance(s, str) for s in action.segments):
        ctx.note(node.heading.where, Msg("import.link-dropped/action"))
    ctx.counts.markers += count_markers(action.plain)
    return " ".join(action.plain.split("\n")).strip()


def _block_scalar(key: str, lines: list[str]) -> str:
    """`key: |` with the lines indented; checked to read back as written (else a quoted string)."""
    text = "\n".join(lines) + "\n"
    block = f"{key}: |\n" + "".join(f"  {line}\n" if line else "\n" for line in lines)
    try:
        if yaml.safe_load(block) == {key: text}:
            return block.rstrip("\n")
    except yaml.YAMLError:
        pass
    return f"{key}: {q(text)}"


def _labels_from_cards(ctx: _Context) -> None:
    """The heading the cards' action lists stood under, as the plan's `actions` label when all share one."""
    if not ctx.actions_labels:
        return
    named = {label for label, _ in ctx.actions_labels if label}
    unlabelled = [where for label, where in ctx.actions_labels if not label]
    if len(named) == 1 and not unlabelled:
        only = named.pop()
        if only != "取組内容":
            ctx.labels["actions"] = only
        return
    where = unlabelled[0] if unlabelled else ctx.actions_labels[0][1]
    ctx.note(where, Msg("import.actions-label"))


# ---- glossary ----------------------------------------------------------------------------------------------------


def _glossary(ctx: _Context, part: Part, path: str) -> str:
    found = part.glossary
    assert found is not None
    entries = found.entries
    ids = Ids()
    lines = [
        "# yaml-language-server: $schema=../schema/glossary.schema.json",
        "# 用語解説です。読み(reading)のうち reading_confirmed: false のものは解析器が推定したもので、確認が必要です。",
        f"title: {q(part.node.title)}",
    ]
    if found.note:
        lines.append(f"note: {q(found.note)}")
    spellings: set[str] = {_fold(e.term) for e in entries}
    for entry in entries:
        if entry.reading is None and needs_reading(entry.term):
            entry.reading = propose(glossary_module.spelling_base(entry))
            if entry.reading is None:
                entry.reading = NO_READING
                ctx.note(entry.where, Msg("import.reading", term=entry.term, placeholder=NO_READING))
            else:
                ctx.counts.proposed_readings += 1
        kept = []
        for alias in entry.aliases:
            if _fold(alias) in spellings and _fold(alias) != _fold(entry.term):
                ctx.note(entry.where, Msg("import.alias", alias=alias))
                continue
            kept.append(alias)
            spellings.add(_fold(alias))
        entry.aliases = kept
    out_of_order = glossary_module.in_kana_order(entries)
    order = "kana" if not out_of_order else "as-written"
    if out_of_order:
        names = messages.text("import.glossary-order/separator").join(
            messages.text("import.glossary-order/term", term=e.term) for e in out_of_order[:5]
        )
        more = messages.text("import.glossary-order/more", count=len(out_of_order) - 5) if len(out_of_order) > 5 else ""
        ctx.note(part.node.heading.where, Msg("import.glossary-order", terms=names, more=more))
    lines.append(f"order: {order}")
    lines.append("terms:")
    for number, entry in enumerate(entries, start=1):
        base = glossary_module.spelling_base(entry)
        wanted = "" if needs_reading(base) else slug(base)
        if not wanted and entry.reading and is_kana(entry.reading):
            wanted = romanised(entry.reading)
        term_id = ids.claim("term", wanted or f"term-{number}")
        lines.append(f"  - id: {q(term_id)}")
        lines.append(f"    term: {q(entry.term)}")
        if entry.reading:
            lines.append(f"    reading: {q(entry.reading)}")
            if not entry.reading_given:
                lines.append("    reading_confirmed: false")
        if entry.aliases:
            lines.append("    aliases: [" + ", ".join(q(a) for a in entry.aliases) + "]")
        if any(not isinstance(s, str) for s in entry.definition.segments):
            ctx.note(entry.where, Msg("import.link-dropped/definition", term=entry.term))
        ctx.counts.markers += count_markers(entry.definition.plain)
        lines.append(f"    definition: {q(join_lines(entry.definition.plain))}")
        ctx.counts.terms += 1
    ctx.files[path] = ("\n".join(lines) + "\n").encode("utf-8")
    return order


def _fold(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", text).casefold()
