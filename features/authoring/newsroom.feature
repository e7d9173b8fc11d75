Feature: The "journalism careers" coach's playbook, written from the docs alone
  The coach's advice: thank the editor by the time of day (the same afternoon after a morning
  interview, first thing next morning after an afternoon one); check in 5 to 7 days after the
  interview, or after their date if they gave one, with one short note after a week when their
  timetable is two weeks or more; two check-ins a round at most; one call to the news desk when
  the editor did not invite calls; and never give up on your own.

  Background:
    Given the playbook "newsroom.yaml"
    And the interview was at "The Daily Ledger" for "Data Reporter"
    And the employer does not allow calls

  Scenario: After a morning interview, the thank-you goes the same afternoon
    Given the interview was on 2026-03-03 at 10:00
    When I check the plan on 2026-03-03
    Then the next step is a thank-you by email on 2026-03-03

  Scenario: After an afternoon interview, first thing the next morning
    Given the interview was on 2026-03-03 at 15:30
    When I check the plan on 2026-03-03
    Then the next step is a thank-you by email on 2026-03-04

  Scenario: With no date from them, the check-in has a window of 5 to 7 days
    Given the interview was on 2026-03-04 at 10:00
    And I sent a thank-you by email on 2026-03-04
    When I check the plan on 2026-03-05
    Then the next step is a check-in by email between 2026-03-09 and 2026-03-11
    And the next step comes from rule "check-in-within-the-week"

  Scenario: A timetable of two weeks or more earns one note after a week
    Given the interview was on 2026-03-03 at 10:00
    And the employer will decide by 2026-03-20
    And I sent a thank-you by email on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is short_note by email on 2026-03-10
    And the next step comes from rule "note-during-a-long-wait"
    When I got in touch by email on 2026-03-10
    And I check the plan on 2026-03-11
    Then the next step is a check-in by email between 2026-03-23 and 2026-03-25
    And the next step comes from rule "check-in-after-their-date"

  Scenario: The note is no check-in: two check-ins still follow it, then the call to the desk
    Given the interview was on 2026-03-03 at 10:00
    And the employer will decide by 2026-03-20
    And I sent a thank-you by email on 2026-03-03
    And I got in touch by email on 2026-03-10
    And I sent a check-in by email on 2026-03-23
    When I check the plan on 2026-03-24
    Then the next step is a check-in by email on 2026-03-30
    When I sent a check-in by email on 2026-03-30
    And I check the plan on 2026-03-31
    Then the next step is ring_the_desk by phone on 2026-04-13
    And the next step goes to the company

  Scenario: A note they never saw in time lapses at their date
    Given the interview was on 2026-03-03 at 10:00
    And the employer will decide by 2026-03-20
    And I sent a thank-you by email on 2026-03-03
    When I check the plan on 2026-03-19
    Then the next step is short_note by email between 2026-03-10 and 2026-03-19
    When I check the plan on 2026-03-20
    Then the next step is a check-in by email between 2026-03-23 and 2026-03-25

  Scenario: A shorter timetable gets no note, only a check-in after their date
    Given the interview was on 2026-03-03 at 10:00
    And the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email between 2026-03-16 and 2026-03-18
    And the next step comes from rule "check-in-after-their-date"

  Scenario: Two check-ins, then one call to the news desk's main line
    Given the interview was on 2026-03-02 at 10:00
    And the company's main line is "+1 555 0100"
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the next step is a check-in by email on 2026-03-16
    When I sent a check-in by email on 2026-03-16
    And I check the plan on 2026-03-17
    Then the next step is ring_the_desk by phone on 2026-03-30
    And the next step goes to the company
    And I am told to avoid "Don't phone the editor"

  Scenario: The playbook never gives up on its own
    Given the interview was on 2026-03-02 at 10:00
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-16
    And I got in touch by phone on 2026-03-30
    When I check the plan on 2026-09-01
    Then the case is open
    And nothing more is due
    And the case does not close on its own
