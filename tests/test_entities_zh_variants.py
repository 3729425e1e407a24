"""A transliterated person a Chinese page writes two ways, towns the page writes with 市, bodies the tagger ran on
or read from a common word. Sentences are samples written for these tests (fictional people, firms and places)."""

from __future__ import annotations

import pytest

from sinoscope.doc import LinkedEntity
from sinoscope.entities.discover_zh import ChineseNames
from sinoscope.entities.stage import EntityStage, page_of


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()


def entities_of(stage: EntityStage, *texts: str) -> list[LinkedEntity]:
    doc = page_of(list(texts))
    stage(doc)
    return doc.layers["entities"]


def people(entities: list[LinkedEntity]) -> list[LinkedEntity]:
    return [e for e in entities if e.contract_type == "person"]


def test_the_same_sounds_in_other_characters_are_one_person(stage):
    found = people(entities_of(stage, "样本球员马修·卡佩思今天打出了好成绩。", "卡佩斯说他对比赛很满意。"))
    assert len(found) == 1 and found[0].name == "马修·卡佩思" and "卡佩斯" in found[0].aliases


def test_a_surname_after_a_full_name_written_without_separator_is_that_person(stage):
    found = people(entities_of(stage, "样本公司发言人萨拉莫伦德斯出席了发布会。", "莫伦德斯答道，公司不会裁员。"))
    assert [e.name for e in found] == ["萨拉莫伦德斯"]


def test_a_full_name_cut_by_its_last_syllable_is_the_page_person(stage):
    found = people(entities_of(stage, "歌手阿德里娜·卡维兰德登台演出。", "阿德里娜·卡维兰的新专辑下周发行。"))
    assert [e.name for e in found] == ["阿德里娜·卡维兰德"]


def test_two_different_people_stay_apart(stage):
    found = people(entities_of(stage, "样本队的马修·卡佩思和托马斯·卡佩斯是兄弟。"))
    assert len(found) == 2


def test_a_town_the_page_writes_with_shi_is_a_place_when_bare(stage):
    entities = entities_of(stage, "周五，几百人聚集在巴洛市海滩参加节日聚会。", "巴洛遭到风暴的消息很快传开。",
                           "样本救援队说巴洛以北的道路已经中断。")
    assert not people(entities)


def test_two_sounded_pieces_are_one_transliteration_but_a_list_of_chinese_names_is_not():
    names = ChineseNames()
    joined = {(f.text, f.type) for f in names.find("样本汽车总裁詹姆士潘迪拉说市场潜力巨大。")}
    assert ("詹姆士潘迪拉", "person") in joined
    listed = {f.text for f in names.find("朱良朱森林乔石出席了会议。")}
    assert "朱良朱森林" not in listed


def test_a_transliteration_listed_with_a_place_is_a_place(stage):
    entities = entities_of(stage, "该组织在敦夫里斯和加洛韦的庄园建立了保护区。")
    assert not people(entities)
    beside_a_country = entities_of(stage, "样本议员卡瓦特与美国达成了协议。")
    assert [e.name for e in people(beside_a_country)] == ["卡瓦特"]


def test_an_organisation_the_tagger_ran_on_into_a_verb_is_trimmed():
    texts = {f.text for f in ChineseNames().find("上海恒达丰律师事务所有关律师表示不满。") if f.type == "org"}
    assert texts == {"上海恒达丰律师事务所"}


def test_a_common_word_ending_like_a_head_is_no_body():
    names = ChineseNames()
    assert not [f for f in names.find("朋友将伤得不轻的曾志伟头部包扎后送往医院。") if f.type == "org"]
    assert not [f for f in names.find("加泰罗尼亚当局表示不会让步。") if f.type == "org"]
    assert ("郑州市邮政局", "org") in {(f.text, f.type) for f in names.find("郑州市邮政局的局长说。")}


def test_a_known_body_with_a_bare_organisation_head_is_that_body(stage):
    entities = entities_of(stage, "样本评论员认为联合国组织的行动太慢。")
    assert "un" in {e.key for e in entities} or any(e.name == "United Nations" for e in entities)


def test_a_body_the_tagger_reads_whole_keeps_a_common_word_head():
    names = ChineseNames()
    assert ("美国太平洋总部", "org") in {(f.text, f.type) for f in names.find("致函的有：美国太平洋总部司令。")}
    assert not [f for f in names.find("天津市干部群众参加义务劳动。") if f.type == "org"]


def test_a_run_of_chinese_names_is_not_one_transliteration():
    listed = {f.text for f in ChineseNames().find("刘华清胡锦涛朱育理朱森林出席了会议。")}
    assert "朱育理朱森林" not in listed


def test_latin_names_listed_with_an_organisation_are_organisations(stage):
    orgs = {e.name for e in entities_of(stage, "样本基金投资了 Microsoft、Zorvex 和 Plentia，金额未披露。")
            if e.contract_type == "org"}
    assert {"Zorvex", "Plentia"} <= orgs
    products = entities_of(stage, "它类似于Google Drive、Microsoft Outlook、Zorvex和 Plentia，这些工具可以同时使用。")
    assert not {"Zorvex", "Plentia"} & {e.name for e in products if e.contract_type == "org"}


def test_a_list_closed_by_deng_and_a_category_a_few_words_on_names_businesses(stage):
    orgs = {e.name for e in entities_of(stage, "Nordlane和Quixa等知名品牌都降价了。") if e.contract_type == "org"}
    assert {"Nordlane", "Quixa"} <= orgs


def test_a_chinese_abbreviation_is_its_body_but_a_word_left_out_names_another():
    from sinoscope.entities.compound_zh import abbreviates

    assert abbreviates("北大", "北京大学") and abbreviates("河南师大", "河南师范大学")
    assert abbreviates("山东高院", "山东省高级人民法院") and abbreviates("江西工商局", "江西省工商局")
    assert not abbreviates("中国银行", "中国工商银行")  # 工商 left out whole: another bank
    assert not abbreviates("北京大学", "北京大学出版社") and not abbreviates("中信", "中国信达资产管理公司")


def test_an_abbreviation_on_the_page_joins_the_full_name(stage):
    orgs = [e for e in entities_of(stage, "样本记者从江宁省高级人民法院获悉此事。", "江宁高院随后发布了通报。")
            if e.contract_type == "org"]
    assert len(orgs) == 1 and "江宁高院" in orgs[0].aliases


def test_a_body_named_without_its_place_is_the_page_body_named_with_it(stage):
    orgs = [e for e in entities_of(stage, "威尔士样本议会委员会正在起草法律。", "样本议会委员会表示会征求意见。")
            if e.contract_type == "org"]
    assert len(orgs) == 1 and orgs[0].name == "威尔士样本议会委员会"


def test_a_carmaker_and_its_bare_name_are_one_company(stage):
    orgs = [e for e in entities_of(stage, "福特汽车公布了新车。", "福特表示销量上升。") if e.contract_type == "org"]
    assert len(orgs) == 1 and "福特" in orgs[0].aliases


def test_the_fbi_in_chinese_and_english_is_one_agency(stage):
    entities = entities_of(stage, "样本报道称，联邦调查局（FBI）已经介入调查。", "FBI 随后发表了声明。")
    assert [e.key for e in entities if e.contract_type == "org"] == ["fbi"]


def test_a_leaders_or_partys_government_is_no_body():
    names = ChineseNames()
    assert ("佐科政府", "org") not in {(f.text, f.type) for f in names.find("佐科政府表示将提供援助。")}
    assert not [f for f in names.find("样本工党政府将提高税收。") if f.type == "org" and f.text.endswith("政府")]
