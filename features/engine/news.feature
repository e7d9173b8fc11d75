Feature: News of my own is worth sharing
  A competing offer makes time matter: the plan says to tell them, right away.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02

  Scenario: A competing offer: share the update at once, then carry on
    When I got a competing offer on 2026-03-05 with a deadline of 2026-03-12
    Then the state is "waiting"
    And the next step is an update by email on 2026-03-05
    And the next step comes from rule "flag-competing-offer"
    And the next step cites "Play the waiting game"
    When I sent an update by email on 2026-03-05
    Then the next step is a check-in by email on 2026-03-09

  Scenario: A competing offer while on hold is shared the same day, alongside the check-ins
    Given I sent a check-in by email on 2026-03-09
    When I got a competing offer on 2026-03-24
    Then the state is "on-hold"
    And the next step is an update by email on 2026-03-24

  Scenario: A competing offer goes through the recruiter when they prefer the recruiter
    Given the employer prefers the recruiter
    When I got a competing offer on 2026-03-05
    Then the next step is an update through the recruiter on 2026-03-05
