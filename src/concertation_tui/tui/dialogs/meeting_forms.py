"""The edit forms of the meeting's parts, and how their values are written back into the model.

Each `*_form()` returns a `FormDialog`; each `apply_*()` writes the dialog's values into the model
(called inside `app.change`, so the save and the refresh follow).
"""

from __future__ import annotations

from typing import Any

from textual.content import Content

from ...i18n import DEFAULT_LOCALES
from ...model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Attendance,
    ConsentStatus,
    Contribution,
    Domain,
    Language,
    Meeting,
    Nature,
    NetworkMember,
    OpenQuestion,
    Participant,
    ParticipantKind,
    PersonView,
    ViewAspect,
    Visibility,
    VisibilityKind,
)
from ..format import one_line
from ..text import lbl, tr
from .forms import FormDialog, FormField


def enum_options(enum: type) -> list[tuple[str, Any]]:
    return [(lbl(value), value) for value in enum]


def tri_options() -> list[tuple[str, Any]]:
    return [(tr("answer.yes"), True), (tr("answer.no"), False), (tr("answer.unknown"), None)]


def people_options(meeting: Meeting, *, exclude: str = "") -> list[tuple[Content, str]]:
    found = []
    for p in meeting.participants:
        if p.id == exclude:
            continue
        where = p.organisation or lbl(p.kind)
        found.append((Content.assemble(p.name, (f"  {one_line(where, 40)}", "dim")), p.id))
    return found


def item_options(meeting: Meeting) -> list[tuple[Content, str]]:
    general = [(Content(tr("form.item_general")), "")]
    return general + [(Content(f"{n}. {one_line(i.title, 60)}"), i.id) for n, i in enumerate(meeting.agenda, 1)]


def domain_options() -> list[tuple[str, Domain]]:
    return enum_options(Domain)


# -- the meeting's details ---------------------------------------------------------------------------


def details_form(meeting: Meeting) -> FormDialog:
    return FormDialog(tr("details.title"), [
        FormField("title", tr("details.field_title"), value=meeting.title, required=True),
        FormField("purpose", tr("details.field_purpose"), "long", meeting.purpose, note=tr("details.purpose_note")),
        FormField("date", tr("details.field_date"), "date", meeting.date),
        FormField("start_time", tr("details.field_start"), "time", meeting.start_time),
        FormField("end_time", tr("details.field_end"), "time", meeting.end_time),
        FormField("place", tr("details.field_place"), value=meeting.place),
        FormField("organisation", tr("details.field_organisation"), value=meeting.organisation),
        FormField("file_number", tr("meeting.field_file_number"), value=meeting.file_number),
        FormField("minute_taker_id", tr("meeting.field_minute_taker"), "choice", meeting.minute_taker_id,
                  people_options(meeting)),
        FormField("language", tr("details.field_language"), "radio", meeting.language, enum_options(Language)),
    ], validate=_check_times)


def _check_times(values: dict[str, Any]) -> str | None:
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end <= start:
        return tr("details.end_before_start")
    return None


def apply_details(meeting: Meeting, values: dict[str, Any]) -> None:
    for name in ("title", "purpose", "date", "start_time", "end_time", "place", "organisation", "file_number"):
        if name in values:
            setattr(meeting, name, values[name])
    if "minute_taker_id" in values:
        chosen = values["minute_taker_id"]
        meeting.minute_taker_id = chosen if isinstance(chosen, str) and meeting.participant(chosen) else ""
    if values.get("language") is not None:
        meeting.language = values["language"]
        # The meeting's own locale (fr_FR, nl_NL...) is kept while it is in the chosen language.
        wanted = meeting.language.value
        if not meeting.locale.startswith(wanted):
            meeting.locale = DEFAULT_LOCALES[wanted]


# -- participants ---------------------------------------------------------------------------------------


