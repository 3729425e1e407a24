"""Chinese quotes: who said what, read paragraph by paragraph in page order.

Each speech cue outside quotation marks (cues_zh) gets its subject from the LAC tokens before it
(subjects_zh) and a speaker from the page's salience record (speakers_zh). Its content is

- the quotation right after it ("X说：“…”") or right before it ("“…，”X说"), direct;
- the clauses before it when it ends its sentence ("…，X如是说。");
- otherwise the rest of the sentence, indirect, running on over the next sentences of the paragraph
  until one brings a cue or a new subject of its own.

Constructions: 在X看来，…; 据X介绍/报道/透露，… (据X数据 is a data citation, not speech); a name with
a colon opening a paragraph ("X（某大学教授）：…"). A quotation with no cue of its own takes the
speaker of its sentence, or, opening a paragraph, the speaker of the paragraph before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..doc import Doc
from ..nlp.chinese import Token, tag_paragraph
from .cues_zh import ATTITUDE, NEEDS_CLAUSE, Cue, according_cues, find_cues, nominal_cues
from .nouns_zh import REPORT_HEADS
from .quotation_zh import CLOSE, OPEN, doc_quotations
from .raw_quote import RawQuote
from .speakers import Speaker, SpeakerIndex
from .speakers_zh import ZhSpeakers, with_known_names
from .subjects_zh import (
    CLAUSE_BREAK,
    Subject,
    classify,
    clause_starts,
    leading_np,
    opening_subject,
    prepositions_after,
    subject_before,
    subject_of,
)
from .tokens_zh import latin_institutions, merge_latin, quoted_names, split_dates

READ_SECTIONS = ("title", "body", "comment")
MAX_PARAGRAPH_CHARS = 20_000
SENTENCE_END = frozenset("。！？!?；;")
_SAME_SPEAKER = frozenset({"并", "还", "同时", "也", "并且", "而且", "另外", "此外", "又", "随后", "接着", "更", "但",
                           "不过", "同样"})
_PUNCT = " \u3000，,：:。！？!?；;、-–—…"


class ZhQuoteReader:
    """Reads the Chinese paragraphs of one page in order, keeping who spoke last."""

    def __init__(self, doc: Doc, index: SpeakerIndex, sections: tuple[str, ...] = READ_SECTIONS) -> None:
        self.doc = doc
        self.speakers = ZhSpeakers(index)
        self.paras = [i for i, p in enumerate(doc.paragraphs)
                      if p.section in sections and p.lang == "zh" and p.text.strip()]
        self.position = {k: n for n, k in enumerate(self.paras)}  # paragraph index → its place among paras
        self.quotations = self._quotations()
        self.last_para = -2  # paragraph of the last attributed quote
        self.pending: Speaker | None = None  # a cue that ended the paragraph before with nothing after it
        self.tokens: dict[int, list[Token]] = {}
        for k in self.paras:  # the names of the whole page first: a name is completed from its fullest form
            self.tokens[k] = self._tokens(k)
            self.speakers.observe(self.tokens[k], self.doc.paragraphs[k].start)
        self.speakers.finish_names()
        for k in self.paras:
            self._sentence_subjects(k)

    def _quotations(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        run: list[tuple[int, str]] = []
        prev = None
        for i in self.paras:
            para = self.doc.paragraphs[i]
            if prev is not None and (i != prev + 1 or self.doc.paragraphs[prev].section != para.section):
                out.extend(doc_quotations(run))
                run = []
            run.append((para.start, para.analysis_text[:MAX_PARAGRAPH_CHARS]))
            prev = i
        out.extend(doc_quotations(run))
        return sorted(out)

    def _tokens(self, i: int) -> list[Token]:
        para = self.doc.paragraphs[i]
        tokens = latin_institutions(merge_latin(split_dates(tag_paragraph(self.doc, i))))
        tokens = with_known_names(tokens, self.speakers.index, para.start, len(para.analysis_text))
        return quoted_names(tokens)

    def _sentence_subjects(self, k: int) -> None:
        """Record who opens the clauses of paragraph k (the subjects pronouns may point back to)."""
        offset, tokens = self.doc.paragraphs[k].start, self.tokens[k]
        lo = 0
        for n, tok in enumerate(tokens + [Token(0, 0, "。", "w")]):
            if tok.text in SENTENCE_END or n == len(tokens):
                if n > lo:
                    self.speakers.sentence_subject(tokens, lo, n, offset)
                lo = n + 1

    def read(self, i: int) -> list[RawQuote]:
        """The quotes of paragraph i (offsets into doc.text)."""
        if i not in self.tokens:
            return []
        para = self.doc.paragraphs[i]
        text = para.analysis_text[:MAX_PARAGRAPH_CHARS]  # a runaway "paragraph" is read in its first part only
        tokens = [t for t in self.tokens[i] if t.end <= len(text)]
        return _Paragraph(self, i, para.start, text, tokens).quotes()


class _Paragraph:
    """One paragraph being read: its tokens, quotations, sentences and cues."""

    def __init__(self, reader: ZhQuoteReader, index: int, offset: int, text: str, tokens: list[Token]) -> None:
        self.r, self.sp, self.index, self.offset, self.text, self.tokens = (
            reader, reader.speakers, index, offset, text, tokens)
        end = offset + len(text)
        names = {(t.start - 1, t.end) for t in tokens if t.tag in ("ORG",
                                                                   "PER") and t.start and text[t.start - 1] in OPEN}
        self.spans = [(a - offset, b - offset) for a, b in reader.quotations
                      if a < end and b > offset and (a - offset, b - offset) not in names]
        # a quotation its paragraph never closes may be a stray mark: it hides no cue
        self.firm = [(a, b) for a, b in self.spans if b != len(text.rstrip()) or a < 0]
        # every lookup below is a table built once per paragraph: a cue's clause, sentence and content are
        # read in constant time, so a page of many cues costs linear time (not cues × paragraph)
        self._inside = _covered(self.spans, len(text))
        firm = _covered(self.firm, len(text))
        self._opening = {a: (a, b) for a, b in reversed(self.spans)}  # the first span of each opening mark
        self._closing = {b: (a, b) for a, b in reversed(self.spans)}
        self.starts = [t.start for t in tokens]
        according, spanned = according_cues(tokens)
        cues = [c for c in find_cues(tokens, text) if c.i not in spanned] + according + nominal_cues(tokens)
        self.cues = sorted((c for c in cues if not _at(firm, c.start, self.firm)), key=lambda c: c.i)
        self.sentence_of = self._sentences()
        self._sentence_span: dict[int, tuple[int, int]] = {}
        self._first_in_sentence: dict[tuple[int, str], int] = {}
        for k, sent in enumerate(self.sentence_of):
            lo, _ = self._sentence_span.get(sent, (k, k))
            self._sentence_span[sent] = (lo, k + 1)
            self._first_in_sentence.setdefault((sent, tokens[k].text), k)
        self._sentence_end = self._sentence_ends()
        self.clause_lo = clause_starts(tokens, self.inside)
        for c in according:
            _clause_after(self.clause_lo, tokens, c)
        self._prepositions = prepositions_after(tokens)
        self._cue_clause_at = [tokens[self.clause_lo[c.i]].start for c in self.cues]  # non-decreasing
        self._cue_cut = [tokens[self.clause_lo[c.i] - 1].start if self.clause_lo[c.i] > 0 else 0
                         for c in self.cues]  # where the text before a cue's clause ends; non-decreasing
        self._cue_starts = sorted(c.start for c in self.cues)
        self.out: list[RawQuote] = []
        self.used: set[tuple[int, int]] = set()  # quotations given to a cue
        self.covered: list[tuple[int, int]] = []  # indirect contents
        self.named_starts: list[int] = []  # the named quotes of self.out, sorted (document offsets)
        self.named_ends: list[int] = []
        self.anonymous = 0  # quotes of self.out without a named speaker
        self._covered_seen, self._covered_lo, self._covered_hi = 0, len(text), 0
        self.sentence_speaker: dict[int, Speaker] = {}

    # -- geometry --------------------------------------------------------------------------------
    def inside(self, pos: int) -> bool:
        return _at(self._inside, pos, self.spans)

    def _sentences(self) -> list[int]:
        """For each token, the index of its sentence."""
        out, n = [], 0
        for tok in self.tokens:
            out.append(n)
            if tok.text in SENTENCE_END and not self.inside(tok.start):
                n += 1
        return out

    def sentence_bounds(self, k: int) -> tuple[int, int]:
        """Token range [lo, hi) of the sentence of token k (hi includes its final punctuation)."""
        s = self.sentence_of[k] if k < len(self.tokens) else self.sentence_of[-1]
        return self._sentence_span[s]

    def _sentence_ends(self) -> list[int]:
        """For each character, the offset of the end of its sentence (its final mark outside quotations)."""
        out = [len(self.text)] * (len(self.text) + 1)
        for pos in range(len(self.text) - 1, -1, -1):
            out[pos] = pos if self.text[pos] in SENTENCE_END and not self.inside(pos) else out[pos + 1]
        return out

    def sentence_end_char(self, pos: int) -> int:
        """Offset of the end of the sentence that holds character pos (before its final mark)."""
        if 0 <= pos <= len(self.text):
            return self._sentence_end[pos]
        end = pos
        while end < len(self.text) and not (self.text[end] in SENTENCE_END and not self.inside(end)):
            end += 1
        return end

    def quotation_at(self, pos: int) -> tuple[int, int] | None:
        return self._opening.get(pos)

    def quotation_closing_at(self, pos: int) -> tuple[int, int] | None:
        return self._closing.get(pos)

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos (len(tokens) if none)."""
        return bisect_left(self.starts, pos)

    # -- the quotes ------------------------------------------------------------------------------
    def quotes(self) -> list[RawQuote]:
        self.pending, self.r.pending = self.r.pending, None
        self._colon_opening()
        for ci, cue in enumerate(self.cues):
            self._cue(ci, cue)
        self._unclaimed_quotations()
        if any(q.speaker is not None and q.speaker.name for q in self.out):
            self.r.last_para = self.r.position[self.index]
        return sorted(self.out, key=lambda q: q.start)

    def _emit(self, start: int, end: int, kind: str, cue: str, sub_text: str, sub_start: int, sub_end: int,
              speaker: Speaker) -> bool:
        start, end = _trim(self.r.doc.text, self.offset + start, self.offset + end)
        if end - start < 2 or self._overlaps_named(start, end):
            return False  # one stretch of text is one quote
        if speaker.name and self.anonymous:  # a named speaker's quote replaces an anonymous one over the same words
            self.out = [q for q in self.out if not (q.start < end and start < q.end)]
            self.anonymous = sum(not q.speaker.name for q in self.out)
        self.out.append(RawQuote(start, end, kind, cue, sub_text, self.offset + sub_start, self.offset + sub_end,
                                 speaker))
        if speaker.name:
            at = bisect_left(self.named_starts, start)
            self.named_starts.insert(at, start)
            self.named_ends.insert(at, end)
            self.sp.note_speaker(self.offset + sub_start, speaker)
        else:
            self.anonymous += 1
        return True

    def _overlaps_named(self, start: int, end: int) -> bool:
        """Whether a named quote overlaps start–end: named quotes never overlap one another, so sorted by start
        they are sorted by end too, and only the last one starting before `end` can reach past `start`."""
        at = bisect_left(self.named_starts, end)
        return at > 0 and self.named_ends[at - 1] > start

    def _resolve(self, ci: int, cue: Cue, lo: int) -> tuple[Subject, Speaker] | None:
        """The subject and speaker of a cue whose clause starts at token lo."""
        if cue.source is not None:
            sub = leading_np(self.tokens, *cue.source)
        elif cue.text == "看来" and self.tokens[lo].text == "在" and cue.i > lo + 1:
            sub = classify(self.tokens[lo + 1:cue.i], None)
        else:
            sub = subject_of(self.tokens, cue.i, lo, self._prepositions)
        if sub == "dropped":
            return None if cue.evidential else self._dropped(ci, cue, lo)
        if not isinstance(sub, Subject):
            return None
        if cue.evidential and not self._report_subject(cue, lo, sub):
            return None
        if sub.kind == "pronoun":  # "当他被问及X时他回答": the pronoun stands for who it did when the sentence began
            s_lo, _ = self.sentence_bounds(cue.i)
            n = self._first_in_sentence.get((self.sentence_of[cue.i], sub.head))
            first = self.tokens[n] if n is not None and s_lo <= n < cue.i else None
            if first is not None and first.start < sub.start:
                sub = replace(sub, start=first.start, end=first.end)
        speaker = self.sp.resolve(sub, self.offset)
        if cue.think and sub.kind == "org" and cue.text != "看来":
            return None  # thinking is a person's ("X公司认为" is usually the author's gloss)
        return sub, speaker

    def _report_subject(self, cue: Cue, lo: int, sub: Subject) -> bool:
        """显示/表明/发现 are speech only from a report, survey or study with a named publisher (or an
        organisation's own finding, for 发现); never from data."""
        words = "".join(t.text for t in self.tokens[lo:cue.i])
        report = words.rstrip().endswith(REPORT_HEADS) or sub.kind == "definite" and sub.hint == "report"
        if cue.text == "发现":
            return report or sub.kind == "org"
        return report and sub.kind in ("person", "org", "definite")

    def _dropped(self, ci: int, cue: Cue, lo: int) -> tuple[Subject, Speaker] | None:
        """"X表示，…，并强调…": a clause without a subject takes the subject of the clause before."""
        s_lo, _ = self.sentence_bounds(cue.i)
        if lo <= s_lo:
            return None
        sent = self.sentence_of[cue.i]
        if sent in self.sentence_speaker:
            sp = self.sentence_speaker[sent]
            return Subject("pronoun", "", self.tokens[cue.i].start, self.tokens[cue.i].start, ""), \
                Speaker("", sp.name, sp.name_zh, sp.key, list(sp.aliases), None, None, sp.type)
        sub = opening_subject(self.tokens, s_lo, lo)
        if sub is None or sub.kind == "anonymous":
            return None
        return sub, self.sp.resolve(sub, self.offset)

    def _cue(self, ci: int, cue: Cue) -> None:
        toks, text = self.tokens, self.text
        lo = self.clause_lo[cue.i]
        at = toks[lo].start if lo < len(toks) else len(text)
        outer = next((s for s, e in self.covered if s < at < e), None) if self._may_be_covered(at) else None
        if outer is not None and not self._splits(cue, lo, outer):
            return  # part of the content of the quote before it
        found = self._resolve(ci, cue, lo)
        if found is None:
            return
        sub, speaker = found
        sent = self.sentence_of[cue.i]
        s_lo, _ = self.sentence_bounds(cue.i)
        start = self._content_start(cue)
        if start is None:
            return
        emitted = False
        # a quotation just before the subject: "“…，”X说"
        before = self._quotation_before(lo)
        if before is not None:
            emitted |= self._emit(before[0] + 1, before[1], "direct", cue.text, sub.surface, sub.start, sub.end,
                                  speaker)
            self.used.add(before)
        after = self.quotation_at(start)
        if after is not None and self._ends_sentence(after):
            emitted |= self._emit(after[0] + 1, after[1], "direct", cue.text, sub.surface, sub.start, sub.end,
                                  speaker)
            self.used.add(after)
        elif cue.naming:  # "将其描述为“荒唐”和“企图改写历史”": the quoted words, else nothing
            for a, b in self.spans:
                if start <= a <= start + 8 and not any(ch in "，,。；;：:" for ch in text[start:a]) and \
                        (b + 1 >= len(text) or text[b + 1] in _PUNCT + "和与或\n"):  # not "称之为“1到N”的改进"
                    emitted |= self._emit(a + 1, b, "direct", cue.text, sub.surface, sub.start, sub.end, speaker)
                    self.used.add((a, b))
                    start = b + 1 + (1 if text[b + 1:b + 2] in ("和", "、", "与", "或") else 0)
            if emitted and speaker.name:
                self.sentence_speaker[sent] = speaker
            return
        elif before is None and self._sentence_final(cue, start):
            s_start = toks[s_lo].start if s_lo < len(toks) else 0
            clause_end = toks[lo - 1].start if lo > s_lo else s_start
            if clause_end - s_start >= 4 and not any(c.i < lo and c.i >= s_lo for c in self.cues if c is not cue):
                emitted |= self._emit(s_start, clause_end, "indirect", cue.text, sub.surface, sub.start, sub.end,
                                      speaker)
        elif before is None or start < len(text) and text[start] not in SENTENCE_END:
            end = self._content_end(ci, cue, start)
            if self._relayed(ci, start):
                return  # "X报道，Y透露…": the innermost named speaker speaks
            if end - start >= 4 and self._proposition(cue, start, end):
                emitted |= self._emit(start, end, "indirect", cue.text, sub.surface, sub.start, sub.end, speaker)
                self.covered.append((start, end))
        if emitted and speaker.name:
            self.sentence_speaker[sent] = speaker
        elif speaker.name and not text[start:].strip(_PUNCT + "“”「」\"\n"):
            self.r.pending = speaker  # "他说：" ending the paragraph: the quotation that follows is his

    def _may_be_covered(self, pos: int) -> bool:
        """A quick bound before scanning the contents: pos lies between the first start and the last end."""
        for s, e in self.covered[self._covered_seen:]:  # contents are only ever appended
            self._covered_lo, self._covered_hi = min(self._covered_lo, s), max(self._covered_hi, e)
        self._covered_seen = len(self.covered)
        return self._covered_lo < pos < self._covered_hi

    def _content_start(self, cue: Cue) -> int | None:
        """Where a cue's content starts: after the cue, its 了/过, a recipient ("告诉记者，") and punctuation."""
        toks, k = self.tokens, cue.j
        if k < len(toks) and toks[k].text in ("得",):  # "说得很直接：…"
            m = next((n for n in range(k, min(k + 6, len(toks))) if toks[n].text in ("：", ":")), None)
            if m is None:
                return None
            k = m + 1
        if k + 1 < len(toks) and toks[k].text == "的" and toks[k + 1].text in ("：", ":"):
            k += 1  # "X是这样回答的：“…”"
        if k < len(toks) and toks[k].text in ("了", "过", "着"):
            if k + 1 < len(toks) and toks[k + 1].text not in CLAUSE_BREAK and toks[k + 1].text not in OPEN:
                return None  # "强调了…的表现", "介绍了新产品": an action on an object, not a statement
            k += 1
        if cue.lemma in ("告诉", "告知") and k < len(toks) and toks[k].text in OPEN:
            # "告诉“星期日电讯报（Sunday Telegraph）”：“…”": a recipient in quotation marks before a colon
            close = next((n for n in range(k + 1, min(k + 10, len(toks))) if toks[n].text in CLOSE), None)
            if close is not None and close + 1 < len(toks) and toks[close + 1].text in ("：", ":"):
                k = close + 1
        if cue.lemma in ("告诉", "提醒", "告知", "警告") and k < len(toks) and toks[k].text not in CLAUSE_BREAK:
            # "告诉BBC苏格兰体育之声：“…”": the recipient runs to the first comma or colon, if it is near
            brk = next((n for n in range(k, min(k + 12, len(toks))) if toks[n].text in "，,：:"), None)
            if brk is not None and toks[brk].start - toks[k].start <= 25 and \
                    not any(t.tag == "v" for t in toks[k:brk]):
                k = brk
            m = k
            while m < len(toks) and m - k < 8 and toks[m].tag in ("n", "PER", "ORG", "nz", "nw", "r", "LOC") \
                    or m < len(toks) and toks[m].text in "《》":
                m += 1
            if m < len(toks) and (toks[m].text in CLAUSE_BREAK or toks[m].text in ("说", "道", "称")):
                k = m + (1 if toks[m].text in ("说", "道", "称") else 0)
        pos = toks[k].start if k < len(toks) else len(self.text)
        while pos < len(self.text) and self.text[pos] in " \u3000，,：:":
            pos += 1
        return pos

    def _quotation_before(self, lo: int) -> tuple[int, int] | None:
        """The quotation that closes right before the clause starting at token lo ("“…，”X说")."""
        if lo == 0 or lo > len(self.tokens):
            return None
        pos = self.tokens[lo - 1].start if lo - 1 < len(self.tokens) else len(self.text)
        q = self.quotation_closing_at(pos)
        if q is None or q in self.used:
            return None
        # only separators before the subject, and the quotation opens its sentence or follows a cue-less one
        return q if q[1] - q[0] > 2 else None

    def _ends_sentence(self, q: tuple[int, int]) -> bool:
        """Whether nothing but punctuation (or another quotation) follows a quotation in its sentence."""
        rest = self.text[q[1] + 1:]
        stripped = rest.lstrip(_PUNCT)
        if not stripped or q[1] >= len(self.text) - 1:
            return True
        if stripped[0] in OPEN or stripped[0] == '"':
            return True
        head = rest[: len(rest) - len(stripped)]
        inner = self.text[max(q[0] + 1, q[1] - 2):q[1]]
        return any(ch in SENTENCE_END for ch in head) or any(ch in "。！？!?" for ch in inner)

    def _sentence_final(self, cue: Cue, start: int) -> bool:
        """"…，X如是说。": nothing follows the cue in its sentence."""
        return start >= len(self.text) or self.text[start] in SENTENCE_END or self.text[start] in CLOSE

    def _content_end(self, ci: int, cue: Cue, start: int) -> int:
        """The end of an indirect content: the sentence's end (or the next cue's clause), running on over the
        next sentences of the paragraph while they bring no cue and no new subject."""
        end = self.sentence_end_char(start)
        # the cues whose clause starts at or before `start` are passed over (the cuts do not decrease)
        for n in range(bisect_right(self._cue_cut, start, ci + 1), len(self.cues)):
            other = self.cues[n]
            if self.tokens[other.i].start >= end:
                break  # the later cues stand after the sentence too
            if start < other.start < end:
                lo = self.clause_lo[other.i]
                cut = self._cue_cut[n]
                if cut > start and self._splits(other, lo, start):
                    return cut
        while end < len(self.text):
            nxt = end + 1
            while nxt < len(self.text) and self.text[nxt] in " \u3000”」』":
                nxt += 1
            if nxt >= len(self.text):
                break
            nxt_end = self.sentence_end_char(nxt)
            first_cue = bisect_left(self._cue_starts, nxt)
            if self.text[nxt] in OPEN or first_cue < len(self._cue_starts) and self._cue_starts[first_cue] < nxt_end:
                break
            if self._opens_with_name(nxt):
                break
            end = nxt_end
        if end < len(self.text) and self.text[end] in "？?":
            end += 1
        return end

    def _splits(self, cue: Cue, lo: int, content: int) -> bool:
        """Whether a cue inside another's content (starting at `content`) starts a quote of its own: a named
        subject does, and so does a dropped one ("…，并强调…") unless the content has a subject of its own that
        it continues ("警方表示，Simpson经质问后，承认…"); a pronoun ("X称，他怀疑…") reports on in the same quote."""
        sub = subject_before(self.tokens, cue.i, lo) if cue.source is None else leading_np(self.tokens, *cue.source)
        if sub == "dropped":
            if lo < len(self.tokens) and self.tokens[lo].text in _SAME_SPEAKER:
                return True
            first = self.token_at(content)
            inner = opening_subject(self.tokens, first, lo)
            return inner is None
        return isinstance(sub, Subject) and sub.kind not in ("pronoun", "anonymous")

    def _relayed(self, ci: int, start: int) -> bool:
        """Whether the content opens with another cue's named subject ("路透社报道，特朗普竞选团队透露…")."""
        n = bisect_left(self._cue_clause_at, start, ci + 1)  # the clauses before `start` are passed over
        if n >= len(self.cues):
            return False
        other = self.cues[n]
        lo = self.clause_lo[other.i]
        if lo >= len(self.tokens) or self.tokens[lo].start > start + 1:
            return False
        sub = subject_before(self.tokens, other.i, lo)
        return isinstance(sub, Subject) and sub.kind in ("person", "org")

    def _opens_with_name(self, pos: int) -> bool:
        n = self.token_at(pos)
        tok = self.tokens[n] if n < len(self.tokens) else None
        return tok is not None and (tok.tag in ("PER", "ORG") or tok.text in ("他", "她", "他们", "她们"))

    def _proposition(self, cue: Cue, start: int, end: int) -> bool:
        """Whether a content states something: a predicate for verbs that may take a plain object, no bare
        attitude after 表示, and no plan of the speaker's own after 宣布."""
        lo, hi = self.token_at(start), self.token_at(end)
        if lo >= hi:
            return False
        first = self.tokens[lo]
        if cue.lemma == "表示" and first.text in ATTITUDE and \
                not any(t.text in "，," for t in self.tokens[lo:min(hi, lo + 3)]):
            return False
        if cue.lemma in ("宣布", "宣告") and (first.tag.startswith("v") or first.text in ("其", "将", "自己", "要")):
            return False
        if cue.lemma in NEEDS_CLAUSE:  # a clause, not a noun phrase: punctuation after the cue, or subject + verb
            k = lo
            after_punct = self.text[cue.end:start].strip() != ""
            return after_punct or opening_subject(self.tokens, k, len(self.tokens)) is not None or \
                first.tag in ("r",) or first.tag.startswith("v") and cue.lemma not in ("宣布", "宣告")
        if cue.think:
            return any(self.tokens[n].tag in ("v", "a", "ad") for n in range(lo, hi))
        return True

    def _colon_opening(self) -> None:
        """"纪小龙（武警总医院病理室主任）：…": a name and a colon opening the paragraph."""
        toks = self.tokens
        k = 0
        while k < len(toks) and toks[k].text.isspace():
            k += 1
        if k >= len(toks) or toks[k].tag not in ("PER", "ORG") and not _latin_name(toks[k]):
            return
        name = k
        k += 1
        if k < len(toks) and toks[k].text in ("(", "（"):
            close = next((n for n in range(k, min(k + 30, len(toks))) if toks[n].text in (")", "）")), None)
            if close is None:
                return
            k = close + 1
        if k >= len(toks) or toks[k].text not in ("：", ":"):
            return
        sub = classify([toks[name]], None)
        if sub is None or sub.kind not in ("person", "org"):
            return
        start = toks[k].end
        speaker = self.sp.resolve(sub, self.offset)
        q = self.quotation_at(_skip_space(self.text, start))
        end = q[1] if q and self._ends_sentence(q) else len(self.text)
        begin = q[0] + 1 if q and self._ends_sentence(q) else start
        if self._emit(begin, end, "direct", "：", sub.surface, sub.start, sub.end, speaker):
            if q:
                self.used.add(q)
            self.covered.append((start, len(self.text)))

    def _unclaimed_quotations(self) -> None:
        """A quotation no cue took: the speaker of its sentence, or, opening the paragraph, the last speaker (or
        the one whose cue ended the paragraph before)."""
        pending = self.pending
        for a, b in self.spans:
            if a < 0 or (a, b) in self.used or b - a < 5 or any(s <= a < e for s, e in self.covered):
                continue
            if any(q.start <= self.offset + a + 1 < q.end for q in self.out):
                continue
            head = self.text[:a].rstrip(" \u3000")
            if head and head[-1] not in SENTENCE_END and head[-1] not in CLOSE:
                continue  # inside a sentence: a term or a title, not a quotation of its own
            if b + 1 < len(self.text) and self.text[b + 1] not in _PUNCT + "”」』\n":
                continue  # "“印尼红十字会”发言人": a quoted name
            tok: int | None = self.token_at(a)
            tok = tok if tok < len(self.tokens) else None
            sent = self.sentence_of[tok] if tok is not None else None
            speaker = self.sentence_speaker.get(sent) if sent is not None else None
            if speaker is None and self._whole_sentence(b):
                if head and sent:  # "“…，”X指出。“…。”": the sentence before spoke
                    speaker = self.sentence_speaker.get(sent - 1)
                elif not head and pending is not None:
                    speaker = pending
                elif not head and self._follows_speaker():
                    speaker = self.sp.last_speaker
            if speaker is None or not speaker.name:
                continue
            ref = Speaker(speaker.surface, speaker.name, speaker.name_zh, speaker.key, list(speaker.aliases),
                          None, None, speaker.type)
            if self._emit(a + 1, b, "direct", "", "", a, a, ref):
                self.used.add((a, b))

    def _whole_sentence(self, b: int) -> bool:
        """Whether a quotation closing at b is its sentence (or runs to the paragraph's end)."""
        if b >= len(self.text) - 1:
            return True
        rest = self.text[b + 1:]
        stripped = rest.lstrip(_PUNCT)
        return not stripped or any(ch in SENTENCE_END for ch in rest[: len(rest) - len(stripped)]) or \
            any(ch in "。！？!?" for ch in self.text[max(0, b - 2):b])

    def _follows_speaker(self) -> bool:
        here = self.r.position[self.index]
        return self.r.last_para == here - 1 and self.sp.last_speaker is not None


