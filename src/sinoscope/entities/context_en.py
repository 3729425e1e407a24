"""Types from the words around an English name, where the small NER model guesses wrong or not at all.

- a role before a name makes it a person: "rapper Tavio Quence", "Lt Col Brannock Vell";
- a role of someone at a body makes the body an organisation: "CEO of Harwick", "a spokesperson for X";
- "X's new model Y" makes X an organisation and Y a product, as "the Y model" makes Y a product;
- "X, who", "X's widow", "X wrote" make a person of a name the model called something else; "near X", "the capital, X",
  "north of X", "in southern X" make it a place, "X messages", "X pages" a product (a platform in use);
  these only retype names the model found.
"""

from __future__ import annotations

import re

from .candidates import Found
from .orgs_en import org_phrases

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"[{_UPPER}][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}"
# "Günter de Bruyn", "Ludwig van Beethoven": a person's name may hold a lower-case particle.
_PERSON_NAME = rf"{_NAME_WORD}(?: (?:(?:de|van|von|der|da|di|du|le|la|bin|al) )?{_NAME_WORD}){{0,2}}"
_ORG_NAME = r"[A-Z][\w&.\-]*(?: (?:of|and|for|&|[A-Z][\w&.\-]*)){0,5}"
_PRODUCT_NAME = r"[A-Z][\w.\-]*(?: [A-Z0-9][\w.\-]*){0,2}"
_PERSON_ROLES = (
    "rapper|singer|songwriter|actor|actress|lawyer|attorney|lifeguard|coach|detective|officer|economist|"
    "analyst|researcher|scientist|professor|investor|entrepreneur|billionaire|novelist|author|journalist|"
    "activist|senator|governor|mayor|minister|chancellor|lawmaker|congressman|congresswoman|"
    "son|daughter|wife|husband|brother|sister|mother|father|widow|girlfriend|boyfriend|presenter|striker|"
    "midfielder|defender|goalkeeper|chef|artist|musician|writer|poet|expert|painter|composer|historian|"
    "philosopher|king|queen|emperor|empress|pharaoh|sultan|tsar|czar|pope|"
    "directed by|starring|co-starring|written by|played by|painted by|composed by|"
    "Lt|Col|Capt|Sgt|Det|Gen|Maj|Sen|Rep|Gov|Dr|Prof|Mr|Ms|Mrs|Miss|Sir|Dame|Lord|Lady|King|Queen|Emperor|Empress|"
    "Pharaoh|Sultan|Tsar|Czar|Pope|President|Prince|Princess"
)
# "Lord Protector", "Lord Chancellor", "Prince Regent": a title of two words names no one
_TITLE_NOT_NAME = (r"(?:Protector|Chancellor|Lieutenant|Chief|Advocate|Commissioner|Mayor|Provost|Justice|"
                   r"President|Regent|Admiral|Marshal|Consort|Emeritus|Minister|Secretary|General)")
# A capitalised rank that is also an organisation's first word ("General Motors") needs a particle after it.
_PERSON_AFTER_ROLE = re.compile(
    rf"(?<![\w\-])(?:(?:{_PERSON_ROLES})\.?(?: (?:Col|Gen)\.?)? (?!{_TITLE_NOT_NAME}\b)({_PERSON_NAME})"
    rf"|General ((?:de|von|van) {_NAME}))")
