"""The meeting record: round trips, references, readiness checks, migrations, schema, catalogue."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concertation_tui import i18n
from concertation_tui.cli import schema_text
from concertation_tui.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Agreement,
    Attendance,
    ConsentStatus,
    Contribution,
    Domain,
    Level,
    Meeting,
    Nature,
    Participant,
    ParticipantKind,
    PersonView,
    Visibility,
    VisibilityKind,
    enums,
    migrate,
    readiness,
)
from concertation_tui.model.migrations import VersionError
from concertation_tui.model.text import UNWRITABLE
from concertation_tui.store import parse_meeting, serialize

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

# -- generated meetings round-trip ------------------------------------------------------------------

# Any unicode a minute can write, markup included (the rest is refused: see test_hostile.py).
text = st.text(st.characters(blacklist_categories=("Cs",)).filter(lambda c: not UNWRITABLE.match(c)), max_size=40)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))


@st.composite
def meetings(draw) -> Meeting:
    participants = draw(
        st.lists(
            st.builds(Participant, name=text, kind=st.sampled_from(ParticipantKind),
                      attendance=st.sampled_from(Attendance), organisation=text, receives_minute=st.booleans()),
            max_size=6,
        )
    )
    items = draw(st.lists(st.builds(AgendaItem, title=text, timebox_minutes=st.integers(0, 600)), max_size=4))
    ids = [p.id for p in participants]
    item_ids = ["", *(i.id for i in items)]
    contributions = []
    actions = []
    if ids:
        contributions = draw(
            st.lists(
                st.builds(
                    Contribution, speaker_id=st.sampled_from(ids), item_id=st.sampled_from(item_ids), text=text,
                    domains=st.lists(st.sampled_from(Domain), max_size=3, unique=True),
                    nature=st.sampled_from(Nature),
                    visibility=st.builds(Visibility, kind=st.sampled_from(VisibilityKind),
                                         recipients=st.lists(st.sampled_from(ids), max_size=2)),
                ),
                max_size=8,
            )
        )
        actions = draw(
            st.lists(
                st.builds(Action, what=text, carrier_id=st.sampled_from(["", *ids]), carrier_label=text,
                          due=st.none() | dates, agreement=st.sampled_from(Agreement),
                          status=st.sampled_from(ActionStatus), person_words=text),
                max_size=5,
            )
        )
    views = draw(st.lists(st.builds(PersonView, text=text, item_id=st.sampled_from(item_ids)), max_size=3))
    return Meeting(
        title=draw(text), purpose=draw(text), date=draw(st.none() | dates), participants=participants,
        agenda=items, contributions=contributions, actions=actions, person_views=views,
        speaking_order=draw(st.permutations(ids)),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(meetings())
def test_generated_meetings_survive_a_round_trip_through_the_file(meeting: Meeting) -> None:
    assert parse_meeting(serialize(meeting), Path("x.json")) == meeting


def test_the_demo_survives_a_round_trip(demo: Meeting) -> None:
    assert parse_meeting(serialize(demo), Path("demo.json")) == demo


def test_unknown_fields_are_refused(demo: Meeting) -> None:
    document = json.loads(serialize(demo))
    document["participants"][0]["nickname"] = "Jo"
    with pytest.raises(ValueError):
        Meeting.model_validate(document)


def test_a_dangling_reference_is_refused(demo: Meeting) -> None:
    document = json.loads(serialize(demo))
    document["actions"][0]["carrier_id"] = "nobody"
    with pytest.raises(ValueError, match="unknown participant id"):
        Meeting.model_validate(document)


# -- round table ------------------------------------------------------------------------------------


def test_round_table_puts_the_person_first_then_their_network_then_partners_the_facilitator_last(
        demo: Meeting) -> None:
    kinds = [p.kind for p in demo.round_table()]
    assert kinds[0] is ParticipantKind.PERSON
    assert kinds.index(ParticipantKind.NETWORK) < kinds.index(ParticipantKind.PARTNER)
    assert kinds[-1] is ParticipantKind.FACILITATOR and kinds.count(ParticipantKind.FACILITATOR) == 1
    assert all(p.attendance is not Attendance.EXCUSED for p in demo.round_table())


def test_the_facilitator_moves_in_the_speaking_order_like_anyone(demo: Meeting) -> None:
    from concertation_tui.model.ops import move_speaker

    facilitator = demo.participant(demo.facilitator_id)
    move_speaker(demo, facilitator.id, -1)
    order = demo.round_table()
    assert order[-2] is facilitator and order[-1].kind is ParticipantKind.PARTNER


def test_the_excused_who_sent_words_take_their_place_in_the_round_only_when_asked(demo: Meeting) -> None:
    excused = next(p for p in demo.participants if p.attendance is Attendance.EXCUSED)
    excused.excused_message = "Je soutiens la demande de logement."
    assert excused not in demo.round_table()
    assert excused in demo.round_table(with_messages=True)
    assert excused not in demo.not_spoken_yet(demo.agenda[0].id)  # the count of who is waiting is unchanged


def test_a_saved_speaking_order_wins_and_newcomers_follow_it(demo: Meeting) -> None:
    partners = [p for p in demo.round_table() if p.kind is ParticipantKind.PARTNER]
    demo.speaking_order = [partners[-1].id]
    assert demo.round_table()[0] is partners[-1]
    assert len(demo.round_table()) == len(set(p.id for p in demo.round_table()))


def test_not_spoken_yet_counts_the_persons_view_as_speaking(demo: Meeting) -> None:
    item = demo.agenda[0]
    waiting = demo.not_spoken_yet(item.id)
    assert demo.person not in waiting  # gave their view on this item
    assert any(p.kind is ParticipantKind.PARTNER for p in waiting)


# -- readiness checks -------------------------------------------------------------------------------


def codes(meeting: Meeting) -> set[str]:
    return {f.code for f in readiness(meeting)}


def minimal() -> Meeting:
    """A meeting with nothing to report."""
    person = Participant(name="Jo", kind=ParticipantKind.PERSON, attendance=Attendance.PRESENT)
    partner = Participant(name="Ana", attendance=Attendance.PRESENT)
    return Meeting(
        title="t", purpose="p", date=dt.date(2026, 11, 23), participants=[person, partner],
        minute_taker_id=partner.id,  # the minute names who took it
        person_views=[PersonView(text="Je veux rester chez moi.")],
        consent={"status": ConsentStatus.GIVEN, "minute_readers": [partner.id]},  # the person chose the readers
        actions=[Action(what="Appeler", carrier_id=partner.id, due=dt.date(2026, 12, 1), agreement=Agreement.AGREES)],
    )


def test_a_complete_meeting_has_no_finding() -> None:
    assert readiness(minimal()) == []


@pytest.mark.parametrize("carrier", ["tout le monde", "Tout le Monde", "le réseau", "Le Reseau", "everyone", "à voir"])
def test_a_collective_carrier_is_an_error(carrier: str) -> None:
    meeting = minimal()
    meeting.actions[0].carrier_id = ""
    meeting.actions[0].carrier_label = carrier
    found = [f for f in readiness(meeting) if f.code == "action_collective_carrier"]
    assert found and found[0].level is Level.ERROR
    assert carrier in found[0].sentence("fr") and "un seul porteur" in found[0].sentence("fr")


def test_a_named_outside_carrier_is_fine() -> None:
    meeting = minimal()
    meeting.actions[0].carrier_id = ""
    meeting.actions[0].carrier_label = "Marcel, son ami"
    assert codes(meeting) == set()


def test_an_action_without_carrier_or_date_or_agreement_is_reported() -> None:
    meeting = minimal()
    action = meeting.actions[0]
    action.carrier_id, action.due, action.agreement = "", None, Agreement.NOT_ASKED
    assert {"action_no_carrier", "action_no_due", "action_not_asked"} <= codes(meeting)
    assert all(f.target_id == action.id for f in readiness(meeting))


def test_a_dropped_action_needs_a_reason_and_nothing_else() -> None:
    meeting = minimal()
    action = meeting.actions[0]
    action.status, action.carrier_id, action.due = ActionStatus.DROPPED, "", None
    assert codes(meeting) == {"action_dropped_no_reason"}
    action.status_reason = "La personne a trouvé une autre solution."
    assert codes(meeting) == set()


def test_no_view_of_the_person_is_an_error_unless_a_reason_is_given() -> None:
    meeting = minimal()
    meeting.person_views = []
    assert "no_person_view" in codes(meeting)
    meeting.person_view_missing_reason = "Monsieur était hospitalisé."
    assert "no_person_view" not in codes(meeting)


def test_a_participant_without_attendance_is_reported_by_name() -> None:
    meeting = minimal()
    meeting.participants[1].attendance = Attendance.INVITED
    found = [f for f in readiness(meeting) if f.code == "attendance_unknown"]
    assert found and "Ana" in found[0].sentence("fr") and "Ana" in found[0].sentence("en")


def test_oral_only_notes_are_a_reminder_not_an_error() -> None:
    meeting = minimal()
    meeting.contributions.append(
        Contribution(speaker_id=meeting.participants[1].id, text="x",
                     visibility=Visibility(kind=VisibilityKind.ORAL_ONLY))
    )
    found = [f for f in readiness(meeting) if f.code == "oral_only_present"]
    assert found and found[0].level is Level.INFO and "1" in found[0].sentence("fr")


def test_missing_person_and_consent_are_reported() -> None:
    meeting = minimal()
    meeting.participants = meeting.participants[1:]
    meeting.consent.status = ConsentStatus.NOT_ASKED
    assert {"no_person", "consent_not_asked"} <= codes(meeting)


def test_errors_come_first(demo: Meeting) -> None:
    levels = [f.level for f in readiness(demo)]
    assert levels == sorted(levels, key=[Level.ERROR, Level.WARNING, Level.INFO].index)


def test_the_demo_shows_the_checks_a_newcomer_should_see(demo: Meeting) -> None:
    assert {"action_collective_carrier", "action_not_asked", "oral_only_present"} <= codes(demo)


# -- migrations and the committed schema ------------------------------------------------------------


def test_the_version_1_fixture_still_opens() -> None:
    path = FIXTURES / "meeting-v1.json"
    meeting = parse_meeting(path.read_bytes(), path)
    assert meeting.title == "Réunion de concertation autour de Monsieur Lambert"
    assert meeting.person.addressed_as == "Monsieur Lambert"
    assert len(meeting.actions) == 7 and meeting.actions[0].agreement is Agreement.AGREES


def test_the_version_2_fixture_opens_with_no_map_and_the_room_shown() -> None:
    path = FIXTURES / "meeting-v2.json"
    meeting = parse_meeting(path.read_bytes(), path)
    assert meeting.format_version == 3 and meeting.network_map == []
    assert meeting.progress.room_hidden is False
    assert all(m.visibility.kind is VisibilityKind.MINUTE for m in meeting.network)


@pytest.mark.parametrize("version", [None, 0, "1", True, 99])
def test_a_missing_odd_or_future_version_is_refused(version: object) -> None:
    with pytest.raises(VersionError):
        migrate({"format_version": version} if version is not None else {})


def test_a_migration_runs_in_order(monkeypatch) -> None:
    from concertation_tui.model import migrations

    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: {**d, "title": d["title"].upper()})
    assert migrations.migrate({"format_version": 1, "title": "a"}) == {"format_version": 2, "title": "A"}


def test_the_committed_schema_matches_the_model() -> None:
    committed = json.loads((ROOT / "schema" / "meeting.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(schema_text()), "run: concertation schema --from-model > schema/meeting.schema.json"


def test_the_schema_has_the_same_shape_with_or_without_descriptions() -> None:
    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "description"}
        return [strip(v) for v in node] if isinstance(node, list) else node

    assert strip(json.loads(schema_text())) == strip(Meeting.model_json_schema())


def test_every_field_of_the_schema_is_described() -> None:
    schema = json.loads(schema_text())
    for name, definition in [("Meeting", schema), *schema["$defs"].items()]:
        for field, spec in definition.get("properties", {}).items():
            if "$ref" in spec and len(spec) == 1:
                continue  # a bare reference is described by its definition
            assert spec.get("description"), f"{name}.{field} has no docstring"


# -- the catalogue ----------------------------------------------------------------------------------


def test_every_value_of_every_list_has_a_label_in_both_languages() -> None:
    for enum_class in vars(enums).values():
        if isinstance(enum_class, type) and issubclass(enum_class, Enum) and enum_class.__module__ == enums.__name__:
            for value in enum_class:
                for lang in i18n.LANGUAGES:
                    assert i18n.forms(f"{enum_class.__name__}.{value.value}", lang), (value, lang)
    for level in Level:
        for lang in i18n.LANGUAGES:
            assert i18n.forms(f"Level.{level.value}", lang), (level, lang)


# -- issue 18: the file number, the minute-taker, what the excused send ------------------------------


@pytest.mark.parametrize("number, code", [
    ("D2026/0412", None), ("../x", "file_number_unsafe"), ("a" * 41, "file_number_unsafe"), ("D:12", "file_number_unsafe"),
    ("LAMBERT-2026-12", "file_number_names_person"), ("D2026-0412", None), ("2026.17_b", None),
])
def test_check_says_when_a_file_number_cannot_go_into_a_file_name(number: str, code: str | None) -> None:
    meeting = minimal()
    meeting.person.name = "Jo Lambert"
    meeting.file_number = number
    found = {f.code: f for f in readiness(meeting)}
    wanted = {"file_number_unsafe", "file_number_names_person"}
    assert set(found) & wanted == ({code} if code else set())
    if code:
        assert found[code].level is Level.ERROR and "n° de dossier" in found[code].sentence("fr").lower()


def test_check_asks_for_a_minute_taker_and_for_the_text_of_a_written_contribution() -> None:
    meeting = minimal()
    meeting.minute_taker_id = ""
    excused = Participant(name="Eva", attendance=Attendance.EXCUSED, written_contribution=True)
    present = Participant(name="Olivier", attendance=Attendance.PRESENT, excused_message="Bonjour à tous.")
    meeting.participants += [excused, present]
    found = {f.code: f for f in readiness(meeting)}
    assert {"no_minute_taker", "written_without_text", "message_not_excused"} <= set(found)
    assert found["written_without_text"].target_id == excused.id
    assert found["message_not_excused"].sentence("fr").startswith("Olivier n'est pas excusé")


def test_the_version_2_fixture_opens_and_gains_empty_new_fields() -> None:
    path = FIXTURES / "meeting-v2.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format_version"] == 2 and "file_number" not in document
    meeting = parse_meeting(path.read_bytes(), path)
    assert meeting.format_version == 3 and meeting.file_number == ""
    assert all(p.written_text == "" and p.excused_message == "" for p in meeting.participants)
    assert meeting.round_table()[-1].id == meeting.facilitator_id  # the facilitator joins the round, last


def test_no_default_factory_makes_the_schema_parse_a_text_signature() -> None:
    """pydantic reads each default factory's signature while it builds the meeting's schema; a builtin's
    (`list`, `dict`) is parsed from text with Python's tokenizer, whose first use costs every command that
    reads a meeting a few ms. The model's factories are its own functions or its records."""
    import inspect

    from concertation_tui.model import meeting

    records = [value for value in vars(meeting).values() if isinstance(value, type) and issubclass(value, meeting.Record)]
    for record in records:
        for name, field in record.model_fields.items():
            factory = field.default_factory
            if factory is not None:
                assert inspect.isfunction(factory) or factory in records, (record.__name__, name, factory)
