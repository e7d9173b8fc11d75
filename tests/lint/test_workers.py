"""A proof uses as many processes as the CPUs allow and the free memory holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.lint import workers
from followup.lint.workers import (
    EVERY_DATE_WORKER_BYTES,
    WORKER_BYTES,
    available_memory,
    workers_for,
)


def _meminfo(folder: Path, available_kb: int | None) -> Path:
    lines = ["MemTotal:       24000000 kB", "MemFree:          100000 kB"]
    if available_kb is not None:
        lines.append(f"MemAvailable:   {available_kb:>9} kB")
    path = folder / "meminfo"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    return path


def test_the_available_memory_is_read_in_bytes(tmp_path: Path) -> None:
    assert available_memory(_meminfo(tmp_path, 2048)) == 2048 * 1024


def test_without_word_from_the_system_the_memory_is_unknown(tmp_path: Path) -> None:
    assert available_memory(tmp_path / "missing") is None
    assert available_memory(_meminfo(tmp_path, None)) is None


@pytest.mark.parametrize("every", [False, True])
def test_the_workers_are_as_many_as_the_memory_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, every: bool
) -> None:
    monkeypatch.setattr(workers, "usable_cpus", lambda: 64)
    need = EVERY_DATE_WORKER_BYTES if every else WORKER_BYTES
    assert workers_for(True, every, _meminfo(tmp_path, 3 * need // 1024)) == 3
    assert workers_for(True, every, _meminfo(tmp_path, need // 2048)) == 1  # one, whatever
    # the quick space with every date is small: it needs no more than a sound one without
    assert workers_for(False, every, _meminfo(tmp_path, 3 * WORKER_BYTES // 1024)) == 3


def test_plenty_of_memory_leaves_one_worker_per_cpu_up_to_the_most(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plenty = _meminfo(tmp_path, 10**12)
    monkeypatch.setattr(workers, "usable_cpus", lambda: 2)
    assert workers_for(True, True, plenty) == 2
    monkeypatch.setattr(workers, "usable_cpus", lambda: 64)
    assert workers_for(True, False, plenty) == workers.WORKERS
    assert workers_for(True, True, tmp_path / "missing") == workers.WORKERS
