"""Reference and edition rules: references between parts resolve, the 正誤表 matches the sources, no empty dates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.registry import rule
from kplan.lint.sources import WORDS_KINDS
from kplan.model import RecordTable
from kplan.model.visit import components

EMPTY_DATE = re.compile(r"(?:令和|平成)[ \u3000]*年[ \u3000]*月")


@rule("measure-ref", "refs")
def measure_ref(context: LintContext) -> Iterator[Hit]:
    """A row of a record table that points at no measure card of the plan."""
    known = {measure.id for measure in context.plan.measures}
    for _, _, component in components(context.plan):
        if not isinstance(component, RecordTable):
            continue
        for group in component.groups:
            for row in group.rows:
                for cell in row.cells:
                    for ref in cell.measures:
                        if ref.measure_id not in known:
                            yield Hit(
                                ref.loc,
                                f"取組施策「{ref.measure_id}」が計画にありません",
                                "章に置かれた取組施策(plan/measures/ のファイル)の id を書いてください",
                            )


@rule("errata-ref", "refs")
def errata_ref(context: LintContext) -> Iterator[Hit]:
    """A 正誤表 entry whose file is missing or does not hold its 正 (right) text; a 誤 text still in its file."""
    for entry in context.plan.errata:
        if not entry.file:
            continue
        if not context.files.exists(entry.file):
            yield Hit(entry.loc, f"正誤表「{entry.id}」のファイル {entry.file} がありません", "file: を直してください")
            continue
        text = context.files.text(entry.file)
        if entry.right not in text:
            yield Hit(
                entry.right.loc,
                f"正誤表「{entry.id}」の正「{entry.right}」が {entry.file} にありません",
                "本文か正誤表の right: を直してください",
            )
        elif entry.wrong != entry.right and entry.wrong not in entry.right and entry.wrong in text:
            where = context.files.loc(entry.file, text.index(entry.wrong))
            yield Hit(
                where,
                f"正誤表「{entry.id}」で直したはずの誤「{entry.wrong}」が残っています",
                f"「{entry.right}」に直してください",
                severity="warning",
            )


@rule("empty-date", "refs", "warning")
def empty_date(context: LintContext) -> Iterator[Hit]:
    """An empty date placeholder (令和　年　月): a warning while the plan is a draft, an error when final."""
    meta = context.plan.meta
    final = meta.status == "final"
    severity = "error" if final else "warning"
    if meta.revised is None and meta.edition != "1":
        empty = context.plan.conventions.label("revised-empty")
        printed = "何も印刷されません" if final else f"「{empty}」と印刷されます"
        yield Hit(
            meta.loc,
            f"第{meta.edition}版の改定年月が未定です({printed})",
            "plan.yaml の dates: revised: に改定年月(例: 2024-03)を書いてください",
            severity=severity,
        )
    for item in context.items:
        if item.kind not in WORDS_KINDS:
            continue
        for match in EMPTY_DATE.finditer(item.text):
            yield Hit(
                context.locate(item, match.start()),
                f"日付が空欄です: 「{match[0]}」",
                "年と月を入れてください",
                severity=severity,
            )
