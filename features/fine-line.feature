Feature: Top of mind, not a pest (playbook fine-line)
  Trish Thomas (The Resume Resource), in 002_efe9bb45995bc1a8.txt: thank every interviewer at
  once, by email or with a handwritten note that can set you apart; at the end of the interview
  ask whether they would like a call or an email in about two weeks; respect a request not to
  follow up; keep any follow-up you promised; and after a few unanswered attempts stop asking
  about status and stay visible on LinkedIn instead.

  Background:
    Given the playbook "fine-line"
    And an interview on 2026-03-02
    And the company is in "US"

  # -- Right after the interview ---------------------------------------------------------------

  Scenario: On the interview day: ask call or email, thank each interviewer, maybe by hand
    Given the interviewers are "Dana Reyes" and "Sam Okafor"
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next steps include ask_call_or_email in person on 2026-03-02
    And the plan reads "ask whether they would like a call or an email in person"
    And the next steps include a thank-you by email on 2026-03-02
    And the next steps include a handwritten note by mail on 2026-03-02

  Scenario: Once they have said how they want to hear from you, there is nothing to ask
    Given the employer prefers email
    And the employer invited a follow-up after 2 weeks
    When I check the plan on 2026-03-02
    Then the schedule includes a thank-you by email on 2026-03-02
    And the next steps include a handwritten note by mail on 2026-03-02
    And the schedule includes a check-in by email on 2026-03-17

  Scenario: A handwritten note alone is a complete thank-you
    Given I sent a handwritten note by mail on 2026-03-02
    Then the state is "thanked"
    And the next step is a check-in by email on 2026-03-16

  Scenario: After a thank-you email a handwritten note is still worth sending at once
    Given I sent a thank-you by email on 2026-03-02
    Then the state is "thanked"
    And the next step is a handwritten note by mail on 2026-03-02
    When I check the plan on 2026-03-04
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-16

  # -- The silent path -------------------------------------------------------------------------

  Scenario: Silence from interview to closed: three status checks, then LinkedIn, then let go
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the schedule is:
      | due        | action         | channel  | rule                     |
      | 2026-03-16 | check-in       | email    | check-in-after-two-weeks |
      | 2026-03-30 | check-in       | email    | try-again                |
      | 2026-04-13 | check-in       | email    | try-again                |
      | 2026-04-20 | networking     | LinkedIn | connect-on-linkedin      |
      | 2026-04-20 | join_groups    | LinkedIn | join-their-groups        |
      | 2026-04-20 | follow_company | -        | follow-the-company       |
      | 2026-04-27 | share_articles | LinkedIn | share-articles           |
      | 2026-05-04 | share_articles | LinkedIn | share-articles           |
      | 2026-05-11 | share_articles | LinkedIn | share-articles           |
    And the schedule has 3 direct contacts
    And the case closes on 2026-05-18
    When I follow every step
    Then the case is closed as "moved on"
    And the case closes on 2026-05-18
    And nothing more is due

  Scenario: Each attempt on its day, then the switch to LinkedIn, as scheduled
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    And I do the next step
    Then the state is "checked-in"
    And the next step is a check-in by email on 2026-03-30
    When I do the next step
    Then the next step is a check-in by email on 2026-04-13
    When I do the next step
    Then the state is "on-hold"
    And the next steps include networking on LinkedIn on 2026-04-20
    When I do the next steps
    Then the next step is share_articles on LinkedIn on 2026-04-27
    When I check the plan on 2026-05-12
    Then nothing more is due
    And the case closes on 2026-05-18

  Scenario: The first status check cites the advice about setting the stage
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step comes from rule "check-in-after-two-weeks"
    And the next step cites "Set the stage for following up"

  Scenario: A few unanswered attempts: change approach and connect on LinkedIn a week later
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-16
    And I sent a check-in by email on 2026-03-30
    And I sent a check-in by email on 2026-04-13
    When I check the plan on 2026-04-14
    Then the state is "on-hold"
    And the schedule has no direct contacts
    And the next steps include networking on LinkedIn on 2026-04-20
    And the next steps include join_groups on LinkedIn on 2026-04-20
    And the next steps include follow_company on 2026-04-20
    And I am told to avoid "another status check"
    When I connected with them on LinkedIn on 2026-04-20
    And I check the plan on 2026-04-21
    Then the next step is share_articles on LinkedIn on 2026-04-27

  Scenario: Between attempts, wait another couple of weeks
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-16
    When I check the plan on 2026-03-17
    Then the state is "checked-in"
    And the next step is a check-in by email on 2026-03-30
    And I am told to avoid "every couple of weeks"
    And I am told to avoid "personally"

  # -- Their timing ----------------------------------------------------------------------------

  Scenario: They gave a decision date beyond two weeks: the status check waits for it
    Given the employer will decide by 2026-03-25
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then no check-in is due before 2026-03-25
    And the next step is a check-in by email on 2026-03-26
    And the schedule includes a check-in by email on 2026-04-09
    And the schedule includes networking on LinkedIn on 2026-04-30
    And the case closes on 2026-05-28

  Scenario: A decision date sooner than two weeks does not bring the check forward
    Given the employer will decide within 1 week
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-16

  Scenario: They asked you to follow up after ten days
    Given the employer invited a follow-up after 10 days
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-13
    And the next step comes from rule "check-in-when-they-said"

  # -- Asked not to follow up ------------------------------------------------------------------

  Scenario: They asked at the interview not to follow up: heed it
    Given the employer asked me not to follow up
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then nothing more is due
    And I am told to avoid "asked you not to follow up"
    And the case closes on 2026-03-30
    When I follow every step
    Then the case is closed as "moved on"
    And the case closes on 2026-03-30

  Scenario: They replied asking you to stop after your first status check
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-16
    When they asked me not to follow up on 2026-03-18
    Then the state is "waiting"
    And nothing more is due
    And I am told to avoid "asked you not to follow up"
    And the case closes on 2026-04-15

  # -- Call or email ---------------------------------------------------------------------------

  Scenario: They would rather get an email
    Given the employer prefers email
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-16

  Scenario: They would rather get a call, and said you may phone
    Given the employer prefers phone
    And the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is a check-in by phone on 2026-03-16
    And the schedule includes a check-in by phone on 2026-03-30

  Scenario: A phone preference without leave to call falls back to email
    Given the employer prefers phone
    And the employer does not allow calls
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-16

  # -- Promises --------------------------------------------------------------------------------

  Scenario: You promised to call on a given day: do exactly that, and the two-week check-in still comes
    Given the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    And I committed to call them on 2026-03-10
    When I check the plan on 2026-03-04
    Then the next step is a promised follow-up by phone on 2026-03-10
    And the next step comes from rule "keep-your-promise"
    And I am told to avoid "promised"
    When I sent a check-in by phone on 2026-03-10
    And I check the plan on 2026-03-11
    Then the state is "waiting"
    And I am not told to avoid "promised"
    And the next step is a check-in by email on 2026-03-16
    And the next step comes from rule "check-in-after-two-weeks"

  Scenario: You promised an email earlier than two weeks: keep the promise
    Given I sent a thank-you by email on 2026-03-02
    And I committed to email them on 2026-03-09
    When I check the plan on 2026-03-04
    Then the next step is a promised follow-up by email on 2026-03-09

  Scenario: You promised an email for a Saturday: it goes that Saturday, not the Monday after
    Given I sent a thank-you by email on 2026-03-02
    And I committed to email them on 2026-03-14
    When I check the plan on 2026-03-04
    Then the next step is a promised follow-up by email on 2026-03-14
    When I check the plan on 2026-03-14
    Then the next step is a promised follow-up by email on 2026-03-14

  Scenario: A check-in due on a Saturday still waits for the Monday
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-14
    When I check the plan on 2026-03-16
    Then the next step is a check-in by email on 2026-03-30

  # -- Other news ------------------------------------------------------------------------------

  Scenario: A competing offer leaves the status checks where they were (the article is silent on it)
    Given I sent a thank-you by email on 2026-03-02
    When I got a competing offer on 2026-03-06 with a deadline of 2026-03-20
    Then the next step is a check-in by email on 2026-03-16
    And the schedule has 3 direct contacts

  Scenario: They are still deciding and name a new date: the attempts start over from it
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-16
    When they replied "still deciding" on 2026-03-18 with a new decision date of 2026-04-01
    Then the state is "waiting"
    And no check-in is due before 2026-04-01
    And the next step is a check-in by email on 2026-04-02
    And the schedule includes a check-in by email on 2026-04-16
    And the schedule includes a check-in by email on 2026-04-30
    And the schedule includes networking on LinkedIn on 2026-05-07
    And the case closes on 2026-06-04

  Scenario: A rejection after the first status check closes the case
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-16
    When they rejected me on 2026-03-20
    Then the case is closed as "rejection"
    And nothing more is due

  Scenario: An offer before any status check closes the case
    Given I sent a thank-you by email on 2026-03-02
    When they made an offer on 2026-03-13
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-13

  Scenario: Perseverance pays off: a reply after the playbook let go reopens the case
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-16
    And I sent a check-in by email on 2026-03-30
    And I sent a check-in by email on 2026-04-13
    When I check the plan on 2026-05-19
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-06-01
    Then the case is open
    And the state is "waiting"
    And the next step is a check-in by email on 2026-06-15

  # -- Calendar --------------------------------------------------------------------------------

  Scenario: A status check that lands on Memorial Day moves to the next business day
    Given the interview was on 2026-05-11
    And I sent a thank-you by email on 2026-05-11
    When I check the plan on 2026-05-13
    Then the next step is a check-in by email on 2026-05-26
    And the schedule includes a check-in by email on 2026-06-09
    And the schedule includes a check-in by email on 2026-06-23
    And no step falls on a weekend or public holiday

  Scenario: Their suggested date is a Saturday, so the status check waits for Monday
    Given the employer invited a follow-up after 12 days
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-16
    And no step falls on a weekend or public holiday

  Scenario: A Saturday interview: the thanks wait for Monday and are still due then
    Given the interview was on 2026-03-07
    When I check the plan on 2026-03-09
    Then the state is "interviewed"
    And the next steps include a thank-you by email on 2026-03-09
    And the next steps include a handwritten note by mail on 2026-03-09
    When I check the plan on 2026-03-10
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-23
