"""Strings of the minute (en)."""

STRINGS: dict[str, str] = {}
