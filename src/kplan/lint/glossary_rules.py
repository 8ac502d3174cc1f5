"""Glossary rules: every ※ marker resolves to a term."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kplan.lint.registry import rule
from kplan.model import Marker, Plan
from kplan.problems import Loc
from kplan.walk import plan_texts


@rule("unknown-term", "glossary")
def unknown_term(plan: Plan) -> Iterator[tuple[Loc, str, str]]:
    spellings = [t.term for t in plan.glossary.terms] + [a for t in plan.glossary.terms for a in t.aliases]
    for text in plan_texts(plan):
        before = ""
        for part in text.parts:
            before += part.text
            if isinstance(part, Marker) and part.term_id is None:
                tail = before[:-len(part.between) - 1][-12:]
                close = difflib.get_close_matches(tail, spellings, n=3, cutoff=0.3)
                suggestion = "近い用語: " + "、".join(close) if close else "用語解説(glossary.yaml)に追加してください"
                yield part.loc, f"※の用語が用語解説にありません: …{tail}※", suggestion
