"""`sinoscope kb` commands, run in-process."""

from __future__ import annotations

from sinoscope.cli import main


def test_show_by_chinese_name(capsys):
    assert main(["kb", "show", "英伟达"]) == 0
    out = capsys.readouterr().out
    assert "nvidia" in out and "Nvidia" in out


def test_show_by_id_lists_affiliation(capsys):
    assert main(["kb", "show", "jensen_huang"]) == 0
    assert "nvidia" in capsys.readouterr().out


def test_show_unknown_fails(capsys):
    assert main(["kb", "show", "zzqx-no-such-entity"]) == 1


def test_search_ranks_exact_name_first(capsys):
    assert main(["kb", "search", "Qwen", "--limit", "3"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert " qwen " in first


def test_check_passes_on_packaged_kb(capsys):
    assert main(["kb", "check"]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_check_fails_on_a_broken_extra_file(tmp_path, capsys):
    extra = tmp_path / "dup.yaml"
    extra.write_text("- {id: nvidia, type: org, name: Sample Duplicate}\n", encoding="utf-8")
    assert main(["kb", "check", "--kb", str(extra)]) == 1
