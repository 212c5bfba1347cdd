"""A follow-up meeting: the next meeting of a series, built from the previous one. Pure: no I/O.

What is carried over says where it comes from. Consent is carried only to be confirmed. Oral-only
and restricted notes never leave the meeting they were said in. The previous meeting is not changed.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import t
from .enums import ActionStatus, Attendance, ItemState, Phase, StepStatus, VisibilityKind
from .outcomes import CARRIED_AGAIN, outcome
from .sharing import invitees_outside_consent
from .meeting import (
    AgendaItem,
    Carried,
    Meeting,
    NextMeeting,
    Progress,
    SeriesInfo,
    StatusChange,
    new_id,
    now,
)

CLOSED_STATUSES = (ActionStatus.DONE, ActionStatus.DROPPED)


def follow_up(previous: Meeting, *, previous_file: str, agenda: list[AgendaItem], day: dt.date | None = None) -> Meeting:
    """The next meeting of `previous`'s series, with `agenda` (a template's) and what is carried over.

    Participants keep their ids across the series, so that a voice's scale or an action's history can
    be followed from one meeting to the next.
    """
    origin = Carried(meeting_id=previous.id, meeting_date=previous.date)
    date = day or previous.next_meeting.date or dt.date.today()

    # What an excused participant sent belongs to the meeting it was read in. An invitee the person did
    # not agree may learn about their situation is invited without a copy of the minute (sharing.py):
    # the person can say otherwise when the consent is confirmed at the opening.
    outside = set(invitees_outside_consent(previous))
    participants = [
        p.model_copy(update={"attendance": Attendance.INVITED, "absence_reason": "", "written_contribution": False,
                             "written_text": "", "written_item_ids": [], "excused_message": "",
                             "receives_minute": p.receives_minute and p.id not in outside})
        for p in previous.participants
    ]
    steps = [
        s.model_copy(update={"id": new_id(), "status": StepStatus.TO_UPDATE, "item_id": "",
                             "carried_from": s.carried_from or origin.model_copy(update={"original_id": s.id})})
        for s in previous.steps
        if s.visibility.kind is VisibilityKind.MINUTE and s.status not in (StepStatus.DONE, StepStatus.STOPPED)
    ]
    actions = [
        a.model_copy(update={
            "item_id": "",
            "reviewed": False,
            "change_for_person": "",
            "carried_from": origin.model_copy(update={"original_id": a.id}),
            "history": [*a.history, StatusChange(status=a.status, on=previous.date or date, meeting_id=previous.id)],
        })
        for a in previous.actions
        if a.status not in CLOSED_STATUSES
    ]
    questions = [
        # Its life domains come along: what is said on it next time falls under the same consent.
        AgendaItem(title=q.text, timebox_minutes=10, domains=list(q.domains),
                   carried_from=origin.model_copy(update={"original_id": q.id}))
        for q in previous.open_questions
    ]
    # A carried question the meeting did not close (to continue, not reached) is carried again, with
    # where it first came from: the minute of `previous` says so, and this meeting takes it up.
    questions += [
        AgendaItem(title=item.title, timebox_minutes=item.timebox_minutes or 10, domains=list(item.domains),
                   carried_from=item.carried_from)
        for item in previous.agenda
        if item.carried_from is not None and outcome(previous, item) in CARRIED_AGAIN
        and not any(q.item_id == item.id and q.text == item.title for q in previous.open_questions)  # skipped
    ]
    items = [item.model_copy(update={"id": new_id(), "state": ItemState.PLANNED, "clock": []}) for item in agenda]
    review_at = next((n for n, item in enumerate(items) if item.is_review), None)
    if review_at is None:
        items.insert(0, AgendaItem(title=t("followup.review_item", previous.language), timebox_minutes=20,
                                   is_review=True))
        review_at = 0
    items[review_at + 1 : review_at + 1] = questions
    review = items[review_at]
    next_meeting = previous.next_meeting
    consent = previous.consent.model_copy(update={"needs_confirmation": True}, deep=True)

    return Meeting(
        title=previous.title,
        purpose=previous.purpose,
        language=previous.language,
        locale=previous.locale,
        organisation=previous.organisation,
        file_number=previous.file_number,  # the same person's file
        date=date,
        start_time=next_meeting.time or previous.start_time,
        place=next_meeting.place or previous.place,
        facilitator_id=previous.facilitator_id,
        minute_taker_id=previous.minute_taker_id,
        series=SeriesInfo(
            series_id=previous.series.series_id,
            number=previous.series.number + 1,
            previous_meeting_id=previous.id,
            previous_file=previous_file,
            previous_date=previous.date,
        ),
        participants=participants,
        support_person_id=previous.support_person_id,
        reference_person_id=previous.reference_person_id,
        between_meetings=previous.between_meetings,
        network=[m.model_copy(deep=True) for m in previous.network],
        network_map=[p.model_copy() for p in previous.network_map],  # this meeting's map starts from the last
        consent=consent,
        agenda=items,
        speaking_order=list(previous.speaking_order),
        domains=list(previous.domains),
        steps=steps,
        actions=actions,
        next_meeting=NextMeeting(),
        progress=Progress(phase=Phase.OPEN, item_id=review.id),
        created_at=now(),
    )
