"""The printed texts lint reads, from model/visit.py in reading order, each with the kind of text it is.

Every text is a `Str` or a `RichText` and carries the exact location of its first character. The metadata strings
(title, publisher…) come first, then the parts in reading order. The 正誤表 is left out on purpose: its `wrong`
column holds the mistakes.
"""

from __future__ import annotations

from collections.abc import Iterator

from msgspec import Struct

from kplan.diagnostics import Loc
from kplan.model import Glossary, Plan, RichText, Str
from kplan.model.visit import texts

PROSE = "prose"  # marked-up text outside the glossary: where ※ markers and term occurrences count
DEFINITION = "definition"  # a glossary definition
LABEL = "label"  # a title, caption, label or note: a plain string
TERM = "term"  # a glossary term's own spelling
WORDS_KINDS = (PROSE, DEFINITION, LABEL)  # texts read as running words (a term's own spelling is not)


class TextItem(Struct, frozen=True):
    text: str
    loc: Loc
    kind: str
    rich: RichText | None = None


def text_items(plan: Plan) -> list[TextItem]:
    """Every printed text of the plan: metadata first, then the parts in reading order."""
    items = [TextItem(str(value), value.loc, LABEL) for value in _meta_strings(plan)]
    term_spellings = {id(term.term) for part in plan.parts if isinstance(part, Glossary) for term in part.terms}
    for where, text in texts(plan):
        in_glossary = isinstance(where.part, Glossary)
        if isinstance(text, RichText):
            items.append(TextItem(text.plain, text.loc, DEFINITION if in_glossary else PROSE, text))
        elif text.strip():
            kind = TERM if in_glossary and id(text) in term_spellings else LABEL
            items.append(TextItem(str(text), text.loc, kind))
    return items


def _meta_strings(plan: Plan) -> Iterator[Str]:
    meta = plan.meta
    publisher = meta.publisher
    values = (
        meta.municipality,
        meta.title,
        meta.subtitle,
        meta.volume,
        meta.reconstructed,
        *((publisher.organization, publisher.department, publisher.address) if publisher else ()),
    )
    for value in values:
        if isinstance(value, Str) and value.strip():
            yield value
