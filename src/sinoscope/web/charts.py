"""Inline SVG charts (stance lines, mention bars), computed here as plain numbers and drawn by the template
(no script, no library)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WIDTH, HEIGHT = 640, 220
NARROW = 360  # the phone drawing: the same chart in fewer units, so its text stays legible at 390 px
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 16, 14, 36
MAX_X_LABELS = 8
MAX_SLOT = 96  # px between neighbouring months: a few points sit together in the middle, not at the edges
VALUE_LABELS_UP_TO = 12
MAX_MONTHS = 36  # a longer timeline is drawn by year  # points labelled with their value when a chart has this few


@dataclass
class Point:
    x: float
    y: float
    label: str  # the month
    value: float
    count: int


@dataclass
class Series:
    name: str
    css: str
    points: list[Point] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass
class LineChart:
    width: int
    height: int
    series: list[Series]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    zero_y: float
    labelled: bool = False  # few points: each dot carries its value

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.series)


def slot_x(index: int, count: int, inner_w: float = WIDTH - PAD_LEFT - PAD_RIGHT) -> float:
    """The centre of slot `index` of `count`: evenly spaced, at most MAX_SLOT apart, the group centred."""
    slot = min(inner_w / max(count, 1), MAX_SLOT)
    return PAD_LEFT + (inner_w - slot * count) / 2 + slot * (index + 0.5)


def _labels_for(width: int) -> int:
    return MAX_X_LABELS if width >= WIDTH else 4


def stance_chart(named_series: list[tuple[str, str, list[dict]]], width: int = WIDTH) -> LineChart:
    """named_series: (name, css class, [{"month": "YYYY-MM", "mean_score": float|None, "count": int}]).

    Scores run from -1 (China behind) to +1 (China ahead); months without a score are skipped.
    """
    months = sorted({row["month"] for _, _, rows in named_series for row in rows
                     if row.get("month") and row.get("mean_score") is not None})
    inner_w = width - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x_of(month: str) -> float:
        return slot_x(months.index(month), len(months), inner_w)

    def y_of(score: float) -> float:
        clamped = max(-1.0, min(1.0, score))
        return PAD_TOP + inner_h * (1 - (clamped + 1) / 2)

    series = []
    for name, css, rows in named_series:
        points = [Point(x_of(r["month"]), y_of(float(r["mean_score"])), r["month"], float(r["mean_score"]),
                        int(r.get("count") or 0))
                  for r in sorted(rows, key=lambda r: r.get("month") or "")
                  if r.get("month") and r.get("mean_score") is not None]
        series.append(Series(name, css, points))
    step = max(1, -(-len(months) // _labels_for(width)))
    x_labels = [(x_of(m), m) for m in months[::step]]
    y_ticks = [(y_of(v), f"{v:+.1f}" if v else "0") for v in (1.0, 0.5, 0.0, -0.5, -1.0)]
    labelled = sum(len(s.points) for s in series) <= VALUE_LABELS_UP_TO
    return LineChart(width, HEIGHT, series, x_labels, y_ticks, y_of(0.0), labelled)


@dataclass
class Bar:
    x: float
    y: float
    height: float
    css: str
    key: str  # the language
    count: int
    period: str


@dataclass
class BarChart:
    width: int
    height: int
    bar_width: float
    bars: list[Bar]
    totals: list[tuple[float, float, int]]  # (x, y, total) above each period's stack
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    base_y: float
    keys: list[str]

    @property
    def empty(self) -> bool:
        return not self.bars


def _periods(rows: list[dict]) -> tuple[list[str], Any]:
    """Every month from the first to the last (gaps shown as gaps); over MAX_MONTHS months, whole years."""
    months = sorted({r["month"] for r in rows})
    if not months:
        return [], lambda m: m
    first, last = months[0], months[-1]
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    if span > MAX_MONTHS:
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)], lambda m: m[:4]
    out, year, month = [], int(first[:4]), int(first[5:7])
    for _ in range(span):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out, lambda m: m


def timeline_chart(rows: list[dict], order: tuple[str, ...] = ("en", "zh", "mixed", "other"),
                   width: int = WIDTH) -> BarChart:
    """rows: [{"month": "YYYY-MM", "lang": str, "count": int}] → bars stacked by language per period."""
    rows = [r for r in rows if isinstance(r.get("month"), str) and len(r["month"]) >= 7 and r["month"][:4].isdigit()
            and r["month"][5:7].isdigit() and int(r.get("count") or 0) > 0]
    periods, period_of = _periods(rows)
    stacks: dict[str, dict[str, int]] = {p: {} for p in periods}
    for r in rows:
        key = r.get("lang") if r.get("lang") in order else "other"
        stack = stacks[period_of(r["month"])]
        stack[key] = stack.get(key, 0) + int(r["count"])
    inner_w = width - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM - 14  # room for the totals above the tallest bar
    base_y = HEIGHT - PAD_BOTTOM
    peak = max((sum(s.values()) for s in stacks.values()), default=0)
    top = max(1, peak)
    slot = min(inner_w / max(len(periods), 1), MAX_SLOT)
    bar_w = max(2.0, min(slot * 0.7, 40.0))
    bars, totals = [], []
    for i, period in enumerate(periods):
        x, y = slot_x(i, len(periods), inner_w), base_y
        for key in order:
            count = stacks[period].get(key, 0)
            if count:
                h = inner_h * count / top
                y -= h
                bars.append(Bar(x - bar_w / 2, y, h, f"lang-{key}", key, count, period))
        if stacks[period]:
            totals.append((x, y - 4, sum(stacks[period].values())))
    step = max(1, -(-len(periods) // _labels_for(width)))
    x_labels = [(slot_x(i, len(periods), inner_w), p) for i, p in enumerate(periods) if i % step == 0]
    ticks = sorted({0, top // 2, top}) if top > 1 else [0, 1]
    y_ticks = [(base_y - inner_h * v / top, str(v)) for v in ticks]
    keys = [k for k in order if any(b.key == k for b in bars)]
    totals = totals if len(periods) <= (24 if width >= WIDTH else 12) else []
    return BarChart(width, HEIGHT, bar_w, bars, totals, x_labels, y_ticks, base_y, keys)
