"""The meeting record: one réunion de concertation, the single source of truth of the application.

Everything refers to participants, agenda items and actions by opaque ids, never by name, so that a
renamed participant stays the same person everywhere. The attribute docstrings become the
descriptions of the JSON schema (`concertation schema`).

No `from __future__ import annotations` here: pydantic would then read each of the ~210 fields' types
from a string, compiling and evaluating it at every start (about 3 ms of each command that reads a
meeting). The classes are declared before they are used; a method returning its own class says so in
quotes.
"""

import datetime as dt
import inspect
import os
import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from .. import SCHEMA_DESCRIPTIONS_ENV
from ..pydantic_plugins import refuse_plugins

from .enums import (
    ActionStatus,
    Agreement,
    Attendance,
    ConsentStatus,
    Domain,
    DomainSharing,
    Edition,
    ItemOutcome,
    ItemState,
    Language,
    MapSector,
    Nature,
    ParticipantKind,
    Phase,
    PictureKind,
    SeriesEnd,
    StepStatus,
    TieKind,
    ViewAspect,
    VisibilityKind,
)
from . import references
from .text import check_text, clean_text

refuse_plugins()  # before the first model is built: no pydantic plugin sees a meeting

FORMAT_VERSION = 3
"""The version of the meeting file format written by this program."""
FROM_FILE_KEY = "from_file"
FROM_FILE = {FROM_FILE_KEY: True}
"""Validation context of a meeting read from a file: what the minute cannot write is refused."""


def _signature_known(function):
    """Work out `function`'s signature once and keep it on the function (PEP 362's `__signature__`).

    While it builds the meeting's schema, pydantic reads the signature of each validator and default
    factory for every field it serves, some 270 times; for `list` it parses a text signature each time.
    That was 40 % of the build, which every command that reads a meeting pays at start-up."""
    function.__signature__ = inspect.signature(function)
    return function


@_signature_known
def _list() -> list:
    """A new empty list: the default of every list field (a function of ours: see `_signature_known`)."""
    return []


@_signature_known
def _dict() -> dict:
    """A new empty dict (a function of ours, as `_list`)."""
    return {}


@_signature_known
def new_id() -> str:
    """An opaque identifier: random, never derived from a name."""
    return uuid.uuid4().hex[:12]


def now() -> dt.datetime:
    """The current local time, with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _from_file(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get(FROM_FILE_KEY))


@_signature_known
def _writable(value: str, info: ValidationInfo) -> str:
    """Every text can be written in the minute, and none is longer than its limit (see text_limit).

    A file (validated with FROM_FILE as context) that holds one is refused, in words; text the
    interface hands to a constructor (typed, pasted) is cleaned instead: a pasted control character
    must not end the program in the middle of a meeting.
    """
    field = info.field_name or ""
    if _from_file(info):
        check_text(value, field)
        return value
    return clean_text(value, field)


@_signature_known
def _writable_items(value: list[str], info: ValidationInfo) -> list[str]:
    """`_writable` for each text of a list (every list of texts in a meeting is a list of ids)."""
    field = info.field_name or ""
    if _from_file(info):
        for item in value:
            check_text(item, field, in_list=True)
        return value
    return [clean_text(item, field, in_list=True) for item in value]


def _no_number(kind: str):
    """A check run before pydantic reads a date, a moment or a time: pydantic reads 12345 as a moment
    in 1970, and in a meeting file a number there is damage."""

    @_signature_known
    def refuse(value: object) -> object:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise PydanticCustomError(kind, "a number where a date or time is expected")
        return value

    return refuse


# The types of the record's texts, dates and times, each with its check. Only the fields that hold one
# carry it: a check on every field ("*") put two Python calls on each of the ~210 fields' values, which
# doubled the schema's build at each command's start and tripled a very large meeting's validation.
Text = Annotated[str, AfterValidator(_writable)]
"""A text: a name, a note, an id..."""
Texts = Annotated[list[str], AfterValidator(_writable_items)]
"""A list of texts (ids)."""
Day = Annotated[dt.date, BeforeValidator(_no_number("date_type"))]
Moment = Annotated[dt.datetime, BeforeValidator(_no_number("date_type"))]
ClockTime = Annotated[dt.time, BeforeValidator(_no_number("time_type"))]


class Record(BaseModel):
    """Base of every part of the file: unknown fields are refused, values never echoed in errors.

    Its texts are `Text` (or `Texts`), its dates `Day`, `Moment` or `ClockTime`: the checks that
    every value read from a file must pass come with those types."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=os.environ.get(SCHEMA_DESCRIPTIONS_ENV) == "1",
        hide_input_in_errors=True,
        validate_assignment=False,
        defer_build=True,
    )


