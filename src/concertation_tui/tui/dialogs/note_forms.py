"""Edit forms of the notes that have no dialog during the meeting: a step in progress, a line of the
shared picture, a disagreement, a 0-10 scale; and a form for a note's visibility alone.

Same pattern as `meeting_forms`: each `*_form()` returns a `FormDialog`, each `apply_*()` writes its
values into the model inside `app.change`.
"""

from __future__ import annotations

from typing import Any

from ...model import Disagreement, Meeting, PictureKind, PictureLine, ScaleRating, Step, StepStatus, Visibility
from ..text import tr
from .forms import FormDialog, FormField
from .meeting_forms import (
    _visibility_problem,
    domain_options,
    enum_options,
    item_options,
    make_visibility,
    people_options,
    visibility_fields,
)


def _delete() -> tuple[str, str]:
    return ("delete", tr("form.delete"))


def step_form(meeting: Meeting, step: Step) -> FormDialog:
    return FormDialog(tr("reread.step_title"), [
        FormField("what", tr("reread.step_what"), "long", step.what, required=True),
        FormField("carrier_id", tr("reread.step_carrier"), "choice", step.carrier_id, people_options(meeting),
                  allow_blank=False),
        FormField("domain", tr("reread.step_domain"), "choice", step.domain, domain_options(), allow_blank=False),
        FormField("status", tr("reread.step_status"), "radio", step.status, enum_options(StepStatus)),
        FormField("since", tr("reread.step_since"), value=step.since),
        FormField("item_id", tr("view.field_item"), "choice", step.item_id, item_options(meeting), allow_blank=False),
        *visibility_fields(meeting, step.visibility),
    ], validate=_visibility_problem, extra_button=_delete())


def apply_step(step: Step, values: dict[str, Any]) -> None:
    step.what = values["what"]
    step.carrier_id = values["carrier_id"]
    step.domain = values["domain"]
    step.status = values["status"]
    step.since = values["since"]
    step.item_id = values["item_id"] or ""
    step.visibility = make_visibility(values)


def picture_form(meeting: Meeting, line: PictureLine) -> FormDialog:
    return FormDialog(tr("reread.picture_title"), [
        FormField("text", tr("reread.picture_text"), "long", line.text, required=True),
        FormField("kind", tr("reread.picture_kind"), "radio", line.kind, enum_options(PictureKind), vertical=True),
        FormField("voice_id", tr("reread.picture_voice"), "choice", line.voice_id or None, people_options(meeting)),
        FormField("domains", tr("note.field_domains"), "multi", line.domains, domain_options()),
        FormField("item_id", tr("view.field_item"), "choice", line.item_id, item_options(meeting), allow_blank=False),
        *visibility_fields(meeting, line.visibility),
    ], validate=_visibility_problem, extra_button=_delete())


def apply_picture(line: PictureLine, values: dict[str, Any]) -> None:
    line.text = values["text"]
    line.kind = values["kind"]
    line.voice_id = values["voice_id"] or ""
    line.domains = values["domains"]
    line.item_id = values["item_id"] or ""
    line.visibility = make_visibility(values)


def disagreement_form(meeting: Meeting, found: Disagreement) -> FormDialog:
    return FormDialog(tr("reread.disagreement_title"), [
        FormField("about", tr("reread.disagreement_about"), "long", found.about, required=True),
        FormField("between", tr("reread.disagreement_between"), "multi", found.between, people_options(meeting)),
        FormField("settled", tr("reread.disagreement_settled"), "check", found.settled),
        FormField("resolution", tr("reread.disagreement_resolution"), "long", found.resolution),
        FormField("domains", tr("note.field_domains"), "multi", found.domains, domain_options()),
        *visibility_fields(meeting, found.visibility),
    ], validate=_visibility_problem, extra_button=_delete())


def apply_disagreement(found: Disagreement, values: dict[str, Any]) -> None:
    found.about = values["about"]
    found.between = values["between"]
    found.settled = values["settled"]
    found.resolution = values["resolution"]
    found.domains = values["domains"]
    found.visibility = make_visibility(values)


def scale_form(meeting: Meeting, rating: ScaleRating) -> FormDialog:
    return FormDialog(tr("reread.scale_title", name=meeting.name_of(rating.voice_id) or "?"), [
        FormField("value", tr("reread.scale_value"), "int", rating.value, required=True, minimum=0, maximum=10),
        FormField("comment", tr("reread.scale_comment"), "long", rating.comment),
        FormField("question", tr("reread.scale_question"), "long", rating.question),
    ], extra_button=_delete())


def apply_scale(rating: ScaleRating, values: dict[str, Any]) -> None:
    rating.value = values["value"]
    rating.comment = values["comment"]
    rating.question = values["question"]


def visibility_form(meeting: Meeting, visibility: Visibility, text: str, domains=()) -> FormDialog:
    """The visibility of any note alone (the shortest way out of a consent conflict), with what the
    person's consent says of the note's domains when it is partial."""
    from ...model import ConsentStatus
    from ..text import lbl
    from .consent_forms import domain_rule, rule_text

    lines = [tr("reread.visibility_intro", text=text)]
    if meeting.consent.status is ConsentStatus.PARTIAL:
        for domain in domains:
            lines.append(tr("reread.visibility_consent", domain=lbl(domain),
                            rule=rule_text(meeting, domain_rule(meeting, domain))))
    return FormDialog(tr("reread.visibility_title"), visibility_fields(meeting, visibility),
                      intro="\n".join(lines), validate=_visibility_problem)
