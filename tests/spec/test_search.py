"""The generator's search: which moves a story can make, and when silence lets a timer fire."""

from __future__ import annotations

from datetime import date

from followup import catalog
from followup.spec.perform import Line, Performer
from followup.spec.search import (
    INTERVIEW,
    SETUPS,
    Explorer,
    Story,
    edges_of,
    follow,
    news_events,
    silence_until_timer,
)

PERFORMER = Performer()


def _explorer(playbook_id: str) -> Explorer:
    path = catalog.resolve(playbook_id).resolve()
    return Explorer(catalog.load(str(path)), path, PERFORMER)


def test_news_the_playbook_looks_at():
    """Only news a playbook's conditions or dates mention is worth recording off-plan."""
    week = news_events(catalog.load("week-then-on-hold").playbook)
    assert "competing_offer" in week  # flag-competing-offer waits for one
    assert "check_in_sent" in week  # its rules count check-ins
    assert "portfolio_update" not in week
    assert "networked" in news_events(catalog.load("stalker-free").playbook)


def test_edges_are_every_source_of_every_transition():
    """A transition from several states is one edge per state."""
    pb = catalog.load("week-then-on-hold").playbook
    edges = edges_of(pb)
    assert ("waiting", "back-off-after-two-months") in edges
    assert ("on-hold", "back-off-after-two-months") in edges
    assert len(edges) == sum(len(t.sources) for t in pb.transitions)


def test_silence_waits_past_a_reminder_due_with_the_timer():
    """A reminder due the day a timer would fire is shown first; the timer fires a day later."""
    explorer = _explorer("how-many-times")
    story = Story(0, ((Line("when", "I check the plan on 2026-03-04"),),), ("waiting",))
    outcome = explorer.outcome(story)
    assert outcome.run.next_timer()[0] == date(2026, 3, 30)
    assert silence_until_timer(outcome.run, outcome.plan.today) == date(2026, 3, 31)
    later = explorer.outcome(
        Story(0, (*story.moves, (Line("when", "I check the plan on 2026-03-31"),)))
    )
    assert later.plan.state == "closed"
    assert ("waiting", "check-in-never-sent") in later.edges


def test_following_a_reminder_moves_to_the_next_day():
    """Doing the next steps writes their events, and a reminder moves the day past it."""
    explorer = _explorer("how-many-times")
    start = explorer.outcome(Story(0))
    lines = follow(explorer.cp, start.plan)
    assert lines == (Line("when", "I sent a thank-you by email on 2026-03-02"),)
    checked = explorer.outcome(
        Story(0, ((Line("when", "I sent a check-in by email on 2026-03-02"),),))
    )
    [reminder] = checked.plan.next
    assert explorer.cp.completed_by[reminder.action] is None
    assert follow(explorer.cp, checked.plan) == (
        Line("when", f"I check the plan on {date(2026, 3, 4)}"),
    )


def test_every_setup_is_a_story_the_steps_accept():
    """Each starting point is sentences of the step library that build a valid case."""
    explorer = _explorer("week-then-on-hold")
    for setup in range(len(SETUPS)):
        outcome = explorer.outcome(Story(setup))
        assert outcome.plan.today == INTERVIEW
        assert outcome.plan.state == "interviewed"
