"""Register the entities stage with the pipeline."""

from __future__ import annotations

from ..pipeline import component
from .stage import EntityStage


@component("entities")
def make_entities():
    # Built once per pipeline: the automaton over every KB name.
    return EntityStage()
