"""The edit forms of the meeting's parts.

Each `*_form()` returns a `FormDialog` whose fields are named after the record's fields; the screens
hand its values to the named operation of model/ops.py (`app.change(ops.edit_step, step, values)`), so
the save and the refresh follow and no model logic lives here.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content

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
    ops,
    timing,
)
from ...model.people_order import everyone_in_order
from ...services.display import one_line
from ..text import lbl, tr
from .forms import FormDialog, FormField


def enum_options(enum: type) -> list[tuple[str, Any]]:
    return [(lbl(value), value) for value in enum]


def tri_options() -> list[tuple[str, Any]]:
    return [(tr("answer.yes"), True), (tr("answer.no"), False), (tr("answer.unknown"), None)]


def people_options(meeting: Meeting, *, exclude: str = "") -> list[tuple[Content, str]]:
    """Everyone who may be chosen, in the one order of every list of people (the person first, then
    the speaking order: see model/people_order.py), the name first so that typing its start finds it."""
    found = []
    for p in everyone_in_order(meeting):
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
    ], validate=_check_times, first=_first_empty(meeting))


def _first_empty(meeting: Meeting) -> str | None:
    """The field the details form opens on: the first of the title and the question still empty (a meeting
    starts with its title: what is typed next is the question, not more title); the title when both are."""
    if meeting.title.strip() and not meeting.purpose.strip():
        return "purpose"
    return None


def _check_times(values: dict[str, Any]) -> str | None:
    start, end = values.get("start_time"), values.get("end_time")
    if start and end and end <= start:
        return tr("details.end_before_start")
    return None




# -- participants ---------------------------------------------------------------------------------------


def participant_form(meeting: Meeting, participant: Participant | None, *,
                     kind: ParticipantKind = ParticipantKind.PARTNER) -> FormDialog:
    p = participant or ops.blank("participants", kind=kind)
    title = tr("participant.edit_title") if participant else tr("participant.add_title")

    def validate(values: dict[str, Any]) -> str | None:
        if values["kind"] is ParticipantKind.PERSON:
            other = next((x for x in meeting.participants
                          if x.kind is ParticipantKind.PERSON and x.id != p.id), None)
            if other is not None:
                return tr("participant.one_person", name=other.name)
        elif values["receives_minute"] and readers is not None and p.id not in readers:
            return tr("participant.receives_not_agreed", name=values["name"])
        return None

    # The person's answer decides who receives the detailed minute (ops.follow_minute_readers): once
    # given, the box shows it and says where it is changed.
    readers = meeting.consent.minute_readers
    receives = p.receives_minute if participant is not None else True
    if readers is not None and p.kind is not ParticipantKind.PERSON and p.id not in readers:
        receives = False

    return FormDialog(title, [
        FormField("name", tr("participant.field_name"), value=p.name, required=True,
                  note=tr("participant.name_note")),
        FormField("kind", tr("participant.field_kind"), "radio", p.kind, enum_options(ParticipantKind), vertical=True),
        FormField("addressed_as", tr("participant.field_addressed_as"), value=p.addressed_as),
        FormField("organisation", tr("participant.field_organisation"), value=p.organisation),
        FormField("role", tr("participant.field_role"), value=p.role),
        FormField("attendance", tr("participant.field_attendance"), "radio", p.attendance, enum_options(Attendance)),
        # why not here and what they sent: for someone not (yet) marked present only (what is saved stays)
        *([] if p.attendance is Attendance.PRESENT else [
            FormField("absence_reason", tr("participant.field_absence_reason"), value=p.absence_reason),
            FormField("written_contribution", tr("participant.field_written"), "check", p.written_contribution),
            FormField("written_text", tr("participant.field_written_text"), "long", p.written_text),
            *written_items_field(meeting, p),
            FormField("excused_message", tr("participant.field_excused_message"), "long", p.excused_message),
        ]),
        FormField("receives_minute", tr("participant.field_receives"), "check", receives,
                  note=tr("participant.receives_note") if readers is not None else ""),
        FormField("contact", tr("participant.field_contact"), value=p.contact),
    ], validate=validate)




def written_items_field(meeting: Meeting, p: Participant) -> list[FormField]:
    """Which agenda items a written contribution is about (read in their rounds; none: once, at the first)."""
    if not meeting.agenda:
        return []
    options = [(Content(f"{n}. {one_line(i.title, 60)}"), i.id) for n, i in enumerate(meeting.agenda, 1)]
    return [FormField("written_item_ids", tr("participant.field_written_items"), "multi", p.written_item_ids,
                      options, note=tr("participant.written_items_note"))]


def excused_form(meeting: Meeting, participant: Participant) -> FormDialog:
    """What an excused participant sent, to be read at their turn and written in the minute."""
    p = participant
    return FormDialog(tr("excused.title", name=p.name), [
        FormField("written_contribution", tr("participant.field_written"), "check", p.written_contribution),
        FormField("written_text", tr("participant.field_written_text"), "long", p.written_text),
        *written_items_field(meeting, p),
        FormField("excused_message", tr("participant.field_excused_message"), "long", p.excused_message),
    ])


def network_form(meeting: Meeting, member: NetworkMember | None) -> FormDialog:
    m = member or ops.blank("network")
    return FormDialog(tr("network.edit_title") if member else tr("network.add_title"), [
        FormField("name", tr("network.field_name"), value=m.name, required=True),
        FormField("link", tr("network.field_link"), value=m.link),
        FormField("agrees_to_involve", tr("network.field_agrees"), "radio", m.agrees_to_involve, tri_options()),
        FormField("offer", tr("network.field_offer"), "long", m.offer),
        FormField("participant_id", tr("network.field_participant"), "choice", m.participant_id or None,
                  people_options(meeting)),
    ], intro=tr("network.intro"))




# -- agenda -------------------------------------------------------------------------------------------


def item_form(item: AgendaItem | None) -> FormDialog:
    i = item or ops.blank("agenda")
    return FormDialog(tr("item.edit_title") if item else tr("item.add_title"), [
        FormField("title", tr("item.field_title"), value=i.title, required=True),
        FormField("timebox_minutes", tr("item.field_timebox"), "int", i.timebox_minutes, minimum=0, maximum=600),
        FormField("domains", tr("item.field_domains"), "multi", i.domains, domain_options()),
    ])




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




def contribution_form(meeting: Meeting, contribution: Contribution, *, editing: bool) -> FormDialog:
    """Edit a recorded contribution (with its text), or choose the details of the next one (without)."""
    fields = []
    if editing:
        fields.append(FormField("text", tr("note.field_text"), "long", contribution.text, required=True))
    # Who speaks: type the start of their name (the next note's speaker, when not editing)
    fields.append(FormField("speaker_id", tr("note.field_speaker"), "choice", contribution.speaker_id or None,
                            people_options(meeting), allow_blank=not contribution.speaker_id,
                            note="" if editing else tr("note.speaker_typing_note")))
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


def item_domains(meeting: Meeting):
    """The life domains an agenda item (by id) proposes for a record said on it: a form's domains follow
    the item chosen (FormField.follows)."""
    def proposal(item_id) -> list:
        item = meeting.item(item_id) if item_id else None
        return list(item.domains) if item else []
    return proposal


def domains_field(meeting: Meeting, record, caption: str = "") -> FormField:
    """The life domains of a record about the person, proposed from its agenda item and following the
    item chosen in the form until ticked by hand: the consent applies."""
    item = meeting.item(record.item_id)
    value = record.domains or (list(item.domains) if item else [])
    return FormField("domains", caption or tr("note.field_domains"), "multi", value, domain_options(),
                     note=tr("note.domains_consent_note"), follows="item_id", proposal=item_domains(meeting))




# -- actions --------------------------------------------------------------------------------------------


def new_view_form(meeting: Meeting) -> FormDialog:
    """The form F9 opens: the person's words on the current item."""
    item = timing.current_item(meeting)
    return view_form(meeting, ops.blank("person_views", item_id=item.id if item else ""), editing=False)


