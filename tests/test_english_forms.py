"""English forms of names a Chinese page writes in Chinese (samples of our own writing; the Western names are
common names, the outlets and events fictional)."""

from __future__ import annotations

import pytest

from sinoscope.analyze import analyze_text
from sinoscope.claims.forecasts import extract_forecasts
from sinoscope.entities.english_forms import ProperNouns, org_forms, person_forms, pinyin_name, proper_nouns
from sinoscope.entities.identity import romanised_keys
from sinoscope.entities.transliterate_zh import english_spellings, is_given_name
from sinoscope.pipeline import Pipeline

_PLACES = frozenset({"英国", "美国"})


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_only_proper_nouns_with_a_name_for_a_gloss_are_kept():
    nouns = ProperNouns([
        "湯普森 汤普森 [Tang1 pu3 sen1] /Thompson (name)/\n",
        "克拉克 克拉克 [Ke4 la1 ke4] /Clark or Clarke (name)/\n",
        "時代 时代 [shi2 dai4] /age/era/epoch/\n",  # lower-case pinyin: a common word
        "時代 时代 [Shi2 dai4] /Time, US weekly news magazine/\n",  # a description, not a name
        "張 张 [Zhang1] /surname Zhang/\n",
        "豐田 丰田 [Feng1 tian2] /Toyota or Toyoda (name)/Toyota, Japanese car make/\n",
    ])
    assert nouns.get("汤普森") == ("Thompson",) and nouns.get("克拉克") == ("Clark", "Clarke")
    assert nouns.get("时代") == () and nouns.get("张") == ()
    assert nouns.leading("丰田英国公司") == ("丰田", "英国公司")


def test_a_transliterated_person_gets_the_english_of_its_parts():
    assert person_forms("大卫·汤普森") == ["David Thompson", "Thompson"]
    assert person_forms("约翰・史密斯")[0] == "John Smith"  # any of the separators
    # a given name the dictionary lacks is read from its transliteration; the surname keeps the dictionary's
    # own variants and gains no spelling beside them
    assert person_forms("格雷格·克拉克") == ["Greg Clark", "Greg Clarke", "Clark", "Clarke"]
    assert person_forms("亚当斯") == ["Adams"]  # a whole-name entry as it is


def test_a_chinese_name_is_read_in_pinyin():
    assert person_forms("宋青") == ["Song Qing"] and pinyin_name("欧阳明") == "Ouyang Ming"
    assert pinyin_name("汤普森") is None and pinyin_name("宋A") is None
    assert pinyin_name("翟明") == "Zhai Ming" and pinyin_name("曾青") == "Zeng Qing"  # a surname's own reading
    assert romanised_keys("方启元") == ("fangqiyuan", "qiyuanfang")  # identity's keys share the reading


def test_a_firm_gets_its_leading_name_only_before_a_company_head_or_place():
    assert org_forms("丰田英国公司", _PLACES)[0] == "Toyota"
    assert org_forms("丰田汽车公司", _PLACES)[0] == "Toyota"
    assert org_forms("丰田银行", _PLACES)[0] == "Toyota"
    # a foundation or a school named after someone is not called by that name alone (Ford is the carmaker)
    assert org_forms("福特基金会", _PLACES) == []
    assert org_forms("麦克斯韦学院", _PLACES) == []
    assert org_forms("福特样例研究小组", _PLACES) == []  # more words than a kind of body and a place
    assert org_forms("时代周报", _PLACES) == []  # an outlet only by its whole name


def test_the_dictionary_loads_once():
    assert proper_nouns() is proper_nouns() and len(proper_nouns().forms) > 500


def test_the_page_entity_keeps_its_name_and_gains_the_english_forms(pipeline):
    doc = analyze_text("样例标题\n\n虚构的样例晚报报道，大卫·汤普森表示，丰田英国公司明年可能会增加产量。",
                       pipeline=pipeline)
    by_name = {e.name: e for e in doc.layers["entities"]}
    assert "David Thompson" in by_name["大卫·汤普森"].aliases
    quotes = [q for q in doc.layers["quotes"] if q.speaker == "大卫·汤普森"]
    assert quotes and "David Thompson" in quotes[0].speaker_aliases
    forecasts = extract_forecasts(doc, doc.layers["quotes"])
    assert forecasts and "David Thompson" in forecasts[0].holder_aliases


def test_a_transliteration_reads_back_as_the_english_names_it_can_spell():
    assert english_spellings("格雷格")[:2] == ("Greg", "Gregg")
    assert english_spellings("马文")[0] == "Marvin"
    assert english_spellings("罗森伯格")[0] == "Rosenberg"
    assert english_spellings("沃顿") == ("Walton",)  # 沃 is wal where 尔 is left out
    assert "Cooke" in english_spellings("库克")  # the dictionary's Cook and the other spelling
    assert english_spellings("卢克")[0] == "Luke"  # a given name before an everyday word (Luck)
    assert is_given_name("Luke") and not is_given_name("Luck")


def test_no_spelling_for_what_is_not_a_transliteration():
    assert english_spellings("宋国青") == ()  # 国 and 青 are no transliteration characters
    assert english_spellings("斯") == ()  # one character alone says too little
    assert english_spellings("克克克克") == ()  # no English name spells that way


def test_a_name_with_no_dictionary_part_gets_full_english_forms():
    assert person_forms("马文·库克") == ["Marvin Cook", "Marvin Cooke", "Cook", "Cooke"]
    assert person_forms("萨拉·琼斯")[:2] == ["Sara Jones", "Sarah Jones"]  # two spellings of the given name
    assert person_forms("罗森伯格") == ["Rosenberg", "Rosenburg"]  # a surname alone: no pinyin for it
    assert person_forms("马文") == ["Marvin", "Maven"]  # 马文 could be Chinese, but both characters transliterate
    assert person_forms("宋国青") == ["Song Guoqing"]


def test_the_forecast_holder_of_a_transliterated_speaker_has_its_english_form(pipeline):
    doc = analyze_text("样例标题\n\n虚构的样例晚报报道，格雷格·沃顿表示，这家工厂明年可能会停产。", pipeline=pipeline)
    forecasts = extract_forecasts(doc, doc.layers["quotes"])
    assert forecasts and "Greg Walton" in forecasts[0].holder_aliases
