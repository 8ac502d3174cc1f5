"""The words at the top of every 新旧対照表: the title, both editions with their dates, the notices, the legend.

Every word comes from the new edition's conventions (model/conventions.py labels), so a plan can reword them in
plan.yaml.
"""

from __future__ import annotations

from msgspec import Struct

from kplan.diff.records import CHANGE_KINDS, Diff, EditionInfo
from kplan.model import Conventions


class Heading(Struct, frozen=True):
    title: str
    new: str  # 改定後: 第2.0版 令和3年7月策定(令和　年　月改定)(案)
    old: str  # 改定前: 初版 令和3年7月策定 (再構成)
    notices: tuple[str, ...]  # one per reconstructed edition
    summary: str
    legend: str
    new_label: str  # 改定後
    old_label: str  # 改定前
    omitted: str  # （略）
    inserted: str  # （新設）: the old column of a unit only the new edition has
    deleted: str  # （削除）
    notice: str  # 注意：
    same: str  # 改定後と改定前に違いはありません。


def summary_words(diff: Diff) -> str:
    """改定箇所 15件(新設 4、変更 3、名称変更 2、番号変更 6), or that the editions do not differ."""
    w = diff.conventions
    counts = diff.counts()
    if not counts:
        return w.label("diff-summary-none")
    parts = w.label("separator").join(
        f"{w.label(f'diff-{kind}')} {count}" for kind, count in counts.items() if kind in CHANGE_KINDS
    )
    return w.label("diff-summary", total=sum(counts.values()), parts=parts)


def edition_words(info: EditionInfo, conventions: Conventions) -> str:
    draft = conventions.label("draft") if info.status == "draft" else ""
    reconstructed = conventions.label("diff-reconstructed") if info.reconstructed else ""
    return f"{info.name}{reconstructed} {info.dates}{draft}".strip()


def heading(diff: Diff) -> Heading:
    w = diff.conventions
    new_label, old_label = w.label("new"), w.label("old")
    notices = tuple(
        w.label("diff-reconstructed-notice", side=side, name=info.name, reason=info.reconstructed)
        for side, info in ((new_label, diff.new), (old_label, diff.old))
        if info.reconstructed
    )
    title = (
        diff.new.title
        if diff.new.title == diff.old.title
        else w.label("diff-title-renamed", title=diff.new.title, old_title=diff.old.title)
    )
    omitted, inserted, deleted = w.label("omitted"), w.label("inserted"), w.label("deleted")
    return Heading(
        title=w.label("diff-title", title=title),
        new=edition_words(diff.new, w),
        old=edition_words(diff.old, w),
        notices=notices,
        summary=summary_words(diff),
        legend=w.label("diff-legend", omitted=omitted, inserted=inserted, deleted=deleted),
        new_label=new_label,
        old_label=old_label,
        omitted=omitted,
        inserted=inserted,
        deleted=deleted,
        notice=w.label("diff-notice"),
        same=w.label("diff-same"),
    )
