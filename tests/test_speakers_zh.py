"""Chinese pronouns resolved by what a name tells of a person's sex (sample sentences of our own writing; the
people and the institute are fictional)."""

from __future__ import annotations

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.speakers_zh import _sex
from sinoscope.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_a_name_tells_a_man_or_a_woman_only_when_it_can():
    assert _sex("大卫·汤普森") == "m" and _sex("格雷格·贝克") == "m"  # a man's given name
    assert _sex("萨拉贝克") == "f"  # a woman's given name run on into the surname
    assert _sex("泰勒·史密斯") == "" and _sex("王建国") == ""  # nothing to tell
    assert _sex("萨拉") == ""  # a given name alone may be anyone's surname-less mention


def test_she_skips_a_man_by_his_given_name(pipeline):
    body = ("样例研究所所长泰勒·史密斯出席了周一的发布会。\n\n研究员大卫·汤普森介绍了新设备。\n\n"
            "她表示，这款设备会先在欧洲上市。")
    doc = analyze_text("样例标题\n\n" + body, pipeline=pipeline)
    said = [q for q in doc.layers["quotes"] if "欧洲" in q.text]
    assert said and said[0].speaker == "泰勒·史密斯"
