"""Named operations on a meeting: every change the interface makes, as a plain function.

Each takes the `Meeting` first and changes it in place; the interface calls them through
`app.change(ops.name, ...)`, which saves afterwards. No Textual, no I/O: each has its unit tests in
tests/test_ops.py. An operation never leaves an id that names nothing (model/references.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .enums import (
    Attendance,
    ConsentStatus,
    Domain,
    DomainSharing,
    MapSector,
    ParticipantKind,
    Phase,
    PictureKind,
    SeriesEnd,
    TieKind,
    ViewAspect,
    VisibilityKind,
)
from .meeting import (
    Action,
    AgendaItem,
    Contribution,
    Disagreement,
    DomainConsent,
    FormDraft,
    Issue,
    MapPlacement,
    Meeting,
    NetworkMember,
    OpenQuestion,
    Participant,
    PersonView,
    PictureLine,
    Position,
    PrivatePart,
    ScaleRating,
    Step,
    TimeSpan,
    Visibility,
)
from .rereading import record_revision
from .references import ITEM, PARTICIPANT, Mentions, mentions, remove_target

RECORD_COLLECTIONS = ("network", "contributions", "person_views", "steps", "picture", "scales", "disagreements",
                      "open_questions", "actions")
"""The collections of records nothing else refers to: removing one never leaves a dangling id."""


# -- removals ---------------------------------------------------------------------------------------


def participant_mentions(meeting: Meeting, pid: str) -> Mentions:
    """What names the participant: what refuses their removal, what would be cleaned."""
    return mentions(meeting, PARTICIPANT, pid)


def remove_participant(meeting: Meeting, pid: str) -> None:
    """Remove a participant and every mere mention of them. Call only when nothing blocks it."""
    remove_target(meeting, PARTICIPANT, pid)  # their place on the network map goes too


def item_mentions(meeting: Meeting, item_id: str) -> Mentions:
    """What names the agenda item: what refuses its removal, what would be cleaned."""
    refs = mentions(meeting, ITEM, item_id)
    item = meeting.item(item_id)
    # not a reference, but the item was discussed: the minute's timings would lose its time
    refs.add(True, "ref.item_time", int(bool(item and item.clock)))
    return refs


def remove_item(meeting: Meeting, item_id: str) -> None:
    """Remove an agenda item; actions and notes named on it stay, attached to the meeting in general."""
    remove_target(meeting, ITEM, item_id)


def remove_record(meeting: Meeting, collection: str, record_id: str) -> None:
    """Remove one record (a contribution, a step, an action…) by id from its collection."""
    if collection not in RECORD_COLLECTIONS:
        raise ValueError(f"{collection} is not a collection of records (participants and items have their own)")
    setattr(meeting, collection, [r for r in getattr(meeting, collection) if r.id != record_id])
    if collection == "network":
        remove_from_map(meeting, record_id)  # a placement names a member or a participant: see the validator


# -- order ------------------------------------------------------------------------------------------


def _move(records: list, index: int, step: int) -> None:
    """Move records[index] by `step` places, in place; nothing moves past either end."""
    target = index + step
    if 0 <= index < len(records) and 0 <= target < len(records):
        records[index], records[target] = records[target], records[index]


def _index(records: list, record_id: str) -> int:
    return next((n for n, record in enumerate(records) if record.id == record_id), -1)


def move_item(meeting: Meeting, item_id: str, step: int) -> None:
    """Move an agenda item up (step < 0) or down the agenda."""
    _move(meeting.agenda, _index(meeting.agenda, item_id), step)


def move_network_member(meeting: Meeting, member_id: str, step: int) -> None:
    """Move someone of the person's network up or down the list."""
    _move(meeting.network, _index(meeting.network, member_id), step)


def move_speaker(meeting: Meeting, pid: str, step: int) -> None:
    """Move a participant in the speaking order (the order is written out in full from the round table)."""
    order = [p.id for p in meeting.round_table()]
    # keep those who are not in the round table now (absent...) at their place in the saved order
    rest = [x for x in meeting.speaking_order if x not in order]
    if pid in order:
        _move(order, order.index(pid), step)
    meeting.speaking_order = order + rest


# -- records: a blank to fill, added, edited ---------------------------------------------------------
#
# The forms name their fields after the record's fields, so an edit takes the form's values as they
# are (`values`); what a form leaves empty for "none" (None) is written as the file writes it ("").


