"""The grammatical gender a text may use for a participant: « présente », « excusé », or neither.

Known from how they are addressed (« Madame Peeters », « Monsieur Benali »), else from a role or a link
that says it (« assistante sociale », « mère d'Océane »). When nothing says it, the minute uses a neutral
wording rather than « présent·e » (a point médian is hard to read aloud and for a reading aid).
"""

from __future__ import annotations

from ..model import Participant
from .words import fold

FEMININE_TITLES = ("madame", "mme", "mademoiselle", "mlle", "mrs", "ms", "miss", "mevrouw", "mevr")
MASCULINE_TITLES = ("monsieur", "m", "mr", "meneer", "mijnheer", "dhr")


def gender_of(participant: Participant) -> str:
    """'f', 'm', or '' when neither their title nor their role says it."""
    title = fold((participant.addressed_as.strip().split() or [""])[0]).rstrip(".")
    if title in FEMININE_TITLES:
        return "f"
    if title in MASCULINE_TITLES:
        return "m"
    from .wording import _pronoun  # the role words that say « elle » or « il »

    said = _pronoun(participant.role.split(",")[0])
    return {"Elle": "f", "Il": "m"}.get(said, "")