def participant_form(meeting: Meeting, participant: Participant | None, *,
                     kind: ParticipantKind = ParticipantKind.PARTNER) -> FormDialog:
    p = participant or Participant(name="", kind=kind)
    title = tr("participant.edit_title") if participant else tr("participant.add_title")

    def validate(values: dict[str, Any]) -> str | None:
        if values["kind"] is ParticipantKind.PERSON:
            other = next((x for x in meeting.participants
                          if x.kind is ParticipantKind.PERSON and x.id != p.id), None)
            if other is not None:
                return tr("participant.one_person", name=other.name)
        return None

    return FormDialog(title, [
        FormField("name", tr("participant.field_name"), value=p.name, required=True,
                  note=tr("participant.name_note")),
        FormField("kind", tr("participant.field_kind"), "radio", p.kind, enum_options(ParticipantKind), vertical=True),
        FormField("addressed_as", tr("participant.field_addressed_as"), value=p.addressed_as),
        FormField("organisation", tr("participant.field_organisation"), value=p.organisation),
        FormField("role", tr("participant.field_role"), value=p.role),
        FormField("attendance", tr("participant.field_attendance"), "radio", p.attendance, enum_options(Attendance)),
        FormField("absence_reason", tr("participant.field_absence_reason"), value=p.absence_reason),
        FormField("written_contribution", tr("participant.field_written"), "check", p.written_contribution),
        FormField("written_text", tr("participant.field_written_text"), "long", p.written_text),
        FormField("excused_message", tr("participant.field_excused_message"), "long", p.excused_message),
        FormField("receives_minute", tr("participant.field_receives"), "check", p.receives_minute),
        FormField("contact", tr("participant.field_contact"), value=p.contact),
    ], validate=validate)


def apply_participant(meeting: Meeting, participant: Participant | None, values: dict[str, Any]) -> Participant:
    if participant is None:
        participant = Participant(name=values["name"])
        meeting.participants.append(participant)
    for name, value in values.items():
        setattr(participant, name, value)
    if participant.written_text.strip():
        participant.written_contribution = True  # a text was received: it is a written contribution
    if participant.kind is ParticipantKind.FACILITATOR and not meeting.facilitator_id:
        meeting.facilitator_id = participant.id
    return participant


def excused_form(participant: Participant) -> FormDialog:
    """What an excused participant sent, to be read at their turn and written in the minute."""
    p = participant
    return FormDialog(tr("excused.title", name=p.name), [
        FormField("written_contribution", tr("participant.field_written"), "check", p.written_contribution),
        FormField("written_text", tr("participant.field_written_text"), "long", p.written_text),
        FormField("excused_message", tr("participant.field_excused_message"), "long", p.excused_message),
    ])


def apply_excused(participant: Participant, values: dict[str, Any]) -> None:
    participant.written_text = values["written_text"]
    participant.excused_message = values["excused_message"]
    participant.written_contribution = bool(values["written_contribution"] or participant.written_text.strip())
    if participant.attendance is Attendance.INVITED and (participant.written_text or participant.excused_message):
        participant.attendance = Attendance.EXCUSED  # who sends words to read is not coming


def network_form(meeting: Meeting, member: NetworkMember | None) -> FormDialog:
    m = member or NetworkMember(name="")
    return FormDialog(tr("network.edit_title") if member else tr("network.add_title"), [
        FormField("name", tr("network.field_name"), value=m.name, required=True),
        FormField("link", tr("network.field_link"), value=m.link),
        FormField("agrees_to_involve", tr("network.field_agrees"), "radio", m.agrees_to_involve, tri_options()),
        FormField("offer", tr("network.field_offer"), "long", m.offer),
        FormField("participant_id", tr("network.field_participant"), "choice", m.participant_id or None,
                  people_options(meeting)),
    ], intro=tr("network.intro"))


def apply_network(meeting: Meeting, member: NetworkMember | None, values: dict[str, Any]) -> None:
    if member is None:
        member = NetworkMember(name=values["name"])
        meeting.network.append(member)
    for name, value in values.items():
        setattr(member, name, value if name != "participant_id" else (value or ""))


# -- agenda -------------------------------------------------------------------------------------------


def item_form(item: AgendaItem | None) -> FormDialog:
    i = item or AgendaItem(title="")
    return FormDialog(tr("item.edit_title") if item else tr("item.add_title"), [
        FormField("title", tr("item.field_title"), value=i.title, required=True),
        FormField("timebox_minutes", tr("item.field_timebox"), "int", i.timebox_minutes, minimum=0, maximum=600),
        FormField("domains", tr("item.field_domains"), "multi", i.domains, domain_options()),
    ])


def apply_item(meeting: Meeting, item: AgendaItem | None, values: dict[str, Any], *,
               after: int | None = None) -> AgendaItem:
    if item is None:
        item = AgendaItem(title=values["title"])
        if after is None:
            meeting.agenda.append(item)
        else:
            meeting.agenda.insert(after + 1, item)
    item.title = values["title"]
    item.timebox_minutes = values["timebox_minutes"] if values["timebox_minutes"] is not None else 0
    item.domains = values["domains"]
    return item


# -- consent ------------------------------------------------------------------------------------------