def _clause_after(clause_lo: list[int], tokens: list[Token], cue: Cue) -> None:
    """"据X报道Y表示…" with no comma after 报道: what follows the according clause is a clause of its own, so that
    Y is the subject of its cue (and the relayed speaker), not an object of 报道. Each token is moved once."""
    if cue.j != cue.i + 1:
        return
    k = cue.j
    while k < len(tokens) and clause_lo[k] <= cue.i and tokens[k].text not in CLAUSE_BREAK:
        clause_lo[k] = cue.j
        k += 1


def _covered(spans: list[tuple[int, int]], size: int) -> list[bool]:
    """For pos in -1 … size (at index pos + 1): whether some span (a, b) has a < pos < b."""
    depth = [0] * (size + 3)
    for a, b in spans:
        lo, hi = max(a + 1, -1), min(b - 1, size)
        if lo <= hi:
            depth[lo + 1] += 1
            depth[hi + 2] -= 1
    out, running = [], 0
    for d in depth[:-1]:
        running += d
        out.append(running > 0)
    return out


def _at(cover: list[bool], pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos is strictly inside one of the spans `cover` was built from."""
    if -1 <= pos < len(cover) - 1:
        return cover[pos + 1]
    return any(a < pos < b for a, b in spans)


def _latin_name(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.replace(" ", "").isascii() and tok.text.replace(" ", "").isalpha()


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    return pos


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without the punctuation around a content."""
    while start < end and text[start] in " \u3000，,：:\n":
        start += 1
    while end > start and text[end - 1] in " \u3000，,。；;：:\n":
        end -= 1
    return start, end