_TYPES: dict[str, type] = {
    "participants": Participant, "network": NetworkMember, "agenda": AgendaItem, "contributions": Contribution,
    "person_views": PersonView, "steps": Step, "picture": PictureLine, "scales": ScaleRating,
    "disagreements": Disagreement, "open_questions": OpenQuestion, "actions": Action,
}
_NO_ID = ("carrier_id", "checker_id", "item_id", "voice_id", "participant_id")
"""Fields where a form's None (nobody, no item) is the empty id."""


def blank(collection: str, **fields: Any) -> Any:
    """A record of `collection` that is in no meeting: the starting values of a form that adds one."""
    required = {"participants": {"name": ""}, "network": {"name": ""}, "agenda": {"title": ""},
                "contributions": {"speaker_id": "", "text": ""}, "person_views": {"text": ""},
                "steps": {"carrier_id": "", "domain": Domain.OTHER, "what": ""},
                "picture": {"kind": PictureKind.WORKING, "text": ""}, "scales": {"voice_id": "", "value": 0},
                "disagreements": {"about": ""}, "open_questions": {"text": ""}, "actions": {"what": ""}}
    return _TYPES[collection](**{**required[collection], **fields})


def visibility(values: Mapping[str, Any]) -> Visibility:
    """Who may read a note, from a form's 'visibility' and 'recipients' (recipients only when restricted)."""
    kind = values["visibility"]
    return Visibility(kind=kind, recipients=list(values["recipients"]) if kind is VisibilityKind.RESTRICTED else [])


def _set(record: Any, values: Mapping[str, Any], names: Iterable[str]) -> None:
    for name in names:
        if name in values:
            value = values[name]
            setattr(record, name, (value or "") if name in _NO_ID else value)
    if "visibility" in values and "visibility" in type(record).model_fields:
        record.visibility = visibility(values)


def edit_contribution(meeting: Meeting, contribution: Contribution, values: Mapping[str, Any]) -> None:
    _set(contribution, values, ("text", "speaker_id", "nature", "domains"))


def edit_view(meeting: Meeting, view: PersonView, values: Mapping[str, Any]) -> None:
    _set(view, values, ("text", "item_id", "aspect", "domains"))


def edit_step(meeting: Meeting, step: Step, values: Mapping[str, Any]) -> None:
    _set(step, values, ("what", "carrier_id", "domain", "status", "since", "item_id"))


def edit_picture_line(meeting: Meeting, line: PictureLine, values: Mapping[str, Any]) -> None:
    _set(line, values, ("kind", "text", "voice_id", "domains", "item_id"))


def edit_scale(meeting: Meeting, rating: ScaleRating, values: Mapping[str, Any]) -> None:
    _set(rating, values, ("question", "voice_id", "value", "comment", "domains"))


def _who(meeting: Meeting, name: str) -> str | None:
    """The participant a typed name stands for: the full name, how they are addressed, else the one name
    that starts with it (« Julie » for Julie Verhaegen), case-insensitively."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for p in meeting.participants:
        if wanted in (p.name.strip().casefold(), p.addressed_as.strip().casefold()):
            return p.id
    starting = [p.id for p in meeting.participants if p.name.casefold().startswith(wanted)]
    return starting[0] if len(starting) == 1 else None


def parse_positions(meeting: Meeting, text: str) -> tuple[list[Position], str]:
    """The positions typed in the form, and the first name that is no participant's ("" when none)."""
    positions: list[Position] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, colon, view = line.partition(":")
        who = _who(meeting, name) if colon else None
        if who is None:
            return [], (name if colon else line).strip()
        positions.append(Position(participant_id=who, view=view.strip()))
    return positions, ""


def edit_disagreement(meeting: Meeting, found: Disagreement, values: Mapping[str, Any]) -> None:
    """The form's 'positions' are « Name : position » lines; whoever has a position is a party to it."""
    _set(found, values, ("about", "between", "settled", "resolution", "domains"))
    if "positions" in values:
        found.positions = parse_positions(meeting, values["positions"])[0]
    found.between = list(dict.fromkeys([*found.between, *(p.participant_id for p in found.positions)]))


def edit_action(meeting: Meeting, action: Action, values: Mapping[str, Any]) -> None:
    _set(action, values, [name for name in values if name in Action.model_fields])


def edit_question(meeting: Meeting, question: OpenQuestion, values: Mapping[str, Any]) -> None:
    _set(question, values, ("text", "item_id", "domains"))