def consent_form(meeting: Meeting) -> FormDialog:
    c = meeting.consent
    return FormDialog(tr("consent.title"), [
        FormField("to_meeting", tr("consent.field_to_meeting"), "radio", c.to_meeting, tri_options()),
        FormField("status", tr("consent.field_status"), "radio", c.status, enum_options(ConsentStatus)),
        FormField("scope", tr("consent.field_scope"), "long", c.scope, note=tr("consent.scope_note")),
        FormField("person_words", tr("consent.field_words"), "long", c.person_words),
        FormField("date", tr("consent.field_date"), "date", c.date),
        *_reader_fields(meeting),
    ], intro=tr("consent.intro"))


def _reader_fields(meeting: Meeting) -> list[FormField]:
    """Who receives the detailed minute: the person decides, or the reference person they name."""
    person = meeting.person
    if person is None:
        return []
    fields = [FormField("minute_readers", tr("consent.field_readers"), "multi", meeting.consent.minute_readers or [],
                        people_options(meeting, exclude=person.id), note=tr("consent.readers_note"))]
    reference = meeting.participant(meeting.reference_person_id)
    if reference is not None and reference.id != person.id:
        decided = meeting.consent.minute_decided_by or person.id
        fields.append(FormField("minute_decided_by", tr("consent.field_decided_by"), "radio", decided,
                                [(Content(person.name), person.id), (Content(reference.name), reference.id)]))
    return fields


def apply_consent(meeting: Meeting, values: dict[str, Any], today) -> None:
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


# -- contributions and the person's words --------------------------------------------------------------


def visibility_fields(meeting: Meeting, visibility: Visibility) -> list[FormField]:
    return [
        FormField("visibility", tr("note.field_visibility"), "radio", visibility.kind, enum_options(VisibilityKind),
                  note=tr("note.visibility_note")),
        FormField("recipients", tr("note.field_recipients"), "multi", visibility.recipients, people_options(meeting)),
    ]


def _visibility_problem(values: dict[str, Any]) -> str | None:
    if values["visibility"] is VisibilityKind.RESTRICTED and not values["recipients"]:
        return tr("note.restricted_needs_recipient")
    return None


def make_visibility(values: dict[str, Any]) -> Visibility:
    kind = values["visibility"]
    return Visibility(kind=kind, recipients=values["recipients"] if kind is VisibilityKind.RESTRICTED else [])


def contribution_form(meeting: Meeting, contribution: Contribution, *, editing: bool) -> FormDialog:
    """Edit a recorded contribution (with its text), or choose the details of the next one (without)."""
    fields = []
    if editing:
        fields.append(FormField("text", tr("note.field_text"), "long", contribution.text, required=True))
        fields.append(FormField("speaker_id", tr("note.field_speaker"), "choice", contribution.speaker_id,
                                people_options(meeting), allow_blank=False))
    fields += [
        FormField("nature", tr("note.field_nature"), "radio", contribution.nature, enum_options(Nature),
                  note=tr("note.nature_note")),
        FormField("domains", tr("note.field_domains"), "multi", contribution.domains, domain_options()),
        *visibility_fields(meeting, contribution.visibility),
    ]
    return FormDialog(
        tr("note.edit_title") if editing else tr("note.options_title"), fields,
        validate=_visibility_problem, extra_button=("delete", tr("form.delete")) if editing else None,
    )


def apply_contribution(contribution: Contribution, values: dict[str, Any]) -> None:
    if "text" in values:
        contribution.text = values["text"]
        contribution.speaker_id = values["speaker_id"]
    contribution.nature = values["nature"]
    contribution.domains = values["domains"]
    contribution.visibility = make_visibility(values)


def view_form(meeting: Meeting, view: PersonView, *, editing: bool) -> FormDialog:
    person = meeting.person
    name = person.addressed_as or person.name if person else tr("live.the_person")
    return FormDialog(
        tr("view.edit_title", name=name) if editing else tr("view.add_title", name=name),
        [
            FormField("text", tr("view.field_text"), "long", view.text, required=True, note=tr("view.text_note")),
            FormField("item_id", tr("view.field_item"), "choice", view.item_id, item_options(meeting),
                      allow_blank=False),
            FormField("aspect", tr("view.field_aspect"), "radio", view.aspect, enum_options(ViewAspect), vertical=True),
            domains_field(meeting, view),
            *visibility_fields(meeting, view.visibility),
        ],
        validate=_visibility_problem,
        extra_button=("delete", tr("form.delete")) if editing else None,
    )


