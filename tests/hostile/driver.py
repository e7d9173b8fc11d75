"""Run many ``followup`` command lines in one process, for the hostile corpus.

Usage: ``python tests/hostile/driver.py < runs.json`` where ``runs.json`` is a list of argv
lists.  Before each run it writes ``start N`` to stderr (so a test that kills it at its time
limit can name the run that hung); after each it writes one JSON line to stdout: the argv, the
exit code, what the run printed, and ``escaped``: the traceback of any exception that got out
of ``main`` (a MemoryError included), else null.  The test runs it with a time limit and a cap
on its address space, so a hang or a memory blow-up fails the test instead of the machine.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback

from followup.cli.main import main


def run_one(argv: list[str]) -> dict[str, object]:
    """One command line, in this process: exit code, stdout, stderr and an escaped exception."""
    out, err = io.StringIO(), io.StringIO()
    escaped = None
    code = -1
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except BaseException:
            escaped = traceback.format_exc()
    return {
        "argv": argv,
        "code": code,
        "out": out.getvalue(),
        "err": err.getvalue(),
        "escaped": escaped,
    }


def drive() -> None:
    """Every run listed on stdin, reported as JSON lines on stdout."""
    runs = json.load(sys.stdin)
    report = sys.stdout
    for number, argv in enumerate(runs):
        print(f"start {number}", file=sys.stderr, flush=True)
        print(json.dumps(run_one(argv)), file=report, flush=True)


if __name__ == "__main__":
    drive()
