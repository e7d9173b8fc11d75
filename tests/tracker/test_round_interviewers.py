"""log reply --outcome next_round --interviewer: a new round's people, addressed by its drafts."""

from __future__ import annotations

TODAY = "2026-03-16"


def _invited(tracker, acme: str, *people: str):
    argv = ["log", acme, "reply", "--outcome", "next_round", "--interview", TODAY]
    for person in people:
        argv += ["--interviewer", person]
    return tracker(*argv, "--date", "2026-03-10", "--today", "2026-03-10")


def test_a_rounds_interviewers_are_saved_and_get_its_thank_you(tracker, acme):
    """Each --interviewer is saved with the reply; the round's thank-you goes to each of them."""
    tracker("log", acme, "thank_you_sent", "--date", "2026-03-02", "--today", "2026-03-02")
    saved = _invited(tracker, acme, "Dr. Alice Marsh <alice@acme.example>", "Ben Ortiz")
    assert saved.code == 0, saved.err
    assert "with Dr. Alice Marsh, Ben Ortiz" in saved.out
    due = tracker("today", "--today", TODAY, "--json").json()["due"]
    thanks = [d for d in due if d["action"] == "thank_you"]
    assert [p["name"] for p in thanks[0]["recipients"]] == ["Dr. Alice Marsh", "Ben Ortiz"]
    drafts = tracker("draft", acme, "thank_you", "--today", TODAY, "--json")
    assert drafts.code == 0, drafts.err
    assert [d["to"] for d in drafts.json()] == [
        "Dr. Alice Marsh <alice@acme.example>",
        "Ben Ortiz <[[their email]]>",
    ]
    plan = tracker("status", acme, "--today", TODAY)
    assert "to each interviewer (Dr. Alice Marsh, Ben Ortiz)" in " ".join(plan.out.split())


def test_a_malformed_interviewer_is_refused_by_its_flag(tracker, acme):
    """A bad person is a usage error naming --interviewer; nothing is saved."""
    bad = _invited(tracker, acme, "Alice <not an email>")
    assert bad.code == 2
    assert "--interviewer" in bad.err
    assert "next_round" not in tracker("history", acme).out
