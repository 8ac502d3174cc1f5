"""The plan as a whole: metadata (all optional but municipality and title), conventions, parts, errata."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kplan.diagnostics import Diagnostic, Loc
from kplan.model.components import Measure
from kplan.model.conventions import Conventions
from kplan.model.parts import Chapter, Glossary, Part, PublicComment, Survey
from kplan.model.text import Str


@dataclass(frozen=True)
class Publisher:
    organization: Str
    department: Str | None
    address: Str | None
    phone: Str | None


@dataclass(frozen=True)
class Meta:
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


@dataclass(frozen=True)
class Erratum:
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


@dataclass(frozen=True)
class Plan:
    root: Path
    meta: Meta
    conventions: Conventions
    parts: tuple[Part, ...]
    errata: tuple[Erratum, ...]
    # what the load left out on purpose (unsafe links, images, raw HTML), for build and lint to report
    notices: tuple[Diagnostic, ...] = ()
    measures_by_id: dict[str, Measure] = field(default_factory=dict, compare=False, hash=False)

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
