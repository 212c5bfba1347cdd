"""Whether the minute issued last still matches the meeting, and if not, what changed since.

Each issue keeps a fingerprint of what the minute was made from (`Issue.content`): one short hash per
record (a note, an action, a participant, the person's words...) and one per field of the meeting (its
title, its conclusion, the consent...). Comparing it with the meeting as it is now counts the records
added, changed and removed since: F6, F12, the launcher and `concertation list` say so in words, so that
nobody reads « Version 1 émise » over a meeting that has moved on. Pure: no Textual, no I/O.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..i18n import t
from .meeting import Issue, Meeting

LEFT_OUT = frozenset({"format_version", "created_at", "distribution", "progress", "revisions"})
"""Fields that are not what the minute says: the file's version, the issues themselves, where the
facilitator was and what is being typed (`progress`), and the earlier wordings of a corrected record
(`revisions`: the corrected record itself counts as changed, once)."""

KEYS = ("id", "who_id")
"""What names one element of a list (`network_map` places are named by who they place)."""

HASH_LENGTH = 16
"""Hex digits kept of each record's SHA-256: enough to tell a change, small in the file."""


def _hash(value: object) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def fingerprint(meeting: Meeting) -> dict[str, str]:
    """`field/id` (or `field` for what is not a list of records) -> the hash of what it holds now."""
    found: dict[str, str] = {}
    for name, value in meeting.model_dump(mode="json", exclude=set(LEFT_OUT)).items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for position, element in enumerate(value):
                key = next((str(element[k]) for k in KEYS if element.get(k)), f"#{position}")
                found[f"{name}/{key}"] = _hash(element)
        else:
            found[name] = _hash(value)
    return found


@dataclass(frozen=True)
class Changes:
    """What changed in the meeting since an issue of its minute."""

    version: int
    """The version issued last."""
    added: int = 0
    changed: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.removed

    @property
    def next_version(self) -> int:
        return self.version + 1


def changes_since(issue: Issue, meeting: Meeting) -> Changes | None:
    """What changed since `issue`; None when the issue kept no fingerprint (issued by an older program:
    nobody can tell)."""
    if not issue.content:
        return None
    before = issue.content
    now = fingerprint(meeting)
    return Changes(
        version=issue.version,
        added=sum(1 for key in now if key not in before),
        changed=sum(1 for key, value in now.items() if key in before and before[key] != value),
        removed=sum(1 for key in before if key not in now),
    )


def changes_since_last_issue(meeting: Meeting) -> Changes | None:
    """What changed since the last issue; None when the minute was never issued or when nobody can tell."""
    issues = meeting.distribution.issues
    return changes_since(issues[-1], meeting) if issues else None


def changes_words(changes: Changes, lang: str | None = None) -> str:
    """« 2 ajouts, 1 modification »: each count that is not zero, in words."""
    parts = [t(key, lang, count=count) for key, count in (
        ("minute_state.added", changes.added), ("minute_state.changed", changes.changed),
        ("minute_state.removed", changes.removed)) if count]
    return ", ".join(parts)


def outdated_sentence(changes: Changes, issued_on: str, lang: str | None = None) -> str:
    """« La version 1 émise le 26/10/2026 n'est plus à jour : 2 ajouts depuis. » (`issued_on` as shown)."""
    return t("minute_state.outdated", lang, version=changes.version, date=issued_on,
             changes=changes_words(changes, lang))
