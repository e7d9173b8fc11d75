"""Checking user files against the shipped JSON Schemas, and ``followup validate``.

The loaders in `followup.io` are the real gate; the schemas describe the same language for
editors and other tools, and `followup.validate.schema` turns their complaints into the same
located, plain-language problems the loaders report.
"""
