"""Chinese organisations by their construction: a Latin name with a company suffix, a place the tagger ran
on into the next word, a named church or store, a company's arm in a country, two bodies fused.
Sentences are samples written for these tests (fictional people, firms, places and outlets)."""

from __future__ import annotations

import pytest

from sinoscope.doc import LinkedEntity
from sinoscope.entities.discover_zh import place_fused_with_word
from sinoscope.entities.latin_zh import latin_company
from sinoscope.entities.stage import EntityStage, analyse_string, page_of


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()


def found(stage: EntityStage, text: str) -> set[tuple[str, str]]:
    return {(name, kind) for _, _, name, kind in analyse_string(stage, text)}


def entities_of(stage: EntityStage, *texts: str) -> list[LinkedEntity]:
    doc = page_of(list(texts))
    stage(doc)
    return doc.layers["entities"]


def test_a_latin_name_with_a_company_suffix_is_the_latin_name(stage):
    assert latin_company("Quillon公司") == "Quillon"
    assert latin_company("青禾公司") == ""
    ents = entities_of(stage, "Quillon公司总裁周明远表示，公司将扩大生产。")
    org = next(e for e in ents if "Quillon" in e.name)
    assert "Quillon" in (org.name, *org.aliases)


def test_a_place_run_on_into_a_verb_is_the_place_not_a_body(stage):
    text = "他早年在莫斯科学理工科，后来回国。"
    start = text.index("莫斯科")
    assert place_fused_with_word(text, start, start + 4) == "莫斯科"
    names = found(stage, text)
    assert ("莫斯科学", "org") not in names
    assert place_fused_with_word("他们在青山大学任教。", 3, 7) == ""  # a head ends a body


def test_a_named_church_or_department_store_is_an_organisation(stage):
    assert ("圣文森特教堂", "org") in found(stage, "圣文森特教堂的钟声昨晚再次响起。")
    assert ("南湖百货", "org") in found(stage, "他在南湖百货工作了十年。")
    assert ("基督教堂", "org") not in found(stage, "镇上的基督教堂今年关闭。")  # a church of Christ: none named
    assert ("圣文森特修道院教堂", "org") not in found(stage, "圣文森特修道院教堂建于十二世纪。")  # a building
    assert ("圣文森特大教堂", "org") not in found(stage, "圣文森特大教堂建于十二世纪。")  # a diocese's seat


def test_a_union_is_a_body_by_its_head(stage):
    assert ("加拿大造纸工会", "org") in found(stage, "加拿大造纸工会表示将举行罢工。")


def test_a_companys_arm_in_a_country_is_the_company(stage):
    ents = entities_of(stage, "丰禾英国公司表示，如果谈判失败，丰禾英国公司将暂停生产。",
                       "丰禾公司表示，丰禾在英国只有一家工厂。")
    orgs = [e for e in ents if e.type != "place" and "丰禾" in e.name]
    assert len(orgs) == 1 and "丰禾" in orgs[0].aliases


def test_two_bodies_fused_after_an_agency_keep_the_second_as_an_alias(stage):
    ents = entities_of(stage, "根据晨光社青山大学的联合民调，他领先五个百分点。")
    assert any(e.name == "晨光社青山大学" and "青山大学" in e.aliases for e in ents)
