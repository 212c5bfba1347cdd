"""The reference graph (model/references.py): removals leave no dangling id, no dangling id loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from concertation_tui import store
from concertation_tui.cli import main as cli
from concertation_tui.model import (
    Action,
    AgendaItem,
    Contribution,
    Disagreement,
    DomainConsent,
    Edition,
    Issue,
    Meeting,
    NetworkMember,
    OpenQuestion,
    Participant,
    ParticipantKind,
    PersonView,
    PictureKind,
    PictureLine,
    Recipient,
    ScaleRating,
    Step,
    Visibility,
    VisibilityKind,
    ops,
)
from concertation_tui.model import Domain
from concertation_tui.model.meeting import FROM_FILE, MapPlacement, Position, now
from concertation_tui.model.references import ITEM, PARTICIPANT, REFERENCES, dangling


@st.composite
def meetings(draw) -> Meeting:
    """A meeting whose every kind of record names participants and items at random."""
    kinds = draw(st.lists(st.sampled_from(list(ParticipantKind)), min_size=1, max_size=4))
    people = [Participant(name=f"P{n}", kind=kind) for n, kind in enumerate(kinds)]
    agenda = [AgendaItem(title=f"I{n}") for n in range(draw(st.integers(0, 3)))]
    pids, iids = [p.id for p in people], [i.id for i in agenda]

    def pid() -> str:
        return draw(st.sampled_from(["", *pids]))

    def some() -> list[str]:
        return draw(st.lists(st.sampled_from(pids), unique=True, max_size=3))

    def iid() -> str:
        return draw(st.sampled_from(["", *iids]))

    def seen() -> Visibility:
        return Visibility(kind=VisibilityKind.RESTRICTED, recipients=some())

    def several(build) -> list:
        return [build() for _ in range(draw(st.integers(0, 2)))]

    m = Meeting(participants=people, agenda=agenda)
    m.contributions = several(lambda: Contribution(speaker_id=draw(st.sampled_from(pids)), item_id=iid(), text="c",
                                                   visibility=seen()))
    m.person_views = several(lambda: PersonView(item_id=iid(), text="v", visibility=seen()))
    m.steps = several(lambda: Step(carrier_id=draw(st.sampled_from(pids)), domain=Domain.HOUSING, what="s",
                                   item_id=iid(), visibility=seen()))
    m.picture = several(lambda: PictureLine(kind=PictureKind.WORKING, text="p", voice_id=pid(), item_id=iid(),
                                            visibility=seen()))
    m.scales = several(lambda: ScaleRating(voice_id=draw(st.sampled_from(pids)), value=5, item_id=iid()))
    m.disagreements = several(lambda: Disagreement(between=some(), about="d", item_id=iid(), visibility=seen(),
                                                   positions=[Position(participant_id=x, view="v") for x in some()]))
    m.open_questions = several(lambda: OpenQuestion(text="q", item_id=iid()))
    m.actions = several(lambda: Action(what="a", carrier_id=pid(), supporters=some(), checker_id=pid(),
                                       item_id=iid()))
    m.network = several(lambda: NetworkMember(name="n", participant_id=pid()))
    # a place on the map names a participant or a member of the network, each at most once
    m.network_map = [MapPlacement(who_id=who) for who in
                     draw(st.lists(st.sampled_from([*pids, *(n.id for n in m.network)]), unique=True, max_size=3))]
    m.consent.domains = [DomainConsent(domain=Domain.HEALTH, participants=some())]
    m.consent.minute_readers = draw(st.one_of(st.none(), st.just(some())))
    m.consent.minute_decided_by = pid()
    m.facilitator_id, m.minute_taker_id, m.support_person_id, m.reference_person_id = pid(), pid(), pid(), pid()
    m.speaking_order = some()
    m.next_meeting.invitees = some()
    if draw(st.booleans()):
        m.distribution.issues = [Issue(version=1, at=now(), recipients=[
            Recipient(participant_id=x, edition=Edition.PROFESSIONAL) for x in some()])]
    m.progress.speaker_id, m.progress.item_id = pid(), iid()
    return m


def loads(meeting: Meeting) -> Meeting:
    return Meeting.model_validate(json.loads(meeting.model_dump_json()), context=FROM_FILE)


KINDS = ["participants", "agenda", *ops.RECORD_COLLECTIONS]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_removing_any_record_leaves_no_dangling_reference(data) -> None:
    meeting = data.draw(meetings())
    kind = data.draw(st.sampled_from(KINDS))
    records = getattr(meeting, kind)
    if not records:
        return
    record = data.draw(st.sampled_from(records))
    if kind in ("participants", "agenda"):
        target = PARTICIPANT if kind == "participants" else ITEM
        found = ops.participant_mentions(meeting, record.id) if target == PARTICIPANT \
            else ops.item_mentions(meeting, record.id)
        remove = ops.remove_participant if target == PARTICIPANT else ops.remove_item
        if found.blocking:
            before = meeting.model_dump_json()
            with pytest.raises(ValueError):
                remove(meeting, record.id)
            assert meeting.model_dump_json() == before
            return
        remove(meeting, record.id)
    else:
        ops.remove_record(meeting, kind, record.id)
    assert dangling(meeting) == []
    assert record.id not in meeting.model_dump_json()  # not one mention left anywhere (the map's places too)
    assert loads(meeting).model_dump() == meeting.model_dump()


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(meeting=meetings())
def test_what_blocks_a_removal_is_exactly_what_would_dangle(meeting) -> None:
    """The counts come from the same declaration as the validator: a participant is refused exactly when
    some content names them."""
    for p in meeting.participants:
        found = ops.participant_mentions(meeting, p.id)
        content = [c for c in meeting.contributions if c.speaker_id == p.id] + \
            [a for a in meeting.actions if a.carrier_id == p.id] + [s for s in meeting.steps if s.carrier_id == p.id] + \
            [x for x in meeting.picture if x.voice_id == p.id] + [r for r in meeting.scales if r.voice_id == p.id] + \
            [r for i in meeting.distribution.issues for r in i.recipients if r.participant_id == p.id] + \
            [d for d in meeting.disagreements if any(x.participant_id == p.id for x in d.positions)]
        assert sum(found.blocking.values()) == len(content)


def full_meeting() -> dict:
    """A meeting document in which every declared reference has at least one holder."""
    person = Participant(name="Ana", kind=ParticipantKind.PERSON)
    item = AgendaItem(title="Logement")
    m = Meeting(participants=[person], agenda=[item])
    seen = Visibility(kind=VisibilityKind.RESTRICTED, recipients=[person.id])
    m.contributions = [Contribution(speaker_id=person.id, item_id=item.id, text="c", visibility=seen)]
    m.person_views = [PersonView(item_id=item.id, text="v", visibility=seen)]
    m.steps = [Step(carrier_id=person.id, domain=Domain.HOUSING, what="s", item_id=item.id, visibility=seen)]
    m.picture = [PictureLine(kind=PictureKind.NEEDS, text="p", voice_id=person.id, item_id=item.id, visibility=seen)]
    m.scales = [ScaleRating(voice_id=person.id, value=3, item_id=item.id)]
    m.disagreements = [Disagreement(between=[person.id], about="d", item_id=item.id, visibility=seen,
                                    positions=[Position(participant_id=person.id, view="non")])]
    m.open_questions = [OpenQuestion(text="q", item_id=item.id)]
    m.actions = [Action(what="a", carrier_id=person.id, supporters=[person.id], checker_id=person.id,
                        item_id=item.id)]
    m.network = [NetworkMember(name="n", participant_id=person.id)]
    m.consent.domains = [DomainConsent(domain=Domain.HEALTH, participants=[person.id])]
    m.consent.minute_readers, m.consent.minute_decided_by = [person.id], person.id
    m.distribution.issues = [Issue(version=1, at=now(), recipients=[
        Recipient(participant_id=person.id, edition=Edition.PERSON)])]
    m.distribution.issues[0].consent_overrides = []
    return json.loads(m.model_dump_json())


def holders(document: dict, path: str) -> list[dict]:
    found = [document]
    for part in filter(None, path.split(".")):
        nxt = []
        for node in found:
            value = node[part]
            nxt += value if isinstance(value, list) else [value]
        found = nxt
    return found


DAMAGE = [ref for ref in REFERENCES if ref.stale_is_damage and ref.holders != "distribution.issues.consent_overrides"]


@pytest.mark.parametrize("ref", DAMAGE, ids=lambda ref: ref.name)
def test_no_file_with_a_dangling_reference_loads(ref) -> None:
    document = full_meeting()
    Meeting.model_validate(document, context=FROM_FILE)  # whole, it loads
    *path, attribute = ref.field.split(".")
    owners = holders(document, ".".join(filter(None, [ref.holders, *path])))
    assert owners, ref.name
    owners[0][attribute] = ["nobody"] if isinstance(owners[0][attribute], list) else "nobody"
    with pytest.raises(store.MeetingFileError) as caught:
        store.parse_meeting(json.dumps(document).encode(), Path("reunion.json"))
    sentence = caught.value.sentence("fr")
    assert ref.field.split(".")[-1] in sentence
    assert "n'existe pas dans la réunion" in sentence


def test_a_step_restricted_to_nobody_is_refused_by_check_in_words(tmp_path: Path) -> None:
    document = full_meeting()
    document["steps"][0]["visibility"]["recipients"] = ["nobody"]
    path = tmp_path / "reunion.json"
    path.write_text(json.dumps(document))
    result = CliRunner().invoke(cli, ["--lang", "fr", "check", str(path)])
    assert result.exit_code != 0
    assert "steps n° 1 › visibility › recipients" in result.output
    assert "désigne un participant qui n'existe pas dans la réunion" in result.output
    assert "Traceback" not in result.output and "nobody" not in result.output


def test_where_the_facilitator_was_is_forgotten_not_refused() -> None:
    document = full_meeting()
    document["progress"]["speaker_id"] = "gone"
    document["progress"]["item_id"] = "gone"
    meeting = Meeting.model_validate(document, context=FROM_FILE)
    assert (meeting.progress.speaker_id, meeting.progress.item_id) == ("", "")
