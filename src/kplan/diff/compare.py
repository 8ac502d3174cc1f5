"""Two plans in, the changes between them out: units are paired by stable id, text inside them by characters.

Units with an id (chapters, sections, measure groups, measures, table rows of chapter 4, glossary terms, survey
sections, questions and comment categories) are paired by it, wherever they stand. Units without one (paragraphs,
list items, rows of Markdown tables) are paired by text inside their unit: equal texts first, then the most
similar (kplan.diff.align). Everything is walked in the new edition's order; a removed unit stands where it stood.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from kplan import wareki
from kplan.diff import align, printed
from kplan.diff.chars import Span, diff_spans
from kplan.diff.records import Change, Diff, EditionInfo, Row, Same
from kplan.model import (
    Block,
    BulletList,
    Chapter,
    Chart,
    Measure,
    MeasureGroup,
    Paragraph,
    Plan,
    ProgressGroup,
    ProgressRow,
    ProgressTable,
    PublicComment,
    Question,
    RichText,
    Section,
    Survey,
    Table,
    Term,
)
from kplan.render import labels

T = TypeVar("T")
META_PATH = ("計画の基本情報",)


def compare(old: Plan, new: Plan, old_info: EditionInfo, new_info: EditionInfo) -> Diff:
    """Every difference between two loaded plans."""
    walker = _Walker(old, new)
    walker.walk()
    return Diff(old_info, new_info, tuple(walker.changes), tuple(walker.rows))


def moved_keys(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Keys in both sequences whose order relative to the others changed (outside the longest common order)."""
    common = set(old) & set(new)
    old_order = [k for k in old if k in common]
    new_order = [k for k in new if k in common]
    kept: set[str] = set()
    for block in SequenceMatcher(None, old_order, new_order, autojunk=False).get_matching_blocks():
        kept.update(old_order[block.a:block.a + block.size])
    return common - kept


