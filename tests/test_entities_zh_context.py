"""Chinese names by their construction: places where places stand, transliterations the tagger cut or ran
on, credit lines, Latin names in Chinese prose, and one entity per identity from the page's own names.
Sentences are samples written for these tests (fictional people, firms, places and outlets)."""

from __future__ import annotations

import pytest

from sinoscope.doc import LinkedEntity
from sinoscope.entities.context_zh import in_place_context, is_credit, joins_transliteration, run_on_length
from sinoscope.entities.latin_zh import latin_names
from sinoscope.entities.stage import EntityStage, analyse_string, page_of
from sinoscope.nlp.chinese import Token, tag_text


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()


def tokens(*pieces: tuple[str, str]) -> list[Token]:
    out, pos = [], 0
    for text, tag in pieces:
        out.append(Token(pos, pos + len(text), text, tag))
        pos += len(text)
    return out


def entities_of(stage: EntityStage, *texts: str) -> list[LinkedEntity]:
    doc = page_of(list(texts))
    stage(doc)
    return doc.layers["entities"]


def found(stage: EntityStage, text: str) -> set[tuple[str, str]]:
    return {(name, kind) for _, _, name, kind in analyse_string(stage, text)}


# -- places where places stand ------------------------------------------------------------------------------
def test_a_name_after_a_locative_or_a_place_stands_where_a_place_stands():
    assert in_place_context(tokens(("救援队", "n"), ("前往", "v"), ("塔维索", "PER"), ("，", "w")), 2)
    assert in_place_context(tokens(("俄勒冈州", "LOC"), ("塔维索", "PER"), ("举行", "v")), 1)
    assert in_place_context(tokens(("居民", "n"), ("疏散", "v"), ("到", "v"), ("塔维索", "PER")), 3)


def test_a_persons_frame_is_not_a_place():
    # 在X的推动下 and 在X看来 are a person's doing and view; 提到X is no motion; 村民周晓丰 is a villager.
    assert not in_place_context(tokens(("在", "p"), ("莫尔班", "PER"), ("的", "u"), ("推动", "vn"), ("下", "f")), 1)
    assert not in_place_context(tokens(("在", "p"), ("莫尔班", "PER"), ("看来", "v")), 1)
    assert not in_place_context(tokens(("他", "r"), ("提", "v"), ("到", "v"), ("莫尔班", "PER")), 3)
    assert not in_place_context(tokens(("东岭村", "LOC"), ("周晓丰", "PER")), 1)


def test_the_page_reads_a_person_at_a_place_as_a_place(stage):
    entities = entities_of(stage, "样例：救援队伍前往塔维索，但道路受阻。", "样例：居民被疏散到塔维索的避难中心。")
    assert not [e for e in entities if e.contract_type == "person"]


# -- transliterations cut or run on ------------------------------------------------------------------------
def test_two_pieces_of_one_transliteration_join_but_a_list_of_chinese_names_does_not():
    assert joins_transliteration(tokens(("奇洛", "PER"), ("李维斯", "PER"), ("为", "v")), 0) == 1
    assert joins_transliteration(tokens(("弗拉迪米尔", "PER"), (".", "w"), ("科马洛夫", "PER")), 0) == 2
    assert joins_transliteration(tokens(("阿罗", "PER"), ("约", "d"), ("、", "w")), 0) == 1
    assert joins_transliteration(tokens(("朱良", "PER"), ("朱森林", "PER")), 0) == 0
    assert joins_transliteration(tokens(("佩林", "PER"), ("于", "p"), ("周一", "TIME")), 0) == 0


def test_a_verb_is_not_the_end_of_a_transliteration(stage):
    assert run_on_length("李成立") == 2 and run_on_length("道格曾") == 1
    assert run_on_length("斯皮思") == 0 and run_on_length("哈里斯") == 0
    assert ("蒂姆·伯纳斯·李", "person") in found(stage, "样例：发明者蒂姆·伯纳斯·李成立了一家公司。")


