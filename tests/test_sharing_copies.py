"""The copies of the minute worked out by kind of record give what the rule gives record by record.

`professional_copies` groups records alike for the consent and looks one by one only at the records
that concern a reader (`model.sharing`); the rule it must agree with is `reaches`, asked for every
record and reader. Generated meetings mix every consent status, rules per domain (all, named, none),
restricted records and actions carried, helped or checked by readers.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concertation_tui.minute.reader import copy_readers, copy_recipients, holds_back, overridden_ids, visible_meeting
from concertation_tui.model import (
    Action,
    AgendaItem,
    ConsentStatus,
    Contribution,
    Domain,
    DomainSharing,
    Meeting,
    Participant,
    ParticipantKind,
    Visibility,
    VisibilityKind,
)
from concertation_tui.model.meeting import DomainConsent, SharingConsent
from concertation_tui.model.sharing import (
    Copy,
    conflicts_by_record,
    consent_conflicts_for,
    covered,
    notes,
    professional_copies,
    reaches,
)
from concertation_tui.services.issuing import conflict_lines, record_lines

DOMAINS = list(Domain)[:4]  # few domains: records alike for the consent are many


def copies_record_by_record(meeting: Meeting, *, override: bool = False) -> list[Copy]:
    """`professional_copies` as the rule reads: every record asked for every reader."""
    every = notes(meeting)
    common = {n.id for n in every if reaches(meeting, n, None)}
    groups: dict[tuple, list[str]] = {}
    for participant in meeting.minute_recipients():
        if participant.kind is ParticipantKind.PERSON:
            continue
        key = tuple(n.id for n in every if n.id not in common and reaches(meeting, n, participant.id))
        seen = tuple(n.id for n in every if n.visibility.allows(participant.id)) if override else ()
        groups.setdefault((key, seen), []).append(participant.id)
    copies = [Copy(tuple(ids), key) for (key, _), ids in groups.items()]
    return sorted(copies, key=lambda c: (not c.is_common, c.recipient_ids))


@st.composite
def meetings(draw) -> Meeting:
    kinds = draw(st.lists(st.sampled_from([ParticipantKind.PARTNER, ParticipantKind.NETWORK]), min_size=2, max_size=7))
    participants = [Participant(name="Joseph Lambert", kind=ParticipantKind.PERSON)]
    participants += [Participant(name=f"Partenaire {n}", kind=kind, receives_minute=draw(st.booleans()) or n < 2)
                     for n, kind in enumerate(kinds)]
    draw(st.randoms()).shuffle(participants)  # the person anywhere in the list
    ids = [p.id for p in participants]
    items = [AgendaItem(title=f"Point {n}", domains=draw(st.lists(st.sampled_from(DOMAINS), max_size=2, unique=True)))
             for n in range(3)]
    domains = st.lists(st.sampled_from(DOMAINS), max_size=2, unique=True)
    visibility = st.builds(Visibility, kind=st.sampled_from(VisibilityKind),
                           recipients=st.lists(st.sampled_from(ids), max_size=3, unique=True))
    contributions = draw(st.lists(st.builds(
        Contribution, speaker_id=st.sampled_from(ids), item_id=st.sampled_from([i.id for i in items]),
        text=st.just("Une note."), domains=domains, visibility=visibility), max_size=14))
    actions = draw(st.lists(st.builds(
        Action, what=st.just("Appeler le service."), carrier_id=st.sampled_from(["", *ids]),
        supporters=st.lists(st.sampled_from(ids), max_size=2, unique=True),
        checker_id=st.sampled_from(["", *ids]), item_id=st.sampled_from([i.id for i in items]), domains=domains),
        max_size=8))
    rules = [DomainConsent(domain=d, sharing=draw(st.sampled_from(DomainSharing)),
                           participants=draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)))
             for d in draw(st.lists(st.sampled_from(DOMAINS), max_size=4, unique=True))]
    consent = SharingConsent(status=draw(st.sampled_from(ConsentStatus)), domains=rules)
    for n, record in enumerate([*contributions, *actions]):  # each record's line tells it apart
        if isinstance(record, Contribution):
            record.text = f"Note {n}."
        else:
            record.what = f"Action {n}."
    return Meeting(title="Réunion", participants=participants, agenda=items, contributions=contributions,
                   actions=actions, consent=consent)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(meetings(), st.booleans())
def test_the_copies_are_those_of_the_rule_record_by_record(meeting: Meeting, override: bool) -> None:
    assert professional_copies(meeting, override=override) == copies_record_by_record(meeting, override=override)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(meetings())
def test_each_copy_carries_what_the_rule_lets_its_reader_read(meeting: Meeting) -> None:
    every = notes(meeting)
    for reader in [None, *(p.id for p in meeting.participants)]:
        visible = visible_meeting(meeting, reader)
        kept = {c.id for c in visible.contributions}
        assert kept == {n.id for n in every if n.kind == "contribution" and reaches(meeting, n, reader)}
        assert holds_back(meeting, reader) == any(
            n.visibility.kind is not VisibilityKind.ORAL_ONLY and not reaches(meeting, n, reader) for n in every)
        assert overridden_ids(meeting, reader) == {
            n.id for n in every if n.visibility.allows(reader) and not covered(meeting, n, reader)}
        mine = copy_recipients(meeting, reader)
        assert copy_readers(meeting, reader, mine) == (mine or ([reader] if reader is not None else next(
            (list(c.recipient_ids) for c in copies_record_by_record(meeting) if c.is_common), [])))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(meetings())
def test_the_commands_lines_on_consent_are_those_of_every_conflict(meeting: Meeting) -> None:
    """`concertation minute` prints the records beyond consent from their grouping per record (a very
    large meeting had built 930,000 record-recipient pairs for 20 lines): the same lines, in order."""
    readers = [p.id for p in meeting.minute_recipients()]
    pairs: dict[str, tuple] = {}
    for conflict in consent_conflicts_for(meeting, readers):
        pairs.setdefault(conflict.note.id, (conflict.note, []))[1].append((conflict.recipient_id, conflict.domain))
    assert [(note, list(found)) for note, found in conflicts_by_record(meeting, readers)] == list(pairs.values())
    grouped = record_lines(conflicts_by_record(meeting, readers), meeting, "fr", most=5)
    assert grouped == conflict_lines(consent_conflicts_for(meeting, readers), meeting, "fr", most=5)
