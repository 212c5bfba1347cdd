"""Bring an older meeting file up to the current format, dict to dict, before validation.

Each migration takes the parsed JSON of version N and returns that of version N+1; it never reads
or writes a file. Old files are kept as test fixtures (tests/fixtures/meeting-v*.json) so that a
migration cannot silently stop working.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .meeting import FORMAT_VERSION

Document = dict[str, Any]

def _v1_to_v2(document: Document) -> Document:
    """Version 2 adds who the person lets receive the detailed minute (`consent.minute_readers`,
    `consent.minute_decided_by`), and life domains on the person's words, scale answers and open
    questions. A version-1 file never asked who reads the minute: the fields stay absent (not asked),
    and the checks say so before the minute goes out; its records without domains take their agenda
    item's, as version 1 already did for the consent. Nothing else changes."""
    return document


def _v2_to_v3(document: Document) -> Document:
    """Version 3 adds how the letter says each action to the person (`actions[].person_wording`), the
    minute's decision record (an agenda item's `outcome`, each party's `positions` in a disagreement, the
    meeting's `conclusion`, who made an issue: `by`), the map of the person's network (`network_map`),
    who may read a network member's name (`network[].visibility`), whether the room's screen is hidden
    (`progress.room_hidden`), the organisation's file number (`file_number`), and for an excused
    participant the text of their written contribution (`written_text`), the agenda items it is about
    (`written_item_ids`) and the message read in the meeting (`excused_message`). A version-2 file has none of them, all optional: the letter proposes
    each wording by rules, the minute derives the outcomes, there is no map yet, members are named
    wherever the minute goes, the room's screen is shown, the new texts stay empty. The facilitator now
    takes part in the round table, last unless the saved speaking order places them: a version-2 speaking
    order never named them, so they come last, as a new file would have them. Nothing is written."""
    return document


# MIGRATIONS[n] turns a version-n document into a version n+1 one.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2, 2: _v2_to_v3}


class VersionError(ValueError):
    """The document's format version is missing, not a number, or newer than this program."""

    def __init__(self, found: object) -> None:
        super().__init__("unsupported format_version")
        self.found = found


def migrate(document: Document) -> Document:
    """The document in the current format. Raises VersionError when it cannot be brought there."""
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise VersionError(version)
    if version > FORMAT_VERSION:
        raise VersionError(version)
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](dict(document))
        version += 1
        document["format_version"] = version
    return document
