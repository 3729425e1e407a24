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
from .nouns_zh import ORG_HEADS, REPORT_HEADS, ROLE_HEADS, TITLES
from .speakers import HAN, Speaker, SpeakerIndex
from .subjects_zh import CLAUSE_BREAK, Subject, opening_subject, subject_before

WINDOW = 4000  # characters back a pronoun may reach
NEAR = 40  # a subject this close to a pronoun beats the last speaker
_ORG_SUFFIX = ("有限公司", "股份公司", "公司", "集团")
# transliterated given names and characters that mark a woman ("特雷莎", "伊丽莎白", "玛克辛"), and titles
_FEMALE_CHARS = set("娜莎丽莉娅琳妮黛茜薇蕾丝芙萝婷珊姬玛娃")
_FEMALE_NAMES = ("萨拉", "莎拉", "艾米", "凯特", "安妮", "简·", "梅根", "希拉里", "凯伦", "苏珊", "海伦", "劳拉",
                 "露西")
# transliterated given names of men ("大卫·汤普森" is not the 她 of the next quote)
_MALE_NAMES = frozenset({"大卫", "约翰", "迈克", "迈克尔", "托马斯", "詹姆斯", "罗伯特", "威廉", "乔治", "杰克", "彼得",
                         "马克", "保罗", "理查德", "史蒂夫", "汤姆", "吉姆", "唐纳德", "格雷格", "马文", "卢克",
                         "安德鲁", "克里斯", "斯蒂芬", "爱德华", "亨利", "查尔斯", "弗兰克", "丹尼尔", "马丁", "尼克",
                         "本", "杰夫", "鲍勃", "比尔", "乔", "亚历山大", "伊万", "弗拉基米尔", "塞尔吉", "谢尔盖",
                         "穆罕默德", "艾哈迈德", "阿卜杜勒", "迪特尔", "汉斯", "卡尔", "沃尔夫冈"})
_SEP = re.compile(r"[·•・\-－‧ ]")
_OUTLET = ("报", "社", "台", "网", "新闻", "周刊", "杂志", "时报", "日报")


