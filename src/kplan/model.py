"""The plan as one immutable model: what lint, render and diff read. Every node knows where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kplan.problems import Loc, Problem

# ---- inline text -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Marker:
    """A ※ marker: `term` is the marked word as printed, `between` any closing bracket before the ※.

    `term_id` is the glossary term it resolves to, or None when it resolves to none.
    """

    term: str
    between: str
    term_id: str | None
    loc: Loc
    explicit: bool = False

    @property
    def text(self) -> str:
        return f"{self.term}{self.between}※"


@dataclass(frozen=True)
class Link:
    """A hyperlink whose address was checked to be http, https or mailto."""

    text: str
    url: str


Inline = Text | Marker | Link


@dataclass(frozen=True)
class RichText:
    """A run of text with resolved ※ markers and links."""

    parts: tuple[Inline, ...]
    loc: Loc

    @property
    def plain(self) -> str:
        """The text as printed, ※ included."""
        return "".join(part.text for part in self.parts)

    @property
    def markers(self) -> tuple[Marker, ...]:
        return tuple(part for part in self.parts if isinstance(part, Marker))


# ---- blocks ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: RichText

    @property
    def loc(self) -> Loc:
        return self.text.loc


@dataclass(frozen=True)
class BulletList:
    items: tuple[RichText, ...]
    loc: Loc


@dataclass(frozen=True)
class Cell:
    """A table cell: a lead text and, optionally, a list of items."""

    lead: RichText
    items: tuple[RichText, ...] = ()


@dataclass(frozen=True)
class Table:
    caption: RichText | None
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    loc: Loc


Block = Paragraph | BulletList | Table


@dataclass(frozen=True)
class Section:
    """A numbered section: level 1 prints as "1.", level 2 as "(1)"."""

    id: str
    level: int
    number: int
    title: str
    blocks: tuple[Block, ...]
    subsections: tuple[Section, ...]
    loc: Loc

    @property
    def label(self) -> str:
        return f"{self.number}." if self.level == 1 else f"({self.number})"


# ---- chapters 4 and 6 --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    caption: str
    labels: tuple[RichText, ...]
    loc: Loc


@dataclass(frozen=True)
class Measure:
    """A measure card (取組施策)."""

    id: str
    group: int
    number: int
    title: str
    priority: bool
    added_in: str | None
    body: tuple[Block, ...]
    actions: tuple[RichText, ...]
    figure: Figure | None
    loc: Loc

    @property
    def label(self) -> str:
        """The number as printed in the document, e.g. 1-(2)."""
        return f"{self.group}-({self.number})"


@dataclass(frozen=True)
class MeasureGroup:
    id: str
    number: int
    title: str
    measures: tuple[Measure, ...]
    loc: Loc


@dataclass(frozen=True)
class MeasureRef:
    """A reference from chapter 4 to a measure, with the label printed there when it differs."""

    measure_id: str
    label: str | None
    loc: Loc


@dataclass(frozen=True)
class ProgressRow:
    id: str
    earlier: RichText
    measures: tuple[MeasureRef, ...]
    status: tuple[RichText, ...]
    loc: Loc


@dataclass(frozen=True)
class ProgressGroup:
    id: str
    label: str
    title: str
    rows: tuple[ProgressRow, ...]
    loc: Loc


@dataclass(frozen=True)
class ProgressTable:
    earlier_header: str
    measures_header: str
    status_header: str
    groups: tuple[ProgressGroup, ...]
    loc: Loc


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: str
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    progress: ProgressTable | None
    measure_groups: tuple[MeasureGroup, ...]
    loc: Loc


# ---- appendices --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    reading: str
    aliases: tuple[str, ...]
    definition: RichText
    loc: Loc


@dataclass(frozen=True)
class Glossary:
    title: str
    note: str | None
    terms: tuple[Term, ...]
    loc: Loc


@dataclass(frozen=True)
class StatedResult:
    """A percentage the document states in words."""

    label: str
    percent: float


@dataclass(frozen=True)
class Chart:
    title: str | None
    n: int | None
    results: tuple[StatedResult, ...]
    note: str | None


@dataclass(frozen=True)
class Question:
    id: str
    number: int
    text: RichText
    choice: str | None
    summary: tuple[Block, ...]
    chart: Chart | None
    other_answers: tuple[RichText, ...]
    loc: Loc


@dataclass(frozen=True)
class SurveySection:
    id: str
    number: int
    title: str
    questions: tuple[Question, ...]
    loc: Loc


@dataclass(frozen=True)
class CommentCategory:
    id: str
    title: str
    comments: tuple[RichText, ...]
    loc: Loc


@dataclass(frozen=True)
class FreeComments:
    section_id: str
    section_number: int
    section_title: str
    question_id: str
    question_number: int
    question: RichText
    notes: tuple[str, ...]
    categories: tuple[CommentCategory, ...]
    loc: Loc


@dataclass(frozen=True)
class Survey:
    id: str
    title: str
    intro: tuple[Block, ...]
    overview_title: str
    period: tuple[dt.date, dt.date]
    method: str
    responses: int
    respondents_title: str
    respondents_text: tuple[Block, ...]
    respondents_results: tuple[StatedResult, ...]
    respondents_note: str | None
    results_title: str
    sections: tuple[SurveySection, ...]
    free_comments: FreeComments | None
    loc: Loc


@dataclass(frozen=True)
class PublicComment:
    id: str
    title: str
    intro: tuple[Block, ...]
    overview_title: str
    period: tuple[dt.date, dt.date]
    venues_text: str
    venues: tuple[str, ...]
    comments_received: int
    loc: Loc


@dataclass(frozen=True)
class Erratum:
    id: str
    where: str
    page: int | None
    file: str | None
    wrong: str
    right: str
    kind: str
    reason: str
    loc: Loc


# ---- the plan ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Publisher:
    organization: str
    department: str
    address: str
    phone: str | None


@dataclass(frozen=True)
class Meta:
    municipality: str
    title: str
    subtitle: str | None
    edition: str
    reconstructed: str | None
    status: str
    established: tuple[int, int]
    revised: tuple[int, int] | None
    period: tuple[int, int]
    publisher: Publisher
    volume: str | None
    loc: Loc

    @property
    def full_title(self) -> str:
        return f"{self.title}({self.subtitle})" if self.subtitle else self.title


@dataclass(frozen=True)
class Plan:
    root: Path
    meta: Meta
    chapters: tuple[Chapter, ...]
    appendices: tuple[str, ...]
    glossary: Glossary
    survey: Survey | None
    public_comment: PublicComment | None
    errata: tuple[Erratum, ...]
    # what the load left out on purpose (unsafe links, images, raw HTML), for build and lint to report
    notices: tuple[Problem, ...] = ()

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for c in self.chapters for g in c.measure_groups for m in g.measures)
