Feature: A step moved off a day off keeps its moment
  A message to a person never goes on a weekend or a public holiday: it moves to the next
  business day. When one of the playbook's timers would end that step's moment in between, the
  timer waits until that business day is over, so the step is not lost to the calendar.

  Background:
    Given the playbook "how-many-times"
    And the company is in "DE"
    And an interview on 2026-05-01

  Scenario: Interviewed on a public holiday, the thank-you goes out the next business day
    # Labour Day, Friday 1 May 2026: the two days the playbook gives the thank-you end on the
    # Sunday, before any business day.
    When I check the plan on 2026-05-01
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-05-04

  Scenario: The moment still ends once that business day is over
    When I check the plan on 2026-05-05
    Then the state is "waiting"
    And the schedule has no thank-you