def _add(meeting: Meeting, collection: str, values: Mapping[str, Any], edit, **fields: Any) -> Any:
    record = blank(collection, **fields)
    edit(meeting, record, values)
    getattr(meeting, collection).append(record)
    return record


def add_view(meeting: Meeting, values: Mapping[str, Any], at: dt.datetime) -> PersonView:
    """The person's words, from the form of the person's view."""
    return _add(meeting, "person_views", values, edit_view, at=at)


def add_action(meeting: Meeting, values: Mapping[str, Any], at: dt.datetime) -> Action:
    """An action negotiated with the person, from the action form."""
    return _add(meeting, "actions", values, edit_action, created_at=at)


def add_step(meeting: Meeting, values: Mapping[str, Any], item_id: str = "") -> Step:
    return _add(meeting, "steps", values, edit_step, item_id=item_id)


def add_picture_line(meeting: Meeting, values: Mapping[str, Any], item_id: str = "") -> PictureLine:
    return _add(meeting, "picture", values, edit_picture_line, item_id=item_id)


def add_scale(meeting: Meeting, values: Mapping[str, Any], item_id: str = "") -> ScaleRating:
    return _add(meeting, "scales", values, edit_scale, item_id=item_id)


def add_disagreement(meeting: Meeting, values: Mapping[str, Any], item_id: str = "") -> Disagreement:
    return _add(meeting, "disagreements", values, edit_disagreement, item_id=item_id)


def add_question(meeting: Meeting, values: Mapping[str, Any]) -> OpenQuestion:
    return _add(meeting, "open_questions", values, edit_question)


# -- the round table ------------------------------------------------------------------------------------


def record_words(meeting: Meeting, speaker_id: str, item_id: str, text: str, details: Mapping[str, Any],
                 at: dt.datetime, draft: str = "") -> None:
    """What the speaker just said on the item: the person's own words when the speaker is the person,
    a contribution (with its nature, domains and readers from `details`) for anyone else. The speaker
    stays the current one; `draft` is what was typed after it, kept for the next note."""
    seen = visibility(details)
    speaker = meeting.participant(speaker_id)
    if speaker is not None and speaker.kind is ParticipantKind.PERSON:
        meeting.person_views.append(PersonView(item_id=item_id, text=text, aspect=ViewAspect.GENERAL,
                                               visibility=seen, at=at))
    else:
        meeting.contributions.append(Contribution(item_id=item_id, speaker_id=speaker_id, text=text,
                                                  nature=details["nature"], domains=list(details["domains"]),
                                                  visibility=seen, at=at))
    meeting.progress.speaker_id = speaker_id
    meeting.progress.draft = draft


def set_speaker(meeting: Meeting, speaker_id: str) -> None:
    meeting.progress.speaker_id = speaker_id


def keep_draft(meeting: Meeting, text: str) -> None:
    """What is typed and not recorded yet: kept so that a dropped connection loses nothing."""
    meeting.progress.draft = text


def form_draft(values: Mapping[str, Any] | None) -> FormDraft | None:
    """The record of a form left open (see FormDraft), from the interface's plain description of it."""
    return None if values is None else FormDraft.model_validate(dict(values))


def keep_form_draft(meeting: Meeting, values: Mapping[str, Any] | None) -> None:
    """What is typed in an open form and not saved yet (None: no such form any more): kept so that a
    dropped connection or a crash loses nothing."""
    meeting.progress.form_draft = form_draft(values)


def with_drafts(meeting: Meeting, typed: str | None, form: Mapping[str, Any] | None | bool) -> Meeting:
    """A shallow copy of `meeting` whose progress holds `typed` (the typing line) and `form` (an open
    form: False leaves the one it has), for the emergency writes; `meeting` itself is left as it is."""
    update: dict[str, Any] = {}
    if typed is not None and typed != meeting.progress.draft:
        update["draft"] = typed
    if form is not False:
        update["form_draft"] = form_draft(form)  # type: ignore[arg-type]
    if not update:
        return meeting
    return meeting.model_copy(update={"progress": meeting.progress.model_copy(update=update)})


def set_phase(meeting: Meeting, phase: Phase) -> None:
    meeting.progress.phase = phase


# -- the meeting's own parts ---------------------------------------------------------------------------


