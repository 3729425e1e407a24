"""A page's outlet from what the page says of itself: its host mapped through the knowledge base's outlets,
its declared site name, the masthead at the end of its <title>. Never a copyright sentence."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from ..kb.model import Entity

COPYRIGHT = re.compile(r"copyright|©|\(c\)|all rights reserved|版权所有|版权|保留所有权利", re.I)
# A masthead as <title> tails print it: "…-搜狐财经", "… | Newsweek", "…_新浪网".
_SITE_LIKE = re.compile(r"(网|报|新闻|频道|在线|日报|晚报|周刊|电台|电视台|社区|论坛|博客|"
                        r"\b(?:online|news|times|post|daily|herald|journal|tribune|review|magazine|radio))$", re.I)


@functools.cache
def _by_host() -> dict[str, Entity]:
    from ..kb.load import load_kb

    return {host: entity for entity in load_kb() for host in entity.hosts}


def outlet_of_url(url: str | None) -> Entity | None:
    """The KB outlet whose host (or host and path prefix: "bbc.com/zhongwen") serves `url`."""
    if not url or not re.match(r"^(https?:)?//|^[\w.-]+\.[a-z]{2,}(/|$)", url, re.I):
        return None
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    first = parts.path.strip("/").split("/")[0].lower()
    labels = host.split(".")
    for index in range(len(labels) - 1):  # news.sina.com.cn → sina.com.cn → com.cn
        suffix = ".".join(labels[index:])
        if first and (entity := _by_host().get(f"{suffix}/{first}")):
            return entity
        if entity := _by_host().get(suffix):
            return entity
    return None


def outlet_name(entity: Entity, chinese: bool) -> str:
    return (entity.name_zh or entity.name) if chinese else entity.name


def clean_site_name(value: str | None) -> str | None:
    """A declared site name, or None when it is a copyright sentence, an address or empty."""
    value = " ".join((value or "").split())[:200]
    if not value or COPYRIGHT.search(value) or re.match(r"https?://|www\.", value, re.I):
        return None
    return value


def masthead(title_segments: list[str], headline: str | None) -> str | None:
    """The site's name among the <title>'s segments other than the headline: a KB outlet, else a short
    segment that reads like one ("云南网", "Harbour Daily")."""
    from ..kb.load import load_kb

    others = [s.strip() for s in title_segments if s.strip() and s.strip() != (headline or "").strip()]
    for segment in reversed(others):
        if any(e.type == "outlet" for e in load_kb().lookup(segment)):
            return segment
    last = others[-1] if others else ""
    return last if last and len(last) <= 16 and _SITE_LIKE.search(last) and not COPYRIGHT.search(last) else None


_MONTH_FIRST_REGIONS = frozenset({"US", "PH", "FM", "MH", "PW"})  # 11/03/2005 is 3 November there


def day_first(outlet: Entity | None, language: str | None) -> bool | None:
    """Whether the outlet writes 11/03/2005 for 11 March: from its country, else the page's declared
    region (en-GB, fr-FR); None when unknown, so that only unambiguous numeric dates are read."""
    region = outlet.country if outlet and outlet.country else None
    if region is None and language and "-" in language:
        region = language.split("-")[-1].upper()
    if region is None or len(region) != 2:
        return None
    return region not in _MONTH_FIRST_REGIONS
