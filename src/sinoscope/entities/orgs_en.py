"""English organisation names by their heads: a Title-Case run ending in a word that names a body.

"East Baton Rouge Parish Coroner's Office", "Brigham and Women's Hospital", "Joint Artificial Intelligence
Center", "Select Committee on Artificial Intelligence", "University of Michigan": the small NER model
cuts such names in pieces or misses them; the head word (Office, Hospital, Committee, University …) marks
the whole run as one organisation, with an "of/for/on …" tail after the head. Linear in the text.
"""

from __future__ import annotations

import re

from .candidates import Found

ORG_HEAD_WORDS = frozenset({
    "Office", "Hospital", "Hospitals", "Commission", "Committee", "Council", "University", "College", "School",
    "Academy", "Center", "Centre", "Institute", "Institutes", "Institution", "Agency", "Department", "Ministry",
    "Court", "Church", "Hotel", "Consortium", "Foundation", "Association", "Bureau", "Party", "Police",
    "Service", "Corporation", "Bank", "Union", "Federation", "Society", "Board", "Authority", "Laboratory",
    "Laboratories", "Labs", "Network", "Club", "Trust", "Parliament", "Assembly", "Senate", "Congress", "Army",
    "Navy", "Museum", "Library", "Orchestra", "Gazette", "Herald", "Tribune", "Journal", "Register", "Press",
    "Records", "Times", "Post", "Globe", "Examiner", "Telegraph", "Chronicle", "Observer", "Coalition",
    "Dispatch", "Courant", "Courier", "Inquirer", "Sentinel", "Bulletin", "Airlines", "Airways", "Motors", "Pictures",
    "Studios", "Films", "Ventures", "Partners", "Technologies", "Entertainment",
    "Alliance", "Organisation", "Organization", "Secretariat", "Tribunal",
    "Diocese", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "Group", "Holdings",
})
# Head words that alone ("the Commission", "the Bank") stand for the one body the page names in full with them
# (a legislature or a service alone — Senate, Parliament, Navy — is a body of its own).
BARE_HEADS = frozenset({
    "Bank", "Council", "Cabinet", "Court", "Board", "Committee", "Commission", "Agency", "Ministry", "Department",
    "Office", "Bureau", "Authority", "Union", "Party", "Group", "Company", "Institute", "University", "College",
    "School", "Foundation", "Association", "Society", "Club", "Network", "Trust", "Service", "Corporation",
    "Hospital", "Museum", "Library", "Academy", "Center", "Centre", "Federation", "Alliance", "Coalition",
})
# Words a run of capitals may begin with that are not part of a name (a sentence's first word, a rank).
_NOT_FIRST = frozenset({
    "The", "A", "An", "In", "At", "On", "By", "For", "From", "But", "And", "As", "After", "When", "While", "If",
    "This", "That", "These", "Those", "It", "Its", "His", "Her", "Their", "Our", "My", "Your", "We", "They", "He",
    "She", "According", "Under", "Over", "With", "Without", "Since", "Before", "During", "Meanwhile", "Also",
    "Last", "Next", "Each", "Every", "Some", "Many", "Most", "All", "No", "Former", "Chief", "President",
    "Secretary", "Director", "Professor", "Prof", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Then",
    "Now", "Only", "Both", "Several", "Two", "Three", "Like", "Unlike", "Despite", "Although", "Because", "Why",
    "How", "What", "Who", "Where", "Which", "So", "Yet", "Or", "Nor", "Not", "Even", "Until", "Among", "Through",
    "To", "Of", "Into", "About", "Against", "Between", "Within", "Across", "Behind", "Beyond", "Toward", "Towards",
})
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:St|Mt|Ft)\.|[A-Za-z][\w'’.&\-]*\w|[A-Za-z]|\S")
_CONNECT_BEFORE_HEAD = frozenset({"and", "&"})
_TAIL_START = frozenset({"of", "for", "on"})
_TAIL_CONNECT = frozenset({"of", "for", "on", "the", "and", "&", "de"})
_MAX_WORDS = 10
_DAYS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
})


