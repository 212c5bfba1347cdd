"""The minute and the letter of a whole new meeting run by a newcomer at 80x24 (issue 18): what the
partners' copy and the letter to the person said wrong, on the trial's own meeting file (invented data:
Océane Dupuis, 17, her mother, seven services; tests/fixtures/trial_oceane.json)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest

from concertation_tui import store
from concertation_tui.minute import build_minute
from concertation_tui.minute.readability import letter_problems
from concertation_tui.model import Action, Edition, Meeting
from concertation_tui.model.coordination import FlagKind, flags

FIXTURE = Path(__file__).parent / "fixtures" / "trial_oceane.json"


@pytest.fixture
def meeting(tmp_path: Path) -> Meeting:
    path = tmp_path / "meeting.json"
    shutil.copyfile(FIXTURE, path)
    path.chmod(0o600)
    return store.load_meeting(path)


def _paragraphs(data: bytes) -> list[str]:
    return [p.text.replace("\u00a0", " ") for p in docx.Document(io.BytesIO(data)).paragraphs]


def _tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in table.rows]
            for table in docx.Document(io.BytesIO(data)).tables]


def _common(meeting: Meeting) -> bytes:
    return build_minute(meeting, Edition.PROFESSIONAL, issued=True)


def _letter(meeting: Meeting) -> list[str]:
    return _paragraphs(build_minute(meeting, Edition.PERSON, issued=True))


def _participant(meeting: Meeting, name: str):
    return next(p for p in meeting.participants if p.name == name)


# -- the partners' copy ------------------------------------------------------------------------------


def test_no_interface_instruction_and_no_false_coordination_alert_in_any_copy(meeting: Meeting) -> None:
    """Sophie's action is in a domain this copy may not carry: it is not counted as « no domain », and
    does not make « Autre » a domain where two services act; the « give it a domain » reminder is the
    facilitator's, never printed for the partners."""
    for reader in (None, _participant(meeting, "Claire Martin").id):
        text = "\n".join(_paragraphs(build_minute(meeting, Edition.PROFESSIONAL, recipient_id=reader, issued=True)))
        assert "Donnez-leur un domaine" not in text and "(Actions, Entrée)" not in text
        assert "sans domaine de vie" not in text
        assert "plusieurs services agissent (Sophie Janssens, Élodie R.)" not in text


def test_an_action_without_domain_is_never_two_services_acting_together(meeting: Meeting) -> None:
    """`concertation coordination` and the minute agree: Élodie's action has no domain; another service's
    action with no domain does not make them « act together » in « Autre »."""
    sophie = _participant(meeting, "Sophie Janssens")
    meeting.actions.append(Action(what="Appeler l'école", carrier_id=sophie.id, domains=[]))
    found = flags(meeting)
    assert not [f for f in found if f.kind is FlagKind.CHECK_TOGETHER]
    no_domain = [f for f in found if f.kind is FlagKind.NO_DOMAIN]
    assert len(no_domain) == 1 and len(no_domain[0].action_ids) == 2


def test_participants_say_each_role_once_and_attendance_in_their_gender(meeting: Meeting) -> None:
    rows = {row[0]: row for row in _tables(_common(meeting))[1]}
    assert rows["Claire Martin"][1] == "CPAS de Saint-Gilles, assistante sociale, anime la réunion"
    assert rows["Karim Benali"][1] == "CPAS de Saint-Gilles, assistant social, prend les notes"
    assert rows["Claire Martin"][2] == "présente"  # Madame Martin
    assert rows["Karim Benali"][2] == "présent"  # Monsieur Benali
    assert rows["Nadia Dupuis"][2] == "présente"  # her mother
    assert rows["Hugo Vermeulen"][2] == "était là"  # « Docteur »: neither, a neutral wording
    assert rows["Ingrid Peeters"][2].startswith("excusée (en formation ce jour-là)")
    assert not any("·" in cell for row in rows.values() for cell in row)


def test_what_the_readers_have_to_do_is_written_as_a_colleague_writes(meeting: Meeting) -> None:
    text = _paragraphs(_common(meeting))
    todo = text[text.index("Ce que vous avez à faire"):text.index("Participants")]
    assert "Introduire la demande de revenu d'intégration avec Océane — pour le 14 déc. 2026" in todo
    assert not any("vous la portez" in line or "vous vérifiez" in line for line in todo)