def domains_field(meeting: Meeting, record) -> FormField:
    """The life domains of a record about the person, proposed from its agenda item: the consent applies."""
    item = meeting.item(record.item_id)
    value = record.domains or (list(item.domains) if item else [])
    return FormField("domains", tr("note.field_domains"), "multi", value, domain_options(),
                     note=tr("note.domains_consent_note"))


def apply_view(view: PersonView, values: dict[str, Any]) -> None:
    view.text = values["text"]
    view.item_id = values["item_id"] or ""
    view.aspect = values["aspect"]
    view.domains = values.get("domains", view.domains)
    view.visibility = make_visibility(values)


# -- actions --------------------------------------------------------------------------------------------


def action_form(meeting: Meeting, action: Action, *, editing: bool) -> FormDialog:
    person = meeting.person
    name = (person.addressed_as or person.name) if person else tr("live.the_person")

    def validate(values: dict[str, Any]) -> str | None:
        if values["status"] is ActionStatus.DROPPED and not values["status_reason"]:
            return tr("action.dropped_needs_reason")
        return None

    fields = [
        FormField("what", tr("action.field_what"), "long", action.what, required=True),
        FormField("carrier_id", tr("action.field_carrier"), "choice", action.carrier_id or None,
                  people_options(meeting), note=tr("action.carrier_note")),
        FormField("carrier_label", tr("action.field_carrier_label"), value=action.carrier_label,
                  note=tr("action.carrier_label_note")),
        FormField("due", tr("action.field_due"), "date", action.due),
        FormField("supporters", tr("action.field_supporters"), "multi", action.supporters, people_options(meeting)),
        FormField("checker_id", tr("action.field_checker"), "choice", action.checker_id or None,
                  people_options(meeting)),
        FormField("agreement", tr("action.field_agreement", name=name), "radio", action.agreement,
                  enum_options(Agreement)),
        FormField("person_words", tr("action.field_person_words", name=name), "long", action.person_words),
    ]
    if "carrier_agrees" in Action.model_fields:
        fields.append(FormField("carrier_agrees", tr("action.field_carrier_agrees"), "radio",
                                getattr(action, "carrier_agrees", None), tri_options()))
    if action.carried_from is not None:
        fields += [
            FormField("reviewed", tr("action.field_reviewed"), "check", action.reviewed),
            FormField("change_for_person", tr("action.field_change_for_person", name=name), "long",
                      action.change_for_person),
        ]
    fields += [
        FormField("status", tr("action.field_status"), "radio", action.status, enum_options(ActionStatus)),
        FormField("status_reason", tr("action.field_status_reason"), value=action.status_reason),
        FormField("item_id", tr("action.field_item"), "choice", action.item_id, item_options(meeting),
                  allow_blank=False),
        FormField("domains", tr("action.field_domains"), "multi", action.domains, domain_options()),
    ]
    return FormDialog(
        tr("action.edit_title") if editing else tr("action.add_title"), fields, validate=validate,
        extra_button=("delete", tr("form.delete")) if editing else None,
    )


def apply_action(action: Action, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name in ("carrier_id", "checker_id", "item_id"):
            value = value or ""
        setattr(action, name, value)


# -- close ------------------------------------------------------------------------------------------------


def question_form(meeting: Meeting, question: OpenQuestion | None) -> FormDialog:
    q = question or OpenQuestion(text="")
    return FormDialog(tr("question.edit_title") if question else tr("question.add_title"), [
        FormField("text", tr("question.field_text"), "long", q.text, required=True),
        FormField("item_id", tr("question.field_item"), "choice", q.item_id, item_options(meeting), allow_blank=False),
        domains_field(meeting, q),
    ], extra_button=("delete", tr("form.delete")) if question else None)


def next_meeting_form(meeting: Meeting) -> FormDialog:
    n = meeting.next_meeting
    return FormDialog(tr("next.title"), [
        FormField("date", tr("next.field_date"), "date", n.date),
        FormField("time", tr("next.field_time"), "time", n.time),
        FormField("place", tr("next.field_place"), value=n.place),
        FormField("invitees", tr("next.field_invitees"), "multi", n.invitees, people_options(meeting)),
        FormField("others", tr("next.field_others"), value=n.others),
        FormField("person_agrees", tr("next.field_person_agrees"), "radio", n.person_agrees, tri_options()),
    ])


def apply_next_meeting(meeting: Meeting, values: dict[str, Any]) -> None:
    for name, value in values.items():
        setattr(meeting.next_meeting, name, value)