class Visibility(Record):
    kind: VisibilityKind = VisibilityKind.MINUTE
    """minute: written in the minute; oral_only: never written; restricted: only in the named recipients' copies."""
    recipients: Texts = Field(default_factory=_list)
    """Participant ids allowed to read a restricted note."""

    def allows(self, recipient_id: str | None) -> bool:
        """Whether the copy for `recipient_id` carries the note (None: the common edition)."""
        if self.kind is VisibilityKind.MINUTE:
            return True
        if self.kind is VisibilityKind.ORAL_ONLY:
            return False
        return recipient_id is not None and recipient_id in self.recipients


class Carried(Record):
    """Where a carried-over element comes from."""

    meeting_id: Text
    """Id of the meeting it was recorded in."""
    meeting_date: Day | None = None
    """Date of that meeting, said on screen and in the minute ("reporté de la réunion du ...")."""
    original_id: Text = ""
    """Id of the element in that meeting."""


class TimeSpan(Record):
    """A stretch of time on a clock; `end` is empty while it runs."""

    start: Moment
    """When it started."""
    end: Moment | None = None
    """When it stopped; empty while running."""

    def seconds(self, at: dt.datetime | None = None) -> float:
        end = self.end or at or now()
        return max(0.0, (end - self.start).total_seconds())


class SeriesInfo(Record):
    """The meeting's place in the series of meetings around the same person."""

    series_id: Text = Field(default_factory=new_id)
    """Opaque id shared by all the meetings of the series."""
    number: int = Field(default=1, ge=1)
    """Number of this meeting in the series (1 for the first)."""
    previous_meeting_id: Text = ""
    """Id of the previous meeting of the series, if any."""
    previous_file: Text = ""
    """File name of the previous meeting, if any."""
    previous_date: Day | None = None
    """Date of the previous meeting, if any."""
    closed_on: Day | None = None
    """Date the series was closed (the network is no longer needed), if it was."""
    closed_reason: SeriesEnd | None = None
    """Why the series was closed."""
    closed_note: Text = ""
    """The facilitator's words about the closure."""


class Participant(Record):
    """Anyone invited to the meeting, the person included."""

    id: Text = Field(default_factory=new_id)
    """Opaque id used by every reference to this participant."""
    name: Text
    """Name as written in the minute (a pseudonym is fine)."""
    kind: ParticipantKind = ParticipantKind.PARTNER
    """person (the person accompanied), partner (a service), network (the person's own network), facilitator."""
    organisation: Text = ""
    """Service or institution (empty for the person and their network)."""
    role: Text = ""
    """Role or mandate in the service, or link to the person for their network."""
    addressed_as: Text = ""
    """How they wish to be addressed ("Monsieur Lambert", "Jean"...)."""
    attendance: Attendance = Attendance.INVITED
    """invited (not yet known), present, excused or absent."""
    absence_reason: Text = ""
    """Why they are excused or absent."""
    written_contribution: bool = False
    """An excused participant sent a written contribution."""
    written_text: Text = ""
    """The written contribution's text, read where they would have spoken and written in the minute."""
    written_item_ids: Texts = Field(default_factory=_list)
    """The agenda items the written contribution is about: it is read in the round of each of them.
    Empty: it is about the meeting as a whole, and read once, in the round of the first item."""
    excused_message: Text = ""
    """A message of an excused participant, read in the meeting (shown at their turn, written in the minute)."""
    receives_minute: bool = True
    """Is on the distribution list of the minute."""
    contact: Text = ""
    """Telephone or e-mail, for the letter to the person ("who to call")."""


