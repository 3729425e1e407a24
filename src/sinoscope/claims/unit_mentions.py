"""Currency and percent words with no amount ("how do I work out a percentage?", "人民币美元").

They are not figures (a figure has a value), so the figures stage never reports them; numeric
recognisers such as Recognizers-Text do, and the evaluation compares like with like through this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figure_units import EN_CURRENCY_WORDS, ZH_CURRENCIES
from .figures import extract_figures

# Currency names that are also ordinary words ("won the contract", "real progress") need an amount.
_WORDS_TOO = {"won", "real", "pound", "buck", "korean won"}
_EN_WORDS = "|".join(sorted((re.escape(w) + "s?" for w in EN_CURRENCY_WORDS if w not in _WORDS_TOO),
                            key=len, reverse=True))
_EN_CURRENCY = re.compile(rf"(?<![A-Za-z])({_EN_WORDS})(?![A-Za-z])", re.I)
# One-character names (元, 块) are too common as parts of other words to stand alone.
_ZH_NAMES = "|".join(sorted((w for w in ZH_CURRENCIES if len(w) > 1), key=len, reverse=True))
_ZH_CURRENCY = re.compile(rf"({_ZH_NAMES})")
# A lone "%" (not URL encoding such as "%20", nor part of "50%").
_PERCENT = re.compile(
    r"(?<![A-Za-z])(percentages?|percents?|per cent)(?![A-Za-z])|(?<![\w%])[%％](?![\w%])|百分比", re.I
)


@dataclass(frozen=True)
class UnitMention:
    start: int
    end: int
    text: str
    unit: str  # ISO currency or "percent"
    kind: str  # "money" | "percent"


def unit_mentions(text: str, lang: str | None = None) -> list[UnitMention]:
    """Currency and percent words that are not part of a figure of `text`."""
    taken = [(f.start, f.end) for f in extract_figures(text, lang)]
    found: list[UnitMention] = []
    for pattern, kind in ((_EN_CURRENCY, "money"), (_ZH_CURRENCY, "money"), (_PERCENT, "percent")):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            word = m.group().lower().rstrip("s") if kind == "money" and m.group().isascii() else m.group()
            unit = (EN_CURRENCY_WORDS.get(word) or ZH_CURRENCIES.get(word) or "?") if kind == "money" else "percent"
            found.append(UnitMention(m.start(), m.end(), m.group(), unit, kind))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda u: u.start)
