Feature: Drafts a person would send
  A draft is only useful if I can paste it and send it after filling in what only I know. It
  greets people the way I would, says when we met the way I would say it on the day I send it,
  fills in every date the case already knows, fits the channel (a phone step is something to
  say, not an email), and is signed with my name.

  Scenario: An interviewer with a title is greeted by title and surname
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-06
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Dr. Alice Marsh"
    When I draft the thank-you on 2026-03-06
    Then the draft starts with "Dear Dr. Marsh,"
    And the draft is an email
    And every paragraph of the draft is one line

  Scenario: She asked me to call her Alice
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-06
    And the interviewer was "Dr. Alice Marsh"
    And I greet "Dr. Alice Marsh" as "Alice"
    When I draft the thank-you on 2026-03-06
    Then the draft starts with "Dear Alice,"

  Scenario: A thank-you written on Monday for Friday's interview does not say "today"
    Given the playbook "stalker-free"
    And an interview on 2026-03-06
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Sam Lee"
    When I draft the thank-you on 2026-03-09
    Then the draft says "Thank you for your time on Friday"
    And the draft does not say "today"

  Scenario: A check-in two weeks after the interview says two weeks, not a week
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Sam Lee"
    And I sent a thank-you by email on 2026-03-02
    When I draft the check-in on 2026-03-16
    Then the draft says "It has been two weeks since we met"
    And the draft does not say "about a week"

  Scenario: The deadline of my other offer is written in, not left blank
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Sam Lee"
    And I sent a thank-you by email on 2026-03-02
    And I got a competing offer on 2026-03-04 with a deadline of 2026-03-11
    When I draft the update on 2026-03-04
    Then the draft says "I have another offer and need to answer by Wednesday, 11 March 2026"
    And the only blanks left are "[[your name]]" and "[[their email]]"

  Scenario: A promise's draft reminds me of the note I recorded with it
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Sam Lee"
    And I sent a thank-you by email on 2026-03-02
    And I committed to email them on 2026-03-05 to "send the two work samples"
    When I draft the promised follow-up on 2026-03-05
    Then the draft says "[[what you promised: send the two work samples]]"
    And the draft does not say "for example"

  Scenario: A phone step is a call script, not an email
    Given the playbook "how-many-times"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Ms. Dana Reyes"
    And the employer prefers phone
    And the employer allows calls
    And I sent a thank-you by email on 2026-03-02
    And I sent a handwritten note by mail on 2026-03-03
    When I draft the check-in on 2026-03-12
    Then the draft is a call script
    And the draft has no subject
    And the draft starts with "Call Ms. Dana Reyes at Acme Corp."
    And the draft says "Opening: Hello Ms. Reyes"
    And the draft says "I interviewed for the Data Engineer role last week"
    And the draft does not say "Dear"

  Scenario: Drafts are signed with the name and signature in my settings
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And the interview was at "Acme Corp" for "Data Engineer"
    And the interviewer was "Sam Lee"
    And my settings say my name is "Alex Doe"
    And my settings say my signature is "Alex Doe | +1 555 0100"
    When I draft the thank-you on 2026-03-02
    Then the draft ends with "Alex Doe | +1 555 0100"
    And the draft does not say "[[your name]]"
