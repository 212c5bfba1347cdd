"""The named operations of model/ops.py, each on a plain Meeting (no interface)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from concertation_tui.model import (
    ActionStatus,
    Attendance,
    ConsentStatus,
    Domain,
    DomainSharing,
    Edition,
    Issue,
    ItemState,
    Language,
    Meeting,
    Nature,
    ParticipantKind,
    Phase,
    PictureKind,
    Recipient,
    SeriesEnd,
    StepStatus,
    ViewAspect,
    VisibilityKind,
    ops,
    rereading,
    timing,
)
from concertation_tui.model.meeting import FROM_FILE

AT = dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 12, 1)
MINUTE = {"visibility": VisibilityKind.MINUTE, "recipients": []}


@pytest.fixture
def meeting() -> Meeting:
    m = Meeting(title="Réunion")
    ops.set_participant(m, None, {"name": "Ana", "kind": ParticipantKind.PERSON})
    ops.set_participant(m, None, {"name": "Karim", "kind": ParticipantKind.PARTNER})
    ops.set_participant(m, None, {"name": "Julie", "kind": ParticipantKind.FACILITATOR})
    ops.set_item(m, None, {"title": "Logement", "timebox_minutes": 20, "domains": [Domain.HOUSING]})
    ops.set_item(m, None, {"title": "Santé", "timebox_minutes": None, "domains": []})
    return m


def ids(m: Meeting) -> dict[str, str]:
    return {p.name: p.id for p in m.participants}


def loads(m: Meeting) -> Meeting:
    return Meeting.model_validate(json.loads(m.model_dump_json()), context=FROM_FILE)


def test_participants_and_items_are_added_and_the_first_facilitator_leads(meeting) -> None:
    assert [p.name for p in meeting.participants] == ["Ana", "Karim", "Julie"]
    assert meeting.facilitator_id == ids(meeting)["Julie"]
    assert [i.title for i in meeting.agenda] == ["Logement", "Santé"]
    assert meeting.agenda[1].timebox_minutes == 0  # an empty box is no time planned
    inserted = ops.set_item(meeting, None, {"title": "Budget", "timebox_minutes": 5, "domains": []}, after=0)
    assert [i.title for i in meeting.agenda] == ["Logement", "Budget", "Santé"] and inserted.title == "Budget"


def test_record_words_makes_the_persons_words_or_a_contribution(meeting) -> None:
    item = meeting.agenda[0].id
    details = {"nature": Nature.ASSESSMENT, "domains": [Domain.HEALTH], "visibility": VisibilityKind.RESTRICTED,
               "recipients": [ids(meeting)["Karim"]]}
    ops.record_words(meeting, ids(meeting)["Ana"], item, "Je veux rester chez moi", details, AT, "suite")
    ops.record_words(meeting, ids(meeting)["Karim"], item, "Aide à domicile", details, AT)
    view, = meeting.person_views
    assert (view.text, view.item_id, view.at, view.visibility.recipients) == (
        "Je veux rester chez moi", item, AT, [ids(meeting)["Karim"]])
    said, = meeting.contributions
    assert (said.speaker_id, said.nature, said.domains) == (ids(meeting)["Karim"], Nature.ASSESSMENT, [Domain.HEALTH])
    assert meeting.progress.speaker_id == ids(meeting)["Karim"] and meeting.progress.draft == ""
    loads(meeting)


def test_visibility_keeps_recipients_only_when_restricted() -> None:
    assert ops.visibility({"visibility": VisibilityKind.MINUTE, "recipients": ["x"]}).recipients == []
    assert ops.visibility({"visibility": VisibilityKind.RESTRICTED, "recipients": ["x"]}).recipients == ["x"]


def test_speaker_draft_phase_and_plain_fields(meeting) -> None:
    ops.set_speaker(meeting, ids(meeting)["Karim"])
    ops.keep_draft(meeting, "à moitié tapé")
    ops.set_phase(meeting, Phase.LIVE)
    ops.set_fields(meeting, meeting, purpose="  Rester chez soi ?  ")
    assert (meeting.progress.speaker_id, meeting.progress.draft, meeting.progress.phase, meeting.purpose) == (
        ids(meeting)["Karim"], "à moitié tapé", Phase.LIVE, "Rester chez soi ?")
    with pytest.raises(AttributeError):
        ops.set_fields(meeting, meeting, no_such_field=1)


def test_added_records_take_the_forms_values_and_none_becomes_no_id(meeting) -> None:
    item = meeting.agenda[0].id
    step = ops.add_step(meeting, {"what": "Demande d'aide", "carrier_id": ids(meeting)["Karim"],
                                  "domain": Domain.HOUSING, "status": StepStatus.WAITING, "since": "octobre",
                                  **MINUTE}, item)
    line = ops.add_picture_line(meeting, {"kind": PictureKind.WORRIES, "text": "Chutes", "voice_id": None,
                                          "domains": [], **MINUTE}, item)
    rating = ops.add_scale(meeting, {"question": "Sécurité ?", "voice_id": ids(meeting)["Ana"], "value": 4,
                                     "comment": "ça va", "domains": []}, item)
    found = ops.add_disagreement(meeting, {"about": "Maison de repos", "between": [ids(meeting)["Karim"]],
                                           "settled": False, "resolution": "", "domains": [], **MINUTE}, item)
    question = ops.add_question(meeting, {"text": "Quel budget ?", "item_id": None, "domains": []})
    view = ops.add_view(meeting, {"text": "Je suis d'accord", "item_id": item, "aspect": ViewAspect.WANTS, **MINUTE}, AT)
    action = ops.add_action(meeting, {"what": "Appeler", "carrier_id": None, "checker_id": None, "item_id": item,
                                      "due": TODAY, "status": ActionStatus.PLANNED}, AT)
    assert (step.item_id, step.status, step.since) == (item, StepStatus.WAITING, "octobre")
    assert line.voice_id == "" and line.item_id == item
    assert (rating.value, rating.comment, rating.item_id) == (4, "ça va", item)
    assert found.between == [ids(meeting)["Karim"]] and question.item_id == ""
    assert view.at == AT and action.created_at == AT and action.carrier_id == "" and action.due == TODAY
    assert meeting.steps == [step] and meeting.actions == [action] and meeting.open_questions == [question]
    loads(meeting)


def test_edits_change_the_record_in_place(meeting) -> None:
    step = ops.add_step(meeting, {"what": "a", "carrier_id": ids(meeting)["Karim"], "domain": Domain.HEALTH,
                                  "status": StepStatus.ONGOING, "since": "", **MINUTE})
    ops.edit_step(meeting, step, {"what": "b", "carrier_id": ids(meeting)["Ana"], "domain": Domain.HOUSING,
                                  "status": StepStatus.DONE, "since": "", "visibility": VisibilityKind.ORAL_ONLY,
                                  "recipients": []})
    assert (step.what, step.carrier_id, step.status, step.visibility.kind) == (
        "b", ids(meeting)["Ana"], StepStatus.DONE, VisibilityKind.ORAL_ONLY)
    question = ops.add_question(meeting, {"text": "q", "item_id": meeting.agenda[0].id, "domains": []})
    ops.edit_question(meeting, question, {"text": "q2", "item_id": None, "domains": [Domain.INCOME_DEBTS]})
    assert (question.text, question.item_id, question.domains) == ("q2", "", [Domain.INCOME_DEBTS])


def test_moves_keep_everyone_and_stop_at_the_ends(meeting) -> None:
    first, second = (i.id for i in meeting.agenda)
    ops.move_item(meeting, second, -1)
    assert [i.id for i in meeting.agenda] == [second, first]
    ops.move_item(meeting, second, -1)
    assert [i.id for i in meeting.agenda] == [second, first]
    ops.move_speaker(meeting, ids(meeting)["Karim"], -1)
    assert [p.name for p in meeting.round_table()] == ["Karim", "Ana", "Julie"]  # the facilitator last


def test_removals_are_refused_while_content_names_the_participant(meeting) -> None:
    karim = ids(meeting)["Karim"]
    ops.record_words(meeting, karim, "", "dit", {"nature": Nature.FACT, "domains": [], **MINUTE}, AT)
    assert ops.participant_mentions(meeting, karim).blocking == {"ref.contributions": 1}
    with pytest.raises(ValueError):
        ops.remove_participant(meeting, karim)
    ops.remove_record(meeting, "contributions", meeting.contributions[0].id)
    meeting.next_meeting.invitees = [karim]
    assert ops.participant_mentions(meeting, karim).cleaned == {"ref.invitees": 1}
    ops.remove_participant(meeting, karim)
    assert karim not in meeting.model_dump_json()
    with pytest.raises(ValueError):
        ops.remove_record(meeting, "participants", ids(meeting)["Ana"])  # has its own removal


def test_an_item_whose_clock_ran_is_not_removed(meeting) -> None:
    item = meeting.agenda[0]
    timing.toggle(meeting, AT)  # the meeting starts, and with it the first item's clock
    assert ops.item_mentions(meeting, item.id).blocking == {"ref.item_time": 1}
    other = meeting.agenda[1]
    ops.add_question(meeting, {"text": "q", "item_id": other.id, "domains": []})
    ops.remove_item(meeting, other.id)
    assert meeting.open_questions[0].item_id == "" and meeting.item(other.id) is None


def test_the_consent_per_domain_is_a_partial_consent(meeting) -> None:
    karim = ids(meeting)["Karim"]
    ops.set_domain_sharing(meeting, Domain.HEALTH, DomainSharing.NAMED, [karim], TODAY)
    ops.set_domain_sharing(meeting, Domain.HOUSING, DomainSharing.ALL, [karim], TODAY)
    c = meeting.consent
    assert (c.status, c.date) == (ConsentStatus.PARTIAL, TODAY)
    assert [(r.domain, r.participants) for r in c.domains] == [(Domain.HOUSING, []), (Domain.HEALTH, [karim])]
    ops.set_domain_sharing(meeting, Domain.HEALTH, None, [])
    assert [r.domain for r in c.domains] == [Domain.HOUSING]


def test_the_consent_form_and_the_readers_of_the_minute(meeting) -> None:
    values = {"to_meeting": True, "status": ConsentStatus.GIVEN, "scope": "tout", "person_words": "oui",
              "date": None, "minute_readers": [ids(meeting)["Karim"]]}
    meeting.consent.needs_confirmation = True
    ops.set_consent(meeting, values, TODAY)
    c = meeting.consent
    assert (c.date, c.needs_confirmation, c.minute_decided_by) == (TODAY, False, ids(meeting)["Ana"])
    ops.set_consent(meeting, {**values, "minute_readers": []}, TODAY)
    assert c.minute_readers is None and c.minute_decided_by == ""
    c.needs_confirmation = True
    ops.confirm_carried_consent(meeting, TODAY)
    assert not c.needs_confirmation


def test_attendance_clears_a_reason_once_present(meeting) -> None:
    karim = meeting.participant(ids(meeting)["Karim"])
    ops.set_attendance(meeting, karim, Attendance.EXCUSED)
    ops.set_fields(meeting, karim, absence_reason="malade", written_contribution=True)
    ops.set_attendance(meeting, karim, Attendance.PRESENT)
    assert (karim.absence_reason, karim.written_contribution) == ("", False)


def test_details_distribution_next_meeting_and_series(meeting) -> None:
    ops.set_details(meeting, {"title": "T", "purpose": "P", "date": TODAY, "start_time": None, "end_time": None,
                              "place": "CPAS", "organisation": "O", "language": Language.EN})
    assert (meeting.title, meeting.locale) == ("T", "en_GB")
    ops.set_distribution(meeting, [ids(meeting)["Ana"]])
    assert [p.name for p in meeting.minute_recipients()] == ["Ana"]
    ops.set_next_meeting(meeting, {"date": TODAY, "invitees": [ids(meeting)["Karim"]]})
    assert meeting.next_meeting.invitees == [ids(meeting)["Karim"]]
    ops.close_series(meeting, SeriesEnd.GOALS_REACHED,
                     TODAY, "fini")
    assert meeting.series.closed_on == TODAY and meeting.series.closed_note == "fini"
    ops.close_series(meeting, None, TODAY)
    assert meeting.series.closed_on is None and meeting.series.closed_reason is None


def test_private_parts_and_issues(meeting) -> None:
    ops.start_private_part(meeting, AT)
    ops.end_private_part(meeting, AT - dt.timedelta(minutes=5))  # a clock set back never ends it before it began
    assert meeting.private_parts[0].span.end == AT
    ops.record_issue(meeting, Issue(version=1, at=AT, recipients=[
        Recipient(participant_id=ids(meeting)["Ana"], edition=Edition.PERSON)]))
    assert meeting.distribution.issues[0].version == 1
    assert ops.participant_mentions(meeting, ids(meeting)["Ana"]).blocking == {"ref.issued_copies": 1}


def test_the_persons_words_corrected_keep_what_they_said(meeting) -> None:
    view = ops.add_view(meeting, {"text": "avant", "item_id": None, "aspect": ViewAspect.GENERAL, **MINUTE}, AT)
    target = rereading.words_target("person_view", view.id)
    ops.correct_words(meeting, ops.edit_view, (view, {"text": "après", **MINUTE}), target, "avant", AT)
    assert view.text == "après" and [(r.target, r.before) for r in meeting.revisions] == [(target, "avant")]
    ops.remove_record_keeping_words(meeting, "person_views", view.id, target, "après", AT)
    assert meeting.person_views == [] and len(meeting.revisions) == 2
    ops.set_last_word(meeting, "  merci  ")
    assert meeting.last_word == "merci"


def test_review_of_a_carried_action(meeting) -> None:
    action = ops.add_action(meeting, {"what": "a"}, AT)
    ops.review_action(meeting, action, None)
    assert action.reviewed and action.change_for_person == ""
    ops.review_action(meeting, action, " mieux ")
    assert action.change_for_person == "mieux"
    ops.set_fields(meeting, action, status=ActionStatus.DONE)
    assert action.status is ActionStatus.DONE and meeting.item(action.item_id) is None
    assert ItemState.PLANNED is meeting.agenda[0].state


def test_every_kind_of_record_about_the_person_is_declared_once(demo) -> None:
    """model/kinds.py: each kind the copies know (sharing.notes) has its collection, edit and words."""
    from concertation_tui.model import kinds
    from concertation_tui.model.sharing import notes

    seen = {note.kind for note in notes(demo)} - {"review"}  # a review is an action carried over
    assert seen <= set(kinds.KINDS)
    for kind in kinds.KINDS.values():
        records = getattr(demo, kind.collection)
        assert records, kind.name  # the demo has one of each
        assert kinds.find(demo, kind.name, records[0].id) is records[0]
        assert kind.edit is getattr(ops, kind.operation) and kind.operation.startswith(("edit_", "set_"))
        assert kind.words(demo, records[0]).strip()
        assert ("visibility" in type(records[0]).model_fields) == kind.has_visibility, kind.name
        assert not kind.person_words or kind.person_words in type(records[0]).model_fields
