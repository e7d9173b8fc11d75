Feature: Another round: the plan starts over from its date, and guesses none
  When they invite me to another round, everything after (the thank-you, the wait, the check-ins)
  counts from that new interview. If I don't know its date yet, the plan asks me to record it and
  plans nothing else for the round: no thank-you "for today's interview" that has not happened.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02

  Scenario: Invited to another round without a date: record the date, nothing else is planned
    When they replied "next round" on 2026-03-12
    Then the state is "interviewed"
    And the next step is to record the new interview date on 2026-03-12
    And the schedule has no thank-you
    And the case does not close on its own

  Scenario: Still no date a week later: the request stays, and no time has counted
    Given they replied "next round" on 2026-03-12
    When I check the plan on 2026-03-19
    Then the next step is to record the new interview date on 2026-03-12
    And the schedule has no check-in

  Scenario: Invited with the date: a new cycle starts from that interview
    When they replied "next round" on 2026-03-12 with an interview on 2026-03-18
    And I check the plan on 2026-03-18
    Then the next steps include a thank-you by email on 2026-03-18

  Scenario: The date recorded later gives that same round its date
    Given they replied "next round" on 2026-03-12
    When they replied "next round" on 2026-03-13 with an interview on 2026-03-18
    And I check the plan on 2026-03-18
    Then the next steps include a thank-you by email on 2026-03-18
