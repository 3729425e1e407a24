"""A known person's Chinese name missing its last character ("林俊" for 林俊旸), linked only with evidence.

Chinese copy often drops or mistypes the last character of a given name. Guessing from the name
alone would be reckless (林俊 is also a common name on its own), so the partial name is linked only
when the same paragraph names an organisation the person is affiliated with, or one of its products:
"阿里巴巴通义千问团队的林俊" is the Qwen team's 林俊旸.
"""

from __future__ import annotations

from ..kb.load import KnowledgeBase, has_han
from .candidates import Candidate


def truncation_index(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Chinese person name less its last character → the ids of the persons it could be."""
    index: dict[str, list[str]] = {}
    for person in kb.by_type("person"):
        for name in (person.name_zh, *person.aliases):
            if name and has_han(name) and 3 <= len(name) <= 4 and name.isalpha():
                index.setdefault(name[:-1], []).append(person.id)
    return {k: list(dict.fromkeys(v)) for k, v in index.items()}


def _context_ids(kb: KnowledgeBase, person_id: str) -> set[str]:
    """The person's organisations, their parents and their products."""
    ids: set[str] = set()
    for _, org in kb.affiliations_of(person_id):
        ids.add(org.id)
        if (parent := kb.parent_of(org.id)) is not None:
            ids.add(parent.id)
    for org_id in list(ids):
        ids.update(product.id for product in kb.products_of(org_id))
    return ids


def link_truncated(
    kb: KnowledgeBase, index: dict[str, list[str]], linked: list[Candidate], discovered: list[Candidate]
) -> None:
    """Give a discovered partial name the identity of the one known person the paragraph supports."""
    by_paragraph: dict[int, set[str]] = {}
    for cand in linked:
        if cand.entity:
            by_paragraph.setdefault(cand.para, set()).add(cand.entity)
    for cand in discovered:
        if cand.entity or cand.type != "person" or cand.text not in index:
            continue
        nearby = by_paragraph.get(cand.para, set())
        supported = [pid for pid in index[cand.text] if _context_ids(kb, pid) & nearby]
        if len(supported) == 1:
            cand.entity, cand.key, cand.source = supported[0], "", "kb-partial"
