"""Checking user files, and ``followup validate``.

Case files are checked by the one case decoder (`followup.language.case_format`), which the
shipped case schema is generated from.  Playbooks are checked by the loaders in `followup.io`;
`followup.validate.schema` turns the hand-written playbook schema's complaints into the same
located, plain-language problems.
"""
