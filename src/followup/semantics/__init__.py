"""The engine's fixed semantics, written once and read by every part that needs them.

`meaning` holds the data (what each recorded event and each reply outcome does, the engine's
constants); it imports nothing but the model, and is on the engine's hot path.  `rules` turns
that data into sentences for people (``followup show``, docs/engine-rules.md) and checks it
against the vocabulary.  Nothing is imported here, so the engine does not load `rules`.

To add an event type or a reply outcome: add its word to `followup.model.vocabulary`, then its
meaning in `meaning`; tests fail until the vocabulary, the meanings, the engine, lint and the
docs agree.
"""
