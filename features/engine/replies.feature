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
    And no check-in is due on or before 2026-03-25
    And the next step is a check-in by email on 2026-03-26
    And the next step comes from rule "check-in-after-a-week"

  Scenario: Still deciding, with no date: check in a week after their reply
    When they replied "still deciding" on 2026-03-12
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-19

  Scenario: Asked to stop following up: no check-in, ever again
    # What is left is the advice to move on once two months have passed since they last wrote.
    When they asked me to stop following up on 2026-03-11
    Then the state is "waiting"
    And the next step is move on on 2026-05-11
    And the schedule has no direct contacts
    And I am told to avoid "not to follow up"
    And the case closes on 2026-05-11
    When they replied "still deciding" on 2026-03-20
    Then the next step is to move on on 2026-05-20
    And the schedule has no direct contacts
    And I am told to avoid "not to follow up"
    When I check the plan on 2026-04-15
    Then the schedule has no direct contacts
    And the case closes on 2026-05-20

  Scenario: A next round starts the follow-up over from the new interview
    When they replied "next round" on 2026-03-11 with an interview on 2026-03-16
    Then the state is "interviewed"
    And the next steps include a thank-you by email on 2026-03-16
    And the schedule is:
      | due        | action              | channel |
      | 2026-03-16 | ask_about_follow_up | -       |
      | 2026-03-16 | thank-you           | email   |
      | 2026-03-23 | check-in            | email   |
      | 2026-04-03 | check-in            | email   |
      | 2026-04-14 | check-in            | email   |
      | 2026-04-25 | move on             | -       |
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
    # The advice to move on is due on May 2, two months after the interview; once that day is
    # over, the case reads as closed on it.
    When I check the plan on 2026-05-03
    Then the case is closed as "moved on"
    And the case closes on 2026-05-02
    When they replied "still deciding" on 2026-05-06
    Then the case is open
    And the state is "waiting"
    And the next step is a check-in by email on 2026-05-13
