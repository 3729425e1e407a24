"""Sample pages of our own writing (fictional outlets and people) and a WARC writer, for the Spark tests."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CRAWL_DATE = "2026-03-06T08:00:00Z"


def _html(title: str, paragraphs: list[str], lang: str, published: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{meta}</head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Sample page written for sinoscope's tests.</footer></body></html>")


# (url, content type, body): sample pages of our own writing
ZH_PAGE = ("https://xinghe-daily.example/tech/2026/0305/chips.html", "text/html; charset=utf-8", _html(
    "星河日报：英伟达与华为在数据中心芯片市场竞争加剧",
    ["星河日报记者林晓峰报道，英伟达和华为在数据中心芯片市场的竞争正在加剧，多家云服务商表示正在评估两家公司的产品。",
     "分析师周明远表示：“中国企业在人工智能芯片领域正在迅速追赶，差距正在缩小。”他预计明年国产芯片的出货量将增长三成。",
     "据行业统计，今年国内人工智能芯片市场规模约为1200亿元，其中数据中心芯片占比超过六成。",
     "业内人士认为，出口管制仍将影响高端芯片的供应，但国内厂商的研发投入持续增加。"],
    "zh", "2026-03-05").encode("utf-8"))
EN_PAGE = ("https://harbor-ledger.example/2026/03/04/qwen-update", "text/html", _html(
    "Harbor Ledger: Alibaba updates its Qwen models as rivals race ahead",
    ["Alibaba released an update to its Qwen family of language models on Tuesday, the company said in a statement "
     "that named faster reasoning and a longer context window as the main changes.",
     "\"Chinese labs are closing the gap with American ones faster than most people expected,\" said Dana Whitfield, "
     "an analyst at the fictional Northgate Research, who follows the sector for institutional investors.",
     "Whitfield estimated that Chinese cloud providers will spend about $2.5 billion on AI chips this year, and she "
     "expects that figure to double by 2028.",
     "The update arrives a week after OpenAI and Google announced new models of their own."],
    "en", "2026-03-04").encode("utf-8"))
EN_OFF_TOPIC = ("https://harbor-ledger.example/2026/03/02/bakery", "text/html", _html(
    "Harbor Ledger: a harbour bakery wins the regional bread prize",
    ["A small bakery near the fictional Eastgate harbour won the regional bread prize on Sunday, its owner said, "
     "after three years of entering the contest without success.",
     "\"We bake every loaf by hand before dawn,\" said Marta Lindqvist, who opened the bakery with her brother "
     "in 2019.",
     "The judges praised the crust of its rye loaf and the shop's seasonal apple buns.",
     "The bakery plans to open a second shop in the old ferry terminal next spring."],
    "en").encode("utf-8"))
DE_PAGE = ("https://hafen-blatt.example/2026/03/03/hafen", "text/html", _html(
    "Hafenblatt: Der Hafen erweitert seine Anlegestellen",
    ["Der erfundene Hafen von Ostdorf erweitert in diesem Sommer seine Anlegestellen, teilte die Stadtverwaltung "
     "am Montag mit, nachdem die Zahl der Fähren deutlich gestiegen ist.",
     "Die Bauarbeiten sollen im Juni beginnen und bis zum Herbst dauern, sagte eine Sprecherin der Verwaltung.",
     "Anwohner befürchten mehr Verkehr in der Altstadt, während Händler auf zusätzliche Kundschaft hoffen.",
     "Der Stadtrat wird im April über die Finanzierung des Projekts abstimmen."],
    "de").encode("utf-8"))
PNG = ("https://harbor-ledger.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
KEPT_PAGES = (ZH_PAGE, EN_PAGE, EN_OFF_TOPIC)


def _broken_record(url: str) -> bytes:
    """A response record whose block is not an HTTP response at all."""
    block = b"this is not an HTTP response\x00\x01\x02"
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:5a3c2f1e-0000-4000-8000-00000000b0e5>\r\n"
            f"WARC-Date: {CRAWL_DATE}\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], broken_after: int | None = None) -> None:
    """A gzipped WARC: a warcinfo record, then one request + response pair per page (as crawlers write them),
    with a broken record after page number `broken_after`."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sinoscope tests"}))
        for n, (url, content_type, body) in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            dated = {"WARC-Date": CRAWL_DATE}
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request, warc_headers_dict=dated))
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers, warc_headers_dict=dated))
            if n == broken_after:
                out.write(gzip.compress(_broken_record(url + "#broken")))
