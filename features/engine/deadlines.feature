Feature: News of a competing offer goes out before its deadline, or not at all
  Another offer with an answer-by date is worth telling them about only while it can still change
  their timing. The note is due promptly and always before the deadline; once the deadline has
  passed, the step expires and the plan says so, and the rest of the plan carries on.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02

  Scenario: The note about the other offer is due the day it arrives
    When I got a competing offer on 2026-03-05 with a deadline of 2026-03-12
    Then the next step is an update by email on 2026-03-05

  Scenario: Not acted on, the note is still due the day before the deadline
    Given I got a competing offer on 2026-03-05 with a deadline of 2026-03-12
    When I check the plan on 2026-03-11
    Then the next steps include an update by email on 2026-03-05
    And the plan has no notes

  Scenario: Once the deadline has passed, the note expires and the plan says why
    Given I got a competing offer on 2026-03-05 with a deadline of 2026-03-12
    When I check the plan on 2026-04-08
    Then the schedule has no update
    And the plan notes "has expired"
    And the next steps include a check-in by email on 2026-03-09

  Scenario: With a deadline on a Monday, the last day to tell them by email is the Friday before
    # An email on the Monday would come on the deadline itself, and none goes on a weekend.
    When I got a competing offer on 2026-03-04 with a deadline of 2026-03-09
    Then the next step is an update by email between 2026-03-04 and 2026-03-06

  Scenario: Seen on the weekend before a Monday deadline, the note has expired and the plan says so
    Given I got a competing offer on 2026-03-04 with a deadline of 2026-03-09
    When I check the plan on 2026-03-07
    Then the schedule has no update
    And the plan notes "The last day to tell them about your competing offer was 2026-03-06"

  Scenario: The check-in due the same day stays in view, three days after the news
    # Two emails the same day would crowd them: the news goes today (it cannot wait for the
    # deadline's sake), and the check-in keeps the minimum gap after it.
    Given I got a competing offer on 2026-03-09 with a deadline of 2026-03-20
    When I check the plan on 2026-03-09
    Then the next steps include an update by email on 2026-03-09
    And the schedule includes a check-in by email on 2026-03-12

  Scenario: A deadline the day after the offer still leaves a day to tell them
    When I got a competing offer on 2026-03-05 with a deadline of 2026-03-06
    Then the next step is an update by email on 2026-03-05
