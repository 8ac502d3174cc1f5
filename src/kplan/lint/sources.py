"""Every printed text of the plan that lint reads, with where its source starts.

Marked-up texts (RichText: paragraphs, list items, cells, table rows…) come in reading order from kplan.walk;
one-line fields that the model keeps as plain strings (titles, labels, notes) are added after them. The 正誤表 is
left out on purpose: its `wrong` column holds the mistakes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kplan.lint.positions import SourceFiles
from kplan.model import Plan, RichText
from kplan.problems import Loc
from kplan.walk import plan_texts

PROSE = "prose"  # body text in reading order: where ※ markers and term occurrences count
DEFINITION = "definition"  # a glossary definition
LABEL = "label"  # a title, caption, label or note kept as a plain string
TERM = "term"  # a glossary term's own spelling
HEADING = "heading"  # (internal) a Markdown heading: its location is already its line
WORDS_KINDS = (PROSE, DEFINITION, LABEL)  # texts read as running words (a term's own spelling is not)


@dataclass(frozen=True)
class TextItem:
    text: str
    loc: Loc
    kind: str
    rich: RichText | None = None
    exact: bool = True  # False: only the record's place is known, so no fix is offered


def text_items(plan: Plan, files: SourceFiles) -> list[TextItem]:
    """Prose in reading order, then definitions, then plain-string fields."""
    items: list[TextItem] = []
    definitions = {id(term.definition) for term in plan.glossary.terms}
    for rich in plan_texts(plan):
        kind = DEFINITION if id(rich) in definitions else PROSE
        items.append(TextItem(rich.plain, rich.loc, kind, rich))
    for value, start, kind in _labels(plan):
        if value and value.strip():
            # a heading's location is its line; a YAML value is looked up from the location of its record
            where = start if kind == HEADING else files.find_value(start, value)
            items.append(TextItem(value, where or start, LABEL if kind == HEADING else kind, exact=bool(where)))
    return items


def _labels(plan: Plan) -> Iterator[tuple[str, Loc, str]]:
    """(value, location of its record, kind) for the plain-string fields that are printed."""
    meta = plan.meta
    for value in (meta.municipality, meta.title, meta.subtitle, meta.volume, meta.publisher.organization,
                  meta.publisher.department, meta.publisher.address):
        yield value or "", meta.loc, LABEL
    for chapter in plan.chapters:
        yield chapter.title, chapter.loc, LABEL
        for section in chapter.sections:
            yield section.title, section.loc, HEADING
            for sub in section.subsections:
                yield sub.title, sub.loc, HEADING
        if chapter.progress:
            table = chapter.progress
            for header in (table.earlier_header, table.measures_header, table.status_header):
                yield header, table.loc, LABEL
            for group in table.groups:
                yield group.label, group.loc, LABEL
                yield group.title, group.loc, LABEL
                for row in group.rows:
                    for ref in row.measures:
                        yield ref.label or "", ref.loc, LABEL
        for measure_group in chapter.measure_groups:
            yield measure_group.title, measure_group.loc, LABEL
            for measure in measure_group.measures:
                yield measure.title, measure.loc, LABEL
                if measure.figure:
                    yield measure.figure.caption, measure.figure.loc, LABEL
    glossary = plan.glossary
    yield glossary.title, glossary.loc, LABEL
    yield glossary.note or "", glossary.loc, LABEL
    for term in glossary.terms:
        yield term.term, term.loc, TERM
    yield from _survey_labels(plan)
    if plan.public_comment:
        pc = plan.public_comment
        for value in (pc.title, pc.overview_title, pc.venues_text, *pc.venues):
            yield value, pc.loc, LABEL


def _survey_labels(plan: Plan) -> Iterator[tuple[str, Loc, str]]:
    survey = plan.survey
    if not survey:
        return
    for value in (survey.title, survey.overview_title, survey.method, survey.respondents_title,
                  survey.respondents_note or "", survey.results_title):
        yield value, survey.loc, LABEL
    for result in survey.respondents_results:
        yield result.label, survey.loc, LABEL
    for section in survey.sections:
        yield section.title, section.loc, LABEL
        for question in section.questions:
            yield question.choice or "", question.loc, LABEL
            if question.chart:
                chart = question.chart
                yield chart.title or "", question.loc, LABEL
                for result in chart.results:
                    yield result.label, question.loc, LABEL
                yield chart.note or "", question.loc, LABEL
    if survey.free_comments:
        free = survey.free_comments
        yield free.section_title, free.loc, LABEL
        for note in free.notes:
            yield note, free.loc, LABEL
        for category in free.categories:
            yield category.title, category.loc, LABEL