class NetworkMember(Record):
    """Someone the person names as a resource in their own life."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    name: Text
    """Name, as the person gives it."""
    link: Text = ""
    """Link to the person (daughter, neighbour, former educator...)."""
    agrees_to_involve: bool | None = None
    """Whether the person agrees to involve them (empty: not asked yet)."""
    offer: Text = ""
    """What they contribute or offer."""
    participant_id: Text = ""
    """If they are also invited to the meeting, their participant id."""
    visibility: Visibility = Field(default_factory=Visibility)
    """Who may read their name in a copy of the minute: elsewhere they are « une personne proche »."""


class MapPlacement(Record):
    """Where the person places someone on the map of their network: sector, closeness and tie."""

    who_id: Text
    """Id of a member of the person's network, or of a participant (a partner's service)."""
    sector: MapSector = MapSector.FAMILY
    """family, friends (and neighbours), work_school (colleagues, school, club) or services."""
    ring: int = Field(default=2, ge=1, le=3)
    """Closeness, as the person feels it: 1 very close, 2 close, 3 further away."""
    tie: TieKind = TieKind.SUPPORTIVE
    """supportive, fragile or conflicting."""


class DomainConsent(Record):
    """For a partial consent: how one life domain may be shared."""

    domain: Domain
    """The life domain."""
    sharing: DomainSharing = DomainSharing.ALL
    """all participants, only named participants, or not shared."""
    participants: Texts = Field(default_factory=_list)
    """Participant ids the domain may be shared with, when sharing is 'named'."""


class SharingConsent(Record):
    """The person's consent to the meeting and to information sharing between the services."""

    to_meeting: bool | None = None
    """The person agrees to the meeting being held (empty: not asked)."""
    status: ConsentStatus = ConsentStatus.NOT_ASKED
    """Consent to information sharing: not_asked, given, refused or partial."""
    scope: Text = ""
    """The scope in words: what may be shared, with whom."""
    domains: list[DomainConsent] = Field(default_factory=_list)
    """For a partial consent, the sharing agreed per life domain."""
    person_words: Text = ""
    """What the person said about it, in their words."""
    date: Day | None = None
    """When it was given or refused."""
    needs_confirmation: bool = False
    """Carried from a previous meeting: to be confirmed or changed at the opening, never silently."""
    minute_readers: Texts | None = None
    """Participant ids the person agrees may receive the detailed (professional) minute; empty: not asked
    yet. The person decides, or the reference person they name; the issue refuses anyone else."""
    minute_decided_by: Text = ""
    """Participant id of who decided the readers of the minute: the person, or their reference person."""


class AgendaItem(Record):
    """One point of the agenda (ordre du jour)."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    title: Text
    """The point, as shown on screen and in the minute."""
    timebox_minutes: int = Field(default=15, ge=0, le=600)
    """Time planned for it, in minutes."""
    state: ItemState = ItemState.PLANNED
    """planned, running, paused, done or skipped."""
    clock: list[TimeSpan] = Field(default_factory=_list)
    """The stretches of time spent on it; pausing closes one, resuming opens another."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns."""
    carried_from: Carried | None = None
    """Set when proposed from a previous meeting's open question."""
    is_review: bool = False
    """This item is the review of the previous meeting's actions."""
    outcome: ItemOutcome | None = None
    """What came of it, set by the facilitator (decided, discussed, to continue, not reached); None: the
    minute derives it from the item's state and what was decided on it (`model.outcomes`)."""

    def elapsed_seconds(self, at: dt.datetime | None = None) -> float:
        return sum(span.seconds(at) for span in self.clock)

    @property
    def started_at(self) -> dt.datetime | None:
        return self.clock[0].start if self.clock else None

    @property
    def stopped_at(self) -> dt.datetime | None:
        return self.clock[-1].end if self.clock else None


