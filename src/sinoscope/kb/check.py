"""Consistency checks over a loaded knowledge base (run by the tests; the packaged KB must have no errors).

Run ``python -m sinoscope.kb.check [extra.yaml ...]`` to print the problems of the packaged KB plus extras.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from sinoscope.kb.load import KnowledgeBase, has_han, load_kb, normalise_key

ERROR = "error"
WARNING = "warning"

# Where a missing Chinese name is a gap worth flagging: mainland, Hong Kong and Taiwan persons and orgs.
_CHINESE_NAME_EXPECTED = frozenset({"CN", "HK", "TW"})
_MAKER_TYPES = frozenset({"model", "chip", "product", "program"})
_ORG_LIKE = frozenset({"org", "agency", "outlet"})
_YEAR_RANGE = range(1800, 2101)


@dataclass(frozen=True)
class Problem:
    severity: str  # error | warning
    entity_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.entity_id}: {self.message}"


def check_kb(kb: KnowledgeBase) -> list[Problem]:
    """All problems of ``kb``, errors first."""
    problems: list[Problem] = []
    problems += _check_ids(kb)
    problems += _check_fields(kb)
    problems += _check_references(kb)
    problems += _check_name_clashes(kb)
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.entity_id, p.message))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def _check_ids(kb: KnowledgeBase) -> list[Problem]:
    counts = Counter(e.id for e in kb.entries)
    origins: dict[str, list[str]] = defaultdict(list)
    for entity in kb.entries:
        origins[entity.id].append(entity.origin or "?")
    return [
        Problem(ERROR, entity_id, f"id defined {n} times ({', '.join(origins[entity_id])})")
        for entity_id, n in counts.items()
        if n > 1
    ]


def _check_fields(kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    for e in kb:
        if not e.name.strip():
            problems.append(Problem(ERROR, e.id, "empty English name"))
        for label, value in (("name_zh", e.name_zh), ("name_zh_hant", e.name_zh_hant)):
            if value is not None and not has_han(value):
                problems.append(Problem(ERROR, e.id, f"{label} {value!r} has no Chinese characters"))
        if any(not a.strip() for a in e.aliases):
            problems.append(Problem(ERROR, e.id, "empty alias"))
        declared = {normalise_key(n) for n in e.declared_names}
        for word in e.ambiguous:
            if normalise_key(word) not in declared:
                problems.append(Problem(ERROR, e.id, f"ambiguous form {word!r} is not one of its names"))
        if e.affiliations and e.type != "person":
            problems.append(Problem(ERROR, e.id, "only persons have affiliations"))
        if e.maker and e.type not in _MAKER_TYPES:
            problems.append(Problem(WARNING, e.id, f"a {e.type} with a maker"))
        if e.year is not None and e.year not in _YEAR_RANGE:
            problems.append(Problem(ERROR, e.id, f"implausible year {e.year}"))
        for a in e.affiliations:
            for year in (a.since, a.until):
                if year is not None and year not in _YEAR_RANGE:
                    problems.append(Problem(ERROR, e.id, f"implausible year {year} in affiliation to {a.org}"))
            if a.since is not None and a.until is not None and a.since > a.until:
                problems.append(Problem(ERROR, e.id, f"affiliation to {a.org} ends before it starts"))
        if e.type == "outlet" and e.outlet_type is None:
            problems.append(Problem(ERROR, e.id, "an outlet without an outlet_type"))
        if e.type != "outlet" and e.outlet_type is not None:
            problems.append(Problem(ERROR, e.id, "only outlets have an outlet_type"))
        expects_chinese = e.contract_type in {"person", "org"} and e.country in _CHINESE_NAME_EXPECTED
        if expects_chinese and not e.name_zh:
            problems.append(Problem(WARNING, e.id, "no Chinese name"))
    return problems


def _check_references(kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    for e in kb:
        refs = [("maker", e.maker), ("parent", e.parent)] + [("affiliation", a.org) for a in e.affiliations]
        for label, target_id in refs:
            if target_id is None:
                continue
            target = kb.get(target_id)
            if target is None:
                problems.append(Problem(ERROR, e.id, f"{label} refers to unknown id {target_id!r}"))
            elif target_id == e.id:
                problems.append(Problem(ERROR, e.id, f"{label} refers to itself"))
            elif label == "affiliation" and target.type == "person":
                problems.append(Problem(ERROR, e.id, f"affiliation to a person ({target_id})"))
            elif label == "maker" and target.type not in _ORG_LIKE:
                problems.append(Problem(WARNING, e.id, f"maker {target_id} is a {target.type}"))
    return problems


def _check_name_clashes(kb: KnowledgeBase) -> list[Problem]:
    """A name shared by entities misleads the linker unless every claimant marks it ambiguous.

    Declared clashes (typed in the YAML) are errors; clashes that only arise through generated variants
    (Traditional conversion, separators) are warnings, since nobody chose them.
    """
    declared_by: dict[str, set[str]] = defaultdict(set)
    ambiguous_by: dict[str, set[str]] = defaultdict(set)
    for e in kb:
        for name in e.declared_names:
            key = normalise_key(name)
            declared_by[key].add(e.id)
            if e.is_ambiguous(name):
                ambiguous_by[key].add(e.id)
    problems: list[Problem] = []
    for key, owners in kb.ids_by_surface().items():
        if len(owners) < 2:
            continue
        if set(owners) <= ambiguous_by.get(key, set()):
            continue
        severity = ERROR if len(declared_by.get(key, ())) > 1 else WARNING
        how = "declared" if severity == ERROR else "generated"
        for owner in owners:
            others = ", ".join(o for o in owners if o != owner)
            problems.append(Problem(severity, owner, f"{how} name {key!r} also names {others}"))
    return problems


def main(argv: list[str] | None = None) -> int:
    kb = load_kb(argv if argv is not None else sys.argv[1:])
    problems = check_kb(kb)
    for problem in problems:
        print(problem)
    print(f"{len(kb)} entities, {len(errors(problems))} errors, {len(problems) - len(errors(problems))} warnings")
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    raise SystemExit(main())
