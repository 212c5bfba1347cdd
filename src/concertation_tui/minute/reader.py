"""What one copy of the minute may carry: the meeting as its reader may see it.

The writers of the editions only ever see `visible_meeting(...)`, a copy of the meeting from which
every note the reader may not read has been taken out (`Visibility.allows`): oral-only notes for
everyone, restricted notes outside the copies of the recipients they name. What is not in that copy
cannot reach the file, whatever a section writes. The person's partial consent per life domain is
checked before the minute is written (`model.sharing.consent_conflicts`), not here.
"""

from __future__ import annotations

from ..model import Meeting, VisibilityKind
from ..model.sharing import notes, professional_copies


def visible_meeting(meeting: Meeting, recipient_id: str | None) -> Meeting:
    """The meeting with only the notes the copy for `recipient_id` carries (None: the common edition)."""

    def readable(found: list) -> list:
        return [note for note in found if note.visibility.allows(recipient_id)]

    return meeting.model_copy(
        update={
            "contributions": readable(meeting.contributions),
            "person_views": readable(meeting.person_views),
            "steps": readable(meeting.steps),
            "picture": readable(meeting.picture),
            "disagreements": readable(meeting.disagreements),
        }
    )


def holds_back(meeting: Meeting, recipient_id: str | None) -> bool:
    """Whether some restricted note is left out of this copy (oral-only notes are never mentioned)."""
    return any(
        n.visibility.kind is VisibilityKind.RESTRICTED and not n.visibility.allows(recipient_id)
        for n in notes(meeting)
    )


def copy_recipients(meeting: Meeting, recipient_id: str | None) -> list[str]:
    """Who receives the same personal copy as `recipient_id` (the same restricted notes), them first.

    Empty when the copy carries no restricted note (it is then the common edition). Judged on the whole
    meeting, so that two recipients share a copy only when they may read exactly the same notes.
    """
    restricted = [n for n in notes(meeting) if n.visibility.kind is VisibilityKind.RESTRICTED]
    if recipient_id is None or not any(n.visibility.allows(recipient_id) for n in restricted):
        return []
    for copy in professional_copies(meeting):
        if recipient_id in copy.recipient_ids:
            return [recipient_id, *(pid for pid in copy.recipient_ids if pid != recipient_id)]
    return [recipient_id]