_ORG_AFTER_ROLE = re.compile(
    r"\b(?:CEO|chief executive|chief executive officer|founder|co-founder|chairman|chairwoman|president|"
    r"spokesperson|spokesman|spokeswoman|director|head|employees?|researchers?|engineers?|analysts?) "
    rf"(?:of|at|for) (?:the )?({_ORG_NAME})"
)
_MAKER_AND_MODEL = re.compile(
    rf"\b({_NAME})['’]s (?:new |latest |flagship |newest |open-source )*(?:AI )?(?:model|chatbot|chip|app)s?"
    rf"(?:,? ({_PRODUCT_NAME}))?"
)
_PERSON_BEFORE_WHO = re.compile(rf"(?<![\w.’'])({_NAME}),? (?:who|whose)\b")
# "Kipling's novels", "Cotton's widow", "Hale wrote", "Ostrova married": what only a person has or does.
_PERSON_BY_WHAT = re.compile(
    rf"(?<![\w.’'])(?<!the )(?<!The )(?!The |A |An )({_NAME})(?:['’]s "
    r"(?:(?:best|own|early|later|dark|first|last|late|younger|elder|older) )?(?:wife|husband|son|daughter|father|"
    r"mother|brother|sister|parents|widow|death|birth|funeral|childhood|career|novels?|memoirs?|poems?|paintings?|films?|albums?|songs?|"
    r"biography|grandmother|grandfather|nephew|niece|cousin|uncle|aunt|friends?|life|family|girlfriend|boyfriend|"
    r"performances?|teachings|reign|presidency|premiership|marriage|retirement|addiction)| (?:wrote|recalled|"
    r"admitted|died|was born|married|regretted|resigned|retired|himself|herself|starred|co-starred|enrolled|"
    r"graduated|was knighted|was elected|was re-elected|grew up|fell in love))\b"
)
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_PLACE_AFTER = re.compile(
    rf"\b(?:near|outside|{_DIRECTION}(?:ern)? of|the capital,?|capital city,?|(?:town|city|village|island|"
    rf"province|region|county|district|port) of|in (?:central|{_DIRECTION}(?:ern)?)|the river|past|across|"
    rf"towards?|invaded|invade|conquered|conquer|captured|capture|besieged|marched(?: deep)? into|border with|"
    rf"sailed to) ({_NAME})"
)
# A person's name seldom follows these ("in Castelvetro", "at Southsea", "Duke of Cumberland"): the model's
# person there is a place (names it typed otherwise are left alone: "at Nimbus" is as often a company).
_PLACE_NOT_PERSON = re.compile(
    rf"\b(?:in|at|into|visited|(?:Duke|Duchess|Earl|Count|Countess|Baron|Marquess|Marquis|Bishop|Archbishop|"
    rf"kings?|queens?) of) ({_NAME})(?!['’]s)\b"
)
# "the film Looper", "the fragrance, Opium", "published as Undersea": a named work is a product.
_WORK_AFTER_NOUN = re.compile(
    r"\b(?:film|movie|album|song|single|novel|book|series|sitcom|show|fragrance|perfume|video game|musical|opera|"
    rf"play|essay|poem|painting|documentary|published as|released as),? [\"“]?({_PRODUCT_NAME})"
)
# "UK spy agency GCHQ", "his record label The Rocket Record Company": a body named after the noun for it.
_ORG_NOUNS = (
    "band|label|company|firm|agency|newspaper|broadcaster|union|carrier|airline|retailer|publisher|studio|"
    "regulator|charity|start-?up|magazine|bank|insurer|automaker|carmaker|chipmaker|conglomerate"
)
_ORG_AFTER_NOUN = re.compile(rf"\b({_ORG_NOUNS}) [\"“]?({_ORG_NAME}|[A-Z]{{2,6}})")
# After these nouns the name is the body's even where the model saw a person ("the band Corvin Ash"); after
# "company" or "firm" it may be who founded it ("a company Vell founded").
_ORG_NOUNS_OVER_PERSON = frozenset({"band", "label", "agency", "newspaper", "broadcaster", "magazine", "airline"})
# "the Agency for Coastal Works (ACW)": the acronym in brackets after a body's name is that body.
_BRACKETED_ACRONYM = re.compile(r" \(([A-Z][A-Z&]{1,7})\)")
# "the Abbotsford area", "the Eibingen cloister": a name before the noun for a place is that place.
_PLACE_BEFORE_NOUN = re.compile(
    rf"\b({_NAME}) (?:area|cloister|monastery|abbey|district|districts|region|valley|river|island|province|county|"
    r"village|town|city|neighbou?rhood|suburb|peninsula|delta|basin|coast|harbou?r|airport|border)\b"
)
# A run ending in one of these names a place, not a body ("West Indies", "British Isles", "Capitol Hill").
_PLACE_HEADS = frozenset({
    "Islands", "Isles", "Indies", "Hill", "Hills", "Park", "Street", "Square", "Bridge", "Canal", "River", "Valley",
    "Mountains", "Lake", "Bay", "Peninsula", "Coast", "Desert", "Sea", "Ocean", "Forest", "Gardens", "Airport",
    "Station", "Avenue", "Road", "Island", "Delta", "Strait", "Gulf",
})
# "Yazidi women", "First Nations culture", "Sami dialects": a people, not a body or a person.
_PEOPLE_BEFORE_NOUN = re.compile(
    rf"\b({_NAME}) (?:women|men|people|peoples|groups|culture|cultures|dialects?|languages?|tribes?|communities|"
    r"community|children|families|refugees|population|populations|descent|ancestry|heritage|minority|minorities)\b"
)
# What an event, a law, an award or an era is called by: "First Opium War", "Treaty of Nanking", "Copper Age".
_NOT_ORG_HEADS = frozenset({
    "War", "Wars", "Treaty", "Age", "Era", "Period", "Testament", "Award", "Awards", "Prize", "Prizes", "Revolution",
    "Crisis", "Games", "Olympics", "Cup", "Championship", "Championships", "Accord", "Accords", "Summit", "Festival",
    "Treaties", "Uprising", "Rebellion", "Massacre", "Campaign",
})
# "WhatsApp messages", "Wikipedia pages", "an Instagram post": a platform in use is a product.
_PLATFORM_USE = re.compile(
    rf"\b({_NAME}) (?:app|apps|messages?|pages?|accounts?|posts?|feeds?|stories|story|videos?|users?|profiles?)\b")
