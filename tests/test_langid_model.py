"""The cached py3langid identifier scores exactly like the one built from py3langid's compressed model."""

from __future__ import annotations

import pathlib

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from sinoscope.anatomy.langid_model import restricted_identifier

LANGUAGES = ["en", "de", "fr", "id", "pl"]
LINES = [
    "The committee of the northern province said that the budget would be ready by spring.",
    "Der Ausschuss der Provinz sagte, dass der Haushalt im Frühjahr fertig sein werde.",
    "Le comité de la province a déclaré que le budget serait prêt au printemps.",
    "Komite provinsi mengatakan bahwa anggaran akan siap pada musim semi.",
    "Komitet prowincji powiedział, że budżet będzie gotowy na wiosnę.",
]


def test_cached_identifier_scores_like_the_packaged_model(tmp_path: pathlib.Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SINOSCOPE_CACHE_DIR", str(tmp_path))
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    reference.set_languages(LANGUAGES)
    first = restricted_identifier(LANGUAGES)  # builds and saves
    assert len(list(tmp_path.iterdir())) == 1
    cached = restricted_identifier(LANGUAGES)  # maps the saved copy
    assert cached.nb_classes == reference.nb_classes
    for line in LINES:
        expected = reference.rank(line)
        assert first.rank(line) == expected
        assert cached.rank(line) == expected
    assert [cached.classify(line)[0] for line in LINES] == LANGUAGES


def test_unwritable_cache_falls_back_to_the_packaged_model(tmp_path: pathlib.Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("SINOSCOPE_CACHE_DIR", str(blocker / "cache"))
    assert restricted_identifier(LANGUAGES).classify(LINES[0])[0] == "en"


def test_corrupt_cache_falls_back_to_the_packaged_model(tmp_path: pathlib.Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SINOSCOPE_CACHE_DIR", str(tmp_path))
    restricted_identifier(LANGUAGES)
    (saved,) = tmp_path.iterdir()
    (saved / "ptc.npy").write_bytes(b"garbage")
    assert restricted_identifier(LANGUAGES).classify(LINES[1])[0] == "de"
