"""Content rules: figures have alternative text or are marked as missing, indicator years fit the plan period,
text we drafted is listed until the city confirms it."""

from __future__ import annotations

from collections.abc import Iterator

from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.registry import rule
from kplan.model import Figure, IndicatorTable, RichText
from kplan.model.visit import components, texts


def _figures(context: LintContext) -> Iterator[Figure]:
    for _, _, component in components(context.plan):
        if isinstance(component, Figure):
            yield component


def _figure_name(figure: Figure) -> str:
    return f"図「{figure.caption}」" if figure.caption else f"図(id: {figure.id})"


@rule("figure-alt", "content")
def figure_alt(context: LintContext) -> Iterator[Hit]:
    """A figure with an image but no alternative text (alt)."""
    for figure in _figures(context):
        if figure.image is not None and not (figure.alt and figure.alt.strip()):
            yield Hit(
                figure.loc,
                f"{_figure_name(figure)}に代替テキストがありません",
                "alt: に図の内容を文章で書いてください(画面読み上げで読まれます)",
            )


@rule("figure-missing", "content", "info")
def figure_missing(context: LintContext) -> Iterator[Hit]:
    """A placeholder figure: the image has not been supplied yet."""
    label = context.plan.conventions.label("figure-missing")
    for figure in _figures(context):
        if figure.placeholder:
            words = "図中の文字が代わりに載ります" if figure.words else "図中の文字(words:)もありません"
            yield Hit(
                figure.loc,
                f"{_figure_name(figure)}は画像がなく「{label}」と印刷されます({words})",
                "画像を受け取ったら image: にファイルを書いてください",
            )


@rule("indicator-year", "content", "warning")
def indicator_year(context: LintContext) -> Iterator[Hit]:
    """A target year outside the plan period, or a baseline year after the period's start."""
    period = context.plan.meta.period
    if period is None:
        return
    start, end = period
    for _, _, component in components(context.plan):
        if not isinstance(component, IndicatorTable):
            continue  # a card's table is visited as a component of its own
        for indicator in component.indicators:
            target, baseline = indicator.target, indicator.baseline
            if target and target.year is not None and not start <= target.year <= end:
                yield Hit(
                    target.loc,
                    f"指標「{indicator.name}」の目標年度 {target.year} が計画期間({start}～{end}年度)の外です",
                    "目標年度か計画期間(plan.yaml の period:)を確かめてください",
                )
            if baseline and baseline.year is not None and baseline.year > start:
                yield Hit(
                    baseline.loc,
                    f"指標「{indicator.name}」の現状値の年度 {baseline.year} が計画期間の始まり({start}年度)より後です",
                    "現状値の年度か計画期間(plan.yaml の period:)を確かめてください",
                )


@rule("drafted-text", "content", "info")
def drafted_text(context: LintContext) -> Iterator[Hit]:
    """Text we drafted that the city has not confirmed yet: each place is listed."""
    for _, text in texts(context.plan):
        if isinstance(text, RichText) and text.drafted:
            excerpt = text.plain[:20] + ("…" if len(text.plain) > 20 else "")
            yield Hit(
                text.loc, f"市の確認前の案文です: 「{excerpt}」", "市に確認し、確定したら drafted の印を外してください"
            )
