"""The cover and colophon of two editions: each metadata field that differs is a change (kind `meta`, id `plan`),
and the 新旧対照表 shows the cover's own lines (title, edition label, dates, period, publisher) under the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kplan import wareki
from kplan.diff.printed import period, str_or_none
from kplan.model import Conventions, Meta, Publisher
from kplan.model.labels import edition_label, edition_name, revision_line, revision_text

if TYPE_CHECKING:
    from kplan.diff.compare import Comparison


def established_text(meta: Meta, conventions: Conventions) -> str | None:
    """令和3年7月策定, or None for an undated plan."""
    if meta.established is None:
        return None
    return conventions.label("established", date=wareki.year_month(*meta.established))


def dates_text(meta: Meta, conventions: Conventions) -> str:
    """令和3年7月策定(令和　年　月改定), as the cover prints the dates."""
    return (established_text(meta, conventions) or "") + revision_line(meta, conventions)


def status_text(meta: Meta, conventions: Conventions) -> str | None:
    return conventions.label("draft") if meta.status == "draft" else None


def period_text(meta: Meta, conventions: Conventions) -> str | None:
    return period(*meta.period, conventions) if meta.period else None


def _publisher(publisher: Publisher | None, name: str) -> str | None:
    return None if publisher is None else str_or_none(getattr(publisher, name))


def fields(meta: Meta, conventions: Conventions) -> list[tuple[str, str | None]]:
    """The metadata as printed, by field name."""
    publisher = meta.publisher
    return [
        ("municipality", str(meta.municipality)),
        ("title", meta.full_title),
        ("edition", edition_name(meta.edition, conventions)),
        ("status", status_text(meta, conventions)),
        ("established", established_text(meta, conventions)),
        ("revised", revision_text(meta, conventions)),
        ("period", period_text(meta, conventions)),
        ("organization", _publisher(publisher, "organization")),
        ("department", _publisher(publisher, "department")),
        ("address", _publisher(publisher, "address")),
        ("phone", _publisher(publisher, "phone")),
        ("volume", str_or_none(meta.volume)),
    ]


def cover_lines(meta: Meta, conventions: Conventions) -> list[str | None]:
    """The lines of the cover and colophon, in order (None for a line this edition does not print)."""
    publisher = meta.publisher
    return [
        f"{meta.municipality}{meta.full_title}",
        (edition_label(meta, conventions) + (status_text(meta, conventions) or "")) or None,
        str_or_none(meta.volume),
        dates_text(meta, conventions) or None,
        period_text(meta, conventions),
        " ".join(str(p) for p in (publisher.organization, publisher.department) if p) if publisher else None,
        _publisher(publisher, "address"),
        _publisher(publisher, "phone"),
    ]


def compare_cover(comparison: Comparison) -> None:
    old, new = comparison.old, comparison.new
    path = (f"{new.meta.municipality}{new.meta.full_title}",)
    for (name, old_value), (_, new_value) in zip(
        fields(old.meta, old.conventions), fields(new.meta, new.conventions), strict=True
    ):
        if old_value != new_value:
            comparison.record(path, "meta", "plan", "changed", old_value, new_value, field=name)
    for old_line, new_line in zip(
        cover_lines(old.meta, old.conventions), cover_lines(new.meta, new.conventions), strict=True
    ):
        if old_line or new_line:
            comparison.row(path, old_line, new_line)
