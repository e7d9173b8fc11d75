"""Given: the playbook and the case a scenario is about, and the scenario's state.

Each step function's docstring is one line saying what the step does; the step reference in the
documentation is generated from them, so keep them short and in the coach's terms.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pytest_bdd import given, parsers

from followup.bdd.places import FEATURE, shown_path
from followup.bdd.tables import interviewer_rows, read_table, reads_table
from followup.bdd.words import (
    DATE,
    QUOTED,
    case_file_of,
    day_of,
    duration_text,
    opt_duration_text,
    playbook_of,
    preferred_channel_of,
    time_of,
)
from followup.bdd.world import World, fail
from followup.errors import InputError
from followup.io.yaml_reader import read_yaml_file

# -- the scenario's state ------------------------------------------------------------------------


@pytest.fixture
def followup_world() -> World:
    """What the scenario has said so far: playbook, case, events and the day it has reached."""
    world = World()
    feature = FEATURE.get()
    if feature is not None:
        world.feature_dir = feature.parent
        world.feature = shown_path(feature)
    return world


# -- Given: the playbook and the case ------------------------------------------------------------


@given(parsers.re(r'the playbook "(?P<ref>[^"]+)"'), {"ref": playbook_of})
def the_playbook(followup_world: World, ref: str) -> None:
    """Use this playbook: an id, or a .yaml file next to the feature file."""
    followup_world.playbook_ref = ref
    followup_world.changed()
    followup_world.playbook()  # a bad id or file fails here, at the step that named it


@given(parsers.re(rf"(?:an interview|the interview was) on (?P<day>{DATE})"), {"day": day_of})
def an_interview(followup_world: World, day: date) -> None:
    """Start the case with an interview on this day."""
    followup_world.set_case("interview", day.isoformat())


@given(
    parsers.re(rf"the interview was on (?P<day>{DATE}) at (?P<time>\d\d:\d\d)"),
    {"day": day_of, "time": time_of},
)
def an_interview_at(followup_world: World, day: date, time: str) -> None:
    """Start the case with an interview on this day at this time (HH:MM, the case's zone)."""
    followup_world.set_case("interview", f"{day.isoformat()}T{time}")


@given(parsers.re(r'the interview was at "(?P<company>[^"]+)"(?: for "(?P<role>[^"]+)")?'))
def the_company_and_role(followup_world: World, company: str, role: str | None) -> None:
    """Name the company and, optionally, the role."""
    followup_world.set_case("company", company)
    followup_world.set_case("role", role)


@given(parsers.re(r'the company is in "(?P<country>[^"]+)"'))
def the_country(followup_world: World, country: str) -> None:
    """Use this country's weekend and public holidays (US, IL; GB-ENG for England alone)."""
    followup_world.set_case("country", country)


@given(parsers.re(rf"the interviewers? (?:are|is|was|were) (?P<names>{QUOTED}(?:.*{QUOTED})?)"))
def the_interviewers(followup_world: World, names: str) -> None:
    """Name the people who interviewed me, each in quotes."""
    followup_world.set_case("interviewers", re.findall(r'"([^"]+)"', names))


@given(parsers.re(r"the interviewers (?:are|were):"))
@reads_table(interviewer_rows)
def the_interviewers_table(followup_world: World, datatable: list[list[str]]) -> None:
    """Name the interviewers in a table with a 'name' column (and optionally 'email')."""
    people = read_table(followup_world, datatable, interviewer_rows)
    followup_world.set_case("interviewers", list(people))


@given(parsers.re(rf"the employer will decide by (?P<day>{DATE})"), {"day": day_of})
def decide_by(followup_world: World, day: date) -> None:
    """The employer said they will decide by this day."""
    followup_world.set_employer(decision_by=day.isoformat(), decision_in=None)


@given(parsers.re(r"the employer will decide within (?P<duration>.+)"), {"duration": duration_text})
def decide_within(followup_world: World, duration: str) -> None:
    """The employer said they will decide within this long of the interview (e.g. 3w)."""
    followup_world.set_employer(decision_in=duration, decision_by=None)


@given(
    parsers.re(r"the employer invited a follow-up(?: after (?P<duration>.+))?"),
    {"duration": opt_duration_text},
)
def invited_follow_up(followup_world: World, duration: str | None) -> None:
    """The employer invited me to follow up, optionally after this long (e.g. 2w)."""
    followup_world.set_employer(follow_up="invited", follow_up_after=duration)


@given("the employer asked me not to follow up")
def not_wanted(followup_world: World) -> None:
    """The employer asked me, at the interview, not to follow up."""
    followup_world.set_employer(follow_up="not_wanted", follow_up_after=None)


@given(parsers.re(r"the employer prefers (?P<channel>.+)"), {"channel": preferred_channel_of})
def prefers(followup_world: World, channel: str) -> None:
    """The employer prefers this channel: email, phone, the portal or the recruiter."""
    followup_world.set_employer(preferred_channel=channel)


@given(parsers.re(r"the employer (?P<allows>allows|does not allow) calls"))
def calls(followup_world: World, allows: str) -> None:
    """Say whether the employer is happy to be phoned."""
    followup_world.set_employer(may_call=allows == "allows")


@given(parsers.re(r'the case file "(?P<ref>[^"]+)"'), {"ref": case_file_of})
def the_case_file(followup_world: World, ref: Path) -> None:
    """Start from a whole case file (next to the feature file), events and all."""
    name = shown_path(ref)
    try:
        doc = read_yaml_file(ref)
    except InputError as err:
        fail(f"The case file {name!r} cannot be read:\n{err}")
    if not isinstance(doc.data, dict):
        fail(f"The case file {name!r} is not a mapping of keys to values.")
    followup_world.load_case(doc.data, name)
