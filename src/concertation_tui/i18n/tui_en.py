"""Strings of the interface (en)."""

STRINGS: dict[str, str] = {}