class Contribution(Record):
    """A participant's input (apport) during the round table of an item."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    item_id: Text = ""
    """The agenda item it was said on (empty: the meeting in general)."""
    speaker_id: Text
    """Participant id of the speaker."""
    text: Text
    """What was said, as it will read in the minute."""
    nature: Nature = Nature.FACT
    """fact, assessment or proposal: the minute keeps facts apart from assessments."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns."""
    visibility: Visibility = Field(default_factory=Visibility)
    """Who may read it."""
    at: Moment | None = None
    """When it was recorded."""


class PersonView(Record):
    """The person's view, in their own words."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    item_id: Text = ""
    """The agenda item (empty: their view on the whole situation)."""
    aspect: ViewAspect = ViewAspect.GENERAL
    """general, going_well, worries, wants or ideas."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns (empty: those of its agenda item); the person's consent applies to them."""
    text: Text
    """Their words, as they said them."""
    visibility: Visibility = Field(default_factory=Visibility)
    """Who may read it."""
    at: Moment | None = None
    """When it was recorded."""


class Step(Record):
    """A step in progress (démarche en cours) that someone is already taking."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    carrier_id: Text
    """Participant id of who takes the step (a partner, the person, their network)."""
    domain: Domain
    """Life domain of the step."""
    what: Text
    """The step, in a few words."""
    since: Text = ""
    """Since when (a date or words)."""
    status: StepStatus = StepStatus.ONGOING
    """planned, ongoing, waiting, done, stopped, or to_update when carried over."""
    item_id: Text = ""
    """The agenda item it was named on."""
    visibility: Visibility = Field(default_factory=Visibility)
    """Who may read it."""
    carried_from: Carried | None = None
    """Set when carried from a previous meeting."""


class PictureLine(Record):
    """A line of the shared picture: what is working, what worries us, what needs to happen."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    kind: PictureKind
    """working, worries or needs."""
    text: Text
    """The line."""
    voice_id: Text = ""
    """Participant id of who said it."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns."""
    item_id: Text = ""
    """The agenda item it was said on."""
    visibility: Visibility = Field(default_factory=Visibility)
    """Who may read it."""


class ScaleRating(Record):
    """A 0-10 scale asked of one voice (Signs of Safety)."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    voice_id: Text
    """Participant id of who answered."""
    value: int = Field(ge=0, le=10)
    """0 to 10."""
    question: Text = ""
    """The question asked (e.g. 0: nothing is safe, 10: everything is in place)."""
    comment: Text = ""
    """Why this number, in their words."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns (empty: those of its agenda item); the person's consent applies to them."""
    item_id: Text = ""
    """The agenda item it was asked on."""


class Position(Record):
    """One party's view in a disagreement."""

    participant_id: Text
    """Who holds it."""
    view: Text = ""
    """Their position, in their words."""


class Disagreement(Record):
    """A point of disagreement, including between services."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    between: Texts = Field(default_factory=_list)
    """Participant ids of who disagrees."""
    about: Text
    """What it is about."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns."""
    settled: bool = False
    """Whether it was settled during the meeting."""
    resolution: Text = ""
    """How it was settled, or what is planned to settle it."""
    positions: list[Position] = Field(default_factory=_list)
    """Each party's position (the minute writes the person's first)."""
    item_id: Text = ""
    """The agenda item it was raised on."""
    visibility: Visibility = Field(default_factory=Visibility)
    """Who may read it."""


class OpenQuestion(Record):
    """A question left open, or an item carried over to the next meeting."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    text: Text
    """The question."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it concerns (empty: those of its agenda item); the person's consent applies to them."""
    item_id: Text = ""
    """The agenda item it arose from."""
    carried_from: Carried | None = None
    """Set when carried from a previous meeting."""


