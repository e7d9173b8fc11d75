"""File languages declared once, and everything derived from each declaration.

`spec` has the node types; `case_format` declares the case file; `decode` and `mappings`
compile a declaration into a located decoder; `schemas` generates the shipped JSON Schemas and
`reference` the docs' key tables.  The playbook language is still read by
`followup.language.playbook_loader` against its hand-written schema.
"""
