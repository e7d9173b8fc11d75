Feature: A step moved off a day off keeps its moment
  A message to a person never goes on a weekend or a public holiday: it moves to the next
  business day. When one of the playbook's timers would end that step's moment in between, the
  timer waits until that business day is over, so the step is not lost to the calendar. A step
  that was due on a business day and left until the weekend has no such day left: the plan says
  so before it moves on.

  Background:
    Given the playbook "how-many-times"
    And the company is in "DE"

  Scenario: Interviewed on a public holiday, the thank-you goes out the next business day
    # Labour Day, Friday 1 May 2026: the two days the playbook gives the thank-you end on the
    # Sunday, before any business day.
    Given an interview on 2026-05-01
    When I check the plan on 2026-05-01
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-05-04
    And the plan reads "moved from Fri 2026-05-01"

  Scenario: The moment still ends once that business day is over
    Given an interview on 2026-05-01
    When I check the plan on 2026-05-05
    Then the state is "waiting"
    And the schedule has no thank-you

  Scenario: A thank-you left until the Saturday after a Friday interview has no day left, and the plan says so
    Given an interview on 2026-03-06
    When I check the plan on 2026-03-07
    Then the state is "interviewed"
    And the schedule has no thank-you
    And the plan notes "the time this playbook gives for one ends on Sun 2026-03-08"