_TRAILING_SMALL = re.compile(r"(?: (?:of|and|for|&))+$")


def _days_and_months(name: str) -> bool:
    return name.split(" ")[0] in _CALENDAR


_CALENDAR = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November", "December",
})


def context_names(text: str) -> list[Found]:
    """Names whose type the words around them give (offsets into `text`)."""
    out: list[Found] = []
    for match in _PERSON_AFTER_ROLE.finditer(text):
        group = 1 if match.group(1) else 2
        out.append(Found(match.start(group), match.end(group), match.group(group), "person", "context"))
    for match in _ORG_AFTER_ROLE.finditer(text):
        name = _TRAILING_SMALL.sub("", match.group(1))
        out.append(Found(match.start(1), match.start(1) + len(name), name, "org", "context"))
    for match in _ORG_AFTER_NOUN.finditer(text):
        name = _TRAILING_SMALL.sub("", match.group(2))
        name = name if name.endswith(("Inc.", "Corp.", "Ltd.", "Co.")) else name.rstrip(".")
        if not _days_and_months(name):
            source = "context!" if match.group(1) in _ORG_NOUNS_OVER_PERSON else "context"
            out.append(Found(match.start(2), match.start(2) + len(name), name, "org", source))
    for match in _MAKER_AND_MODEL.finditer(text):
        out.append(Found(match.start(1), match.end(1), match.group(1), "org", "context"))
        if match.group(2):
            out.append(Found(match.start(2), match.end(2), match.group(2), "product", "context"))
    return out


def retype_hints(text: str) -> list[Found]:
    """Types for names the model found but typed wrong (never names of their own)."""
    out = [Found(m.start(1), m.end(1), m.group(1), "person", "context") for pattern in (
        _PERSON_BEFORE_WHO, _PERSON_BY_WHAT) for m in pattern.finditer(text)]
    out += [Found(m.start(1), m.end(1), m.group(1), "place", "context") for m in _PLACE_AFTER.finditer(text)]
    out += [Found(m.start(1), m.end(1), m.group(1), "product", "context") for m in _PLATFORM_USE.finditer(text)]
    return out


# "Holy Roman Emperor": a run before a title is the title's, no body
_TITLES_AFTER = frozenset({"Emperor", "Empress", "King", "Queen", "Minister", "Secretary"})
_EVENT_OPENERS = frozenset({"Treaty", "Battle", "War", "Siege", "Treaties", "Peace"})


def guarded_hints(text: str) -> list[tuple[Found, frozenset[str]]]:
    """Types for names the model typed one of the given ways: a person where a place stands, a named work
    or a body named after its noun unless the model saw a person there ("the company Vell founded")."""
    out = [(Found(m.start(1), m.end(1), m.group(1), "place", "context"), frozenset({"person"}))
           for m in _PLACE_NOT_PERSON.finditer(text)]
    out += [(Found(m.start(1), m.end(1), m.group(1), "product", "context"), frozenset({"org", "place"}))
            for m in _WORK_AFTER_NOUN.finditer(text)]
    out += [(Found(m.start(1), m.end(1), m.group(1), "place", "context"), frozenset({"org", "person", "product"}))
            for m in _PLACE_BEFORE_NOUN.finditer(text)]
    out += [(Found(m.start(1), m.end(1), m.group(1), "people", "context"), frozenset({"org", "person", "product"}))
            for m in _PEOPLE_BEFORE_NOUN.finditer(text)]
    return out


