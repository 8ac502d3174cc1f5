"""What a comparison yields: change records (for the terminal and JSON) and the rows of the 新旧対照表."""

from __future__ import annotations

from msgspec import Struct, field

from kplan.diff.chars import Span
from kplan.model.conventions import Conventions

CHANGE_KINDS = ("added", "removed", "changed", "renamed", "moved", "renumbered")


class Change(Struct, frozen=True):
    """One difference between the editions.

    kind: the kind of unit (meta, a component's or part's `kind`, term, indicator…); id: a path naming the unit;
    field: the part of the unit that changed (title, period…), or None for the unit as a whole;
    change: one of CHANGE_KINDS; old / new: the text as printed in each edition (None where absent);
    spans: the character differences between old and new; path: the headings the change stands under.
    """

    kind: str
    id: str
    change: str
    old: str | None
    new: str | None
    spans: tuple[Span, ...]
    path: tuple[str, ...]
    field: str | None = None
    label: str | None = None


class Row(Struct, frozen=True):
    """A row of the 新旧対照表: the text in each edition (None: （新設） or （削除）) and its character spans."""

    path: tuple[str, ...]
    old: str | None
    new: str | None
    spans: tuple[Span, ...]
    label: str | None = None


class Same(Struct, frozen=True):
    """An unchanged unit: shortened to （略） in the 新旧対照表."""

    path: tuple[str, ...]


class EditionInfo(Struct, frozen=True):
    """How an edition is named in the outputs."""

    argument: str  # as given on the command line
    source: str  # what it resolved to: a path, a tag, a commit
    edition: str  # "1", "2.0"
    name: str  # 初版, 第2.0版
    title: str  # municipality and full title, e.g. 〇〇市第2次情報化計画(後期計画)
    status: str  # draft | final
    dates: str  # 令和3年7月策定 (令和　年　月改定)
    reconstructed: str | None  # why and from what, when the edition is a reconstruction


class Diff(Struct, frozen=True):
    old: EditionInfo
    new: EditionInfo
    changes: tuple[Change, ...]
    rows: tuple[Row | Same, ...] = ()
    # the new edition's conventions: the labels every output prints
    conventions: Conventions = field(default_factory=Conventions)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind, in the order of CHANGE_KINDS (kinds with none left out)."""
        counts = {kind: 0 for kind in CHANGE_KINDS}
        for change in self.changes:
            counts[change.change] += 1
        return {kind: count for kind, count in counts.items() if count}
