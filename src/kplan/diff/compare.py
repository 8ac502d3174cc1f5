"""Two plans in, the changes between them out: units are paired by id at every level, text by characters.

One pairing (`align.pair_units`) pairs parts, components with an id (sections, measure cards, figures, record
and indicator tables), the groups and rows of record tables, indicators, glossary terms and survey questions. A
component with an id that moved to another parent is paired with its old self wherever it stood. Units without an
id (paragraphs, lists, Markdown tables, list items) are paired by text inside their container (`align.by_text`).

Each kind of unit both editions have is compared by one function registered for its `kind` (`@comparer`):
adding a component type is one function here (and none when it only holds text: `contents()` is compared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kplan.diff import align, printed
from kplan.diff.chars import Span, diff_spans
from kplan.diff.cover import compare_cover
from kplan.diff.printed import BULLET, plain, str_or_none
from kplan.diff.records import Change, Diff, EditionInfo, Row, Same
from kplan.model import Plan, RichText, Str
from kplan.model.visit import components as all_components

Path_ = tuple[str, ...]
Comparer = Callable[["Comparison", Path_, Any, Any, str, bool], None]
COMPARERS: dict[str, Comparer] = {}
# kinds whose unit id is the component's own id; others are named KIND:ID
BARE_IDS = ("section", "measure", "chapter", "glossary", "survey", "public-comment")


def comparer(kind: str) -> Callable[[Comparer], Comparer]:
    """Register the function that compares two units of `kind` that both editions have."""

    def register(function: Comparer) -> Comparer:
        COMPARERS[kind] = function
        return function

    return register


def compare(old: Plan, new: Plan, old_info: EditionInfo, new_info: EditionInfo) -> Diff:
    """Every difference between two loaded plans."""
    comparison = Comparison(old, new)
    comparison.run()
    return Diff(old_info, new_info, tuple(comparison.changes), tuple(comparison.rows), new.conventions)


def _key(unit: Any) -> str:
    return f"{unit.kind}:{unit.id}"


def _keyed(unit: Any) -> bool:
    return isinstance(getattr(unit, "id", None), str) and hasattr(unit, "kind")


class Comparison:
    """The state of one comparison: both plans, what they hold by id, and the changes and table rows so far."""

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.conventions = new.conventions
        self.changes: list[Change] = []
        self.rows: list[Row | Same] = []
        self.old_by_key = {_key(c): c for _, _, c in all_components(old) if _keyed(c)}
        self.new_by_key = {_key(c): c for _, _, c in all_components(new) if _keyed(c)}
        self.old_titles = {m.id: str(m.title) for m in old.measures}
        self.new_titles = {m.id: str(m.title) for m in new.measures}

    # ---- recording ----------------------------------------------------------------------------------------

    def record(
        self,
        path: Path_,
        kind: str,
        unit_id: str,
        change: str,
        old: str | None,
        new: str | None,
        field: str | None = None,
        label: str | None = None,
    ) -> tuple[Span, ...]:
        spans = diff_spans(old or "", new or "")
        self.changes.append(Change(kind, unit_id, change, old, new, spans, path, field, label))
        return spans

    def row(self, path: Path_, old: str | None, new: str | None, label: str | None = None) -> None:
        if old == new:
            self.rows.append(Same(path))
        else:
            self.rows.append(Row(path, old, new, diff_spans(old or "", new or ""), label))

    def text(
        self,
        path: Path_,
        kind: str,
        unit_id: str,
        old: str | Str | RichText | None,
        new: str | Str | RichText | None,
        field: str | None = None,
        label: str | None = None,
    ) -> None:
        """A text that is a unit or a field of one: a change and a row when it differs, （略） when not."""
        old_text, new_text = plain(old) or None, plain(new) or None
        if old_text == new_text:
            self.rows.append(Same(path))
            return
        if field is None:
            change = "added" if old_text is None else "removed" if new_text is None else "changed"
        else:
            change = "changed"
        spans = self.record(path, kind, unit_id, change, old_text, new_text, field, label)
        self.rows.append(Row(path, old_text, new_text, spans, label))

    def fields(
        self,
        path: Path_,
        kind: str,
        unit_id: str,
        items: Sequence[tuple[str, Any, Any]],
        labels: dict[str, str] | None = None,
    ) -> None:
        """Named fields of one unit: (field, old, new)."""
        for field, old, new in items:
            self.text(path, kind, unit_id, old, new, field=field, label=(labels or {}).get(field))

    def items(
        self, path: Path_, kind: str, container: str, old: Sequence[Any], new: Sequence[Any], bullet: str = BULLET
    ) -> None:
        """A list of one-line items (list items, actions, cell lines…), paired by text."""
        positions = {id(b): n for n, b in enumerate(old, start=1)} | {id(b): n for n, b in enumerate(new, start=1)}
        for old_item, new_item in align.by_text(old, new, plain):
            item = new_item if new_item is not None else old_item
            self.text(
                path,
                kind,
                f"{container}/item:{positions[id(item)]}",
                None if old_item is None else bullet + plain(old_item),
                None if new_item is None else bullet + plain(new_item),
            )

    def heading(
        self, path: Path_, kind: str, unit_id: str, old: Any, new: Any, old_number: str, new_number: str, moved: bool
    ) -> None:
        """A heading: renamed when its title changed, moved or renumbered when its number did."""
        if old.title != new.title:
            self.record(path, kind, unit_id, "renamed", str(old.title), str(new.title), field="title")
        if moved or old_number != new_number:
            self.record(path, kind, unit_id, "moved" if moved else "renumbered", old_number, new_number, field="number")
        self.row(path, printed.heading(old, self.conventions), printed.heading(new, self.conventions))

    # ---- units --------------------------------------------------------------------------------------------

    def unit(self, path: Path_, old: Any, new: Any, unit_id: str, moved: bool = False) -> None:
        """Compare a unit of either edition: whole when only one has it, else by its kind's comparer."""
        unit = new if new is not None else old
        if old is None or new is None:
            head = printed.heading(unit, self.conventions)
            whole_path = (*path, head) if head else path
            body = printed.text(unit, self.conventions)
            self.text(
                whole_path, unit.kind, unit_id, None if new is not None else body, body if new is not None else None
            )
            return
        COMPARERS.get(unit.kind, compare_contents)(self, path, old, new, unit_id, moved)

    def components(self, path: Path_, container: str, old: Sequence[Any], new: Sequence[Any]) -> None:
        """The components of one container (chapter, section, card body…) in the new edition's order.

        Components with an id are paired by it (one that moved in from another container with its old self);
        the others by kind and text.
        """
        new_keys = {_key(c) for c in new if _keyed(c)}
        staying = [c for c in old if not _keyed(c) or _key(c) not in self.new_by_key or _key(c) in new_keys]
        keyed = align.pair_units([c for c in staying if _keyed(c)], [c for c in new if _keyed(c)], _key)
        moved = set(keyed.moved)
        keyed_pairs: list[tuple[Any, Any]] = []
        for old_unit, new_unit in keyed.pairs:
            if old_unit is None and _key(new_unit) in self.old_by_key:
                old_unit = self.old_by_key[_key(new_unit)]
                moved.add(_key(new_unit))
            keyed_pairs.append((old_unit, new_unit))
        plain_pairs = align.by_text(
            [c for c in staying if not _keyed(c)],
            [c for c in new if not _keyed(c)],
            lambda c: printed.text(c, self.conventions),
            lambda c: c.kind,
        )
        positions = {id(c): n for n, c in enumerate(staying, start=1)} | {id(c): n for n, c in enumerate(new, 1)}
        for old_unit, new_unit in _merge(new, keyed_pairs, plain_pairs):
            unit = new_unit if new_unit is not None else old_unit
            if _keyed(unit):
                unit_id = unit.id if unit.kind in BARE_IDS else _key(unit)
                self.unit(path, old_unit, new_unit, unit_id, _key(unit) in moved)
            else:
                self.unit(path, old_unit, new_unit, f"{container}/{unit.kind}:{positions[id(unit)]}")

    # ---- the whole ----------------------------------------------------------------------------------------

    def run(self) -> None:
        compare_cover(self)
        parts = align.pair_units(self.old.parts, self.new.parts, _key)
        for old_part, new_part in parts.pairs:
            part = _either(old_part, new_part)
            self.unit((), old_part, new_part, part.id, _key(part) in parts.moved)