def set_details(meeting: Meeting, values: Mapping[str, Any]) -> None:
    """Title, purpose, date, times, place, organisation, file number, minute-taker and the minute's language."""
    for name in ("title", "purpose", "date", "start_time", "end_time", "place", "organisation", "file_number"):
        if name in values:
            setattr(meeting, name, values[name])
    if "minute_taker_id" in values:
        chosen = values["minute_taker_id"]
        meeting.minute_taker_id = chosen if isinstance(chosen, str) and meeting.participant(chosen) else ""
    if values.get("language") is not None:
        from ..i18n import DEFAULT_LOCALES

        meeting.language = values["language"]
        # The meeting's own locale (fr_FR, nl_NL...) is kept while it is in the chosen language.
        wanted = meeting.language.value
        if not meeting.locale.startswith(wanted):
            meeting.locale = DEFAULT_LOCALES[wanted]


def set_participant(meeting: Meeting, participant: Participant | None, values: Mapping[str, Any]) -> Participant:
    """Add a participant (None) or change one; the first facilitator becomes the meeting's."""
    if participant is None:
        participant = Participant(name=values["name"])
        meeting.participants.append(participant)
    for name, value in values.items():
        if name != "receives_minute":
            setattr(participant, name, value)
    if "receives_minute" in values:  # after the kind: the person always may receive it
        set_receives_minute(meeting, participant, bool(values["receives_minute"]))
    if participant.written_text.strip():
        participant.written_contribution = True  # a text was received: it is a written contribution
    if participant.kind is ParticipantKind.FACILITATOR and not meeting.facilitator_id:
        meeting.facilitator_id = participant.id
    return participant


def set_excused(meeting: Meeting, participant: Participant, values: Mapping[str, Any]) -> None:
    """What an excused participant sent: their written contribution and the message read in the meeting."""
    participant.written_text = values["written_text"]
    participant.excused_message = values["excused_message"]
    if "written_item_ids" in values:
        participant.written_item_ids = list(values["written_item_ids"])
    participant.written_contribution = bool(values["written_contribution"] or participant.written_text.strip())
    if participant.attendance is Attendance.INVITED and (participant.written_text or participant.excused_message):
        participant.attendance = Attendance.EXCUSED  # who sends words to read is not coming


def set_network_member(meeting: Meeting, member: NetworkMember | None, values: Mapping[str, Any]) -> NetworkMember:
    """Add someone of the person's network (None) or change them."""
    if member is None:
        member = NetworkMember(name=values["name"])
        meeting.network.append(member)
    _set(member, values, values.keys())
    return member


def set_item(meeting: Meeting, item: AgendaItem | None, values: Mapping[str, Any], *,
             after: int | None = None) -> AgendaItem:
    """Add an agenda item (None; at the end, or after the item at index `after`) or change one."""
    if item is None:
        item = AgendaItem(title=values["title"])
        meeting.agenda.insert(len(meeting.agenda) if after is None else after + 1, item)
    item.title = values["title"]
    item.timebox_minutes = values["timebox_minutes"] if values["timebox_minutes"] is not None else 0
    item.domains = values["domains"]
    # An item's domains are the meeting's too: the domains' list (F2, 5) shows them ticked, as the
    # facilitator expects after naming them on the item.
    order = list(Domain)
    meeting.domains = sorted(set(meeting.domains) | set(item.domains), key=order.index)
    return item


def set_consent(meeting: Meeting, values: Mapping[str, Any], today: dt.date) -> None:
    """The person's consent to the meeting and to sharing, and who may read the detailed minute."""
    c = meeting.consent
    changed = values["status"] is not c.status or values["to_meeting"] != c.to_meeting
    c.to_meeting = values["to_meeting"]
    c.status = values["status"]
    c.scope = values["scope"]
    c.person_words = values["person_words"]
    c.date = values["date"] or (today if c.status is not ConsentStatus.NOT_ASKED else None)
    if changed or c.status is not ConsentStatus.NOT_ASKED:
        c.needs_confirmation = False
    if "minute_readers" in values:
        # nobody ticked: not asked (the checks ask for it); else the person's answer, and who gave it
        c.minute_readers = list(values["minute_readers"]) or None
        person = meeting.person
        c.minute_decided_by = (values.get("minute_decided_by") or (person.id if person else "")) if c.minute_readers else ""
        follow_minute_readers(meeting)


