"""File names of the minute: the date and the edition, never a person's name."""

from __future__ import annotations

import hashlib
import re

from ..i18n import t
from ..model import Edition, Meeting
from ..model.checks import names_person


def _opaque(recipient_id: str) -> str:
    """A short suffix for a recipient's copy: the start of their opaque id, else a hash of it."""
    plain = re.sub(r"[^0-9a-z]", "", recipient_id.lower())
    if len(plain) >= 6 and plain == recipient_id:
        return plain[:8]
    return hashlib.sha256(recipient_id.encode("utf-8")).hexdigest()[:8]


FILE_NUMBER_LIMIT = 40
"""The longest file number kept in a file name."""


def filing_part(file_number: str) -> str:
    """The organisation's file number as it can stand in a file name: letters, digits, '-', '_' and '.'
    only ('/' and spaces become '-'), no leading dot, at most FILE_NUMBER_LIMIT characters; '' when none
    is left. `concertation check` says when the number typed is not usable as it is."""
    cleaned = re.sub(r"[\s/\\]+", "-", file_number.strip())
    cleaned = re.sub(r"[^0-9A-Za-z._-]", "", cleaned).strip(".-_")
    return cleaned[:FILE_NUMBER_LIMIT].rstrip(".-_")


def minute_file_name(meeting: Meeting, edition: Edition, recipient_id: str | None = None) -> str:
    """'2026-11-23-1a2b3c-compte-rendu.docx', '2026-11-23-1a2b3c-lettre-a-la-personne.docx', and for a
    recipient's copy '2026-11-23-1a2b3c-compte-rendu-copie-1a2b3c4d.docx' (English: 'minute',
    'letter-to-the-person', 'copy').

    The start of the meeting's opaque id follows the date: two meetings held the same day (around two
    people) never write over each other's minute in a shared folder. The organisation's file number,
    when there is one, comes before it ('2026-11-23-D2026-0412-1a2b3c-compte-rendu.docx'): the file is
    filed by number, never by the person's name.
    """
    lang = meeting.language.value
    parts = [meeting.date.isoformat()] if meeting.date else []
    filing = filing_part(meeting.file_number)
    if filing and not names_person(filing, meeting):  # `check` refuses such a number; never in a file name
        parts.append(filing)
    parts.append(_opaque(meeting.id)[:6])
    parts.append(t(f"minute.file.{Edition(edition).value}", lang))
    if recipient_id and Edition(edition) is Edition.PROFESSIONAL:
        parts.append(f"{t('minute.file.copy', lang)}-{_opaque(recipient_id)}")
    return "-".join(parts) + ".docx"
