Feature: Ask, follow up twice, then leave it (playbook stalker-free)
  The article in 000_86a953ef79b3e0ec.txt: find out at the interview when to follow up and how
  they like to be reached, follow up on their timing by that channel, try once more only when
  their timing has passed unanswered, and after two tries leave it alone. Silence is normal and
  they may come back months later. Never message daily, never text or ring a recruiter's cell,
  and skip Facebook if you are not even linked on LinkedIn.

  Background:
    Given the playbook "stalker-free"
    And an interview on 2026-03-02
    And the company is in "US"

  # -- At the interview ------------------------------------------------------------------------

  Scenario: On the interview day, ask when and how to follow up, and send thanks
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next steps include ask_about_follow_up in person on 2026-03-02
    And the next steps include a thank-you by email on 2026-03-02
    And the plan reads "ask when and how to follow up in person"

  Scenario: Once you know their timing and channel there is nothing left to ask
    Given the employer invited a follow-up after 1 week
    And the employer prefers email
    When I check the plan on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-02

  Scenario: The thank-you window passes without one and the wait starts anyway
    When I check the plan on 2026-03-04
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-09

  # -- The silent path -------------------------------------------------------------------------

  Scenario: Silence from interview to closed: a ping after a week, one more, then let it go
    Given I sent a thank-you by email on 2026-03-02
    Then the state is "thanked"
    And the schedule is:
      | due        | action          | channel | rule                   |
      | 2026-03-09 | check-in        | email   | follow-up-after-a-week |
      | 2026-03-16 | final check-in  | email   | follow-up-once-more    |
      | 2026-03-30 | move on         | -       | be-patient             |
    And the schedule has 2 direct contacts
    And the case closes on 2026-03-30
    When I follow every step
    Then the case is closed as "moved on"
    And nothing more is due
    And I am told to avoid "third time"

  Scenario: Sending each ping on its day keeps to the two-tries schedule
    Given I sent a thank-you by email on 2026-03-02
    When I do the next step
    Then the state is "checked-in"
    And the next step is a final check-in by email on 2026-03-16
    When I do the next step
    Then the state is "on-hold"
    And the next step is to move on on 2026-03-30
    When I do the next step
    Then the case is closed as "moved on"
    And the case closes on 2026-03-30

  Scenario: No timing given: the first ping cites the advice to ask about timing
    Given I sent a thank-you by email on 2026-03-02
    Then the next step comes from rule "follow-up-after-a-week"
    And the next step cites "Ask when to follow up"

  # -- Their timing ----------------------------------------------------------------------------

  Scenario: They said you would hear in three weeks at the earliest: follow up only after that
    Given the employer will decide within 3 weeks
    And I sent a thank-you by email on 2026-03-02
    Then no check-in is due before 2026-03-23
    And the next step is a check-in by email on 2026-03-24
    And the schedule includes a final check-in by email on 2026-03-31
    And the case closes on 2026-04-14

  Scenario: They told you to follow up after ten days
    Given the employer invited a follow-up after 10 days
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-13
    And the next step comes from rule "follow-up-when-they-said"
    And the schedule includes a final check-in by email on 2026-03-20
    And the case closes on 2026-04-03

  Scenario: Follow up again only once their timing has passed with no answer
    Given the employer invited a follow-up after 10 days
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-12
    When I check the plan on 2026-03-13
    Then the state is "checked-in"
    And the next step is a final check-in by email on 2026-03-19

  Scenario: After reaching out twice, leave it at that
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-16
    When I check the plan on 2026-03-17
    Then the state is "on-hold"
    And the plan reads "Why:  since Mon 2026-03-16, reached-out-twice: That was your second try"
    And the next step is to move on on 2026-03-30
    And the schedule has no direct contacts
    And I am told to avoid "third time"
    And the case closes on 2026-03-30
    When I check the plan on 2026-03-31
    Then the case is closed as "moved on"

  # -- Asked not to follow up ------------------------------------------------------------------

  Scenario: They asked at the interview not to follow up: no pings, and the case lets go
    Given the employer asked me not to follow up
    And I sent a thank-you by email on 2026-03-02
    Then nothing more is due
    And the case closes on 2026-04-13

  Scenario: They replied asking you to stop: no more pings
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And they asked me not to follow up on 2026-03-10
    Then the state is "waiting"
    And nothing more is due
    And I am told to avoid "not to follow up"
    And the case closes on 2026-04-21

  # -- How they like to be reached -------------------------------------------------------------

  Scenario: They prefer email: by all means email them
    Given the employer prefers email
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-09
    And the schedule includes a final check-in by email on 2026-03-16

  Scenario: They prefer a call and are happy to be phoned
    Given the employer prefers phone
    And the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by phone on 2026-03-09
    And the schedule includes a final check-in by phone on 2026-03-16

  Scenario: They mention the phone but never said you may call: email instead
    Given the employer prefers phone
    And the employer does not allow calls
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-09

  Scenario: They want updates through the recruiter
    Given the employer prefers the recruiter
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in through the recruiter on 2026-03-09

  # -- Other news ------------------------------------------------------------------------------

  Scenario: A competing offer leaves the two pings where they were (the article is silent on it)
    Given I sent a thank-you by email on 2026-03-02
    When I got a competing offer on 2026-03-04 with a deadline of 2026-03-13
    Then the next step is a check-in by email on 2026-03-09
    And the schedule has 2 direct contacts
    And the case closes on 2026-03-30

  Scenario: They are still deciding and name a new date: the two tries start over after it
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they replied "still deciding" on 2026-03-11 with a new decision date of 2026-03-25
    Then the state is "waiting"
    And no check-in is due on or before 2026-03-25
    And the schedule is:
      | due        | action         | channel |
      | 2026-03-26 | check-in       | email   |
      | 2026-04-02 | final check-in | email   |
      | 2026-04-16 | move on        | -       |
    And the case closes on 2026-04-16

  Scenario: An automated rejection closes the case
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they rejected me on 2026-03-20
    Then the case is closed as "rejection"
    And nothing more is due

  Scenario: An offer after the thank-you closes the case
    Given I sent a thank-you by email on 2026-03-02
    When they made an offer on 2026-03-12
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-12

  Scenario: Two months later the role is open again: the case reopens
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-16
    When I check the plan on 2026-04-01
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-05-04
    Then the case is open
    And the state is "waiting"
    And the next step is a check-in by email on 2026-05-11

  Scenario: Months later they invite you to another round
    Given I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    And I sent a check-in by email on 2026-03-16
    When they replied "next round" on 2026-05-04 with an interview on 2026-05-12
    And I check the plan on 2026-05-12
    Then the state is "interviewed"
    And the next steps include a thank-you by email on 2026-05-12

  # -- Calendar --------------------------------------------------------------------------------

  Scenario: A ping that lands on Memorial Day moves to the next business day
    Given the interview was on 2026-05-18
    And I sent a thank-you by email on 2026-05-18
    Then the next step is a check-in by email on 2026-05-26
    And the schedule includes a final check-in by email on 2026-06-02
    And no step falls on a weekend or public holiday
    And the case closes on 2026-06-16

  Scenario: Their suggested date falls on a Saturday, so the ping waits for Monday
    Given the employer invited a follow-up after 12 days
    And I sent a thank-you by email on 2026-03-02
    Then the next step is a check-in by email on 2026-03-16
    And no step falls on a weekend or public holiday

  Scenario: A Saturday interview: the thank-you waits for Monday and is still due then
    Given the interview was on 2026-03-07
    When I check the plan on 2026-03-09
    Then the state is "interviewed"
    And the next step is a thank-you by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the state is "waiting"
    And the next step is a check-in by email on 2026-03-16

  # -- The don'ts ------------------------------------------------------------------------------

  Scenario: Never daily messages, never the recruiter's cell, no Facebook out of the blue
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-05
    Then I am told to avoid "every day"
    And I am told to avoid "mobile"
    And I am told to avoid "Facebook"
    And I am told to avoid "radio silence"

  Scenario: Once you are linked on LinkedIn, the Facebook warning no longer applies
    Given I sent a thank-you by email on 2026-03-02
    And I connected with them on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-05
    Then I am not told to avoid "Facebook"
    And I am told to avoid "every day"
