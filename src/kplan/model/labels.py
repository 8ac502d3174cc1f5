"""Edition, revision and measure labels as the plan prints them, shared by every output (no template engine).

The wording comes from the plan's conventions (plan.yaml `labels:`), with Japanese defaults.
"""

from __future__ import annotations

from kplan import wareki
from kplan.model.components import Measure
from kplan.model.conventions import Conventions
from kplan.model.plan import Meta


def edition_name(edition: str, conventions: Conventions | None = None) -> str:
    """初版 for "1", 第2.0版 for "2.0"."""
    conventions = conventions or Conventions()
    return conventions.label("first-edition") if edition == "1" else conventions.label("edition", edition=edition)


def edition_label(meta: Meta, conventions: Conventions | None = None) -> str:
    """【第2.0版】 for later editions; the 初版 has no label on the cover."""
    conventions = conventions or Conventions()
    if meta.edition == "1":
        return ""
    return conventions.label("edition-label", name=edition_name(meta.edition, conventions))


def revision_text(meta: Meta, conventions: Conventions | None = None) -> str | None:
    """令和5年3月改定; the empty 令和　年　月改定 of a draft revision; None for a 初版 that was never revised."""
    conventions = conventions or Conventions()
    if meta.revised:
        return conventions.label("revised", date=wareki.year_month(*meta.revised))
    if meta.status == "draft" and meta.edition != "1":
        return conventions.label("revised-empty")
    return None


def revision_line(meta: Meta, conventions: Conventions | None = None) -> str:
    """(令和5年3月改定), (令和　年　月改定) while a draft has no revision date, or nothing."""
    revised = revision_text(meta, conventions)
    return f"({revised})" if revised else ""


def measure_marks(measure: Measure, conventions: Conventions) -> str:
    """（第2.0版追加）【重点】 as a measure card's heading prints them: the added mark, then the plan's marks in the
    order the plan declares them."""
    added = conventions.label("added", edition=measure.added_in) if measure.added_in else ""
    marks = "".join(mark.label for mark in conventions.marks if mark.id in measure.marks)
    return added + marks
