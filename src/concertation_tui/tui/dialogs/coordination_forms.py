"""Forms of the shared picture and of the series: steps in progress, lines of the picture, the 0-10
scale, points of disagreement, the review of a carried action, the closure of the series.

Each `*_form()` returns a `FormDialog`; each `apply_*()` writes its values into the model (called
inside `app.change`). The widgets and the words follow `meeting_forms`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...model import (
    Disagreement,
    Domain,
    Meeting,
    ParticipantKind,
    PictureKind,
    PictureLine,
    Position,
    ScaleRating,
    SeriesEnd,
    Step,
    StepStatus,
)
from ..text import lbl, tr
from .forms import FormDialog, FormField
from .meeting_forms import (
    _visibility_problem,
    domain_options,
    domains_field,
    enum_options,
    item_options,
    make_visibility,
    people_options,
    visibility_fields,
)

CONTINUE = "continue"
"""The closure form's answer when the network is still needed."""


def _voices(meeting: Meeting) -> list:
    """Who may carry a step or speak in the picture: everyone but the facilitator first, then them."""
    order = {ParticipantKind.PERSON: 0, ParticipantKind.NETWORK: 1, ParticipantKind.PARTNER: 2,
             ParticipantKind.FACILITATOR: 3}
    ranked = sorted(meeting.participants, key=lambda p: order[p.kind])
    options = {pid: text for text, pid in people_options(meeting)}
    return [(options[p.id], p.id) for p in ranked]


def _delete(editing: bool) -> tuple[str, str] | None:
    return ("delete", tr("form.delete")) if editing else None


def _item(meeting: Meeting, item_id: str) -> FormField:
    """The agenda item a note belongs to (asked in the rereading, where a note may be moved)."""
    return FormField("item_id", tr("view.field_item"), "choice", item_id, item_options(meeting), allow_blank=False)


# -- steps in progress ------------------------------------------------------------------------------


def step_form(meeting: Meeting, step: Step, *, editing: bool, domain: Domain | None = None,
              with_item: bool = False) -> FormDialog:
    """Edit a step, or note a new one (`domain`: the one to propose, if any). A step carried from the
    previous meeting asks where it stands first (the arrows choose, Enter saves). `with_item`: ask
    for the agenda item too (the rereading)."""
    status = FormField("status", tr("step.field_status"), "radio", step.status, enum_options(StepStatus),
                       vertical=True)
    fields = [
        FormField("what", tr("step.field_what"), "long", step.what, required=True,
                  placeholder=tr("step.what_placeholder")),
        FormField("carrier_id", tr("step.field_carrier"), "choice", step.carrier_id or None, _voices(meeting),
                  required=True, note=tr("step.carrier_note")),
        FormField("domain", tr("step.field_domain"), "choice", step.domain if editing else domain,
                  domain_options(), required=True),
        status,
        FormField("since", tr("step.field_since"), value=step.since, placeholder=tr("step.since_placeholder")),
        *([_item(meeting, step.item_id)] if with_item else []),
        *visibility_fields(meeting, step.visibility),
    ]
    to_update = editing and step.status is StepStatus.TO_UPDATE
    if to_update:
        fields.remove(status)
        fields.insert(0, status)
    return FormDialog(
        tr("step.edit_title") if editing else tr("step.add_title"),
        fields,
        intro=tr("step.update_intro") if to_update else tr("step.intro"),
        validate=_visibility_problem,
        extra_button=_delete(editing),
    )


def apply_step(step: Step, values: dict[str, Any]) -> None:
    step.what = values["what"]
    step.carrier_id = values["carrier_id"]
    step.domain = values["domain"]
    step.status = values["status"]
    step.since = values["since"]
    if "item_id" in values:
        step.item_id = values["item_id"] or ""
    step.visibility = make_visibility(values)


# -- the shared picture -----------------------------------------------------------------------------


def picture_form(meeting: Meeting, line: PictureLine, *, editing: bool, with_item: bool = False) -> FormDialog:
    """Edit a line of the shared picture, or note a new one; `with_item`: ask for the agenda item too."""
    return FormDialog(
        tr("picture.edit_title") if editing else tr("picture.add_title"),
        [
            FormField("kind", tr("picture.field_kind"), "radio", line.kind, enum_options(PictureKind), vertical=True),
            FormField("text", tr("picture.field_text"), "long", line.text, required=True),
            FormField("voice_id", tr("picture.field_voice"), "choice", line.voice_id or None, _voices(meeting),
                      note=tr("picture.voice_note")),
            FormField("domains", tr("picture.field_domains"), "multi", line.domains, domain_options(),
                      note=tr("picture.domains_note")),
            *([_item(meeting, line.item_id)] if with_item else []),
            *visibility_fields(meeting, line.visibility),
        ],
        validate=_visibility_problem,
        extra_button=_delete(editing),
        first="" if editing else "text",  # the key that opened it chose the kind: the words come next
    )


def apply_picture(line: PictureLine, values: dict[str, Any]) -> None:
    line.kind = values["kind"]
    line.text = values["text"]
    line.voice_id = values["voice_id"] or ""
    line.domains = values["domains"]
    if "item_id" in values:
        line.item_id = values["item_id"] or ""
    line.visibility = make_visibility(values)


