"""Bytes → text for the encodings Chinese and English news pages come in."""

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoscope.sources.decode import DecodeError, declared_charset, decode_bytes

SIMPLIFIED = "英伟达发布新芯片，华为与阿里巴巴跟进。这是样例文本。"
TRADITIONAL = "輝達發布新晶片，華為與阿里巴巴跟進。這是樣例文本。"


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb18030", "gb2312"])
def test_simplified_chinese_in_each_encoding(encoding):
    assert decode_bytes(SIMPLIFIED.encode(encoding)).text == SIMPLIFIED


def test_big5_is_not_mistaken_for_gbk():
    decoded = decode_bytes(TRADITIONAL.encode("big5"))
    assert decoded.text == TRADITIONAL
    assert decoded.encoding.startswith("big5")


def test_bom_wins_over_everything():
    data = codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le")
    assert decode_bytes(data).text == SIMPLIFIED


def test_declared_charset_is_read_from_meta():
    page = f'<html><head><meta charset="gbk"></head><body>{SIMPLIFIED}</body></html>'.encode("gbk")
    assert declared_charset(page) == "gb18030"
    assert SIMPLIFIED in decode_bytes(page).text


def test_broken_utf8_keeps_the_text_and_marks_the_damage():
    data = ("Nvidia and Huawei " * 50).encode() + b"\xff\xfe" + "英伟达".encode()
    decoded = decode_bytes(data)
    assert decoded.text.startswith("Nvidia and Huawei")
    assert "\ufffd" in decoded.text and decoded.text.endswith("英伟达")


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decode_or_raise_decode_error(data):
    try:
        decoded = decode_bytes(data)
    except DecodeError:
        return
    assert isinstance(decoded.text, str) and decoded.encoding
