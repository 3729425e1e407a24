"""Bytes → text, for pages in UTF-8, GBK/GB18030, Big5 and friends.

Chinese pages from the 2000s are often GBK or Big5 and many lie about it in their
<meta charset>, so we trust, in order: a BOM, strict UTF-8, the declared charset if
it decodes cleanly, then the Chinese legacy codecs, then charset-normalizer's guess.
Binary input (NUL bytes, mostly control characters) is refused with a clear error.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_\-]{2,20})""", re.I)
# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses text.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs", "cp936": "gb18030"}
_FALLBACKS = ("gb18030", "big5hkscs")


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, or no encoding fits)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _codec(name: str) -> str | None:
    name = name.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few KB (HTML meta or XML prolog)."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return _codec(match.group(1).decode("ascii")) if match else None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`, raising DecodeError for binary content."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec)
    if looks_binary(data):
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise DecodeError("input looks binary (NUL or control bytes), not a text or HTML page")
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    lenient = data.decode("utf-8", errors="replace")
    damaged = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ch > "\x7f") - damaged
    # Legacy Chinese bytes read as UTF-8 are nearly all damage; UTF-8 with a few broken bytes
    # is nearly all well-formed multibyte characters.
    if damaged <= max(2, len(lenient) // 500) or multibyte >= 3 * damaged:
        # Mostly UTF-8 with a few broken bytes: keep the text, mark the damage with U+FFFD.
        return Decoded(lenient, "utf-8 (with replacements)")
    candidates = [c for c in (_codec(declared) if declared else None, declared_charset(data)) if c]
    decodings = [(codec, _strict(data, codec)) for codec in dict.fromkeys([*candidates, *_FALLBACKS])]
    scored = [
        (_plausibility(text) + (0.01 if codec in candidates else 0.0), codec, text)
        for codec, text in decodings
        if text is not None
    ]
    if scored:
        _, codec, text = max(scored, key=lambda item: item[0])
        return Decoded(text, codec)
    # No codec fits exactly: a legacy page with a few bad bytes. Take the reading with the
    # fewest replacement characters; only when every reading is badly damaged ask for a guess.
    lenient_readings = [(lenient, "utf-8")] + [
        (data.decode(codec, errors="replace"), codec) for codec in dict.fromkeys([*candidates, *_FALLBACKS])
    ]
    text, codec = min(lenient_readings, key=lambda reading: (reading[0].count("\ufffd"), -_plausibility(reading[0])))
    if text.count("\ufffd") > len(text) // 20:
        guess = _guess(data)
        if guess is not None:
            return guess
    return Decoded(text, f"{codec} (with replacements)")


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a BOM (Windows tools do): its Latin characters put NUL bytes on every other
    byte, which looks binary. Accepted only if one byte order decodes to clean, plausible text."""
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or max(even, odd) < 8 * max(1, min(even, odd)):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    text = _strict(data, codec)
    if text is None:
        return None
    head = text[:20000]
    controls = sum(1 for ch in head if ch < " " and ch not in "\t\n\r\f")
    if controls > len(head) // 200 or _plausibility(head) < 0.9:
        return None
    return Decoded(text, codec)


def _plausibility(text: str) -> float:
    """Share of characters a Chinese or English page is made of: GBK bytes read as Big5
    (or the reverse) decode without error but yield kana, Hangul and rare ideographs."""
    sample = text[:20000]
    if not sample:
        return 0.0
    usual = sum(
        1
        for ch in sample
        if ch < "\u0250"
        or "\u4e00" <= ch <= "\u9fff"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2000" <= ch <= "\u206f"
    )
    return usual / len(sample)


def _guess(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the codecs above cover the pages we meet
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    return Decoded(data.decode(best.encoding, errors="replace"), best.encoding)