def _capital(word: str) -> bool:
    return word[:1].isupper() and word not in _NOT_FIRST or word[:1].isdigit() and word.isalnum()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def org_phrases(text: str) -> list[Found]:
    """Organisation names found by their head word (offsets into `text`)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[Found] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][2]
        if not (word[:1].isupper() and word not in _NOT_FIRST) or word in ORG_HEAD_WORDS and _stuck(tokens, i):
            i += 1
            continue
        end = _run_to_head(tokens, i)
        if end is None:
            i += 1
            continue
        start = i
        for k in range(i, end):  # "Indonesia's Agency for …", "Corbyn's Labour Party": the owner is not the name
            if _possessive(tokens[k][2]) and (k == i or tokens[k + 1][2] not in ORG_HEAD_WORDS):
                start = k + 1
        end = _tail(tokens, end, text)
        s, e = tokens[start][0], tokens[end][1]
        if end > start:
            out.append(Found(s, e, text[s:e], "org", "rule"))
        i = end + 1
    return out


def _stuck(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """A head word alone with nothing named before it ("Office" opening a sentence) starts no run."""
    return not _adjacent(tokens, i) or not (tokens[i + 1][2] in _TAIL_START or _capital(tokens[i + 1][2]))


def _adjacent(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token i+1 follows token i after exactly one space."""
    return i + 1 < len(tokens) and tokens[i + 1][0] == tokens[i][1] + 1


def _run_to_head(tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """Index of the last head word of the capitalised run starting at i (only `and`/`&` inside), or None."""
    last_head = None
    j = i
    words = 0
    while j < len(tokens) and words < _MAX_WORDS:
        word = tokens[j][2]
        if word in ORG_HEAD_WORDS:
            last_head = j
        elif not _capital(word):
            break
        if not _adjacent(tokens, j):
            break
        nxt = tokens[j + 1][2]
        if nxt in _CONNECT_BEFORE_HEAD and last_head is None and _adjacent(tokens, j + 1) and j + 2 < len(tokens) \
                and _capital(tokens[j + 2][2]):
            j += 2
        elif _capital(nxt) or nxt in ORG_HEAD_WORDS:
            j += 1
        else:
            break
        words += 1
    return last_head


def _tail(tokens: list[tuple[int, int, str]], end: int, text: str) -> int:
    """Extend a name past its head over "of/for/on (the) Capitalised …" ("Commission on Artificial Intelligence")."""
    if not _adjacent(tokens, end) or tokens[end + 1][2] not in _TAIL_START:
        return end
    j = end + 2
    if j < len(tokens) and tokens[j][2] == "the" and _adjacent(tokens, j - 1):
        j += 1  # "Agency for the Assessment …"
    best = end
    while j < len(tokens) and _adjacent(tokens, j - 1):
        word = tokens[j][2]
        if not word[:1].isupper() or word in _NOT_FIRST or word in _DAYS:
            break
        best = j
        if not _adjacent(tokens, j) or j + 2 >= len(tokens) or tokens[j + 1][2] not in _TAIL_CONNECT - {"the", "on"}:
            j += 1
            continue
        j += 2  # "… of Health and Human Services"
        if j < len(tokens) and tokens[j][2] == "the" and _adjacent(tokens, j - 1):
            j += 1  # "… Forces for the Liberation of …"
    return best


def shortened_orgs(names: list[str]) -> dict[str, str]:
    """Short forms of a page's organisation names → the one full name each shortens: the name without
    what comes before its head ("Judiciary Committee" → "Senate Judiciary Committee") or without its
    tail ("National Trust" → "National Trust for Scotland")."""
    out: dict[str, str] = {}
    for short in names:
        words = short.split(" ")
        if len(words) < 2 and short not in BARE_HEADS:
            continue
        longer = {n for n in names if n != short and (
            words[-1] in ORG_HEAD_WORDS and n.endswith(" " + short)
            or any(n.startswith(f"{short} {w} ") for w in _TAIL_START))}
        if len(longer) == 1:
            out[short] = longer.pop()
    return out
