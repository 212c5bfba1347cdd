"""Who learns what: the notes each copy of the minute carries, and where that goes beyond consent.

Pure: computed from one meeting. The minute builder writes what `Visibility.allows` lets through;
this module tells, before anything is written, which distinct copies exist and which notes would
reach a recipient outside the person's consent for that life domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import ConsentStatus, Domain, DomainSharing, ParticipantKind, VisibilityKind
from .meeting import Meeting, Visibility


@dataclass(frozen=True)
class Note:
    """Any written element of the meeting with a visibility, seen the same way."""

    kind: str
    """'contribution', 'person_view', 'step', 'picture' or 'disagreement'."""
    id: str
    text: str
    domains: tuple[Domain, ...]
    visibility: Visibility
    item_id: str = ""
    author_id: str = ""


def notes(meeting: Meeting) -> list[Note]:
    person = meeting.person
    found = [
        Note("contribution", c.id, c.text, tuple(c.domains), c.visibility, c.item_id, c.speaker_id)
        for c in meeting.contributions
    ]
    found += [
        Note("person_view", v.id, v.text, (), v.visibility, v.item_id, person.id if person else "")
        for v in meeting.person_views
    ]
    found += [Note("step", s.id, s.what, (s.domain,), s.visibility, s.item_id, s.carrier_id) for s in meeting.steps]
    found += [
        Note("picture", p.id, p.text, tuple(p.domains), p.visibility, p.item_id, p.voice_id) for p in meeting.picture
    ]
    found += [
        Note("disagreement", d.id, d.about, tuple(d.domains), d.visibility, d.item_id) for d in meeting.disagreements
    ]
    return found


def visible_notes(meeting: Meeting, recipient_id: str | None) -> list[Note]:
    """The notes the copy for `recipient_id` carries (None: the common edition)."""
    return [n for n in notes(meeting) if n.visibility.allows(recipient_id)]


@dataclass(frozen=True)
class Copy:
    """One distinct professional copy: the recipients who get it and the restricted notes it adds."""

    recipient_ids: tuple[str, ...]
    restricted_note_ids: tuple[str, ...]

    @property
    def is_common(self) -> bool:
        return not self.restricted_note_ids


def professional_copies(meeting: Meeting) -> list[Copy]:
    """The distinct copies of the professional minute for the distribution list, common copy first.

    The person receives the letter; the other recipients are grouped by the restricted notes they may
    read, so that a group with the same notes gets one file.
    """
    restricted = [n for n in notes(meeting) if n.visibility.kind is VisibilityKind.RESTRICTED]
    groups: dict[tuple[str, ...], list[str]] = {}
    for participant in meeting.minute_recipients():
        if participant.kind is ParticipantKind.PERSON:
            continue
        key = tuple(n.id for n in restricted if participant.id in n.visibility.recipients)
        groups.setdefault(key, []).append(participant.id)
    copies = [Copy(tuple(ids), key) for key, ids in groups.items()]
    return sorted(copies, key=lambda c: (not c.is_common, c.recipient_ids))


@dataclass(frozen=True)
class ConsentConflict:
    """A note of a life domain that a recipient's copy would carry outside the person's consent."""

    note: Note
    domain: Domain | None
    recipient_id: str


def _allowed(meeting: Meeting, domain: Domain, recipient_id: str) -> bool:
    consent = meeting.consent
    for rule in consent.domains:
        if rule.domain is domain:
            if rule.sharing is DomainSharing.ALL:
                return True
            if rule.sharing is DomainSharing.NAMED:
                return recipient_id in rule.participants
            return False
    return False  # a partial consent that does not name the domain does not cover it


def consent_needs_domains(meeting: Meeting) -> bool:
    """A partial consent recorded only in words (older files): to be completed per life domain."""
    return meeting.consent.status is ConsentStatus.PARTIAL and not meeting.consent.domains


def consent_conflicts(meeting: Meeting, recipient_id: str) -> list[ConsentConflict]:
    """The notes of the recipient's copy that go beyond the person's consent (none for the person)."""
    return consent_conflicts_for(meeting, [recipient_id])


def consent_conflicts_for(meeting: Meeting, recipient_ids: list[str]) -> list[ConsentConflict]:
    """`consent_conflicts` for several recipients, the notes gathered once (a large meeting has many)."""
    consent = meeting.consent
    if consent.status is ConsentStatus.GIVEN or consent_needs_domains(meeting):
        return []
    every_note = [n for n in notes(meeting) if n.domains]
    found = []
    for recipient_id in recipient_ids:
        recipient = meeting.participant(recipient_id)
        if recipient is None or recipient.kind is ParticipantKind.PERSON:
            continue
        for note in every_note:
            if not note.visibility.allows(recipient_id):
                continue
            if consent.status in (ConsentStatus.REFUSED, ConsentStatus.NOT_ASKED):
                found.append(ConsentConflict(note, note.domains[0], recipient_id))
                continue
            outside = next((d for d in note.domains if not _allowed(meeting, d, recipient_id)), None)
            if outside is not None:
                found.append(ConsentConflict(note, outside, recipient_id))
    return found