def follow_minute_readers(meeting: Meeting) -> None:
    """One source for who receives the detailed minute: the person's answer (`consent.minute_readers`).
    Once she has given it, each professional's and network member's « receives the minute » is whether
    she named them, so the participant's row and the consent never disagree (F5 flagged Sophie on the
    list after the person had left her out). Not asked yet (None): the rows stay as they are."""
    readers = meeting.consent.minute_readers
    if readers is None:
        return
    for participant in meeting.participants:
        if participant.kind is not ParticipantKind.PERSON:
            participant.receives_minute = participant.id in readers


def may_receive_minute(meeting: Meeting, participant: Participant) -> bool:
    """Whether the person's answer lets this participant receive the detailed minute (the person
    herself always may; anyone while she has not been asked)."""
    readers = meeting.consent.minute_readers
    return readers is None or participant.kind is ParticipantKind.PERSON or participant.id in readers


def set_receives_minute(meeting: Meeting, participant: Participant, receives: bool) -> None:
    """A participant's copy ticked or unticked on their row. Once the person has said who receives
    the detailed minute, taking someone off also takes them off her list (the row and the consent
    stay one); putting on someone she did not name is refused: that is changed with her, in the
    consent's form."""
    if receives and not may_receive_minute(meeting, participant):
        raise ValueError("the person did not agree that this participant receives the minute")
    participant.receives_minute = receives
    readers = meeting.consent.minute_readers
    if not receives and readers is not None and participant.id in readers:
        meeting.consent.minute_readers = [r for r in readers if r != participant.id]


def set_domain_sharing(meeting: Meeting, domain: Domain, sharing: DomainSharing | None, participants: list[str],
                       today: dt.date | None = None) -> None:
    """How one life domain may be shared (None: not said); a consent said per domain is a partial consent
    (dated today when it had no date)."""
    if meeting.consent.status is not ConsentStatus.PARTIAL:
        meeting.consent.status = ConsentStatus.PARTIAL
        meeting.consent.needs_confirmation = False
        meeting.consent.date = meeting.consent.date or today
    rules = [r for r in meeting.consent.domains if r.domain is not domain]
    if sharing is not None:
        rules.append(DomainConsent(domain=domain, sharing=sharing,
                                   participants=participants if sharing is DomainSharing.NAMED else []))
    order = list(Domain)
    meeting.consent.domains = sorted(rules, key=lambda r: order.index(r.domain))


