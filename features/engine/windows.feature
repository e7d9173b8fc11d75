Feature: A window for a step, for coaches who say "five to seven days after"
  A coach rarely means one exact day: "check in five to seven days after the interview" gives
  the job seeker a window. A playbook says so with until: beside due:. The plan shows the window,
  the step is due now anywhere inside it, and once it has passed the plan says so and keeps the
  step: a check-in the coach asked for is better late than never.

  Background:
    Given the playbook "windows.yaml"

  Scenario: Before the window, the plan shows it
    Given the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email between 2026-03-09 and 2026-03-11
    And the plan reads "between Mon 9 and Wed 11 March (in 4 days): check in by email"
    And the agenda reads "between Mon 9 and Wed 11 March  scenario  check in by email"

  Scenario: Inside the window the check-in is due now
    Given the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04
    When I check the plan on 2026-03-10
    Then the next step is a check-in by email between 2026-03-09 and 2026-03-11
    And the plan reads "between Mon 9 and Wed 11 March (due now): check in by email"
    And the plan has no notes

  Scenario: Once the window has passed, the plan says so and keeps the check-in
    Given the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04
    When I check the plan on 2026-03-13
    Then the plan notes "window for check-in-after-a-week (2026-03-09 to 2026-03-11) has passed"
    And the next step is a check-in by email between 2026-03-09 and 2026-03-11
    And the plan reads "(2 days overdue): check in by email"

  Scenario: A check-in done inside the window is done
    Given the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04
    When I sent a check-in by email on 2026-03-10
    And I check the plan on 2026-03-12
    Then the state is "checked-in"
    And the plan has no notes

  Scenario: The employer's decision date comes first, and the window shrinks to one day
    Given the interview was on 2026-03-04
    And I sent a thank-you by email on 2026-03-04
    And the employer will decide by 2026-03-12
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email between 2026-03-13 and 2026-03-13
    And the plan reads "Fri 2026-03-13 (in 8 days): check in by email"

  Scenario: The last day of a window moves back off a weekend
    Given the interview was on 2026-03-07
    And I sent a thank-you by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the next step is a check-in by email between 2026-03-12 and 2026-03-13
