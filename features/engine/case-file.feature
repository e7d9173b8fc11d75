Feature: A whole case file as the starting point
  A coach can start from a real case file instead of describing the case step by step; the
  playbook named in the file is used unless the scenario names another.

  Scenario: A case file with its own playbook and country
    Given the case file "../../examples/cases/acme-data-eng.yaml"
    When I check the plan on 2026-03-12
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09
    And the schedule is:
      | due        | action   | channel |
      | 2026-03-09 | check-in | email   |
      | 2026-03-23 | check-in | email   |
      | 2026-04-03 | check-in | email   |
      | 2026-04-14 | move on  | -       |
    And the case closes on 2026-04-14
    And no step falls on a weekend or public holiday
