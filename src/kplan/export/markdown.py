"""The whole plan as one Markdown file (pandoc's Markdown: a title block, `{#id}` headings, pipe tables).

For readers and tools that want the plan as a single text (pandoc, diff tools, search); the source of truth stays
plan/ and glossary/. Every piece of text is escaped, so plan text cannot turn into Markdown syntax. Each part and
component kind has one writer (`@writes(kind)`); the printed words come from the plan's conventions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kplan import wareki
from kplan.diff.printed import number, period
from kplan.model import (
    Cell,
    Chapter,
    Figure,
    Glossary,
    IndicatorTable,
    Link,
    Marker,
    Measure,
    Plan,
    PublicComment,
    RecordTable,
    RichText,
    Section,
    StatedResult,
    Survey,
    Text,
    Value,
)
from kplan.model.labels import edition_label, measure_marks, revision_line
from kplan.project import Project

if TYPE_CHECKING:
    from kplan.builders import Rendered

_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~#&$@^])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=:])|(\d+)([.)]))")

Writer = Callable[["MarkdownWriter", Any, int], Iterator[str]]
WRITERS: dict[str, Writer] = {}


def writes(kind: str) -> Callable[[Writer], Writer]:
    """Register the writer of one part or component kind."""

    def register(function: Writer) -> Writer:
        WRITERS[kind] = function
        return function

    return register


def _escape_punctuation(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", text)


def _escape_line_start(text: str) -> str:
    """A line start Markdown would read as a heading, quote or list marker, escaped (`1\\.`, not `\\1.`: only
    punctuation can be escaped)."""
    return _LINE_START.sub(lambda m: m[1] + ("\\" + m[2] if m[2] else m[3] + "\\" + m[4]), text)


def escape(text: str | None) -> str:
    """Plain text that Markdown shows as written."""
    return _escape_line_start(_escape_punctuation(str(text or ""))).replace("\n", " ")


def _url(address: str) -> str:
    return quote(address, safe="/:?#=&%@+,;~!$'*")


def export_markdown(plan: Plan, base: Path | None = None) -> str:
    """The plan, cover to colophon, as one Markdown document; image paths are relative to `base` (the directory
    the file goes to; default: the project root)."""
    return "\n".join(MarkdownWriter(plan, base or plan.root).document()).rstrip("\n") + "\n"


class MarkdownBuilder:
    """The builder registered as "md": the whole plan as build/…/plan-EDITION.md."""

    name = "md"

    def __init__(self, **options: object) -> None:
        self.options = options

    def render(self, plan: Plan, project: Project, out_dir: Path) -> Rendered:
        from kplan.builders import Rendered

        text = export_markdown(plan, out_dir)
        return Rendered(out_dir, {f"plan-{plan.meta.edition}.md": text.encode("utf-8")}, whole=False)

    def build(self, plan: Plan, project: Project, out_dir: Path) -> list[Path]:
        """Render and write the Markdown file (atomically)."""
        from kplan.builders import publish

        return publish(self, plan, project, out_dir)


class MarkdownWriter:
    def __init__(self, plan: Plan, base: Path) -> None:
        self.plan = plan
        self.conventions = plan.conventions
        self.base = base
        self.titles = {m.id: str(m.title) for m in plan.measures}

    def label(self, key: str, **values: object) -> str:
        return self.conventions.label(key, **values)

    # ---- text -----------------------------------------------------------------------------------------------

    def inline(self, text: RichText | None) -> str:
        """RichText as Markdown: ※ markers stay as printed, links become [text](url); drafted text is labelled."""
        if text is None:
            return ""
        out = []
        for part in text.parts:
            if isinstance(part, Text | Marker):
                out.append(_escape_punctuation(part.text))
            elif isinstance(part, Link):
                out.append(f"[{_escape_punctuation(part.text)}](<{_url(part.url)}>)")
        shown = _escape_line_start("".join(out)).replace("\n", " ")
        return shown + escape(self.label("drafted")) if text.drafted else shown

    def heading(self, level: int, text: str, anchor: str | None = None) -> Iterator[str]:
        """An ATX heading of `level` (1 for a part; at most 6) with its pandoc id."""
        yield f"{'#' * min(level, 6)} {text}" + (f" {{#{anchor}}}" if anchor else "")
        yield ""

    def value(self, value: Value | None) -> str:
        if value is None:
            return ""
        shown = number(value.value)
        return escape(
            self.label("value-year", value=shown, year=wareki.fiscal_year(value.year)) if value.year else shown
        )

    # ---- the document ---------------------------------------------------------------------------------------

    def document(self) -> Iterator[str]:
        meta, c = self.plan.meta, self.conventions
        edition = edition_label(meta, c)
        draft = c.label("draft") if meta.status == "draft" else ""
        yield "---"
        yield f"title: {_yaml(f'{meta.municipality}{meta.full_title}{edition}{draft}')}"
        yield f"author: {_yaml(str(meta.municipality))}"
        if meta.established:
            yield f"date: {_yaml(c.label('established', date=wareki.year_month(*meta.established)))}"
        yield "lang: ja"
        yield "---"
        yield ""
        if revision_line(meta, c):
            yield escape(revision_line(meta, c))
            yield ""
        if meta.period:
            yield f"{escape(self.label('plan-period'))}{escape(c.label('colon'))}{escape(period(*meta.period, c))}"
            yield ""
        yield from self.contents()
        if meta.reconstructed:
            yield escape(self.label("reconstructed") + str(meta.reconstructed))
            yield ""
        for part in self.plan.parts:
            yield from self.write(part, 0)
        yield from self.colophon()

    def write(self, unit: Any, depth: int) -> Iterator[str]:
        """A part or a component, by its kind's writer."""
        yield from WRITERS[unit.kind](self, unit, depth)

    def components(self, items: tuple[Any, ...], depth: int) -> Iterator[str]:
        for item in items:
            yield from self.write(item, depth)

    def part_anchor(self, part: Any) -> str:
        if isinstance(part, Chapter):
            return f"{'appendix' if part.appendix else 'chapter'}-{part.number}"
        return str(part.id)

    def part_title(self, part: Any) -> str:
        if isinstance(part, Chapter):
            return f"{self.conventions.label('appendix' if part.appendix else 'chapter', n=part.number)} {part.title}"
        return str(part.title)

    def contents(self) -> Iterator[str]:
        yield from self.heading(2, escape(self.conventions.label("contents")), "contents")
        for part in self.plan.parts:
            yield f"- [{escape(self.part_title(part))}](#{self.part_anchor(part)})"
        yield ""

    def colophon(self) -> Iterator[str]:
        meta, c = self.plan.meta, self.conventions
        yield "---"
        yield ""
        lines = [escape(f"{meta.municipality}{meta.full_title}{edition_label(meta, c)}")]
        if meta.volume:
            lines.append(escape(c.label("volume", volume=meta.volume)))
        if meta.established:
            lines.append(escape(c.label("established", date=wareki.year_month(*meta.established))))
        if revision_line(meta, c):
            lines.append(escape(revision_line(meta, c)))
        publisher = meta.publisher
        if publisher:
            who = " ".join(str(p) for p in (publisher.organization, publisher.department) if p)
            lines.append(f"{escape(self.label('published-by'))} {escape(who)}")
            if publisher.address:
                lines.append(escape(publisher.address))
            if publisher.phone:
                lines.append(escape(self.label("phone", phone=publisher.phone)))
        yield "  \n".join(lines)
        yield ""


