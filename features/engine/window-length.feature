Feature: Advice that depends on how long the employer said they would take
  Coaches say "if they said two weeks or more, send a short note after one week". A condition
  can compare the time between two dates (the interview and the decision date, say) with a
  duration: {time_between: {from: interview, to: decision_by, ge: 2w}}.

  Background:
    Given the playbook "window-length.yaml"
    And the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04

  Scenario: They said two weeks: a note after one week
    Given the employer will decide by 2026-03-18
    When I check the plan on 2026-03-05
    Then the next step is an interest_note by email on 2026-03-11
    And the next step comes from rule "note-after-a-week"

  Scenario: They said a day under two weeks: no note, the check-in waits for their date
    Given the employer will decide by 2026-03-17
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-18
    And the schedule has no interest_note

  Scenario: They gave no date: no note
    When I check the plan on 2026-03-05
    Then the schedule has no interest_note

  Scenario: They said three weeks, counted from the interview
    Given the employer will decide within 3 weeks
    When I check the plan on 2026-03-05
    Then the next step is an interest_note by email on 2026-03-11
