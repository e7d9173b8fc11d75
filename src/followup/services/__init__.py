"""What the commands do, between reading their arguments and printing: the application layer.

Each module answers one kind of request by combining the parts below it (the tracker's store,
the catalog of playbooks, the engine, the calendars), without knowing how the request was made:
no command-line flag is named here.  Where a value came from matters in an error, the caller
passes its name in (`labels`).

- `cases`: a case file read, its business calendar, its "today", its playbook.
- `recording`: add (refusing a likely duplicate), log, undo (the latest or a chosen entry),
  snooze, unsnooze, close, reopen, archive and unarchive on a tracked application.
- `editing`: correcting an application's facts, as an entry of its history.
- `history`: what was recorded across applications, by day.
- `planning`: the playbook and plan of a tracked application.
- `today`: what is due and coming across every open application, how each step is recorded,
  and what the playbook closed today.
- `exchange`: case files into and out of the tracker.
- `doctor`: is the tracker sound (file, schema, safeguards, each application), and repairs that
  only add.
- `labels`: checking values by the case-file rules, each problem named as its caller asks.
"""
