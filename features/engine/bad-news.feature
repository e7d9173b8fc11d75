Feature: An answer, good or bad, ends the follow-up
  An offer, a rejection or my withdrawing closes the application for good: nothing more is due,
  and later news does not reopen it.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09

  Scenario: An offer closes the application
    When they made an offer on 2026-03-16
    Then the case is closed as "offer"
    And the case closes on 2026-03-16
    And the only step left is to answer their offer on 2026-03-16

  Scenario: A rejection closes the application
    When they rejected me on 2026-03-13
    Then the case is closed as "rejection"
    And the case closes on 2026-03-13
    And nothing more is due

  Scenario: Withdrawing closes the application
    When I withdrew on 2026-03-12
    Then the case is closed as "withdrew"
    And the case closes on 2026-03-12
    And nothing more is due

  Scenario: A reply recorded by its outcome name means the same
    When they replied "rejection" on 2026-03-13
    Then the case is closed as "rejection"

  Scenario: An offer is final: a later "still deciding" does not reopen it
    Given they made an offer on 2026-03-16
    When they replied "still deciding" on 2026-03-20
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-16
    And the explanation mentions "already closed"

  Scenario: Before the offer arrived, the plan was still running
    Given they made an offer on 2026-03-16
    When I check the plan on 2026-03-12
    Then the case is open
    And the state is "checked-in"
    And 1 later event is not counted
