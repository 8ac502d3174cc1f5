"""The plan as one immutable model: what lint, builders and diff read. Every printed string knows its place.

- text.py: `Str` (a string with its location), `RichText` (text with ※ markers and links)
- components.py: what a chapter is made of (prose, sections, measure cards, tables, indicator tables, figures, notes)
- parts.py: chapters and appendices, and the special parts (glossary, survey, public comment)
- conventions.py: the plan's numbering, marks, labels and glossary order
- plan.py: metadata, errata and the Plan itself
- visit.py: the one reading order
"""

from kplan.diagnostics import Loc
from kplan.model.components import (
    Block,
    BulletList,
    Cell,
    Column,
    Component,
    Content,
    Figure,
    Indicator,
    IndicatorTable,
    Measure,
    MeasureRef,
    Note,
    Paragraph,
    Record,
    RecordCell,
    RecordGroup,
    RecordTable,
    Section,
    Table,
    Value,
)
from kplan.model.conventions import DEFAULT_LABELS, Conventions, Mark, format_number
from kplan.model.parts import (
    Chapter,
    Chart,
    CommentCategory,
    FreeComments,
    Glossary,
    Part,
    PublicComment,
    Question,
    StatedResult,
    Survey,
    SurveySection,
    Term,
)
from kplan.model.plan import Erratum, Meta, Plan, Publisher
from kplan.model.text import Inline, Link, Marker, RichText, Str, Text

__all__ = [
    "DEFAULT_LABELS",
    "Block",
    "BulletList",
    "Cell",
    "Chapter",
    "Chart",
    "Column",
    "CommentCategory",
    "Component",
    "Content",
    "Conventions",
    "Erratum",
    "Figure",
    "FreeComments",
    "Glossary",
    "Indicator",
    "IndicatorTable",
    "Inline",
    "Link",
    "Loc",
    "Mark",
    "Marker",
    "Measure",
    "MeasureRef",
    "Meta",
    "Note",
    "Paragraph",
    "Part",
    "Plan",
    "PublicComment",
    "Publisher",
    "Question",
    "Record",
    "RecordCell",
    "RecordGroup",
    "RecordTable",
    "RichText",
    "Section",
    "StatedResult",
    "Str",
    "Survey",
    "SurveySection",
    "Table",
    "Term",
    "Text",
    "Value",
    "format_number",
]
