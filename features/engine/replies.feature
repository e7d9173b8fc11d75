Feature: What the employer says changes the plan
  A reply from the employer restarts the nudging from what they said: a new decision date is
  waited for, a request not to follow up is respected for good, and a next round starts over.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09

  Scenario: Still deciding, with a new date: no check-in before it
    When they replied "still deciding" on 2026-03-11 with a new decision date of 2026-03-25
    Then the state is "waiting"
    And no check-in is due before 2026-03-25
    And the next step is a check-in by email on 2026-03-25
    And the next step comes from rule "check-in-after-a-week"

  Scenario: Still deciding, with no date: check in a week after their reply
    When they replied "still deciding" on 2026-03-12
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-19

  Scenario: Asked to stop following up: no check-in, ever again
    When they asked me to stop following up on 2026-03-11
    Then the state is "waiting"
    And nothing more is due
    And I am told to avoid "not to follow up"
    And the case closes on 2026-05-02
    When they replied "still deciding" on 2026-03-20
    Then nothing more is due
    And I am told to avoid "not to follow up"
    When I check the plan on 2026-04-15
    Then nothing more is due

  Scenario: A next round starts the follow-up over from the new interview
    When they replied "next round" on 2026-03-11 with an interview on 2026-03-16
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-03-16
    And the schedule is:
      | due        | action    | channel |
      | 2026-03-16 | thank-you | email   |
      | 2026-03-23 | check-in  | email   |
      | 2026-04-03 | check-in  | email   |
      | 2026-04-14 | check-in  | email   |
      | 2026-04-25 | move on   | -       |
    And the case closes on 2026-04-25

  Scenario: A reply after the playbook gave up on me reopens the application
    Given I sent a check-in by email on 2026-03-20
    And I sent a check-in by email on 2026-03-31
    When I check the plan on 2026-04-12
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-04-15
    Then the state is "waiting"
    And the case is open
    And the next step is a check-in by email on 2026-04-22
    And the explanation mentions "reopens"

  Scenario: A reply after two months of silence reopens the application too
    When I check the plan on 2026-05-02
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-05-06
    Then the case is open
    And the state is "waiting"
    And the next step is a check-in by email on 2026-05-13
