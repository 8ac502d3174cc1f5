"""Edition and revision labels as the plan prints them, shared by every output (no template engine needed)."""

from __future__ import annotations

from kplan import wareki
from kplan.model import Meta


def edition_label(meta: Meta) -> str:
    """【第2.0版】 for later editions; the 初版 has no label on the cover."""
    return "" if meta.edition == "1" else f"【第{meta.edition}版】"


def revision_line(meta: Meta) -> str:
    """(令和5年3月改定), or the empty placeholder (令和　年　月改定) while a draft has no revision date."""
    if meta.revised:
        return f"({wareki.year_month(*meta.revised)}改定)"
    if meta.status == "draft" and meta.edition != "1":
        return "(令和　年　月改定)"
    return ""