@dataclass(slots=True)
class Named:
    start: int  # document offsets
    end: int
    text: str
    kind: str  # person | org
    sex: str = ""  # "f" / "m" when a title after the name tells (女士, 先生)


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
    if HAN.search(full) and len(full) >= 5:  # a transliteration written without its dot: 萨拉桑德斯 → 桑德斯
        return len(short) >= 2 and full.endswith(short) and len(full) - len(short) >= 2
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
        self.roles: list[tuple[int, str, Named]] = []  # ("美国国务卿", 迈克·蓬佩奥): a role the page gave a name
        self._person_texts: list[str] = []  # every person name as tagged, longest first (see clean)
        self._clean: dict[str, str] = {}

    # -- the record ------------------------------------------------------------------------------
    def observe(self, tokens: list[Token], offset: int) -> None:
        """Record the names of a paragraph (tokens with offsets relative to `offset`)."""
        for n, tok in enumerate(tokens):
            if tok.tag in ("PER", "ORG"):
                kind = "person" if tok.tag == "PER" else "org"
                i = bisect.bisect(self._name_starts, offset + tok.start)
                title = tokens[n + 1].text if n + 1 < len(tokens) else ""
                named = Named(offset + tok.start, offset + tok.end, tok.text, kind, _sex(title) if title in
                              ("女士", "小姐", "夫人", "太太", "先生") else "")
                self.names.insert(i, named)
                self._name_starts.insert(i, offset + tok.start)
                role = _role_before(tokens, n) if kind == "person" else ""
                if role:
                    self.roles.append((offset + tok.start, role, named))

    def clean(self, name: str) -> str:
        """A name without the character the tagger glued to its end ("伯纳斯·李开" → "伯纳斯·李" when the page
        also names "伯纳斯·李"; "卡尔·拉辛于" → "卡尔·拉辛")."""
        if name in self._clean:
            return self._clean[name]
        out = name
        first = re.split(r"[·•]", name)[0]
        if first != name and len(first) >= 3 and name[0] in "长员人家者师官":
            out = name = name[1:]  # "州长特里·布兰斯塔德" read as "长特里·布兰斯塔德": the role's last character
        if "·" in name or "•" in name:
            for other in self._person_texts:
                k = name.find(other)
                if other != name and len(other) >= 2 and k >= 0 and 0 < len(name) - (k + len(other)) <= 2:
                    out = name[: k + len(other)]
                    break
            else:
                if name[-1] in "于在对向和与也就曾则是将" and len(name) > 3:
                    out = name[:-1]
        self._clean[name] = out
        return out

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
        if sub.kind == "role":
            return self._role(sub, pos)
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
        head = self.clean(sub.head)
        name = self._complete(head, start, kind)
        if name != head and any(n.text == name and n.kind == "person" for n in self.names):
            kind = "person"  # "福特" tagged ORG, but the page named a person "克里斯汀·福特"
        cand = None
        if name == head:  # a knowledge-base name that covers the head (not "迈克" inside "迈克·蓬佩奥")
            cand = next((c for c in self.index.inside(start, end)
                         if _compatible(c.type, kind) and c.end - c.start >= end - start - 1), None)
        if cand is None:  # the page's fullest form decides ("德维·哈里斯", not the Harris the KB knows)
            cand = self.index.by_surface(name)
            if cand is not None and not _compatible(cand.type, kind):
                cand = None
        aliases = {a for a in (sub.head, head, name) if a}
        if kind == "org":  # "宝马公司" is "宝马"
            aliases |= {a[: -len(x)] for a in list(aliases) for x in _ORG_SUFFIX
                        if a.endswith(x) and len(a) > len(x) + 1}
        aliases = sorted(aliases)
        if cand is not None:
            sp = self.index.from_candidate(cand, (start, end), sub.surface)
            sp.aliases = sorted({*sp.aliases, *aliases} - {sp.name})
            return sp
        return Speaker(sub.surface, name, name if HAN.search(name) else None, None,
                       [a for a in aliases if a != name], start, end, kind)

    def finish_names(self) -> None:
        """Once every paragraph is recorded: clean the names' glued tails."""
        self._person_texts = sorted({n.text for n in self.names if n.kind == "person"}, key=len, reverse=True)
        self._clean = {}
        for n in self.names:
            if n.kind == "person":
                cleaned = self.clean(n.text)
                n.end -= len(n.text) - len(cleaned)
                n.text = cleaned

    def _complete(self, head: str, pos: int, kind: str) -> str:
        core = _core(head)
        titled = core != head
        if kind == "org" and not titled and not any(n.text == head and n.kind == "person" for n in self.names):
            fuller = [n for n in self.names if n.kind == "person" and _completes(core, n.text, False)]
            return fuller[-1].text if fuller and "·" in fuller[-1].text else head
        before = [n for n in self.names if n.kind == "person" and n.start < pos and _completes(core, n.text, titled)]
        if before:  # the fuller form that spoke or led a sentence last, else the first the page gave
            fuller = {n.text for n in before}
            said = next((sp.name_zh or sp.name for at, sp in reversed(self.subjects)
                         if at < pos and (sp.name_zh or sp.name) in fuller and not _other_part(sp, core)), None)
            return said or before[0].text
        after = [n for n in self.names if n.kind == "person" and _completes(core, n.text, titled)]
        return after[0].text if after else (core if titled and len(core) > 1 else head)

    def _antecedent(self, surface: str, pos: int, kinds: tuple[str, ...], head: str = "") -> Speaker:
        """The latest subject of a compatible kind (and sex, for 他/她) before `pos`, else the latest such name."""
        sex = "f" if surface.startswith("她") else "m" if surface.startswith("他") else ""
        if sex == "f":  # 她: a woman the page named lately, before anyone whose sex the name does not tell
            for _at, sp in reversed([x for x in self.subjects if pos - WINDOW // 3 <= x[0] < pos]):
                if sp.type == "person" and _sex(sp.name_zh or sp.name or "") == "f":
                    return _as_reference(sp, surface)
        i = bisect.bisect([p for p, _ in self.subjects], pos) - 1
        while i >= 0:
            at, sp = self.subjects[i]
            if at < pos - WINDOW:
                break
            if _compatible(sp.type, kinds[0]) and _fits(head, sp) and _sex_fits(sex, sp.name_zh or sp.name or "") \
                    and _sex_fits(sex, sp.surface) and self._sex_of(sp) in ("", sex or self._sex_of(sp)):
                last = self.last_speaker
                if sex and last is not None and last is not sp and pos - at > NEAR and \
                        pos - WINDOW < self.last_speaker_at < pos and last.type == "person" and \
                        _sex_fits(sex, last.name_zh or last.name or "") and self._sex_of(last) in ("", sex):
                    return _as_reference(last, surface)  # a subject paragraphs back yields to the last speaker
                return _as_reference(sp, surface)
            i -= 1
        i = bisect.bisect(self._name_starts, pos) - 1
        while i >= 0 and self.names[i].start >= pos - WINDOW:
            n = self.names[i]
            if n.kind == kinds[0] and n.end <= pos and _fits(head, Speaker(n.text, n.text, type=n.kind)) and \
                    _sex_fits(sex, n.text) and (not sex or not n.sex or n.sex == sex) and \
                    self._sex_of(Speaker(n.text, n.text)) in ("", sex or "x"):
                sub = Subject(n.kind, n.text, 0, n.end - n.start, n.text)
                return _as_reference(self.named(sub, n.start), surface)
            i -= 1
        return Speaker(surface)

    def _role(self, sub: Subject, pos: int) -> Speaker:
        """"国务卿表示": the person the page introduced with that role ("美国国务卿迈克·蓬佩奥")."""
        for at, role, named in reversed(self.roles):
            if at < pos and (role.endswith(sub.head) or sub.head.endswith(role)) and len(sub.head) >= 2:
                sp = self.named(Subject("person", named.text, 0, named.end - named.start, named.text), named.start)
                return _as_reference(sp, sub.surface)
        return Speaker(sub.surface)

    def _sex_of(self, sp: Speaker) -> str:
        """What the page's titles tell of a person's sex ("王建国先生" anywhere on the page)."""
        name = sp.name_zh or sp.name or ""
        return next((n.sex for n in self.names if n.sex and n.text in (name, sp.surface)), "")

    def _generic_org(self, sub: Subject, pos: int) -> Speaker:
        """警方 → the police force the page named, else the police of the story, as written."""
        i = bisect.bisect(self._name_starts, pos) - 1
        while i >= 0 and self.names[i].start >= pos - WINDOW:
            n = self.names[i]
            if n.kind == "org" and sub.key in n.text:
                return _as_reference(self.named(Subject("org", n.text, 0, n.end - n.start, n.text), n.start),
                                     sub.surface)
            i -= 1
        # an organisation the tagger did not name but a cue did ("法国星期天报说")
        for at, sp in reversed(self.subjects):
            if pos - WINDOW <= at < pos and sp.type == "org" and sub.key in (sp.name_zh or sp.name or ""):
                return _as_reference(sp, sub.surface)
        return Speaker(sub.surface, sub.head, sub.head, None, [], pos, pos + len(sub.head), "org")


def _role_before(tokens: list[Token], n: int) -> str:
    """The role noun phrase right before a name ("美国国务卿" before 迈克·蓬佩奥), or ""."""
    k = n
    while k > 0 and tokens[k - 1].tag in ("n", "nz", "ORG", "LOC", "a", "vn") and n - k < 5:
        k -= 1
    role = "".join(t.text for t in tokens[k:n])
    return role if role.endswith(ROLE_HEADS + TITLES) else ""


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
        if len(over) < 2 or out[over[0]].start != s or out[over[-1]].end != e:
            continue  # one word already, or the name would cut a word: the tagger's reading stands
        if any(out[n].tag == "LOC" or out[n].tag in ("PER", "ORG") and out[n].end - out[n].start == e - s
               for n in over):
            continue
        if any(out[n].tag in ("TIME", "t") for n in over):
            continue  # "于周二": a surname-like preposition before a date is no name
        tag = "PER" if c.type == "person" else "ORG"
        out[over[0]:over[-1] + 1] = [Token(s, e, "".join(out[n].text for n in over), tag)]
    return out


def _sex(name: str) -> str:
    """"f" for a name that reads as a woman's (a transliterated given name, a title), "m" for 先生, else ""."""
    if name.endswith(("女士", "小姐", "夫人", "太太")):
        return "f"
    if name.endswith("先生"):
        return "m"
    if not HAN.search(name):
        return ""
    given = re.split(r"[·•]", name)[0] if ("·" in name or "•" in name) else ""
    if given and (set(given) & _FEMALE_CHARS or given.startswith(_FEMALE_NAMES)):
        return "f"
    if not given and len(name) >= 4 and name.startswith(_FEMALE_NAMES):
        return "f"  # 萨拉桑德斯: a woman's given name run on into the surname, without the dot
    return "m" if given in _MALE_NAMES else ""


def _sex_fits(sex: str, name: str) -> bool:
    """他 skips a woman; 她 skips a man (when the name tells)."""
    known = _sex(name)
    return not sex or not known or known == sex or sex == "m" and known == ""


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
    if head.endswith(("组织", "机构", "团体")):
        return not name.endswith(("政府", "部", "局", "国")) and not name.endswith(_OUTLET)
    return head.endswith(ORG_HEADS + REPORT_HEADS) or True


def _other_part(sp: Speaker, core: str) -> bool:
    """Whether a subject was named by another part of its full name than `core` ("罗伯特" for 罗伯特·戴利): no
    evidence of who a bare "戴利" is."""
    surface, full = sp.surface or "", sp.name_zh or sp.name or ""
    if not full or core in surface or full in surface:
        return False
    return any(len(part) >= 2 and part in surface for part in _SEP.split(full) if part != core)


def _as_reference(sp: Speaker, surface: str) -> Speaker:
    """The antecedent's identity, as written here (a pronoun names nobody where it stands)."""
    return Speaker(surface, sp.name, sp.name_zh, sp.key, list(sp.aliases), None, None, sp.type)
