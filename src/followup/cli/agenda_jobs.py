"""``followup agenda --jobs N``: the batch planned by N worker processes, output in input order.

The parent only reads: it cuts the batch into chunks of unparsed lines (or case-file paths) and
hands them out, at most two per worker at a time so memory stays bounded whatever the batch's
size.  Each worker parses, checks and plans its chunk with its own copy of the
:class:`~followup.cli.agenda.Planner` (inherited when the worker is forked, so the compiled
playbooks are not rebuilt), and sends back each case's JSON line, table row or problems.  The
parent writes the chunks back in the order it sent them, so the output is the same as with one
process.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Any

from followup.cli.agenda import Planned, Planner
from followup.errors import (
    EXIT_FAILURE,
    FollowupError,
    InputError,
    leave_stopping_to_parent,
    stop_on_terminate,
)
from followup.io.jsonl import line_item
from followup.io.user_files import Line
from followup.io.yaml_reader import read_yaml_file

CHUNK = 1000  # cases per message to a worker: big enough that pickling is a small share
AHEAD = 2  # chunks in flight per worker: each always has the next one waiting

Answer = Planned | InputError

# The worker's planner, set by the pool's initializer.  Forked workers receive it without
# pickling: the compiled playbooks (and their machines) are inherited, not rebuilt.
_planner: Planner | None = None


class WorkerFailed(FollowupError):
    """A worker process died (killed, or out of memory) before finishing its cases."""

    exit_code = EXIT_FAILURE


def _start(planner: Planner) -> None:
    global _planner
    leave_stopping_to_parent()  # the parent alone stops the batch, and says so in one line
    planner.keep_documents = False  # answers travel back to the parent: located here
    _planner = planner


def _plan_chunk(name: str, chunk: list[Line] | list[Path]) -> list[Answer]:
    """Each item of one chunk, read and planned by this worker."""
    planner = _planner
    assert planner is not None
    answers: list[Answer] = []
    for item in chunk:
        if isinstance(item, Path):
            try:
                doc = read_yaml_file(item)
            except InputError as err:
                answers.append(err)
                continue
            answers.append(planner.plan(doc))
        else:
            answers.append(planner.plan(line_item(item, name)))
    return answers


def plan_in_workers(
    planner: Planner,
    path: Path,
    items: Iterator[Line] | Iterator[Path],
    jobs: int,
    bar: Any,
) -> Iterator[Answer]:
    """Every item's answer, in input order, planned by ``jobs`` processes.

    Raises:
        WorkerFailed: a worker died; the cases before its chunk have been answered.
    """
    methods = multiprocessing.get_all_start_methods()
    # fork: the workers start at once with the playbooks compiled (spawn would re-import all).
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    name = str(path)
    stop_on_terminate()
    pool = ProcessPoolExecutor(jobs, context, initializer=_start, initargs=(planner,))
    pending: deque[Future[list[Answer]]] = deque()
    try:
        while True:
            while len(pending) < jobs * AHEAD:
                chunk = list(islice(items, CHUNK))
                if not chunk:
                    break
                pending.append(pool.submit(_plan_chunk, name, chunk))  # type: ignore[arg-type]
            if not pending:
                return
            answers = pending.popleft().result()
            if bar is not None:
                bar.update(len(answers))
            yield from answers
    except BrokenProcessPool:
        raise WorkerFailed("followup: agenda: a worker process died (out of memory?)") from None
    finally:
        for waiting in pending:
            waiting.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        sys.stdout.flush()
