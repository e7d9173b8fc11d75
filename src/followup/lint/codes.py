"""The lint codes: one table, the single source of ``docs/lint-codes.md`` and of severities.

Codes are stable: a code, once published, keeps its meaning.  ``L0xx`` are problems the loader
finds (the file does not load), ``L1xx`` problems in a playbook that loads, ``L2xx`` what
``lint --prove`` finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from followup.lint import offsets, space
from followup.model.vocabulary import DIRECT_CHANNELS

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Code:
    """One lint code."""

    code: str
    name: str
    severity: Severity
    means: str
    fix: str


CODES: tuple[Code, ...] = (
    Code(
        "L001",
        "does-not-load",
        "error",
        "The file does not load: bad YAML, a wrong shape, a meaning the loader refuses, or a "
        "template that does not render (the same problems `followup validate` reports, and "
        "`plan`, `draft` and `spec` refuse). Nothing else is checked until it loads.",
        "Fix what the message says; the expected value is named after `expected`.",
    ),
    Code(
        "L103",
        "unknown-state",
        "error",
        "A transition, action or don't names a state that does not exist (`to`, `from`, `in`). "
        "The loader refuses it, so it is reported with this code and nothing else is checked.",
        "Use one of interviewed, thanked, waiting, checked-in, on-hold, closed (or `any`).",
    ),
    Code(
        "L105",
        "rule-in-closed",
        "error",
        "A timer or transition leaves `closed`, or an action is due in it. Only the engine's own "
        "rules (a reply after the playbook gave up) move out of `closed`; the loader refuses it.",
        "Give the rule an open state; to stop after closing, just close the case.",
    ),
    Code(
        "L107",
        "unknown-fact",
        "error",
        "A condition tests a fact that does not exist. The loader refuses it.",
        "Use a fact from the table in docs/playbook-language.md (the message suggests the "
        "closest one).",
    ),
    Code(
        "L101",
        "unreachable-state",
        "error",
        "A rule is written for a state that no path reaches from `interviewed`, through the "
        "playbook's transitions and timers and the engine's own moves on replies. The rule is "
        "dead. (Rules written for `any` state are not reported.)",
        "Add a transition into the state, or take the state out of the rule's `in`/`from`.",
    ),
    Code(
        "L102",
        "no-route-to-closed",
        "error",
        "From a state some cases reach, the playbook's own transitions and timers never lead to "
        "`closed` for some combination of facts (shown): unless the employer answers, such a case "
        "stays open for ever. Replies and withdrawing are not counted: they close every state. "
        "It is reported once, at each state where such cases stay, naming the states whose "
        "cases come to it.",
        "Add a timer that leads to `closed` from that state for those facts, such as "
        "`after: last_contact + 4w` with `to: closed`.",
    ),
    Code(
        "L104",
        "never-fires",
        "error",
        "A rule can never fire: its condition contradicts itself (`{check_ins: {lt: 1, gt: 2}}`), "
        "or it never holds in the states the rule is for (checked over every combination of "
        "facts a case can have there, found by exploring the playbook's state machine), or its "
        "date is never known there, or an earlier transition on the same event always takes it.",
        "Fix the condition or the states; the message lists the values the facts can have there.",
    ),
    Code(
        "L106",
        "timer-shadowed",
        "error",
        "A timer can never fire because another timer of the same state, with no condition and "
        "measured from the same anchor, always comes first and leaves the state. Checked for "
        "timers with one anchor and offsets in days or weeks, in states a reply cannot be "
        "waiting in (a reply can make the earlier timer stale).",
        "Remove the timer, give it an earlier date, or add a condition to the other one.",
    ),
    Code(
        "L108",
        "cap-unreachable",
        "warning",
        "A cap can never be reached: a repeat's `max` is more than fit before its `until` (or "
        "before an unconditional timer measured from `state_entered` leaves the state), or a "
        "condition waits for more check-ins than the playbook ever recommends before the "
        "employer replies.",
        "Lower the cap, or give the repeat (or the check-ins) the room to reach it.",
    ),
    Code(
        "L109",
        "no-citation",
        "warning",
        "A rule has no `source:`: nothing says which part of the article it encodes.",
        "Add `source:` with the article's section the rule comes from.",
    ),
    Code(
        "L110",
        "dont-contradicts-action",
        "warning",
        "A don't forbids a channel while an action recommends that very channel, in a state and "
        "for a case where both apply. A don't has no structured channel, so this reads its words: "
        "a clause with don't/do not/never/avoid that names phone (call, ring), text, email or "
        "LinkedIn, unless the clause is about how often (every day, daily, too often, more "
        "than). Facebook is no channel, so it never contradicts an action. A clause that names "
        "a person (the interviewer, the recruiter, the hiring manager) and not the company does "
        "not forbid a step `to: company`, which goes to the company's main line. A don't that "
        "says whom it is about (`to: contact` or `to: company`) is compared only with the "
        "actions that go to them, whatever its words.",
        "Reword the don't, say whom it is about (`to:`), narrow its `in`/`when`, or stop "
        "recommending that channel there.",
    ),
    Code(
        "L111",
        "no-channel",
        "error",
        "A direct-contact action (a thank-you, note, check-in or update) can be recommended with "
        "no channel: for some case that reaches it every channel option falls away (`phone` when "
        "calls are not allowed, unless the action goes `to: company`; `preferred` when the "
        "employer named none; `committed` when nothing was promised; an option whose `when` does "
        "not hold). The step would tell the "
        "job seeker to make contact without saying how.",
        "End the action's `channel` list with a channel every case allows, such as `email` "
        "(or `none` if no contact is meant).",
    ),
    Code(
        "L112",
        "due-after-leaving",
        "warning",
        "An action is due only after its state has been left: in every state it is in, a timer "
        "with no condition, measured in days from the same anchor, fires earlier and leaves. "
        "The step never comes up (a step due on the timer's own day still does).",
        "Give the action an earlier date, or put it in the state the timer leads to.",
    ),
    Code(
        "L113",
        "window-ends-early",
        "warning",
        "An action's window can end before it starts: its `until` can come before its `due` "
        "(they are measured from different anchors whose order the case decides, or `until` "
        "is the shorter offset). The engine then makes the step due on its first day only.",
        "Measure `until` from the same anchor as `due`, with a longer offset (`due: interview + "
        "5d`, `until: interview + 7d`), or take the later of the dates: `until: {later_of: "
        "[...]}`.",
    ),
    Code(
        "L114",
        "closes-after-all",
        "error",
        "The playbook says it never closes a case on its own (`closes: never`), yet a timer "
        "leads to `closed`, or `limits` promises a `max_days_open`.",
        "Take out the timer to `closed` (or `max_days_open`), or take out `closes: never`.",
    ),
    Code(
        "L115",
        "opt-out-without-effect",
        "warning",
        "The playbook opts out of an engine rule that none of its own steps is subject to "
        "(`check-in-gap` or `wait-past-their-date` without a check-in, `news-before-deadline` "
        "without a share_update, `business-days-only` without a direct channel, `contact-gap` "
        "without a direct step other than thanks, a promise, a withdrawal or an answer to an "
        "offer): most often "
        "the wrong id, or a step that was meant to be a check-in.",
        "Name the rule that holds the step back (docs/engine-rules.md), or take the opt-out out.",
    ),
    Code(
        "L116",
        "not-to-the-company",
        "warning",
        "An action goes `to: company` (the company's main line or reception) but one of its "
        "channel options is `recruiter`, `portal` or `linkedin`, which reach a person or a "
        "system, not the company itself.",
        "Use `phone` or `mail` for a step to the company, or drop `to: company`.",
    ),
    Code(
        "L117",
        "round-cap-above-total",
        "warning",
        "`limits: max_contacts_per_round` is more than `max_contacts`: one round can never make "
        "more contacts than the whole application, so the per-round limit promises nothing.",
        "Lower `max_contacts_per_round` below `max_contacts`, or drop one of them.",
    ),
    Code(
        "L118",
        "gives-up-first",
        "warning",
        "A check-in waits for a date measured from the employer's (`decision_by + 3w`), but a "
        "timer in the same state closes the case on a date theirs moves less (`interview + 6w`, "
        "or `decision_by + 2w`). The engine holds a give-up only until the check-in it holds "
        "back for their date is due (open-past-their-date), so when their date is late enough "
        "and nothing else happens (no reply, no news, no other contact), the case closes first "
        "and the check-in never comes.",
        "Give the timer a longer offset on their date than the check-in's: `after: {later_of: "
        "[interview + 6w, decision_by + 4w]}`; or date the check-in earlier.",
    ),
    Code(
        "L119",
        "part-before-interview",
        "warning",
        "A step due on the interview's own day (`due: interview`) says a part of the day (`at`) "
        "that can come before the interview itself, for some case its condition allows: a "
        "thank-you 'in the morning' of an afternoon interview. The plan would say to do it "
        "before the interview has happened.",
        "Add a condition on `interview_part` that leaves out later interviews, or say a later "
        "part of the day.",
    ),
    Code(
        "L201",
        "limit-broken",
        "error",
        "`lint --prove` or `prove` found a path that breaks one of the playbook's `limits`; the "
        "path is printed as a Gherkin scenario.",
        "Change the rules so no path breaks the limit, or raise the limit if it was too strict.",
    ),
    Code(
        "L202",
        "no-limits",
        "warning",
        "`lint --prove`: the playbook declares no `limits`, so the proof has nothing to check.",
        "Add `limits:` (the prover's worst case is a good start).",
    ),
    Code(
        "L203",
        "never-closes",
        "warning",
        "`lint --prove`: some path is still open when the horizon ends, and the playbook "
        "declares no `max_days_open` that would catch it.",
        "Add a timer that closes the case, or declare `max_days_open`.",
    ),
)

BY_CODE = {c.code: c for c in CODES}


def severity(code: str) -> Severity:
    """The severity of a code (an unknown code counts as an error)."""
    found = BY_CODE.get(code)
    return found.severity if found else "error"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def doc_text() -> str:
    """The text of docs/lint-codes.md, generated from the table above."""
    lines = [
        "# Lint codes",
        "",
        "<!-- Generated from src/followup/lint/codes.py; a test keeps the two equal. -->",
        "",
        "`followup lint FILE...` prints every problem as `file:line:col: CODE message`. Errors "
        "exit 2; warnings exit 0 unless `--strict`. `followup validate` runs the same checks on "
        "playbooks (warnings are printed, only errors fail).",
        "",
        "| code | name | severity | what it means | how to fix |",
        "|---|---|---|---|---|",
    ]
    for c in sorted(CODES, key=lambda c: c.code):
        lines.append(f"| {c.code} | {c.name} | {c.severity} | {_cell(c.means)} | {_cell(c.fix)} |")
    return "\n".join([*lines, "", *_proof_text()]) + "\n"


def _proof_text() -> list[str]:
    """How ``prove`` measures a playbook against its ``limits``, and what it explores."""

    days = ", ".join(f"{d} days" for d in space.DECISION_DAYS)
    after = ", ".join(f"{d} days" for d in space.FOLLOW_UP_AFTER_DAYS)
    return [
        "## Limits and the proof",
        "",
        "`followup prove ID|FILE...` (and `followup lint --prove`) searches every path a case "
        "can take under the playbook, driving the engine itself, and reports the worst:",
        "",
        "| limit | what is measured |",
        "|---|---|",
        f"| `max_contacts` | direct contacts ({', '.join(sorted(DIRECT_CHANNELS))}) on a path, "
        "in all rounds together |",
        "| `max_contacts_per_round` | the most direct contacts in one interview round: from the "
        "interview, or from a reply inviting you to the next round, until the next such reply |",
        "| `max_contacts_per_7d` | the most direct contacts in any 7 days in a row |",
        "| `max_contacts_per_30d` | the most direct contacts in any 30 days in a row |",
        "| `min_gap` | the fewest days between two check-ins (a month counts 30 days, 5 business "
        "days a week) |",
        "| `max_days_open` | the most days from the employer's last word to the day the "
        f"playbook closes the case; their last word is {space.LAST_WORD} |",
        "",
        "A promise the job seeker keeps (the engine's keep-promises step) is their own word, "
        "which the employer agreed to, not something the playbook recommends unasked: no limit "
        "counts it, though the steps after it wait for it and count from it.",
        "",
        "It also says whether every path reaches `closed` within the horizon (`--horizon`, "
        f"{space.DEFAULT_HORIZON} days by default, counted from the employer's last word, and "
        "never less than a day past `max_days_open`, so that a path open longer than the limit "
        "is seen and not cut off as if it kept it). A path still open there with more steps "
        "to come (a repeat with no last time, under `closes: never`) breaks `max_contacts` and "
        "`max_contacts_per_round` whatever it counted by then, since a case left open longer "
        "goes past them. A path that breaks a "
        "limit is printed as a Gherkin scenario in the step library's words (L201); exit 2.",
        "",
        "The space, exhaustively (every combination, every path, no sampling):",
        "",
        f"- an interview on each day of the week ({', '.join(space.WEEKDAYS)}); a playbook "
        "that counts calendar months is explored from the weeks where months are longest "
        "and shortest instead (weeks of "
        f"{', '.join(w.isoformat() for w in space.MONTH_WEEKS)});",
        "- what the employer said: follow-up invited, not wanted or unspecified; each preferred "
        "channel, with and without calls allowed; a decision date none or "
        f"{days} on; a date to check in none or {after} on, with `--quick`. Without it (the "
        "default, or `--sound`), the employer's dates are every day up to "
        f"{offsets.EMPLOYER_DATES_MAX} days after the "
        "interview, each with each (trying only the days where offsets measured from their date "
        "meet others misses cases: a step dated from their date sets an anchor that later dates "
        "are measured from, so dates meet at sums of offsets, which cover nearly every day); a "
        "bound, because a rule such as "
        "`decision_by + 4w` keeps a case open longer the later the employer's date. The quick "
        "space is not sound (a date between those it tries may break a limit it reports as "
        "kept, and its report says so); the default is, within the bounds listed here;",
        "- on each day a contact is due (whether the job seeker makes it or not), and on the day "
        "the playbook closes the case, the news that can come: none; a reply 'still deciding' "
        f"(without, or with a new date {space.NEW_DECISION_DAYS} days on); 'no follow-up'; "
        f"'next round' (an interview {space.NEXT_INTERVIEW_DAYS} days on); a competing offer; "
        "a portfolio update; a promise to follow up by email "
        f"({space.PROMISE_DAYS} days on); a job accepted elsewhere. With `--news-dates every` "
        "each date news carries is tried on every day from 1 to "
        f"{space.NEWS_DATES_MAX} days on instead, {space.EVERY_NEWS_DATE_COST} "
        f"({space.FIXED_NEWS_DATES_MISS}). News that only ends the "
        "case (an offer, a rejection, withdrawing) is left out, exactly: nothing after it is "
        f"measured. At most {space.MAX_INPUTS} piece of news per path and "
        f"{space.MAX_EXTRA_ROUNDS} extra round (`--news N`: up to N pieces, any of them a new "
        "round; every reply restarts check-ins, so contacts grow with news and a bound is "
        "needed); news decides afresh which steps are taken;",
        "- news a playbook cannot tell from none is explored as none, exactly: a competing "
        "offer, a portfolio update or a job accepted elsewhere only where a rule reads it, and "
        "a promise wherever the engine keeps promises (keep-promises, in every playbook that "
        "does not opt out);",
        "- the job seeker does each recommended step on its due date, or never;",
        "- Saturday and Sunday weekends, as for a case without a country; with `--country CODE` "
        "(repeatable) also that country's weekend and public holidays, with the interview on "
        f"each of the {space.HOLIDAY_LEAD_DAYS} days before each public holiday of "
        f"{space.HOLIDAY_YEAR} and on the holiday itself (a holiday can move a direct contact "
        "next to another).",
        "",
        "Two reductions keep this exact and small: a fact no rule reads (other than a reminder, "
        "which changes nothing) is explored at one value, and channel preferences that give "
        "every action the same kind of channel are explored once (once for each value a rule "
        "reads of the preferred channel and of whether calls are allowed). The engine's own "
        "rules read "
        "too: check-ins wait past the later of the employer's dates (unless the playbook opts "
        "out of wait-past-their-date), so a playbook with check-ins is explored with their dates "
        "even where no rule names them; a date no rule names then counts only as the later of "
        "the two, and the pairs where it is not later are the case without it. Paths that reach "
        "the same abstract state (everything the engine will still read, relative to the day) "
        "are explored once.",
    ]
