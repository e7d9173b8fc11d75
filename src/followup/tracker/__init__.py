"""The job seeker's tracker: applications and their append-only history in a local SQLite file.

`store` holds the data and the API every other part reads and writes through; `transactions`
how each write is one transaction (and reads share a snapshot); `records` the rows as the rest
reads them; `connection` SQLite's errors and the busy retry; `schema` the tables,
the triggers that keep the history append-only (and the check that they are still there) and
the migrations.  What the commands *do* with it (record, plan, list what is due,
exchange case files) is in `followup.services`.
"""