class StatusChange(Record):
    """One change of an action's status, kept for the series' history."""

    status: ActionStatus
    """The new status."""
    on: Day
    """When it changed."""
    meeting_id: Text = ""
    """The meeting it was recorded in."""


class Action(Record):
    """An action negotiated with the person: one carrier, a date, the person's agreement."""

    id: Text = Field(default_factory=new_id)
    """Opaque id."""
    what: Text
    """What will be done."""
    carrier_id: Text = ""
    """Participant id of the one person who carries it."""
    carrier_label: Text = ""
    """Who carries it when not a participant (a name); collective carriers are flagged."""
    supporters: Texts = Field(default_factory=_list)
    """Participant ids of who helps."""
    due: Day | None = None
    """By when."""
    carrier_agrees: bool | None = None
    """The carrier accepted to carry it (asked when the person or their network carries it; empty: not asked)."""
    checker_id: Text = ""
    """Participant id of who checks that it is done."""
    agreement: Agreement = Agreement.NOT_ASKED
    """The person's agreement: agrees, disagrees, wants_time or not_asked."""
    person_words: Text = ""
    """The person's own words about it, when they differ or add something."""
    person_wording: Text = ""
    """How the letter to the person says it, to them (« Vous appelez Sophie Mertens, votre assistante
    sociale… »); empty: the wording the rules propose from the action."""
    status: ActionStatus = ActionStatus.PLANNED
    """planned, in_progress, done, not_done or dropped."""
    status_reason: Text = ""
    """Why it was dropped or not done."""
    item_id: Text = ""
    """The agenda item it arose from."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains it belongs to."""
    created_at: Moment | None = None
    """When it was recorded."""
    carried_from: Carried | None = None
    """Set when carried from a previous meeting."""
    reviewed: bool = False
    """A carried action was walked through with the person at this meeting."""
    change_for_person: Text = ""
    """At the review: what changed for the person, in their words."""
    history: list[StatusChange] = Field(default_factory=_list)
    """Earlier statuses, across the series."""


class PrivatePart(Record):
    """A part of the meeting held without the person (or without some participants)."""

    span: TimeSpan
    """When."""
    reason: Text = ""
    """Why, as the minute will say it."""


class NextMeeting(Record):
    date: Day | None = None
    """Date of the next meeting."""
    time: ClockTime | None = None
    """Start time."""
    place: Text = ""
    """Where."""
    invitees: Texts = Field(default_factory=_list)
    """Participant ids to invite."""
    others: Text = ""
    """Others to invite, in words."""
    person_agrees: bool | None = None
    """The person agrees with who is invited."""


class Recipient(Record):
    """A copy of the minute that was sent."""

    participant_id: Text
    """Who received it."""
    edition: Edition
    """professional or person."""
    file_name: Text = ""
    """The file that was sent."""
    sha256: str = ""
    """SHA-256 of that file."""


class ConsentOverride(Record):
    """A copy sent with a note outside the person's consent, and the reason the facilitator gave."""

    note_id: Text
    """The note."""
    recipient_id: Text
    """The recipient whose copy carries it."""
    reason: Text
    """Why it was sent anyway."""


class Issue(Record):
    """One issue (version) of the minute."""

    version: int = Field(ge=1)
    """1 for the first issue, 2 for the first correction..."""
    at: Moment
    """When it was issued."""
    what_changed: Text = ""
    """For a correction: what changed, in the facilitator's words."""
    recipients: list[Recipient] = Field(default_factory=_list)
    """Who received which file."""
    consent_overrides: list[ConsentOverride] = Field(default_factory=_list)
    """Notes sent outside the person's consent, with the reason."""
    by: Text = ""
    """Who issued it (a name, as the minute prints it)."""
    content: dict[str, str] = Field(default_factory=_dict)
    """What the minute was made from: one short hash per record and per field of the meeting
    (model/minute_state.py), to tell whether the meeting changed since, and how much. Empty for an issue
    made by an earlier program."""


