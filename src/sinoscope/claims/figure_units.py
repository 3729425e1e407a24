"""Vocabulary for figures: currencies, percent and ratio markers, duration and measured units,
Chinese classifiers, hedges and bounds, and the patterns that mark dates, times, versions and URLs.

All patterns run on the same-length normalised text from ``numbers.normalize``.
"""

from __future__ import annotations

import re

from sinoscope.claims.numbers_en import NUMBER_WORDS

# --- money ---------------------------------------------------------------------------------------
# "$" with an optional country code in front: US$, HK$, C$, A$, NT$, usd$, mex$.
DOLLAR_CODES = {
    "": "USD", "us": "USD", "u.s": "USD", "u.s.": "USD", "usd": "USD", "hk": "HKD", "hkd": "HKD",
    "c": "CAD", "ca": "CAD", "cad": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD",
    "nzd": "NZD", "s": "SGD", "sg": "SGD", "sgd": "SGD", "nt": "TWD", "mex": "MXN", "mxn": "MXN", "r": "BRL",
}  # fmt: skip
SYMBOLS = {"£": "GBP", "€": "EUR", "￥": "CNY", "₹": "INR", "₩": "KRW", "₿": "BTC", "₡": "CRC", "₾": "GEL",
           "₭": "LAK", "ரூ": "LKR", "₽": "RUB", "₺": "TRY", "₫": "VND", "₱": "PHP"}  # fmt: skip
# ISO codes written next to amounts. Upper case only, except codes that are not English words.
ISO_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "TWD", "KRW", "CAD", "AUD", "NZD", "CHF", "INR", "SGD",
    "MXN", "RUB", "BRL", "SEK", "NOK", "DKK", "ZAR", "THB", "VND", "IDR", "MYR", "PHP", "SAR", "AED", "ILS",
    "PLN", "CZK", "HUF", "NGN", "EGP", "PKR", "BDT", "BTC", "TRY",
}  # fmt: skip
CODE_GLUED = re.compile(
    r"(USD|EUR|GBP|JPY|CNY|RMB|HKD|TWD|KRW|CAD|AUD|CHF|INR|SGD)"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.,]*\d)(?![A-Za-z])"
)
LOWER_OK_CODES = {"usd", "eur", "gbp", "jpy", "cny", "rmb", "hkd", "twd", "krw", "cad", "aud", "nzd", "chf",
                  "inr", "sgd", "mxn", "btc"}  # fmt: skip
EN_CURRENCY_WORDS = {
    "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD", "hong kong dollar": "HKD",
    "australian dollar": "AUD", "canadian dollar": "CAD", "singapore dollar": "SGD", "taiwan dollar": "TWD",
    "new taiwan dollar": "TWD", "new zealand dollar": "NZD", "dollar": "USD", "buck": "USD",
    "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY", "euro": "EUR",
    "pound sterling": "GBP", "british pound": "GBP", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "japanese yen": "JPY", "won": "KRW", "korean won": "KRW", "rupee": "INR", "indian rupee": "INR",
    "swiss franc": "CHF", "franc": "FRANC", "peseta": "ESP", "dutch guilder": "NLG", "guilder": "NLG",
    "finnish markka": "FIM", "markka": "FIM", "ruble": "RUB", "rouble": "RUB", "turkish lira": "TRY",
    "lira": "TRY", "peso": "MXN", "mexican peso": "MXN", "bitcoin": "BTC", "real": "BRL",
}  # fmt: skip
# Sub-units: value is divided by the factor and reported in the main currency.
EN_SUBUNITS = {"cent": ("USD", 100), "cents": ("USD", 100), "penny": ("GBP", 100), "pence": ("GBP", 100),
               "satoshi": ("BTC", 1e8), "satoshis": ("BTC", 1e8)}  # fmt: skip