def test_a_reporters_credit_line_is_not_an_entity():
    line = "样例记者 林默 北京报道"
    assert is_credit(tag_text(line), next(i for i, t in enumerate(tag_text(line)) if t.text == "林默"))
    assert not is_credit(tokens(("林默", "PER"), ("说", "v")), 0)


# -- Latin names in Chinese prose ---------------------------------------------------------------------------
def test_latin_names_are_read_whole_and_by_the_chinese_around_them(stage):
    assert ("Brian O'Malley", "person") in found(stage, "样例：探长 Brian O'Malley 说，案件还在调查。")
    assert ("Harrow Vale 监狱", "org") in found(stage, "样例：骚乱发生在 Harrow Vale 监狱。")
    assert ("Pemberly", "person") in found(stage, "样例：Pemberly 先生表示，情况很糟。")
    assert not [n for n, k in found(stage, "样例：第二家门店将在伯明翰的 Copper Lane 开业。") if k == "person"]


def test_a_company_suffix_is_not_part_of_a_latin_name():
    text = "样例：受困于 Quillmoor公司 的员工。"
    assert [(f.text, f.type) for f in latin_names(text, tag_text(text))] == [("Quillmoor", "org")]


def test_a_category_word_names_a_list_of_businesses_and_a_report_its_outlet(stage):
    names = found(stage, "样例：超市将引入 Fennick、Orlo 和 Dr. Pimm 等品牌。")
    assert {("Fennick", "org"), ("Orlo", "org"), ("Dr. Pimm", "org")} <= names
    assert ("Blipster", "org") in found(stage, "样例：据Blipster报道，会议推迟。")


# -- one entity per identity --------------------------------------------------------------------------------
def test_a_club_and_its_bare_name_are_one_organisation(stage):
    entities = entities_of(stage, "样例：罗斯带领阿洛拉队重返第三级。", "样例：他曾执教阿洛拉。")
    club = [e for e in entities if e.name_zh == "阿洛拉队"]
    assert club and club[0].contract_type == "org" and "阿洛拉" in club[0].aliases


def test_a_latin_name_joins_the_body_named_after_it(stage):
    entities = entities_of(stage, "样例：受困于 Harrow Vale 监狱的人很多。", "样例：HMP Harrow Vale 关押了500名犯人。")
    assert [e.contract_type for e in entities] == ["org"]


def test_chinese_names_the_tagger_cut_are_mended_from_the_page(stage):
    entities = entities_of(stage, "样例：苏银霞说，她借了钱。", "样例：在苏银霞源工贸的财务室里，他们谈了很久。")
    assert [e.name_zh for e in entities if e.contract_type == "person"] == ["苏银霞"]
    entities = entities_of(stage, "样例：梁思浩与朋友喝茶。", "样例：思浩表示事发地点并非餐厅。")
    # one person, the given name its alias (its pinyin form is an alias too: english_forms)
    assert [(e.name_zh, e.aliases) for e in entities if e.contract_type == "person"] == [
        ("梁思浩", ["思浩", "Liang Sihao"])]


def test_a_bare_kb_surname_yields_to_the_pages_own_person(stage):
    entities = entities_of(stage, "样例：伤者包括德维·哈里斯在内。", "样例：当德维·哈里斯说起那天时很平静。",
                           "样例：“房子塌了，”哈里斯告诉记者。")
    assert [(e.name_zh, e.known) for e in entities if e.contract_type == "person"] == [("德维·哈里斯", False)]
    entities = entities_of(stage, "样例：卡玛拉·哈里斯出席了会议。", "样例：哈里斯告诉记者。")
    assert [e.name for e in entities if e.contract_type == "person"] == ["Kamala Harris"]


def test_a_transliterated_name_and_its_tail_are_one_person(stage):
    entities = entities_of(stage, "样例：发明者蒂姆·伯纳斯·李说，项目已经启动。", "样例：伯纳斯·李表示他很满意。")
    assert [e.name_zh for e in entities if e.contract_type == "person"] == ["蒂姆·伯纳斯·李"]


def test_someones_mother_is_not_a_name(stage):
    assert not found(stage, "样例：之后杨母便致电报警求助。")


