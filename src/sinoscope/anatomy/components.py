"""Register the page-anatomy stages with the pipeline, in reading order."""

from __future__ import annotations

from ..pipeline import component
from .bilingual import bilingual
from .furniture import furniture
from .header import header
from .language import language
from .sections import sections
from .segment import segment


@component("segment")
def make_segment():
    return segment


@component("language")
def make_language():
    return language


@component("header")
def make_header():
    return header


@component("sections")
def make_sections():
    return sections


@component("furniture")
def make_furniture():
    return furniture


@component("bilingual")
def make_bilingual():
    return bilingual
