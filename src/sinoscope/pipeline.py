"""A pipeline of named components, each adding one layer to a Doc (as in spaCy).

Components register a *factory* under a name; the factory runs once per pipeline, so a
component that needs a model or an automaton builds it once and reuses it for every
document. Stages that are not installed yet are simply absent from `available()`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from . import budget
from .doc import Doc

Component = Callable[[Doc], None]
Factory = Callable[[], Component]

_FACTORIES: dict[str, Factory] = {}

# The default order: page anatomy first, then entities, then claims built on them.
DEFAULT_PIPELINE = (
    "segment",
    "language",
    "furniture",
    "header",
    "sections",
    "bilingual",
    "entities",
    "quotes",
    "figures",
    "forecasts",
    "stance",
)

# Modules whose import registers the components above.
_COMPONENT_MODULES = (
    "sinoscope.anatomy.components",
    "sinoscope.entities.components",
    "sinoscope.claims.components",
)


def component(name: str) -> Callable[[Factory], Factory]:
    """Register `factory` as the maker of pipeline component `name`."""

    def register(factory: Factory) -> Factory:
        _FACTORIES[name] = factory
        return factory

    return register


def _load_components() -> None:
    for module in _COMPONENT_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:  # a stage not built yet
            if exc.name != module:
                raise


def available() -> list[str]:
    _load_components()
    return [name for name in DEFAULT_PIPELINE if name in _FACTORIES] + sorted(
        name for name in _FACTORIES if name not in DEFAULT_PIPELINE
    )


def check_names(names: Iterable[str]) -> None:
    """Raise ValueError for an unknown component name; the default names are known without importing any
    stage (a parent process that only hands work to workers never loads the stages' modules)."""
    if any(n not in DEFAULT_PIPELINE for n in names):
        _load_components()
        unknown = [n for n in names if n not in _FACTORIES]
        if unknown:
            raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}; known: {available()}")


class Pipeline:
    """Runs named components in order over a Doc."""

    def __init__(self, names: Iterable[str] | None = None, exclude: Iterable[str] = ()) -> None:
        _load_components()
        wanted = list(names) if names is not None else [n for n in DEFAULT_PIPELINE if n in _FACTORIES]
        skip = set(exclude)
        unknown = [n for n in wanted if n not in _FACTORIES]
        if unknown:
            raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}; known: {available()}")
        self.names = [n for n in wanted if n not in skip]
        self._components = [(n, _FACTORIES[n]()) for n in self.names]

    def __call__(self, doc: Doc) -> Doc:
        for name, run in self._components:
            budget.enter_stage(name)  # a document over its time budget stops between stages at the latest
            run(doc)
        budget.check()
        return doc
