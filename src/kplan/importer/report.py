"""The short report `kplan import` prints: what it carried over, every place it had to guess, and what lint says
about the new plan."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kplan.importer.document import Finding
from kplan.importer.writer import Counts

MAX_LINT_LINES = 20


def render(
    source: str,
    directory: Path,
    files: int,
    counts: Counts,
    findings: Sequence[Finding],
    lint: Sequence[object],
) -> str:
    """The report as lines of Japanese text."""
    parts = [f"章 {counts.chapters}"]
    if counts.appendices:
        parts.append(f"資料など {counts.appendices}")
    parts += [
        f"節 {counts.sections}",
        f"施策カード {counts.measures}",
        f"表 {counts.tables}（うち指標の表 {counts.indicator_tables}）",
        f"図 {counts.figures}",
        f"用語 {counts.terms}（推定した読み {counts.proposed_readings}）",
        f"※ {counts.markers}",
    ]
    lines = [
        f"{source} から新しい計画を {directory} に作りました（{files} ファイル）。",
        "取り込んだもの: " + "・".join(parts),
    ]
    unique = list(dict.fromkeys((str(f.where), f.code, f.message) for f in findings))
    if unique:
        lines.append(f"推測した箇所・確認が必要な箇所（{len(unique)} 件）:")
        lines += [f"  {where}: {code}: {message}" for where, code, message in unique]
    else:
        lines.append("推測した箇所はありません。")
    severities = [str(getattr(f, "severity", "")) for f in lint]
    errors, warnings, infos = (severities.count(s) for s in ("error", "warning", "info"))
    lines.append(f"kplan lint: エラー {errors} 件、警告 {warnings} 件、情報 {infos} 件")
    shown = [f for f in lint if str(getattr(f, "severity", "")) == "error"][:MAX_LINT_LINES]
    lines += [f"  {getattr(f, 'diagnostic', f)}" for f in shown]
    lines.append(f"次に: kplan -C {directory} lint で確かめ、kplan -C {directory} build でサイトと PDF を作れます。")
    return "\n".join(lines) + "\n"