def set_next_meeting(meeting: Meeting, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        setattr(meeting.next_meeting, name, value)


def set_fields(meeting: Meeting, record: Any, **fields: Any) -> None:
    """Change plain fields of one record of the meeting (or of the meeting itself): a reason, a flag,
    the person's last word (texts without their surrounding spaces). A name that is no field is refused."""
    for name, value in fields.items():
        if name not in type(record).model_fields:
            raise AttributeError(name)
        setattr(record, name, value.strip() if type(value) is str else value)  # an enum is a str too


def start_private_part(meeting: Meeting, at: dt.datetime) -> None:
    """A part of the meeting held without the person starts."""
    meeting.private_parts.append(PrivatePart(span=TimeSpan(start=at)))


def close_series(meeting: Meeting, reason: SeriesEnd | None, on: dt.date, note: str = "") -> None:
    """The network is no longer needed (reason), or, with None, the series goes on (closure undone)."""
    series = meeting.series
    if reason is None:
        series.closed_on, series.closed_reason, series.closed_note = None, None, ""
        return
    series.closed_reason, series.closed_on, series.closed_note = reason, on, note


def set_attendance(meeting: Meeting, participant: Participant, attendance: Attendance) -> None:
    """Present, excused, absent or not known yet; who is there (or not known) has no reason of absence."""
    participant.attendance = attendance
    if attendance in (Attendance.PRESENT, Attendance.INVITED):
        participant.absence_reason = ""
        participant.written_contribution = False


def set_distribution(meeting: Meeting, receivers: Iterable[str]) -> None:
    """Who is on the distribution list of the minute: exactly the participants named."""
    chosen = set(receivers)
    for participant in meeting.participants:
        participant.receives_minute = participant.id in chosen


def review_action(meeting: Meeting, action: Action, change_for_person: str | None) -> None:
    """A carried action walked through with the person, with what changed for them in their words (None:
    nothing said, the earlier words kept)."""
    if change_for_person is not None:
        action.change_for_person = change_for_person.strip()
    action.reviewed = True


def set_last_word(meeting: Meeting, text: str) -> None:
    """The person's last word at the close, in their words."""
    meeting.last_word = text.strip()


def set_visibility(meeting: Meeting, record: Any, values: Mapping[str, Any]) -> None:
    """Who may read a note, from a form's 'visibility' and 'recipients'."""
    record.visibility = visibility(values)


# -- the person's own words, corrected after the meeting ---------------------------------------------------


def correct_words(meeting: Meeting, edit: Callable[..., Any], args: tuple, target: str, before: str,
                  at: dt.datetime) -> None:
    """Apply `edit(meeting, *args)`, which changes the person's own words, and keep what they said before
    (`target` names the words, see rereading.words_target)."""
    edit(meeting, *args)
    record_revision(meeting, target, before, at)


def remove_record_keeping_words(meeting: Meeting, collection: str, record_id: str, target: str, before: str,
                                at: dt.datetime) -> None:
    """Remove a record that held the person's own words, keeping what they said."""
    remove_record(meeting, collection, record_id)
    record_revision(meeting, target, before, at)


def confirm_carried_consent(meeting: Meeting, on: dt.date) -> None:
    """The consent carried from the previous meeting, read with the person and confirmed as it is."""
    meeting.consent.needs_confirmation = False
    meeting.consent.date = on


def end_private_part(meeting: Meeting, at: dt.datetime) -> None:
    """The part held without the person ends (never before it started)."""
    if meeting.private_parts and meeting.private_parts[-1].span.end is None:
        span = meeting.private_parts[-1].span
        span.end = max(at, span.start)


def record_issue(meeting: Meeting, issue: Issue) -> None:
    """An issue of the minute was sent: who received which file, kept with the meeting."""
    meeting.distribution.issues.append(issue)


# -- the person's network map --------------------------------------------------------------------


MAP_NAMINGS = ("everywhere", "letter_only", "never")
"""Where a network member's name may be written: every copy, only the letter to the person, no copy."""


def placement(meeting: Meeting, who_id: str) -> MapPlacement | None:
    return next((p for p in meeting.network_map if p.who_id == who_id), None)


def _default_sector(meeting: Meeting, who_id: str) -> MapSector:
    return MapSector.FAMILY if any(n.id == who_id for n in meeting.network) else MapSector.SERVICES


def place_on_map(meeting: Meeting, who_id: str, *, sector_step: int = 0, ring_step: int = 0,
                 next_tie: bool = False) -> None:
    """Put a member or a participant on the map (the first key), else move them: to the next sector,
    closer (ring_step < 0) or further, to the next kind of tie."""
    place = placement(meeting, who_id)
    if place is None:
        meeting.network_map.append(MapPlacement(who_id=who_id, sector=_default_sector(meeting, who_id)))
        return
    sectors, ties = list(MapSector), list(TieKind)
    if sector_step:
        place.sector = sectors[(sectors.index(place.sector) + sector_step) % len(sectors)]
    if ring_step:
        place.ring = min(3, max(1, place.ring + ring_step))
    if next_tie:
        place.tie = ties[(ties.index(place.tie) + 1) % len(ties)]


def remove_from_map(meeting: Meeting, who_id: str) -> None:
    """Take a participant or a member of the person's network off the map."""
    meeting.network_map = [p for p in meeting.network_map if p.who_id != who_id]


def map_naming(meeting: Meeting, member_id: str) -> str:
    """Where the member's name may be written (one of MAP_NAMINGS)."""
    member = next((m for m in meeting.network if m.id == member_id), None)
    if member is None or member.visibility.kind is VisibilityKind.MINUTE:
        return "everywhere"
    return "never" if member.visibility.kind is VisibilityKind.ORAL_ONLY else "letter_only"


def set_map_naming(meeting: Meeting, member_id: str, naming: str) -> None:
    """Where a network member's name may be written, by the same visibility rule as every record."""
    member = next(m for m in meeting.network if m.id == member_id)
    person = meeting.person
    if naming == "never":
        member.visibility = Visibility(kind=VisibilityKind.ORAL_ONLY)
    elif naming == "letter_only":
        member.visibility = Visibility(kind=VisibilityKind.RESTRICTED, recipients=[person.id] if person else [])
    else:
        member.visibility = Visibility()


# -- the room's screen ------------------------------------------------------------------------------


def set_room_hidden(meeting: Meeting, hidden: bool) -> None:
    """The facilitator hides (or shows again) what the room's screen follows; saved with the records."""
    meeting.progress.room_hidden = hidden
