Feature: A new round's drafts address that round's interviewers
  When they invite me to another round and tell me who I will meet, I record those people with
  the reply. The thank-you after that interview goes to each of them, and the later messages of
  the round to the first of them, not to the people of the first round.

  Background:
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Sam Lee"
    And I sent a thank-you by email on 2026-03-02

  Scenario: The thank-you for the second round goes to the person I met in it
    Given they invited me to another round on 2026-03-10, with an interview on 2026-03-16 by "Dr. Alice Marsh"
    When I draft the thank-you on 2026-03-16
    Then the draft starts with "Dear Dr. Marsh,"
    And the draft does not say "Sam"

  Scenario: A check-in later in that round is addressed to that round's interviewer
    Given they invited me to another round on 2026-03-10, with an interview on 2026-03-16 by "Dr. Alice Marsh" and "Ben Ortiz"
    And I sent a thank-you by email on 2026-03-16
    When I draft the check-in on 2026-03-23
    Then the draft starts with "Dear Dr. Marsh,"

  Scenario: A round whose people I did not record still addresses the people I know
    Given they replied "next round" on 2026-03-10 with an interview on 2026-03-16
    When I draft the thank-you on 2026-03-16
    Then the draft starts with "Dear Sam,"
