"""Inline SVG charts, computed here as plain numbers and drawn by the template (no script, no library)."""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH, HEIGHT = 640, 220
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 16, 14, 36
MAX_X_LABELS = 8


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

    @property
    def empty(self) -> bool:
        return not any(s.points for s in self.series)


def stance_chart(named_series: list[tuple[str, str, list[dict]]]) -> LineChart:
    """named_series: (name, css class, [{"month": "YYYY-MM", "mean_score": float|None, "count": int}]).

    Scores run from -1 (China behind) to +1 (China ahead); months without a score are skipped.
    """
    months = sorted({row["month"] for _, _, rows in named_series for row in rows
                     if row.get("month") and row.get("mean_score") is not None})
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x_of(month: str) -> float:
        if len(months) == 1:
            return PAD_LEFT + inner_w / 2
        return PAD_LEFT + inner_w * months.index(month) / (len(months) - 1)

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
    step = max(1, -(-len(months) // MAX_X_LABELS))
    x_labels = [(x_of(m), m) for m in months[::step]]
    y_ticks = [(y_of(v), f"{v:+.0f}" if v else "0") for v in (1.0, 0.0, -1.0)]
    return LineChart(WIDTH, HEIGHT, series, x_labels, y_ticks, y_of(0.0))
