"""The job seeker's tracker: applications and their append-only history in a local SQLite file.

`store` holds the data and the API every other part reads and writes through; `schema` holds the
tables, triggers and migrations.  What the commands *do* with it (record, plan, list what is due,
exchange case files) is in `followup.services`.
"""
