"""File names of the minute: the date and the edition, never a person's name."""

from __future__ import annotations

import hashlib
import re

from ..i18n import t
from ..model import Edition, Meeting


def _opaque(recipient_id: str) -> str:
    """A short suffix for a recipient's copy: the start of their opaque id, else a hash of it."""
    plain = re.sub(r"[^0-9a-z]", "", recipient_id.lower())
    if len(plain) >= 6 and plain == recipient_id:
        return plain[:8]
    return hashlib.sha256(recipient_id.encode("utf-8")).hexdigest()[:8]


def minute_file_name(meeting: Meeting, edition: Edition, recipient_id: str | None = None) -> str:
    """'2026-11-23-1a2b3c-compte-rendu.docx', '2026-11-23-1a2b3c-lettre-a-la-personne.docx', and for a
    recipient's copy '2026-11-23-1a2b3c-compte-rendu-copie-1a2b3c4d.docx' (English: 'minute',
    'letter-to-the-person', 'copy').

    The start of the meeting's opaque id follows the date: two meetings held the same day (around two
    people) never write over each other's minute in a shared folder.
    """
    lang = meeting.language.value
    parts = [meeting.date.isoformat()] if meeting.date else []
    parts.append(_opaque(meeting.id)[:6])
    parts.append(t(f"minute.file.{Edition(edition).value}", lang))
    if recipient_id and Edition(edition) is Edition.PROFESSIONAL:
        parts.append(f"{t('minute.file.copy', lang)}-{_opaque(recipient_id)}")
    return "-".join(parts) + ".docx"