def _names_no_body(item: Found, text: str) -> bool:
    """An event, a law, an award or an era the model called an organisation ("Copper Age", "Honorary Academy"
    before "Award")."""
    words = item.text.split(" ")
    if item.type == "product" and item.source == "spacy":  # "Global Citizen Festival" is no work either
        return words[-1] in _NOT_ORG_HEADS - {"Award", "Awards", "Prize", "Prizes", "Testament", "Campaign"}
    if item.type != "org":
        return False
    following = re.match(r" ([A-Z][a-z]+)", text[item.end:])
    if words[-1] in _NOT_ORG_HEADS or following and following.group(1) in _NOT_ORG_HEADS | _TITLES_AFTER:
        return True
    # "Treaty of Nanking", "the War of the First Coalition", "Minister for Justice": an event or a portfolio
    before = text[max(0, item.start - 30):item.start]
    return words[0] in _EVENT_OPENERS and len(words) > 2 and words[1] == "of" or bool(re.search(
        r"(?:\b(?:War|Battle|Siege|Treaty) of (?:the )?|\bMinister (?:for|of) (?:the )?)$", before))


def _inside_place_name(item: Found, text: str, found: list[Found]) -> bool:
    """"South Bank Tower", "Wells, Somerset": a name the model called a body that runs into a place's head word,
    or stands before a comma and the county or country it lies in, is a place."""
    if item.type != "org" or item.source == "rule":
        return False
    head = re.match(r" ([A-Z][a-z]+)\b(?! [A-Z0-9])", text[item.end:])  # the head ends the name: not "… Desert Island"
    if head and head.group(1) in _PLACE_HEADS | {"Tower", "Towers", "Garden", "Stadium", "Arena", "Building"}:
        return True
    after = next((f for f in found if f.start == item.end + 2), None)
    return (" " not in item.text and text[item.end:item.end + 2] == ", " and after is not None
            and after.type == "place" and re.match(r"(?:[,.;:)]|$)", text[after.end:after.end + 1]) is not None)


def apply_context(text: str, found: list[Found]) -> list[Found]:
    """Retype the model's names by their context and add the names it missed; an organisation named by its
    head word replaces the pieces the model cut it into."""
    phrases = org_phrases(text)
    found = [f for f in found if not any(p.start < f.end and f.start < p.end for p in phrases)] + phrases
    context = context_names(text)
    retype = retype_hints(text) + context
    guarded = guarded_hints(text)
    out: list[Found] = []
    for item in found:
        if _names_no_body(item, text):
            continue
        if _inside_place_name(item, text, found):
            item = Found(item.start, item.end, item.text, "place", "context")
        if item.type == "org" and item.source != "rule" and " " in item.text and (
                item.text.rsplit(" ", 1)[-1] in _PLACE_HEADS):  # not "Hill" alone: The Hill is a paper
            item = Found(item.start, item.end, item.text, "place", "context")
        hint = next((c for c in retype if c.start < item.end and item.start < c.end), None)
        if hint is not None and hint.type == "org" and item.type == "person" and item.source == "spacy" and (
                hint.source != "context!"):
            hint = None  # "the company Vell founded": the model's person stands
        if hint is None:
            hint = next((c for c, kinds in guarded if c.start < item.end and item.start < c.end
                         and item.type in kinds), None)
        # "Prince Edward Island": a rank inside a place's name makes no person of it
        keep = hint is None or item.source == "rule" or item.type == "place" and item.start < hint.start
        if not keep and hint.type == "people":
            continue  # a people is no entity the analyser reports
        out.append(item if keep or hint.type == item.type else Found(item.start, item.end, item.text, hint.type,
                                                                     "context"))
    for hint in context:
        if not any(hint.start < f.end and f.start < hint.end for f in found):
            out.append(Found(hint.start, hint.end, hint.text, hint.type, "context"))
    out += _bracketed_acronyms(text, out)
    return _country_units(text, sorted(out, key=lambda f: f.start))


def _country_units(text: str, names: list[Found]) -> list[Found]:
    """"Sony Australia", "Kestrel China": a firm's name and a place right after it are the firm's unit there
    (a body of its own, kept beside the parent's known name)."""
    out: list[Found] = []
    for item in names:
        last = out[-1] if out else None
        if (last is not None and last.type == "org" and item.type == "place" and " " not in item.text
                and item.start == last.end + 1 and text[last.end] == " " and last.source != "rule"
                and not text[item.end:].startswith(("'", "’"))):
            out[-1] = Found(last.start, item.end, text[last.start:item.end], "org", "rule")
            continue
        out.append(item)
    return out


def _bracketed_acronyms(text: str, names: list[Found]) -> list[Found]:
    """Acronyms in brackets right after an organisation's name whose initial they share."""
    out = []
    for item in names:
        match = _BRACKETED_ACRONYM.match(text, item.end)
        if item.type == "org" and match and match.group(1)[0] == item.text[:1] and not any(
                f.start <= match.start(1) < f.end for f in names):
            out.append(Found(match.start(1), match.end(1), match.group(1), "org", "context"))
    return out