def new_action_form(meeting: Meeting) -> FormDialog:
    """The form F7 opens: a new action on the current item, its domains proposed."""
    item = timing.current_item(meeting)
    draft = ops.blank("actions", item_id=item.id if item else "", domains=list(item.domains) if item else [])
    return action_form(meeting, draft, editing=False)


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
                  people_options(meeting), note=tr("action.carrier_typing_note")),
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
        FormField("domains", tr("action.field_domains"), "multi", action.domains, domain_options(),
                  follows="item_id", proposal=item_domains(meeting)),
    ]
    return FormDialog(
        tr("action.edit_title") if editing else tr("action.add_title"), fields, validate=validate,
        extra_button=("delete", tr("form.delete")) if editing else None,
    )




# -- close ------------------------------------------------------------------------------------------------


def question_form(meeting: Meeting, question: OpenQuestion | None) -> FormDialog:
    q = question or ops.blank("open_questions")
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


def item_outcome_form(meeting: Meeting, item) -> FormDialog:
    """What came of an item that just ended, asked live: the program's proposal chosen already, so that
    Enter confirms it (recorded as the facilitator's) and ↓ Enter changes it. Never asked unbidden."""
    from ...model import ItemOutcome
    from ...model.outcomes import outcome

    proposed = item.outcome or outcome(meeting, item)
    options = [(lbl(choice).capitalize() + (f" ({tr('live.outcome_proposed')})"
                                            if choice is proposed and item.outcome is None else ""), choice)
               for choice in ItemOutcome]
    return FormDialog(tr("close.outcome_title"), [
        FormField("outcome", tr("close.outcome_caption", title=one_line(item.title, 60)), "radio", proposed,
                  options, vertical=True),
    ])

