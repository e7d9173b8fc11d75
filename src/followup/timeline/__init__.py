"""Dates and durations: parsing playbook durations and counting business days.

Nothing in this package reads the wall clock; every function takes the dates it works on.
"""