class _Walker:
    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self.rows: list[Row | Same] = []
        self.old_titles = {m.id: m.title for m in old.measures}
        self.new_titles = {m.id: m.title for m in new.measures}

    # ---- recording --------------------------------------------------------------------------------------

    def record(self, path: tuple[str, ...], kind: str, unit_id: str, change: str, old: str | None,
               new: str | None, field: str | None = None, label: str | None = None) -> tuple[Span, ...]:
        spans = _spans(old, new)
        self.changes.append(Change(kind, unit_id, change, old, new, spans, path, field, label))
        return spans

    def row(self, path: tuple[str, ...], old: str | None, new: str | None, label: str | None = None) -> None:
        if old == new:
            self.rows.append(Same(path))
        else:
            self.rows.append(Row(path, old, new, _spans(old, new), label))

    def text(self, path: tuple[str, ...], kind: str, unit_id: str, old: str | None, new: str | None,
             field: str | None = None, label: str | None = None, change: str | None = None) -> None:
        """A text that is a unit or a field of one: a change and a row when it differs, （略） when not."""
        old, new = old or None, new or None
        if old == new:
            self.rows.append(Same(path))
            return
        if change is None and field is None:
            change = "added" if old is None else "removed" if new is None else "changed"
        elif change is None:
            change = "changed"  # a field of a unit both editions have
        spans = self.record(path, kind, unit_id, change, old, new, field, label)
        self.rows.append(Row(path, old, new, spans, label))

    def fields(self, path: tuple[str, ...], kind: str, unit_id: str,
               items: list[tuple[str, str | None, str | None, str | None]]) -> None:
        """Several named fields of one unit: (field, label, old, new)."""
        for field, label, old, new in items:
            self.text(path, kind, unit_id, old, new, field=field, label=label)

    # ---- the whole --------------------------------------------------------------------------------------

    def walk(self) -> None:
        self.meta()
        old_chapters = {c.id: c for c in self.old.chapters}
        moved = moved_keys([c.id for c in self.old.chapters], [c.id for c in self.new.chapters])
        for old, new in align.by_id(self.old.chapters, self.new.chapters, lambda c: c.id):
            if old is None or new is None:
                self.whole_unit("chapter", old or new, printed.chapter_text, (printed.chapter_heading(old or new),))
                continue
            self.chapter(old_chapters[new.id], new, new.id in moved)
        for name, title, compare_appendix in (
            ("glossary", self.new.glossary.title, self.glossary),
            ("survey", _title(self.new.survey) or _title(self.old.survey), self.survey),
            ("public-comment", _title(self.new.public_comment) or _title(self.old.public_comment),
             self.public_comment),
        ):
            in_old, in_new = name in self.old.appendices, name in self.new.appendices
            if in_old and in_new:
                compare_appendix()
            elif in_old or in_new:
                self.text((title,), "appendix", name, title if in_old else None, title if in_new else None)

    def meta(self) -> None:
        old, new = self.old.meta, self.new.meta
        items: list[tuple[str, str | None, str | None, str | None]] = [
            ("municipality", "自治体", old.municipality, new.municipality),
            ("title", "計画名", old.full_title, new.full_title),
            ("edition", "版", labels.edition_name(old.edition), labels.edition_name(new.edition)),
            ("status", "状態", printed.status_text(old), printed.status_text(new)),
            ("established", "策定", printed.established_text(old), printed.established_text(new)),
            ("revised", "改定", labels.revision_text(old), labels.revision_text(new)),
            ("period", "計画期間", wareki.fiscal_period(*old.period), wareki.fiscal_period(*new.period)),
            ("organization", "発行", old.publisher.organization, new.publisher.organization),
            ("department", "担当", old.publisher.department, new.publisher.department),
            ("address", "所在地", old.publisher.address, new.publisher.address),
            ("phone", "電話", old.publisher.phone, new.publisher.phone),
            ("volume", "冊", old.volume, new.volume),
        ]
        self.fields(META_PATH, "meta", "plan", items)

    def whole_unit(self, kind: str, unit: T, text: Callable[[T], str], path: tuple[str, ...],
                   unit_id: str | None = None) -> None:
        """A unit only one edition has: its whole text, （新設） or （削除）."""
        in_new = self._in_new(unit)
        body = text(unit)
        self.text(path, kind, unit_id or unit.id, None if in_new else body, body if in_new else None)  # type: ignore[attr-defined]

    def _in_new(self, unit: object) -> bool:
        return _contains(self.new, unit)

    # ---- chapters and sections --------------------------------------------------------------------------

    def chapter(self, old: Chapter, new: Chapter, moved: bool) -> None:
        path = (printed.chapter_heading(new),)
        self.heading(path, "chapter", new.id, old.title, new.title, f"第{old.number}章", f"第{new.number}章",
                     moved, printed.chapter_heading(old), printed.chapter_heading(new))
        self.blocks(path, f"chapter:{new.id}", old.intro, new.intro)
        self.sections(path, old.sections, new.sections, self.old_sections(), self.new_sections())
        if old.progress or new.progress:
            self.progress(path, old.progress, new.progress)
        if old.measure_groups or new.measure_groups:
            self.measure_groups(path, old, new)

    def heading(self, path: tuple[str, ...], kind: str, unit_id: str, old_title: str, new_title: str,
                old_label: str, new_label: str, moved: bool, old_heading: str, new_heading: str) -> None:
        """A heading: renamed when its title changed, moved or renumbered when its number did."""
        if old_title != new_title:
            self.record(path, kind, unit_id, "renamed", old_title, new_title, field="title")
        if moved or old_label != new_label:
            self.record(path, kind, unit_id, "moved" if moved else "renumbered", old_label, new_label,
                        field="number")
        self.row(path, old_heading, new_heading)

    def old_sections(self) -> dict[str, tuple[Section, str]]:
        return _sections_by_id(self.old)

    def new_sections(self) -> dict[str, tuple[Section, str]]:
        return _sections_by_id(self.new)

    def sections(self, path: tuple[str, ...], old: tuple[Section, ...], new: tuple[Section, ...],
                 old_all: dict[str, tuple[Section, str]], new_all: dict[str, tuple[Section, str]]) -> None:
        """Sections of one parent; a section that moved here from elsewhere is paired with its old self."""
        local_new = {s.id for s in new}
        staying_old = [s for s in old if s.id not in new_all or s.id in local_new]
        moved = moved_keys([s.id for s in staying_old], [s.id for s in new])
        for old_section, new_section in align.by_id(staying_old, new, lambda s: s.id):
            if new_section is not None and old_section is None and new_section.id in old_all:
                old_section = old_all[new_section.id][0]
                moved.add(new_section.id)
            elif (new_section is not None and old_section is not None
                  and old_all[new_section.id][1] != new_all[new_section.id][1]):
                moved.add(new_section.id)
            unit = new_section or old_section
            assert unit is not None
            sub_path = (*path, printed.section_heading(unit))
            if old_section is None or new_section is None:
                self.whole_unit("section", unit, printed.section_text, sub_path)
                continue
            self.heading(sub_path, "section", unit.id, old_section.title, new_section.title, old_section.label,
                         new_section.label, unit.id in moved, printed.section_heading(old_section),
                         printed.section_heading(new_section))
            self.blocks(sub_path, f"section:{unit.id}", old_section.blocks, new_section.blocks)
            self.sections(sub_path, old_section.subsections, new_section.subsections, old_all, new_all)

    # ---- blocks -----------------------------------------------------------------------------------------

    def blocks(self, path: tuple[str, ...], container: str, old: tuple[Block, ...], new: tuple[Block, ...]) -> None:
        """Paragraphs, lists and tables of one unit, paired by kind and text."""
        positions = {id(b): n for n, b in enumerate(new, start=1)} | {id(b): n for n, b in enumerate(old, start=1)}
        for old_block, new_block in align.by_text(old, new, printed.block_text, printed.block_kind):
            block = new_block or old_block
            assert block is not None
            kind = printed.block_kind(block)
            unit_id = f"{container}/{kind}:{positions[id(block)]}"
            if old_block is None or new_block is None:
                kind_name = "paragraph" if kind == "paragraph" else kind
                self.text(path, kind_name, unit_id, old_block and printed.block_text(old_block),
                          new_block and printed.block_text(new_block))
            elif isinstance(new_block, Paragraph) and isinstance(old_block, Paragraph):
                self.text(path, "paragraph", unit_id, old_block.text.plain, new_block.text.plain)
            elif isinstance(new_block, BulletList) and isinstance(old_block, BulletList):
                self.items(path, "list-item", unit_id, old_block.items, new_block.items)
            elif isinstance(new_block, Table) and isinstance(old_block, Table):
                self.table(path, unit_id, old_block, new_block)

    def items(self, path: tuple[str, ...], kind: str, container: str, old: Sequence[RichText | str],
              new: Sequence[RichText | str], bullet: str = printed.BULLET) -> None:
        """A list of one-line items (list items, actions, statuses…), paired by text."""
        def text(item: RichText | str) -> str:
            return item if isinstance(item, str) else item.plain

        positions = {id(b): n for n, b in enumerate(old, start=1)} | {id(b): n for n, b in enumerate(new, start=1)}
        for old_item, new_item in align.by_text(old, new, text):
            item = new_item if new_item is not None else old_item
            self.text(path, kind, f"{container}/item:{positions[id(item)]}",
                      None if old_item is None else bullet + text(old_item),
                      None if new_item is None else bullet + text(new_item))

    def table(self, path: tuple[str, ...], unit_id: str, old: Table, new: Table) -> None:
        self.text(path, "table-caption", f"{unit_id}/caption", old.caption and old.caption.plain,
                  new.caption and new.caption.plain)
        for column, (old_cell, new_cell) in enumerate(_zip_longest(old.header, new.header), start=1):
            self.text(path, "cell", f"{unit_id}/header/cell:{column}", old_cell and printed.cell_text(old_cell),
                      new_cell and printed.cell_text(new_cell))
        positions = {id(r): n for n, r in enumerate(old.rows, start=1)}
        positions |= {id(r): n for n, r in enumerate(new.rows, start=1)}

        def key(row: tuple) -> str:
            return printed.cell_text(row[0]) if row else ""

        for old_row, new_row in align.by_text(old.rows, new.rows, key):
            row = new_row if new_row is not None else old_row
            row_id = f"{unit_id}/row:{positions[id(row)]}"
            if old_row is None or new_row is None:
                text = "｜".join(printed.cell_text(c).replace("\n", " ") for c in row)
                self.text(path, "table-row", row_id, None if old_row is None else text,
                          None if new_row is None else text)
                continue
            for column, (old_cell, new_cell) in enumerate(_zip_longest(old_row, new_row), start=1):
                label = key(new_row) if column > 1 else None
                self.text(path, "cell", f"{row_id}/cell:{column}", old_cell and printed.cell_text(old_cell),
                          new_cell and printed.cell_text(new_cell), label=label)

    # ---- chapter 4 --------------------------------------------------------------------------------------

    def progress(self, path: tuple[str, ...], old: ProgressTable | None, new: ProgressTable | None) -> None:
        if old is None or new is None:
            table = new or old
            assert table is not None
            self.text(path, "progress-table", "progress", None if new else table.status_header,
                      table.status_header if new else None)
            return
        self.fields(path, "progress-table", "progress", [
            ("earlier_header", None, old.earlier_header, new.earlier_header),
            ("measures_header", None, old.measures_header, new.measures_header),
            ("status_header", None, old.status_header, new.status_header),
        ])
        old_rows = {r.id: (r, g.id) for g in old.groups for r in g.rows}
        new_rows = {r.id: (r, g.id) for g in new.groups for r in g.rows}
        old_groups = {g.id: g for g in old.groups}
        moved_groups = moved_keys(list(old_groups), [g.id for g in new.groups])
        for old_group, new_group in align.by_id(old.groups, new.groups, lambda g: g.id):
            group = new_group or old_group
            assert group is not None
            group_path = (*path, _progress_heading(group))
            if old_group is None or new_group is None:
                self.whole_progress_group(group_path, group, new_group is not None)
                continue
            self.heading(group_path, "progress-group", group.id, old_group.title, new_group.title,
                         old_group.label, new_group.label, group.id in moved_groups,
                         _progress_heading(old_group), _progress_heading(new_group))
            self.progress_rows(group_path, old_groups[group.id], new_group, old_rows, new_rows)

    def whole_progress_group(self, path: tuple[str, ...], group: ProgressGroup, in_new: bool) -> None:
        titles = self.new_titles if in_new else self.old_titles
        text = "\n".join([_progress_heading(group), *(printed.progress_row_text(r, titles) for r in group.rows)])
        self.text(path, "progress-group", group.id, None if in_new else text, text if in_new else None)

    def progress_rows(self, path: tuple[str, ...], old_group: ProgressGroup, new_group: ProgressGroup,
                      old_all: dict[str, tuple[ProgressRow, str]], new_all: dict[str, tuple[ProgressRow, str]]) -> None:
        local_new = {r.id for r in new_group.rows}
        staying = [r for r in old_group.rows if r.id not in new_all or r.id in local_new]
        moved = moved_keys([r.id for r in staying], [r.id for r in new_group.rows])
        for old_row, new_row in align.by_id(staying, new_group.rows, lambda r: r.id):
            if new_row is not None and old_row is None and new_row.id in old_all:
                old_row = old_all[new_row.id][0]
                self.record(path, "progress-row", new_row.id, "moved", old_all[new_row.id][1], new_group.id,
                            field="group")
            elif new_row is not None and new_row.id in moved:
                self.record(path, "progress-row", new_row.id, "moved", old_row and old_row.earlier.plain,
                            new_row.earlier.plain, field="order")
            row = new_row or old_row
            assert row is not None
            row_path = (*path, row.earlier.plain)
            unit_id = f"progress/row:{row.id}"
            if old_row is None or new_row is None:
                titles = self.new_titles if new_row else self.old_titles
                text = printed.progress_row_text(row, titles)
                self.text(row_path, "progress-row", unit_id, None if new_row else text, text if new_row else None)
                continue
            self.text(row_path, "progress-row", unit_id, old_row.earlier.plain, new_row.earlier.plain,
                      field="earlier")
            old_refs = {ref.measure_id: ref for ref in old_row.measures}
            for old_ref, new_ref in align.by_id(old_row.measures, new_row.measures, lambda r: r.measure_id):
                ref = new_ref or old_ref
                assert ref is not None
                old_text = old_ref and printed.BULLET + (old_ref.label or self.old_titles.get(ref.measure_id, ""))
                new_text = new_ref and printed.BULLET + (new_ref.label or self.new_titles.get(ref.measure_id, ""))
                if old_ref is None and ref.measure_id in old_refs:
                    continue
                self.text(row_path, "progress-measure", f"{unit_id}/measure:{ref.measure_id}", old_text, new_text)
            self.items(row_path, "progress-status", f"{unit_id}/status", old_row.status, new_row.status)

    # ---- chapter 6 --------------------------------------------------------------------------------------

    def measure_groups(self, path: tuple[str, ...], old: Chapter, new: Chapter) -> None:
        old_measures = {m.id: (m, g) for g in old.measure_groups for m in g.measures}
        new_measures = {m.id: (m, g) for g in new.measure_groups for m in g.measures}
        moved_groups = moved_keys([g.id for g in old.measure_groups], [g.id for g in new.measure_groups])
        for old_group, new_group in align.by_id(old.measure_groups, new.measure_groups, lambda g: g.id):
            group = new_group or old_group
            assert group is not None
            group_path = (*path, _group_heading(group))
            if old_group is None or new_group is None:
                self.text(group_path, "measure-group", group.id, None if new_group else _group_heading(group),
                          _group_heading(group) if new_group else None)
            else:
                self.heading(group_path, "measure-group", group.id, old_group.title, new_group.title,
                             f"{old_group.number}.", f"{new_group.number}.", group.id in moved_groups,
                             _group_heading(old_group), _group_heading(new_group))
            self.measures(group_path, old_group, new_group, old_measures, new_measures)

    def measures(self, path: tuple[str, ...], old_group: MeasureGroup | None, new_group: MeasureGroup | None,
                 old_all: dict[str, tuple[Measure, MeasureGroup]], new_all: dict[str, tuple[Measure, MeasureGroup]]
                 ) -> None:
        new_list = new_group.measures if new_group else ()
        local_new = {m.id for m in new_list}
        staying = [m for m in (old_group.measures if old_group else ()) if m.id not in new_all or m.id in local_new]
        moved = moved_keys([m.id for m in staying], [m.id for m in new_list])
        for old_measure, new_measure in align.by_id(staying, new_list, lambda m: m.id):
            if new_measure is not None and old_measure is None and new_measure.id in old_all:
                old_measure = old_all[new_measure.id][0]
                moved.add(new_measure.id)
            measure = new_measure or old_measure
            assert measure is not None
            measure_path = (*path, printed.measure_heading(measure))
            if old_measure is None or new_measure is None:
                self.whole_unit("measure", measure, printed.measure_text, measure_path)
                continue
            self.measure(measure_path, old_measure, new_measure, measure.id in moved)

    def measure(self, path: tuple[str, ...], old: Measure, new: Measure, moved: bool) -> None:
        unit = new.id
        if old.title != new.title:
            self.record(path, "measure", unit, "renamed", old.title, new.title, field="title")
        if moved or old.group != new.group:
            self.record(path, "measure", unit, "moved", old.label, new.label, field="number")
        elif old.number != new.number:
            self.record(path, "measure", unit, "renumbered", old.label, new.label, field="number")
        if old.priority != new.priority:
            self.record(path, "measure", unit, "changed", "【重点】" if old.priority else None,
                        "【重点】" if new.priority else None, field="priority")
        if old.added_in != new.added_in:
            self.record(path, "measure", unit, "changed", old.added_in and f"（第{old.added_in}版追加）",
                        new.added_in and f"（第{new.added_in}版追加）", field="added_in")
        self.row(path, printed.measure_heading(old), printed.measure_heading(new))
        self.blocks(path, f"measure:{unit}", old.body, new.body)
        self.items(path, "action", f"measure:{unit}/actions", old.actions, new.actions)
        old_figure, new_figure = old.figure, new.figure
        self.text(path, "figure", f"measure:{unit}/figure", old_figure and f"※{old_figure.caption}",
                  new_figure and f"※{new_figure.caption}", field="caption")
        self.items(path, "figure-label", f"measure:{unit}/figure/labels", old_figure.labels if old_figure else (),
                   new_figure.labels if new_figure else (), bullet="")

    # ---- appendices -------------------------------------------------------------------------------------

    def glossary(self) -> None:
        old, new = self.old.glossary, self.new.glossary
        path = (new.title,)
        self.fields(path, "glossary", "glossary", [("title", None, old.title, new.title),
                                                   ("note", None, old.note, new.note)])
        for old_term, new_term in align.by_id(old.terms, new.terms, lambda t: t.id):
            term = new_term or old_term
            assert term is not None
            if old_term is None or new_term is None:
                self.whole_unit("term", term, printed.term_text, path, f"term:{term.id}")
                continue
            self.term(path, old_term, new_term)

    def term(self, path: tuple[str, ...], old: Term, new: Term) -> None:
        unit = f"term:{new.id}"
        if old.term != new.term:
            self.record(path, "term", unit, "renamed", old.term, new.term, field="term")
        for field, old_value, new_value in (("reading", old.reading, new.reading),
                                            ("aliases", "、".join(old.aliases), "、".join(new.aliases)),
                                            ("definition", old.definition.plain, new.definition.plain)):
            if old_value != new_value:
                self.record(path, "term", unit, "changed", old_value or None, new_value or None, field=field)
        self.row(path, printed.term_text(old), printed.term_text(new))
        if old.reading != new.reading:
            self.row(path, old.reading, new.reading, label=f"{new.term}の読み")

    def survey(self) -> None:
        old, new = self.old.survey, self.new.survey
        assert old is not None and new is not None
        path = (new.title,)
        self.text(path, "survey", "survey", old.title, new.title, field="title")
        self.blocks(path, "survey", old.intro, new.intro)
        self.fields(path, "survey", "survey", [
            ("overview_title", None, old.overview_title, new.overview_title),
            ("period", "調査期間", wareki.date_range(*old.period, repeat_era=False),
             wareki.date_range(*new.period, repeat_era=False)),
            ("method", "調査方法", old.method, new.method),
            ("responses", "回答数", str(old.responses), str(new.responses)),
            ("respondents_title", None, old.respondents_title, new.respondents_title),
        ])
        self.blocks(path, "survey/respondents", old.respondents_text, new.respondents_text)
        self.items(path, "survey-result", "survey/respondents/results", _results(old.respondents_results),
                   _results(new.respondents_results), bullet="")
        self.fields(path, "survey", "survey", [
            ("respondents_note", None, old.respondents_note, new.respondents_note),
            ("results_title", None, old.results_title, new.results_title),
        ])
        old_questions = {q.id: q for s in old.sections for q in s.questions}
        for old_section, new_section in align.by_id(old.sections, new.sections, lambda s: s.id):
            section = new_section or old_section
            assert section is not None
            section_path = (*path, f"({section.number}) {section.title}")
            if old_section is None or new_section is None:
                text = "\n".join([f"({section.number}) {section.title}",
                                  *(_question_text(q) for q in section.questions)])
                self.text(section_path, "survey-section", section.id, None if new_section else text,
                          text if new_section else None)
                continue
            self.text(section_path, "survey-section", section.id, f"({old_section.number}) {old_section.title}",
                      f"({new_section.number}) {new_section.title}", field="title")
            staying = [q for q in old_section.questions
                       if q.id in {n.id for n in new_section.questions} or q.id not in _question_ids(new)]
            for old_question, new_question in align.by_id(staying, new_section.questions, lambda q: q.id):
                if old_question is None and new_question is not None:
                    old_question = old_questions.get(new_question.id)
                self.question(section_path, old_question, new_question)
        self.free_comments(path, old, new)

    def question(self, path: tuple[str, ...], old: Question | None, new: Question | None) -> None:
        question = new or old
        assert question is not None
        question_path = (*path, f"【問{question.number}】")
        unit = f"survey/question:{question.id}"
        if old is None or new is None:
            text = _question_text(question)
            self.text(question_path, "question", unit, None if new else text, text if new else None)
            return
        self.fields(question_path, "question", unit, [
            ("number", None, f"【問{old.number}】", f"【問{new.number}】"),
            ("text", None, old.text.plain, new.text.plain),
            ("choice", None, old.choice, new.choice),
        ])
        self.blocks(question_path, unit, old.summary, new.summary)
        self.chart(question_path, unit, old.chart, new.chart)
        self.items(question_path, "other-answer", f"{unit}/other", old.other_answers, new.other_answers)

    def chart(self, path: tuple[str, ...], unit: str, old: Chart | None, new: Chart | None) -> None:
        empty = Chart(None, None, (), None)
        old, new = old or empty, new or empty
        self.fields(path, "chart", f"{unit}/chart", [
            ("title", None, old.title, new.title),
            ("n", None, old.n and f"N={old.n}", new.n and f"N={new.n}"),
            ("note", None, old.note, new.note),
        ])
        self.items(path, "survey-result", f"{unit}/chart/results", _results(old.results), _results(new.results),
                   bullet="")

    def free_comments(self, path: tuple[str, ...], old: Survey, new: Survey) -> None:
        old_free, new_free = old.free_comments, new.free_comments
        if old_free is None and new_free is None:
            return
        free = new_free or old_free
        assert free is not None
        fc_path = (*path, f"({free.section_number}) {free.section_title}")
        if old_free is None or new_free is None:
            text = "\n".join([free.section_title, free.question.plain,
                              *(c.plain for cat in free.categories for c in cat.comments)])
            self.text(fc_path, "free-comments", "survey/free-comments", None if new_free else text,
                      text if new_free else None)
            return
        self.fields(fc_path, "free-comments", "survey/free-comments", [
            ("section_title", None, f"({old_free.section_number}) {old_free.section_title}",
             f"({new_free.section_number}) {new_free.section_title}"),
            ("question", None, f"【問{old_free.question_number}】{old_free.question.plain}",
             f"【問{new_free.question_number}】{new_free.question.plain}"),
        ])
        self.items(fc_path, "note", "survey/free-comments/notes", old_free.notes, new_free.notes, bullet="")
        for old_cat, new_cat in align.by_id(old_free.categories, new_free.categories, lambda c: c.id):
            category = new_cat or old_cat
            assert category is not None
            unit = f"survey/free-comments/category:{category.id}"
            if old_cat is None or new_cat is None:
                text = "\n".join([f"■{category.title}", *(printed.BULLET + c.plain for c in category.comments)])
                self.text(fc_path, "comment-category", unit, None if new_cat else text, text if new_cat else None)
                continue
            self.text(fc_path, "comment-category", unit, f"■{old_cat.title}", f"■{new_cat.title}", field="title")
            self.items(fc_path, "comment", unit, old_cat.comments, new_cat.comments)

    def public_comment(self) -> None:
        old, new = self.old.public_comment, self.new.public_comment
        assert old is not None and new is not None
        path = (new.title,)
        self.text(path, "public-comment", "public-comment", old.title, new.title, field="title")
        self.blocks(path, "public-comment", old.intro, new.intro)
        self.fields(path, "public-comment", "public-comment", [
            ("overview_title", None, old.overview_title, new.overview_title),
            ("period", "実施期間", wareki.date_range(*old.period), wareki.date_range(*new.period)),
            ("venues_text", None, old.venues_text, new.venues_text),
        ])
        self.items(path, "venue", "public-comment/venues", old.venues, new.venues)
        self.text(path, "public-comment", "public-comment", _received(old), _received(new),
                  field="comments_received", label="意見の提出")


