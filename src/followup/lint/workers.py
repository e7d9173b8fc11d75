"""How many processes a proof is split over: the CPUs it may use, and the memory they need.

Each worker holds the memo of one task at a time (`followup.lint.prove`), and a memo grows with
the space: a few hundred megabytes for a sound search with the fixed dates news carries, a few
gigabytes with every date (`--news-dates every`).  A machine with many cores and little memory
would run out of it with one worker per core, and the operating system would kill the proof
without a word; so the workers are as many as the memory the machine has free can hold.
"""

from __future__ import annotations

import os
from pathlib import Path

# Processes a proof is split over at most: one per CPU this process may use, up to this many
# (each holds one task's memo at a time; tasks are a few dozen, so more would mostly wait).
WORKERS = 8
# The memory one worker may need, rounded up from the largest measured (bench/README.md): a
# sound search's memo with the fixed dates news carries (dos-and-donts: 426 MB), and with every
# date (dos-and-donts: 5.4 GiB at its peak so far, week-then-on-hold 4.3 GiB, how-many-times
# 3.5 GB; the 4 GiB this was before would have let too many workers start).
WORKER_BYTES = 512 * 2**20
EVERY_DATE_WORKER_BYTES = 8 * 2**30
MEMINFO = Path("/proc/meminfo")


def usable_cpus() -> int:
    """The CPUs this process may run on (fewer than the machine's under a container's or a
    job's limits, where the operating system says so)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def available_memory(meminfo: Path = MEMINFO) -> int | None:
    """The bytes of memory the machine can give new work without swapping (Linux's
    ``MemAvailable``), or None where the system does not say."""
    try:
        text = meminfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name == "MemAvailable":
            parts = rest.split()
            if parts and parts[0].isdigit():
                return int(parts[0]) * 1024  # the file says kB
    return None


def workers_for(sound: bool, every_news_date: bool, meminfo: Path = MEMINFO) -> int:
    """How many processes to split a proof over: one per usable CPU, up to `WORKERS`, and no
    more than the available memory holds (at least one, which a proof needs anyway).  Only
    the sound search with every news date needs gigabytes; the quick space with every date has
    a fiftieth of its cases."""
    count = min(WORKERS, usable_cpus())
    free = available_memory(meminfo)
    if free is not None:
        need = EVERY_DATE_WORKER_BYTES if sound and every_news_date else WORKER_BYTES
        count = min(count, max(1, free // need))
    return count
