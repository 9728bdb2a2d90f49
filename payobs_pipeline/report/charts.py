"""Inline SVG charts, drawn in Python: no JavaScript, no fonts or files to fetch.

Each chart is one ``<svg>`` element string. Series and bars carry classes and data attributes
(``class="series" data-series="stripe"``, ``class="bar"``, ``class="alert-marker"``) so a test, or a
reader of the page source, can tell what was drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

# Ten colours that stay apart for most colour vision (Tableau 10); a series keeps its colour by position.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
ALERT_COLOR = "#d62728"
# Bars have colours of their own, so that a series' colour on the page belongs to its line only.
FAILURE_BAR_COLOR = "#6c7a89"
MONEY_BAR_COLOR = "#b9770e"
AXIS_COLOR = "#555555"
GRID_COLOR = "#e3e3e3"
FONT = "font-family='system-ui, -apple-system, Segoe UI, Roboto, sans-serif'"


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass
class Series:
    """One line: a value (or None: no data) per x position, and the positions to mark (alerts)."""

    name: str
    values: list[float | None]
    marked: set[int] = field(default_factory=set)


def _fmt(number: float) -> str:
    return f"{number:.1f}"


def _ticks(low: float, high: float) -> list[float]:
    """Round tick values from low to high: 3 to 7 of them, a step of 1, 2, 2.5 or 5 times a power of ten."""
    span = high - low
    magnitude = 10 ** math.floor(math.log10(span / 4))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if span / (m * magnitude) <= 6)
    first = math.ceil(low / step - 1e-9) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def line_chart(labels: Sequence[str], series: Sequence[Series], *, width: int = 960, height: int = 360,
               y_min: float | None = None, y_max: float | None = None, y_format=lambda v: f"{v:.0%}",
               title: str = "") -> str:
    """A line per series over the x labels; a gap where a value is missing; marked points as red rings."""
    left, right, top, bottom = 100, 170, 16, 92  # room for the first rotated x label
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in series for v in s.values if v is not None]
    low = y_min if y_min is not None else (min(values) if values else 0.0)
    high = y_max if y_max is not None else (max(values) if values else 1.0)
    if high - low < 1e-9:
        low, high = low - 0.05, high + 0.05
    count = max(len(labels), 1)

    def x(i: int) -> float:
        return left + (plot_w * (i + 0.5) / count)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / (high - low))

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' class='chart line-chart' width='{width}' height='{height}' "
             f"viewBox='0 0 {width} {height}' role='img' aria-label='{escape(title)}' {FONT} font-size='11'>"]
    for value in _ticks(low, high):  # horizontal grid and y labels
        parts.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{_fmt(y(value))}' y2='{_fmt(y(value))}' "
                     f"stroke='{GRID_COLOR}'/>")
        parts.append(f"<text x='{left - 6}' y='{_fmt(y(value) + 4)}' text-anchor='end' fill='{AXIS_COLOR}'>"
                     f"{escape(y_format(value))}</text>")
    every = max(1, -(-count // 12))  # at most about 12 x labels
    for i, label in enumerate(labels):
        if i % every == 0 or i == count - 1:
            parts.append(f"<text x='{_fmt(x(i))}' y='{top + plot_h + 16}' text-anchor='end' fill='{AXIS_COLOR}' "
                         f"transform='rotate(-30 {_fmt(x(i))} {top + plot_h + 16})'>{escape(label)}</text>")
    parts.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{top + plot_h}' y2='{top + plot_h}' "
                 f"stroke='{AXIS_COLOR}'/>")
    for index, line in enumerate(series):
        stroke = color(index)
        commands, pen_down = [], False
        for i, value in enumerate(line.values):
            if value is None:
                pen_down = False
                continue
            commands.append(f"{'L' if pen_down else 'M'}{_fmt(x(i))},{_fmt(y(value))}")
            pen_down = True
        name = escape(line.name)
        parts.append(f"<path class='series' data-series='{name}' data-points='{len(commands)}' "
                     f"d='{' '.join(commands)}' fill='none' stroke='{stroke}' stroke-width='2.5' "
                     f"stroke-linejoin='round'/>")
        for i, value in enumerate(line.values):
            if value is not None and len(labels) <= 60:
                parts.append(f"<circle class='point' data-series='{name}' cx='{_fmt(x(i))}' cy='{_fmt(y(value))}' "
                             f"r='3' fill='{stroke}'/>")
        for i in sorted(line.marked):
            if i < len(line.values) and line.values[i] is not None:
                parts.append(
                    f"<circle class='alert-marker' data-series='{name}' data-x='{escape(labels[i])}' "
                    f"cx='{_fmt(x(i))}' cy='{_fmt(y(line.values[i]))}' r='8' fill='none' stroke='{ALERT_COLOR}' "
                    f"stroke-width='3'><title>alert: {name} {escape(labels[i])}</title></circle>")
    for index, line in enumerate(series):  # legend
        ly = top + 8 + index * 18
        parts.append(f"<rect class='legend' x='{left + plot_w + 16}' y='{ly - 8}' width='14' height='10' "
                     f"fill='{color(index)}'/>")
        parts.append(f"<text x='{left + plot_w + 36}' y='{ly + 1}' fill='#222'>{escape(line.name)}</text>")
    if any(line.marked for line in series):
        ly = top + 8 + len(series) * 18 + 6
        parts.append(f"<circle cx='{left + plot_w + 23}' cy='{ly - 3}' r='6' fill='none' stroke='{ALERT_COLOR}' "
                     f"stroke-width='3'/>")
        parts.append(f"<text x='{left + plot_w + 36}' y='{ly + 1}' fill='#222'>alert</text>")
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(labels: Sequence[str], values: Sequence[float], *, width: int = 960, bar_height: int = 22,
              value_format=lambda v: f"{v:,.0f}", title: str = "", colors: Sequence[str] | None = None) -> str:
    """Horizontal bars, longest first as given, each labelled with its value."""
    left, right, top = 230, 110, 8
    height = top * 2 + bar_height * max(len(values), 1)
    plot_w = width - left - right
    high = max([v for v in values if v is not None] or [0]) or 1
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' class='chart bar-chart' width='{width}' height='{height}' "
             f"viewBox='0 0 {width} {height}' role='img' aria-label='{escape(title)}' {FONT} font-size='12'>"]
    for i, (label, value) in enumerate(zip(labels, values)):
        value = value or 0
        y = top + i * bar_height
        length = plot_w * value / high
        fill = colors[i] if colors else FAILURE_BAR_COLOR
        parts.append(f"<text x='{left - 8}' y='{y + bar_height * 0.68:.1f}' text-anchor='end' fill='#222'>"
                     f"{escape(label)}</text>")
        parts.append(f"<rect class='bar' data-label='{escape(label)}' data-value='{value}' x='{left}' y='{y + 3}' "
                     f"width='{length:.1f}' height='{bar_height - 6}' fill='{fill}' rx='2'/>")
        parts.append(f"<text x='{left + length + 6:.1f}' y='{y + bar_height * 0.68:.1f}' fill='{AXIS_COLOR}'>"
                     f"{escape(value_format(value))}</text>")
    parts.append("</svg>")
    return "".join(parts)
