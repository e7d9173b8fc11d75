Feature: Two or three steps, then move on (playbook how-many-times)
  The article in 003_f4ce387b2d77fa5e.txt (The Reserves Network) numbers its follow-ups: a
  personal thank-you email to every person you met, right after the interview; an optional short
  handwritten card by post; one email (a call only if the hiring manager said calling is fine)
  once their deadline is at least three days past; and then, with no answer, move on. Another
  offer while you wait is the one reason to write again, asking for an update. Never hound them.
  When no deadline was given, the playbook assumes one a week after the interview (10 days in all).

  Background:
    Given the playbook "how-many-times"
    And an interview on 2026-03-02
    And the company is in "US"

  # -- Follow-Up #1: the thank-you email -----------------------------------------------------

  Scenario: Right after the interview, email a personal thank-you to each person you met
    Given the interviewers are "Ana Ruiz" and "Ben Cole"
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-03-02
    And the next step comes from rule "thank-each-person"
    And the next step cites "Follow-Up #1"

  Scenario: The thank-you moment passes without one and the wait starts anyway
    When I check the plan on 2026-03-04
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-12

  # -- Follow-Up #2: the handwritten note ------------------------------------------------------

  Scenario: After the email, a short handwritten card by post is an optional extra
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then the state is "thanked"
    And the next step is a handwritten note by mail on 2026-03-03
    And the next step comes from rule "mailed-card"
    And the next step cites "Follow-Up #2"

  Scenario: Once the card is in the post you simply wait for their deadline
    Given I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-12

  Scenario: Skipping the card is fine; after a week it is no longer suggested
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-09
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-12

  Scenario: A thank-you sent on a Friday: the card goes in the post on Monday
    Given an interview on 2026-03-06
    And I sent a thank-you by email on 2026-03-06
    Then the next step is a handwritten note by mail on 2026-03-09
    And no step falls on a weekend or public holiday

  # -- The silent path -------------------------------------------------------------------------

  Scenario: Silence from interview to closed: thanks, a card, one check-in, then move on
    Given the interviewers are "Ana Ruiz" and "Ben Cole"
    When I check the plan on 2026-03-02
    Then the schedule is:
      | due        | action            | channel | rule                      |
      | 2026-03-02 | thank-you         | email   | thank-each-person         |
      | 2026-03-03 | thank-you note    | mail    | mailed-card               |
      | 2026-03-12 | check-in          | email   | check-in-assumed-deadline |
      | 2026-03-13 | keep_options_open | -       | keep-options-open         |
      | 2026-03-19 | move on           | -       | move-on                   |
    And the schedule has 3 direct contacts
    And the case closes on 2026-03-19
    When I follow every step
    Then the case is closed as "moved on"
    And nothing more is due

  Scenario: No deadline was given: assume a week, then wait three days more
    Given I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then no check-in is due before 2026-03-12
    And the next step is a check-in by email on 2026-03-12
    And the next step comes from rule "check-in-assumed-deadline"
    And the next step cites "Follow-Up #3"
    And I am told to avoid "at least three days past"

  Scenario: After the one check-in the ball is in their court: keep your options open
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    Then the state is "checked-in"
    And the next step is keep_options_open on 2026-03-13
    And I am told to avoid "don't bet all"

  Scenario: No answer a week after the check-in: move on
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    When I check the plan on 2026-03-14
    Then the next step is move_on on 2026-03-19
    And the next step comes from rule "move-on"
    And the next step cites "Follow-Up #4"
    When I check the plan on 2026-03-20
    Then the case is closed as "moved on"
    And nothing more is due

  Scenario: The check-in never went out: four weeks on, let it go rather than chase
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-20
    Then the next step is a check-in by email on 2026-03-12
    And the explanation mentions "check-in-never-sent"
    When I check the plan on 2026-03-31
    Then the case is closed as "moved on"

  # -- Follow-Up #3: their deadline --------------------------------------------------------------

  Scenario: They gave a deadline: check in only once it is three days past
    Given the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then no check-in is due before 2026-03-16
    And the next step is a check-in by email on 2026-03-16
    And the next step comes from rule "check-in-after-their-date"
    And the case closes on 2026-03-23

  Scenario: They invited a follow-up after two weeks: treat it as their deadline, plus three days
    Given the employer invited a follow-up after 2 weeks
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then the next step is a check-in by email on 2026-03-19
    And the next step comes from rule "check-in-after-their-date"
    And the case closes on 2026-03-26

  Scenario: A deadline three days before a weekend: the check-in moves to Monday
    Given the employer will decide by 2026-03-11
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then the next step is a check-in by email on 2026-03-16
    And no step falls on a weekend or public holiday

  Scenario: Three days past the deadline is Memorial Day: the check-in waits for Tuesday
    Given an interview on 2026-05-15
    And the employer will decide by 2026-05-22
    And I sent a thank-you by email on 2026-05-15
    Then the next step is a handwritten note by mail on 2026-05-18
    And the schedule includes a check-in by email on 2026-05-26
    And no step falls on a weekend or public holiday

  # -- Channels --------------------------------------------------------------------------------

  Scenario: They prefer email: the check-in is an email
    Given the employer prefers email
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then the next step is a check-in by email on 2026-03-12

  Scenario: The hiring manager said calling is fine: the check-in may be a call
    Given the employer prefers phone
    And the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then the next step is a check-in by phone on 2026-03-12
    And I am not told to avoid "Don't phone"

  Scenario: They like the phone but never said you may call: email instead
    Given the employer prefers phone
    And the employer does not allow calls
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    Then the next step is a check-in by email on 2026-03-12
    And I am told to avoid "Don't phone unless the hiring manager said calling is fine"

  # -- Asked not to follow up --------------------------------------------------------------------

  Scenario: They asked you not to follow up: thank them, skip the check-in, move on
    Given the employer asked me not to follow up
    When I check the plan on 2026-03-02
    Then the schedule is:
      | due        | action         | channel | rule                     |
      | 2026-03-02 | thank-you      | email   | thank-each-person        |
      | 2026-03-03 | thank-you note | mail    | mailed-card              |
      | 2026-03-12 | move on        | -       | move-on-without-check-in |
    And the schedule has 2 direct contacts
    And the case closes on 2026-03-12
    And I am told to avoid "asked not to be followed up"

  Scenario: They answer your check-in asking you to stop: no more check-ins, then move on
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    And they asked me not to follow up on 2026-03-13
    Then the state is "waiting"
    And the schedule is:
      | due        | action  | channel | rule                     |
      | 2026-03-23 | move on | -       | move-on-without-check-in |
    And the case closes on 2026-03-23
    And I am told to avoid "asked not to be followed up"

  # -- Follow-Up #4: another offer -----------------------------------------------------------

  Scenario: Another offer arrives while you wait: a quick note asking for an update
    Given I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    And I got a competing offer on 2026-03-06 with a deadline of 2026-03-13
    Then the next step is an update by email on 2026-03-06
    And the next step comes from rule "tell-them-about-other-offer"
    And the next step cites "Follow-Up #4"

  Scenario: The note about the other offer already asked for an update; then move on if silent
    Given I sent a thank-you by email on 2026-03-02
    And I got a competing offer on 2026-03-06 with a deadline of 2026-03-13
    And I sent an update by email on 2026-03-06
    Then the state is "checked-in"
    And no check-in is due before 2026-03-14
    And the schedule includes move_on on 2026-03-13
    And the case closes on 2026-03-13

  Scenario: Their decision date still to come: the advice to move on waits for it, as closing does
    # Moving on a week after the note would fall on 2026-03-13, before the date they gave.
    Given the employer will decide by 2026-03-16
    And I sent a thank-you by email on 2026-03-02
    And I got a competing offer on 2026-03-06 with a deadline of 2026-03-13
    And I sent an update by email on 2026-03-06
    Then the schedule includes move_on on 2026-03-18
    And the case closes on 2026-03-18

  Scenario: An offer on a Saturday: the note goes out on Monday
    Given I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    And I got a competing offer on 2026-03-07
    Then the next step is an update by email on 2026-03-09
    And no step falls on a weekend or public holiday

  # -- Replies -----------------------------------------------------------------------------------

  Scenario: Still deciding, with a new date: check in three days after that date
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    And they replied "still deciding" on 2026-03-13 with a new decision date of 2026-03-27
    Then the state is "waiting"
    And no check-in is due before 2026-03-30
    And the next step is a check-in by email on 2026-03-30
    And the case closes on 2026-04-06

  Scenario: Still deciding, without a date: assume a fresh week from their reply, plus three days
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    And they replied "still deciding" on 2026-03-13
    Then the next step is a check-in by email on 2026-03-23

  Scenario: A rejection after your one check-in closes the case
    Given I sent a thank-you by email on 2026-03-02
    And they rejected me on 2026-03-10
    Then the case is closed as "rejection"
    And nothing more is due

  Scenario: An offer after your one check-in closes the case
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    And they made me an offer on 2026-03-16
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-16

  Scenario: They write back after you moved on: the case reopens with one fresh check-in
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    When I check the plan on 2026-03-20
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-03-25
    And I check the plan on 2026-03-25
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-04-06
    And the case closes on 2026-04-13

  Scenario: Never hound the hiring manager
    Given I sent a thank-you by email on 2026-03-02
    Then I am told to avoid "Don't hound the hiring manager"
