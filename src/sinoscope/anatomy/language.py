"""Per-paragraph language (en / zh / other) and Chinese script (Hans / Hant).

Chinese is recognised by its characters, not by a statistical model: a CJK-ratio check
is exact for our two languages and robust on short lines. Latin-script text goes to
py3langid (restricted to a handful of languages) only to tell English from other
languages. Traditional Chinese is normalised to Simplified with OpenCC for analysis; the
original text is kept.
"""

from __future__ import annotations

import functools
import re

from ..doc import Doc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LANGID_SET = ["en", "zh", "ja", "ko", "fr", "de", "es", "pt", "it", "ru", "nl"]


@functools.cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@functools.cache
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_LANGID_SET)
    return identifier


def to_simplified(text: str) -> str:
    """Traditional → Simplified, phrase-level; returns `text` itself when lengths would differ,
    so offsets computed on the result stay valid on the original."""
    converted = _t2s().convert(text)
    return converted if len(converted) == len(text) else text


def detect_language(text: str) -> str:
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    if _KANA_HANGUL.search(text) and len(_KANA_HANGUL.findall(text)) * 4 > han:
        return "other"
    # A Chinese character carries about as much as 2.5 Latin letters: a Chinese sentence
    # quoting "ASML" stays zh, an English byline with a short Chinese gloss stays en.
    if han and han * 2.5 >= latin:
        return "zh"
    if latin == 0:
        return "other"
    if latin < 40:
        return "en"
    lang, prob = _langid().classify(text)
    return "en" if lang == "en" or prob < 0.9 else "other"


def detect_script(text: str) -> tuple[str, str]:
    """('Hant' | 'Hans', simplified text) for a Chinese paragraph."""
    simplified = to_simplified(text)
    changed = sum(1 for a, b in zip(text, simplified, strict=False) if a != b)
    han = len(_HAN.findall(text)) or 1
    return ("Hant" if changed >= 2 and changed / han >= 0.04 else "Hans"), simplified


def language(doc: Doc) -> None:
    for paragraph in doc.paragraphs:
        paragraph.lang = detect_language(paragraph.text)
        if paragraph.lang == "zh":
            paragraph.script, paragraph.norm = detect_script(paragraph.text)
        else:
            paragraph.norm = paragraph.text
