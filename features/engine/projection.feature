Feature: The plan when the employer stays silent
  After an interview the plan lists every step to take if I never hear back, each on its day,
  and says when the playbook gives up. The bundled "week-then-on-hold" playbook says: ask at the
  interview how they would like you to follow up, thank them the same or next day, check in by
  email after a week, then every week and a half while the application is on hold, and move on
  after three check-ins or two months of silence.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02

  Scenario: Right after the interview, the whole silent path is laid out
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next steps include ask_about_follow_up on 2026-03-02
    And the next steps include a thank-you by email on 2026-03-02
    And the schedule is:
      | due        | action              | channel | rule                  |
      | 2026-03-02 | ask_about_follow_up | -       | ask-how-to-follow-up  |
      | 2026-03-02 | thank-you           | email   | thank-you-note        |
      | 2026-03-09 | check-in            | email   | check-in-after-a-week |
      | 2026-03-20 | check-in            | email   | on-hold-check-in      |
      | 2026-03-31 | check-in            | email   | on-hold-check-in      |
      | 2026-04-11 | move on             | -       | move-on               |
    And the schedule has 4 direct contacts
    And the case closes on 2026-04-11
    And the case is open

  Scenario: Moving on is advice, not a message, so it may fall on a Saturday
    When I check the plan on 2026-03-02
    Then the schedule includes to move on on 2026-04-11
    And no step falls on a weekend or public holiday

  Scenario: Doing every step while they stay silent, the playbook gives up as planned
    When I follow every step
    Then the case is closed as "moved on"
    And the case closes on 2026-04-11
    And nothing more is due
    And I am told to avoid "chasing"
    And the explanation mentions "back-off-after-a-few-tries"

  Scenario: Doing the steps one at a time keeps to the schedule
    # Asking how to follow up is advice for the interview day; once that day is over, the
    # thank-you sent on it has started the waiting game.
    When I do the next steps
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09
    When I do the next step
    Then the state is "checked-in"
    And the next step is a check-in by email on 2026-03-20
    And the next step comes from rule "on-hold-check-in"
    When I do the next step
    Then the state is "on-hold"
    And the next step is a check-in by email on 2026-03-31
    When I do the next step
    Then the next step is to move on on 2026-04-11
    And the case closes on 2026-04-11
    When I do the next step
    Then the case is closed as "moved on"
    And the case closes on 2026-04-11
    And nothing more is due

  Scenario: Doing nothing at all, the playbook gives up two months after the interview
    # On the day itself the advice to move on is due; it lapses at the end of that day, and
    # from then on the case reads as closed on that day.
    When I check the plan on 2026-05-01
    Then the state is "waiting"
    And the case is open
    And the case closes on 2026-05-02
    When 1 day passes
    Then the next steps include to move on on 2026-05-02
    And the case closes on 2026-05-02
    When 1 day passes
    Then the case is closed as "moved on"
    And the case closes on 2026-05-02
    And nothing more is due
