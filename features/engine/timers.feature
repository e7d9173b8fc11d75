Feature: Time passing moves the application along
  Some moves need no news at all: the thank-you window closes, quiet days turn into waiting, an
  unanswered check-in puts the application on hold, and two months of silence end it.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02

  Scenario: Without a thank-you, the window for one closes after two days
    When 1 day passes
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-03-02
    When 1 day passes
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09
    And the next step comes from rule "check-in-after-a-week"

  Scenario: After the thank-you, a week goes by and the check-in is due
    Given I sent a thank-you by email on 2026-03-02
    When 8 days pass
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09
    And I am told to avoid "quiet days"

  Scenario: A check-in sent a day late pushes the rest of the plan back
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-10
    And I do the next step
    Then the state is "checked-in"
    And the schedule is:
      | due        | action   | channel |
      | 2026-03-23 | check-in | email   |
      | 2026-04-03 | check-in | email   |
      | 2026-04-14 | move on  | -       |

  Scenario: No answer to the check-in: on hold after a week and a half
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When 10 days pass
    Then the state is "checked-in"
    When 1 day passes
    Then the state is "on-hold"
    And the next step is a check-in by email on 2026-03-20
    And I am told to avoid "chasing"

  Scenario: Weeks pass in whole weeks from the day reached
    Given I sent a thank-you by email on 2026-03-02
    When 2 weeks pass
    Then the state is "waiting"
    And the explanation mentions "2026-03-16"
