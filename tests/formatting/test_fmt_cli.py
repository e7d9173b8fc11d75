"""``followup fmt``: exit codes, messages, refusing broken files, atomic writes, file modes."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from followup.formatting.verify import without_origins
from followup.io.yaml_reader import read_yaml_file
from followup.language.playbook_loader import build_playbook

BUNDLED = sorted((Path(__file__).resolve().parents[2] / "playbooks").glob("*.yaml"))

SHUFFLED = """\
title: Demo playbook
id: demo
source: {title: An article}
actions:
  - {id: thank, in: interviewed, kind: thank_you, due: interview, channel: email, advice: Hi.}
transitions:
  - id: thanked
    to: thanked
    from: interviewed
    on: thank_you_sent
    advice: Wait now.
"""


@pytest.fixture
def files(tmp_path, canonical):
    """A canonical playbook, a non-canonical one, and one that does not load."""
    good = tmp_path / "good.yaml"
    good.write_text(canonical, encoding="utf-8")
    messy = tmp_path / "messy.yaml"
    messy.write_text(SHUFFLED, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(SHUFFLED.replace("kind: thank_you", "kind: thank_yuo").encode())
    return good, messy, broken


@pytest.mark.parametrize("bundled", BUNDLED, ids=lambda p: p.stem)
def test_fmt_on_a_copy_of_a_bundled_playbook_keeps_its_meaning(cli, tmp_path, bundled):
    """fmt rewrites a copy of a bundled playbook to the same model; --check then passes."""
    copy = tmp_path / bundled.name
    shutil.copyfile(bundled, copy)
    before = without_origins(build_playbook(read_yaml_file(copy, display="pb.yaml")))
    assert cli("fmt", copy).code == 0
    after = without_origins(build_playbook(read_yaml_file(copy, display="pb.yaml")))
    assert after == before
    assert cli("fmt", "--check", copy).code == 0


def test_check_exits_0_when_every_file_is_canonical(cli, files):
    """--check on canonical files prints nothing and exits 0."""
    good, _, _ = files
    result = cli("fmt", "--check", good)
    assert (result.code, result.out, result.err) == (0, "", "")


def test_check_exits_1_lists_files_and_changes_nothing(cli, files):
    """--check names each file that would change, exits 1 and writes nothing."""
    good, messy, _ = files
    before = messy.read_bytes()
    result = cli("fmt", "--check", good, messy)
    assert result.code == 1
    assert result.out == f"would reformat {messy}\n"
    assert "1 file would be reformatted" in result.err
    assert messy.read_bytes() == before


def test_fmt_rewrites_then_finds_nothing_to_do(cli, files, canonical):
    """fmt reports each file; a second run finds them formatted; --check then passes."""
    good, messy, _ = files
    first = cli("fmt", good, messy)
    assert first.code == 0
    assert first.out == f"{good} already formatted\nreformatted {messy}\n"
    assert messy.read_text(encoding="utf-8").startswith("id: demo\ntitle: Demo playbook\n")
    second = cli("fmt", messy)
    assert second.out == f"{messy} already formatted\n"
    assert cli("fmt", "--check", good, messy).code == 0


def test_a_file_that_does_not_load_is_reported_and_left_alone(cli, files):
    """Located problems on stderr, exit 2, the file byte-identical; other files still done."""
    _, messy, broken = files
    before = broken.read_bytes()
    result = cli("fmt", broken, messy)
    assert result.code == 2
    assert f"{broken}:5:" in result.err
    assert "thank_yuo" in result.err
    assert "Traceback" not in result.err
    assert broken.read_bytes() == before
    assert result.out == f"reformatted {messy}\n"


@pytest.mark.parametrize(
    "content",
    [b"id: [unclosed\n", b"id: demo\nid: again\n", b"\xff\xfe not utf-8\n", b"- a list\n"],
    ids=["syntax", "duplicate-key", "not-utf8", "not-a-playbook"],
)
def test_files_the_safe_reader_refuses_are_never_touched(cli, tmp_path, content):
    """Invalid YAML, duplicate keys, bad encodings, wrong shapes: exit 2, same bytes."""
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = cli("fmt", path)
    assert result.code == 2
    assert result.err.startswith(f"{path}:")
    assert path.read_bytes() == content


def test_check_with_a_broken_file_exits_2(cli, files):
    """Bad input outranks 'would reformat' in --check mode."""
    _, messy, broken = files
    result = cli("fmt", "--check", messy, broken)
    assert result.code == 2
    assert f"would reformat {messy}" in result.out


def test_a_missing_file_is_a_located_error(cli, tmp_path):
    """A path that does not exist is reported, exit 2."""
    result = cli("fmt", tmp_path / "nope.yaml")
    assert result.code == 2
    assert "no such file" in result.err


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_the_file_keeps_its_mode(cli, files, mode):
    """The rewritten file has the permissions the original had."""
    _, messy, _ = files
    messy.chmod(mode)
    assert cli("fmt", messy).code == 0
    assert stat.S_IMODE(messy.stat().st_mode) == mode


def test_no_temporary_file_is_left_behind(cli, files, tmp_path):
    """The atomic write leaves only the playbooks in the folder."""
    assert cli("fmt", *files[:2]).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "good.yaml", "messy.yaml"]


def test_crlf_file_is_rewritten_with_lf(cli, tmp_path, canonical):
    """A CRLF file counts as unformatted and comes back with LF line ends only."""
    path = tmp_path / "crlf.yaml"
    path.write_bytes(canonical.replace("\n", "\r\n").encode())
    assert cli("fmt", "--check", path).code == 1
    assert cli("fmt", path).code == 0
    assert path.read_bytes() == canonical.encode()


def test_byte_order_mark_is_dropped(cli, tmp_path, canonical):
    """A UTF-8 byte-order mark is removed; the rest is already canonical."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + canonical.encode())
    assert cli("fmt", path).out == f"reformatted {path}\n"
    assert path.read_bytes() == canonical.encode()


def test_a_symlink_stays_a_link_to_the_formatted_file(cli, files, tmp_path):
    """Formatting through a symlink rewrites its target and keeps the link."""
    _, messy, _ = files
    link = tmp_path / "link.yaml"
    link.symlink_to(messy)
    assert cli("fmt", link).code == 0
    assert link.is_symlink()
    assert messy.read_text(encoding="utf-8").startswith("id: demo\n")


@pytest.mark.parametrize("step", ["mkstemp", "replace"])
def test_a_write_failure_is_reported_and_leaves_the_file(cli, files, monkeypatch, step):
    """If the temporary file or the swap fails: exit 2, a message, the file and folder as before."""
    _, messy, _ = files
    before = messy.read_bytes()
    names = sorted(os.listdir(messy.parent))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile if step == "mkstemp" else os, step, refuse)
    result = cli("fmt", messy)
    assert result.code == 2
    assert f"{messy}:1:1: cannot write: Permission denied" in result.err
    assert messy.read_bytes() == before
    assert sorted(os.listdir(messy.parent)) == names
