"""Find calendar dates in a line: 2026-02-05, 2026/2/5, 2025年12月9日, January 20, 2026, 20 Jan 2026."""

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
_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<year>(19|20)\d\d)\s*[-/.]\s*(?P<month>0?[1-9]|1[0-2])\s*[-/.]\s*(?P<day>0?[1-9]|[12]\d|3[01])(?!\d)"
    ),
    re.compile(r"(?P<year>(19|20)\d\d)\s*年\s*(?P<month>0?[1-9]|1[0-2])\s*月\s*(?P<day>0?[1-9]|[12]\d|3[01])\s*[日号]"),
    re.compile(_MONTH + r"\s+(?P<day>0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(19|20)\d\d)\b", re.I),
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    date: dt.date

    @property
    def iso(self) -> str:
        return self.date.isoformat()


def find_dates(text: str) -> list[FoundDate]:
    """Every valid calendar date in `text`, in order of position."""
    found: list[FoundDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = _MONTHS[parts["month_name"].lower()] if parts.get("month_name") else int(parts["month"])
            try:
                date = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            if not any(f.start < match.end() and match.start() < f.end for f in found):
                found.append(FoundDate(match.start(), match.end(), date))
    return sorted(found, key=lambda f: f.start)


def is_date_line(text: str) -> bool:
    """A line that is a date and little else ("January 19, 2026", "2025-12-09 10:30")."""
    dates = find_dates(text)
    if not dates:
        return False
    rest = text[: dates[0].start] + text[dates[0].end :]
    return len(re.sub(r"[\s\d:：,.|·•/\-]|发布|更新|published|updated|posted|on", "", rest, flags=re.I)) <= 2
