"""Rereading the meeting after it: every note in one list, grouped by agenda item then by speaker; the
person's own words kept with their history; how long the minute has waited. No Textual here.

The rereading screen draws `entries(meeting)`; each entry names what it shows (a kind and an id), so a
screen, a readiness finding or a consent conflict can find the line of a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import ParticipantKind
from .meeting import Meeting, WordsRevision

NOTE_KINDS = ("contribution", "person_view", "step", "picture", "scale", "disagreement", "action",
              "last_word", "question", "consent")
"""Entries that are notes (editable); the others are headings."""


@dataclass(frozen=True)
class Entry:
    kind: str
    """'item' (an agenda item's heading, id '' for the meeting in general), 'frame', 'close' (headings),
    'speaker' (id: participant id, '' for no voice), 'actions', 'disagreements' (sub-headings), 'empty'
    (nothing noted under the heading), or a note kind of NOTE_KINDS."""
    id: str = ""
    item_id: str = ""

    @property
    def key(self) -> str:
        """A unique option id: '<kind>:<id>[:<item id>]'."""
        return f"{self.kind}:{self.id}:{self.item_id}"

    @property
    def is_note(self) -> bool:
        return self.kind in NOTE_KINDS


def _speaker_order(meeting: Meeting) -> list[str]:
    """The person first, then the round table's order, then everyone else, then no voice ('')."""
    order: list[str] = []
    person = meeting.person
    if person is not None:
        order.append(person.id)
    for p in meeting.round_table():
        if p.id not in order:
            order.append(p.id)
    for p in meeting.participants:
        if p.id not in order:
            order.append(p.id)
    order.append("")
    return order


def entries(meeting: Meeting) -> list[Entry]:
    """Every note, in the order of the meeting: the frame (consent), each agenda item then the meeting in
    general (by speaker: the person's words first, then contributions, steps, the shared picture and
    scales of each speaker; then disagreements and actions), then the close (last word, open questions)."""
    found: list[Entry] = [Entry("frame"), Entry("consent")]
    known = {i.id for i in meeting.agenda}
    person = meeting.person
    person_id = person.id if person else None

    # Each note sorted once into its (item, speaker) place: scanning every note for every item and
    # speaker took 15 s for a meeting of 100 items and 140 speakers.
    by_place: dict[tuple[str, str], list[Entry]] = {}

    def place(kind: str, note_id: str, item_id: str, speaker: str) -> None:
        item_id = item_id if item_id in known else ""
        by_place.setdefault((item_id, speaker), []).append(Entry(kind, note_id, item_id))

    if person_id:
        for v in meeting.person_views:
            place("person_view", v.id, v.item_id, person_id)
    for c in meeting.contributions:
        place("contribution", c.id, c.item_id, c.speaker_id)
    for st in meeting.steps:
        place("step", st.id, st.item_id, st.carrier_id)
    participants = {p.id for p in meeting.participants}
    for p in meeting.picture:
        place("picture", p.id, p.item_id, p.voice_id if p.voice_id in participants else "")
    for r in meeting.scales:
        place("scale", r.id, r.item_id, r.voice_id)
    kinds = ("person_view", "contribution", "step", "picture", "scale")

    # Disagreements and actions sorted into their item once too (each item scanning them all was
    # 40,000 comparisons at the very large size, at each drawing of the rereading).
    disagreements_on: dict[str, list[str]] = {}
    for d in meeting.disagreements:
        disagreements_on.setdefault(d.item_id if d.item_id in known else "", []).append(d.id)
    actions_on: dict[str, list[str]] = {}
    for a in meeting.actions:
        actions_on.setdefault(a.item_id if a.item_id in known else "", []).append(a.id)

    order = _speaker_order(meeting)
    for item_id in [*(i.id for i in meeting.agenda), ""]:
        group: list[Entry] = []
        for speaker in order:
            # the person's words first, then each kind; stable: each kind in the meeting's order
            notes = by_place.get((item_id, speaker))
            if notes:
                group += [Entry("speaker", speaker, item_id), *sorted(notes, key=lambda e: kinds.index(e.kind))]
        disagreements = [Entry("disagreement", d, item_id) for d in disagreements_on.get(item_id, ())]
        if disagreements:
            group += [Entry("disagreements", "", item_id), *disagreements]
        actions = [Entry("action", a, item_id) for a in actions_on.get(item_id, ())]
        if actions:
            group += [Entry("actions", "", item_id), *actions]
        if item_id or group:
            found.append(Entry("item", item_id, item_id))
            found += group or [Entry("empty", "", item_id)]
    found += [Entry("close"), Entry("last_word")]
    found += [Entry("question", q.id) for q in meeting.open_questions]
    return found


# -- what each line is drawn from --------------------------------------------------------------------

NOTE_COLLECTIONS = {"contribution": "contributions", "person_view": "person_views", "step": "steps",
                    "picture": "picture", "scale": "scales", "disagreement": "disagreements",
                    "action": "actions", "question": "open_questions"}
"""The notes kept as records of the meeting, and their collections (last_word and consent are fields)."""
WORDS_KINDS = ("person_view", "action", "scale", "last_word", "consent")
"""The notes whose words may be the person's own, with a history of corrections (`words_target`)."""


def shared_source(meeting: Meeting) -> tuple:
    """What any line of the rereading may read beyond its own note: the people (names, kinds, roles,
    organisations; the writing helper reads the roles and the network's links, the letter's wording who
    is who), the agenda's titles in their order (an item's heading and number) and its domains (a note
    without its own shows its item's), the meeting's language.
    A line is drawn again when this changed, every line (a renamed participant changes many)."""
    return (meeting.language, repr(meeting.participants), repr(meeting.network), meeting.reference_person_id,
            meeting.facilitator_id, tuple((item.id, item.title, tuple(item.domains)) for item in meeting.agenda))


class NoteLookup:
    """The meeting's notes by kind and id, and the revisions of the person's words by target, gathered
    once for a drawing of the rereading: looking each one up in its collection, for each of the 3,000
    lines of a very large meeting, grew with the square of its size."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.records: dict[tuple[str, str], object] = {
            (kind, record.id): record
            for kind, collection in NOTE_COLLECTIONS.items() for record in getattr(meeting, collection)}
        self.revisions: dict[str, list[WordsRevision]] = {}
        for revision in meeting.revisions:
            self.revisions.setdefault(revision.target, []).append(revision)

    def record(self, kind: str, note_id: str):
        return self.records.get((kind, note_id))

    def revisions_of(self, target: str) -> list[WordsRevision]:
        return self.revisions.get(target, [])

    def source(self, entry: Entry) -> object:
        """What the line of `entry` is drawn from, beyond `shared_source` and its checks: its record's
        whole content, the revisions of its words. Equal sources draw the same line. A heading (not a
        note) reads only what every line shares: None."""
        kind = entry.kind
        if not entry.is_note:
            return None
        meeting = self.meeting
        if kind == "last_word":
            content: object = (meeting.last_word, meeting.person_view_missing_reason)
        elif kind == "consent":
            content = meeting.consent.model_dump_json()
        else:
            record = self.record(kind, entry.id)
            content = record.model_dump_json() if record is not None else None  # type: ignore[attr-defined]
        history: tuple = ()
        if kind in WORDS_KINDS:
            history = tuple((r.before, r.at) for r in self.revisions_of(words_target(kind, entry.id)))
        return content, history


# -- the person's own words ----------------------------------------------------------------------------


def words_target(kind: str, element_id: str = "") -> str:
    """The `WordsRevision.target` of the person's words of one element."""
    return {
        "person_view": f"person_views/{element_id}",
        "action": f"actions/{element_id}/person_words",
        "scale": f"scales/{element_id}/comment",
        "last_word": "last_word",
        "consent": "consent",
    }[kind]


def words_changed(before: str, after: str) -> bool:
    """Whether a correction changes the words (spaces around them do not count)."""
    return " ".join(before.split()) != " ".join(after.split())


def record_revision(meeting: Meeting, target: str, before: str, at: dt.datetime) -> None:
    """Keep what the person's words said before a correction (nothing when they were empty)."""
    if before.strip():
        meeting.revisions.append(WordsRevision(target=target, before=before, at=at))


def revisions_of(meeting: Meeting, target: str) -> list[WordsRevision]:
    return [r for r in meeting.revisions if r.target == target]


def is_person(meeting: Meeting, participant_id: str) -> bool:
    found = meeting.participant(participant_id)
    return found is not None and found.kind is ParticipantKind.PERSON


# -- the minute's delay ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MinuteDue:
    version: int
    """The last version issued (0: never)."""
    days: int | None
    """Days since the meeting (None: no date, or a meeting still to come)."""
    late: bool
    """Not issued and more than the due delay since the meeting."""


def minute_due(issued: int, day: dt.date | None, today: dt.date, due_days: int) -> MinuteDue:
    days = (today - day).days if day is not None and day <= today else None
    return MinuteDue(issued, days, not issued and days is not None and days > due_days)


def changed_part(before: str, after: str, context: int = 3) -> str:
    """The words of `before` that a correction changed, with a few words around them ('…' where cut):
    what the reader needs to see of the earlier words, not their first line."""
    old, new = before.split(), after.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    first = max(0, start - context)
    last = len(old) - max(0, end - context)
    part = " ".join(old[first:last]) or " ".join(old[max(0, start - context):start])
    return ("… " if first > 0 else "") + part + (" …" if last < len(old) else "")