class Distribution(Record):
    """Sending the minute."""

    correction_days: int = Field(default=15, ge=0, le=365)
    """Days the participants have to ask for a correction."""
    issues: list[Issue] = Field(default_factory=_list)
    """Every issue of the minute, oldest first."""


class WordsRevision(Record):
    """The person's own words, as they were before a correction after the meeting."""

    target: Text
    """What was corrected: 'person_views/<id>', 'actions/<id>/person_words', 'scales/<id>/comment', 'last_word',
    'consent'."""
    before: Text
    """The words as first recorded."""
    at: Moment
    """When they were corrected."""


class FormDraftField(Record):
    """One field of a form left open, as it was typed (see FormDraft)."""

    name: str
    """The form's own name for the field (the record's field it fills)."""
    caption: str = ""
    """The field's caption as shown, to say what the text was when the form cannot be opened again."""
    kind: str = "text"
    """text, long, date, time, int, choice, radio, multi or check (tui/dialogs/forms.py)."""
    value: str | bool | int | float | list[str] | None = None
    """What the field held: the text typed, the value chosen (an enum's value), the values ticked."""


class FormDraft(Record):
    """A form that was open with something typed in it, not saved nor cancelled yet: kept with the
    meeting so that a dropped connection or a crash loses nothing, and offered back on reopening."""

    title: str = ""
    """The form's title as shown (« Parole de la personne »)."""
    step: str = ""
    """The step (screen mode) it was opened from."""
    screen: str = ""
    """The class name of the screen that opened it."""
    action: str = ""
    """The screen's action that opens the same form again (« add_view »); empty when it was opened
    otherwise (a line chosen in a list): the text is then given back in the typing line."""
    fields: list[FormDraftField] = Field(default_factory=_list)
    """Every field of the form, in order, as it was."""


class Progress(Record):
    """Where the facilitator was, so that reopening the meeting returns there."""

    phase: Phase = Phase.PREPARE
    """prepare, open, live, actions or close."""
    item_id: Text = ""
    """The current agenda item."""
    speaker_id: Text = ""
    """The current speaker of the round table."""
    draft: Text = ""
    """Text typed in the live typing area and not recorded yet: kept so a dropped connection loses nothing."""
    room_hidden: bool = False
    """The facilitator hid the room's screen (`concertation show`): it shows nothing until shown again."""
    form_draft: FormDraft | None = None
    """A form open with text typed in it when the program last stopped (offered back on reopening)."""


