"""Who learns what: every record about the person, each copy of the minute, and the person's consent.

Pure: computed from one meeting. One rule for every record written about the person (notes, the
person's words, actions with their agreement quotes, steps in progress, shared-picture lines,
disagreements, scale comments, open questions, the review of carried actions): a professional copy
carries a record when its visibility lets the reader read it *and* the person's consent covers every
life domain of the record for that reader. A domain the consent never names is not shared beyond the
meeting. The letter to the person is theirs: consent does not narrow it, only oral-only keeps words out.

An action's carrier, helpers and checker are readers like the others: the consent decides for them too.
Ticking someone as « qui aide » is not the person's agreement that they learn about her health; when the
consent keeps an action from someone it concerns, that is a consent conflict, named with the record and
the reader before the minute goes out (asked of the person, or sent anyway with a reason).
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import ConsentStatus, Domain, DomainSharing, ParticipantKind, VisibilityKind
from .kinds import KINDS, WRITTEN, Note, Seen  # noqa: F401 (Note and WRITTEN are read from here too)
from .meeting import Meeting


def notes(meeting: Meeting) -> list[Note]:
    """Every record about the person, in the order of the minute's sections (each kind as `kinds` sees it)."""
    seen = Seen.of(meeting)
    return [kind.note(record, seen) for kind in KINDS.values() for record in getattr(meeting, kind.collection)]


# -- the consent ---------------------------------------------------------------------------------


def _allowed(meeting: Meeting, domain: Domain, recipient_id: str | None) -> bool:
    """Whether a partial consent lets `domain` reach `recipient_id` (None: every recipient at once)."""
    for rule in meeting.consent.domains:
        if rule.domain is domain:
            if rule.sharing is DomainSharing.ALL:
                return True
            if rule.sharing is DomainSharing.NAMED:
                return recipient_id is not None and recipient_id in rule.participants
            return False
    return False  # a domain never asked is not shared beyond the meeting


def agreed_reader(meeting: Meeting, participant_id: str) -> bool:
    """Whether the person agreed that `participant_id` may learn about their situation beyond the meeting:
    the person themselves; else, once the person chose who receives the detailed minute, those chosen;
    before that, whoever the consent shares at least one life domain with (given: everyone)."""
    reader = meeting.participant(participant_id)
    if reader is None:
        return False
    if reader.kind is ParticipantKind.PERSON:
        return True
    consent = meeting.consent
    if consent.minute_readers is not None:
        return participant_id in consent.minute_readers
    if consent.status is ConsentStatus.GIVEN:
        return True
    if consent.status is ConsentStatus.PARTIAL:
        return any(_allowed(meeting, rule.domain, participant_id) for rule in consent.domains)
    return False


def invitees_outside_consent(meeting: Meeting) -> list[str]:
    """Invitees to the next meeting the person did not agree may learn about their situation.

    Invitees carry no life domain: what they hear at the next meeting (the review of the actions, the
    questions carried) and what its minute tells them is the person's situation as a whole. Being invited
    is not an agreement to know; the consent is (`agreed_reader`). The facilitator, who holds the file, is
    never outside. Such an invitee is flagged before the minute goes out, and a follow-up built from this
    meeting invites them without a copy of its minute (model.followup)."""
    return [pid for pid in meeting.next_meeting.invitees
            if pid != meeting.facilitator_id and not agreed_reader(meeting, pid)]


