Feature: What I recorded is replayed in date order
  The plan starts from what has happened: each thing I record moves the application along, and
  the order I write things down in does not matter.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewers are "Dana Reyes" and "Sam Okafor"

  Scenario: A thank-you and then a check-in
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the state is "checked-in"
    And the next step is a check-in by email on 2026-03-20
    And the next step comes from rule "on-hold-check-in"
    And the next step cites "Don't follow up too often"
    And the schedule is:
      | due        | action   | channel |
      | 2026-03-20 | check-in | email   |
      | 2026-03-31 | check-in | email   |
      | 2026-04-11 | move on  | -       |
    And I am told to avoid "more than about every week and a half"
    And the explanation mentions "thank-you-sent"
    And the explanation mentions "counts as check-in-after-a-week"

  Scenario: A thank-you the next day, then the waiting game
    Given I sent a thank-you by email on 2026-03-03
    When I check the plan on 2026-03-03
    Then the state is "thanked"
    And the next step is a check-in by email on 2026-03-09
    When 1 day passes
    Then the state is "waiting"
    And I am told to avoid "quiet days"

  Scenario: Events written out of order give the same answer
    Given these events:
      | date       | type           | channel |
      | 2026-03-09 | check_in_sent  | email   |
      | 2026-03-02 | thank_you_sent | email   |
    When I check the plan on 2026-03-10
    Then the state is "checked-in"
    And the schedule is:
      | due        | action   | channel | rule             |
      | 2026-03-20 | check-in | email   | on-hold-check-in |
      | 2026-03-31 | check-in | email   | on-hold-check-in |
      | 2026-04-11 | move on  | -       | move-on          |

  Scenario: Sentences written out of order give the same answer
    Given I sent a check-in by email on 2026-03-09
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-10
    Then the state is "checked-in"
    And the next step is a check-in by email on 2026-03-20

  Scenario: A plan as of an earlier day ignores what happened after it
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And they replied "still deciding" on 2026-03-12
    When I check the plan on 2026-03-05
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09
    And 2 later events are not counted
    And the explanation mentions "not counted"

  Scenario: Without a day to check, the plan is as of the last thing recorded
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    Then the state is "checked-in"
    And every recorded event is counted
