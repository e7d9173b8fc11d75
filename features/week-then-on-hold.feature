Feature: A week, then on hold (playbook week-then-on-hold)
  The 2012 article in 001_598de540c6e08c7c.txt: unless they already said, ask at the end of the
  interview how and when they would like you to follow up; thank them the same or the next
  business day, wait a week and check in by email, then treat the application as on hold and check
  in about every ten or eleven days, and back off after a few tries or a month or two of silence.
  Whatever protocol they asked for wins, and a competing offer is worth telling them about.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the company is in "US"

  # -- Thank-you -------------------------------------------------------------------------------

  Scenario: Thank them the day of the interview
    Given the employer prefers email
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-03-02
    And the next step cites "Write thank you notes"

  Scenario: At the end of the interview, ask how and when they would like you to follow up
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next steps include ask_about_follow_up on 2026-03-02
    And the next steps include a thank-you by email on 2026-03-02
    And the schedule has 4 direct contacts

  Scenario: They already told you when to follow up: nothing to ask
    Given the employer invited a follow-up after 10 days
    When I check the plan on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-02

  Scenario: The same-or-next-day window for thanks passes and the waiting game starts anyway
    When I check the plan on 2026-03-04
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09

  # -- The silent path -------------------------------------------------------------------------

  Scenario: Silence from interview to closed: a week, two on-hold check-ins, then back off
    Given I sent a thank-you by email on 2026-03-02
    Then the schedule is:
      | due        | action   | channel | rule                  |
      | 2026-03-09 | check-in | email   | check-in-after-a-week |
      | 2026-03-20 | check-in | email   | on-hold-check-in      |
      | 2026-03-31 | check-in | email   | on-hold-check-in      |
      | 2026-04-11 | move on  | -       | move-on               |
    And the schedule has 3 direct contacts
    And the case closes on 2026-04-11
    When I follow every step
    Then the case is closed as "moved on"
    And nothing more is due
    And I am told to avoid "keep chasing"

  Scenario: A few quiet days are not a rejection
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-05
    Then the state is "waiting"
    And I am told to avoid "quiet days"
    And I am told to avoid "phone"

  Scenario: No answer to the one-week check-in puts the application on hold
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-20
    Then the state is "on-hold"
    And the next step is a check-in by email on 2026-03-20
    And the next step comes from rule "on-hold-check-in"
    And I am told to avoid "week and a half"

  Scenario: After three unanswered check-ins, back off
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-20
    And I sent a check-in by email on 2026-03-31
    When I check the plan on 2026-04-01
    Then the next step is to move on on 2026-04-11
    And the schedule has no direct contacts
    And the case closes on 2026-04-11
    When I check the plan on 2026-04-12
    Then the case is closed as "moved on"
    And I am told to avoid "keep chasing"

  # -- Their timing ----------------------------------------------------------------------------

  Scenario: They said they would decide within three weeks: check in the day after, not after a week
    Given the employer will decide within 3 weeks
    And I sent a thank-you by email on 2026-03-02
    Then no check-in is due before 2026-03-23
    And the next step is a check-in by email on 2026-03-24
    And the schedule includes a check-in by email on 2026-04-06
    And the schedule includes a check-in by email on 2026-04-17
    And the case closes on 2026-04-28

  Scenario: They told you to follow up after ten days: follow their protocol
    Given the employer invited a follow-up after 10 days
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-13
    And the next step comes from rule "check-in-when-they-said"

  # -- Asked not to follow up ------------------------------------------------------------------

  Scenario: They asked at the interview not to follow up
    Given the employer asked me not to follow up
    And I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-04
    Then the next step is move on on 2026-05-02
    And the next step comes from rule "move-on-after-two-months"
    And the schedule has no direct contacts
    And I am told to avoid "asked you not to follow up"
    And the case closes on 2026-05-02

  Scenario: They replied asking you to stop after the one-week check-in
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they asked me not to follow up on 2026-03-10
    Then the state is "waiting"
    And the next step is to move on on 2026-05-10
    And the schedule has no direct contacts
    And I am told to avoid "told you not to follow up"
    And the case closes on 2026-05-10

  Scenario: A promise kept before their decision date is not the check-in after it
    Given the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-04 to email them on 2026-03-12 to "send two references"
    When I check the plan on 2026-03-05
    Then the next step is a promised follow-up by email on 2026-03-12
    When I sent a check-in by email on 2026-03-12
    And I check the plan on 2026-03-12
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-16
    And the next step comes from rule "check-in-after-a-week"

  Scenario: They ask you not to follow up after you promised to call: the call is off
    Given the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    And I committed on 2026-03-03 to call them on 2026-03-16
    When they asked me not to follow up on 2026-03-05
    Then the schedule has no direct contacts
    And I am not told to avoid "promised"
    And the plan notes "they asked you not to follow up"

  # -- Their preferred way ---------------------------------------------------------------------

  Scenario: They prefer email, which is the article's own choice
    Given the employer prefers email
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-09

  Scenario: They prefer the phone and said you may call: the phone warning is lifted
    Given the employer prefers phone
    And the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by phone on 2026-03-09
    And I am not told to avoid "phone"

  Scenario: A phone preference without leave to call: email instead
    Given the employer prefers phone
    And the employer does not allow calls
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-09
    And I am told to avoid "phone"

  Scenario: They asked you to check the status online
    Given the employer prefers the portal
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in on the portal on 2026-03-09

  Scenario: They asked you to go through someone else
    Given the employer prefers the recruiter
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in through the recruiter on 2026-03-09

  # -- Other news ------------------------------------------------------------------------------

  Scenario: A competing offer: tell them at once that time matters
    Given I sent a thank-you by email on 2026-03-02
    When I got a competing offer on 2026-03-04 with a deadline of 2026-03-13
    Then the next step is an update by email on 2026-03-04
    And the next step comes from rule "flag-competing-offer"
    When I sent an update by email on 2026-03-04
    And I check the plan on 2026-03-05
    Then the next step is a check-in by email on 2026-03-09

  Scenario: An offer on a Saturday to answer by Monday: tell them that weekend, not too late
    Given I sent a thank-you by email on 2026-03-02
    When I got a competing offer on 2026-03-14 with a deadline of 2026-03-16
    Then the next step is an update by email on 2026-03-14
    And the next step comes from rule "flag-competing-offer"
    And the plan has no notes

  Scenario: They are still deciding and give a new date: check in the day after it
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they replied "still deciding" on 2026-03-11 with a new decision date of 2026-03-25
    Then the state is "waiting"
    And no check-in is due on or before 2026-03-25
    And the schedule is:
      | due        | action   | channel |
      | 2026-03-26 | check-in | email   |
      | 2026-04-06 | check-in | email   |
      | 2026-04-17 | check-in | email   |
      | 2026-04-28 | move on  | -       |
    And the case closes on 2026-04-28

  Scenario: A rejection a week after the check-in closes the case
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they rejected me on 2026-03-16
    Then the case is closed as "rejection"
    And nothing more is due
    And I am not told to avoid "keep chasing"

  Scenario: An offer the day after the check-in closes the case
    Given I sent a thank-you by email on 2026-03-02
    When they made an offer on 2026-03-10
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-10
    # Nothing is left to follow up: the don'ts about chasing an answer no longer apply.
    And I am not told to avoid "keep chasing"

  Scenario: A reply after the playbook backed off reopens the case
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-20
    And I sent a check-in by email on 2026-03-31
    When I check the plan on 2026-04-12
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-04-20
    Then the case is open
    And the state is "waiting"
    And the next step is a check-in by email on 2026-04-27

  # -- Calendar --------------------------------------------------------------------------------

  Scenario: Check-ins landing on Memorial Day, a Saturday and Juneteenth move to business days
    Given the interview was on 2026-05-18
    And I sent a thank-you by email on 2026-05-18
    Then the schedule is:
      | due        | action   | channel |
      | 2026-05-26 | check-in | email   |
      | 2026-06-08 | check-in | email   |
      | 2026-06-22 | check-in | email   |
      | 2026-07-03 | move on  | -       |
    And no step falls on a weekend or public holiday
    And the case closes on 2026-07-03
