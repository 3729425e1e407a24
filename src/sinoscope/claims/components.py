"""Register the claims stages (quotes, figures, forecasts, stance) with the pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..doc import Doc
from ..pipeline import component
from .figures import extract_figures
from .forecasts import extract_forecasts
from .quotes import extract_quotes
from .stance import document_stance

# Figures are the page's reported facts; numbers in reader comments are readers' talk, not the story's.
FIGURE_SECTIONS = ("title", "body")


@dataclass(slots=True)
class FigureItem:
    """A figure of the page, once per bilingual pair when both sides give the same value and unit."""

    text: str
    start: int
    end: int
    value: float | list[float]
    unit: str
    kind: str
    section: str
    bound: str | None = None
    approximate: bool = False
    counted: str | None = None
    text_zh: str | None = None
    translation_start: int | None = None
    translation_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _item(fig: Any, offset: int, section: str) -> FigureItem:
    value = list(fig.value) if isinstance(fig.value, tuple) else fig.value
    return FigureItem(fig.text, offset + fig.start, offset + fig.end, value, fig.unit, fig.kind, section,
                      fig.bound, fig.approximate, fig.counted)


def _key(item: FigureItem) -> tuple:
    value = tuple(round(v, 6) for v in item.value) if isinstance(item.value, list) else round(item.value, 6)
    return value, item.unit


def extract_doc_figures(doc: Doc, extract) -> list[FigureItem]:
    partner = {pair.zh: pair.en for pair in doc.pairs}
    by_para: dict[int, list[FigureItem]] = {}
    out: list[FigureItem] = []
    for i, para in enumerate(doc.paragraphs):
        if para.section not in FIGURE_SECTIONS or not para.text.strip():
            continue
        lang = para.lang if para.lang in ("en", "zh") else None
        items = [_item(f, para.start, para.section) for f in extract(para.text, lang)]
        by_para[i] = items
        en = partner.get(i)
        if en is not None and en in by_para:
            twins = {_key(x): x for x in by_para[en] if x.text_zh is None}
            for item in items:
                twin = twins.pop(_key(item), None)
                if twin is not None:  # the translation of a figure already reported
                    twin.text_zh, twin.translation_start, twin.translation_end = item.text, item.start, item.end
                else:
                    out.append(item)
            continue
        out.extend(items)
    return out


@component("quotes")
def make_quotes():
    def quotes(doc: Doc) -> None:
        doc.layers["quotes"] = extract_quotes(doc)

    return quotes


@component("figures")
def make_figures():
    def figures(doc: Doc) -> None:
        doc.layers["figures"] = extract_doc_figures(doc, extract_figures)

    return figures


@component("forecasts")
def make_forecasts():
    def forecasts(doc: Doc) -> None:
        doc.layers["forecasts"] = extract_forecasts(doc, doc.layers.get("quotes") or [])

    return forecasts


@component("stance")
def make_stance():
    def stance(doc: Doc) -> None:
        doc.layers["stance"] = [document_stance(doc, doc.layers.get("quotes") or [])]

    return stance
