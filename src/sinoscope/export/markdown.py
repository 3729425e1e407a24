"""A readable Markdown report of one analysed page, for a person rather than a program."""

from __future__ import annotations

from typing import Any


def _esc(text: Any) -> str:
    """Markdown-escape text taken from a page, so page content cannot inject markup."""
    out = str(text if text is not None else "")
    for ch in "\\`*_{}[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def error_markdown(record: dict) -> str:
    err = record["error"]
    return f"## {_esc(record['source'])}\n\n**Could not analyse** ({_esc(err['kind'])}): {_esc(err['message'])}\n"


def to_markdown(record: dict) -> str:
    if "error" in record:
        return error_markdown(record)
    lines = [f"## {_esc(record.get('title') or '(untitled)')}", ""]
    if record.get("title_alt"):
        lines += [f"*{_esc(record['title_alt'])}*", ""]
    facts = [
        ("Source", record["source"]),
        ("Language", record.get("lang")),
        ("Published", record.get("published")),
        ("Author", ", ".join(record.get("authors") or []) or None),
        ("Translator", record.get("translator")),
    ]
    lines += [f"- **{k}:** {_esc(v)}" for k, v in facts if v]
    paragraphs = record.get("paragraphs") or []
    body = [p for p in paragraphs if p["section"] == "body"]
    dropped = [p for p in paragraphs if p["section"] in ("furniture", "related", "duplicate")]
    lines += [
        f"- **Body:** {len(body)} paragraphs; {len(record.get('pairs') or [])} bilingual pairs; "
        f"{len(record.get('comments') or [])} comments; {len(dropped)} lines of page furniture removed",
        "",
    ]
    for block in record.get("removed_blocks") or []:
        lines.append(
            f"> Removed {block['kind']} block{(' under ' + _esc(block['heading'])) if block.get('heading') else ''}"
            f" (characters {block['start']}–{block['end']})"
        )
    lines += ["", "### Body", ""]
    lines += [f"{_esc(p['text'])}\n" for p in body]
    if record.get("comments"):
        lines += ["### Comments", ""]
        for c in record["comments"]:
            who = _esc(c.get("author") or "anonymous") + (f" ({_esc(c['author_zh'])})" if c.get("author_zh") else "")
            lines.append(f"- **{who}:** {_esc(c['text'])}")
            if c.get("text_zh"):
                lines.append(f"  - {_esc(c['text_zh'])}")
        lines.append("")
    for layer, title in (
        ("entities", "Entities"),
        ("quotes", "Quotes"),
        ("figures", "Figures"),
        ("forecasts", "Forecasts"),
    ):
        items = record.get(layer) or []
        if items:
            lines += [f"### {title}", ""]
            lines += [f"- {_summary(layer, item)}" for item in items]
            lines.append("")
    if record.get("stance"):
        lines += ["### Stance on China catching up in AI", "", f"- {_esc(record['stance'].get('china_ai'))}", ""]
    return "\n".join(lines) + "\n"


def _summary(layer: str, item: dict) -> str:
    if layer == "entities":
        names = " / ".join(_esc(n) for n in (item.get("name"), item.get("name_zh")) if n)
        return f"{names} — {_esc(item.get('type'))}, {len(item.get('mentions') or [])} mentions"
    if layer == "quotes":
        who = _esc(item.get("speaker") or item.get("speaker_surface") or "unattributed")
        return f"**{who}** ({_esc(item.get('cue'))}, {_esc(item.get('kind'))}): “{_esc(item.get('text'))}”"
    if layer == "figures":
        return (
            f"{_esc(item.get('text'))} = {_esc(item.get('value'))} {_esc(item.get('unit'))} ({_esc(item.get('kind'))})"
        )
    if layer == "forecasts":
        return (
            f"**{_esc(item.get('holder') or 'unattributed')}**: {_esc(item.get('text'))} "
            f"(p={_esc(item.get('probability'))}, horizon {_esc(item.get('horizon'))})"
        )
    return _esc(item)
