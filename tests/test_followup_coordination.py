"""Follow-up meetings (what is carried, what never is) and the coordination flags."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner

from concertation_tui.cli import main
from concertation_tui.model import (
    Action,
    ActionStatus,
    Agreement,
    Attendance,
    ConsentStatus,
    Domain,
    Meeting,
    Participant,
    ParticipantKind,
    Phase,
    PictureKind,
    PictureLine,
    Step,
    StepStatus,
    Visibility,
    VisibilityKind,
    readiness,
)
from concertation_tui.model.coordination import FlagKind, as_text, flags
from concertation_tui.store import load_meeting, serialize
from concertation_tui.services.templates import new_follow_up


def test_a_follow_up_carries_exactly_the_open_actions(demo: Meeting) -> None:
    demo.actions[0].status = ActionStatus.DONE
    demo.actions[1].status = ActionStatus.DROPPED
    demo.actions[1].status_reason = "plus utile"
    follow = new_follow_up(demo, Path("prev.json"))
    assert [a.id for a in follow.actions] == [a.id for a in demo.actions[2:]]
    for action in follow.actions:
        assert action.carried_from.meeting_id == demo.id and action.carried_from.meeting_date == demo.date
        assert action.history[-1].status is ActionStatus.PLANNED and not action.reviewed
    assert {f.code for f in readiness(follow)} >= {"action_not_reviewed"}


def test_a_follow_up_resets_attendance_and_asks_consent_again(demo: Meeting) -> None:
    follow = new_follow_up(demo, Path("prev.json"))
    assert all(p.attendance is Attendance.INVITED and not p.absence_reason for p in follow.participants)
    assert [p.id for p in follow.participants] == [p.id for p in demo.participants]
    assert follow.person.addressed_as == "Monsieur Lambert"
    assert follow.consent.needs_confirmation and follow.consent.status is ConsentStatus.PARTIAL
    assert follow.consent.scope == demo.consent.scope  # shown, to confirm or change
    assert "consent_to_confirm" in {f.code for f in readiness(follow)}


def test_a_follow_up_is_the_next_of_the_series_on_the_planned_date(demo: Meeting) -> None:
    follow = new_follow_up(demo, Path("prev.json"))
    assert follow.series.series_id == demo.series.series_id and follow.series.number == 2
    assert follow.series.previous_meeting_id == demo.id and follow.series.previous_file == "prev.json"
    assert follow.series.previous_date == demo.date
    assert follow.date == demo.next_meeting.date and follow.place == demo.next_meeting.place
    assert follow.id != demo.id


def test_a_follow_up_opens_on_the_review_and_proposes_the_open_questions(demo: Meeting) -> None:
    follow = new_follow_up(demo, Path("prev.json"))
    assert follow.agenda[0].is_review
    assert follow.progress.phase is Phase.OPEN and follow.progress.item_id == follow.agenda[0].id
    carried = [i for i in follow.agenda if i.carried_from]
    assert [i.title for i in carried] == [q.text for q in demo.open_questions]


def test_a_carried_question_keeps_its_life_domains(demo: Meeting) -> None:
    """What is said on it next time falls under the same consent as the question itself."""
    demo.open_questions[0].domains = [Domain.INCOME_DEBTS]
    follow = new_follow_up(demo, Path("prev.json"))
    carried = next(i for i in follow.agenda if i.carried_from and i.title == demo.open_questions[0].text)
    assert carried.domains == [Domain.INCOME_DEBTS]


def test_oral_only_and_restricted_notes_are_never_carried(demo: Meeting) -> None:
    demo.steps[0].visibility = Visibility(kind=VisibilityKind.ORAL_ONLY)
    demo.steps[0].what = "MARKER-ORAL"
    demo.steps[1].visibility = Visibility(kind=VisibilityKind.RESTRICTED, recipients=[demo.participants[1].id])
    demo.steps[1].what = "MARKER-RESTRICTED"
    follow = new_follow_up(demo, Path("prev.json"))
    data = serialize(follow)
    assert b"MARKER" not in data
    for contribution in demo.contributions:  # nothing said in the room is carried, whatever its visibility
        assert contribution.text.encode() not in data
    assert all(s.status is StepStatus.TO_UPDATE for s in follow.steps)


def test_the_command_line_follow_up_leaves_the_previous_file_byte_identical() -> None:
    runner = CliRunner()
    first = _last_path(runner.invoke(main, ["demo", "--no-open"]).output)
    before = hashlib.sha256(first.read_bytes()).hexdigest()
    result = runner.invoke(main, ["new", "--no-open", "--follow-up", str(first)])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(first.read_bytes()).hexdigest() == before
    follow = load_meeting(Path(result.output.strip().split(": ", 1)[1]))
    assert follow.series.number == 2


def test_a_closed_series_is_not_followed_up_without_reopening(demo: Meeting, tmp_path: Path) -> None:
    import datetime as dt

    demo.series.closed_on = dt.date(2026, 12, 1)
    path = tmp_path / "closed.json"
    path.write_bytes(serialize(demo))
    runner = CliRunner()
    refused = runner.invoke(main, ["new", "--no-open", "--follow-up", str(path)])
    assert refused.exit_code == 1 and "--reopen" in refused.output
    assert runner.invoke(main, ["new", "--no-open", "--follow-up", str(path), "--reopen"]).exit_code == 0


# -- coordination -----------------------------------------------------------------------------------


def test_the_demo_contradiction_is_flagged_in_housing(demo: Meeting) -> None:
    housing = [f for f in flags(demo) if f.kind is FlagKind.CHECK_TOGETHER and f.domain is Domain.HOUSING]
    assert housing
    names = {demo.name_of(pid) for pid in housing[0].participant_ids}
    assert {"Nadia El Amrani", "Julie Verhaegen"} <= names
    assert len(housing[0].step_ids) == 2  # home help and care-home application side by side


def one_service_meeting() -> Meeting:
    person = Participant(name="Jo", kind=ParticipantKind.PERSON)
    nurse = Participant(name="Ana", kind=ParticipantKind.PARTNER)
    return Meeting(
        participants=[person, nurse],
        steps=[Step(carrier_id=nurse.id, domain=Domain.HEALTH, what="soins")],
        actions=[Action(what="pansement", carrier_id=nurse.id, domains=[Domain.HEALTH])],
    )


def test_a_domain_where_one_service_acts_is_not_flagged() -> None:
    assert flags(one_service_meeting()) == []


def test_a_worry_nobody_acts_on_is_a_gap() -> None:
    meeting = one_service_meeting()
    meeting.picture.append(PictureLine(kind=PictureKind.WORRIES, text="Le loyer", domains=[Domain.HOUSING]))
    gaps = [f for f in flags(meeting) if f.kind is FlagKind.GAP]
    assert [g.domain for g in gaps] == [Domain.HOUSING]
    assert "personne n'agit" in gaps[0].sentence(meeting, "fr")


def test_the_person_carrying_an_action_they_did_not_agree_to_is_flagged() -> None:
    meeting = one_service_meeting()
    person = meeting.person
    meeting.actions.append(Action(what="chercher un logement", carrier_id=person.id, agreement=Agreement.WANTS_TIME))
    flagged = [f for f in flags(meeting) if f.kind is FlagKind.NOT_AGREED]
    assert flagged and flagged[0].participant_ids == (person.id,)
    meeting.actions[-1].agreement = Agreement.AGREES
    assert not [f for f in flags(meeting) if f.kind is FlagKind.NOT_AGREED]


def test_one_carrier_with_many_open_actions_is_flagged() -> None:
    meeting = one_service_meeting()
    nurse = meeting.participants[1]
    meeting.actions += [Action(what=f"a{n}", carrier_id=nurse.id, domains=[Domain.HEALTH]) for n in range(3)]
    assert [f.kind for f in flags(meeting)] == [FlagKind.OVERLOADED]


def test_coordination_text_fits_80_columns_and_names_the_flags(demo: Meeting) -> None:
    text = as_text(demo, "fr")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "LOGEMENT" in text and "À vérifier ensemble" in text and "maison de repos" in text
    result = CliRunner().invoke(main, ["--lang", "en", "coordination", str(_demo_file())])
    assert result.exit_code == 0 and "HOUSING" in result.output and "Check together" in result.output


def _demo_file() -> Path:
    return _last_path(CliRunner().invoke(main, ["demo", "--no-open"]).output)


def _last_path(output: str) -> Path:
    """The file named on the last line of a command's output."""
    return Path(output.strip().splitlines()[-1].split(": ", 1)[1])


