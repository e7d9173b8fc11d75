"""``followup validate``: every problem in every playbook, case file or batch, located.

Case files are checked by the one case decoder (`followup.language.case_format`), which the
shipped case schema is generated from.  Playbooks are checked by the playbook loader in
`followup.language`; `followup.language.schema_check` adds the hand-written playbook schema's
view of a broken playbook, in the same located, plain-language form.
"""
