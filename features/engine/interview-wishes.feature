Feature: What the employer asked for at the interview
  At the end of the interview I asked how and when to follow up; their answer shapes the plan.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02

  Scenario: They asked me not to follow up: a thank-you, and nothing more
    Given the employer asked me not to follow up
    When I check the plan on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-02
    And the schedule is:
      | due        | action    | channel | rule                     |
      | 2026-03-02 | thank-you | email   | thank-you-note           |
      | 2026-05-02 | move on   | -       | move-on-after-two-months |
    And the schedule has 1 direct contact
    And I am told to avoid "asked you not to follow up"
    And the case closes on 2026-05-02

  Scenario: They invited a follow-up after two weeks: check in once they have passed, not after one
    Given the employer invited a follow-up after 2w
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-05
    Then no check-in is due before 2026-03-16
    And the next step is a check-in by email on 2026-03-17
    And the next step comes from rule "check-in-when-they-said"
    And the next step cites "Ask about the preferred method of follow-up"

  Scenario: They will decide by a date: the first check-in waits for it
    Given the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-16

  Scenario: They will decide within three weeks of the interview
    Given the employer will decide within 3 weeks
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-24
    And no check-in is due before 2026-03-23
