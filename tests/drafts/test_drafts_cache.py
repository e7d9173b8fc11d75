"""Templates are checked once per version of a playbook file; a hit does not import Jinja2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup import catalog
from followup.drafts import MARKER_DIR, check_cached, is_checked
from followup.errors import InputError

GOOD = 'thank_you: "Thanks {{ interviewer.first_name }}"\n'
BAD = 'thank_you: "Thanks {{ interviewer.frist_name }}"\n'
PROBE = (
    "import sys\n"
    "from followup import catalog\n"
    "catalog.load(sys.argv[1])\n"
    "print('jinja2' in sys.modules)\n"
)


def _load_in_subprocess(path: Path) -> bool:
    """Load a playbook in a fresh interpreter; whether Jinja2 got imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
        timeout=60,
    )
    return done.stdout.strip() == "True"


def _markers() -> list[Path]:
    folder = Path(os.environ["FOLLOWUP_CACHE"]) / MARKER_DIR
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_miss_checks_and_imports_jinja_then_a_hit_does_not(write_playbook):
    """First load checks (Jinja2 imported) and leaves a marker; the next load skips both."""
    path = write_playbook(GOOD)
    assert _load_in_subprocess(path) is True
    assert len(_markers()) == 1
    assert _load_in_subprocess(path) is False


def test_editing_the_file_is_a_miss(write_playbook):
    """A changed file (new size and mtime) is checked again."""
    path = write_playbook(GOOD)
    catalog.load(str(path))
    assert is_checked(path)
    write_playbook(GOOD + "  # an edit\n")
    os.utime(path, ns=(1, 1))
    assert not is_checked(path)
    assert _load_in_subprocess(path) is True
    assert is_checked(path)


def test_bad_templates_fail_the_load_and_leave_no_marker(write_playbook):
    """A playbook with a bad template does not load, and is not remembered as checked."""
    path = write_playbook(BAD)
    with pytest.raises(InputError, match=r"has no field 'frist_name' \(did you mean 'first_name'"):
        catalog.load(str(path))
    assert not is_checked(path)
    assert _markers() == []


def test_a_marker_for_another_key_is_not_a_hit(write_playbook):
    """A marker file holding a different key (a collision, a stale file) counts as a miss."""
    path = write_playbook(GOOD)
    check_cached(catalog.model_of(str(path)), path)
    (marker,) = _markers()
    marker.write_text("something else\n", encoding="utf-8")
    assert not is_checked(path)


def test_unwritable_cache_still_checks(write_playbook, tmp_path, monkeypatch):
    """When the cache folder cannot be written, templates are simply checked every time."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("FOLLOWUP_CACHE", str(blocker))
    path = write_playbook(GOOD)
    check_cached(catalog.model_of(str(path)), path)
    assert not is_checked(path)
    bad = write_playbook(BAD, name="bad.yaml")
    with pytest.raises(InputError):
        catalog.load(str(bad))


def test_a_playbook_without_templates_needs_no_check(write_playbook):
    """Nothing to check, nothing written, and Jinja2 stays out."""
    path = write_playbook()
    assert _load_in_subprocess(path) is False
    assert _markers() == []
