"""Where each glossary term is used: the places whose text holds the term (or an alias), for the glossary page."""

from __future__ import annotations

from kplan.model import Glossary
from kplan.render.places import Place, plain


def term_uses(glossary: Glossary, places: list[Place]) -> dict[str, tuple[Place, ...]]:
    """For every term id, the places in reading order that use it (hold its ※ marker, the term or an alias),
    its own glossary entry left out."""
    texts = [(place, "\n".join(plain(t) for t in place.texts), {m.term_id for m in place.markers})
             for place in places]
    return {
        term.id: tuple(
            place for place, text, marked in texts
            if place.anchor != f"term-{term.id}"
            and (term.id in marked or any(name in text for name in (term.term, *term.aliases)))
        )
        for term in glossary.terms
    }
