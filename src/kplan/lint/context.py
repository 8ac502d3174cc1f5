"""What every rule reads: the plan, its texts in reading order, and indexes built once per run."""

from __future__ import annotations

import re
from functools import cached_property

from msgspec import Struct

from kplan.diagnostics import Loc
from kplan.lint.findings import Edit
from kplan.lint.hyoki import Dictionary, load_dictionary, read_rules
from kplan.lint.matching import Automaton, longest_only, whole_word
from kplan.lint.positions import SourceFiles
from kplan.lint.sources import PROSE, TextItem, text_items
from kplan.model import Component, Marker, Paragraph, Plan, Term
from kplan.model.visit import components

EXPLICIT_NAME = re.compile(r"※\{([^{}\s]+)\}")


class PlacedMarker(Struct, frozen=True):
    """A ※ marker with its place in a text: `star` is the offset of the ※, `word` of the marked word."""

    item: int
    star: int
    word: int
    marker: Marker


class LintContext:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.files = SourceFiles(plan.root)

    # ---- texts -----------------------------------------------------------------------------------------

    @cached_property
    def items(self) -> list[TextItem]:
        return text_items(self.plan)

    @cached_property
    def prose(self) -> list[TextItem]:
        """Marked-up text in reading order (glossary definitions and plain-string labels excluded)."""
        return [item for item in self.items if item.kind == PROSE]

    @cached_property
    def components(self) -> list[Component]:
        """Every component in reading order (the plan walked once for all the rules)."""
        return [component for _, _, component in components(self.plan)]

    @cached_property
    def paragraphs(self) -> set[int]:
        """The ids of the RichTexts that are whole paragraphs (not list items, cells or one-line fields)."""
        return {id(c.text) for c in self.components if isinstance(c, Paragraph)}

    def locate(self, item: TextItem, offset: int) -> Loc:
        """The source location of the printed character at `offset` of an item (its end when offset = len)."""
        if offset == 0:
            return item.loc
        offsets = self.files.align(item.loc, item.text)
        for index in range(min(offset, len(offsets) - 1), -1, -1):
            if offsets[index] != -1:
                shift = 1 if index < offset else 0
                return self.files.loc(item.loc.file, offsets[index] + shift)
        return item.loc

    def edit(self, item: TextItem, start: int, end: int, new: str) -> Edit | None:
        """A fix replacing printed text[start:end], when that text stands verbatim in the source."""
        offsets = self.files.align(item.loc, item.text)
        if not 0 <= start < end <= len(offsets) or -1 in offsets[start:end]:
            return None
        first, last = offsets[start], offsets[end - 1]
        old = item.text[start:end]
        if self.files.text(item.loc.file)[first : last + 1] != old:
            return None
        return Edit(item.loc.file, first, old, new)

    def explicit_name(self, marker: Marker) -> str | None:
        """The name written in an explicit ※{name} (the model keeps only what it resolved to)."""
        match = EXPLICIT_NAME.match(self.files.text(marker.loc.file), self.files.offset(marker.loc))
        return match[1] if match else None

    @cached_property
    def dictionary(self) -> Dictionary:
        """The 表記ゆれ dictionary (plan/hyoki.yaml, its rules kept between runs); reading it may raise
        DiagnosticError."""
        from kplan.plan_cache import kept

        root = self.plan.root
        return load_dictionary(root, kept(root, "hyoki", lambda: read_rules(root), tuple))

    # ---- glossary indexes --------------------------------------------------------------------------------

    @cached_property
    def glossary_terms(self) -> tuple[Term, ...]:
        glossary = self.plan.glossary
        return glossary.terms if glossary else ()

    @cached_property
    def terms(self) -> dict[str, Term]:
        return {term.id: term for term in self.glossary_terms}

    @cached_property
    def spellings(self) -> dict[str, list[str]]:
        """Each term and alias spelling → the ids of the terms it stands for."""
        index: dict[str, list[str]] = {}
        for term in self.glossary_terms:
            for spelling in (term.term, *term.aliases):
                ids = index.setdefault(str(spelling), [])
                if term.id not in ids:
                    ids.append(term.id)
        return index

    @cached_property
    def spelling_automaton(self) -> Automaton:
        return Automaton((spelling, spelling) for spelling in self.spellings)

    @cached_property
    def occurrences(self) -> list[list[tuple[int, int, str]]]:
        """For each prose item: the (start, end, spelling) of term spellings, longest match, whole Latin words."""
        result = []
        for item in self.prose:
            hits = [
                (start, end, word)
                for start, end, word, _ in self.spelling_automaton.find(item.text)
                if whole_word(item.text, start, end)
            ]
            result.append(longest_only(hits))
        return result

    @cached_property
    def markers(self) -> list[PlacedMarker]:
        """Every ※ marker of the prose, in reading order."""
        placed = []
        for index, item in enumerate(self.prose):
            offset = 0
            for part in item.rich.parts if item.rich else ():
                if isinstance(part, Marker):
                    placed.append(PlacedMarker(index, offset + len(part.text) - 1, offset, part))
                offset += len(part.text)
        return placed
