"""``followup validate``: every problem in every playbook, case file or batch, located.

Case files are checked by the one case decoder (`followup.language.case_format`), which the
shipped case schema is generated from.  Playbooks are checked by the playbook loader in
`followup.language`, which reads the declaration the shipped playbook schema is generated from
and refuses all the schema refuses: no JSON Schema validation runs here.
"""
