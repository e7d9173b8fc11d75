Feature: The time of the interview, for coaches who time the thank-you by it
  A case may say when in the day the interview was (2026-03-02T14:30, in its own timezone). A
  playbook can then tell a morning interview from an afternoon one: "thank them the same
  afternoon after a morning interview, first thing the next morning after an afternoon one".
  A step may also say when in the day to do it (at: morning), and the plan says it beside the
  day.

  Background:
    Given the playbook "time-of-day.yaml"

  Scenario: A morning interview is thanked the same day
    Given the interview was on 2026-03-02 at 09:30
    When I check the plan on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-02
    And the next step comes from rule "thank-same-afternoon"
    And the plan reads "Mon 2026-03-02, in the afternoon"

  Scenario: An afternoon interview is thanked the next morning
    Given the interview was on 2026-03-02 at 14:30
    When I check the plan on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-03
    And the next step comes from rule "thank-next-morning"
    And the plan reads "Tue 2026-03-03, in the morning"

  Scenario: Without a time, the playbook's rule for an unknown time applies
    Given the interview was on 2026-03-02
    When I check the plan on 2026-03-02
    Then the next step comes from rule "thank-same-afternoon"

  Scenario: A next round in the afternoon is thanked the next morning
    Given the interview was on 2026-03-02 at 09:30
    And I sent a thank-you by email on 2026-03-02
    When they replied "next round" on 2026-03-05 with an interview on 2026-03-10 at 15:00
    And I check the plan on 2026-03-10
    Then the next step is a thank-you by email on 2026-03-11
    And the next step comes from rule "thank-next-morning"
