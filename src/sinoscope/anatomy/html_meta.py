"""Page metadata: title (without the ' - SiteName' tail), site name, declared language.

Dates are read by html_dates, authors by html_bylines."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from sinoscope.anatomy.html_blocks import normalize_space

# Separators between a headline and the site/section names in <title>: " - ", " | ", "_", "--", "——", " » ".
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|·»]{1,2}\s+|\s*[|｜_]\s*|\s*-{2,}\s*|\s*—{2}\s*|\s*::\s*")
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def _meta_content(tree: HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attribute in ("property", "name", "itemprop"):
            for element in tree.xpath(f"//meta[@{attribute}=$key]", key=key):
                content = normalize_space(element.get("content") or "")
                if content:
                    return content
    return None


def declared_language(tree: HtmlElement) -> str | None:
    """The language the page declares (<html lang>, Content-Language, og:locale), as a BCP 47 tag."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"), tree.get("xml:lang")]
    candidates += [m.get("content") for m in tree.xpath(
        "//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']")]
    candidates.append(_meta_content(tree, "og:locale", "language", "lang", "dc.language"))
    for candidate in candidates:
        tag = normalize_space(candidate or "").split(",")[0].strip()
        if tag and _LANG_TAG.match(tag) and len(tag) <= 20:
            primary, *rest = re.split(r"[-_]", tag)
            return "-".join([primary.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])
    return None


def _squeeze(text: str) -> str:
    return "".join(text.split()).lower()


def clean_title(raw: str | None, site_name: str | None, headings: list[str]) -> str | None:
    """Strip site and section names from a <title>-style string; prefer a matching <h1>."""
    title = normalize_space(raw or "")
    if not title:
        return headings[0] if headings else None
    squeezed = _squeeze(title)
    for heading in headings:
        if _squeeze(heading) == squeezed:
            return heading
    parts = [p for p in _TITLE_SEPARATOR.split(title) if p and p.strip()]
    if len(parts) < 2:
        return title
    for heading in headings:  # an <h1> that is one of the segments is the headline
        if len(heading) >= 4 and any(_squeeze(heading) == _squeeze(p) for p in parts):
            return heading
    site = _squeeze(site_name or "")
    kept = [p for p in parts if not site or (_squeeze(p) not in site and site not in _squeeze(p))]
    if not kept:
        return title
    headline = max(kept, key=len)
    others = [p for p in parts if p is not headline]
    # Only cut when the rest looks like labels (short) rather than a headline that contains a separator.
    if all(len(p) <= max(30, len(headline) // 2) for p in others):
        return headline.strip()
    return title


def page_headings(tree: HtmlElement) -> list[str]:
    headings = []
    for element in tree.xpath("//h1")[:5]:
        text = normalize_space(element.text_content())
        if 2 <= len(text) <= 300:
            headings.append(text)
    return headings


def document_title(tree: HtmlElement, extracted_title: str | None, site_name: str | None) -> str | None:
    og_title = _meta_content(tree, "og:title", "twitter:title", "headline")
    title_elements = tree.xpath("//title")
    raw_title = normalize_space(title_elements[0].text_content()) if title_elements else ""
    from sinoscope.anatomy.bylines import is_credit_line

    headings = [h for h in page_headings(tree) if not is_credit_line(h)]
    for candidate in (extracted_title, og_title, raw_title):
        cleaned = clean_title(candidate, site_name, headings)
        if cleaned and raw_title.endswith(cleaned) and len(raw_title) > len(cleaned) + 4:
            # the site's logo heading, which the <title> names after the headline ("标题 松花江网")
            cleaned = raw_title[: -len(cleaned)].strip(" -_|·")
        if cleaned and not is_credit_line(cleaned):  # a byline or photo credit the extractor took for the title
            return cleaned[:500]
    return None


def site_name(tree: HtmlElement, extracted: str | None, url: str | None = None) -> str | None:
    """The outlet: the declared site name (og:site_name), else the KB outlet of the page's host, else the
    masthead in its <title>, else the extractor's guess; never a copyright sentence."""
    from sinoscope.anatomy.html_dates import page_url
    from sinoscope.anatomy.outlets import clean_site_name, masthead, outlet_name, outlet_of_url

    if declared := clean_site_name(_meta_content(tree, "og:site_name", "application-name")):
        return declared
    title_elements = tree.xpath("//title")
    raw_title = normalize_space(title_elements[0].text_content()) if title_elements else ""
    chinese = bool(re.search(r"[\u4e00-\u9fff]", raw_title + " ".join(page_headings(tree))))
    if outlet := outlet_of_url(page_url(tree, url)):
        return outlet_name(outlet, chinese)
    segments = [p for p in _TITLE_SEPARATOR.split(raw_title) if p and p.strip()]
    if len(segments) > 1 and (name := masthead(segments, max(segments, key=len))):
        return name
    return clean_site_name(_meta_content(tree, "publisher")) or clean_site_name(extracted)
