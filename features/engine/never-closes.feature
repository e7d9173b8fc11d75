Feature: A playbook that never gives up on a case by itself
  Some coaches advise patience with no end: keep a quiet line open until the employer answers.
  Such a playbook says so (closes: never, with the reason), and the plan says it too, instead
  of a day the playbook closes the case.

  Background:
    Given the playbook "never-closes.yaml"
    And the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04

  Scenario: The plan says the playbook never closes the case on its own, and why
    When I check the plan on 2026-03-05
    Then the case does not close on its own
    And the plan reads "This playbook never closes a case on its own, by design"
    And the plan reads "however long it takes"

  Scenario: Months later the case is still open, waiting for their word
    When I follow every step
    And I check the plan on 2026-09-01
    Then the case is open
    And nothing more is due

  Scenario: Their answer still closes the case
    When they replied "rejection" on 2026-03-20
    And I check the plan on 2026-03-21
    Then the case is closed as "rejection"
