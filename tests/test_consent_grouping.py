"""The readiness checks group the records the consent keeps out of copies once per kind of record (a
large meeting has thousands): the answer must be the one the record-by-record rule gives."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from concertation_tui.demo import demo_meeting
from concertation_tui.model import (
    ConsentStatus,
    Domain,
    DomainConsent,
    DomainSharing,
    Meeting,
    VisibilityKind,
)
from concertation_tui.model.sharing import conflicts_by_record, consent_conflicts_for, notes, outside_domain

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sizes import large_meeting  # noqa: E402


def record_by_record(meeting: Meeting, recipient_ids: list[str]) -> list[tuple[str, list[tuple[str, Domain]]]]:
    """The rule applied to each recipient and record, grouped by record in first-found order."""
    grouped: dict[str, list[tuple[str, Domain]]] = {}
    for rid in recipient_ids:
        reader = meeting.participant(rid)
        if reader is None or reader.kind.value == "person" or meeting.consent.status is ConsentStatus.GIVEN:
            continue
        for note in notes(meeting):
            if not note.domains or not note.visibility.allows(rid):
                continue
            outside = outside_domain(meeting, note, rid)
            if outside is not None:
                grouped.setdefault(note.id, []).append((rid, outside))
    return list(grouped.items())


def shaken(meeting: Meeting, seed: int) -> Meeting:
    """The meeting with a random consent per domain, some restricted and oral-only records."""
    rng = random.Random(seed)
    people = [p.id for p in meeting.participants]
    meeting.consent.status = rng.choice(list(ConsentStatus))
    meeting.consent.domains = [
        DomainConsent(domain=d, sharing=rng.choice(list(DomainSharing)),
                      participants=rng.sample(people, min(3, len(people))))
        for d in rng.sample(list(Domain), 4)
    ]
    for contribution in meeting.contributions:
        if rng.random() < 0.3:
            contribution.visibility.kind = VisibilityKind.RESTRICTED
            contribution.visibility.recipients = rng.sample(people, min(2, len(people)))
        elif rng.random() < 0.1:
            contribution.visibility.kind = VisibilityKind.ORAL_ONLY
        if rng.random() < 0.3:
            contribution.domains = rng.sample(list(Domain), 2)
    return meeting


@pytest.mark.parametrize("seed", range(12))
def test_grouped_conflicts_are_those_of_the_rule_record_by_record(seed: int) -> None:
    meeting = shaken(demo_meeting() if seed % 2 else large_meeting(1, seed=seed), seed)
    readers = [p.id for p in meeting.minute_recipients()]
    expected = record_by_record(meeting, readers)
    assert [(note.id, kept) for note, kept in conflicts_by_record(meeting, readers)] == expected
    flat = [(c.note.id, c.recipient_id, c.domain) for c in consent_conflicts_for(meeting, readers)]
    assert sorted(flat) == sorted((nid, rid, d) for nid, kept in expected for rid, d in kept)


def test_a_meeting_without_consent_lists_each_record_once_with_every_reader() -> None:
    meeting = large_meeting(1)
    readers = [p.id for p in meeting.minute_recipients()]
    grouped = conflicts_by_record(meeting, readers)
    assert grouped and len({note.id for note, _ in grouped}) == len(grouped)
    assert grouped == [(note, kept) for note, kept in grouped if len(kept) >= 1]
    assert record_by_record(meeting, readers) == [(note.id, kept) for note, kept in grouped]
