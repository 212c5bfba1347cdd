"""Issue 18, the minute: French that fits the names (« d'Anne », never « .. »), the minute-taker named,
what the excused sent written where they would have spoken, the file number in file names."""

from __future__ import annotations

import datetime as dt
import re

from concertation_tui.services.demo import demo_meeting
from concertation_tui.minute import build_minute, minute_file_name
from concertation_tui.model import (
    Action,
    Agreement,
    Attendance,
    Contribution,
    Edition,
    Meeting,
    Participant,
    ParticipantKind,
    PersonView,
)

from test_minute import body_text, open_docx

VOWEL_NAMES = ["Anne M.", "Émile R.", "Olivier T.", "Ursule B."]


def vowel_meeting() -> Meeting:
    """A meeting whose people have first names starting with a vowel and initials with full stops."""
    person = Participant(name="Isabelle D.", kind=ParticipantKind.PERSON, addressed_as="Isabelle D.",
                         attendance=Attendance.PRESENT)
    facilitator = Participant(name="Anne M.", kind=ParticipantKind.FACILITATOR, organisation="CPAS",
                              attendance=Attendance.PRESENT)
    partners = [Participant(name=name, organisation="Service", attendance=Attendance.PRESENT)
                for name in VOWEL_NAMES[1:]]
    excused = Participant(name="Yves K.", organisation="Mutualité", attendance=Attendance.EXCUSED,
                          absence_reason="consultations", written_text="Le dossier est complet.",
                          excused_message="Je reste joignable le mardi.")
    network = Participant(name="Eva S.", kind=ParticipantKind.NETWORK, role="sœur", attendance=Attendance.PRESENT)
    people = [person, facilitator, *partners, excused, network]
    m = Meeting(title="Réunion", purpose="Le logement.", date=dt.date(2026, 12, 3), participants=people,
                facilitator_id=facilitator.id, minute_taker_id=partners[0].id, file_number="D2026-0412")
    m.contributions = [Contribution(speaker_id=p.id, text=f"Le loyer est payé ({n}).") for n, p in enumerate(partners)]
    m.person_views = [PersonView(text="Je veux rester chez moi.")]
    m.actions = [Action(what="Appeler le propriétaire", carrier_id=partners[1].id, due=dt.date(2026, 12, 10),
                        supporters=[network.id], checker_id=facilitator.id, agreement=Agreement.AGREES)]
    m.consent.minute_readers = [p.id for p in people if p.kind is not ParticipantKind.PERSON]
    return m


def test_the_minute_elides_de_before_a_vowel_and_never_doubles_a_full_stop() -> None:
    m = vowel_meeting()
    for edition in (Edition.PROFESSIONAL, Edition.PERSON):
        text = body_text(open_docx(build_minute(m, edition)))
        assert ".." not in text.replace("...", ""), edition
        for name in ["Isabelle D", *[n.rstrip(".") for n in VOWEL_NAMES], "Eva S", "Yves K"]:
            for word in (" de ", "De ", " que ", "Que "):
                assert f"{word}{name}" not in text, (edition, word, name)
    professional = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL)))
    assert re.search(r"d'(Isabelle|Eva|Anne|Émile|Olivier|Ursule)", professional)


def test_the_minute_names_the_minute_taker_and_the_file_number() -> None:
    m = vowel_meeting()
    text = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL)))
    assert "Prise de notes\nÉmile R., Service" in text  # the header names who took the minute
    assert "Service (prend les notes)" in text  # and the participants table says so
    assert "N° de dossier" in text and "D2026-0412" in text


def test_what_an_excused_partner_sent_is_where_they_would_have_spoken() -> None:
    m = vowel_meeting()
    text = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL)))
    contributions = text[text.index("Apports des partenaires"):]
    assert "Ce qu'ont envoyé les personnes excusées" in contributions
    assert "Contribution écrite : Le dossier est complet." in contributions
    assert "Message lu en réunion : Je reste joignable le mardi." in contributions
    participants = text[text.index("Participants"):text.index("Cadre")]
    assert "contribution écrite reçue" in participants and "message lu en réunion" in participants


def test_the_written_contribution_is_in_the_minute_even_when_no_partner_spoke() -> None:
    m = vowel_meeting()
    m.contributions = []
    text = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL)))
    assert "Apports des partenaires" in text and "Le dossier est complet." in text


def test_file_names_carry_the_file_number_never_the_persons_name() -> None:
    m = demo_meeting()
    m.file_number = "D2026/0412"  # a slash is made safe
    name = minute_file_name(m, Edition.PROFESSIONAL)
    assert name == f"2026-11-23-D2026-0412-{m.id[:6]}-compte-rendu.docx"
    m.file_number = "Lambert-2026"  # the person's name: check refuses it, and it never reaches a file name
    name = minute_file_name(m, Edition.PROFESSIONAL)
    assert "ambert" not in name and name == f"2026-11-23-{m.id[:6]}-compte-rendu.docx"
    m.file_number = "../../.."
    assert minute_file_name(m, Edition.PERSON) == f"2026-11-23-{m.id[:6]}-lettre-a-la-personne.docx"


def test_a_carried_questions_title_reaches_only_the_copies_its_domains_may_reach() -> None:
    """Issue 18: the question carried onto the next agenda was in every copy, whatever its domains."""
    from pathlib import Path

    from concertation_tui.model import Domain
    from concertation_tui.services.templates import new_follow_up

    first = demo_meeting()
    first.open_questions[0].domains = [Domain.MENTAL_HEALTH]  # shared with the doctor and the nurse only
    question = first.open_questions[0].text
    follow = new_follow_up(first, Path("prev.json"))
    follow.consent = first.consent.model_copy(update={"needs_confirmation": False})
    nurse = next(p for p in follow.participants if p.name.startswith("Céline"))
    family_help = next(p for p in follow.participants if p.name.startswith("Nadia"))
    common = body_text(open_docx(build_minute(follow, Edition.PROFESSIONAL)))
    theirs = body_text(open_docx(build_minute(follow, Edition.PROFESSIONAL, recipient_id=nurse.id)))
    others = body_text(open_docx(build_minute(follow, Edition.PROFESSIONAL, recipient_id=family_help.id)))
    assert question in theirs
    assert question not in common and question not in others
    assert "Question reportée de la réunion précédente" in others
