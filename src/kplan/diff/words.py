"""Printed words of kplan diff and kplan export that are not plan text, through the plan's conventions.

A plan overrides any of them in plan.yaml `labels:`; keys the model's DEFAULT_LABELS does not have yet fall back to
EXTRA_LABELS here (to be moved into model/conventions.py DEFAULT_LABELS).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kplan.model.conventions import DEFAULT_LABELS, Conventions

EXTRA_LABELS: Mapping[str, str] = MappingProxyType(
    {
        # the 新旧対照表
        "diff-title": "{title} 新旧対照表",
        "diff-title-renamed": "{title}（改定前：{old_title}）",
        "diff-legend": "傍線部分は改定部分です。{omitted}は変更のない部分を省略したもの、{inserted}は新たに設けた部分、"
        "{deleted}は削除した部分を示します。",
        "diff-summary": "改定箇所 {total}件({parts})",
        "diff-summary-none": "改定箇所はありません。",
        "diff-added": "新設",
        "diff-removed": "削除",
        "diff-changed": "変更",
        "diff-renamed": "名称変更",
        "diff-moved": "移動",
        "diff-renumbered": "番号変更",
        "diff-reconstructed": "(再構成版)",
        "diff-reconstructed-notice": "{side}の{name}は再構成された版であり、市の公式な文書ではありません。{reason}",
        "diff-notice": "注意：",
        "diff-same": "改定後と改定前に違いはありません。",
        "diff-image": "画像",
        # the exported Markdown's cover
        "plan-period": "計画期間",
    }
)


def word(conventions: Conventions, key: str, **values: object) -> str:
    """The printed label `key` with {placeholders} filled: the plan's own, else the model's default, else ours."""
    template = conventions.labels.get(key) or DEFAULT_LABELS.get(key) or EXTRA_LABELS[key]
    return template.format(**values) if values else template