ZH_CURRENCIES = {
    "元人民币": "CNY", "人民币": "CNY", "美元": "USD", "美金": "USD", "美刀": "USD", "美圆": "USD", "欧元": "EUR",
    "日元": "JPY", "日圆": "JPY", "英镑": "GBP", "港元": "HKD", "港币": "HKD", "新台币": "TWD", "台币": "TWD",
    "韩元": "KRW", "卢布": "RUB", "瑞士法郎": "CHF", "法郎": "FRANC", "澳元": "AUD", "加元": "CAD",
    "新加坡元": "SGD", "新元": "SGD", "卢比": "INR", "奈拉": "NGN", "比特币": "BTC", "泰铢": "THB",
    "越南盾": "VND", "印尼盾": "IDR", "林吉特": "MYR", "兰特": "ZAR", "雷亚尔": "BRL", "里拉": "TRY",
    "元": "CNY", "圆": "CNY", "块钱": "CNY", "块": "CNY", "元美金": "USD", "元美元": "USD", "元港币": "HKD",
    "美分": "USD",
}  # fmt: skip
_ZH_CUR_ALT = "|".join(sorted(ZH_CURRENCIES, key=len, reverse=True))
ZH_CURRENCY_AFTER = re.compile(rf"\s*(?:个|枚)?\s*({_ZH_CUR_ALT})(?!大楼)")
ZH_CURRENCY_BEFORE = re.compile(r"(?<![\d零一二三四五六七八九十百千万亿])(人民币|美元|港币|欧元)\s*$")
_EN_CUR_ALT = "|".join(sorted((re.escape(w) + "s?" for w in EN_CURRENCY_WORDS), key=len, reverse=True))
EN_CURRENCY_AFTER = re.compile(rf"(?i:\s*-?\s*({_EN_CUR_ALT}|cents?|pence|penny|satoshis?))(?![A-Za-z])")
CODE_AFTER = re.compile(r"\s?([A-Za-z]{3})(?![A-Za-z])")
MILLION_CODE_AFTER = re.compile(r"\s?M(USD|EUR|GBP|AUD|CAD|CNY|JPY)(?![A-Za-z])", re.I)
DOLLAR_BEFORE = re.compile(r"(?:(?<![A-Za-z])([A-Za-z]{1,3}|[Uu]\.[Ss]\.?|NT)\s?)?\$\s{0,2}$")
SYMBOL_BEFORE = re.compile(r"(£|€|￥|¥|₹|₩|₿|₡|₾|₭|ரூ|₽|₺|₫|₱)\s{0,2}$")
CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]{3})\s?$")
SYMBOL_AFTER = re.compile(r"\s?(€|\$|£|₡|₾|₭|ரூ|₹|₩|₽)")

# --- percent, ratio ------------------------------------------------------------------------------
PERCENT_AFTER = re.compile(
    r"(?i:\s*(%|percent(?:age)?s?(?:\s+points?)?|per\s?cent(?:age)?(?:\s+points?)?|pct|pp(?![A-Za-z])))"
    r"|\s*个?\s*百\s*分\s*点"
)
PERCENT_OF_BEFORE = re.compile(r"(?i)(percents?|per\s?cent|percentage)\s+of\s+$")
RATE_PREFIX = re.compile(r"([百千万]+)\s*分\s*之\s*$")  # 百分之 / 千分之 / 万分之
CHENG_AFTER = re.compile(r"\s*成(?![员为功立本果都熟长交分绩型就效品年了个批片群])(\s*半)?")
ZHE_AFTER = re.compile(r"\s*折(?![叠合算旧射返腾服磨中线扣价成])")
RATIO_AFTER = re.compile(r"(?i:\s*(x|×|times|-fold|fold))(?![A-Za-z])|\s*倍")
ZH_RATIO_WORDS = re.compile(r"翻(?:了)?(一|两|二|三)?番|翻倍|加倍")
LIST_JOIN = re.compile(r"\s*(?:,|、|，|;|；)?\s*(?:(?i:and|or|to|versus|vs\.?)|和|与|及|或|至|到|"
                       r"降至|升至|增至|减至)\s*|\s*(?:,|、|，)\s*")
POINTS_AFTER = re.compile(r"\s*(?:points?|pts)\b")
INDEX_BEFORE = re.compile(r"(?i:index|indices|\bDow\b|Nasdaq|S&P|FTSE|Nikkei|Hang Seng|DAX|CAC|Kospi|benchmark)|"
                          r"指数|恒指|道指|沪指|综指")
COMPARISON_AFTER = re.compile(r"(?i)\s+(?:as|the|that|more|less|bigger|larger|higher|faster|over)\b")
ZH_MONTHS_AFTER = re.compile(r"(\d{1,2})个月")
EN_RATIO_WORDS = re.compile(r"(twice|doubled?|tripled?|quadrupled?)")  # boundaries checked by caller

# --- durations and measured quantities -----------------------------------------------------------
EN_DURATION_AFTER = re.compile(r"(?i)\s*-?\s*(years?|yrs?|months?|weeks?|days?|hours?|decades?)(?![A-Za-z])")
ZH_DURATION_AFTER = re.compile(r"\s*(多|余|几)?\s*(个多月|个多小时|个月|年|天|周|个星期|星期|小时|个小时|个季度|分钟)")
DURATION_UNITS = {"year": "years", "yr": "years", "month": "months", "week": "weeks", "day": "days",
                  "hour": "hours", "decade": "decades", "年": "years", "个月": "months", "个多月": "months",
                  "天": "days", "周": "weeks", "个星期": "weeks", "星期": "weeks", "小时": "hours",
                  "个小时": "hours", "个多小时": "hours", "个季度": "quarters", "分钟": "minutes",
                  "月": "months"}  # fmt: skip
