"""Names on real text: Chinese discovery from the shared tagger, English precision, one entity per identity,
language ID. Sentences are samples written for these tests (fictional people, firms and outlets)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sinoscope.anatomy.language import identify_language, language
from sinoscope.doc import Doc, LinkedEntity, Pair, Paragraph
from sinoscope.entities.discover_zh import is_common_word
from sinoscope.entities.stage import EntityStage, analyse_string, page_of

ZH_WEB = Path(__file__).resolve().parents[1].parent / "shared/datasets/main-content-extraction/zh-web-content/cleaned"


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()


def entities_of(stage: EntityStage, *texts: str, pairs: tuple[tuple[int, int], ...] = ()) -> list[LinkedEntity]:
    doc = page_of(list(texts))
    doc.pairs = [Pair(en, zh, 1.0) for en, zh in pairs]
    stage(doc)
    for m in doc.layers["mentions"]:
        assert doc.text[m.start:m.end] == m.text
    return doc.layers["entities"]


def named(entities: list[LinkedEntity], kind: str) -> list[LinkedEntity]:
    return [e for e in entities if e.contract_type == kind]


# -- Chinese discovery ------------------------------------------------------------------------------------
def test_chinese_org_by_its_head_and_outlet_in_title_marks(stage):
    found = {(text, kind) for _, _, text, kind in analyse_string(
        stage, "样例：据《青川晨报》报道，澜沧星图科技有限公司与北岭大学合作成立了新实验室。")}
    assert ("青川晨报", "org") in found
    assert ("澜沧星图科技有限公司", "org") in found
    assert ("北岭大学", "org") in found


def test_a_country_and_a_trade_describe_a_company(stage):
    found = analyse_string(stage, "样例：一家美国芯片公司和几家美国实验室表示愿意合作。")
    assert not [f for f in found if f[3] == "org"]


def test_common_words_are_never_names(stage):
    found = analyse_string(stage, "样例：孩子们在城市里长大，喜欢美丽的东西，也喜欢太阳。")
    assert [f for f in found if f[3] in ("person", "org")] == []
    assert not {text for _, _, text, _ in found} & {"东西", "城市", "长大", "太阳", "美丽"}
    assert is_common_word("东西") and not is_common_word("莫斯科")


def test_transliterated_names_join_across_separators_and_titles_are_cut(stage):
    found = {(text, kind) for _, _, text, kind in analyse_string(
        stage, "样例：虚构议员迈克·索恩和奥林·巴特菲尔德周二会见了江主席，吕女士没有出席。")}
    assert ("迈克·索恩", "person") in found and ("奥林·巴特菲尔德", "person") in found
    assert ("江", "person") in found  # 江主席: the surname with an office names a person
    assert not any(text.startswith("吕") for text, _ in found)  # 吕女士: an unnamed private person


# -- English precision ------------------------------------------------------------------------------------
def test_english_names_without_roles_or_run_together_lists(stage):
    entities = entities_of(stage, "Sample: Lt Col Brannock Vell met rapper Tavio Quence, Orla Minter and "
                                  "the Harwick Institute for Tidal Study, according to the Daily Lantern.")
    people = {e.name for e in named(entities, "person")}
    assert "Brannock Vell" in people and "Tavio Quence" in people
    assert not any(name.startswith(("Lt", "Col", "rapper")) for name in people)
    assert not any("," in e.name for e in entities)


# -- one entity per identity ------------------------------------------------------------------------------
def test_chinese_name_meets_its_pinyin(stage):
    entities = entities_of(stage, "样例：虚构研究员方启元表示，新模型明年发布。",
                           "Sample: Fang Qiyuan, a fictional researcher, said the model ships next year.")
    people = named(entities, "person")
    assert len(people) == 1, people
    assert people[0].name == "Fang Qiyuan" and people[0].name_zh == "方启元"


def test_bracketed_original_name_joins(stage):
    entities = entities_of(stage, "样例：虚构委员会主席葛丽丝·沃恩（Grice Vaughn）表示，改名需要时间。")
    people = named(entities, "person")
    assert len(people) == 1, people
    assert {people[0].name, people[0].name_zh} == {"Grice Vaughn", "葛丽丝·沃恩"}


def test_acronym_and_its_expansion(stage):
    entities = entities_of(stage, "Sample: the Coastal Bureau of Tidal Records (CBTR) opened a fictional office.",
                           "Sample: A CBTR spokesperson said the office would stay open.")
    orgs = named(entities, "org")
    assert len(orgs) == 1, orgs
    assert orgs[0].name == "Coastal Bureau of Tidal Records" and "CBTR" in orgs[0].aliases
    assert len(orgs[0].mentions) == 3


def test_a_given_name_alone_joins_the_full_name(stage):
    entities = entities_of(stage, "Sample: Jeremiah Olcott, a fictional MP, spoke first. Later Jeremiah left.")
    assert [e.name for e in named(entities, "person")] == ["Jeremiah Olcott"]


def test_ambiguous_city_links_when_the_page_names_its_country(stage):
    entities = entities_of(stage, "样例：中国的虚构企业纷纷在北京设立研发中心。")
    assert "beijing" in {e.key for e in entities}
    assert not [e for e in entities if not e.known and e.name_zh == "北京"]


# -- language ID ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,code", [
    ("Пример: президент заявил, что AI будет важен для экономики страны в будущем.", None),
    ("Exemplo: o presidente afirmou nesta terça-feira que o governo vai investir em inteligência artificial.", "pt"),
    ("Contoh: pemerintah mengumumkan rencana baru untuk kecerdasan buatan dan teknologi digital tahun ini.", "id"),
    ("Beispiel: der Minister sagte am Dienstag, die Regierung werde mehr in künstliche Intelligenz investieren.",
     "de"),
    ("Esempio: il governo ha annunciato un nuovo piano per l'intelligenza artificiale e la tecnologia.", "it"),
])
def test_other_languages_are_not_english(text, code):
    lang, found = identify_language(text)
    assert lang == "other"
    assert code is None or found == code


def test_a_foreign_page_labels_its_short_lines_too():
    long_line = ("Beispiel: der Minister sagte am Dienstag, die Regierung werde mehr in künstliche Intelligenz "
                 "investieren.")
    doc = Doc(source="<sample>", text="")
    for text in ("Neue Pläne", long_line, long_line.replace("Dienstag", "Mittwoch")):
        doc.append_paragraph(text)
    language(doc)
    assert [p.lang for p in doc.paragraphs] == ["other"] * 3
    assert doc.meta["language"] == "de"
    english = "Sample: the minister said on Tuesday that the government would invest more in artificial intelligence."
    assert identify_language(english)[0] == "en"


# -- real pages (skipped without ../shared) ---------------------------------------------------------------
@pytest.mark.skipif(not ZH_WEB.is_dir(), reason="../shared datasets are absent")
def test_most_frequent_names_on_real_chinese_pages_are_not_common_words(stage):
    counts: Counter[tuple[str, str]] = Counter()
    for path in sorted(ZH_WEB.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8", errors="replace").splitlines() if p.strip()]
        doc = page_of(paragraphs)
        doc.paragraphs = [p for p in doc.paragraphs if p.lang == "zh"]
        stage(doc)
        for entity in doc.layers["entities"]:
            if not entity.known:
                counts[(entity.name_zh or entity.name, entity.contract_type)] += 1
    top = counts.most_common(40)
    print("\n".join(f"{n:>3}  {kind:7} {name}" for (name, kind), n in top))
    assert len(top) == 40
    words = [name for (name, _), _ in top]
    assert not [w for w in words if is_common_word(w)], top
    assert not [w for w in words if len(w) == 1], top
    assert not {"东西", "城市", "长大", "太阳", "美丽"} & set(words)


def test_page_of_paragraph_offsets():
    doc = page_of(["样例：甲。", "Sample: b."])
    assert all(isinstance(p, Paragraph) and doc.text[p.start:p.end] == p.text for p in doc.paragraphs)


def test_word_counts_are_jiebas_dictionary_counts_and_a_words_prefix_counts_nothing() -> None:
    from sinoscope.entities.discover_zh import _segmenter, word_frequency

    dictionary = _segmenter().FREQ  # one copy of jieba's dictionary serves the segmenter and the counts
    assert word_frequency("城市") == dictionary["城市"] > 1000
    assert word_frequency("中华人民共") == 0  # a prefix jieba keeps for its segmenter, not a word
    assert word_frequency("样例之外的词") == 0