def _yaml(text: str) -> str:
    """A double-quoted YAML scalar (pandoc's title block)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---- parts ------------------------------------------------------------------------------------------------------


@writes("chapter")
def _chapter(w: MarkdownWriter, chapter: Chapter, depth: int) -> Iterator[str]:
    yield from w.heading(1, escape(w.part_title(chapter)), w.part_anchor(chapter))
    yield from w.components(chapter.components, 1)


@writes("glossary")
def _glossary(w: MarkdownWriter, glossary: Glossary, depth: int) -> Iterator[str]:
    c = w.conventions
    yield from w.heading(1, escape(glossary.title), glossary.id)
    if glossary.note:
        yield escape(glossary.note)
        yield ""
    yield f"| {escape(c.label('term'))} | {escape(c.label('definition'))} |"
    yield "|---|---|"
    for term in glossary.terms:
        yield f"| {escape(term.term)} | {w.inline(term.definition)} |"
    yield ""


def _results(w: MarkdownWriter, results: tuple[StatedResult, ...], caption: str) -> Iterator[str]:
    yield f"Table: {escape(caption)}"
    yield ""
    yield f"| {escape(w.label('chart-answer'))} | {escape(w.label('chart-share'))} |"
    yield "|---|---:|"
    for result in results:
        yield f"| {escape(result.label)} | {result.percent:.1f}% |"
    yield ""


def _fact(w: MarkdownWriter, key: str, content: object) -> str:
    return f"- {escape(w.label(key))}{escape(w.label('colon'))}{escape(str(content))}"


@writes("survey")
def _survey(w: MarkdownWriter, survey: Survey, depth: int) -> Iterator[str]:
    n = w.conventions.section_label
    yield from w.heading(1, escape(survey.title), survey.id)
    yield from w.components(survey.intro, 1)
    yield from w.heading(2, f"{escape(n((1,)))} {escape(survey.overview_title)}", f"{survey.id}-overview")
    if survey.period:
        yield _fact(w, "survey-period", wareki.date_range(survey.period[0], survey.period[1], repeat_era=False))
    if survey.method:
        yield _fact(w, "survey-method", survey.method)
    if survey.responses is not None:
        yield _fact(w, "survey-responses", survey.responses)
    yield ""
    yield from w.heading(2, f"{escape(n((2,)))} {escape(survey.respondents_title)}", f"{survey.id}-respondents")
    yield from w.components(survey.respondents_text, 2)
    if survey.respondents_results:
        yield from _results(w, survey.respondents_results, str(survey.respondents_caption or survey.respondents_title))
    if survey.respondents_note:
        yield escape(survey.respondents_note)
        yield ""
    yield from w.heading(2, f"{escape(n((3,)))} {escape(survey.results_title)}", f"{survey.id}-results")
    for section in survey.sections:
        yield from w.heading(3, f"{escape(n((3, section.number)))} {escape(section.title)}", f"survey-{section.id}")
        for question in section.questions:
            choice = f"({escape(question.choice)})" if question.choice else ""
            yield f"{escape(w.label('question-heading', n=question.number))}{w.inline(question.text)}{choice}"
            yield ""
            yield from w.components(question.summary, 3)
            if question.chart:
                chart = question.chart
                title = str(chart.title or w.label("chart-question", n=question.number))
                counted = w.label("chart-n", n=chart.n) if chart.n else ""
                yield from _results(w, chart.results, title + counted + w.label("chart-stated-only"))
                if chart.note:
                    yield escape(chart.note)
                    yield ""
            if question.other_answers:
                yield escape(w.label("other-answers"))
                yield ""
                yield from (f"- {w.inline(answer)}" for answer in question.other_answers)
                yield ""
    if survey.free_comments:
        free = survey.free_comments
        yield from w.heading(
            3, f"{escape(n((3, free.section_number)))} {escape(free.section_title)}", f"survey-{free.section_id}"
        )
        yield f"{escape(w.label('question-heading', n=free.question_number))}{w.inline(free.question)}"
        yield ""
        for note in free.notes:
            yield escape(note)
            yield ""
        for category in free.categories:
            yield from w.heading(
                4, escape(w.label("comment-category", title=category.title)), f"comments-{category.id}"
            )
            yield from (f"- {w.inline(comment)}" for comment in category.comments)
            yield ""


@writes("public-comment")
def _public_comment(w: MarkdownWriter, record: PublicComment, depth: int) -> Iterator[str]:
    yield from w.heading(1, escape(record.title), record.id)
    yield from w.components(record.intro, 1)
    yield from w.heading(
        2, f"{escape(w.conventions.section_label((1,)))} {escape(record.overview_title)}", f"{record.id}-overview"
    )
    if record.period:
        yield _fact(w, "comment-period", wareki.date_range(record.period[0], record.period[1]))
    if record.venues_text or record.venues:
        yield _fact(w, "comment-venues", record.venues_text or "")
        yield from (f"    - {escape(venue)}" for venue in record.venues)
    if record.comments_received is not None:
        received = (
            w.label("comment-none")
            if record.comments_received == 0
            else w.label("comment-count", count=record.comments_received)
        )
        yield _fact(w, "comment-received", received)
    yield ""


# ---- components -------------------------------------------------------------------------------------------------


@writes("paragraph")
def _paragraph(w: MarkdownWriter, block: Any, depth: int) -> Iterator[str]:
    yield w.inline(block.text)
    yield ""


@writes("bullet-list")
def _list(w: MarkdownWriter, block: Any, depth: int) -> Iterator[str]:
    for index, item in enumerate(block.items, start=1):
        yield f"{index}. {w.inline(item)}" if block.ordered else f"- {w.inline(item)}"
    yield ""


def _cell(w: MarkdownWriter, cell: Cell) -> str:
    items = "".join(f" ・{w.inline(item)}" for item in cell.items)
    return (w.inline(cell.lead) + items).strip()


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


@writes("table")
def _table(w: MarkdownWriter, table: Any, depth: int) -> Iterator[str]:
    if table.caption:
        yield f"Table: {w.inline(table.caption)}"
        yield ""
    yield _row([_cell(w, cell) for cell in table.header])
    yield "|" + "---|" * len(table.header)
    for row in table.rows:
        yield _row([_cell(w, cell) for cell in row])
    yield ""


@writes("note")
def _note(w: MarkdownWriter, note: Any, depth: int) -> Iterator[str]:
    for line in w.components(note.blocks, depth):
        yield f"> {line}" if line else ">"
    yield ""


@writes("figure")
def _figure(w: MarkdownWriter, figure: Figure, depth: int) -> Iterator[str]:
    """The image as ![alt](path); without one, 図は未収録 and the picture's words as one sentence."""
    caption = w.conventions.label("figure-caption", caption=figure.caption) if figure.caption else ""
    if figure.image:
        target = Path(os.path.relpath(w.plan.root / figure.image, w.base)).as_posix()
        alt = escape(figure.alt or figure.caption or "")
        yield f"![{alt}](<{_url(target)}>)"
        yield ""
    else:
        c = w.conventions
        sentence = f"**{escape(c.label('figure-missing'))}**"
        if figure.words:
            words = c.label("separator").join(word.plain for word in figure.words)
            sentence += f" {escape(c.label('figure-words'))}{escape(c.label('colon'))}{escape(words)}。"
        yield sentence
        yield ""
        if figure.alt:
            yield escape(figure.alt)
            yield ""
    if caption:
        yield escape(caption)
        yield ""


