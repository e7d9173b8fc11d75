"""The pytest plugin (entry point ``pytest11: followup``) that offers the followup steps.

Installing followup is enough for any project's pytest-bdd features to use the step library (the
modules in `LIBRARY` below); no conftest or import is needed.  Pytest loads this module for every
run in an environment where followup is installed, so it must not break projects that do not
have pytest-bdd: the steps are only registered when pytest-bdd is importable.
"""

from __future__ import annotations

import importlib.util
from contextvars import Token
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from followup.bdd.places import FEATURE, step_place
from followup.bdd.world import World

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytest_bdd.parser import Feature, Scenario, Step

# Pytest registers every module listed here as a plugin, which makes the step definitions and
# the `followup_world` fixture visible to every test: the case (`case_steps`, which also holds the
# fixture), what happened and what I do (`event_steps`), what the plan says (`plan_steps`), drafts
# (`draft_steps`), a playbook being written (`check_steps`), the plan's notes (`note_steps`), why a
# step moved and a new round's people (`truth_steps`), windows and the plan's words
# (`language_steps`), whom a step goes to (`recipient_steps`).
# The one list of the library's modules: the step reference (`followup.spec.stepdoc`) reads it.
LIBRARY = (
    "followup.bdd.case_steps",
    "followup.bdd.event_steps",
    "followup.bdd.plan_steps",
    "followup.bdd.draft_steps",
    "followup.bdd.check_steps",
    "followup.bdd.note_steps",
    "followup.bdd.truth_steps",
    "followup.bdd.language_steps",
    "followup.bdd.recipient_steps",
)
pytest_plugins = list(LIBRARY) if importlib.util.find_spec("pytest_bdd") else []


# How to forget the running feature file once its scenario is over.
_FEATURE_SET = pytest.StashKey[Token[Path | None]]()


# optionalhook: without pytest-bdd the hooks are unknown, which must not be an error.
@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario
) -> None:
    """Say which feature file is running, so steps find files named relative to it and name
    its lines in what they report."""
    request.node.stash[_FEATURE_SET] = FEATURE.set(Path(feature.filename))


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_after_scenario(
    request: pytest.FixtureRequest, feature: Feature, scenario: Scenario
) -> None:
    """The scenario is over: no feature file is running."""
    token = request.node.stash.get(_FEATURE_SET, None)
    if token is not None:
        FEATURE.reset(token)


@pytest.hookimpl(optionalhook=True)
def pytest_bdd_before_step_call(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
    step_func_args: dict[str, object],
) -> None:
    """Tell the scenario's world where the step it is about to run was written."""
    world = step_func_args.get("followup_world")
    if isinstance(world, World):
        world.here = step_place(step)
