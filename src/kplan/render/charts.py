"""Survey results as inline SVG bar charts, drawn only from the figures the plan states.

The same SVG goes into the web site and the PDF (WeasyPrint draws inline SVG). Each chart is one horizontal bar
per stated result on a 0–100 % scale, its label above the bar so that long Japanese labels fit a phone's width.
The chart is an image with a short accessible name; its data table, written next to it, is the text alternative.
"""

from __future__ import annotations

import unicodedata

from markupsafe import Markup, escape

from kplan.model import StatedResult

WIDTH = 400
LABEL_SIZE = 14
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
ROW_GAP = 10
AXIS_HEIGHT = 22
VALUE_SPACE = 52
TICKS = (0, 25, 50, 75, 100)
BAR_COLOUR = "#1d5a91"  # 7.3:1 against white: visible for low vision (WCAG 1.4.11 asks 3:1)
GRID_COLOUR = "#767676"
TEXT_COLOUR = "#1a1a1a"
FONT = 'font-family="BIZ UDPGothic, BIZ UDGothic, sans-serif"'


def _fmt(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (stable across platforms)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _char_width(ch: str, font_size: float) -> float:
    """A generous estimate of one character's width: full-width characters 1 em, others 0.6 em."""
    return font_size if unicodedata.east_asian_width(ch) in "WF" else font_size * 0.6


def _text_width(text: str, font_size: float) -> float:
    """A generous estimate of a text's width (the sum of its characters' widths)."""
    return sum(_char_width(ch, font_size) for ch in text)


def label_lines(label: str, width: float, font_size: float = LABEL_SIZE) -> list[str]:
    """The label broken into lines no wider than `width` (after 、 or a space where possible); one pass over it."""
    lines: list[str] = []
    start = 0  # where the current line begins
    used = 0.0  # its width so far
    soft = -1  # the last 、 or space on it
    position = 0
    while position < len(label):
        ch = label[position]
        advance = _char_width(ch, font_size)
        if used + advance > width and position > start:
            fit = position - start
            cut = soft + 1 if soft >= 0 and soft - start >= fit // 2 else position
            lines.append(label[start:cut].rstrip())
            start = cut
            while start < len(label) and label[start] == " ":
                start += 1
            used, soft, position = 0.0, -1, start
            continue
        used += advance
        if ch in "、 ":
            soft = position
        position += 1
    return [*lines, label[start:]]


def bar_chart(results: tuple[StatedResult, ...], name: str, width: int = WIDTH) -> Markup:
    """An SVG bar chart of `results` whose accessible name is `name`, `width` units wide (its text in px)."""
    plot_width = width - VALUE_SPACE
    labels = [label_lines(result.label, width) for result in results]
    tops = [0]
    for lines in labels:
        tops.append(tops[-1] + len(lines) * LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
    height = tops[-1] + AXIS_HEIGHT
    parts = [
        f'<svg class="bar-chart" role="img" aria-label="{escape(name)}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}" {FONT} fill="{TEXT_COLOUR}">'
    ]
    axis_top = tops[-1]
    for tick in TICKS:
        x = _fmt(plot_width * tick / 100)
        parts.append(
            f'<line class="grid" x1="{x}" y1="0" x2="{x}" y2="{axis_top}"'
            f' stroke="{GRID_COLOUR}" stroke-width="0.5" stroke-dasharray="2 2"/>'
        )
        anchor = "start" if tick == 0 else "end" if tick == 100 else "middle"
        parts.append(
            f'<text class="tick" x="{x}" y="{axis_top + 16}" text-anchor="{anchor}" font-size="11">{tick}%</text>'
        )
    for result, lines, top in zip(results, labels, tops, strict=False):
        bar_width = _fmt(plot_width * max(0.0, min(result.percent, 100.0)) / 100)
        bar_top = top + len(lines) * LABEL_HEIGHT
        for number, line in enumerate(lines, start=1):
            parts.append(
                f'<text class="label" x="0" y="{top + number * LABEL_HEIGHT - 5}"'
                f' font-size="{LABEL_SIZE}">{escape(line)}</text>'
            )
        parts.append(
            f'<rect class="bar" x="0" y="{bar_top}" width="{bar_width}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text class="value" x="{_fmt(float(bar_width) + 6)}" y="{bar_top + BAR_HEIGHT - 3}" font-size="13">'
            f"{result.percent:.1f}%</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