# -- the 0-10 scale ---------------------------------------------------------------------------------


def scale_form(meeting: Meeting, rating: ScaleRating, *, editing: bool, round_left: int = 0) -> FormDialog:
    name = meeting.name_of(rating.voice_id)
    if editing:
        title = tr("scale.edit_title")
    else:
        title = tr("scale.ask_title", name=name) if name else tr("scale.add_title")
    intro = tr("scale.intro_round", count=round_left) if round_left else tr("scale.intro")
    question = FormField("question", tr("scale.field_question"), "long", rating.question,
                         placeholder=tr("scale.question_placeholder"))
    fields = [
        FormField("value", tr("scale.field_value"), "int", None if not editing and not rating.value
                  else rating.value, required=True, minimum=0, maximum=10, placeholder="0 … 10"),
        FormField("comment", tr("scale.field_comment"), "long", rating.comment),
        FormField("voice_id", tr("scale.field_voice"), "choice", rating.voice_id or None, _voices(meeting),
                  required=True),
        domains_field(meeting, rating),
    ]
    # a question already asked is proposed again, under the number (typed first); a new one first
    fields = [question, *fields] if not rating.question.strip() else [*fields, question]
    if rating.question.strip():
        intro = f"« {rating.question.strip()} »\n{intro}"
    return FormDialog(
        title,
        fields,
        intro=intro,
        extra_button=_delete(editing),
    )


def apply_scale(rating: ScaleRating, values: dict[str, Any]) -> None:
    rating.question = values["question"]
    rating.voice_id = values["voice_id"]
    rating.value = values["value"]
    rating.comment = values["comment"]
    rating.domains = values.get("domains", rating.domains)


# -- points of disagreement -------------------------------------------------------------------------


def positions_text(meeting: Meeting, positions: list[Position]) -> str:
    """The positions as the form shows them: one « Name : view » a line."""
    return "\n".join(f"{meeting.name_of(p.participant_id)} : {p.view}" for p in positions if p.view.strip())


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


def disagreement_form(meeting: Meeting, found: Disagreement, *, editing: bool, intro: str = "") -> FormDialog:
    def validate(values: dict[str, Any]) -> str | None:
        unknown = parse_positions(meeting, values.get("positions", ""))[1]
        if unknown:
            return tr("disagreement19.unknown_name", name=unknown)
        return _visibility_problem(values)

    return FormDialog(
        tr("disagreement.edit_title") if editing else tr("disagreement.add_title"),
        [
            FormField("about", tr("disagreement.field_about"), "long", found.about, required=True),
            FormField("between", tr("disagreement.field_between"), "multi", found.between, _voices(meeting)),
            FormField("positions", tr("disagreement19.field_positions"), "long",
                      positions_text(meeting, found.positions), note=tr("disagreement19.positions_note")),
            FormField("settled", tr("disagreement.field_settled"), "check", found.settled),
            FormField("resolution", tr("disagreement.field_resolution"), "long", found.resolution,
                      note=tr("disagreement.resolution_note")),
            FormField("domains", tr("disagreement.field_domains"), "multi", found.domains, domain_options()),
            *visibility_fields(meeting, found.visibility),
        ],
        intro=intro or tr("disagreement.intro"),
        validate=validate,
        extra_button=_delete(editing),
    )


def apply_disagreement(found: Disagreement, values: dict[str, Any], meeting: Meeting | None = None) -> None:
    """`meeting` (whose participants the typed names are looked up in) is needed for the positions."""
    found.about = values["about"]
    found.positions = parse_positions(meeting, values.get("positions", ""))[0] if meeting else found.positions
    # whoever has a position is a party to the disagreement
    found.between = list(dict.fromkeys([*values["between"], *(p.participant_id for p in found.positions)]))
    found.settled = values["settled"]
    found.resolution = values["resolution"]
    found.domains = values["domains"]
    found.visibility = make_visibility(values)


# -- the series: is the network still needed? ----------------------------------------------------------


def closure_form(meeting: Meeting, today: dt.date) -> FormDialog:
    series = meeting.series
    current: Any = series.closed_reason if series.closed_on else CONTINUE
    options: list[tuple[str, Any]] = [(tr("closure.continue"), CONTINUE)]
    options += [(lbl(end), end) for end in SeriesEnd]

    def validate(values: dict[str, Any]) -> str | None:
        if values["reason"] is SeriesEnd.OTHER and not values["note"]:
            return tr("closure.other_needs_note")
        return None

    return FormDialog(
        tr("closure.title"),
        [
            FormField("reason", tr("closure.field_reason"), "radio", current, options, vertical=True),
            FormField("note", tr("closure.field_note"), "long", series.closed_note,
                      note=tr("closure.note_note")),
            FormField("date", tr("closure.field_date"), "date", series.closed_on or today),
        ],
        intro=tr("closure.intro"),
        validate=validate,
    )


def apply_closure(meeting: Meeting, values: dict[str, Any], today: dt.date) -> None:
    series = meeting.series
    if values["reason"] == CONTINUE:
        series.closed_on, series.closed_reason, series.closed_note = None, None, ""
        return
    series.closed_reason = values["reason"]
    series.closed_on = values["date"] or today
    series.closed_note = values["note"]
