"""Opening a file a user named: only regular files, refused by type before opening, bounded."""

from __future__ import annotations

import errno
import io
import os
import pathlib

import pytest

from followup.errors import InputError, Problem
from followup.io import user_files
from followup.io.jsonl import MAX_LINE_BYTES, line_document, read_jsonl
from followup.io.user_files import (
    bounded_lines,
    check_user_file,
    folder_entries,
    path_kind,
    path_problem,
    read_user_bytes,
)


def refusal(path: pathlib.Path | str) -> Problem:
    with pytest.raises(InputError) as caught:
        read_user_bytes(path, "f", "YAML file", 1024)
    (problem,) = caught.value.problems
    return problem


def test_fifo_is_refused_without_blocking(tmp_path: pathlib.Path) -> None:
    """A FIFO with no writer would block open() forever: it is refused by its type."""
    fifo = tmp_path / "cases.yaml"
    os.mkfifo(fifo)
    assert refusal(fifo) == Problem("f", 1, 1, "is a FIFO (named pipe), not a file", "a YAML file")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    """Endless devices are never read."""
    assert refusal(device).message == "is a device, not a file"


def test_directory_loop_missing_and_nul(tmp_path: pathlib.Path) -> None:
    """Each is named for what it is, not "does not exist"."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert refusal(tmp_path).message == "is a directory, not a file"
    assert refusal(tmp_path / "a").message == "too many levels of symbolic links"
    assert refusal(tmp_path / "gone") == Problem("f", 1, 1, "no such file", "an existing YAML file")
    assert "NUL" in refusal("x\0y").message
    assert refusal(tmp_path / ("n" * 300)).message == "the file name is too long"


def test_socket_is_refused(tmp_path: pathlib.Path) -> None:
    """A Unix socket is not a file either."""
    import socket

    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        assert refusal(path).message == "is a socket, not a file"


def test_permission_denied_in_stat(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file in a folder we may not enter fails at stat: a located problem, no traceback."""

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    # Patched rather than chmod-ed: the tests may run as root, who may enter any folder.
    monkeypatch.setattr(user_files.os, "stat", deny)
    denied = Problem("f", 1, 1, "permission denied", "a readable YAML file")
    assert refusal(tmp_path / "x.yaml") == denied


def test_file_swapped_for_a_fifo_after_the_check(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What was opened is checked again: a FIFO swapped in after the stat is refused too."""
    regular = tmp_path / "r.yaml"
    regular.write_text("a: 1\n")
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    real_open = os.open
    monkeypatch.setattr(user_files.os, "open", lambda _path, flags: real_open(fifo, flags))
    assert refusal(regular).message == "is a FIFO (named pipe), not a file"


def test_size_is_bounded(tmp_path: pathlib.Path) -> None:
    """A file past the limit is refused before it is read."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 2000)
    assert refusal(big) == Problem("f", 1, 1, "file is 2.0 KB", "at most 1 KB")
    assert read_user_bytes(big, "f", "YAML file", 2000) == b"x" * 2000


def test_bounded_lines_skip_a_long_line_in_bounded_memory() -> None:
    """A line past the cap is one marker, the lines after it keep their numbers."""
    data = b"ok\r\n" + b"x" * 100 + b"\nnext\n" + b"y" * 11 + b"\n" + b"z" * 10 + b"\nlast"
    lines = list(bounded_lines(io.BytesIO(data), 10))
    assert lines == [(1, b"ok"), (2, None), (3, b"next"), (4, None), (5, b"z" * 10), (6, b"last")]
    assert list(bounded_lines(io.BytesIO(b"a\n" + b"x" * 11), 10)) == [(1, b"a"), (2, None)]
    assert list(bounded_lines(io.BytesIO(b""), 10)) == []


def test_bounded_lines_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines split between chunks are joined; a long one spanning chunks is dropped whole."""
    monkeypatch.setattr(user_files, "_CHUNK", 3)
    data = b"abcdefg\nhi\n" + b"x" * 30 + b"\nend\n"
    assert list(bounded_lines(io.BytesIO(data), 10)) == [
        (1, b"abcdefg"),
        (2, b"hi"),
        (3, None),
        (4, b"end"),
    ]


def test_folder_entries_keep_special_files(tmp_path: pathlib.Path) -> None:
    """A FIFO named like a case file is listed (to be refused later), not silently dropped."""
    os.mkfifo(tmp_path / "b.yaml")
    (tmp_path / "a.yml").write_text("x")
    (tmp_path / "c.txt").write_text("x")
    names = [p.name for p in folder_entries(tmp_path, "d", (".yaml", ".yml"))]
    assert names == ["a.yml", "b.yaml"]
    with pytest.raises(InputError) as caught:
        folder_entries(tmp_path / "a.yml", "d", (".yaml",))
    assert caught.value.problems[0].message == "a part of the path is not a folder"


def test_path_kind_and_problem_never_raise(tmp_path: pathlib.Path) -> None:
    """The non-raising probes answer for anything."""
    os.mkfifo(tmp_path / "p")
    assert [path_kind(p) for p in (tmp_path, tmp_path / "p", tmp_path / "no", "\0")] == [
        "folder",
        "other",
        "other",
        "other",
    ]
    assert path_problem(tmp_path / "p") == "is a FIFO (named pipe), not a file"
    (tmp_path / "f").write_text("x")
    assert path_problem(tmp_path / "f") is None
    assert check_user_file(tmp_path / "f", "f", "file").st_size == 1


# --- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_fifo_and_device_are_refused(tmp_path: pathlib.Path) -> None:
    """A batch that is a FIFO or a device is refused before reading a byte."""
    os.mkfifo(tmp_path / "b.jsonl")
    for path in (tmp_path / "b.jsonl", pathlib.Path("/dev/zero")):
        with pytest.raises(InputError) as caught:
            read_jsonl(path)
        assert caught.value.problems[0].line == 1
        assert caught.value.problems[0].expected == "a JSON Lines file"


def test_jsonl_long_line_is_one_located_problem(tmp_path: pathlib.Path) -> None:
    """A line past the cap is reported at its line; the next line is still read."""
    batch = tmp_path / "b.jsonl"
    with batch.open("wb") as out:
        out.write(b'{"id": "a"}\n')
        out.write(b'{"notes": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n\n')
        out.write(b'{"id": "c"}')
    total, docs = read_jsonl(batch)
    items = list(docs)
    assert total == 4
    assert [getattr(d, "data", None) for d in items] == [{"id": "a"}, None, {"id": "c"}]
    bad = items[1]
    assert isinstance(bad, InputError)
    assert (bad.problems[0].line, bad.problems[0].message) == (2, "the line is longer than 1 MB")


@pytest.mark.parametrize(
    ("number", "col"),
    [("9" * 4301, 12), ("-" + "9" * 30, 12), (str(2**63), 12)],
)
def test_jsonl_numbers_past_64_bits_are_located(number: str, col: int) -> None:
    """Past Python's int-to-string limit or 64 bits: a located problem, not a ValueError."""
    with pytest.raises(InputError) as caught:
        line_document('{"id": 1, "n": ' + number + "}", "b.jsonl", 7)
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (7, col + 4)
    assert problem.message == f"number has {len(number.lstrip('-'))} digits"


def test_jsonl_64_bit_numbers_are_kept() -> None:
    """The largest 64-bit number is still a number."""
    assert line_document('{"n": -9223372036854775807}', "b", 1).data == {"n": -(2**63 - 1)}
