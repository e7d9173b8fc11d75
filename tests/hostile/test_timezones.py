"""Timezones that name a folder, a file of the zone database, a path, or 300 letters.

ZoneInfo answers these with IsADirectoryError, ENAMETOOLONG, ValueError...: each must be one
located "not a known timezone" problem, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.errors import UsageError
from followup.model.case import Case
from followup.services.cases import today_for

HOSTILE_ZONES = [
    "America",  # a folder of zones
    "A" * 300,  # longer than a file name may be
    "/etc/passwd",
    "..",
    "America/",
    "Etc/../UTC",
    "zone.tab",  # a file of the database that is not a zone
    "UTC\u0000",
]
CASE = "id: tz\ninterview: 2026-03-02\nplaybook: week-then-on-hold\ntimezone: {zone}\n"


@pytest.mark.parametrize("zone", HOSTILE_ZONES, ids=lambda z: z[:12])
def test_case_timezone_is_a_located_problem(cli, tmp_path: Path, zone: str) -> None:
    """validate and plan (without --today, so the zone would be used) refuse it at line 4."""
    case = tmp_path / "tz.yaml"
    escaped = zone.replace("\u0000", "\\0")
    case.write_text(CASE.format(zone=f'"{escaped}"'))
    for argv in (("validate", case), ("plan", case)):
        result = cli(*argv)
        assert result.code == 2, result.err
        assert result.err.startswith(f"{case}:4:11: timezone '")
        assert "is not known; expected an IANA name" in result.err
        assert "Traceback" not in result.err
        assert len(result.err) < 300  # the 300-letter name is clipped


def test_tracker_timezone_flag(cli, tmp_path: Path) -> None:
    """`followup add --timezone America` names the flag, exit 2."""
    argv = ("add", "--company", "A", "--role", "R", "--interviewed", "2026-03-02")
    result = cli(*argv, "--timezone", "America", "--db", tmp_path / "t.db")
    assert result.code == 2
    assert "--timezone: timezone 'America' is not known" in result.err


def test_today_for_a_case_not_from_a_file() -> None:
    """A Case built in code with a folder as its zone: our own error, not IsADirectoryError."""
    from datetime import date

    case = Case(id="x", interview=date(2026, 3, 2), timezone="America")
    with pytest.raises(UsageError, match="timezone 'America' is not known"):
        today_for(case)
