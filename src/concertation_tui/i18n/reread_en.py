"""Strings of the interface's rereading, preview and issuing screens (en)."""

STRINGS: dict[str, str] = {}
