"""Paths rewritten for large meetings (issue 16) give what the plain rule gives: the readiness checks
group the records the consent keeps out of copies once per kind of record, and the reread step sorts
every note once into its item and speaker."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import (
    ConsentStatus,
    Domain,
    DomainConsent,
    DomainSharing,
    Meeting,
    VisibilityKind,
)
from concertation_tui.model.sharing import conflicts_by_record, consent_conflicts_for, notes, outside_domain
from concertation_tui.model import rereading

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


def reread_order_note_by_note(meeting: Meeting) -> list[tuple[str, str, str]]:
    """The reread step's order of notes, each note looked for under each item and speaker."""
    known = {i.id for i in meeting.agenda}
    person = meeting.person
    person_id = person.id if person else None

    def on(item_id: str, value: str) -> bool:
        return (value if value in known else "") == item_id

    found = [("frame", "", ""), ("consent", "", "")]
    for item_id in [*(i.id for i in meeting.agenda), ""]:
        group = []
        for speaker in rereading._speaker_order(meeting):
            notes_here = []
            if speaker and speaker == person_id:
                notes_here += [("person_view", v.id, item_id) for v in meeting.person_views if on(item_id, v.item_id)]
            notes_here += [("contribution", c.id, item_id) for c in meeting.contributions
                           if c.speaker_id == speaker and on(item_id, c.item_id)]
            notes_here += [("step", x.id, item_id) for x in meeting.steps
                           if x.carrier_id == speaker and on(item_id, x.item_id)]
            notes_here += [("picture", p.id, item_id) for p in meeting.picture
                           if (p.voice_id if meeting.participant(p.voice_id) else "") == speaker
                           and on(item_id, p.item_id)]
            notes_here += [("scale", r.id, item_id) for r in meeting.scales
                           if r.voice_id == speaker and on(item_id, r.item_id)]
            if notes_here:
                group += [("speaker", speaker, item_id), *notes_here]
        disagreements = [("disagreement", d.id, item_id) for d in meeting.disagreements if on(item_id, d.item_id)]
        if disagreements:
            group += [("disagreements", "", item_id), *disagreements]
        actions = [("action", a.id, item_id) for a in meeting.actions if on(item_id, a.item_id)]
        if actions:
            group += [("actions", "", item_id), *actions]
        if item_id or group:
            found.append(("item", item_id, item_id))
            found += group or [("empty", "", item_id)]
    found += [("close", "", ""), ("last_word", "", "")]
    return found + [("question", q.id, "") for q in meeting.open_questions]


@pytest.mark.parametrize("seed", range(6))
def test_the_reread_order_is_the_note_by_note_order(seed: int) -> None:
    meeting = demo_meeting() if seed == 0 else large_meeting(1, seed=seed)
    rng = random.Random(seed)
    speakers = [p.id for p in meeting.participants] + ["", "someone gone"]
    items = [i.id for i in meeting.agenda] + ["", "item gone"]
    for contribution in meeting.contributions:  # notes on no item, a removed item, a removed speaker
        if rng.random() < 0.2:
            contribution.item_id = rng.choice(items)
        if rng.random() < 0.1:
            contribution.speaker_id = rng.choice(speakers)
    assert [(e.kind, e.id, e.item_id) for e in rereading.entries(meeting)] == reread_order_note_by_note(meeting)
