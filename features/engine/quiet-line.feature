Feature: Patience with no end can still keep in touch
  A coach whose advice is to wait for the employer's word however long it takes may still ask
  for a short note now and then. The playbook says it never closes a case on its own, and its
  note repeats with no last time ('until: never'): the plan goes on proposing the next note for
  as long as the case is open, and their answer still ends it.

  Background:
    Given the playbook "quiet-line.yaml"
    And the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04
    And I sent a check-in by email on 2026-03-11

  Scenario: Four weeks after each note, another one
    Given I sent a check-in by email on 2026-04-08
    When I check the plan on 2026-04-09
    Then the next step is a check-in by email on 2026-05-06
    And the case does not close on its own

  Scenario: Half a year on, the notes have not run out
    Given these events:
      | date       | type          | channel |
      | 2026-04-08 | check_in_sent | email   |
      | 2026-05-06 | check_in_sent | email   |
      | 2026-06-03 | check_in_sent | email   |
      | 2026-07-01 | check_in_sent | email   |
      | 2026-07-29 | check_in_sent | email   |
      | 2026-08-26 | check_in_sent | email   |
    When I check the plan on 2026-09-01
    Then the case is open
    And the next step is a check-in by email on 2026-09-23
    And the plan reads "every 4 weeks"
    And the plan reads "The plan looks no further than Thu 2028-08-31."

  Scenario: Following every note until a day, the next one comes four weeks after the last
    When I follow every step until 2026-09-01
    Then the case is open
    And the next step is a check-in by email on 2026-09-23

  Scenario: Their answer ends it
    When they replied "rejection" on 2026-04-20
    And I check the plan on 2026-04-21
    Then the case is closed as "rejection"
