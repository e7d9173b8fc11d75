"""Run every scenario of every .feature file under features/ (sub-folders included)."""

from pytest_bdd import scenarios

scenarios(".")
