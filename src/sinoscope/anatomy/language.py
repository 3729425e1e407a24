"""Per-paragraph language (en / zh / other) and Chinese script (Hans / Hant).

Chinese is recognised by its characters, not by a statistical model: a CJK-ratio check
is exact for our two languages and robust on short lines. Text in other alphabets
(Cyrillic, Greek, Arabic…) is "other"; Latin-script text goes to py3langid (restricted
to the common Latin-script languages) only to tell English from other languages, and
a page whose long paragraphs are in another language has its short lines (title,
headings) labelled "other" too, with the language's code in `doc.meta["language"]`.
Traditional Chinese is normalised to Simplified with OpenCC for analysis; the
original text is kept.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from ..doc import Doc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Languages a Latin-script page is told apart from English with; any of them other than English is "other".
_LANGID_SET = ["en", "zh", "ja", "ko", "fr", "de", "es", "pt", "it", "ru", "nl", "id", "ms", "tr", "pl", "sv", "da",
               "no", "fi", "cs", "ro", "hu", "vi", "tl", "ca"]
# Letters of other alphabets (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, …).
_OTHER_LETTERS = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f]")
_LONG_LATIN = 40
# Function words no other common Latin-script language writes as words ("in", "is", "to", "on", "for",
# "was", "die" are left out: Dutch, German, Polish, Danish, French use them too).
_ENGLISH_ONLY = (
    "the of and that with which would have has been from this they their were not but are its who "
    "she his said there what when than these those could should about into after")
_ENGLISH_ONLY_WORDS = frozenset(_ENGLISH_ONLY.split())
# Lower-case function words of the other languages (as written: "Dan" the name is not Indonesian "dan").
_FOREIGN_FUNCTION = (
    "der das und nicht ist dass eine het een niet zijn yang dan dengan untuk akan itu les est une qui pour dans "
    "los las por con una para del que uma com della sono ang ng mga og och att som er det ikke inte jest nie oraz "
    "il di da lo gli y en et le la al du des au")
_FOREIGN_FUNCTION_WORDS = frozenset(_FOREIGN_FUNCTION.split())
_ASCII_WORD = re.compile(r"[A-Za-z]+")
# Anything beyond ASCII, Latin-1 punctuation and general punctuation (curly quotes, dashes).
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\u00a0-\u00bf\u2000-\u206f]")


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@functools.cache
def _langid():
    from .langid_model import restricted_identifier

    return restricted_identifier(_LANGID_SET)


def to_simplified(text: str) -> str:
    """Traditional → Simplified, phrase-level; returns `text` itself when lengths would differ,
    so offsets computed on the result stay valid on the original."""
    converted = _t2s().convert(text)
    return converted if len(converted) == len(text) else text


def detect_language(text: str) -> str:
    return identify_language(text)[0]


def identify_language(text: str) -> tuple[str, str | None]:
    """(en | zh | other, the language's code when a statistical model named it)."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    if _KANA_HANGUL.search(text) and len(_KANA_HANGUL.findall(text)) * 4 > han:
        return "other", None
    other = len(_OTHER_LETTERS.findall(text))
    if other > latin and han * 2.5 < other:
        # Russian, Greek, Arabic: "AI" inside a Cyrillic sentence is not English.
        return "other", (_langid().classify(text)[0] if other >= _LONG_LATIN else None)
    # A Chinese character carries about as much as 2.5 Latin letters: a Chinese sentence
    # quoting "ASML" stays zh, an English byline with a short Chinese gloss stays en.
    if han and han * 2.5 >= latin:
        return "zh", "zh"
    if latin == 0:
        return "other", None
    if latin < _LONG_LATIN:
        return "en", None
    if _plainly_english(text):
        return "en", "en"
    ranked = _langid().rank(text)
    lang = ranked[0][0]
    english = next((p for code, p in ranked if code == "en"), 0.0)
    # Unsure between English and the rest: English. Unsure only among others (Indonesian or Malay): other.
    return ("en", "en") if lang == "en" or english >= 0.1 else ("other", lang)


def _plainly_english(text: str) -> bool:
    """Plain-ASCII, mostly lower-case prose in which a tenth of the words are English-only function words: py3langid
    (which answers English whenever English gets 10%) always agrees, so skip the model — and its
    load, on an all-English page."""
    if _NON_ASCII_LETTER.search(text):
        return False
    words = _ASCII_WORD.findall(text)
    # Capitals throw py3langid off (an all-caps English licence reads as Polish to it): model those.
    if sum(1 for word in words if word.isupper()) * 5 > len(words):
        return False
    english = sum(1 for word in words if word.lower() in _ENGLISH_ONLY_WORDS)
    foreign = sum(1 for word in words if word in _FOREIGN_FUNCTION_WORDS)
    # A German or Tagalog sentence quoting English in passing goes to the model.
    return english >= 3 and english * 10 >= len(words) and foreign * 8 <= english


def detect_script(text: str) -> tuple[str, str]:
    """('Hant' | 'Hans', simplified text) for a Chinese paragraph."""
    simplified = to_simplified(text)
    changed = sum(1 for a, b in zip(text, simplified, strict=False) if a != b)
    han = len(_HAN.findall(text)) or 1
    return ("Hant" if changed >= 2 and changed / han >= 0.04 else "Hans"), simplified


def language(doc: Doc) -> None:
    named: Counter[str] = Counter()
    for paragraph in doc.paragraphs:
        paragraph.lang, code = identify_language(paragraph.text)
        if code and code != "zh":
            named[code] += len(paragraph.text)
        if paragraph.lang == "zh":
            paragraph.script, paragraph.norm = detect_script(paragraph.text)
        else:
            paragraph.norm = paragraph.text
    # A German or Indonesian page: its short lines (title, headings) are German too, not English.
    if named:
        page_code, size = named.most_common(1)[0]
        if page_code != "en" and size > named["en"]:
            doc.meta["language"] = page_code
            for paragraph in doc.paragraphs:
                if paragraph.lang == "en" and len(_LATIN.findall(paragraph.text)) < _LONG_LATIN:
                    paragraph.lang = "other"
