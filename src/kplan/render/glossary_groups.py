"""The glossary split into its index groups (A–Z, あ, か, さ…) for the printed 用語解説."""

from __future__ import annotations

from msgspec import Struct

from kplan.kana import group_label
from kplan.model import Term


class GlossaryGroup(Struct, frozen=True):
    """One index heading and the terms filed under it, in source order."""

    label: str
    terms: tuple[Term, ...]


def glossary_groups(terms: tuple[Term, ...]) -> list[GlossaryGroup]:
    """Consecutive terms with the same group label, in the order the glossary lists them."""
    groups: list[GlossaryGroup] = []
    for term in terms:
        label = group_label(term.term, term.reading or "")  # a Latin term needs no reading
        if groups and groups[-1].label == label:
            groups[-1] = GlossaryGroup(label, (*groups[-1].terms, term))
        else:
            groups.append(GlossaryGroup(label, (term,)))
    return groups
