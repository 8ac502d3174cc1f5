"""The 新旧対照表 as Markdown: a two-column table per heading, changed characters in <ins> (underlined)."""

from __future__ import annotations

import re

from kplan.diff.heading import heading
from kplan.diff.records import Diff
from kplan.diff.table import Cell, groups

_SPECIAL = re.compile(r"([\\`*_\[\]|~<>&#])")  # what inline Markdown and GFM tables would read as mark-up


def escape(text: str) -> str:
    """Text as literal Markdown inside a table cell: specials escaped, line breaks as <br>."""
    escaped = _SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(m[1], "\\" + m[1]), text)
    return escaped.replace("\n", "<br>")


def render_markdown(diff: Diff) -> str:
    head = heading(diff)
    lines = [
        f"# {escape(head.title)}",
        "",
        f"- {head.new_label}：{escape(head.new)}",
        f"- {head.old_label}：{escape(head.old)}",
        "",
    ]
    lines += [f"> **{escape(head.notice)}** {escape(notice)}\n" for notice in head.notices]
    lines += [escape(head.summary), "", escape(head.legend), ""]
    shown: tuple[str, ...] = ()
    for group in groups(diff):
        for depth, title in enumerate(group.path):
            if shown[: depth + 1] != group.path[: depth + 1]:
                lines += [f"{'#' * min(depth + 2, 6)} {escape(title)}", ""]
        shown = group.path
        lines += [f"| {escape(head.new_label)} | {escape(head.old_label)} |", "| --- | --- |"]
        for row in group.rows:
            label = f"【{escape(row.label)}】" if row.label else ""
            lines.append(f"| {label}{_cell(row.new, head.deleted)} | {label}{_cell(row.old, head.inserted)} |")
        lines.append("")
    return "\n".join(lines)


def render(diff: Diff, *, colour: bool = False, project_root: object = None) -> bytes:
    return render_markdown(diff).encode("utf-8")


def _cell(cell: Cell, absent: str) -> str:
    if cell is None:
        return escape(absent)
    out = []
    for piece in cell:
        text = escape(piece.text)
        out.append(f"<ins>{text}</ins>" if piece.changed else text)
    return "".join(out)
