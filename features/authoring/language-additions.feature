Feature: followup checks the newer things a coach can say
  A window (due: ... until: ...), a condition on the time between two dates, and closes: never
  are checked like everything else in a playbook: where one is wrong, followup says where and
  what to write instead. (What lint says of them is in tests/lint/test_language_additions.py.)

  Scenario: A window and a repeat do not go together
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      actions:
        - id: nudge
          in: waiting
          kind: check_in
          due: interview + 5d
          until: interview + 7d
          repeat: {every: 1w, max: 2}
          channel: email
          advice: Check in.
      """
    When I check the playbook
    Then followup says at line 9, column 12: a window (until) and repeat do not go together
    And followup says nothing else

  Scenario: A condition on the time between two dates names its dates and a duration
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      actions:
        - id: nudge
          in: waiting
          kind: check_in
          due: interview + 1w
          channel: email
          when: {time_between: {from: interview, to: decison_by, ge: 2 weeks}}
          advice: Check in.
      """
    When I check the playbook
    Then followup says at line 10, column 48: unknown anchor 'decison_by' (did you mean 'decision_by'?)
    And followup says at line 10, column 64: '2 weeks' is not a duration
    And followup says nothing else

  Scenario: A misspelt time_between is named
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      actions:
        - id: nudge
          in: waiting
          kind: check_in
          due: interview + 1w
          channel: email
          when: {time_betwen: {from: interview, to: decision_by, ge: 2w}}
          advice: Check in.
      """
    When I check the playbook
    Then followup says at line 10, column 12: unknown fact 'time_betwen' (did you mean 'time_between'?)
    And followup says nothing else

  Scenario: A condition on the time between two dates needs a duration to compare with
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      actions:
        - id: nudge
          in: waiting
          kind: check_in
          due: interview + 1w
          channel: email
          when: {time_between: {from: interview, to: decision_by}}
          advice: Check in.
      """
    When I check the playbook
    Then followup says at line 10, column 26: time_between compares with no duration
    And followup says nothing else

  Scenario: closes needs the reason it never closes
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      closes: {source: Patience}
      """
    When I check the playbook
    Then followup says at line 4, column 9: closes has no 'never'
    And followup says nothing else

  Scenario: The time between a date and itself is refused
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      actions:
        - id: nudge
          in: waiting
          kind: check_in
          due: interview + 1w
          channel: email
          when: {time_between: {from: interview, to: interview, ge: 2w}}
          advice: Check in.
      """
    When I check the playbook
    Then followup says at line 10, column 48: from and to are both interview; expected two different dates
    And followup says nothing else
