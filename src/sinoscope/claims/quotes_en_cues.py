"""The English cue vocabulary: verbs of saying and holding, verbs whose object is what was said, the cues learned
from PolNeAR train (data/cue_lexicon.tsv), and `cue_candidate`, which says whether a text can hold a quote."""

from __future__ import annotations

import pathlib
import re

from .quotes_en_surface import CLAIM_NOUNS, NOUN_LIKE_CUES

# Verbs that introduce what someone said or holds; the first group may also introduce a quotation.
SAY_VERBS = {
    "say", "tell", "add", "write", "ask", "insist", "reply", "respond", "tweet", "declare", "explain", "continue",
    "recall", "state", "quip", "joke", "exclaim", "shout", "chant", "remark", "comment", "answer", "put",
}
CLAIM_VERBS = {
    "note", "argue", "believe", "claim", "warn", "emphasize", "emphasise", "suggest", "report", "find", "predict",
    "expect", "reckon", "acknowledge", "announce", "admit", "agree", "caution", "concede", "confirm", "contend",
    "estimate", "maintain", "observe", "reveal", "stress", "think", "testify", "urge", "conclude", "assert",
    "allege", "complain", "indicate", "show", "deny", "forecast", "project", "hope", "fear", "worry", "promise",
    "pledge", "vow", "accuse", "disclose", "point", "highlight", "insist", "feel", "know", "counter",
    "signal", "demonstrate", "express", "voice", "suspect", "guess", "speculate", "doubt", "imply", "charge",
    "mention", "recommend",
}
# Verbs whose object is the reported content in attribution corpora ("called the plan a disaster").
OBJECT_VERBS = {
    "call", "cite", "accuse", "criticize", "criticise", "attack", "describe", "condemn", "blast", "praise", "slam",
    "decry", "applaud", "blame", "label", "brand", "dismiss", "question", "reject", "endorse", "demand", "propose",
    "pledge",
}
# Cues learned from PolNeAR's training split (scripts/build_cue_lexicon.py): lemmas annotated as a cue at
# least LEARNED_MIN_CUES times and in at least LEARNED_MIN_RATIO of their uses, less what the gold of
# this project does not count as speech (a stance or an action: "seems", "declined", "opposes").
LEARNED_MIN_CUES, LEARNED_MIN_RATIO = 8, 0.35
NOT_SPEECH = {"accord", "seem", "appear", "seek", "decline", "refuse", "oppose", "defend", "prefer", "discuss", "list",
              "convince", "title", "eager", "complaint", "thank", "apologize", "portray", "refer", "hop", "support",
              "want", "plan", "vote", "back", "see", "look", "offer", "consider", "talk", "in"}


CUE_LEXICON = pathlib.Path(__file__).with_name("data") / "cue_lexicon.tsv"


def learned_cues(path: pathlib.Path = CUE_LEXICON) -> set[str]:
    out = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 4:
                continue
            frequent = int(parts[1]) >= LEARNED_MIN_CUES and float(parts[3]) >= LEARNED_MIN_RATIO
            if frequent and parts[0] not in NOT_SPEECH:
                out.add(parts[0])
    return out


OBJECT_VERBS |= learned_cues() - SAY_VERBS - CLAIM_VERBS
SPEECH_VERBS = SAY_VERBS | CLAIM_VERBS | OBJECT_VERBS


def _cue_candidate_pattern() -> re.Pattern[str]:
    stems = {w[:-1] if w.endswith(("e", "y")) else w for w in SPEECH_VERBS | CLAIM_NOUNS | NOUN_LIKE_CUES}
    irregular = ("said", "told", "wrote", "written", "thought", "felt", "knew", "known", "found", "saw", "according",
                 "belief")
    return re.compile(r"\b(?:" + "|".join(sorted(stems | set(irregular), key=len, reverse=True)) +
                      r")\w*|[“”\"―]|''|:", re.I)


_CUE_CANDIDATE = _cue_candidate_pattern()


def cue_candidate(text: str) -> bool:
    """Whether a sentence or paragraph can hold a quote for these rules: a speech verb or claim noun (any form), a
    quotation mark, a colon or a dash before a signature. A text without one needs no parse for quotes."""
    return _CUE_CANDIDATE.search(text) is not None
