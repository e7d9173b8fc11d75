Feature: Follow up the way the employer prefers
  Check-ins go by the employer's preferred channel; a phone call only when they said calling is
  fine; email otherwise.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02

  Scenario: They prefer email
    Given the employer prefers email
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-09
    And I am told to avoid "phone"

  Scenario: They prefer the phone but did not say calls are fine: email instead
    Given the employer prefers phone
    And the employer does not allow calls
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-09
    And the schedule has 3 direct contacts

  Scenario: They prefer the phone and are happy to be called
    Given the employer prefers phone
    And the employer allows calls
    When I check the plan on 2026-03-05
    Then the next step is a check-in by phone on 2026-03-09
    And the schedule is:
      | due        | action   | channel |
      | 2026-03-09 | check-in | phone   |
      | 2026-03-20 | check-in | phone   |
      | 2026-03-31 | check-in | phone   |
      | 2026-04-11 | move on  | -       |
    And I am not told to avoid "phone"

  Scenario: Calls allowed but no preference: still email
    Given the employer allows calls
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-09

  Scenario: They prefer to hear through the recruiter
    Given the employer prefers the recruiter
    When I check the plan on 2026-03-05
    Then the next step is a check-in through the recruiter on 2026-03-09
    And the schedule has 3 direct contacts

  Scenario: They prefer their candidate portal, which is not a direct contact
    Given the employer prefers the portal
    When I check the plan on 2026-03-05
    Then the next step is a check-in on the portal on 2026-03-09
    And the schedule has no direct contacts
