"""Strings of the interface's series, follow-up review and coordination screens (en)."""

STRINGS: dict[str, str] = {}
