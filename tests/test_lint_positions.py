"""Lint positions are exact: every printed character of the plan maps back to the same character in its source
file, inside YAML block scalars, list items, Markdown tables and ' ・' cell items alike."""

from __future__ import annotations

from pathlib import Path

from kplan.diagnostics import Loc
from kplan.lint.context import LintContext
from kplan.load import load_plan
from kplan.model import Paragraph, Table
from kplan.model.visit import components


def test_every_text_starts_at_its_own_location(real_plan):
    """Str.loc and RichText.loc point at the first printed character (or the quote before it)."""
    context = LintContext(real_plan)
    for item in context.items:
        line = (real_plan.root / item.loc.file).read_text(encoding="utf-8").removeprefix("\ufeff").split("\n")
        at = line[item.loc.line - 1][item.loc.column - 1 :]
        # a quoted YAML scalar starts at its quote; a Markdown table's caption at its `Table:` line
        assert at.lstrip("'\"").removeprefix("Table: ").startswith(item.text[:1]), (item.loc, item.text)


def test_every_printed_character_maps_to_itself(real_plan):
    context = LintContext(real_plan)
    assert len(context.items) > 500
    for item in context.items:
        offsets = context.files.align(item.loc, item.text)
        source = context.files.text(item.loc.file)
        wrong = [i for i, offset in enumerate(offsets) if offset == -1 or source[offset] != item.text[i]]
        assert not wrong, (item.loc, item.text)


def _char_at(root: Path, loc: Loc) -> str:
    return (root / loc.file).read_text(encoding="utf-8").split("\n")[loc.line - 1][loc.column - 1]


def test_block_scalar_paragraphs_start_at_their_indentation(real_plan):
    measure = next(m for m in real_plan.measures if m.id == "school-ict")
    first, second = [block for block in measure.body if isinstance(block, Paragraph)][:2]
    lines = (real_plan.root / measure.loc.file).read_text(encoding="utf-8").split("\n")
    body = lines.index("body: |") + 1
    assert (first.loc.line, first.loc.column) == (body + 1, 3)
    assert (second.loc.line, second.loc.column) == (body + 3, 3)
    assert _char_at(real_plan.root, first.loc) == first.text.plain[0]


def test_table_cells_and_cell_items_have_their_own_columns(real_plan):
    table = next(
        c
        for part, _, c in components(real_plan)
        if part.id == "policy"
        and isinstance(c, Table)
        and c.caption
        and "抜粋" in c.caption.plain
        and "トランス" in c.caption.plain
    )
    lead, items = table.rows[0][1].lead, table.rows[0][1].items
    assert _char_at(real_plan.root, lead.loc) == lead.plain[0]
    assert lead.loc.column > 10  # the second cell, not the start of the row
    for item in items:
        assert _char_at(real_plan.root, item.loc) == item.plain[0], item.plain
    assert len({item.loc.column for item in items}) == len(items)


def test_list_items_start_after_the_bullet(project):
    chapter = project / "plan/chapters/01-about.md"
    heading = "## 策定の趣旨 {#purpose}\n"
    chapter.write_text(
        chapter.read_text(encoding="utf-8").replace(heading, heading + "\n- 一つ目の項目\n-   二つ目の祕密\n"),
        encoding="utf-8",
    )
    measure = project / "plan/measures/open-data.yaml"
    measure.write_text(
        measure.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  - 本文の中の箇条書きの收受\n\n"),
        encoding="utf-8",
    )
    from kplan.lint import run

    found = {f.loc.file: f.loc for f in run(load_plan(project)) if f.rule == "old-kanji"}
    assert _char_at(project, found["plan/chapters/01-about.md"]) == "祕"
    assert _char_at(project, found["plan/measures/open-data.yaml"]) == "收"


def test_positions_survive_crlf_and_a_byte_order_mark(project):
    path = project / "plan/measures/office-digitalization.yaml"
    text = path.read_text(encoding="utf-8").replace("文書の収受", "文書の收受")
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    from kplan.lint import run

    [found] = [f for f in run(load_plan(project)) if f.rule == "old-kanji"]
    line = text.split("\n")[found.loc.line - 1]
    assert line[found.loc.column - 1] == "收"
    assert found.fix and path.read_bytes().decode("utf-8")[1:][found.fix.offset] == "收"