def _merge(new: Sequence[Any], *pair_lists: list[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """Pairs from several pairings in the new edition's order; removed units just before the next one of theirs."""
    queues = [list(pairs) for pairs in pair_lists]
    for unit in new:
        for queue in queues:
            if any(n is unit for _, n in queue):
                while queue:
                    pair = queue.pop(0)
                    yield pair
                    if pair[1] is unit:
                        break
    for queue in queues:
        yield from queue


def compare_contents(comparison: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    """A kind without a comparer of its own: the strings it holds, paired by text."""
    comparison.items(
        path,
        getattr(new, "kind", "text"),
        unit_id,
        [i for i in old.contents() if isinstance(i, str | RichText)],
        [i for i in new.contents() if isinstance(i, str | RichText)],
        bullet="",
    )


# ---- parts --------------------------------------------------------------------------------------------------


@comparer("chapter")
def compare_chapter(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    here = (*path, printed.chapter_heading(new, c.conventions))
    number = "appendix" if new.appendix else "chapter"
    c.heading(
        here,
        "chapter",
        unit_id,
        old,
        new,
        c.conventions.label(number, n=old.number),
        c.conventions.label(number, n=new.number),
        moved,
    )
    c.components(here, f"chapter:{new.id}", old.components, new.components)


@comparer("glossary")
def compare_glossary(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    here = (*path, str(new.title))
    c.fields(here, "glossary", unit_id, [("title", old.title, new.title), ("note", old.note, new.note)])
    terms = align.pair_units(old.terms, new.terms)
    for old_term, new_term in terms.pairs:
        term = _either(old_term, new_term)
        term_id = f"term:{term.id}"
        if old_term is None or new_term is None:
            body = printed.term_text(term)
            c.text(here, "term", term_id, None if new_term else body, body if new_term else None)
            continue
        if old_term.term != new_term.term:
            c.record(here, "term", term_id, "renamed", str(old_term.term), str(new_term.term), field="term")
        for field, old_value, new_value in (
            ("reading", str_or_none(old_term.reading), str_or_none(new_term.reading)),
            ("aliases", "、".join(old_term.aliases), "、".join(new_term.aliases)),
            ("definition", old_term.definition.plain, new_term.definition.plain),
        ):
            if old_value != new_value:
                c.record(here, "term", term_id, "changed", old_value or None, new_value or None, field=field)
        c.row(here, printed.term_text(old_term), printed.term_text(new_term))
        if old_term.reading != new_term.reading:
            c.row(here, str_or_none(old_term.reading), str_or_none(new_term.reading))


# ---- sections and cards ---------------------------------------------------------------------------------------


@comparer("section")
def compare_section(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    here = (*path, printed.section_heading(new, c.conventions))
    c.heading(here, "section", unit_id, old, new, old.label, new.label, moved)
    c.components(here, f"section:{new.id}", old.components, new.components)


@comparer("measure")
def compare_measure(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    here = (*path, printed.measure_heading(new, c.conventions))
    conventions = c.conventions
    if old.title != new.title:
        c.record(here, "measure", unit_id, "renamed", str(old.title), str(new.title), field="title")
    if moved:
        c.record(here, "measure", unit_id, "moved", old.reference, new.reference, field="number")
    elif old.reference != new.reference:
        c.record(here, "measure", unit_id, "renumbered", old.reference, new.reference, field="number")
    for mark in conventions.marks:
        if (mark.id in old.marks) != (mark.id in new.marks):
            c.record(
                here,
                "measure",
                unit_id,
                "changed",
                mark.label if mark.id in old.marks else None,
                mark.label if mark.id in new.marks else None,
                field=mark.id,
            )
    if old.added_in != new.added_in:
        c.record(
            here,
            "measure",
            unit_id,
            "changed",
            old.added_in and conventions.label("added", edition=old.added_in),
            new.added_in and conventions.label("added", edition=new.added_in),
            field="added_in",
        )
    c.row(here, printed.measure_heading(old, conventions), printed.measure_heading(new, conventions))
    c.fields(
        here,
        "measure",
        unit_id,
        [("department", old.department, new.department)],
        {"department": conventions.label("department")},
    )
    container = f"measure:{new.id}"
    c.components(here, container, old.body, new.body)
    c.items(here, "action", f"{container}/actions", old.actions, new.actions)
    c.components(here, container, [t for t in (old.indicators,) if t], [t for t in (new.indicators,) if t])
    c.components(here, container, old.figures, new.figures)


# ---- prose ----------------------------------------------------------------------------------------------------


@comparer("paragraph")
def compare_paragraph(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    c.text(path, "paragraph", unit_id, old.text, new.text)


@comparer("bullet-list")
def compare_list(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    c.items(path, "list-item", unit_id, old.items, new.items)


@comparer("note")
def compare_note(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    c.components(path, unit_id, old.blocks, new.blocks)


@comparer("table")
def compare_table(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    """A Markdown table: header cells by column, rows paired by their first cell."""
    c.text(path, "table-caption", f"{unit_id}/caption", old.caption, new.caption)
    for column, (old_cell, new_cell) in enumerate(_zip_longest(old.header, new.header), start=1):
        c.text(
            path,
            "cell",
            f"{unit_id}/header/cell:{column}",
            old_cell and printed.cell_text(old_cell),
            new_cell and printed.cell_text(new_cell),
        )
    positions = {id(r): n for n, r in enumerate(old.rows, start=1)} | {id(r): n for n, r in enumerate(new.rows, 1)}

    def key(row: tuple[Any, ...]) -> str:
        return printed.cell_text(row[0]) if row else ""

    for old_row, new_row in align.by_text(old.rows, new.rows, key):
        row = _either(old_row, new_row)
        row_id = f"{unit_id}/row:{positions[id(row)]}"
        if old_row is None or new_row is None:
            body = printed.row_text(row)
            c.text(path, "table-row", row_id, None if old_row is None else body, None if new_row is None else body)
            continue
        for column, (old_cell, new_cell) in enumerate(_zip_longest(old_row, new_row), start=1):
            c.text(
                path,
                "cell",
                f"{row_id}/cell:{column}",
                old_cell and printed.cell_text(old_cell),
                new_cell and printed.cell_text(new_cell),
                label=key(new_row) if column > 1 else None,
            )


# ---- figures, indicators, records ---------------------------------------------------------------------------


@comparer("figure")
def compare_figure(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    """A figure: its image by digest (a changed picture is listed), its caption, alt text and words as text."""
    c.fields(path, "figure", unit_id, [("caption", old.caption, new.caption), ("alt", old.alt, new.alt)])
    if (old.image, old.digest) != (new.image, new.digest):
        c.text(
            path,
            "figure",
            unit_id,
            printed.image_text(old, c.conventions),
            printed.image_text(new, c.conventions),
            field="image",
        )
    else:
        c.rows.append(Same(path))
    c.items(path, "figure-word", f"{unit_id}/words", old.words, new.words, bullet="")


@comparer("indicators")
def compare_indicators(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    """An indicator table: indicators by id; their numbers (現状値, 目標値 with their years) are compared."""
    conventions = c.conventions
    c.fields(path, "indicators", unit_id, [("caption", old.caption, new.caption)])
    for old_ind, new_ind in align.pair_units(old.indicators, new.indicators).pairs:
        indicator = _either(old_ind, new_ind)
        ind_id = f"{new.id}/indicator:{indicator.id}"
        if old_ind is None or new_ind is None:
            body = printed.indicator_text(indicator, conventions)
            c.text(path, "indicator", ind_id, None if new_ind else body, body if new_ind else None)
            continue
        if old_ind.name != new_ind.name:
            c.record(path, "indicator", ind_id, "renamed", str(old_ind.name), str(new_ind.name), field="name")
        c.fields(
            path,
            "indicator",
            ind_id,
            [
                ("unit", old_ind.unit, new_ind.unit),
                (
                    "baseline",
                    printed.value_text(old_ind.baseline, old_ind.unit, conventions),
                    printed.value_text(new_ind.baseline, new_ind.unit, conventions),
                ),
                (
                    "target",
                    printed.value_text(old_ind.target, old_ind.unit, conventions),
                    printed.value_text(new_ind.target, new_ind.unit, conventions),
                ),
                ("direction", old_ind.direction, new_ind.direction),
                (
                    "actuals",
                    "、".join(printed.value_text(v, old_ind.unit, conventions) or "" for v in old_ind.actuals),
                    "、".join(printed.value_text(v, new_ind.unit, conventions) or "" for v in new_ind.actuals),
                ),
            ],
            {key: f"{new_ind.name} {conventions.label(key)}" for key in ("baseline", "target", "direction")}
            | {"actuals": f"{new_ind.name} {conventions.label('actual')}", "unit": conventions.label("unit")},
        )


@comparer("records")
def compare_records(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    """A record table: column titles by position, groups and rows by id, cells by column as lines."""
    c.fields(path, "records", unit_id, [("caption", old.caption, new.caption)])
    for column, (old_col, new_col) in enumerate(_zip_longest(old.columns, new.columns), start=1):
        c.text(path, "column", f"{unit_id}/column:{column}", old_col and old_col.title, new_col and new_col.title)
    old_groups = {r.id: g for g in old.groups for r in g.rows}
    for old_group, new_group in align.pair_units(old.groups, new.groups).pairs:
        group = _either(old_group, new_group)
        title = printed.group_heading(group)
        here = (*path, title) if title else path
        group_id = f"{new.id}/group:{group.id}"
        if old_group is None or new_group is None:
            c.text(here, "record-group", group_id, None if new_group else title, title if new_group else None)
        else:
            c.fields(
                here,
                "record-group",
                group_id,
                [("label", old_group.label, new_group.label), ("title", old_group.title, new_group.title)],
            )
        new_rows = {r.id for r in new_group.rows} if new_group else set()
        all_new_rows = {r.id for g in new.groups for r in g.rows}
        staying = [r for r in (old_group.rows if old_group else ()) if r.id in new_rows or r.id not in all_new_rows]
        for old_row, new_row in align.pair_units(staying, new_group.rows if new_group else ()).pairs:
            if old_row is None and new_row is not None and new_row.id in old_groups:
                old_row = next(r for r in old_groups[new_row.id].rows if r.id == new_row.id)
            _compare_record(c, here, new.id, old_row, new_row)


def _compare_record(c: Comparison, path: Path_, table_id: str, old: Any, new: Any) -> None:
    record = _either(old, new)
    row_id = f"{table_id}/row:{record.id}"
    titles = c.new_titles if new is not None else c.old_titles
    first = printed.record_cells(record, titles)[0] if record.cells else []
    here = (*path, first[0]) if first else path
    if old is None or new is None:
        body = printed.record_text(record, titles)
        c.text(here, "record", row_id, None if new else body, body if new else None)
        return
    old_cells, new_cells = printed.record_cells(old, c.old_titles), printed.record_cells(new, c.new_titles)
    for column, (old_cell, new_cell) in enumerate(_zip_longest(old_cells, new_cells), start=1):
        old_lines, new_lines = old_cell or [], new_cell or []
        if len(old_lines) <= 1 and len(new_lines) <= 1:
            c.text(
                here,
                "cell",
                f"{row_id}/cell:{column}",
                old_lines[0] if old_lines else None,
                new_lines[0] if new_lines else None,
                field=f"cell:{column}",
            )
        else:
            c.items(here, "cell-item", f"{row_id}/cell:{column}", old_lines, new_lines)


# ---- survey and public comment ----------------------------------------------------------------------------


@comparer("survey")
def compare_survey(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    here = (*path, str(new.title))
    w = c.conventions
    c.fields(here, "survey", unit_id, [("title", old.title, new.title)])
    c.components(here, unit_id, old.intro, new.intro)
    c.fields(
        here,
        "survey",
        unit_id,
        [
            ("overview_title", old.overview_title, new.overview_title),
            ("period", _date_range(old.period, repeat_era=False), _date_range(new.period, repeat_era=False)),
            ("method", old.method, new.method),
            ("responses", _count(old.responses), _count(new.responses)),
            ("respondents_title", old.respondents_title, new.respondents_title),
        ],
        {
            "period": w.label("survey-period"),
            "method": w.label("survey-method"),
            "responses": w.label("survey-responses"),
        },
    )
    c.components(here, f"{unit_id}/respondents", old.respondents_text, new.respondents_text)
    c.items(
        here,
        "survey-result",
        f"{unit_id}/respondents/results",
        _results(old.respondents_results),
        _results(new.respondents_results),
        bullet="",
    )
    c.fields(
        here,
        "survey",
        unit_id,
        [
            ("respondents_caption", old.respondents_caption, new.respondents_caption),
            ("respondents_note", old.respondents_note, new.respondents_note),
            ("results_title", old.results_title, new.results_title),
        ],
    )
    old_questions = {q.id: q for s in old.sections for q in s.questions}
    new_question_ids = {q.id for s in new.sections for q in s.questions}
    for old_section, new_section in align.pair_units(old.sections, new.sections).pairs:
        section = _either(old_section, new_section)
        section_path = (*here, f"({section.number}) {section.title}")
        section_id = f"{unit_id}/section:{section.id}"
        if old_section is None or new_section is None:
            body = "\n".join(
                [f"({section.number}) {section.title}", *(_question_text(q, w) for q in section.questions)]
            )
            c.text(
                section_path, "survey-section", section_id, None if new_section else body, body if new_section else None
            )
            continue
        c.text(
            section_path,
            "survey-section",
            section_id,
            f"({old_section.number}) {old_section.title}",
            f"({new_section.number}) {new_section.title}",
            field="title",
        )
        local = {q.id for q in new_section.questions}
        staying = [q for q in old_section.questions if q.id in local or q.id not in new_question_ids]
        for old_question, new_question in align.pair_units(staying, new_section.questions).pairs:
            if old_question is None and new_question is not None:
                old_question = old_questions.get(new_question.id)
            _compare_question(c, section_path, unit_id, old_question, new_question)
    _compare_free_comments(c, here, unit_id, old.free_comments, new.free_comments)


def _compare_question(c: Comparison, path: Path_, survey_id: str, old: Any, new: Any) -> None:
    question = _either(old, new)
    w = c.conventions
    here = (*path, w.label("question-heading", n=question.number))
    unit = f"{survey_id}/question:{question.id}"
    if old is None or new is None:
        body = _question_text(question, w)
        c.text(here, "question", unit, None if new else body, body if new else None)
        return
    c.fields(
        here,
        "question",
        unit,
        [
            ("number", w.label("question-heading", n=old.number), w.label("question-heading", n=new.number)),
            ("text", old.text, new.text),
            ("choice", old.choice, new.choice),
        ],
    )
    c.components(here, unit, old.summary, new.summary)
    empty_chart = (None, None, (), None)

    def chart(q: Any) -> tuple[Any, Any, Any, Any]:
        return (q.chart.title, q.chart.n, q.chart.results, q.chart.note) if q.chart else empty_chart

    (old_title, old_n, old_results, old_note), (new_title, new_n, new_results, new_note) = chart(old), chart(new)
    c.fields(
        here,
        "chart",
        f"{unit}/chart",
        [
            ("title", old_title, new_title),
            ("n", old_n and f"N={old_n}", new_n and f"N={new_n}"),
            ("note", old_note, new_note),
        ],
    )
    c.items(here, "survey-result", f"{unit}/chart/results", _results(old_results), _results(new_results), bullet="")
    c.items(here, "other-answer", f"{unit}/other", old.other_answers, new.other_answers)


def _compare_free_comments(c: Comparison, path: Path_, survey_id: str, old: Any, new: Any) -> None:
    if old is None and new is None:
        return
    free = _either(old, new)
    w = c.conventions
    here = (*path, f"({free.section_number}) {free.section_title}")
    unit = f"{survey_id}/free-comments"
    if old is None or new is None:
        body = "\n".join(
            [
                str(free.section_title),
                free.question.plain,
                *(comment.plain for category in free.categories for comment in category.comments),
            ]
        )
        c.text(here, "free-comments", unit, None if new else body, body if new else None)
        return
    c.fields(
        here,
        "free-comments",
        unit,
        [
            (
                "section_title",
                f"({old.section_number}) {old.section_title}",
                f"({new.section_number}) {new.section_title}",
            ),
            (
                "question",
                w.label("question-heading", n=old.question_number) + old.question.plain,
                w.label("question-heading", n=new.question_number) + new.question.plain,
            ),
        ],
    )
    c.items(here, "note", f"{unit}/notes", old.notes, new.notes, bullet="")
    for old_cat, new_cat in align.pair_units(old.categories, new.categories).pairs:
        category = _either(old_cat, new_cat)
        cat_id = f"{unit}/category:{category.id}"
        if old_cat is None or new_cat is None:
            body = "\n".join(
                [
                    w.label("comment-category", title=category.title),
                    *(BULLET + comment.plain for comment in category.comments),
                ]
            )
            c.text(here, "comment-category", cat_id, None if new_cat else body, body if new_cat else None)
            continue
        c.text(
            here,
            "comment-category",
            cat_id,
            w.label("comment-category", title=old_cat.title),
            w.label("comment-category", title=new_cat.title),
            field="title",
        )
        c.items(here, "comment", cat_id, old_cat.comments, new_cat.comments)


@comparer("public-comment")
def compare_public_comment(c: Comparison, path: Path_, old: Any, new: Any, unit_id: str, moved: bool) -> None:
    here = (*path, str(new.title))
    w = c.conventions
    c.fields(here, "public-comment", unit_id, [("title", old.title, new.title)])
    c.components(here, unit_id, old.intro, new.intro)
    c.fields(
        here,
        "public-comment",
        unit_id,
        [
            ("overview_title", old.overview_title, new.overview_title),
            ("period", _date_range(old.period), _date_range(new.period)),
            ("venues_text", old.venues_text, new.venues_text),
        ],
        {"period": w.label("comment-period")},
    )
    c.items(here, "venue", f"{unit_id}/venues", old.venues, new.venues)
    c.fields(
        here,
        "public-comment",
        unit_id,
        [
            ("comments_received", _received(old.comments_received, w), _received(new.comments_received, w)),
        ],
        {"comments_received": w.label("comment-received")},
    )


# ---- helpers ------------------------------------------------------------------------------------------------


def _either(old: Any, new: Any) -> Any:
    """The unit of the new edition, else the old one's."""
    return new if new is not None else old


def _zip_longest(old: Sequence[Any], new: Sequence[Any]) -> list[tuple[Any, Any]]:
    size = max(len(old), len(new))
    return [(old[i] if i < len(old) else None, new[i] if i < len(new) else None) for i in range(size)]


def _results(results: Sequence[Any]) -> list[str]:
    return [f"{r.label} {printed.percent(r.percent)}" for r in results]


def _count(value: int | None) -> str | None:
    return None if value is None else str(value)


def _date_range(period: Any, repeat_era: bool = True) -> str | None:
    from kplan import wareki

    return wareki.date_range(period[0], period[1], repeat_era=repeat_era) if period else None


def _received(count: int | None, conventions: Any) -> str | None:
    if count is None:
        return None
    return conventions.label("comment-none") if count == 0 else conventions.label("comment-count", count=count)


def _question_text(question: Any, conventions: Any) -> str:
    lines = [conventions.label("question-heading", n=question.number) + question.text.plain]
    lines += [printed.text(block, conventions) for block in question.summary]
    if question.chart:
        lines += _results(question.chart.results)
    return "\n".join(lines)
