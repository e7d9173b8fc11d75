"""The hostile-input contract, shared by the property tests and the corpus.

Whatever a user's file or batch holds, a run of ``validate``, ``plan`` or ``agenda`` must:
end without an exception escaping ``main``; exit 0 or 2 (1 is a runtime failure, which no input
may cause); and put nothing on stderr that is not located ``file:line:col: ...``, except the
one summary line ``agenda`` ends a batch with ("followup: N case(s) had problems ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

TODAY = "2026-03-12"
LOCATED = re.compile(r"^.+?:\d+:\d+: \S")
# agenda's last line after reporting each bad case (located) above it.
BATCH_SUMMARY = re.compile(r"^followup: \d+ case\(s\) had problems and were skipped$")
# Where the tracker is, said once: when a write creates it, or when a read finds none there.
TRACKER_NOTICE = re.compile(
    r"^followup: (created a new tracker|no tracker yet) at .+ "
    r"\(from (--db|\$FOLLOWUP_DB|your data folder)\)"
)


@dataclass(frozen=True)
class Outcome:
    """One in-process run: the command line, exit code and what it printed."""

    argv: tuple[str, ...]
    code: int
    out: str
    err: str

    def unlocated(self) -> list[str]:
        """Every stderr line that is neither located, agenda's summary nor the tracker's
        notice of where it is."""
        return [
            line
            for line in self.err.splitlines()
            if not LOCATED.match(line)
            and not BATCH_SUMMARY.match(line)
            and not TRACKER_NOTICE.match(line)
        ]


Run = Callable[..., Outcome]  # run(*argv): the outcome, once its contract has been checked


def check_contract(result: Outcome) -> None:
    """Fail unless the run kept the hostile-input contract."""
    assert result.code in (0, 2), (result.argv, result.code, result.err[:2000])
    assert "Traceback" not in result.err, result.err[:2000]
    assert result.unlocated() == [], (result.argv, result.unlocated()[:5])


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the CLI in-process and check the contract (an escaping exception fails by itself)."""

    def go(*argv: str | Path) -> Outcome:
        capsys.readouterr()
        args = tuple(str(a) for a in argv)
        code = main(list(args))
        out, err = capsys.readouterr()
        result = Outcome(args, code, out, err)
        check_contract(result)
        return result

    return go