class Consent:
    """The consent's rule for one meeting read for many records and readers (a copy, the copies).

    What depends only on the meeting is worked out once: who is the person, and which domains a
    partial consent shares with each reader. Asked per record and reader, the reader's lookup among
    the participants made the very large meeting's copies cost 240,000 scans of 550 participants."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.persons = frozenset(p.id for p in meeting.participants if p.kind is ParticipantKind.PERSON)
        self.status = meeting.consent.status
        self._shared: dict[str | None, frozenset[Domain]] = {}

    def shared_with(self, recipient_id: str | None) -> frozenset[Domain]:
        """The domains a partial consent lets reach `recipient_id` (None: every recipient at once)."""
        found = self._shared.get(recipient_id)
        if found is None:
            found = self._shared[recipient_id] = frozenset(
                d for d in Domain if _allowed(self.meeting, d, recipient_id))
        return found

    def covers(self, domains: tuple[Domain, ...], recipient_id: str | None) -> bool:
        """`consent_covers`."""
        if not domains:
            return True
        if recipient_id is not None and recipient_id in self.persons:
            return True
        if self.status is ConsentStatus.GIVEN:
            return True
        if self.status is ConsentStatus.PARTIAL:
            shared = self.shared_with(recipient_id)
            return all(d in shared for d in domains)
        return False  # refused, or never asked

    def covered(self, note: Note, recipient_id: str | None) -> bool:
        """`covered`."""
        return self.covers(note.domains, recipient_id)

    def reaches(self, note: Note, recipient_id: str | None) -> bool:
        """`reaches`."""
        return note.visibility.allows(recipient_id) and self.covered(note, recipient_id)


def consent_covers(meeting: Meeting, domains: tuple[Domain, ...], recipient_id: str | None) -> bool:
    """Whether the person's consent lets a record of `domains` reach `recipient_id`'s copy.

    None is the common edition, read by every recipient: only what is shared with all. The person's own
    copy is always covered (it is their information)."""
    return Consent(meeting).covers(domains, recipient_id)


def covered(meeting: Meeting, note: Note, recipient_id: str | None) -> bool:
    """Whether the consent lets `note` reach `recipient_id` (who an action concerns too: see the module)."""
    return Consent(meeting).covered(note, recipient_id)


def outside_domain(meeting: Meeting, note: Note, recipient_id: str | None) -> Domain | None:
    """The first domain of `note` the consent does not share with `recipient_id` (None: all covered)."""
    if covered(meeting, note, recipient_id):
        return None
    if meeting.consent.status is not ConsentStatus.PARTIAL:
        return note.domains[0]
    return next(d for d in note.domains if not _allowed(meeting, d, recipient_id))


def reaches(meeting: Meeting, note: Note, recipient_id: str | None) -> bool:
    """Whether the copy for `recipient_id` carries `note` (its visibility and the consent both allow).

    For many records, `Consent(meeting).reaches` (the same rule, the meeting read once)."""
    return Consent(meeting).reaches(note, recipient_id)


def visible_notes(meeting: Meeting, recipient_id: str | None) -> list[Note]:
    """The records the copy for `recipient_id` carries (None: the common edition)."""
    consent = Consent(meeting)
    return [n for n in notes(meeting) if consent.reaches(n, recipient_id)]


def domains_never_asked(meeting: Meeting) -> list[Domain]:
    """Life domains records use that a partial consent does not name: shared with nobody."""
    if meeting.consent.status is not ConsentStatus.PARTIAL:
        return []
    named = {rule.domain for rule in meeting.consent.domains}
    used = {d for note in notes(meeting) if note.visibility.kind is not VisibilityKind.ORAL_ONLY for d in note.domains}
    return [d for d in Domain if d in used and d not in named]


# -- the copies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Copy:
    """One distinct professional copy: the recipients who get it and the records it adds to the common one."""

    recipient_ids: tuple[str, ...]
    restricted_note_ids: tuple[str, ...]
    """Records this copy carries beyond the common edition (restricted to its readers, or a domain shared
    with them by name)."""

    @property
    def is_common(self) -> bool:
        return not self.restricted_note_ids


def professional_copies(meeting: Meeting, *, override: bool = False) -> list[Copy]:
    """The distinct copies of the professional minute for the distribution list, common copy first.

    The person receives the letter; the other recipients are grouped by the records they may read, so
    that a group reading the same records gets one file. With `override` (records beyond the consent
    sent anyway, marked), two readers share a file only if their visibility also lets through the same.

    Records alike for the consent (same domains and visibility) get one answer per reader: 550 recipients
    by 1,700 records made one answer per record and reader cost seconds.
    """
    consent = Consent(meeting)
    every = notes(meeting)
    alike: dict[tuple, list[int]] = {}  # records alike for the consent -> their places in `every`
    for n, note in enumerate(every):
        alike.setdefault(_alike(note), []).append(n)
    sample = {key: every[found[0]] for key, found in alike.items()}
    beyond = {key: found for key, found in alike.items() if not consent.reaches(sample[key], None)}
    shown: dict[tuple, list[int]] = {}  # records alike for the visibility alone (the override)
    if override:
        for n, note in enumerate(every):
            shown.setdefault(_alike(note)[1:], []).append(n)
    groups: dict[tuple[tuple[str, ...], frozenset], list[str]] = {}
    for participant in meeting.minute_recipients():
        if participant.kind is ParticipantKind.PERSON:
            continue
        pid = participant.id
        reached = {n for key, found in beyond.items()
                   if sample[key].visibility.allows(pid) and consent.covers(sample[key].domains, pid) for n in found}
        key = tuple(every[n].id for n in sorted(reached))
        seen = frozenset(k for k, found in shown.items() if every[found[0]].visibility.allows(pid))
        groups.setdefault((key, seen), []).append(pid)
    copies = [Copy(tuple(ids), key) for (key, _), ids in groups.items()]
    return sorted(copies, key=lambda c: (not c.is_common, c.recipient_ids))


def _alike(note: Note) -> tuple:
    """What the consent's answer for `note` depends on, whoever reads it."""
    visibility = note.visibility
    restricted = tuple(visibility.recipients) if visibility.kind is VisibilityKind.RESTRICTED else ()
    return (note.domains, visibility.kind, restricted)


