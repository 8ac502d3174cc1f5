"""Content rules: figures have alternative text or are marked as missing, indicator years fit the plan period,
text we drafted is listed until the city confirms it."""

from __future__ import annotations

from collections.abc import Iterator

from kplan.lint.context import LintContext
from kplan.lint.findings import Hit
from kplan.lint.registry import rule
from kplan.messages import Msg
from kplan.model import Figure, IndicatorTable, RichText
from kplan.model.visit import texts


def _figures(context: LintContext) -> Iterator[Figure]:
    for component in context.components:
        if isinstance(component, Figure):
            yield component


def _figure_name(figure: Figure) -> Msg:
    return Msg("word.figure/caption", caption=figure.caption) if figure.caption else Msg("word.figure/id", id=figure.id)


@rule("figure-alt", "content")
def figure_alt(context: LintContext) -> Iterator[Hit]:
    """A figure with an image but no alternative text (alt)."""
    for figure in _figures(context):
        if figure.image is not None and not (figure.alt and figure.alt.strip()):
            yield Hit(figure.loc, Msg("lint.figure-alt", figure=_figure_name(figure)))


@rule("figure-missing", "content", "info")
def figure_missing(context: LintContext) -> Iterator[Hit]:
    """A placeholder figure: the image has not been supplied yet."""
    label = context.plan.conventions.label("figure-missing")
    for figure in _figures(context):
        if figure.placeholder:
            words = Msg("lint.figure-missing/words") if figure.words else Msg("lint.figure-missing/no-words")
            yield Hit(figure.loc, Msg("lint.figure-missing", figure=_figure_name(figure), label=label, words=words))


@rule("indicator-year", "content", "warning")
def indicator_year(context: LintContext) -> Iterator[Hit]:
    """A target year outside the plan period, or a baseline year after the period's start."""
    period = context.plan.meta.period
    if period is None:
        return
    start, end = period
    for component in context.components:
        if not isinstance(component, IndicatorTable):
            continue  # a card's table is visited as a component of its own
        for indicator in component.indicators:
            target, baseline = indicator.target, indicator.baseline
            if target and target.year is not None and not start <= target.year <= end:
                yield Hit(
                    target.loc,
                    Msg("lint.indicator-year/target", indicator=indicator.name, year=target.year, start=start, end=end),
                )
            if baseline and baseline.year is not None and baseline.year > start:
                yield Hit(
                    baseline.loc,
                    Msg("lint.indicator-year/baseline", indicator=indicator.name, year=baseline.year, start=start),
                )


@rule("drafted-text", "content", "info")
def drafted_text(context: LintContext) -> Iterator[Hit]:
    """Text we drafted that the city has not confirmed yet: each place is listed."""
    for _, text in texts(context.plan):
        if isinstance(text, RichText) and text.drafted:
            excerpt = text.plain[:20] + ("…" if len(text.plain) > 20 else "")
            yield Hit(text.loc, Msg("lint.drafted-text", excerpt=excerpt))
