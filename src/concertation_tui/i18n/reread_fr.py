"""Strings of the interface's rereading, preview and issuing screens (fr)."""

STRINGS: dict[str, str] = {}