def test_the_demo_writes_a_first_meeting_and_its_held_follow_up() -> None:
    output = CliRunner().invoke(main, ["demo", "--no-open"]).output.strip().splitlines()
    follow_path, first_path = (Path(line.split(": ", 1)[1]) for line in output)
    first, follow = load_meeting(first_path), load_meeting(follow_path)
    assert follow.series.series_id == first.series.series_id and follow.series.number == 2
    assert follow.series.previous_file == first_path.name
    statuses = {a.status for a in follow.actions if a.carried_from}
    assert {ActionStatus.DONE, ActionStatus.NOT_DONE, ActionStatus.DROPPED} <= statuses
    assert all(a.status_reason for a in follow.actions if a.status is ActionStatus.DROPPED)
    assert all(a.reviewed for a in follow.actions if a.carried_from)
    before = {r.voice_id: r.value for r in first.scales}
    after = {r.voice_id: r.value for r in follow.scales}
    assert after[first.person.id] > before[first.person.id]
    assert not follow.consent.needs_confirmation
    assert "n° 2" in CliRunner().invoke(main, ["list"]).output


# -- issue 18: the coordination view says what is settled and what it cannot place -------------------


def test_a_settled_disagreement_marks_its_flag_settled_and_keeps_it_listed(demo: Meeting) -> None:
    from concertation_tui.model import Disagreement

    housing = next(f for f in flags(demo) if f.kind is FlagKind.CHECK_TOGETHER and f.domain is Domain.HOUSING)
    assert not housing.settled_by
    demo.disagreements.append(Disagreement(between=list(housing.participant_ids), about="maison de repos ou domicile",
                                           domains=[Domain.HOUSING], settled=True,
                                           resolution="On essaie d'abord le maintien à domicile."))
    settled = next(f for f in flags(demo) if f.kind is FlagKind.CHECK_TOGETHER and f.domain is Domain.HOUSING)
    assert settled.settled_by == demo.disagreements[-1].id and settled.symbol == "✓"
    sentence = settled.sentence(demo, "fr")
    assert "réglé" in sentence and "maintien à domicile" in sentence and "À vérifier ensemble" not in sentence
    assert flags(demo)[-1] == settled  # still listed, after the open ones
    text = as_text(demo, "fr")
    assert "✓ Logement : réglé entre" in text or "✓ logement : réglé entre" in text


