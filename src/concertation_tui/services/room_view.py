"""What the room's screen shows of a meeting: pure, no Textual, so that it is tested on its own.

The room is read as the common copy of the minute: a record is shown when `model.sharing.reaches`
lets it into the edition every participant reads (its visibility is « dans le compte rendu » and the
person's consent shares its life domains with all). A restricted record, or one the consent keeps for
some readers, shows only as « note restreinte » at its place in the round (who spoke stays visible: the
room heard them speak). An oral-only record is not shown at all, not even its place. Never shown: the
facilitator's checks and hints, the typing area's draft (not recorded yet), what each copy will carry.
Nothing at all while private time runs or the facilitator hid the screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Agreement, ItemState, Meeting, Phase, VisibilityKind
from ..model.sharing import Note, notes, reaches
from ..model import timing

CLOSED = "closed"
PAUSED = "paused"
SHOWN = "shown"


@dataclass(frozen=True)
class RoomLine:
    """One record said on the current item, as the room may read it."""

    who: str
    text: str
    """The words; empty when restricted (the screen says « note restreinte »)."""
    restricted: bool = False
    person: bool = False
    """The person's own words."""


@dataclass(frozen=True)
class RoomItem:
    title: str
    state: ItemState
    current: bool
    elapsed: float
    timebox_minutes: int


@dataclass(frozen=True)
class RoomAction:
    what: str
    """Empty when restricted."""
    carrier: str
    due: dt.date | None
    agreement: Agreement
    restricted: bool = False


@dataclass(frozen=True)
class RoomSpeaker:
    name: str
    current: bool
    spoken: bool


@dataclass(frozen=True)
class RoomView:
    state: str
    """CLOSED (no session has the meeting open), PAUSED (private time, or hidden) or SHOWN."""
    title: str = ""
    phase: Phase = Phase.PREPARE
    meeting_elapsed: float = 0.0
    meeting_planned: float = 0.0
    meeting_running: bool = False
    agenda: list[RoomItem] = field(default_factory=list)
    item_number: int = 0
    speakers: list[RoomSpeaker] = field(default_factory=list)
    lines: list[RoomLine] = field(default_factory=list)
    person_words: list[RoomLine] = field(default_factory=list)
    actions: list[RoomAction] = field(default_factory=list)
    person_label: str = ""

    @property
    def item(self) -> RoomItem | None:
        return self.agenda[self.item_number - 1] if self.item_number else None


def _line(meeting: Meeting, note: Note, who: str, text: str, *, person: bool = False) -> RoomLine | None:
    if note.visibility.kind is VisibilityKind.ORAL_ONLY:
        return None
    if reaches(meeting, note, None):
        return RoomLine(who, text, person=person)
    return RoomLine(who, "", restricted=True, person=person)


def room_view(meeting: Meeting | None, *, is_open: bool, at: dt.datetime) -> RoomView:
    """What the room's screen shows now."""
    if meeting is None or not is_open:
        return RoomView(CLOSED)
    if meeting.progress.room_hidden or timing.private_running(meeting):
        return RoomView(PAUSED)
    by_id = {n.id: n for n in notes(meeting)}
    current = timing.current_item(meeting)
    agenda = [
        RoomItem(i.title, i.state, i is current, i.elapsed_seconds(at), i.timebox_minutes) for i in meeting.agenda
    ]
    number = next((n for n, i in enumerate(meeting.agenda, 1) if i is current), 0)
    person = meeting.person
    person_label = (person.addressed_as.strip() or person.name) if person else ""

    speakers: list[RoomSpeaker] = []
    lines: list[RoomLine] = []
    words: list[RoomLine] = []
    if current is not None:
        waiting = {p.id for p in meeting.not_spoken_yet(current.id)}
        speakers = [RoomSpeaker(p.name, p.id == meeting.progress.speaker_id, p.id not in waiting)
                    for p in meeting.round_table()]
        said: list[tuple[dt.datetime | None, int, RoomLine]] = []
        for order, c in enumerate(meeting.contributions):
            if c.item_id == current.id and c.id in by_id:
                found = _line(meeting, by_id[c.id], meeting.name_of(c.speaker_id), c.text,
                              person=bool(person and c.speaker_id == person.id))
                if found:
                    said.append((c.at, order, found))
        for order, v in enumerate(meeting.person_views):
            if v.id in by_id and v.item_id in (current.id, ""):
                found = _line(meeting, by_id[v.id], person_label, v.text, person=True)
                if found and v.item_id == current.id:
                    said.append((v.at, len(meeting.contributions) + order, found))
                if found:
                    words.append(found)
        lines = [line for _at, _order, line in sorted(said, key=_said_order)]
    elif person is not None:
        words = [found for v in meeting.person_views if v.id in by_id
                 and (found := _line(meeting, by_id[v.id], person_label, v.text, person=True))]

    actions = []
    every_action = meeting.progress.phase in (Phase.ACTIONS, Phase.CLOSE)
    for a in meeting.actions:
        if a.carried_from is not None or a.id not in by_id:
            continue
        if not every_action and (current is None or a.item_id != current.id):
            continue
        shown = reaches(meeting, by_id[a.id], None)
        carrier = meeting.name_of(a.carrier_id) or a.carrier_label
        actions.append(RoomAction(a.what if shown else "", carrier, a.due, a.agreement, restricted=not shown))

    return RoomView(
        SHOWN,
        title=meeting.title,
        phase=meeting.progress.phase,
        meeting_elapsed=meeting.elapsed_seconds(at),
        meeting_planned=timing.planned_seconds(meeting),
        meeting_running=timing.meeting_running(meeting),
        agenda=agenda,
        item_number=number,
        speakers=speakers,
        lines=lines,
        person_words=words,
        actions=actions,
        person_label=person_label,
    )


def _said_order(entry: tuple[dt.datetime | None, int, RoomLine]) -> tuple[float, int]:
    # Records carry their time when typed live; those without (older files) keep their recorded order.
    moment, order, _line = entry
    return (moment.timestamp() if moment else float("-inf"), order)
