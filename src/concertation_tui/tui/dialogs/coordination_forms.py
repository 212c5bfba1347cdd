"""Forms of the shared picture and of the series: steps in progress, lines of the picture, the 0-10
scale, points of disagreement, the review of a carried action, the closure of the series.

Each `*_form()` returns a `FormDialog`; the screens hand its values to model/ops.py. The widgets and
the words follow `meeting_forms`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...model import (
    Disagreement,
    Domain,
    Meeting,
    PictureKind,
    PictureLine,
    Position,
    ScaleRating,
    SeriesEnd,
    Step,
    StepStatus,
)
from ...model import ops
from ..text import colon, lbl, quote, tr
from .forms import FormDialog, FormField
from .meeting_forms import (
    _visibility_problem,
    domain_options,
    domains_field,
    enum_options,
    item_options,
    people_options,
    visibility_fields,
)

CONTINUE = "continue"
"""The closure form's answer when the network is still needed."""


def _voices(meeting: Meeting) -> list:
    """Who may carry a step or speak in the picture: everyone, in the order of every list of people."""
    return people_options(meeting)


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
        intro = f"{quote(rating.question)}\n{intro}"
    return FormDialog(
        title,
        fields,
        intro=intro,
        extra_button=_delete(editing),
    )




# -- points of disagreement -------------------------------------------------------------------------


def positions_text(meeting: Meeting, positions: list[Position]) -> str:
    """The positions as the form shows them: one « Name : view » a line."""
    return "\n".join(f"{meeting.name_of(p.participant_id)}{colon()}{p.view}" for p in positions if p.view.strip())


def disagreement_form(meeting: Meeting, found: Disagreement, *, editing: bool, intro: str = "") -> FormDialog:
    def validate(values: dict[str, Any]) -> str | None:
        unknown = ops.parse_positions(meeting, values.get("positions", ""))[1]
        if unknown:
            return tr("disagreement.unknown_name", name=unknown)
        return _visibility_problem(values)

    return FormDialog(
        tr("disagreement.edit_title") if editing else tr("disagreement.add_title"),
        [
            FormField("about", tr("disagreement.field_about"), "long", found.about, required=True),
            FormField("between", tr("disagreement.field_between"), "multi", found.between, _voices(meeting)),
            FormField("positions", tr("disagreement.field_positions"), "long",
                      positions_text(meeting, found.positions), note=tr("disagreement.positions_note"),
                      lines=True),
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

