"""`followup validate` on a JSON Lines batch reports every bad line at its line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.cli.main import main


def test_every_bad_line_of_a_batch_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken JSON line and an impossible date are both reported; good lines are not."""
    batch = tmp_path / "cases.jsonl"
    batch.write_text(
        '{"id": "a", "interview": "2026-03-02"}\n'
        "{not json}\n"
        "\n"
        '{"id": "b", "interview": "2026-02-30"}\n',
        encoding="utf-8",
    )
    assert main(["validate", str(batch)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[1] for line in err] == ["2", "4"]
    assert "not valid JSON" in err[0]
    assert "does not exist" in err[1]


def test_a_clean_batch_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A batch with only good cases exits 0 and says so."""
    batch = tmp_path / "ok.jsonl"
    batch.write_text('{"id": "a", "interview": "2026-03-02"}\n', encoding="utf-8")
    assert main(["validate", str(batch)]) == 0
    assert "ok (cases)" in capsys.readouterr().out


def test_an_unreadable_batch_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .jsonl path that is a folder gives one located problem and exit 2."""
    folder = tmp_path / "x.jsonl"
    folder.mkdir()
    assert main(["validate", str(folder)]) == 2
    assert f"{folder}:1:1:" in capsys.readouterr().err


def test_a_case_id_used_twice_is_refused_as_agenda_refuses_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate says beforehand what agenda would skip: the second case with the same id,
    located at that id and naming the line of the first."""
    batch = tmp_path / "cases.jsonl"
    line = '{"id": "a", "interview": "2026-03-02"}\n'
    batch.write_text(line + '{"id": "b", "interview": "2026-03-02"}\n' + line, encoding="utf-8")
    assert main(["validate", str(batch)]) == 2
    (problem,) = capsys.readouterr().err.splitlines()
    col = line.index('"a"') + 1
    assert problem.startswith(f"{batch}:3:{col}: case 'a': ")
    assert "line 1" in problem
