"""Find calendar dates in a line, at the precision printed: 2026-02-05, 2026/2/5, 2025年12月9日,
January 20, 2026, 20 Jan 2026, 11/03/2005 (by locale), and with `coarse=True` also 2025年12月, March 2026.

A date's `iso` keeps its precision ("2018", "2018-03", "2018-03-09"): a page that prints only a month
is never dated the 1st. No locale-wide parser: the patterns are explicit and linear.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(19|20)\d\d)"
_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])"
_NUM_MONTH = r"(?P<month>0?[1-9]|1[0-2])"
_DAY_PATTERNS = (
    re.compile(rf"(?<![\d.])(?<!\d/){_YEAR}\s*(?P<sep>[-/.])\s*{_NUM_MONTH}\s*(?P=sep)\s*{_DAY}(?![\d.]\d)(?!\d)"),
    re.compile(rf"{_YEAR}\s*年\s*{_NUM_MONTH}\s*月\s*{_DAY}\s*[日号]"),
    re.compile(_MONTH + rf"\s+{_DAY}(st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}(st|nd|rd|th)?\s+" + _MONTH + rf",?\s+{_YEAR}\b", re.I),
)
# 11/03/2005, 11.03.2005: day first or month first depending on the outlet's locale.
_NUMERIC_DMY = re.compile(r"(?<![\d./])(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)"
                          rf"{_YEAR}(?![\d.]\d)(?!\d)")
_MONTH_PATTERNS = (
    re.compile(rf"{_YEAR}\s*年\s*{_NUM_MONTH}\s*月(?!\s*\d)"),
    re.compile(r"\b" + _MONTH + rf",?\s+{_YEAR}\b", re.I),
)
_CLOCK_AFTER = re.compile(r"^\s*(?:[日号])?\s*(?:[,，T]\s*)?(?:[01]?\d|2[0-3])\s*[:：时]\s*[0-5]\d")


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date
    precision: str = "day"  # "day" | "month" | "year"
    timed: bool = False  # a clock follows ("2005-3-11 21:23"): the mark of a dateline

    @property
    def iso(self) -> str:
        return at_precision(self.date, self.precision)


def at_precision(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def _overlaps(found: list[FoundDate], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def _add(found: list[FoundDate], text: str, start: int, end: int, year: int, month: int, day: int | None) -> None:
    try:
        date = dt.date(year, month, day or 1)
    except ValueError:
        return
    if not _overlaps(found, start, end):
        timed = bool(_CLOCK_AFTER.match(text[end : end + 12]))
        found.append(FoundDate(start, end, date, "day" if day else "month", timed))


def find_dates(text: str, *, coarse: bool = False, day_first: bool | None = None) -> list[FoundDate]:
    """Every valid calendar date in `text`, in order of position.

    `coarse` adds month-precision dates (2025年12月, March 2026). `day_first` reads 11/03/2005 as
    11 March (True) or 3 November (False); unknown (None) reads it only when one order is impossible."""
    found: list[FoundDate] = []
    for pattern in _DAY_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = _MONTHS[parts["month_name"].lower()] if parts.get("month_name") else int(parts["month"])
            _add(found, text, match.start(), match.end(), int(parts["year"]), month, int(parts["day"]))
    for match in _NUMERIC_DMY.finditer(text):
        a, b = int(match["a"]), int(match["b"])
        if day_first is None and a <= 12 and b <= 12 and a != b:
            continue
        day, month = (a, b) if (day_first is not False and b <= 12) or a > 12 else (b, a)
        if month <= 12:
            _add(found, text, match.start(), match.end(), int(match["year"]), month, day)
    if coarse:
        for pattern in _MONTH_PATTERNS:
            for match in pattern.finditer(text):
                parts = match.groupdict()
                month = _MONTHS[parts["month_name"].lower()] if parts.get("month_name") else int(parts["month"])
                _add(found, text, match.start(), match.end(), int(parts["year"]), month, None)
    return sorted(found, key=lambda f: f.start)


_URL_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>0[1-9]|1[0-2])(?:(?P=sep)"
                       r"(?P<day>0[1-9]|[12]\d|3[01]))?(?!\d)")


def url_date(url: str | None) -> str | None:
    """The date a news URL carries: /2018/03/09/, /20180309/, /2018-03/09/, t20180309_ (a month alone: /2018/03/)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for match in _URL_DATE.finditer(path):
        day = match["day"]
        if not match["sep"] and not day:
            continue  # "201803" alone is too often an id
        try:
            date = dt.date(int(match["year"]), int(match["month"]), int(day or 1))
        except ValueError:
            continue
        return at_precision(date, "day" if day else "month")
    return None


def iso_precision(value: str | None) -> str | None:
    """'2005-05-07T21:23:57+08:00' → '2005-05-07', '1998-03' → '1998-03', '2018' → '2018'; None if not a date."""
    match = re.match(r"\s*((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?(?![\d])", value or "")
    if not match:
        return None
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def is_date_line(text: str) -> bool:
    """A line that is a date and little else ("January 19, 2026", "2025-12-09 10:30")."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = text[: dates[0].start] + text[dates[0].end :]
    return len(re.sub(r"[\s\d:：,.|·•/\-]|发布|更新|published|updated|posted|on", "", rest, flags=re.I)) <= 2