QUANTITY_AFTER = re.compile(
    r"\s*-?\s*(GW|MW|kW|TW|GWh|TWh|MWh|kWh|nm|nanomet(?:er|re)s?|(?i:parameters?|params|tokens?|qubits?|"
    r"petaflops|exaflops|teraflops|gigawatts?|megawatts?|terawatts?|kilomet(?:er|re)s?|tonnes?|barrels?|"
    r"feet|foot|miles?|mph|kph|km/h|met(?:er|re)s?|inch(?:es)?|kilograms?|kilos?|tons?|acres?|hectares?|"
    r"gallons?|lit(?:er|re)s?|degrees?|magnitude|(?:cubic|square)\s+(?:feet|met(?:er|re)s?|miles?|kilomet(?:er|re)s?))|"
    r"TFLOPS|PFLOPS|EFLOPS|TOPS|GB|TB|PB|EB|km|kg|ft|lbs?)(?![A-Za-z])"
    r"|\s*(个)?(参数|纳米|千瓦时|兆瓦|吉瓦|千瓦|吨|公里|平方公里|平方米|立方米|平方英尺|桶|量子比特|英尺|英里|英亩|公分|厘米|"
    r"毫米|毫升|公斤|千克|公顷|亩|磅|码|度|级|米|升|克|tokens?|token|TOPS|EFLOPS|PFLOPS)"
)
POUND_WEIGHT_AFTER = re.compile(r"\s*-?\s*pound(?!s)(?=\s*-?\s*[a-z])")  # "650 pound hog"; money is "650 pounds"
MAGNITUDE_BEFORE = re.compile(r"(?i)\bmagnitude[\s-]*$")
MEASURE_CHAR_AFTER = re.compile(r"\s*(?:秒|米|克|升|毫米|厘米)")
EN_FRACTION_WORD = re.compile(
    r"(?i)(?:thirds?|quarters?|halves|half|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)$")
HYPHEN_NOUN_AFTER = re.compile(r"-(?!year|month|week|day|hour|minute|old\b)([a-z]{3,})(?![a-z-]*-old\b)")
VAGUE_NUMERAL = re.compile(r"[数几]|[十百千万亿]+几")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "twenty": 20, "hundred": 100, "a": 1}  # fmt: skip
_SMALL_ALT = "|".join(_SMALL) + r"|\d{1,3}"
# matched on the lower-case copy of the text (same length), where literal prefixes let the engine skip ahead
ONE_IN_N = re.compile(rf"(?<![\w-])({_SMALL_ALT})\s+in\s+(?:every\s+)?({_SMALL_ALT})(?![\w-])")
HALF_SHARE = re.compile(r"(?<![\w-])half(?=\s+(?:of|the|its|their|his|her|our)\b)|一半")
DURATION_WORD = re.compile(r"(decade|year|month|week|day|hour)(?![\w-])(?!\s+old\b)")
ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w-])(?:(half)\s+an?|an?\s+(?:extra|full|whole|single)|an?|just\s+over\s+a)\s+$")
HALF_UNIT_AFTER = re.compile(r"(?i)\s+an?\s+(decade|year|month|week|day|hour)(?![\w-])")
ZH_HALF_DURATION = re.compile(r"半(?:个)?(小时|年|天|个月)")


def small_number(word: str) -> float | None:
    word = word.lower()
    return float(word) if word.isdigit() else _SMALL.get(word)
QUANTITY_NAMES = {"nanometer": "nm", "nanometre": "nm", "纳米": "nm", "参数": "parameters", "param": "parameters",
                  "parameter": "parameters", "token": "tokens", "qubit": "qubits", "量子比特": "qubits",
                  "gigawatt": "GW", "megawatt": "MW", "terawatt": "TW", "兆瓦": "MW", "吉瓦": "GW", "千瓦": "kW",
                  "千瓦时": "kWh", "吨": "tonnes", "tonne": "tonnes", "公里": "km", "kilometer": "km",
                  "kilometre": "km", "barrel": "barrels", "桶": "barrels", "平方公里": "km2"}  # fmt: skip

# --- counts --------------------------------------------------------------------------------------
ZH_CLASSIFIER_AFTER = re.compile(
    r"\s*(多|余|几)?\s*(个|家|项|名|位|款|台|块|座|所|条|次|种|件|张|辆|架|艘|枚|颗|部|篇|份|人|席|支|只|批|场|套|"
    r"起|例|处|国|片|股|户|间|本|首|门|期|轮|届|队|层|栋|吨|页|任|头|粒|株|针|根|瓶)"
)
ZH_NOUN = re.compile(r"[A-Za-z][A-Za-z0-9\-]*|[\u4e00-\u9fff]{1,4}")
ZH_NOUN_STOP = set("的在和与及是被将已为了中上下里等投有从向对把让使给共均约近达超占获宣表称推参进开签计提组建涉包")
EN_STOP = set(
    [
        "of",
        "in",
        "to",
        "and",
        "or",
        "for",
        "with",
        "by",
        "on",
        "at",
        "from",
        "that",
        "which",
        "who",
        "were",
        "are",
        "is",
        "was",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "than",
        "as",
        "per",
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "than",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "until",
        "while",
        "when",
        "where",
        "so",
        "but",
        "not",
        "also",
        "each",
        "more",
        "less",
        "ago",
        "old",
        "this",
        "last",
        "next",
    ]
)
EN_IRREGULAR_PLURALS = {"people", "staff", "personnel", "children", "men", "women", "police", "data", "cattle",
                        "employees", "workers", "engineers"}  # fmt: skip
