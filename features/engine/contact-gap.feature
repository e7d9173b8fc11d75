Feature: Any two direct contacts keep the minimum gap after the thank-you
  Once they have my thank-you, every email, letter, call, text or message through the recruiter
  lands in the same people's inbox or phone, whatever the step is called: the plan never puts
  two of them less than three days apart, counting what I recorded and what it plans. It makes
  an exception only where waiting would be wrong: the thank-you itself, a promise on the day I
  gave (they agreed to it), news of a competing offer before its deadline, withdrawing, and
  answering their offer. When the gap moves a step, the plan says why.

  Scenario: A late thank-you pushes the check-in three days on
    # The week is up on Monday the 9th, but the thank-you only went out on Sunday the 8th.
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-08
    When I check the plan on 2026-03-09
    Then no check-in is due before 2026-03-11
    And the next step is a check-in by email on 2026-03-11
    And the check-in waits after my contact on 2026-03-08, and the plan says why

  Scenario: Sharing my news pushes the check-in due the same day
    # The portfolio news from Sunday goes out on Monday, the day the check-in was due.
    Given the playbook "dos-and-donts"
    And the employer invited a follow-up
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I added something to my portfolio on 2026-03-08
    When I check the plan on 2026-03-09
    Then the next steps include an update by email on 2026-03-09
    And no check-in is due before 2026-03-12
    And the schedule includes a check-in by email on 2026-03-12

  Scenario: A check-in I recorded holds back the next playbook step, whatever it is called
    Given the playbook "dos-and-donts"
    And the employer invited a follow-up
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I added something to my portfolio on 2026-03-10
    Then the schedule includes an update by email on 2026-03-12
    And the update waits after my contact on 2026-03-09, and the plan says why

  Scenario: A promise keeps the day I gave, even right after a check-in
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I committed on 2026-03-09 to email them on 2026-03-10 to "send the references"
    Then the next step is a promised follow-up by email on 2026-03-10

  Scenario: News of a competing offer still goes before its deadline, right after a check-in
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When I got a competing offer on 2026-03-10 with a deadline of 2026-03-12
    Then the next step is an update by email on 2026-03-10

  Scenario: The thank-you goes out at once whatever came before it
    # A new round: the thank-you for the second interview is never held back by the gap.
    Given the playbook "week-then-on-hold"
    And an interview on 2026-03-02
    And I sent a thank-you by email on 2026-03-02
    And I sent a check-in by email on 2026-03-09
    When they replied "next round" on 2026-03-10 with an interview on 2026-03-11
    Then the next steps include a thank-you by email on 2026-03-11
