"""Edition, revision and measure labels as the plan prints them, shared by every output (no template engine)."""

from __future__ import annotations

from kplan import wareki
from kplan.model import Measure, Meta


def edition_name(edition: str) -> str:
    """初版 for "1", 第2.0版 for "2.0"."""
    return "初版" if edition == "1" else f"第{edition}版"


def edition_label(meta: Meta) -> str:
    """【第2.0版】 for later editions; the 初版 has no label on the cover."""
    return "" if meta.edition == "1" else f"【{edition_name(meta.edition)}】"


def revision_text(meta: Meta) -> str | None:
    """令和5年3月改定; the empty 令和　年　月改定 of a draft revision; None for a 初版 that was never revised."""
    if meta.revised:
        return f"{wareki.year_month(*meta.revised)}改定"
    if meta.status == "draft" and meta.edition != "1":
        return "令和　年　月改定"
    return None


def revision_line(meta: Meta) -> str:
    """(令和5年3月改定), (令和　年　月改定) while a draft has no revision date, or nothing."""
    revised = revision_text(meta)
    return f"({revised})" if revised else ""


def measure_marks(measure: Measure) -> str:
    """（第2.0版追加）【重点】 as a measure card's heading prints them."""
    added = f"（第{measure.added_in}版追加）" if measure.added_in else ""
    return added + ("【重点】" if measure.priority else "")
