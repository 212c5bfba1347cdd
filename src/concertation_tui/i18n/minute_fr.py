"""Strings of the minute (fr)."""

STRINGS: dict[str, str] = {}
