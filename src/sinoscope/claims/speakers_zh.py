"""Chinese speakers resolved document-wide: a salience record of the people and organisations a page
has introduced, read in page order.

- a name is completed from the fullest form the page gives (戴利 → 汤姆·戴利, 金所长 → 金明岸,
  思浩 → 梁思浩, Hammel → Chad Hammel) and then linked to the knowledge base when it knows it;
- a pronoun (他, 她, 其) goes to the most recent *subject* — the speaker of the last attributed
  sentence or a person who opened a sentence — not to the nearest name, which is often an object;
- a definite description (该公司, 这位创始人, 该报告, 警方) goes to the last entity of its kind.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..nlp.chinese import Token
from .speakers import HAN, Speaker, SpeakerIndex
from .subjects_zh import CLAUSE_BREAK, ORG_HEADS, REPORT_HEADS, TITLES, Subject, opening_subject, subject_before

WINDOW = 4000  # characters back a pronoun may reach
_SEP = re.compile(r"[·•・\-－‧ ]")
_OUTLET = ("报", "社", "台", "网", "新闻", "周刊", "杂志", "时报", "日报")


@dataclass(slots=True)
class Named:
    start: int  # document offsets
    end: int
    text: str
    kind: str  # person | org


def _core(name: str) -> str:
    """A name without its title ("金所长" → "金", "麦克唐奈先生" → "麦克唐奈")."""
    for t in sorted(TITLES, key=len, reverse=True):
        if name.endswith(t) and len(name) > len(t):
            return name[: -len(t)]
    return name


def _completes(short: str, full: str, titled: bool) -> bool:
    """Whether `full` is a fuller form of the name `short` on the same page."""
    if short == full or len(full) <= len(short):
        return False
    parts = [p for p in _SEP.split(full) if p]
    if len(parts) > 1:
        tail = _SEP.sub("", full)
        return short in parts or tail.endswith(_SEP.sub("", short)) and len(short) >= 2 or \
            _SEP.sub("", short) == "".join(parts[-2:])
    if HAN.search(full) and 2 <= len(full) <= 4:
        if titled and len(short) == 1:
            return full.startswith(short)  # 金所长 → 金明岸
        return len(short) == 2 and full.endswith(short) and len(full) == 3  # 思浩 → 梁思浩
    return False


class ZhSpeakers:
    """Names, subjects and the last speaker of a page, for resolving Chinese speakers in reading order."""

    def __init__(self, index: SpeakerIndex) -> None:
        self.index = index
        self.names: list[Named] = []  # every PER/ORG the tagger found, in page order
        self._name_starts: list[int] = []
        self.subjects: list[tuple[int, Speaker]] = []  # (position, speaker): who the page was talking about
        self.last_speaker: Speaker | None = None
        self.last_speaker_at = -1

    # -- the record ------------------------------------------------------------------------------
    def observe(self, tokens: list[Token], offset: int) -> None:
        """Record the names of a paragraph (tokens with offsets relative to `offset`)."""
        for tok in tokens:
            if tok.tag in ("PER", "ORG"):
                kind = "person" if tok.tag == "PER" else "org"
                i = bisect.bisect(self._name_starts, offset + tok.start)
                self.names.insert(i, Named(offset + tok.start, offset + tok.end, tok.text, kind))
                self._name_starts.insert(i, offset + tok.start)

    def note_subject(self, pos: int, sp: Speaker) -> None:
        if sp.name:
            i = bisect.bisect([p for p, _ in self.subjects], pos)
            self.subjects.insert(i, (pos, sp))

    def note_speaker(self, pos: int, sp: Speaker) -> None:
        if sp.name:
            self.last_speaker, self.last_speaker_at = sp, pos
            self.note_subject(pos, sp)

    def sentence_subject(self, tokens: list[Token], lo: int, hi: int, offset: int) -> None:
        """The people and organisations that are subjects of the clauses of tokens[lo:hi]: a name followed by
        its verb ("戴利以…身份出现在…", "首席执行官欧阳默谈到…"), never one in an object or after 的."""
        k = lo
        while k < hi:
            m = k
            while m < hi and tokens[m].text not in CLAUSE_BREAK:
                m += 1
            sub = opening_subject(tokens, k, m)
            if sub is None:
                name = next((n for n in range(k, m) if tokens[n].tag in ("PER", "ORG")), None)
                verb = next((n for n in range(name + 1, m) if tokens[n].tag == "v"), None) if name is not None \
                    else None
                found = subject_before(tokens, verb, k) if verb is not None else None
                sub = found if isinstance(found, Subject) and found.start == tokens[name].start else None
            if sub and sub.kind in ("person", "org"):
                self.note_subject(offset + sub.start, self.named(sub, offset))
            k = m + 1

    # -- resolution ------------------------------------------------------------------------------
    def resolve(self, sub: Subject, offset: int) -> Speaker:
        """The speaker a subject stands for (name None when it names nobody)."""
        if sub.kind in ("person", "org"):
            return self.named(sub, offset)
        pos = offset + sub.start
        if sub.kind == "pronoun":
            return self._antecedent(sub.surface, pos, (sub.hint,))
        if sub.kind == "definite":
            if sub.key:
                return self._generic_org(sub, pos)
            kinds = ("org",) if sub.hint in ("org", "report") else ("person",)
            return self._antecedent(sub.surface, pos, kinds, sub.head)
        return Speaker(sub.surface)

    def named(self, sub: Subject, offset: int) -> Speaker:
        start, end = offset + sub.start, offset + sub.end
        kind = sub.kind
        name = self._complete(sub.head, start, kind)
        if name != sub.head and any(n.text == name and n.kind == "person" for n in self.names):
            kind = "person"  # "福特" tagged ORG, but the page named a person "克里斯汀·福特"
        cand = next((c for c in self.index.inside(start, end) if _compatible(c.type, kind)), None)
        if cand is None:
            cand = self.index.by_surface(name)
            if cand is not None and not _compatible(cand.type, kind):
                cand = None
        aliases = sorted({a for a in (sub.head, name) if a})
        if cand is not None:
            sp = self.index.from_candidate(cand, (start, end), sub.surface)
            sp.aliases = sorted({*sp.aliases, *aliases} - {sp.name})
            return sp
        return Speaker(sub.surface, name, name if HAN.search(name) else None, None,
                       [a for a in aliases if a != name], start, end, kind)

    def _complete(self, head: str, pos: int, kind: str) -> str:
        core = _core(head)
        titled = core != head
        if kind == "org" and not titled and not any(n.text == head and n.kind == "person" for n in self.names):
            fuller = [n for n in self.names if n.kind == "person" and _completes(core, n.text, False)]
            return fuller[-1].text if fuller and "·" in fuller[-1].text else head
        before = [n for n in self.names if n.kind == "person" and n.start < pos and _completes(core, n.text, titled)]
        if before:
            return before[-1].text
        after = [n for n in self.names if n.kind == "person" and _completes(core, n.text, titled)]
        return after[0].text if after else (core if titled and len(core) > 1 else head)

    def _antecedent(self, surface: str, pos: int, kinds: tuple[str, ...], head: str = "") -> Speaker:
        """The latest subject of a compatible kind before `pos` (else the latest such name)."""
        i = bisect.bisect([p for p, _ in self.subjects], pos) - 1
        while i >= 0:
            at, sp = self.subjects[i]
            if at < pos - WINDOW:
                break
            if _compatible(sp.type, kinds[0]) and _fits(head, sp):
                return _as_reference(sp, surface)
            i -= 1
        i = bisect.bisect(self._name_starts, pos) - 1
        while i >= 0 and self.names[i].start >= pos - WINDOW:
            n = self.names[i]
            if n.kind == kinds[0] and n.end <= pos and _fits(head, Speaker(n.text, n.text, type=n.kind)):
                sub = Subject(n.kind, n.text, 0, n.end - n.start, n.text)
                return _as_reference(self.named(sub, n.start), surface)
            i -= 1
        return Speaker(surface)

    def _generic_org(self, sub: Subject, pos: int) -> Speaker:
        """警方 → the police force the page named; otherwise no speaker of record."""
        i = bisect.bisect(self._name_starts, pos) - 1
        while i >= 0 and self.names[i].start >= pos - WINDOW:
            n = self.names[i]
            if n.kind == "org" and sub.key in n.text:
                return _as_reference(self.named(Subject("org", n.text, 0, n.end - n.start, n.text), n.start),
                                     sub.surface)
            i -= 1
        return Speaker(sub.surface)


def with_known_names(tokens: list[Token], index: SpeakerIndex, offset: int, length: int) -> list[Token]:
    """The tokens with the page's known names (knowledge-base mentions, names the entities stage found)
    made single PER/ORG tokens where the tagger split them or missed them ("欧阳/PER 默/v" → "欧阳默")."""
    cands = [c for c in index.inside(offset, offset + length, ("person", "org"))]
    if not cands:
        return tokens
    out = list(tokens)
    for c in cands:
        s, e = c.start - offset, c.end - offset
        over = [n for n, t in enumerate(out) if t.start < e and s < t.end]
        if not over or any(out[n].tag in ("PER", "ORG") and (out[n].start < s or out[n].end >= e) for n in over):
            continue  # the tagger's own name covers it
        first, last = out[over[0]], out[over[-1]]
        if first.start != s:
            continue  # the name starts inside a word: the tagger's reading stands
        tag = "PER" if c.type == "person" else "ORG"
        merged = [Token(s, e, c.text if len(c.text) == e - s else first.text, tag)]
        if last.end > e:  # the name ends inside a word: keep the rest of it
            merged.append(Token(e, last.end, last.text[e - last.start:], last.tag))
        merged[0] = Token(s, e, "".join(t.text for t in out[over[0]:over[-1] + 1])[: e - s], tag)
        out[over[0]:over[-1] + 1] = merged
    return out


def _compatible(cand_type: str, kind: str) -> bool:
    return cand_type == kind or cand_type == "unknown" or kind == "unknown"


def _fits(head: str, sp: Speaker) -> bool:
    """Whether a description ("该公司", "该报") can name this organisation (an outlet for 该报)."""
    if not head or sp.type != "org":
        return True
    name = sp.name_zh or sp.name or ""
    if head.endswith(("报", "台", "社", "网")) and not head.endswith(REPORT_HEADS):
        return name.endswith(_OUTLET)
    if head.endswith(("公司", "集团", "企业")):
        return not name.endswith(_OUTLET) and not name.endswith(("部", "局", "政府", "委员会", "大学"))
    return head.endswith(ORG_HEADS + REPORT_HEADS) or True


def _as_reference(sp: Speaker, surface: str) -> Speaker:
    """The antecedent's identity, as written here (a pronoun names nobody where it stands)."""
    return Speaker(surface, sp.name, sp.name_zh, sp.key, list(sp.aliases), None, None, sp.type)
