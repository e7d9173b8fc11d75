"""One example sentence per step of the library, for the step reference (docs/steps.md).

Keyed by the step function's name; a table step's rows follow its line.  A test fails when a
step has no example here, or an example matches no step or more than one.
"""

EXAMPLES: dict[str, str] = {
    "the_playbook": 'the playbook "week-then-on-hold"',
    "an_interview": "an interview on 2026-03-02",
    "the_company_and_role": 'the interview was at "Acme Corp" for "Data Engineer"',
    "the_country": 'the company is in "US"',
    "the_interviewers": 'the interviewers are "Dana Reyes" and "Sam Okafor"',
    "the_interviewers_table": (
        "the interviewers are:\n"
        "  | name       | email             |\n"
        "  | Dana Reyes | dana@acme.example |"
    ),
    "decide_by": "the employer will decide by 2026-03-13",
    "decide_within": "the employer will decide within 3 weeks",
    "invited_follow_up": "the employer invited a follow-up after 2 weeks",
    "not_wanted": "the employer asked me not to follow up",
    "prefers": "the employer prefers email",
    "calls": "the employer allows calls",
    "the_case_file": 'the case file "acme-data-eng.yaml"',
    "i_sent": "I sent a thank-you by email on 2026-03-02",
    "i_got_in_touch": "I got in touch by phone on 2026-03-20",
    "they_replied": 'they replied "still deciding" on 2026-03-11 with a new decision date of '
    "2026-03-20",
    "they_made_an_offer": "they made me an offer on 2026-03-20",
    "they_rejected_me": "they rejected me on 2026-03-20",
    "they_asked_me_to_stop": "they asked me to stop following up on 2026-03-11",
    "competing_offer": "I got a competing offer on 2026-03-10 with a deadline of 2026-03-17",
    "portfolio_update": "I added something to my portfolio on 2026-03-10",
    "committed": "I committed to email them on 2026-03-09",
    "i_withdrew": "I withdrew my application on 2026-03-20",
    "i_connected": "I connected with them on LinkedIn on 2026-03-04",
    "these_events": (
        "these events:\n"
        "  | date       | type           | channel | outcome        |\n"
        "  | 2026-03-02 | thank_you_sent | email   | -              |\n"
        "  | 2026-03-11 | reply          | -       | still_deciding |"
    ),
    "check_the_plan_on": "I check the plan on 2026-03-12",
    "today_is": "today is 2026-03-12",
    "time_passes": "2 weeks pass",
    "do_the_next_step": "I do the next step",
    "follow_every_step": "I follow every step",
    "follow_every_step_until": "I follow every step until 2026-09-01",
    "the_state_is": 'the state is "waiting"',
    "the_next_step_is": "the next step is a check-in by email on 2026-03-09",
    "the_next_steps_include": "the next steps include a thank-you by email on 2026-03-02",
    "the_schedule_includes": "the schedule includes a final check-in by email on 2026-03-23",
    "the_next_step_rule": 'the next step comes from rule "check-in-after-a-week"',
    "the_next_step_cites": 'the next step cites "Wait a week"',
    "nothing_more_is_due": "nothing more is due",
    "the_schedule_is": (
        "the schedule is:\n"
        "  | due        | action    | channel |\n"
        "  | 2026-03-02 | thank-you | email   |\n"
        "  | 2026-03-09 | check-in  | email   |"
    ),
    "the_case_closes_on": "the case closes on 2026-05-04",
    "the_case_stays_open": "the case does not close on its own",
    "the_case_is_closed_as": 'the case is closed as "moved on"',
    "the_case_is_open": "the case is open",
    "told_to_avoid": 'I am told to avoid "phone"',
    "not_told_to_avoid": 'I am not told to avoid "phone"',
    "direct_contacts": "the schedule has 3 direct contacts",
    "no_check_in_before": "no check-in is due before 2026-03-20",
    "no_check_in_on_or_before": "no check-in is due on or before 2026-03-20",
    "the_plan_notes": 'the plan notes "a broken promise"',
    "the_plan_has_no_notes": "the plan has no notes",
    "the_next_step_is_between": "the next step is a check-in by email between 2026-03-09 and "
    "2026-03-11",
    "the_plan_reads": 'the plan reads "between Mon 9 and Wed 11 March"',
    "the_agenda_reads": 'the agenda reads "between Mon 9 and Wed 11 March  scenario  check in by '
    'email"',
    "show_says": 'followup show says "Opted out"',
    "the_next_step_says": 'the next step says "send work samples"',
    "the_promise_covers": 'keeping my promise also counts as the check-in "check-in-after-a-week"',
    "the_schedule_has_no": "the schedule has no promised follow-up",
    "the_next_step_is_sent_on": "the plan says to send the next step on 2026-03-16",
    "only_answer_left": "the only step left is to answer their offer on 2026-03-16",
    "step_waits_after": "the check-in waits after my contact on 2026-03-08, and the plan says why",
    "invited_to_a_round_with": "they invited me to another round on 2026-03-10, with an interview "
    'on 2026-03-16 by "Dr. Alice Marsh" and "Ben Ortiz"',
    "i_answered_the_offer": "I accepted their offer on 2026-03-18",
    "i_accepted_elsewhere": "I accepted a job elsewhere on 2026-03-18",
    "an_interview_at": "the interview was on 2026-03-02 at 14:30",
    "no_step_on_a_day_off": "no step falls on a weekend or public holiday",
    "later_events_not_counted": "1 later event is not counted",
    "every_event_counted": "every recorded event is counted",
    "the_explanation_mentions": 'the explanation mentions "fired"',
    "my_settings": 'my settings say my name is "Alex Doe"',
    "i_greet": 'I greet "Dr. Alice Marsh" as "Alice"',
    "i_draft": "I draft the check-in on 2026-03-16",
    "draft_starts": 'the draft starts with "Dear Dr. Marsh,"',
    "draft_ends": 'the draft ends with "Alex Doe"',
    "draft_says": 'the draft says "two weeks"',
    "draft_does_not_say": 'the draft does not say "today"',
    "draft_layout": "the draft is a call script",
    "draft_has_no_subject": "the draft has no subject",
    "one_line_paragraphs": "every paragraph of the draft is one line",
    "only_blanks": 'the only blanks left are "[[the topic you discussed]]"',
    "a_playbook_that_reads": (
        'a playbook "mine.yaml" that reads:\n'
        '  """\n'
        "  id: mine\n"
        "  title: Mine\n"
        "  source: {title: My notes}\n"
        "  parameters: {wait: 2 weeks}\n"
        '  """'
    ),
    "check_the_playbook": "I check the playbook",
    "followup_says": "followup says at line 4, column 20: '2 weeks' is not a duration",
    "nothing_else": "followup says nothing else",
    "accepts": "followup accepts the playbook",
    "the_main_line": 'the company\'s main line is "+1 555 0100"',
    "the_next_step_goes_to": "the next step goes to the company",
}
