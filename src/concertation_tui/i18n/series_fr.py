"""Strings of the interface's series, follow-up review and coordination screens (fr)."""

STRINGS: dict[str, str] = {}
