"""Entities stage: gazetteer linking, discovery, cross-language merging (sample sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoscope.doc import Doc, LinkedEntity, Mention, Pair, Paragraph
from sinoscope.entities.linker import case_compatible
from sinoscope.entities.stage import EntityStage, analyse_string


@pytest.fixture(scope="session")
def stage() -> EntityStage:
    return EntityStage()


def make_doc(*paragraphs: tuple[str, str, str], pairs: tuple[tuple[int, int], ...] = ()) -> Doc:
    """A Doc from (text, lang, section) triples, paragraphs separated by blank lines."""
    from sinoscope.anatomy.language import to_simplified

    doc = Doc(source="<sample>", text="")
    offset, pieces = 0, []
    for text, lang, section in paragraphs:
        norm = to_simplified(text) if lang == "zh" else text
        doc.paragraphs.append(Paragraph(offset, offset + len(text), text, lang=lang, section=section, norm=norm))
        pieces.append(text)
        offset += len(text) + 2
    doc.text = "\n\n".join(pieces)
    doc.pairs = [Pair(en, zh, 1.0) for en, zh in pairs]
    return doc


def run(stage: EntityStage, doc: Doc) -> tuple[list[Mention], list[LinkedEntity]]:
    stage(doc)
    mentions, entities = doc.layers["mentions"], doc.layers["entities"]
    for m in mentions:
        assert doc.text[m.start:m.end] == m.text
    return mentions, entities


def ids(entities: list[LinkedEntity]) -> set[str]:
    return {e.key for e in entities}


def test_chinese_names_need_no_boundary_next_to_latin(stage):
    doc = make_doc(("样例：英伟达AI芯片供不应求，CEO黄仁勋在发布会上说。", "zh", "body"))
    mentions, entities = run(stage, doc)
    assert {"nvidia", "jensen_huang"} <= ids(entities)
    assert any(m.text == "黄仁勋" and m.entity == "jensen_huang" for m in mentions)
    huang = next(e for e in entities if e.key == "jensen_huang")
    assert huang.contract_type == "person" and huang.name == "Jensen Huang" and huang.name_zh == "黄仁勋"


def test_traditional_chinese_links_through_opencc(stage):
    doc = make_doc(("樣例：輝達宣布新一代晶片。", "zh", "body"))
    _, entities = run(stage, doc)
    assert "nvidia" in ids(entities)


def test_qwen_and_its_maker(stage):
    doc = make_doc(("样例：阿里巴巴发布了通义千问的新版本，千问的下载量随之上升。", "zh", "body"))
    mentions, entities = run(stage, doc)
    qwen = [m for m in mentions if m.entity == "qwen"]
    assert [m.text for m in qwen] == ["通义千问", "千问"]
    assert stage.kb.maker_of("qwen").id == "alibaba"
    assert next(e for e in entities if e.key == "qwen").contract_type == "product"


def test_meta_the_company_and_meta_the_word(stage):
    company = make_doc(("Sample: Meta, the company behind Facebook, said it would spend more on chips.", "en", "body"))
    _, entities = run(stage, company)
    assert "meta" in ids(entities)
    word = make_doc(("Sample: the meta question is whether a metaverse needs chips at all.", "en", "body"))
    _, entities = run(stage, word)
    assert "meta" not in ids(entities)


def test_latin_word_boundaries_and_acronym_case(stage):
    text = "Sample: the AMDAHL law and a mit-style licence were discussed at the metaverse fair."
    doc = make_doc((text, "en", "body"))
    _, entities = run(stage, doc)
    assert not {"amd", "mit", "meta"} & ids(entities)
    assert case_compatible("MIT", "MIT") and not case_compatible("MIT", "mit")
    assert case_compatible("Nvidia", "NVIDIA") and not case_compatible("Nvidia", "nvidia")


def test_longest_match_wins(stage):
    doc = make_doc(("Sample: Google DeepMind and Kimi K2 Thinking were compared by a fictional panel.", "en", "body"))
    mentions, _ = run(stage, doc)
    texts = {m.text for m in mentions}
    assert "Google DeepMind" in texts and "Google" not in texts
    assert any(t.startswith("Kimi K2") for t in texts) and "Kimi" not in texts


def test_alias_learned_across_a_pair_and_surname_mentions(stage):
    doc = make_doc(
        ("Sample: Oliver Brandtner, a strategist at a fictional fund, said chips matter. Brandtner was blunt.",
         "en", "body"),
        ("样例：一家虚构基金的策略师奥利弗·布兰特纳表示芯片很重要。布兰特纳说得很直接。", "zh", "body"),
        pairs=((0, 1),),
    )
    mentions, entities = run(stage, doc)
    person = [e for e in entities if e.contract_type == "person"]
    assert len(person) == 1, entities
    assert person[0].name == "Oliver Brandtner" and person[0].name_zh == "奥利弗·布兰特纳"
    assert len([m for m in mentions if m.entity == person[0].key]) == 4
    assert not person[0].known


def test_furniture_and_related_paragraphs_are_ignored(stage):
    doc = make_doc(
        ("样例：英特尔发布新芯片。", "zh", "body"),
        ("Related: Tencent and Baidu news", "en", "related"),
        ("Subscribe to Huawei alerts", "en", "furniture"),
    )
    _, entities = run(stage, doc)
    assert ids(entities) == {"intel"}


def test_transliterated_name_kept_whole(stage):
    found = analyse_string(stage, "样例：虚构公司的研究员卡尔-韦伯认为模型还不够好。")
    assert ("卡尔-韦伯", "person") in {(text, kind) for _, _, text, kind in found}


def test_junk_is_not_a_name(stage):
    found = analyse_string(stage, "样例：我们明白文明的进步需要安全性和高端化。")
    assert [f for f in found if f[3] in ("person", "org")] == []


def test_end_to_end_through_the_pipeline():
    from sinoscope.analyze import analyze_text

    doc = analyze_text("样例标题\n\n样例：英伟达CEO黄仁勋称，腾讯正在测试新模型。\n")
    keys = {e.key for e in doc.layers["entities"]}
    assert {"nvidia", "jensen_huang", "tencent"} <= keys


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("英伟达黄仁勋Meta metaAMD·-—《》 。,.\n萨姆奥特曼XyZ千问")), max_size=80))
def test_offsets_hold_on_any_text(stage, text):
    doc = make_doc((text, "zh", "body"), (text.upper(), "en", "comment"), pairs=((1, 0),))
    mentions, entities = run(stage, doc)
    assert len({e.key for e in entities}) == len(entities)


def test_empty_and_odd_input(stage):
    for text in ("", " ", "\x00\ufeff", "𠀀𠀁" * 10):
        assert analyse_string(stage, text) == [] or all(s < e for s, e, _, _ in analyse_string(stage, text))


def test_a_truncated_chinese_name_links_only_with_affiliation_evidence(stage):
    supported = make_doc(("样例：阿里巴巴通义千问团队的林俊却表示，这个目标很难实现。", "zh", "body"))
    _, entities = run(stage, supported)
    assert "lin_junyang" in ids(entities)

    unsupported = make_doc(("样例：本地画家林俊却表示，这个展览很难办。", "zh", "body"))
    _, entities = run(stage, unsupported)
    assert "lin_junyang" not in ids(entities)
