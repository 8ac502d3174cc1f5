"""Where each glossary term is used: the places whose text holds the term (or an alias), for the glossary page.

One Aho–Corasick automaton holds every spelling of every term; each place's text is read once.
"""

from __future__ import annotations

import ahocorasick

from kplan.model import Glossary
from kplan.render.places import Place, plain


def term_uses(glossary: Glossary, places: list[Place]) -> dict[str, tuple[Place, ...]]:
    """For every term id, the places in reading order that use it (hold its ※ marker, the term or an alias),
    its own glossary entry left out."""
    automaton = ahocorasick.Automaton()
    spellings: dict[str, set[str]] = {}
    for term in glossary.terms:
        for spelling in (term.term, *term.aliases):
            if spelling:
                spellings.setdefault(str(spelling), set()).add(term.id)
    for word, ids in spellings.items():
        automaton.add_word(word, frozenset(ids))
    if spellings:
        automaton.make_automaton()
    uses: dict[str, list[Place]] = {term.id: [] for term in glossary.terms}
    for place in places:
        found = {m.term_id for m in place.markers if m.term_id}
        if spellings:
            text = "\n".join(plain(t) for t in place.texts)
            for _end, ids in automaton.iter(text):
                found |= ids
        for term_id in found:
            if term_id in uses and place.anchor != f"term-{term_id}":
                uses[term_id].append(place)
    return {term_id: tuple(found) for term_id, found in uses.items()}
