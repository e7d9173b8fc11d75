"""``followup fmt FILE... [--check]``: lay playbooks out the canonical way, keeping comments.

Every file is read with the safe reader and the playbook loader first; one with problems is
reported (exit 2) and left byte for byte as it was, while the others are still formatted.  A
file is replaced atomically (a temporary file in the same folder, then ``os.replace``) and keeps
its permissions.  See `followup.formatting` for the layout.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import click

from followup.catalog import build_document
from followup.errors import EXIT_FAILURE, FollowupError, InputError, Problem
from followup.formatting import format_text
from followup.io.user_files import read_user_text
from followup.io.yaml_reader import read_yaml_file

READ_LIMIT = 2 * 1024 * 1024  # as the YAML reader: a playbook larger than this was refused


class WouldReformat(FollowupError):
    """``--check`` found files that are not in the canonical layout (exit 1)."""

    exit_code = EXIT_FAILURE


def fmt(files: tuple[str, ...], check: bool, dirs: tuple[Path, ...] | None = None) -> None:
    """Format each playbook file in place, or with ``check`` only report what would change.

    Prints ``reformatted FILE`` or ``FILE already formatted`` per file; with ``check``, prints
    ``would reformat FILE`` for each file that is not canonical and changes nothing.

    Raises:
        InputError: some files do not load (every problem, located); the others were handled.
        WouldReformat: with ``check``, some files would change.
        EngineError: the formatter could not keep a file's meaning or comments (that file is
            left unchanged).
    """
    problems: list[Problem] = []
    changed = 0
    for name in files:
        try:
            text, formatted = _format_file(Path(name), name, dirs)
        except InputError as err:
            problems.extend(err.problems)
            continue
        if formatted == text:
            if not check:
                click.echo(f"{name} already formatted")
            continue
        changed += 1
        if check:
            click.echo(f"would reformat {name}")
        else:
            try:
                _write_atomically(Path(name), formatted)
            except OSError as err:
                reason = err.strerror or str(err)
                problems.append(Problem(name, 1, 1, f"cannot write: {reason}", "a writable file"))
                continue
            click.echo(f"reformatted {name}")
    if problems:
        raise InputError(problems)
    if check and changed:
        noun = "file" if changed == 1 else "files"
        raise WouldReformat(f"fmt --check: {changed} {noun} would be reformatted")


def _format_file(path: Path, name: str, dirs: tuple[Path, ...] | None) -> tuple[str, str]:
    """The file's stored text and its canonical form.

    The text is compared as stored, so CRLF line ends or a byte-order mark count as changes.

    Raises:
        InputError: the file cannot be read or is not a playbook that loads.
    """
    # refuse whatever the loaders refuse
    build_document(read_yaml_file(path, display=name), dirs=dirs)
    # Read again through the same checks: the file may have changed since (never unbounded).
    text = read_user_text(path, name, "YAML file", READ_LIMIT)
    return text, format_text(text, name, dirs)


def _write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` (the file a symlink points to) by ``text``, keeping its permissions."""
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
