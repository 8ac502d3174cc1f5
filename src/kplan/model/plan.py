"""The plan as a whole: metadata (all optional but municipality and title), conventions, parts, errata."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from msgspec import Struct

from kplan.diagnostics import Diagnostic, Loc
from kplan.model.components import Measure
from kplan.model.conventions import Conventions
from kplan.model.parts import Chapter, Glossary, Part, PublicComment, Survey
from kplan.model.text import Str


class Publisher(Struct, frozen=True):
    organization: Str
    department: Str | None
    address: Str | None
    phone: Str | None


class Meta(Struct, frozen=True):
    """What the cover and the colophon print. `edition` is "1" for the 初版, "2.0" for 第2.0版.

    Dates are (year, month); the period is in fiscal years. Any of them may be missing: an undated draft is fine.
    """

    municipality: Str
    title: Str
    subtitle: Str | None
    edition: str
    reconstructed: Str | None
    status: str  # "draft" prints (案); "final" does not
    established: tuple[int, int] | None
    revised: tuple[int, int] | None
    period: tuple[int, int] | None
    publisher: Publisher | None
    volume: Str | None
    loc: Loc

    @property
    def full_title(self) -> str:
        return f"{self.title}({self.subtitle})" if self.subtitle else str(self.title)


class Erratum(Struct, frozen=True):
    """One entry of the 正誤表: where, 誤 (as printed), 正 (as it stands now), and why."""

    id: str
    where: Str
    page: int | None
    file: str | None
    wrong: Str
    right: Str
    kind: str
    reason: Str
    loc: Loc


class Plan(Struct, frozen=True, dict=True):
    root: Path
    meta: Meta
    conventions: Conventions
    parts: tuple[Part, ...]
    errata: tuple[Erratum, ...]
    # what the load left out on purpose (unsafe links, images, raw HTML), for build and lint to report
    notices: tuple[Diagnostic, ...] = ()

    @cached_property
    def measures_by_id(self) -> dict[str, Measure]:
        """The measure cards by id (computed once)."""
        return {measure.id: measure for measure in self.measures}

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        """Chapters and appendices, in order."""
        return tuple(p for p in self.parts if isinstance(p, Chapter))

    @property
    def glossary(self) -> Glossary | None:
        """The first glossary part (a plan has at most one in practice)."""
        return next((p for p in self.parts if isinstance(p, Glossary)), None)

    @property
    def survey(self) -> Survey | None:
        return next((p for p in self.parts if isinstance(p, Survey)), None)

    @property
    def public_comment(self) -> PublicComment | None:
        return next((p for p in self.parts if isinstance(p, PublicComment)), None)

    @property
    def measures(self) -> tuple[Measure, ...]:
        """Every measure card in reading order."""
        from kplan.model.visit import components

        return tuple(c for _, _, c in components(self) if isinstance(c, Measure))
