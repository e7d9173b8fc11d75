Feature: Overdue steps come first, and a check-in keeps a promise only when it is the promise
  When several steps fall on the same day, the plan lists what was due earliest first: something
  overdue is never shown as due later, behind a step that only just came due. My own word comes
  before anything else that day, and news or thanks before a mere check-in, which then waits the
  minimum gap. A check-in due before the day I promised something waits for that day, and
  keeping the promise counts as it; but a check-in I make before that day anyway does not keep
  the promise: it still stands on its day.

  Scenario: Seen on a Saturday, news overdue since Wednesday comes first, not after Monday's check-in
    Given the playbook "dos-and-donts"
    And the employer invited a follow-up
    And an interview on 2026-03-09
    And I sent a thank-you by email on 2026-03-09
    And I got a competing offer on 2026-03-11 with a deadline of 2026-03-25
    When I check the plan on 2026-03-14
    Then the next steps include an update by email on 2026-03-11
    And no check-in is due before 2026-03-19
    And the schedule includes a check-in by email on 2026-03-19

  Scenario: A check-in due before my promise's day waits for it, and the promise counts as it
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12 to "send work samples"
    When I check the plan on 2026-03-05
    Then the next step is a promised follow-up by email on 2026-03-12
    And keeping my promise also counts as the check-in "check-in-after-a-week"
    And no check-in is due before 2026-03-23

  Scenario: Recording that earlier check-in does not count as keeping the promise
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12 to "send work samples"
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the next step is a promised follow-up by email on 2026-03-12
    And the plan has no notes

  Scenario: On the day of my promise, keeping it comes before a check-in due that day
    # One contact that day, the one I promised, and it counts as the check-in too.
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-09 to "send work samples"
    When I check the plan on 2026-03-09
    Then the next step is a promised follow-up by email on 2026-03-09
    And keeping my promise also counts as the check-in "check-in-after-a-week"
    And no check-in is due before 2026-03-12
