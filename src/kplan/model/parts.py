"""The parts of a plan, in the order it prints them: chapters and appendices (lists of components), and the
special parts a plan may have or not, in any order and any number (glossary, survey, public-comment record)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from msgspec import Struct

from kplan.diagnostics import Loc
from kplan.model.components import Block, Component, Content
from kplan.model.text import RichText, Str


class Chapter(Struct, frozen=True):
    """A chapter (第N章) or, with `appendix` set, an appendix (資料N): a title and its components in order."""

    kind: ClassVar[str] = "chapter"
    id: str
    number: int
    title: Str
    components: tuple[Component, ...]
    loc: Loc
    appendix: bool = False

    def contents(self) -> Iterator[Content]:
        yield self.title
        yield from self.components


# ---- glossary ---------------------------------------------------------------------------------------------------


class Term(Struct, frozen=True):
    """A glossary entry. `reading_confirmed` is False for a reading kplan proposed and an editor has not checked."""

    id: str
    term: Str
    reading: Str | None
    aliases: tuple[Str, ...]
    definition: RichText
    loc: Loc
    reading_confirmed: bool = True


class Glossary(Struct, frozen=True):
    """The 用語解説. `order` is "kana" (アルファベット・50音順, lint checks it) or "as-written"."""

    kind: ClassVar[str] = "glossary"
    id: str
    title: Str
    note: Str | None
    order: str
    terms: tuple[Term, ...]
    loc: Loc

    def contents(self) -> Iterator[Content]:
        yield self.title
        if self.note:
            yield self.note
        for term in self.terms:
            yield term.term
            yield term.definition


# ---- survey -----------------------------------------------------------------------------------------------------


class StatedResult(Struct, frozen=True):
    """A percentage the document states in words."""

    label: Str
    percent: float


class Chart(Struct, frozen=True):
    title: Str | None
    n: int | None
    results: tuple[StatedResult, ...]
    note: Str | None


class Question(Struct, frozen=True):
    id: str
    number: int
    text: RichText
    choice: Str | None
    summary: tuple[Block, ...]
    chart: Chart | None
    other_answers: tuple[RichText, ...]
    loc: Loc


class SurveySection(Struct, frozen=True):
    id: str
    number: int
    title: Str
    questions: tuple[Question, ...]
    loc: Loc


class CommentCategory(Struct, frozen=True):
    id: str
    title: Str
    comments: tuple[RichText, ...]
    loc: Loc


class FreeComments(Struct, frozen=True):
    section_id: str
    section_number: int
    section_title: Str
    question_id: str
    question_number: int
    question: RichText
    notes: tuple[Str, ...]
    categories: tuple[CommentCategory, ...]
    loc: Loc


class Survey(Struct, frozen=True):
    kind: ClassVar[str] = "survey"
    id: str
    title: Str
    intro: tuple[Block, ...]
    overview_title: Str
    period: tuple[dt.date, dt.date] | None
    method: Str | None
    responses: int | None
    respondents_title: Str
    respondents_text: tuple[Block, ...]
    respondents_results: tuple[StatedResult, ...]
    respondents_caption: Str | None
    respondents_note: Str | None
    results_title: Str
    sections: tuple[SurveySection, ...]
    free_comments: FreeComments | None
    loc: Loc

    def contents(self) -> Iterator[Content]:
        yield self.title
        yield from self.intro
        yield self.overview_title
        if self.method:
            yield self.method
        yield self.respondents_title
        yield from self.respondents_text
        yield from (r.label for r in self.respondents_results)
        if self.respondents_caption:
            yield self.respondents_caption
        if self.respondents_note:
            yield self.respondents_note
        yield self.results_title
        for section in self.sections:
            yield section.title
            for question in section.questions:
                yield question.text
                if question.choice:
                    yield question.choice
                yield from question.summary
                if question.chart:
                    if question.chart.title:
                        yield question.chart.title
                    yield from (r.label for r in question.chart.results)
                    if question.chart.note:
                        yield question.chart.note
                yield from question.other_answers
        if self.free_comments:
            fc = self.free_comments
            yield fc.section_title
            yield fc.question
            yield from fc.notes
            for category in fc.categories:
                yield category.title
                yield from category.comments


# ---- public comment ---------------------------------------------------------------------------------------------


class PublicComment(Struct, frozen=True):
    kind: ClassVar[str] = "public-comment"
    id: str
    title: Str
    intro: tuple[Block, ...]
    overview_title: Str
    period: tuple[dt.date, dt.date] | None
    venues_text: Str | None
    venues: tuple[Str, ...]
    comments_received: int | None
    loc: Loc

    def contents(self) -> Iterator[Content]:
        yield self.title
        yield from self.intro
        yield self.overview_title
        if self.venues_text:
            yield self.venues_text
        yield from self.venues


Part = Chapter | Glossary | Survey | PublicComment
