Feature: Ask first, then one reach-out and one last note (playbook dos-and-donts)
  The article in 004_e5210e8336633f4e.txt (People Plus, Inc., Amy Sanderson, 2022-06-28): before
  the interview ends, ask about next steps, how long they take, and whether you may get in touch
  if a week or so goes by. Email the whole team a thank-you. Phone or email the hiring manager (or
  the recruiter) once they approved a time; if two or three days later there is still nothing, one
  more email or call is fine (are you still in the running?), but only once their own timetable
  is well past. News such as another job or a big portfolio addition is always worth sharing.
  Meanwhile apply elsewhere and work your networks, and never become aggressive.

  Background:
    Given the playbook "dos-and-donts"
    And an interview on 2026-03-02
    And the company is in "US"

  # -- At the interview --------------------------------------------------------------------------

  Scenario: As the interview ends, ask about next steps and permission; then thank the team
    Given the interviewers are "Ana Ruiz" and "Ben Cole"
    When I check the plan on 2026-03-02
    Then the state is "interviewed"
    And the next steps include ask_next_steps in person on 2026-03-02
    And the next steps include a thank-you by email on 2026-03-02

  Scenario: With their timetable and permission known, only the thank-you is left to do today
    Given the employer will decide by 2026-03-13
    And the employer invited a follow-up after 1 week
    When I check the plan on 2026-03-02
    Then the next step is a thank-you by email on 2026-03-02
    And the next step comes from rule "thank-the-team"
    And the next step cites "thank the team"

  Scenario: No thank-you went out after the interview; the wait and the busy work start anyway
    When I check the plan on 2026-03-04
    Then the state is "waiting"
    And the next steps include apply_elsewhere on 2026-03-04
    And the next steps include networking on LinkedIn on 2026-03-04

  # -- The silent path ---------------------------------------------------------------------------

  Scenario: Silence from interview to closed: ask, thank, keep busy, one last note, move on
    When I check the plan on 2026-03-02
    Then the schedule is:
      | due        | action          | channel   | rule                       |
      | 2026-03-02 | ask_next_steps  | in person | ask-next-steps             |
      | 2026-03-02 | thank-you       | email     | thank-the-team             |
      | 2026-03-03 | apply_elsewhere | -         | apply-elsewhere            |
      | 2026-03-03 | networking      | LinkedIn  | work-your-network          |
      | 2026-03-16 | final check-in  | email     | one-note-without-timetable |
      | 2026-03-23 | move on         | -         | move-on                    |
    And the schedule has 2 direct contacts
    And the case closes on 2026-03-23
    When I follow every step
    Then the case is closed as "moved on"
    And nothing more is due

  # -- In the meantime -------------------------------------------------------------------------

  Scenario: While you wait, apply to more companies and work your networks
    Given I sent a thank-you by email on 2026-03-02
    When I check the plan on 2026-03-03
    Then the state is "thanked"
    And the next steps include apply_elsewhere on 2026-03-03
    And the next steps include networking on LinkedIn on 2026-03-03
    And I am told to avoid "Don't take the silence as bad news"
    When I check the plan on 2026-03-05
    Then the state is "waiting"
    And I am told to avoid "dwelling on this one opening"

  Scenario: Networking done, the next thing is the one last note
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a final check-in by email on 2026-03-16
    And the next step comes from rule "one-note-without-timetable"
    And the next step cites "one more email or call"

  # -- No approved time to reach out -------------------------------------------------------------

  Scenario: No permission asked and no timetable: the thank-you, then one note two weeks on
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then no check-in is due before 2026-03-16
    And I am told to avoid "never agreed to a time"
    And the case closes on 2026-03-23

  Scenario: No permission asked, but a timetable: the one note waits a week past their date
    Given the employer will decide by 2026-03-13
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then no check-in is due before 2026-03-20
    And the next step is a final check-in by email on 2026-03-20
    And the next step comes from rule "one-note-after-their-timetable"
    And I am told to avoid "plenty of room to spare"
    And the case closes on 2026-03-27

  Scenario: The one note went unanswered: move on a week later
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I sent a final check-in by email on 2026-03-16
    When I check the plan on 2026-03-17
    Then the state is "checked-in"
    And the next step is move_on on 2026-03-23
    And I am told to avoid "After the one extra email or call"
    When I check the plan on 2026-03-24
    Then the case is closed as "moved on"
    And nothing more is due

  # -- An approved time to reach out -------------------------------------------------------------

  Scenario: They approved a reach-out after a week: call or email once it has passed, and one more note later
    Given the employer invited a follow-up after 1 week
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-10
    And the next step comes from rule "reach-out-when-agreed"
    And the next step cites "the approved reach-out"
    And the schedule is:
      | due        | action         | channel | rule                  |
      | 2026-03-10 | check-in       | email   | reach-out-when-agreed |
      | 2026-03-13 | final check-in | email   | one-more-note         |
      | 2026-03-20 | move on        | -       | move-on               |
    And the schedule has 2 direct contacts
    And the case closes on 2026-03-20

  Scenario: They said you may get in touch but named no time: use the week or so
    Given the employer invited a follow-up
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-09
    And the next step comes from rule "reach-out-after-a-week"

  Scenario: Two or three days after the reach-out, one more note asking if you are still in it
    Given the employer invited a follow-up after 1 week
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then the state is "checked-in"
    And the next step is a final check-in by email on 2026-03-12
    And the next step comes from rule "one-more-note"
    And the next step cites "one more email or call"

  Scenario: The one more note waits until their timetable is a full week behind
    Given the employer will decide by 2026-03-13
    And the employer invited a follow-up after 1 week
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I sent a check-in by email on 2026-03-09
    When I check the plan on 2026-03-10
    Then no check-in is due before 2026-03-20
    And the next step is a final check-in by email on 2026-03-20
    And the case closes on 2026-03-27

  Scenario: Three days after the reach-out is a Sunday: the last note goes on Monday
    Given the employer invited a follow-up after 10 days
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-13
    And the schedule includes a final check-in by email on 2026-03-16
    And no step falls on a weekend or public holiday
    And the case closes on 2026-03-23

  Scenario: The last note falls on Memorial Day: it waits for Tuesday
    Given an interview on 2026-05-11
    And I sent a thank-you by email on 2026-05-11
    And I connected on LinkedIn on 2026-05-12
    When I check the plan on 2026-05-13
    Then the next step is a final check-in by email on 2026-05-26
    And no step falls on a weekend or public holiday

  # -- Channels --------------------------------------------------------------------------------

  Scenario: They prefer email: reach out by email
    Given the employer invited a follow-up after 1 week
    And the employer prefers email
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-10

  Scenario: They prefer the phone and are fine with calls: call the hiring manager
    Given the employer invited a follow-up after 1 week
    And the employer prefers phone
    And the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by phone on 2026-03-10
    And the schedule includes a final check-in by phone on 2026-03-13

  Scenario: They prefer the phone but never said you may call: email instead
    Given the employer invited a follow-up after 1 week
    And the employer prefers phone
    And the employer does not allow calls
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in by email on 2026-03-10

  Scenario: They want contact through the recruiter
    Given the employer invited a follow-up after 1 week
    And the employer prefers the recruiter
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    When I check the plan on 2026-03-04
    Then the next step is a check-in through the recruiter on 2026-03-10

  # -- No permission -----------------------------------------------------------------------------

  Scenario: They asked you not to follow up: thank them, keep busy, and let it go
    Given the employer asked me not to follow up
    When I check the plan on 2026-03-02
    Then the schedule is:
      | due        | action          | channel   | rule               |
      | 2026-03-02 | ask_next_steps  | in person | ask-next-steps     |
      | 2026-03-02 | thank-you       | email     | thank-the-team     |
      | 2026-03-03 | apply_elsewhere | -         | apply-elsewhere    |
      | 2026-03-03 | networking      | LinkedIn  | work-your-network  |
      | 2026-03-16 | move on         | -         | move-on-not-wanted |
    And the schedule has 1 direct contact
    And the case closes on 2026-03-16
    And I am told to avoid "did not agree to be contacted"

  Scenario: They answer your reach-out asking you to stop: no last note, then move on
    Given the employer invited a follow-up after 1 week
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I sent a check-in by email on 2026-03-09
    And they asked me not to follow up on 2026-03-10
    Then the state is "waiting"
    And the schedule includes move_on on 2026-03-24
    And the schedule has no direct contacts
    And the case closes on 2026-03-24

  # -- Something changed -------------------------------------------------------------------------

  Scenario: You found another job: let them know
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I got a competing offer on 2026-03-06 with a deadline of 2026-03-13
    Then the next step is an update by email on 2026-03-06
    And the next step comes from rule "share-other-offer"
    And the next step cites "something changed"

  Scenario: Sharing the news does not use up the one last note
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I got a competing offer on 2026-03-06
    And I sent an update by email on 2026-03-06
    Then the state is "waiting"
    And the next step is a final check-in by email on 2026-03-16

  Scenario: A significant portfolio addition is worth sending them
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I added something to my portfolio on 2026-03-10
    Then the next step is an update by email on 2026-03-10
    And the next step comes from rule "share-portfolio-news"

  Scenario: Portfolio news on a Saturday goes out on Monday
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I added something to my portfolio on 2026-03-07
    Then the next step is an update by email on 2026-03-09

  # -- Replies -----------------------------------------------------------------------------------

  Scenario: Still deciding with a new date: reach out the next business day after it, last note a week after
    Given the employer invited a follow-up after 1 week
    And I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I sent a check-in by email on 2026-03-09
    And they replied "still deciding" on 2026-03-10 with a new decision date of 2026-03-20
    Then the state is "waiting"
    And no check-in is due before 2026-03-20
    # Their reply starts the wait over, and with it the advice to keep applying elsewhere.
    And the next step is apply_elsewhere on 2026-03-10
    When I do the next step
    Then the next step is a check-in by email on 2026-03-23
    And the schedule includes a final check-in by email on 2026-03-27
    And the case closes on 2026-04-03

  Scenario: A rejection while you wait for their timetable closes the case
    Given I sent a thank-you by email on 2026-03-02
    And they rejected me on 2026-03-10
    Then the case is closed as "rejection"
    And nothing more is due

  Scenario: An offer while you wait for their timetable closes the case
    Given I sent a thank-you by email on 2026-03-02
    And they made me an offer on 2026-03-12
    Then the case is closed as "offer"
    And the only step left is to answer their offer on 2026-03-12

  Scenario: They write back after you moved on: the case reopens with one fresh last note
    Given I sent a thank-you by email on 2026-03-02
    And I connected on LinkedIn on 2026-03-03
    And I sent a final check-in by email on 2026-03-16
    When I check the plan on 2026-03-24
    Then the case is closed as "moved on"
    When they replied "still deciding" on 2026-03-30
    And I check the plan on 2026-03-30
    Then the state is "waiting"
    And the next step is apply_elsewhere on 2026-03-30
    When I do the next step
    Then the next step is a final check-in by email on 2026-04-13
    And the case closes on 2026-04-20

  Scenario: Never push so hard you look like a stalker
    Given I sent a thank-you by email on 2026-03-02
    Then I am told to avoid "stalker"