def test_an_unsettled_disagreement_leaves_the_flag_open(demo: Meeting) -> None:
    from concertation_tui.model import Disagreement

    housing = next(f for f in flags(demo) if f.kind is FlagKind.CHECK_TOGETHER and f.domain is Domain.HOUSING)
    demo.disagreements.append(Disagreement(between=list(housing.participant_ids), about="x",
                                           domains=[Domain.HOUSING], settled=False))
    again = next(f for f in flags(demo) if f.kind is FlagKind.CHECK_TOGETHER and f.domain is Domain.HOUSING)
    assert not again.settled_by and again.symbol == "⇄"


def test_open_actions_with_no_domain_are_flagged_with_their_carriers() -> None:
    meeting = one_service_meeting()
    nurse = meeting.participants[1]
    meeting.actions.append(Action(what="appeler la mutuelle", carrier_id=nurse.id))
    meeting.actions.append(Action(what="faite", carrier_id=nurse.id, status=ActionStatus.DONE))
    found = [f for f in flags(meeting) if f.kind is FlagKind.NO_DOMAIN]
    assert len(found) == 1 and found[0].action_ids == (meeting.actions[-2].id,)
    assert "1 action ouverte sans domaine de vie" in found[0].sentence(meeting, "fr")
    assert "sans domaine de vie" in as_text(meeting, "fr")


def test_the_file_number_follows_the_persons_file(demo: Meeting) -> None:
    demo.file_number = "D2026-0412"
    assert new_follow_up(demo, Path("prev.json")).file_number == "D2026-0412"