def test_who_to_invite_comes_in_the_order_of_every_list_the_person_first(meeting: Meeting) -> None:
    line = next(p for p in _paragraphs(_common(meeting)) if p.startswith("À inviter :"))
    assert line.startswith("À inviter : Océane Dupuis, Nadia Dupuis, Karim Benali, Ingrid Peeters, Élodie R.")
    assert line.endswith("Claire Martin.")


def test_each_agenda_item_says_what_came_of_it(meeting: Meeting) -> None:
    table = next(t for t in _tables(_common(meeting)) if t[0][0] == "Point")
    came_of = {row[0]: row[2] for row in table[1:]}
    assert "—" not in came_of.values()
    assert came_of["3. Le logement : arriérés de loyer et bail"] == (
        "Désaccord noté : 1 (voir « Points de désaccord »).\nÉchanges : Océane, Élodie R. et Anne Lefèvre.")
    # the health notes are kept out of this copy: it says nothing false about them
    assert came_of["6. La santé : sommeil et suivi médical"] == "Rien de noté dans ce compte rendu."


# -- the letter to the person ------------------------------------------------------------------------


def test_a_second_infinitive_after_et_is_conjugated_too(meeting: Meeting) -> None:
    assert ("Elle organise le retour en classe les matinées et fait le point chaque vendredi avec vous."
            in "\n".join(_letter(meeting)))


def test_an_open_question_about_the_person_asks_them(meeting: Meeting) -> None:
    assert "Qui vous accompagne chez le médecin en janvier, si vous le souhaitez ?" in _letter(meeting)


def test_the_letter_gives_the_answer_and_the_disagreement_with_her_own_words(meeting: Meeting) -> None:
    text = _letter(meeting)
    answer = text[text.index("Ce que nous avons conclu"):text.index("Ce que nous avons décidé")]
    assert "Comment pouvez-vous rester dans votre logement et reprendre l'école ?" in answer
    assert ("Vous gardez votre studio : le CPAS garantit trois loyers, l'AIS étale les arriérés et vous payez "
            "100 euros par mois.") in answer
    assert "Vous reprenez l'école les matinées dès la semaine prochaine." in answer
    apart = text[text.index("Là où nous ne sommes pas encore d'accord"):]
    assert apart[1] == "Où devez-vous vivre ?"
    assert "Vous avez dit : « Je reste dans mon studio, je veux être tranquille. »" in apart
    assert "Madame Dupuis voit les choses autrement." in apart
    assert "Ce n'est pas encore réglé. Nous en reparlerons." in apart
    assert not any("revienne vivre chez elle" in line for line in text)  # her mother's view is an assessment


def test_roles_in_the_letter_are_the_ones_the_person_knows(meeting: Meeting) -> None:
    text = _letter(meeting)
    there = text[text.index("Qui était là"):text.index("Ce que vous avez dit")]
    assert "Madame Martin, votre assistante sociale (CPAS de Saint-Gilles)" in there
    assert ("Madame Lefèvre, gestionnaire de votre logement (Agence immobilière sociale (AIS) Quartiers)"
            in there)
    assert not any("anime la réunion" in line or "prend les notes" in line or "d'Océane" in line for line in text)
    assert text[-3:] == ["Claire Martin", "assistante sociale", "CPAS de Saint-Gilles"]  # the signature


def test_a_role_naming_the_person_that_cannot_be_turned_is_flagged(meeting: Meeting) -> None:
    _participant(meeting, "Anne Lefèvre").role = "chargée du dossier Océane"
    found = [p for p in letter_problems(meeting) if p.source == ("participant", _participant(meeting, "Anne Lefèvre").id)]
    assert [(p.code, p.term) for p in found] == [("third_person", "Océane")]


def test_her_mother_is_not_taken_for_her(meeting: Meeting) -> None:
    """Océane Dupuis and « Madame Dupuis », her mother: the mother is named, never turned into « vous »."""
    assert not [p for p in letter_problems(meeting) if p.term == "Madame Dupuis"]
    assert "Madame Dupuis, votre mère, vous accompagne à la commune pour renouveler votre carte d'identité." in (
        _letter(meeting))


def test_an_acronym_explained_in_brackets_counts_as_explained(meeting: Meeting) -> None:
    assert not [p for p in letter_problems(meeting) if p.code == "unexplained"]
    text = _letter(meeting)
    # used first in the answer without its long form: the letter says it there, once
    assert text.count("AIS : agence immobilière sociale.") == 1
    assert text.index("AIS : agence immobilière sociale.") == text.index(next(
        line for line in text if "l'AIS étale" in line)) + 1
