"""The letter's readability check and the writing hints remember what they worked out (by the record's
words and the people it reads), so that one change re-reads one record. What they remember must never
show: after any series of changes, the findings and hints are exactly those of a check that remembers
nothing. Run on the demo and on randomised meetings, changed at random."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from concertation_tui.language_tools import glossary, wording
from concertation_tui.services import writing
from concertation_tui.services.demo import demo_meeting
from concertation_tui.minute import readability
from concertation_tui.minute.readability import letter_findings
from concertation_tui.model import Action, Meeting
from concertation_tui.services.writing import hints

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sizes import large_meeting  # noqa: E402

PHRASES = [
    "Monsieur Lambert appelle le CPAS pour le dossier du RIS et demande un rendez-vous rapide",
    "Madame Benali passe au SAJ",
    "Le médecin traitant et l'infirmière du matin se coordonnent pour les soins de la plaie, la "
    "toilette, les médicaments et les courses de la semaine prochaine avec sa fille",
    "Il est dans le déni et refuse toute aide, il est agressif avec sa fille",
    "Vérifier avec elle la facture",
    "Appeler Joseph",
    "",
]


def forget() -> None:
    """Everything the check and the hints remember, forgotten: what a first check would find."""
    readability._CHECKED.clear()
    wording._PROPOSED.clear()
    glossary._FOUND.clear()
    writing._HINTS.clear()
    writing._KIN_PRESENT.clear()


def fresh(check, meeting: Meeting):
    forget()
    return check(meeting)


def every_hint(meeting: Meeting) -> list:
    return [hints(c.text, meeting, "fr", c.speaker_id) for c in meeting.contributions]


def change_at_random(meeting: Meeting, rng: random.Random) -> None:
    """One change a facilitator could make: an action's words or wording, a name, a role, a note."""
    what = rng.randrange(7)
    people = [p for p in meeting.participants if meeting.person is None or p.id != meeting.person.id]
    if what == 0 and meeting.actions:
        rng.choice(meeting.actions).what = rng.choice(PHRASES) or "Téléphoner au CPAS"
    elif what == 1 and meeting.actions:
        rng.choice(meeting.actions).person_wording = rng.choice(PHRASES)
    elif what == 2 and people:
        person = rng.choice(people)
        person.name = rng.choice(["Joseph Martin", "Sophie Mertens", "Isabelle Lambert", person.name + " Dupont"])
    elif what == 3 and people:
        rng.choice(people).role = rng.choice(["infirmière", "sa fille", "assistante sociale du CPAS", "voisin"])
    elif what == 4 and meeting.person is not None:
        meeting.person.addressed_as = rng.choice(["Monsieur Lambert", "Madame Benali", ""])
    elif what == 5 and meeting.contributions:
        rng.choice(meeting.contributions).text = rng.choice(PHRASES) or "Rien à signaler."
    elif meeting.actions:
        meeting.actions.append(Action(what=rng.choice(PHRASES) or "Passer au SAJ", carrier_id=rng.choice(
            [p.id for p in meeting.participants] or [""])))


def meetings() -> list[tuple[str, Meeting]]:
    return [("demo", demo_meeting()), *((f"random-{seed}", large_meeting(1, seed=seed)) for seed in (2, 3))]


@pytest.mark.parametrize("name,meeting", meetings(), ids=lambda value: value if isinstance(value, str) else "")
def test_remembered_check_and_hints_equal_a_fresh_one_after_random_changes(name, meeting):
    rng = random.Random(name)
    forget()
    some_findings = False
    for _ in range(25):
        change_at_random(meeting, rng)
        remembered = letter_findings(meeting)
        remembered_hints = every_hint(meeting)
        assert remembered == fresh(letter_findings, meeting)
        assert remembered_hints == fresh(every_hint, meeting)
        letter_findings(meeting), every_hint(meeting)  # remembered again, for the next change
        some_findings = some_findings or bool(remembered)
    assert some_findings  # the changes made the letter say something to rewrite: the comparison means something


def test_a_renamed_participant_is_checked_again():
    """The person named in the third person is found by their name: renaming them changes the findings
    although no action's words changed (the check remembers by the people too)."""
    meeting = demo_meeting()
    person = meeting.person
    assert person is not None
    meeting.actions[0].person_wording = "Albert Dubois range ses papiers."
    before = [f for f in letter_findings(meeting) if f.code == "letter_third_person"]
    person.name = "Albert Dubois"
    after = [f for f in letter_findings(meeting) if f.code == "letter_third_person"]
    assert not before and after