@writes("indicators")
def _indicators(w: MarkdownWriter, table: IndicatorTable, depth: int) -> Iterator[str]:
    c = w.conventions
    direction = any(i.direction for i in table.indicators)
    actuals = any(i.actuals for i in table.indicators)
    if table.caption:
        yield f"Table: {escape(table.caption)}"
        yield ""
    keys = (
        ["indicator", "unit", "baseline", "target"]
        + (["direction"] if direction else [])
        + (["actual"] if actuals else [])
    )
    yield _row([escape(c.label(key)) for key in keys])
    yield "|---|---|---:|---:|" + ("---|" if direction else "") + ("---:|" if actuals else "")
    for i in table.indicators:
        cells = [escape(i.name), escape(i.unit), w.value(i.baseline), w.value(i.target)]
        if direction:
            cells.append(escape(i.direction))
        if actuals:
            cells.append(escape(c.label("separator")).join(w.value(v) for v in i.actuals))
        yield _row(cells)
    yield ""


@writes("records")
def _records(w: MarkdownWriter, table: RecordTable, depth: int) -> Iterator[str]:
    separator = " ・"
    for index, group in enumerate(table.groups):
        if group.title:
            label = f"\\[{escape(group.label)}\\] " if group.label else ""
            yield from w.heading(depth + 1, f"{label}{escape(group.title)}", f"{table.id}-{group.id}")
        if table.caption and index == 0:
            yield f"Table: {escape(table.caption)}"
            yield ""
        yield _row([escape(column.title) for column in table.columns])
        yield "|" + "---|" * len(table.columns)
        for row in group.rows:
            cells = []
            for cell in row.cells:
                texts = [w.inline(t) for t in cell.texts]
                texts += [escape(ref.label or w.titles.get(ref.measure_id, ref.measure_id)) for ref in cell.measures]
                cells.append(separator.join(texts) if len(texts) > 1 else "".join(texts))
            yield _row(cells)
        yield ""


@writes("section")
def _section(w: MarkdownWriter, section: Section, depth: int) -> Iterator[str]:
    yield from w.heading(depth + 1, f"{escape(section.label)} {escape(section.title)}".strip(), section.id)
    yield from w.components(section.components, depth + 1)


@writes("measure")
def _measure(w: MarkdownWriter, measure: Measure, depth: int) -> Iterator[str]:
    c = w.conventions
    title = f"{escape(measure.label)} {escape(measure.title)}{escape(measure_marks(measure, c))}".strip()
    yield from w.heading(depth + 1, title, f"measure-{measure.id}")
    if measure.department:
        yield f"{escape(c.label('department'))}{escape(c.label('colon'))}{escape(measure.department)}"
        yield ""
    yield from w.components(measure.body, depth + 1)
    if measure.actions:
        yield from w.heading(depth + 2, escape(c.label("actions")))
        yield from (f"- {w.inline(action)}" for action in measure.actions)
        yield ""
    if measure.indicators:
        yield from w.write(measure.indicators, depth + 1)
    yield from w.components(measure.figures, depth + 1)
