"""``followup spec --generate ID``: scenarios that take every transition and fire every timer.

The search (:mod:`followup.spec.search`) finds the shortest story for each move; the longest
of those stories are kept first, and a move they already take needs no story of its own, which
leaves few scenarios that together take every move.  The Then-lines are what the engine answers
at the end (state, next steps, closing date), and every generated scenario is run through the
steps once more before it is printed, so the feature passes as generated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from followup import catalog
from followup.bdd.world import World
from followup.errors import EngineError
from followup.model.playbook import Playbook
from followup.model.vocabulary import CLOSED
from followup.spec.perform import OUTCOME_WORDS, Line, Performer, StepFailed, step_words
from followup.spec.runner import environment
from followup.spec.search import (
    HORIZON,
    INTERVIEW,
    MAX_MOVES,
    SETUPS,
    Explorer,
    Outcome,
    Story,
    edges_of,
)


@dataclass(frozen=True, slots=True)
class Pick:
    """A chosen scenario: the edge it was chosen for, its story and where the story ends."""

    edge: tuple[str, str]
    story: Story
    outcome: Outcome


def choose(
    targets: Sequence[tuple[str, str]], first: dict[tuple[str, str], Story], explorer: Explorer
) -> list[Pick]:
    """Few stories that together take every edge found: the longest first, then what is left."""
    found = [t for t in targets if t in first]
    longest_first = sorted(found, key=lambda t: -len(first[t].moves))
    taken: set[tuple[str, str]] = set()
    picks: list[Pick] = []
    for edge in longest_first:
        if edge in taken:
            continue
        story = first[edge]
        outcome = explorer.outcome(story)
        taken |= outcome.edges
        picks.append(Pick(edge, story, outcome))
    return sorted(picks, key=lambda p: targets.index(p.edge))


def scenario_lines(pick: Pick) -> list[Line]:
    """The Given, When and Then lines of one chosen story."""
    story, plan = pick.story, pick.outcome.plan
    lines = list(SETUPS[story.setup])
    if not story.moves:
        lines.append(Line("when", f"I check the plan on {plan.today}"))
        lines.append(Line("then", f'the state is "{plan.state}"'))
    for move, state in zip(story.moves, story.states, strict=True):
        lines += [*move, Line("then", f'the state is "{state}"')]
    if plan.state == CLOSED and plan.outcome:
        said = OUTCOME_WORDS.get(plan.outcome, plan.outcome)
        lines.append(Line("then", f'the case is closed as "{said}"'))
    if len(plan.next) == 1:
        lines.append(Line("then", f"the next step is {step_words(plan.next[0])}"))
    else:
        lines += [Line("then", f"the next steps include {step_words(s)}") for s in plan.next]
    if not plan.schedule:
        lines.append(Line("then", "nothing more is due"))
    if plan.closes_on is not None:
        lines.append(Line("then", f"the case closes on {plan.closes_on}"))
    else:
        lines.append(Line("then", "the case does not close on its own"))
    return lines


def gherkin(lines: Sequence[Line], indent: str = "    ") -> list[str]:
    """Lines with their keywords: the first of a run of one type names it, the rest say And."""
    out: list[str] = []
    previous = ""
    for line in lines:
        keyword = "And" if line.kind == previous else line.kind.capitalize()
        out.append(f"{indent}{keyword} {line.text}")
        previous = line.kind
    return out


def check_passes(explorer: Explorer, lines: Sequence[Line], title: str) -> None:
    """Run a generated scenario through the steps once more: it must pass as printed.

    Raises:
        EngineError: it does not (a bug in the generator, not in the playbook).
    """
    world = World(playbook_ref=str(explorer.path))
    try:
        explorer.performer.perform(world, Line("given", f"an interview on {INTERVIEW}"))
        for line in lines:
            explorer.performer.perform(world, line)
    except StepFailed as err:
        raise EngineError(f"the generated scenario '{title}' does not pass: {err}") from None


def _move_name(playbook: Playbook, edge: tuple[str, str]) -> str:
    source, rule = edge
    dest = next(t.dest for t in playbook.transitions if t.id == rule)
    return f"{rule}: {source} to {dest}"


def generate_feature(ref: str, dirs: Sequence[Path] = ()) -> str:
    """A feature whose scenarios take every transition and fire every timer of a playbook.

    Raises:
        UsageError: no playbook has that id, or the file does not exist.
        InputError: the playbook has problems.
        EngineError: a generated scenario would not pass (a bug in the generator).
    """
    path = catalog.resolve(ref, tuple(dirs)).resolve()
    cp = catalog.load(str(path), tuple(dirs))
    pb = cp.playbook
    explorer = Explorer(cp, path, Performer())
    targets = edges_of(pb)
    # The steps find a base playbook (`extends`) in the coach's folders as `followup spec` will.
    with environment(dirs):
        picks = choose(targets, explorer.explore(set(targets)), explorer)
        scenarios = [(pick, scenario_lines(pick)) for pick in picks]
        for pick, lines in scenarios:
            check_passes(explorer, lines, _move_name(pb, pick.edge))
    out = [
        f"# Written by `followup spec --generate {ref}`: the shortest scenarios found that",
        "# together take every transition and fire every timer of the playbook. Dates and",
        "# Then-steps are what the engine answers; edit freely.",
        f"Feature: Every move of the playbook {pb.id}",
        f"  {pb.title}",
        "",
        "  Background:",
        f'    Given the playbook "{ref}"',
        f"    And an interview on {INTERVIEW}",
    ]
    taken: set[tuple[str, str]] = set()
    for pick, lines in scenarios:
        out += ["", f"  Scenario: {_move_name(pb, pick.edge)}"]
        also = [e for e in targets if e in pick.outcome.edges and e != pick.edge]
        if also:
            out.append("    # Also takes: " + ", ".join(_move_name(pb, e) for e in also))
        out += gherkin(lines)
        taken |= pick.outcome.edges
    missing = [e for e in targets if e not in taken]
    if missing:
        out += [
            "",
            f"  # Not reached in {MAX_MOVES} moves within {HORIZON.days} days of the interview",
            "  # (check the rule's condition and dates; `followup lint` may say why):",
        ]
        out += [f"  #   {_move_name(pb, e)}" for e in missing]
    return "\n".join(out) + "\n"
