"""Notes whose words speak of a life domain they are not filed under, when the person's consent restricts
that domain: a note on housing saying « sa situation médicale » goes to every reader of housing, health
included. A finding per note, beside the other readiness checks (a warning: the facilitator decides).
No Textual here.
"""

from __future__ import annotations

from ..language_tools.domain_words import spoken_reader
from ..model.checks import Finding, Level
from ..model.enums import ConsentStatus, Domain, VisibilityKind
from ..model.sharing import Consent, notes

CHECKED = ("contribution", "person_view", "step", "picture", "disagreement", "scale", "question", "action", "review")
"""The records whose words are read (members of the network are names, not words)."""


def restricted_domains(meeting) -> frozenset[Domain]:
    """The domains the consent does not share with every reader (given: none)."""
    status = meeting.consent.status
    if status is ConsentStatus.GIVEN:
        return frozenset()
    return frozenset(Domain) - Consent(meeting).shared_with(None)


def domain_findings(meeting, lang: str) -> list[Finding]:
    """One warning per written note that speaks of a restricted domain it is not filed under."""
    restricted = restricted_domains(meeting)
    if not restricted:
        return []
    found = []
    spoken_of = spoken_reader(lang)  # the lists looked for once, not once a note
    for note in notes(meeting):
        if note.kind not in CHECKED or not note.text.strip():
            continue
        if note.kind not in ("action", "review", "scale", "question") and note.visibility.kind is VisibilityKind.ORAL_ONLY:
            continue
        spoken = spoken_of(note.text)
        for domain, words in spoken.items():
            if domain in restricted and domain not in note.domains:
                target = "action" if note.kind in ("action", "review") else "note"
                found.append(Finding("note_speaks_of_domain", Level.WARNING, target, note.id,
                                     {"domain": domain, "words": words}))
                break  # one finding a note: the form shows every domain
    return found
