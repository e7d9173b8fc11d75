Feature: A competing offer under a playbook that has no step for it
  Some articles never mention another offer. Their playbooks then plan no step to tell the
  employer about it, and the plan says so while the deadline can still matter, instead of saying
  nothing at all.

  Background:
    Given the playbook "fine-line"
    And an interview on 2026-11-30
    And I sent a thank-you by email on 2026-11-30

  Scenario: The plan says the playbook has no step for my other offer
    When I got a competing offer on 2026-12-02 with a deadline of 2026-12-09
    And I check the plan on 2026-12-05
    Then the plan notes "This playbook has no step for telling them about it"
    And the schedule has no update

  Scenario: The last day to tell them is a business day, as for a step by email
    When I got a competing offer on 2026-12-02 with a deadline of 2026-12-14
    And I check the plan on 2026-12-10
    Then the plan notes "by Fri 2026-12-11 at the latest"

  Scenario: Once the deadline has passed, there is nothing more to say about it
    When I got a competing offer on 2026-12-02 with a deadline of 2026-12-09
    And I check the plan on 2026-12-10
    Then the plan has no notes
