"""The person's consent holds for every record written about them (issue 15).

One meeting whose consent shares health with two named partners (the doctor, the nurse) and income and
debts with one (the CPAS social worker). Every kind of record carries a marker in one of these domains;
each issued copy is read whole (every part of the .docx zip) and must carry a marker only when the
consent covers that reader; `check` and the issue name every record kept out; an override with a reason
writes the reason beside each passage it sends beyond the consent and lists them in the issue record.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest

from concertation_tui.services.issuing import issue_minute
from concertation_tui.model import (
    FORMAT_VERSION,
    Action,
    AgendaItem,
    Attendance,
    Agreement,
    Carried,
    ConsentStatus,
    Contribution,
    Disagreement,
    Domain,
    DomainConsent,
    DomainSharing,
    Meeting,
    OpenQuestion,
    Participant,
    ParticipantKind,
    PersonView,
    PictureKind,
    PictureLine,
    ScaleRating,
    SharingConsent,
    Step,
    readiness,
)
from concertation_tui.store import create_meeting_file, load_meeting

REASON = "Monsieur Dupont l'a accepté à voix haute en fin de réunion"
KINDS = ("CONTRIB", "VIEW", "ACTION", "QUOTE", "STEP", "PICTURE", "DISAGREE", "SETTLED", "SCALE", "QUESTION",
         "REVIEW", "CHANGE")
"""One marker per kind of record (an action's words and a review's change are markers of their own)."""


def marker(domain: str, kind: str) -> str:
    return f"ZZ{domain}{kind}ZZ"


def consent_meeting() -> Meeting:
    person = Participant(name="Paul Dupont", kind=ParticipantKind.PERSON, attendance=Attendance.PRESENT)
    doctor = Participant(name="Dr Anne Leroy", organisation="Cabinet médical", attendance=Attendance.PRESENT)
    nurse = Participant(name="Karim Haddad", organisation="Soins à domicile", attendance=Attendance.PRESENT)
    worker = Participant(name="Sophie Mertens", organisation="CPAS", kind=ParticipantKind.FACILITATOR,
                         attendance=Attendance.PRESENT)
    housing = Participant(name="Luc Martin", organisation="Logement social", attendance=Attendance.PRESENT)
    daughter = Participant(name="Emma Dupont", kind=ParticipantKind.NETWORK, role="sa fille",
                           attendance=Attendance.PRESENT)
    health_item = AgendaItem(title="Les soins", domains=[Domain.HEALTH])
    money_item = AgendaItem(title="Le budget", domains=[Domain.INCOME_DEBTS])
    day = dt.date(2026, 12, 1)
    m = Meeting(
        title="Réunion autour de Paul Dupont", date=day, participants=[person, doctor, nurse, worker, housing, daughter],
        facilitator_id=worker.id, agenda=[health_item, money_item], domains=[Domain.HEALTH, Domain.INCOME_DEBTS],
        consent=SharingConsent(to_meeting=True, status=ConsentStatus.PARTIAL, date=day, domains=[
            DomainConsent(domain=Domain.HEALTH, sharing=DomainSharing.NAMED, participants=[doctor.id, nurse.id]),
            DomainConsent(domain=Domain.INCOME_DEBTS, sharing=DomainSharing.NAMED, participants=[worker.id]),
        ]),
    )
    previous = Carried(meeting_id="previous0001", meeting_date=dt.date(2026, 10, 1))
    # each action is carried by a partner the consent names for its domain: who an action concerns reads it
    for code, domain, item, carrier in (("HEALTH", Domain.HEALTH, health_item, nurse),
                                        ("MONEY", Domain.INCOME_DEBTS, money_item, worker)):
        mk = lambda kind: marker(code, kind)  # noqa: E731
        m.contributions.append(Contribution(speaker_id=doctor.id, item_id=item.id, text=mk("CONTRIB"),
                                            domains=[domain]))
        m.person_views.append(PersonView(item_id=item.id, text=mk("VIEW")))  # its item's domain
        m.actions.append(Action(what=mk("ACTION"), carrier_id=carrier.id, due=dt.date(2026, 12, 20),
                                agreement=Agreement.DISAGREES, person_words=mk("QUOTE"),
                                person_wording=mk("WORDING"), domains=[domain],
                                item_id=item.id))
        m.steps.append(Step(carrier_id=nurse.id, domain=domain, what=mk("STEP"), item_id=item.id))
        m.picture.append(PictureLine(kind=PictureKind.WORRIES, text=mk("PICTURE"), voice_id=doctor.id,
                                     domains=[domain], item_id=item.id))
        m.disagreements.append(Disagreement(between=[doctor.id, housing.id], about=mk("DISAGREE"), domains=[domain],
                                            settled=True, resolution=mk("SETTLED"), item_id=item.id))
        m.scales.append(ScaleRating(voice_id=person.id, value=6, question="Où en êtes-vous ?", comment=mk("SCALE"),
                                    item_id=item.id))
        m.open_questions.append(OpenQuestion(text=mk("QUESTION"), item_id=item.id))
        m.actions.append(Action(what=mk("REVIEW"), carrier_id=carrier.id, due=dt.date(2026, 11, 1),
                                domains=[domain], carried_from=previous, reviewed=True,
                                change_for_person=mk("CHANGE"), agreement=Agreement.AGREES))
    m.person_views.append(PersonView(text="Je veux rester chez moi."))
    return m


def every_part(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of the body (table cells included), runs joined."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    found = re.findall(r"<w:p[ >].*?</w:p>", xml)
    return ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)).replace("\xa0", " ") for p in found]


@pytest.fixture
def issued_meeting() -> tuple[Meeting, Path]:
    meeting = consent_meeting()
    return meeting, create_meeting_file(meeting)


def files_by_reader(meeting: Meeting, path: Path, version: int = 1) -> dict[str, str]:
    """Participant id -> the file name they received."""
    record = load_meeting(path).distribution.issues[version - 1]
    return {r.participant_id: r.file_name for r in record.recipients}


def ids(meeting: Meeting, *names: str) -> set[str]:
    return {p.id for p in meeting.participants if p.name in names}


def test_every_kind_of_record_reaches_only_the_copies_the_consent_allows(issued_meeting) -> None:
    meeting, path = issued_meeting
    issued = issue_minute(meeting, path)
    files = {f.name: f for f in issued.files}
    readers = files_by_reader(meeting, path)
    allowed = {"HEALTH": ids(meeting, "Dr Anne Leroy", "Karim Haddad"), "MONEY": ids(meeting, "Sophie Mertens")}
    person = meeting.person.id
    for reader, name in readers.items():
        if reader == person:
            continue
        content = every_part(files[name])
        for code, who in allowed.items():
            for kind in KINDS:
                assert (marker(code, kind) in content) == (reader in who), (meeting.name_of(reader), code, kind)
            if reader not in who:  # the letter's wording of an action is the action's words too
                assert marker(code, "WORDING") not in content, (meeting.name_of(reader), code)
    # an action kept out still says it exists: its carrier and due date, the detail for those the consent lets know
    common = "\n".join(paragraphs(files[readers[next(iter(ids(meeting, "Emma Dupont")))]]))
    assert common.count("Détail réservé aux destinataires avec qui la personne a accepté de le partager.") == 4
    assert "Karim Haddad" in common and "Sophie Mertens" in common and "20 déc. 2026" in common
    # the letter: the person's own words and what was decided with them, whatever the consent
    letter = every_part(files[readers[person]])
    for code in allowed:
        for kind in ("VIEW", "WORDING", "QUOTE", "SETTLED", "REVIEW", "QUESTION"):  # an action as worded for them
            assert marker(code, kind) in letter, (code, kind)
        for kind in ("CONTRIB", "STEP", "PICTURE", "DISAGREE"):  # partners' words: never in the letter (MINUTE.md)
            assert marker(code, kind) not in letter, (code, kind)


def test_an_action_kept_out_of_a_copy_loses_its_wording_for_the_person_too() -> None:
    from concertation_tui.minute.reader import visible_meeting

    meeting = consent_meeting()
    emma = next(iter(ids(meeting, "Emma Dupont")))
    copy = visible_meeting(meeting, emma)
    kept_out = [a for a in copy.actions if "ACTION" not in a.what]
    assert kept_out and all(a.person_wording == "" for a in kept_out)


def test_check_and_the_issue_name_every_record_kept_out(issued_meeting) -> None:
    meeting, path = issued_meeting
    records = {c.id for c in meeting.contributions} | {v.id for v in meeting.person_views if v.item_id}
    records |= {x.id for x in [*meeting.actions, *meeting.steps, *meeting.picture, *meeting.disagreements,
                               *meeting.scales, *meeting.open_questions]}
    flagged = {f.target_id for f in readiness(meeting) if f.code == "consent_left_out"}
    assert flagged == records
    sentences = [f.sentence("fr") for f in readiness(meeting) if f.code == "consent_left_out"]
    assert any("ZZMONEYCONTRIBZZ" in s and "revenus et dettes" in s and "Emma Dupont" in s for s in sentences)
    from click.testing import CliRunner

    from concertation_tui.cli import main

    checked = CliRunner().invoke(main, ["check", str(path)])
    assert checked.exit_code == 0
    for code in ("HEALTH", "MONEY"):
        for kind in ("CONTRIB", "VIEW", "ACTION", "STEP", "PICTURE", "DISAGREE", "SCALE", "QUESTION", "REVIEW"):
            assert marker(code, kind) in checked.output, (code, kind)
    issued = issue_minute(meeting, path)
    assert {c.note.id for c in issued.left_out} == records
    told = CliRunner().invoke(main, ["issue", str(path), "--what-changed", "rien"])
    assert told.exit_code == 0 and "restent hors des copies" in told.output and "ZZMONEYSCALEZZ" in told.output


def test_a_domain_never_asked_is_shared_with_nobody_and_the_check_says_so() -> None:
    meeting = consent_meeting()
    meeting.consent.domains = [r for r in meeting.consent.domains if r.domain is not Domain.INCOME_DEBTS]
    found = [f for f in readiness(meeting) if f.code == "domain_not_asked"]
    assert [f.sentence("fr") for f in found] == [
        "Le domaine « revenus et dettes » n'a pas été demandé à la personne : ce qui s'y rapporte ne sera partagé "
        "avec personne au-delà de la réunion. Demandez-le à l'ouverture (F3, touche d)."]
    from concertation_tui.minute import build_minute

    target = Path(create_meeting_file(meeting)).with_name("copie.docx")
    target.write_bytes(build_minute(meeting, "professional", recipient_id=meeting.facilitator_id))
    content = every_part(target)
    assert "ZZHEALTH" not in content  # never shared with her
    for kind in ("CONTRIB", "VIEW", "STEP", "PICTURE", "DISAGREE", "SCALE", "QUESTION"):
        assert marker("MONEY", kind) not in content, kind  # no longer asked: no longer shared
    # she carries that action, but carrying is not the person's agreement: the consent decides, and the
    # issue names her and the action first (to ask the person, or send it with a reason)
    assert marker("MONEY", "ACTION") not in content
    from concertation_tui.model.sharing import consent_conflicts_for

    kept = {c.note.text for c in consent_conflicts_for(meeting, [meeting.facilitator_id])}
    assert any(marker("MONEY", "ACTION") in text for text in kept)


def test_an_override_marks_each_passage_beyond_the_consent_and_the_issue_lists_them(issued_meeting) -> None:
    meeting, path = issued_meeting
    issued = issue_minute(meeting, path, consent_reason=REASON)
    files = {f.name: f for f in issued.files}
    readers = files_by_reader(meeting, path)
    allowed = {"HEALTH": ids(meeting, "Dr Anne Leroy", "Karim Haddad"), "MONEY": ids(meeting, "Sophie Mertens")}
    mark = f"[transmis au-delà de l'accord de partage de Paul Dupont — raison : {REASON}]"
    for reader, name in readers.items():
        if reader == meeting.person.id:
            continue
        lines = paragraphs(files[name])
        for code, who in allowed.items():
            for kind in ("CONTRIB", "ACTION", "STEP", "PICTURE", "DISAGREE", "SCALE", "QUESTION", "REVIEW"):
                line = next(text for text in lines if marker(code, kind) in text)
                assert (mark in line) == (reader not in who), (meeting.name_of(reader), code, kind, line)
    overrides = load_meeting(path).distribution.issues[0].consent_overrides
    emma = next(iter(ids(meeting, "Emma Dupont")))
    listed = {(o.note_id, o.recipient_id) for o in overrides}
    for record in [*meeting.contributions, *meeting.actions, *meeting.steps, *meeting.scales]:
        assert (record.id, emma) in listed
    assert all(o.reason == REASON for o in overrides)
    assert not any(o.recipient_id in allowed["HEALTH"] and o.note_id == meeting.steps[0].id for o in overrides)


def test_each_professional_copy_opens_with_what_its_readers_have_to_do(issued_meeting) -> None:
    """Before anything else, each reader's open actions with due date and with whom, an excused one too;
    who an action concerns reads it as far as the consent goes: a helper the consent does not share its
    domain does not read it (nor who helps: a helper's name can tell the domain); the issue names him and
    the action first, to ask the person or send it with a reason."""
    meeting, path = issued_meeting
    housing = next(p for p in meeting.participants if p.name == "Luc Martin")
    housing.attendance = Attendance.EXCUSED
    meeting.actions[0].supporters = [housing.id]  # the health action: Luc Martin helps Karim Haddad
    issue_minute(meeting, path)
    folder = path.parent / "comptes-rendus" / f"2026-12-01-{meeting.id}" / "v1"
    readers = files_by_reader(meeting, path)
    luc = paragraphs(folder / readers[housing.id])
    start = luc.index("Ce que vous avez à faire")
    todo = luc[start:luc.index("Participants")]
    assert not any("en appui de Karim Haddad" in line for line in todo)
    assert not any("ZZHEALTH" in line or "ZZMONEY" in line for line in luc)  # health is not shared with him
    from concertation_tui.model.sharing import consent_conflicts_for

    assert meeting.actions[0].id in {c.note.id for c in consent_conflicts_for(meeting, [housing.id])}
    nurse = next(p for p in meeting.participants if p.name == "Karim Haddad")
    shared = paragraphs(folder / readers[nurse.id])  # the doctor's and the nurse's copy: by name
    todo = shared[shared.index("Ce que vous avez à faire"):shared.index("Participants")]
    assert "Karim Haddad" in todo and any(line.startswith("ZZHEALTHACTIONZZ — pour le") and "avec Luc Martin" in line
                                          for line in todo)
    assert not any("vous la portez" in line for line in todo)  # colleagues write to colleagues
    daughter = next(p for p in meeting.participants if p.name == "Emma Dupont")
    common = paragraphs(folder / readers[daughter.id])
    todo = common[common.index("Ce que vous avez à faire"):common.index("Participants")]
    assert todo[1:] == ["Aucune action n'est confiée aux destinataires de cette copie."]


def test_the_person_decides_who_receives_the_detailed_minute(issued_meeting) -> None:
    """Recorded with the consent (from the opening's form), said in the minute, checked at issue."""
    from concertation_tui.services.issuing import IssueError
    from concertation_tui.minute import build_minute
    from concertation_tui.model import ops

    meeting, path = issued_meeting
    assert "minute_readers_not_asked" in {f.code for f in readiness(meeting)}
    people = {p.name: p.id for p in meeting.participants}
    agreed = [people[n] for n in ("Dr Anne Leroy", "Karim Haddad", "Sophie Mertens", "Luc Martin")]
    values = {"to_meeting": True, "status": ConsentStatus.PARTIAL, "scope": "", "person_words": "", "date": None,
              "minute_readers": agreed}
    ops.set_consent(meeting, values, dt.date(2026, 12, 1))
    assert meeting.consent.minute_readers == agreed and meeting.consent.minute_decided_by == meeting.person.id
    # her answer is the distribution list: Emma, not named, is off it (ops.follow_minute_readers)
    emma = next(p for p in meeting.participants if p.name == "Emma Dupont")
    assert not emma.receives_minute and not [f for f in readiness(meeting) if f.code == "minute_reader_not_agreed"]
    emma.receives_minute = True  # put back on the list some other way: the check still refuses it
    found = [f for f in readiness(meeting) if f.code == "minute_reader_not_agreed"]
    assert [f.target_id for f in found] == [people["Emma Dupont"]]
    assert "Emma Dupont est sur la liste de diffusion" in found[0].sentence("fr")
    with pytest.raises(IssueError) as refused:
        issue_minute(meeting, path)
    assert "Emma Dupont" in refused.value.sentence("fr")
    assert not (path.parent / "comptes-rendus").exists()
    next(p for p in meeting.participants if p.name == "Emma Dupont").receives_minute = False
    issue_minute(meeting, path)
    saved = load_meeting(path)  # written in format 2, read back
    assert saved.format_version == FORMAT_VERSION and saved.consent.minute_readers == agreed
    text = "\n".join(paragraphs_of(build_minute(saved, "professional")))
    assert ("Paul Dupont a décidé qui reçoit ce compte rendu détaillé : Dr Anne Leroy, Karim Haddad, "
            "Sophie Mertens et Luc Martin.") in text


def paragraphs_of(data: bytes) -> list[str]:
    from concertation_tui.services.preview import document_lines

    return [line.text.replace("\xa0", " ") for line in document_lines(data)]


def test_the_persons_words_a_scale_and_a_question_carry_their_own_domains_proposed_from_the_item() -> None:
    """The forms ask the domains, proposed from the agenda item; the consent follows what is chosen."""
    from concertation_tui.model.sharing import visible_notes
    from concertation_tui.model import ops
    from concertation_tui.tui.dialogs.coordination_forms import scale_form
    from concertation_tui.tui.dialogs.meeting_forms import question_form, view_form

    meeting = consent_meeting()
    people = {p.name: p.id for p in meeting.participants}
    view, rating = meeting.person_views[0], meeting.scales[0]  # both on the health item
    question = meeting.open_questions[0]
    form = view_form(meeting, view, editing=True)
    assert next(f for f in form.fields if f.name == "domains").value == [Domain.HEALTH]  # from the item
    assert next(f for f in question_form(meeting, question).fields if f.name == "domains").value == [Domain.HEALTH]
    ops.edit_view(meeting, view, {"text": view.text, "item_id": view.item_id, "aspect": view.aspect,
                      "domains": [Domain.INCOME_DEBTS], "visibility": view.visibility.kind, "recipients": []})
    form = scale_form(meeting, rating, editing=True)
    values = {f.name: f.value for f in form.fields} | {"domains": [Domain.INCOME_DEBTS]}
    ops.edit_scale(meeting, rating, values)
    question.domains = [Domain.INCOME_DEBTS]
    for record in (view, rating, question):
        assert record.domains == [Domain.INCOME_DEBTS]
        seen_by = {name for name, pid in people.items() if record.id in {n.id for n in visible_notes(meeting, pid)}}
        assert seen_by == {"Sophie Mertens", "Paul Dupont"}, seen_by  # no longer the doctor's and the nurse's
    saved = load_meeting(create_meeting_file(meeting))
    assert saved.person_views[0].domains == [Domain.INCOME_DEBTS] and saved.scales[0].domains == [Domain.INCOME_DEBTS]


# -- every kind of record, one at a time (model/kinds.py) ----------------------------------------------

SECRET = "ZZSECRETZZ"

NOT_WRITTEN_ABOUT_THE_PERSON = {
    "participants": "who was there: every copy names them",
    "agenda": "the items' titles (an item carried from a question: minute/reader.py, tested above)",
    "network_map": "places of network members, named through the members' own kind",
    "clock": "times only",
    "private_parts": "when private time began and ended, never what was said",
    "revisions": "the person's words before a correction: kept in the file, never in a copy",
}
"""The meeting's lists of records that are not a kind of record about the person, and why."""


def one_record_of_each_kind(meeting: Meeting) -> dict[str, object]:
    """A record of every kind, its words `SECRET`, in the health domain (the member: named for the doctor only)."""
    from concertation_tui.model import NetworkMember, Visibility, VisibilityKind

    person, doctor, nurse = (next(p for p in meeting.participants if p.name == name)
                             for name in ("Paul Dupont", "Dr Anne Leroy", "Karim Haddad"))
    health = [Domain.HEALTH]
    return {
        "contribution": Contribution(speaker_id=doctor.id, text=SECRET, domains=health),
        "person_view": PersonView(text=SECRET, domains=health),
        "step": Step(carrier_id=doctor.id, domain=Domain.HEALTH, what=SECRET),
        "picture": PictureLine(kind=PictureKind.WORRIES, text=SECRET, voice_id=doctor.id, domains=health),
        "disagreement": Disagreement(between=[doctor.id, nurse.id], about=SECRET, resolution=SECRET, domains=health),
        "scale": ScaleRating(voice_id=person.id, value=6, question="Où en êtes-vous ?", comment=SECRET, domains=health),
        "question": OpenQuestion(text=SECRET, domains=health),
        "action": Action(what=SECRET, carrier_id=doctor.id, due=dt.date(2026, 12, 20), person_words=SECRET,
                         person_wording=SECRET, status_reason=SECRET, domains=health),
        "member": NetworkMember(name=SECRET, link=SECRET,
                                visibility=Visibility(kind=VisibilityKind.RESTRICTED, recipients=[doctor.id])),
    }


def test_every_list_of_records_about_the_person_is_a_kind_of_the_registry() -> None:
    """A new list of records in the meeting fails here until it is a kind (kinds.py) or said not to be one."""
    import typing

    from concertation_tui.model import kinds, meeting as records

    lists = {name for name, field in records.Meeting.model_fields.items()
             if typing.get_origin(field.annotation) is list
             and any(isinstance(a, type) and issubclass(a, records.Record) for a in typing.get_args(field.annotation))}
    declared = {kind.collection for kind in kinds.KINDS.values()}
    assert lists - set(NOT_WRITTEN_ABOUT_THE_PERSON) == declared
    assert set(one_record_of_each_kind(consent_meeting())) == set(kinds.KINDS)


@pytest.mark.parametrize("kind", list(one_record_of_each_kind(consent_meeting())))
def test_each_kind_is_kept_out_of_a_copy_the_consent_does_not_reach(kind: str) -> None:
    """The consent shares health with the doctor and the nurse only: a record of each kind reaches the
    doctor's copy and leaves no word in the daughter's or the common one (as the file would carry it)."""
    from concertation_tui.minute.reader import visible_meeting
    from concertation_tui.model import kinds

    meeting = consent_meeting()
    record = one_record_of_each_kind(meeting)[kind]
    getattr(meeting, kinds.KINDS[kind].collection).append(record)
    doctor, emma = (next(iter(ids(meeting, name))) for name in ("Dr Anne Leroy", "Emma Dupont"))
    assert SECRET in visible_meeting(meeting, doctor).model_dump_json()
    for reader in (emma, None):
        copy = visible_meeting(meeting, reader).model_dump_json()
        assert SECRET not in copy, (kind, reader)
    assert SECRET not in visible_meeting(meeting, emma, lang="en").model_dump_json()
    assert SECRET in visible_meeting(meeting, emma, override=True).model_dump_json() or kind == "member"
