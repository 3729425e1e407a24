"""`sinoscope kb show|search|check`: look into the bilingual knowledge base from the command line."""

from __future__ import annotations

import argparse
import sys

from .load import KBError, KnowledgeBase, load_kb


def _load(args: argparse.Namespace) -> KnowledgeBase:
    return load_kb(args.kb or None)


def _describe(kb: KnowledgeBase, entity_id: str) -> list[str]:
    entity = kb[entity_id]
    lines = [f"{entity.id}  ({entity.type})", f"  name: {entity.name}"]
    for label, value in (("name_zh", entity.name_zh), ("name_zh_hant", entity.name_zh_hant),
                         ("country", entity.country), ("year", entity.year), ("description", entity.description)):
        if value:
            lines.append(f"  {label}: {value}")
    if entity.aliases:
        lines.append(f"  aliases: {', '.join(entity.aliases)}")
    if entity.ambiguous:
        lines.append(f"  ambiguous: {', '.join(entity.ambiguous)}")
    maker = kb.maker_of(entity.id)
    if maker:
        lines.append(f"  maker: {maker.name} [{maker.id}]")
    parent = kb.parent_of(entity.id)
    if parent:
        lines.append(f"  parent: {parent.name} [{parent.id}]")
    for affiliation, org in kb.affiliations_of(entity.id):
        dated = affiliation.since or affiliation.until
        years = f" {affiliation.since or ''}–{affiliation.until or ''}" if dated else ""
        lines.append(f"  affiliation: {affiliation.role or 'member'} at {org.name} [{org.id}]{years}")
    products = kb.products_of(entity.id)
    if products:
        lines.append(f"  products: {', '.join(p.name for p in products[:20])}")
    return lines


def cmd_show(args: argparse.Namespace) -> int:
    kb = _load(args)
    query = " ".join(args.query).strip()
    if query in kb:
        ids = [query]
    else:
        ids = [e.id for e in kb.lookup(query)]
        if not ids:
            hits = kb.search(query, limit=1, score_cutoff=85)
            ids = [hits[0].entity.id] if hits else []
    if not ids:
        print(f"sinoscope: no entity named {query!r} (try: sinoscope kb search {query!r})", file=sys.stderr)
        return 1
    print("\n".join(line for entity_id in ids for line in _describe(kb, entity_id)))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    kb = _load(args)
    hits = kb.search(" ".join(args.query), limit=args.limit)
    if not hits:
        print("no match")
        return 1
    for hit in hits:
        zh = f" {hit.entity.name_zh}" if hit.entity.name_zh else ""
        entity = hit.entity
        print(f"{hit.score:5.1f}  {entity.id:24} {entity.type:8} {entity.name}{zh}  (matched {hit.matched!r})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_kb, errors

    try:
        kb = _load(args)
    except KBError as exc:
        print(f"error: {exc}")
        return 1
    problems = check_kb(kb)
    for problem in problems:
        print(problem)
    n_errors = len(errors(problems))
    print(f"{len(kb)} entities, {n_errors} error(s), {len(problems) - n_errors} warning(s)")
    return 1 if n_errors else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    kb_parser = subparsers.add_parser("kb", help="look into the knowledge base (show, search, check)")
    kb_sub = kb_parser.add_subparsers(dest="kb_command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--kb", action="append", metavar="YAML", help="extra knowledge-base file or folder")

    show = kb_sub.add_parser("show", help="one entity by id or name (any language)")
    show.add_argument("query", nargs="+", metavar="ID|NAME")
    common(show)
    show.set_defaults(func=cmd_show)

    search = kb_sub.add_parser("search", help="fuzzy search over names and aliases")
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--limit", type=int, default=10)
    common(search)
    search.set_defaults(func=cmd_search)

    check = kb_sub.add_parser("check", help="consistency checks; exit status 1 on errors")
    common(check)
    check.set_defaults(func=cmd_check)
