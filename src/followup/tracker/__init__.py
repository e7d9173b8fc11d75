"""The job seeker's tracker: applications and their append-only history in a local SQLite file.

`store` holds the data and the API other commands read through; `apps` records what happens
(add, log, undo, snooze, close, reopen); `queue` answers "what is due today"; `exchange` reads
and writes case files.
"""