NUMBER_STOP = NUMBER_WORDS | {"percent", "per", "times"}
COUNT_LEADS = re.compile(r"(?i)\b(the other|the remaining|all|another|top|the top|the first|the last|only)\s+$")
OF_LINK = re.compile(
    r"(?i)\s+(?:out\s+)?of\s+(?:the\s+|those\s+|these\s+|its\s+|their\s+|our\s+|all\s+)?(?:[A-Za-z]+'s\s+)?"
    r"(?:top\s+|largest\s+|biggest\s+|leading\s+)?$"
)

# --- hedges and bounds ---------------------------------------------------------------------------
APPROX_BEFORE = re.compile(
    r"(?i)(?:\b(about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|circa|"
    r"up to|as many as|as much as)\s+|~\s*|(约|大约|大概|近|将近|接近|上下|数|几))$"
)
UPPER_BEFORE = re.compile(r"(?i)(?:\b(less than|fewer than|under|below|at most|no more than|not more than|"
                          r"up to)\s+|(不到|不足|低于|少于|最多|至多|未满|不超过))$")  # fmt: skip
LOWER_BEFORE = re.compile(r"(?i)(?:\b(more than|over|above|at least|exceeding|in excess of|upwards of|greater than|"
                          r"north of)\s+|(超过|逾|高于|多于|至少|超|以上))$")  # fmt: skip
# "由95%下降为0", "from 95% to 0": the second number inherits the unit of the first
CHANGE_LINK = re.compile(
    r"(?:\s*(?:下降|上升|下滑|降|升|增长|增加|减少|跌|涨|提高|降低|回落|攀升))?\s*(?:为|至|到)\s*$|\s+to\s+$"
)
APPROX_AFTER = re.compile(r"^\s*(左右|上下|出头)")
UPPER_AFTER = re.compile(r"^\s*(以下|以内)")
LOWER_AFTER = re.compile(r"^\s*(以上|多|余)")

# --- things that are not figures -----------------------------------------------------------------
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")  # fmt: skip
# Each pattern starts with a literal or a character class so the regex engine can skip ahead fast;
# the digit patterns share one leading \d (a left word boundary is checked by the caller).
BLOCKERS = [
    re.compile(r"(?:https?://|www\.)\S+"),
    re.compile(r"[\[［【(（]\d{1,3}[\]］】)）]"),
    re.compile(rf"{_MONTHS}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{4}})\b"),
    re.compile(
        r"\d(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}\b"  # 2026-02-05
        r"|\d?/\d{1,2}/\d{2,4}\b"  # 5/17/2018
        r"|\d?:\d{2}(?::\d{2})?\b"  # 10:30
        rf"|\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b(?:,?\s+\d{{4}})?"  # 20 January 2026
        r"|\d{2,3}[\s-]\d{3,4}[\s-]\d{4}\b"  # 202-555-0143
        r"|(?<=1)[3-9]\d{9}(?!\d)"  # Chinese mobile numbers
        r"|\d{3}s\b|0后|\d{1,3}年代"  # 1990s, 90后, 90年代
        r"|(?<=[12])[09]\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\b)"  # 2024-25, 2020-2025
    ),
    re.compile(r"[+(]\d{1,4}\)?[\s-]?\d{3,4}[\s-]\d{3,4}(?:[\s-]\d{4})?\b"),  # +1 202 555 0143
    re.compile(r"'\d0s\b|[零一二三四五六七八九十]{1,3}十年代"),
]
EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+\.[A-Za-z0-9.]+")
# A product or model name glued to the number: "GPT-5", "Qwen3-235B", "COVID-19".
MODEL_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.]*[-_]$")
ZH_DATE_AFTER = re.compile(r"\s*(年(?!代)|月(?!份?[^\s]*?[内间])|日|号|点(?![零一二三四五六七八九\d])|时|时代|后)")
ORDINAL_BEFORE = re.compile(r"(第|No\.\s?|#)\s*$")
ORDINAL_RANGE_BEFORE = re.compile(r"(?:第|No\.\s?|pp?\.\s?)\s*[\d零一二三四五六七八九十百千]+\s*(?:-|~|～|至|到)\s*$")