# -- organisations inside organisations, governments, peoples -----------------------------------------------
def test_a_body_named_inside_its_parent_or_after_its_place_keeps_its_short_name(stage):
    entities = entities_of(stage, "样例：雪域大学麦克斯韦学院政治学教授表示。")
    assert [(e.name_zh, e.aliases) for e in entities if e.contract_type == "org"] == [
        ("雪域大学麦克斯韦学院", ["麦克斯韦学院"])]
    entities = entities_of(stage, "样例：据内华达州克拉克县地方法院的文件显示。")
    assert [(e.name_zh, e.aliases) for e in entities if e.contract_type == "org"] == [
        ("内华达州克拉克县地方法院", ["克拉克县地方法院"])]


def test_a_countrys_government_said_generically_is_no_organisation(stage):
    assert not [k for _, k in found(stage, "样例：美国政府和英国政府都表示关切。") if k == "org"]


def test_a_people_is_neither_a_person_nor_a_body(stage):
    names = found(stage, "样例：占多数的斯拉夫人和维吾尔族群众参加了投票。")
    assert not [k for _, k in names if k in ("person", "org")]


# -- tagger spans glued across word edges ------------------------------------------------------------------------
def test_a_record_label_and_a_military_unit_are_bodies_by_their_heads():
    from sinoscope.entities.discover_zh import ChineseNames

    text = "她签约星海唱片后随蓝盔部队出访"
    cut = tokens(("她", "r"), ("签约", "v"), ("星海", "ORG"), ("唱片", "n"), ("后", "f"), ("随", "p"),
                 ("蓝盔", "ORG"), ("部队", "n"), ("出访", "v"))
    assert {f.text for f in ChineseNames().find_in_tokens(text, cut)} >= {"星海唱片", "蓝盔部队"}


def test_a_preposition_before_a_numeral_or_an_unnamed_country_names_no_body():
    from sinoscope.entities.discover_zh import ChineseNames, generic_government

    text = "他从一块木板上跳下"
    cut = tokens(("他", "r"), ("从一块", "ORG"), ("木板", "n"), ("上", "f"), ("跳下", "v"))
    assert ChineseNames().find_in_tokens(text, cut) == []
    assert generic_government("外国政府") and not generic_government("特朗普政府")


def test_a_short_name_that_cuts_a_word_is_the_whole_word_or_nothing():
    from sinoscope.entities.discover_zh import ChineseNames

    names = ChineseNames()
    # 欧共|体时: the tagger cut 欧共体; jieba reads 欧共体|时, and the whole word alone is a body.
    text = "他提起欧共体时语气平淡"
    cut = tokens(("他", "r"), ("提起", "v"), ("欧共", "ORG"), ("体时", "n"), ("语气", "n"), ("平淡", "a"))
    assert [(f.text, f.type) for f in names.find_in_tokens(text, cut)] == [("欧共体", "org")]
    # 上海正|式: jieba reads 上海|正式, and 上海正式 is no word, so the tagger's 上海正 is no body at all.
    text = "他们在上海正式签约"
    cut = tokens(("他们", "r"), ("在", "p"), ("上海正", "ORG"), ("式", "n"), ("签约", "v"))
    assert [f.text for f in names.find_in_tokens(text, cut)] == []
    # A name that is a dictionary word stays when jieba runs it into a longer one: 东盟|国家.
    text = "东盟国家关注此事"
    cut = tokens(("东盟", "ORG"), ("国家", "n"), ("关注", "v"), ("此事", "r"))
    assert [(f.text, f.type) for f in names.find_in_tokens(text, cut)] == [("东盟", "org")]
    # A name whose edges are jieba's word edges stays as the tagger read it.
    text = "新专辑由华星引进内地"
    cut = tokens(("新", "a"), ("专辑", "n"), ("由", "p"), ("华星", "ORG"), ("引进", "v"), ("内地", "s"))
    assert [(f.text, f.type) for f in names.find_in_tokens(text, cut)] == [("华星", "org")]