# ---- helpers -----------------------------------------------------------------------------------------------


def _spans(old: str | None, new: str | None) -> tuple[Span, ...]:
    return diff_spans(old or "", new or "")


def _title(unit: Survey | PublicComment | None) -> str | None:
    return unit.title if unit else None


def _contains(plan: Plan, unit: object) -> bool:
    """Whether `unit` (a node of one of the two models) belongs to `plan`, by identity."""
    if isinstance(unit, Chapter):
        return any(c is unit for c in plan.chapters)
    if isinstance(unit, Section):
        return any(s is unit for s, _ in _sections_by_id(plan).values())
    if isinstance(unit, Measure):
        return any(m is unit for m in plan.measures)
    if isinstance(unit, Term):
        return any(t is unit for t in plan.glossary.terms)
    raise TypeError(unit)


def _sections_by_id(plan: Plan) -> dict[str, tuple[Section, str]]:
    """Every section and subsection of the plan by id, with the id of its parent (chapter or section)."""
    out: dict[str, tuple[Section, str]] = {}
    for chapter in plan.chapters:
        for section in chapter.sections:
            out[section.id] = (section, f"chapter:{chapter.id}")
            for sub in section.subsections:
                out[sub.id] = (sub, f"section:{section.id}")
    return out


def _zip_longest(old: Sequence[T], new: Sequence[T]) -> list[tuple[T | None, T | None]]:
    size = max(len(old), len(new))
    return [(old[i] if i < len(old) else None, new[i] if i < len(new) else None) for i in range(size)]


def _progress_heading(group: ProgressGroup) -> str:
    return f"[{group.label}] {group.title}"


def _group_heading(group: MeasureGroup) -> str:
    return f"{group.number}. {group.title}"


def _results(results: Sequence) -> list[str]:
    return [f"{r.label} {printed.percent(r.percent)}" for r in results]


def _question_ids(survey: Survey) -> set[str]:
    return {q.id for s in survey.sections for q in s.questions}


def _question_text(question: Question) -> str:
    lines = [f"【問{question.number}】{question.text.plain}", *printed.blocks_text(question.summary)]
    if question.chart:
        lines += _results(question.chart.results)
    return "\n".join(lines)


def _received(public_comment: PublicComment) -> str:
    count = public_comment.comments_received
    return "無し" if count == 0 else f"{count}件"
