"""Reference and edition rules: references between parts resolve, the 正誤表 matches the sources, no empty dates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.registry import rule
from kplan.lint.sources import WORDS_KINDS
from kplan.messages import Msg
from kplan.model import RecordTable

EMPTY_DATE = re.compile(r"(?:令和|平成)[ \u3000]*年[ \u3000]*月")


@rule("measure-ref", "refs")
def measure_ref(context: LintContext) -> Iterator[Hit]:
    """A row of a record table that points at no measure card of the plan."""
    known = {measure.id for measure in context.plan.measures}
    for component in context.components:
        if not isinstance(component, RecordTable):
            continue
        for group in component.groups:
            for row in group.rows:
                for cell in row.cells:
                    for ref in cell.measures:
                        if ref.measure_id not in known:
                            yield Hit(ref.loc, Msg("lint.measure-ref", measure=ref.measure_id))


@rule("errata-ref", "refs")
def errata_ref(context: LintContext) -> Iterator[Hit]:
    """A 正誤表 entry whose file is missing or does not hold its 正 (right) text; a 誤 text still in its file."""
    for entry in context.plan.errata:
        if not entry.file:
            continue
        if not context.files.exists(entry.file):
            yield Hit(entry.loc, Msg("lint.errata-ref/no-file", id=entry.id, file=entry.file))
            continue
        text = context.files.text(entry.file)
        if entry.right not in text:
            yield Hit(
                entry.right.loc, Msg("lint.errata-ref/right-missing", id=entry.id, right=entry.right, file=entry.file)
            )
        elif entry.wrong != entry.right and entry.wrong not in entry.right and entry.wrong in text:
            where = context.files.loc(entry.file, text.index(entry.wrong))
            yield Hit(
                where,
                Msg("lint.errata-ref/wrong-remains", id=entry.id, wrong=entry.wrong, right=entry.right),
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
        printed = Msg("lint.empty-date/printed-nothing") if final else Msg("lint.empty-date/printed-as", label=empty)
        yield Hit(meta.loc, Msg("lint.empty-date/revised", edition=meta.edition, printed=printed), severity=severity)
    for item in context.items:
        if item.kind not in WORDS_KINDS:
            continue
        for match in EMPTY_DATE.finditer(item.text):
            yield Hit(
                context.locate(item, match.start()), Msg("lint.empty-date/blank", date=match[0]), severity=severity
            )