@dataclass(frozen=True)
class ConsentConflict:
    """A record a recipient may read by its visibility but that the person's consent keeps from them:
    left out of their copy, unless the facilitator gives a reason to send it anyway (an override)."""

    note: Note
    domain: Domain | None
    recipient_id: str


def consent_needs_domains(meeting: Meeting) -> bool:
    """A partial consent recorded only in words (older files): to be completed per life domain."""
    return meeting.consent.status is ConsentStatus.PARTIAL and not meeting.consent.domains


def consent_conflicts(meeting: Meeting, recipient_id: str) -> list[ConsentConflict]:
    """The records kept out of the recipient's copy by the person's consent (none for the person)."""
    return consent_conflicts_for(meeting, [recipient_id])


def consent_conflicts_for(meeting: Meeting, recipient_ids: list[str]) -> list[ConsentConflict]:
    """`consent_conflicts` for several recipients, the records gathered once (a large meeting has many).

    The same rule as `outside_domain` for each note and recipient, with what depends only on the
    recipient worked out once per recipient: 140 recipients by 1,700 records made the per-note
    lookups (the reader among the participants, each domain among the consent's rules) cost 12 s."""
    status = meeting.consent.status
    if status is ConsentStatus.GIVEN:
        return []
    every_note = [n for n in notes(meeting) if n.domains]
    by_id = {p.id: p for p in meeting.participants}
    partial = status is ConsentStatus.PARTIAL
    found = []
    for recipient_id in recipient_ids:
        recipient = by_id.get(recipient_id)
        if recipient is None or recipient.kind is ParticipantKind.PERSON:
            continue
        shared = {d for d in Domain if _allowed(meeting, d, recipient_id)} if partial else set()
        for note in every_note:
            if not note.visibility.allows(recipient_id):
                continue
            outside = next((d for d in note.domains if d not in shared), None)
            if outside is not None:
                found.append(ConsentConflict(note, outside, recipient_id))
    return found


def conflicts_by_record(meeting: Meeting, recipient_ids: list[str]) -> list[tuple[Note, list[tuple[str, Domain]]]]:
    """`consent_conflicts_for` grouped by record: each record kept out of some copies, with those
    recipients in order and, for each, the first domain kept out; records in the order the grouping of
    `consent_conflicts_for` gives them (by the first recipient whose copy leaves them out).

    Records alike for the consent (same domains and visibility) have the same answer: it is worked out
    once per kind of record, not once per record and recipient (the readiness checks run after every
    change, and a meeting with many partners has thousands of records). Who an action concerns is a
    reader like the others (see the module)."""
    status = meeting.consent.status
    if status is ConsentStatus.GIVEN:
        return []
    by_id = {p.id: p for p in meeting.participants}
    readers = [rid for rid in recipient_ids
               if (found := by_id.get(rid)) is not None and found.kind is not ParticipantKind.PERSON]
    partial = status is ConsentStatus.PARTIAL
    shared = {rid: {d for d in Domain if _allowed(meeting, d, rid)} if partial else set() for rid in readers}
    rank = {rid: n for n, rid in reversed(list(enumerate(readers)))}
    answers: dict[tuple, tuple[list[tuple[str, Domain]], frozenset[str]]] = {}
    kept_out = []
    for note in notes(meeting):
        if not note.domains:
            continue
        visibility = note.visibility
        alike = _alike(note)
        found = answers.get(alike)
        if found is None:
            pairs = []
            for rid in readers:
                if not visibility.allows(rid):
                    continue
                outside = next((d for d in note.domains if d not in shared[rid]), None)
                if outside is not None:
                    pairs.append((rid, outside))
            found = answers[alike] = (pairs, frozenset(rid for rid, _domain in pairs))
        answer, _named = found
        if answer:
            kept_out.append((note, answer))
    kept_out.sort(key=lambda found: rank[found[1][0][0]])  # stable: the records' order within
    return kept_out

