Feature: followup tells a coach what is wrong in a playbook, where, and how to fix it
  A coach writing a playbook makes the slips everyone makes in YAML: a tab, a colon in a
  sentence, a misspelt key, a duration written out in words. followup answers each with one
  message at the place of the slip, in words that say what to write instead.

  Scenario: A playbook without slips is accepted
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      parameters: {wait: 2w}
      transitions:
        - id: sent
          from: interviewed
          after: interview + wait
          to: closed
      """
    When I check the playbook
    Then followup accepts the playbook

  Scenario: A tab used to indent is named as a tab
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      transitions:
      	- id: sent
      """
    When I check the playbook
    Then followup says at line 5, column 1: a tab character in the indentation; YAML indents with spaces; expected spaces
    And followup says nothing else

  Scenario: A colon inside a sentence asks for quotes
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      summary: Tip: be brief
      source: {title: My notes}
      """
    When I check the playbook
    Then followup says at line 3, column 13: a colon followed by a space inside unquoted text starts a new key; expected the text in quotes: summary: "Tip: be brief"
    And followup says nothing else

  Scenario: Every sentence with a colon is found in one run
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      summary: Tip: be brief
      source: {title: My notes}
      avoid:
        - id: no-calls
          advice: Rule one: never call.
      """
    When I check the playbook
    Then followup says at line 3, column 13: a colon followed by a space inside unquoted text
    And followup says at line 7, column 21: a colon followed by a space inside unquoted text
    And followup says nothing else

  Scenario: A misspelt key is one message that suggests the right one
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      transitions:
        - id: sent
          form: interviewed
          on: thank_you_sent
          to: thanked
      """
    When I check the playbook
    Then followup says at line 6, column 5: unknown key 'form' (did you mean 'from'?)
    And followup says nothing else

  Scenario: A duration written in words is answered with its short form, once
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      parameters: {wait: 2 weeks, again: 5 bd}
      transitions:
        - {id: sent, from: interviewed, after: interview + wait, to: waiting}
        - {id: later, from: waiting, after: interview + wait, to: closed}
        - {id: nudge, from: thanked, after: last_contact + again, to: closed}
      """
    When I check the playbook
    Then followup says at line 4, column 20: '2 weeks' is not a duration (did you mean '2w'?)
    And followup says at line 4, column 36: '5 bd' is not a duration (did you mean '5bd'?)
    And followup says nothing else

  Scenario: A duration in capitals is answered with its spelling
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      parameters: {wait: 2W}
      """
    When I check the playbook
    Then followup says at line 4, column 20: '2W' is not a duration (did you mean '2w'?)
    And followup says nothing else

  Scenario: A duration longer than followup plans for states the longest
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      parameters: {wait: 100000w}
      """
    When I check the playbook
    Then followup says at line 4, column 20: '100000w' is not a duration (longer than 10 years); expected at most 10 years: 3653d, 521w or 120mo
    And followup says nothing else

  Scenario: A reminder that repeats without waiting is refused with the shortest wait
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
          advice: Ask how it is going.
          repeat: {every: 0d, max: 3}
      """
    When I check the playbook
    Then followup says at line 10, column 21: every 0d waits no time; expected at least 1d or 1bd
    And followup says nothing else

  Scenario: A minimum gap of no time is refused: it would promise nothing
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      limits:
        min_gap: 0d
      actions:
        - {id: thanks, in: interviewed, kind: thank_you, due: interview, advice: Thank them.}
      """
    When I check the playbook
    Then followup says at line 5, column 12: min_gap 0d promises nothing; expected at least 1d
    And followup says nothing else

  Scenario: A message template that does not render is found before any draft is written
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      title: Mine
      source: {title: My notes}
      templates:
        thank_you: "Thank you, {{ case.company }!"
      """
    When I check the playbook
    Then followup says at line 5, column 14: template 'thank_you'
    And followup says nothing else

  Scenario: A rule meant to replace an inherited one, with its id misspelt, is caught
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      extends: week-then-on-hold
      avoid:
        - id: no-stalkng
          advice: Don't look them up on every site you can find.
      """
    When I check the playbook
    Then followup says at line 4, column 9: 'no-stalkng' is not a rule of week-then-on-hold (did you mean 'no-stalking'?); expected the id of the rule it replaces, or 'new: true' to add it beside 'no-stalking'
    And followup says nothing else

  Scenario: A new rule whose id is close to an inherited one says it is new
    Given a playbook "mine.yaml" that reads:
      """
      id: mine
      extends: week-then-on-hold
      avoid:
        - id: no-stalking-online
          new: true
          advice: Don't look them up on every site you can find.
      """
    When I check the playbook
    Then followup accepts the playbook