class Meeting(Record):
    """A réunion de concertation: one meeting around and with one person, one file."""

    format_version: Literal[3] = FORMAT_VERSION
    """Version of this file format; older files are migrated when opened."""
    id: Text = Field(default_factory=new_id)
    """Opaque id (never the person's name)."""
    title: Text = ""
    """Title of the meeting."""
    purpose: Text = ""
    """The question the meeting must answer."""
    language: Language = Language.FR
    """Language of the minute: fr or en."""
    locale: Text = "fr_BE"
    """Locale of the minute's dates and language tag (fr_BE, fr_FR, en_GB)."""
    organisation: Text = ""
    """The organisation holding the meeting (author of the minute)."""
    file_number: Text = ""
    """The organisation's own identifier for filing (a file number): used in the minute's file names, never
    the person's name. Letters, digits, '-', '_' and '.', at most 40."""
    date: Day | None = None
    """Date of the meeting."""
    start_time: ClockTime | None = None
    """Planned start time."""
    end_time: ClockTime | None = None
    """Planned end time."""
    place: Text = ""
    """Where it is held."""
    facilitator_id: Text = ""
    """Participant id of the facilitator."""
    minute_taker_id: Text = ""
    """Participant id of who takes the minute."""
    series: SeriesInfo = Field(default_factory=SeriesInfo)
    """Place in the series of meetings around the person."""
    participants: list[Participant] = Field(default_factory=_list)
    """Everyone invited, the person included (kind 'person')."""
    support_person_id: Text = ""
    """Participant id of the person's support person (personne de confiance), if any."""
    reference_person_id: Text = ""
    """Participant id of the reference person the person calls between meetings."""
    between_meetings: Text = ""
    """Who the person calls when things go wrong, and how."""
    network: list[NetworkMember] = Field(default_factory=_list)
    """The people and institutions the person names as resources."""
    network_map: list[MapPlacement] = Field(default_factory=_list)
    """The map of the person's network, built with them: each member and partner by sector and closeness."""
    consent: SharingConsent = Field(default_factory=SharingConsent)
    """The person's consent to the meeting and to information sharing."""
    agenda: list[AgendaItem] = Field(default_factory=_list)
    """The agenda items, in order."""
    speaking_order: Texts = Field(default_factory=_list)
    """Participant ids in round-table order (empty: the person, their network, partners, the facilitator last)."""
    domains: list[Domain] = Field(default_factory=_list)
    """Life domains concerned by the meeting."""
    clock: list[TimeSpan] = Field(default_factory=_list)
    """The stretches of time the meeting ran; pausing closes one."""
    private_parts: list[PrivatePart] = Field(default_factory=_list)
    """Parts of the meeting held without the person, and why."""
    contributions: list[Contribution] = Field(default_factory=_list)
    """What each participant brought, item by item."""
    person_views: list[PersonView] = Field(default_factory=_list)
    """The person's view, per item and overall, in their words."""
    person_view_missing_reason: Text = ""
    """Why the person did not give their view, when they did not."""
    conclusion: Text = ""
    """The meeting's answer to its question (its purpose), set at the closing step."""
    last_word: Text = ""
    """The person's last word at the close, in their words."""
    steps: list[Step] = Field(default_factory=_list)
    """Steps in progress of the partners, the person and their network."""
    picture: list[PictureLine] = Field(default_factory=_list)
    """The shared picture: what is working, what worries us, what needs to happen."""
    scales: list[ScaleRating] = Field(default_factory=_list)
    """0-10 scale answers, per voice."""
    disagreements: list[Disagreement] = Field(default_factory=_list)
    """Points of disagreement, settled or not."""
    open_questions: list[OpenQuestion] = Field(default_factory=_list)
    """Questions left open and items carried over."""
    actions: list[Action] = Field(default_factory=_list)
    """Actions negotiated with the person."""
    next_meeting: NextMeeting = Field(default_factory=NextMeeting)
    """The next meeting."""
    distribution: Distribution = Field(default_factory=Distribution)
    """Sending the minute."""
    revisions: list[WordsRevision] = Field(default_factory=_list)
    """Corrections of the person's own words after the meeting, with what they said before."""
    progress: Progress = Field(default_factory=Progress)
    """Where the facilitator was, to come back there."""
    created_at: Moment | None = None
    """When the meeting file was created."""

    # -- references ------------------------------------------------------------------------------

    @model_validator(mode="after")
    def _references_resolve(self) -> "Meeting":
        """Every id a part refers to must exist: a dangling reference is a damaged file (model/references.py
        declares which field refers to what)."""
        if len({p.id for p in self.participants}) != len(self.participants):
            raise ValueError("two participants have the same id")
        if len({i.id for i in self.agenda}) != len(self.agenda):
            raise ValueError("two agenda items have the same id")
        broken = references.dangling(self)
        if broken:
            # one line per place, read back by the store to name each in words
            raise ValueError("; ".join(f"{place} refers to an unknown {target} id" for place, target in broken))
        # a placement on the network map names a participant or a member of the person's network
        people = {p.id for p in self.participants} | {m.id for m in self.network}
        misplaced = [n for n, place in enumerate(self.network_map, start=1) if place.who_id not in people]
        if misplaced:
            raise ValueError(f"network_map n° {misplaced[0]} › who_id refers to an unknown participant id")
        references.clear_stale(self)
        return self

    # -- lookups -----------------------------------------------------------------------------------

    @property
    def person(self) -> Participant | None:
        """The person the meeting is about and with (the participant of kind 'person')."""
        return next((p for p in self.participants if p.kind is ParticipantKind.PERSON), None)

    def participant(self, participant_id: str) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def item(self, item_id: str) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == item_id), None)

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def round_table(self, with_messages: bool = False, item_id: str | None = None) -> list[Participant]:
        """Who speaks, in order: the saved order, else the person, their network, partners, the facilitator.

        Participants missing from a saved order (added later) follow it in the default order, the
        facilitator always last among them (they lead the round and speak for their own service at its
        end, unless the order places them elsewhere); the absent and excused are left out, except, with
        `with_messages`, the excused who sent a message or a written contribution: it is read at their turn
        (with `item_id`, only those with something to read on that item: see `to_read`).
        """
        rank = {ParticipantKind.PERSON: 0, ParticipantKind.NETWORK: 1, ParticipantKind.PARTNER: 2,
                ParticipantKind.FACILITATOR: 3}
        speakers = [
            p
            for p in self.participants
            if p.kind in rank and (p.attendance not in (Attendance.EXCUSED, Attendance.ABSENT)
                                   or (with_messages and p in self.excused(item_id)))
        ]
        default = sorted(speakers, key=lambda p: rank[p.kind])  # sorted() is stable
        ordered = {pid: n for n, pid in enumerate(self.speaking_order)}
        return sorted(default, key=lambda p: ordered.get(p.id, len(ordered)))

    def excused(self, item_id: str | None = None) -> list[Participant]:
        """The excused participants who sent something to read: a message or a written contribution
        (with `item_id`: something to read in that item's round)."""
        return [p for p in self.participants if p.attendance is Attendance.EXCUSED
                and (any(self.to_read(p, item_id)) if item_id else
                     (p.excused_message.strip() or p.written_text.strip()))]

    def to_read(self, participant: Participant, item_id: str | None) -> tuple[str, str]:
        """(written contribution, message) of an excused participant to read out in the round of `item_id`,
        each '' where it is not read there. Read where they would have spoken, not at every item: the
        written contribution in the round of each item it is about (`written_item_ids`), else once, in the
        first item's round; the message once, at the first of those turns. A meeting with no agenda (or
        `item_id` None) reads both at their turn."""
        if participant.attendance is not Attendance.EXCUSED:
            return "", ""
        if item_id is None or not self.agenda:
            return participant.written_text.strip(), participant.excused_message.strip()
        order = {item.id: n for n, item in enumerate(self.agenda)}
        written = participant.written_text.strip()
        items = sorted((i for i in participant.written_item_ids if i in order), key=order.__getitem__)
        turns = items if written and items else [self.agenda[0].id]
        return (written if item_id in turns else "",
                participant.excused_message.strip() if item_id == turns[0] else "")

    def contributions_on(self, item_id: str) -> list[Contribution]:
        return [c for c in self.contributions if c.item_id == item_id]

    def not_spoken_yet(self, item_id: str) -> list[Participant]:
        """Who in the round table has said nothing on this item yet."""
        spoken = {c.speaker_id for c in self.contributions_on(item_id)}
        person = self.person
        if person and any(v.item_id == item_id for v in self.person_views):
            spoken.add(person.id)
        return [p for p in self.round_table() if p.id not in spoken]

    def name_of(self, participant_id: str) -> str:
        found = self.participant(participant_id)
        return found.name if found else ""

    def elapsed_seconds(self, at: dt.datetime | None = None) -> float:
        return sum(span.seconds(at) for span in self.clock)

    @property
    def started_at(self) -> dt.datetime | None:
        return self.clock[0].start if self.clock else None

    @property
    def ended_at(self) -> dt.datetime | None:
        return self.clock[-1].end if self.clock else None

    @property
    def is_follow_up(self) -> bool:
        return self.series.number > 1 or bool(self.series.previous_meeting_id)

    def minute_recipients(self) -> list[Participant]:
        """The participants on the distribution list."""
        return [p for p in self.participants if p.receives_minute]
