"""The words at the top of every 新旧対照表: the title, both editions with their dates, the notices, the legend."""

from __future__ import annotations

from dataclasses import dataclass

from kplan.diff.records import Diff, EditionInfo

CHANGE_WORDS = {"added": "新設", "removed": "削除", "changed": "変更", "renamed": "名称変更", "moved": "移動",
                "renumbered": "番号変更"}
LEGEND = ("傍線部分は改定部分です。（略）は変更のない部分を省略したもの、（新設）は新たに設けた部分、"
          "（削除）は削除した部分を示します。")


@dataclass(frozen=True)
class Heading:
    title: str
    new: str  # 改定後: 第2.0版 令和3年7月策定(令和　年　月改定)(案)
    old: str  # 改定前: 初版 令和3年7月策定 (再構成)
    notices: tuple[str, ...]  # one per reconstructed edition
    summary: str
    legend: str = LEGEND


def summary_words(diff: Diff) -> str:
    """改定箇所 15件(新設 4、変更 3、名称変更 2、番号変更 6), or that the editions do not differ."""
    counts = diff.counts()
    if not counts:
        return "改定箇所はありません。"
    parts = "、".join(f"{CHANGE_WORDS[kind]} {count}" for kind, count in counts.items())
    return f"改定箇所 {sum(counts.values())}件({parts})"


def edition_words(info: EditionInfo) -> str:
    draft = "(案)" if info.status == "draft" else ""
    reconstructed = "(再構成版)" if info.reconstructed else ""
    return f"{info.name}{reconstructed} {info.dates}{draft}"


def heading(diff: Diff) -> Heading:
    notices = tuple(
        f"{side}の{info.name}は再構成された版であり、市の公式な文書ではありません。{info.reconstructed}"
        for side, info in (("改定後", diff.new), ("改定前", diff.old)) if info.reconstructed
    )
    title = diff.new.title if diff.new.title == diff.old.title else f"{diff.new.title}（改定前：{diff.old.title}）"
    return Heading(f"{title} 新旧対照表", edition_words(diff.new), edition_words(diff.old), notices,
                   summary_words(diff))
