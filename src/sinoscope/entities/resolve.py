"""From resolved candidates to the two output layers: mentions and one entity per identity."""

from __future__ import annotations

from ..doc import LinkedEntity, Mention
from ..kb.load import KnowledgeBase, has_han
from .candidates import Candidate, contract_type, name_key

_MAX_KB_ALIASES = 4


def new_key(coarse: str, text: str) -> str:
    return f"new:{coarse}:{name_key(text)}"


def _best(names: list[str]) -> str | None:
    """The fullest form: most characters, earliest on ties."""
    return max(names, key=len) if names else None


def build_layers(kb: KnowledgeBase, candidates: list[Candidate],
                 learned_aliases: dict[str, list[str]]) -> tuple[list[Mention], list[LinkedEntity]]:
    mentions: list[Mention] = []
    groups: dict[str, list[Candidate]] = {}
    for cand in sorted(candidates, key=lambda c: (c.start, c.end)):
        ident = cand.entity or cand.key
        if not ident:
            continue
        groups.setdefault(ident, []).append(cand)
        mentions.append(Mention(cand.start, cand.end, cand.text, ident, cand.type, cand.source))
    entities = [_entity(kb, ident, group, learned_aliases.get(ident, [])) for ident, group in groups.items()]
    return mentions, entities


def _entity(kb: KnowledgeBase, ident: str, group: list[Candidate], learned: list[str]) -> LinkedEntity:
    seen = list(dict.fromkeys([c.text for c in group] + [c.attrs["alias"] for c in group if "alias" in c.attrs]))
    spans = list(dict.fromkeys((c.start, c.end) for c in group))
    record = kb.get(ident)
    if record is not None:
        aliases = list(dict.fromkeys([*seen, *learned, *record.aliases[:_MAX_KB_ALIASES]]))
        aliases = [a for a in aliases if a not in (record.name, record.name_zh)]
        return LinkedEntity(ident, record.name, record.name_zh, record.type, record.contract_type,
                            aliases, True, spans)
    fine = group[0].type
    names = [*seen, *learned]
    latin = [n for n in names if not has_han(n)]
    chinese = [n for n in names if has_han(n)]
    name = _best(latin) or _best(chinese) or group[0].text
    name_zh = _best(chinese)
    aliases = [a for a in dict.fromkeys(names) if a not in (name, name_zh)]
    return LinkedEntity(ident, name, name_zh, fine, contract_type(fine), aliases, False, spans)
