"""Strings of the interface (fr)."""

STRINGS: dict[str, str] = {}
