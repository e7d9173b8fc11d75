"""Every test and scenario runs away from the developer's own followup folders.

Without this, a real database or folder of coach playbooks on the machine running the tests
could change what they see.  The database and config folder are new for each test; the holiday
cache is shared by the session (it only ever holds public-holiday data).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

# Under `make test` coverage traces every line, and a process forked from a traced one goes on
# tracing.  The pool workers `prove` forks end with os._exit, so what they trace is never saved:
# tracing them only made every proof several times slower.  They run untraced.
os.register_at_fork(after_in_child=lambda: sys.settrace(None))


def _isolate(patch: pytest.MonkeyPatch, mine: Path, factory: pytest.TempPathFactory) -> None:
    patch.setenv("FOLLOWUP_DB", str(mine / "followup.db"))
    patch.setenv("FOLLOWUP_CONFIG_DIR", str(mine / "config"))
    patch.setenv("FOLLOWUP_CACHE", str(factory.getbasetemp() / "holiday-cache"))
    patch.delenv("FOLLOWUP_PLAYBOOKS", raising=False)


@pytest.fixture(autouse=True, scope="session")
def isolated_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The same for what a module- or session-wide fixture builds before any test's own
    folders exist (a report made once for a module's tests, say)."""
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, Path(tmp_path_factory.mktemp("session-user")), tmp_path_factory)
        yield


@pytest.fixture(autouse=True)
def isolated_user_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Point the database, caches and config folder at temporary places; no coach folders."""
    _isolate(monkeypatch, Path(tmp_path_factory.mktemp("user")), tmp_path_factory)


@dataclass(frozen=True)
class CliResult:
    """One in-process run of the CLI: exit code and what it printed."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Call ``followup.cli.main.main`` with arguments; return code, stdout and stderr."""

    def run(*argv: str | Path) -> CliResult:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run
