Feature: Messages to people go out on business days
  An email, a call, a letter, a text or a word to the recruiter is never planned for a weekend or
  a public holiday of the company's country: it moves to the next business day.  The weekend is
  the country's own (Friday and Saturday in Israel); without a country it is Saturday and Sunday.
  A country can be narrowed to a region with its own holidays, such as "GB-ENG" for England.

  Background:
    Given the playbook "week-then-on-hold"

  Scenario: A check-in that would fall on a Saturday moves to Monday
    Given an interview on 2026-03-02
    And the employer will decide by 2026-03-14
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-16
    And no step falls on a weekend or public holiday

  Scenario: An on-hold check-in that would fall on a Saturday moves to Monday
    Given an interview on 2026-03-03
    And I sent a thank-you by email on 2026-03-03
    And I sent a check-in by email on 2026-03-10
    When I check the plan on 2026-03-11
    Then the next step is a check-in by email on 2026-03-23
    And no step falls on a weekend or public holiday

  Scenario: A check-in due on Thanksgiving moves to the Friday in the US
    Given an interview on 2026-11-19
    And the company is in "US"
    And I sent a thank-you by email on 2026-11-19
    When I check the plan on 2026-11-20
    Then the next step is a check-in by email on 2026-11-27
    And no step falls on a weekend or public holiday
    And the plan reads "moved from Thu 2026-11-26, a weekend or public holiday"

  Scenario: Without a country, only weekends count
    Given an interview on 2026-11-19
    And I sent a thank-you by email on 2026-11-19
    When I check the plan on 2026-11-20
    Then the next step is a check-in by email on 2026-11-26

  Scenario: The observed Independence Day (Friday July 3, 2026) moves a check-in to Monday
    Given an interview on 2026-06-26
    And the company is in "US"
    And I sent a thank-you by email on 2026-06-26
    When I check the plan on 2026-06-29
    Then the next step is a check-in by email on 2026-07-06
    And no step falls on a weekend or public holiday

  Scenario: A Saturday interview: the thank-you waits for Monday, and is still due on Monday
    # Asking how to follow up happens at the interview itself, so it stays on the Saturday.
    Given an interview on 2026-03-07
    When I check the plan on 2026-03-07
    Then the next step is ask_about_follow_up on 2026-03-07
    And the schedule includes a thank-you by email on 2026-03-09
    And no step falls on a weekend or public holiday
    When 2 days pass
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-03-09

  Scenario: In Israel a check-in due on a Friday moves to the Sunday
    Given an interview on 2026-03-06
    And the company is in "IL"
    And I sent a thank-you by email on 2026-03-06
    When I check the plan on 2026-03-07
    Then the next step is a check-in by email on 2026-03-15
    And no step falls on a weekend or public holiday

  Scenario: Without a country the same Friday check-in stays on the Friday
    Given an interview on 2026-03-06
    And I sent a thank-you by email on 2026-03-06
    When I check the plan on 2026-03-07
    Then the next step is a check-in by email on 2026-03-13

  Scenario: In Israel a thank-you after a Saturday interview goes out on the Sunday
    Given an interview on 2026-03-07
    And the company is in "IL"
    When I check the plan on 2026-03-07
    Then the schedule includes a thank-you by email on 2026-03-08
    And no step falls on a weekend or public holiday

  Scenario: In England a check-in due on Easter Monday moves to the Tuesday
    Given an interview on 2026-03-30
    And the company is in "GB-ENG"
    And I sent a thank-you by email on 2026-03-30
    When I check the plan on 2026-03-31
    Then the next step is a check-in by email on 2026-04-07
    And no step falls on a weekend or public holiday

  Scenario: Easter Monday is not a holiday everywhere in the United Kingdom
    # Scotland works on Easter Monday, so "GB" alone does not skip it.
    Given an interview on 2026-03-30
    And the company is in "GB"
    And I sent a thank-you by email on 2026-03-30
    When I check the plan on 2026-03-31
    Then the next step is a check-in by email on 2026-04-06

  Scenario: In Scotland a check-in due on the 2nd of January waits for the Monday
    Given an interview on 2025-12-26
    And the company is in "GB-SCT"
    And I sent a thank-you by email on 2025-12-26
    When I check the plan on 2025-12-29
    Then the next step is a check-in by email on 2026-01-05
    And no step falls on a weekend or public holiday
