"""Who learns what (distinct copies, consent per life domain) and the writing helper's hints."""

from __future__ import annotations

from pathlib import Path

from concertation_tui.model import (
    Attendance,
    ConsentStatus,
    Contribution,
    Domain,
    DomainConsent,
    DomainSharing,
    Meeting,
    Participant,
    ParticipantKind,
    SharingConsent,
    VisibilityKind,
    readiness,
)
from concertation_tui.model.sharing import consent_conflicts, professional_copies, visible_notes
from concertation_tui.services.writing import hints


def health_meeting() -> tuple[Meeting, list[Participant]]:
    """Health shared only with two named partners; a health note in the minute."""
    person = Participant(name="Jo", kind=ParticipantKind.PERSON, attendance=Attendance.PRESENT)
    doctor, nurse, housing, school = (Participant(name=n) for n in ("Dr A", "Inf B", "Logement C", "École D"))
    meeting = Meeting(
        participants=[person, doctor, nurse, housing, school],
        consent=SharingConsent(
            status=ConsentStatus.PARTIAL,
            domains=[
                DomainConsent(domain=Domain.HEALTH, sharing=DomainSharing.NAMED, participants=[doctor.id, nurse.id]),
                DomainConsent(domain=Domain.HOUSING, sharing=DomainSharing.ALL),
            ],
        ),
        contributions=[
            Contribution(speaker_id=doctor.id, text="Diabète suivi.", domains=[Domain.HEALTH]),
            Contribution(speaker_id=housing.id, text="Loyer payé.", domains=[Domain.HOUSING]),
        ],
    )
    return meeting, [person, doctor, nurse, housing, school]


def test_a_health_note_is_flagged_for_every_recipient_outside_the_health_consent() -> None:
    meeting, (person, doctor, nurse, housing, school) = health_meeting()
    assert consent_conflicts(meeting, doctor.id) == []
    assert consent_conflicts(meeting, nurse.id) == []
    for outsider in (housing, school):
        conflicts = consent_conflicts(meeting, outsider.id)
        assert [c.note.text for c in conflicts] == ["Diabète suivi."]
        assert conflicts[0].domain is Domain.HEALTH
    assert consent_conflicts(meeting, person.id) == []  # it is the person's own information


def test_a_consent_given_in_full_flags_nothing_and_a_refused_one_flags_every_domain_note() -> None:
    meeting, people = health_meeting()
    meeting.consent.status = ConsentStatus.GIVEN
    assert all(consent_conflicts(meeting, p.id) == [] for p in people)
    meeting.consent.status = ConsentStatus.REFUSED
    assert len(consent_conflicts(meeting, people[1].id)) == 2


def test_a_partial_consent_in_words_only_is_asked_to_be_completed() -> None:
    meeting, people = health_meeting()
    meeting.consent.domains = []
    meeting.consent.scope = "Pas la santé"
    # never asked domain by domain: not shared beyond the meeting, and the checks say so
    assert Domain.HEALTH in {c.domain for c in consent_conflicts(meeting, people[3].id)}
    codes = {f.code for f in readiness(meeting)}
    assert {"consent_domains_missing", "domain_not_asked", "consent_left_out"} <= codes


def test_the_demo_flags_the_unpaid_bills_for_all_but_the_cpas_social_worker(demo: Meeting) -> None:
    facilitator = demo.participant(demo.facilitator_id)
    nurse = next(p for p in demo.participants if p.name == "Céline Renard")
    assert consent_conflicts(demo, facilitator.id) == []
    texts = [c.note.text for c in consent_conflicts(demo, nurse.id)]
    assert any("factures" in text for text in texts)
    assert not any("humeur dépressive" in text for text in texts)  # restricted to her, consent allows


def test_restricted_notes_make_distinct_copies_and_oral_only_reach_none(demo: Meeting) -> None:
    copies = professional_copies(demo)
    nurse = next(p for p in demo.participants if p.name == "Céline Renard")
    assert copies[0].is_common and nurse.id not in copies[0].recipient_ids
    # the nurse reads a restricted note; the CPAS social worker, income and debts (shared with her alone)
    assert sorted(c.recipient_ids for c in copies[1:]) == sorted([(nurse.id,), (demo.facilitator_id,)])
    assert demo.person.id not in {pid for c in copies for pid in c.recipient_ids}  # the person gets the letter
    oral = next(c for c in demo.contributions if c.visibility.kind is VisibilityKind.ORAL_ONLY)
    for recipient in [None, *(p.id for p in demo.participants)]:
        assert oral.id not in {n.id for n in visible_notes(demo, recipient)}


def test_a_restricted_note_is_visible_only_to_its_recipients(demo: Meeting) -> None:
    restricted = next(c for c in demo.contributions if c.visibility.kind is VisibilityKind.RESTRICTED)
    allowed = set(restricted.visibility.recipients)
    for participant in demo.participants:
        seen = restricted.id in {n.id for n in visible_notes(demo, participant.id)}
        assert seen == (participant.id in allowed)
    assert restricted.id not in {n.id for n in visible_notes(demo, None)}


# -- the writing helper -----------------------------------------------------------------------------


def test_judging_words_are_hinted_whatever_the_case_or_accents() -> None:
    found = hints("Monsieur est dans le DENI et refuse de collaborer.", lang="fr")
    assert [h.term for h in found] == ["dans le DENI", "refuse de collaborer"]
    assert all(h.kind == "judging" and h.why for h in found)


def test_a_neutral_sentence_gets_no_hint(demo: Meeting) -> None:
    assert hints("Monsieur Lambert se lève, s'habille et prépare son petit-déjeuner seul.", demo, "fr") == []
    assert hints("The nurse comes every morning for the wound dressing.", lang="en") == []


def test_a_word_of_the_organisations_own_list_is_hinted(private_home: Path) -> None:
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "judging-words.fr.txt").write_text("# nos mots\nréfractaire | Dites ce qui a été proposé.\n")
    found = hints("Il reste réfractaire aux aides.", lang="fr")
    assert [(h.term, h.why) for h in found] == [("réfractaire", "Dites ce qui a été proposé.")]


def test_a_third_person_not_in_the_meeting_is_hinted_but_kin_who_attends_is_not(demo: Meeting) -> None:
    brother = hints("Tensions anciennes avec son frère.", demo, "fr")
    assert [(h.kind, h.term) for h in brother] == [("third_person", "frère")]
    assert hints("Sa fille vient le mercredi.", demo, "fr") == []  # Isabelle, his daughter, is here


def test_hints_do_not_match_inside_words() -> None:
    assert hints("Le pharmacien a salé la note.", lang="fr") == []  # 'sale' is not in 'salé'
