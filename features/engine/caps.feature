Feature: Caps per interview round and over the whole application
  A coach says "at most two check-ins in each round, and three in all". A round begins at the
  interview and again when they invite you to another round; a reply saying they are still
  deciding does not begin a new round, so it does not buy another check-in.

  Background:
    Given the playbook "caps.yaml"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02

  Scenario: Two check-ins in a round, then the playbook waits and lets go
    Given I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the next step is a check-in by email on 2026-03-16
    When I sent a check-in by email on 2026-03-16
    And I check the plan on 2026-03-17
    Then the schedule has no check-in
    And the case closes on 2026-04-06

  Scenario: Still deciding does not add a check-in to the round
    Given I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-16
    When they replied "still deciding" on 2026-03-18
    And I check the plan on 2026-03-19
    Then the schedule has no check-in

  Scenario: A new round brings a check-in again, up to three in all
    Given I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-16
    When they replied "next round" on 2026-03-18 with an interview on 2026-03-25
    And I sent a thank-you by email on 2026-03-25
    And I check the plan on 2026-03-26
    Then the next step is a check-in by email on 2026-04-01
    When I sent a check-in by email on 2026-04-01
    And I check the plan on 2026-04-02
    Then the schedule has no check-in
    And the schedule has 0 direct contacts
