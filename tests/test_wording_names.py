"""The letter names each participant with their role whether or not the quick test skips them first.

`wording.with_roles` looks for every participant's names in a sentence; a substring test of the name's
first word (`_may_name`) skips those the sentence cannot name. The wording must be the same as when
every participant is looked for with the patterns alone.
"""

from __future__ import annotations

import pytest

from concertation_tui.language_tools import wording
from concertation_tui.model import Action, Participant, ParticipantKind
from concertation_tui.services.demo import demo_meeting


def _meeting():
    meeting = demo_meeting()
    # names inside other names, an address different from the name, a name with a tab
    meeting.participants += [
        Participant(name="Jean Dupont", kind=ParticipantKind.PARTNER, role="infirmier"),
        Participant(name="Jeanne Martin", kind=ParticipantKind.PARTNER, role="médecin", addressed_as="Dr Martin"),
        Participant(name="Marc\tLeroy", kind=ParticipantKind.NETWORK, role="voisin"),
    ]
    carrier = meeting.participants[1].id
    meeting.actions += [
        Action(what=what, carrier_id=carrier) for what in (
            "Appeler Jean Dupont et Jeanne Martin avant lundi.",
            "Prévenir Dr Martin, puis Jeanne, du rendez-vous.",
            "Demander à Marc de passer le soir.",
            "Écrire à Jean Dupont (infirmier) pour le pansement.",
        )
    ]
    return meeting


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_every_action_is_worded_as_without_the_quick_test(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    meeting = _meeting()
    quick = [wording.propose(meeting, action, lang) for action in meeting.actions]
    monkeypatch.setattr(wording, "_may_name", lambda text, participant: True)
    assert quick == [wording.propose(meeting, action, lang) for action in meeting.actions]
    assert any("Jeanne Martin, " in sentence for sentence in quick)  # the names were given their roles
