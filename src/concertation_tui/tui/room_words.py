"""A record's words as the screens the room reads show them (the live step, the shared picture).

DESIGN: the terminal is on a shared screen, and the room's screen shows only what the room may see. A
record restricted to named recipients keeps its words off those screens, as on the room's own screen
(services/room_view.py): its place, its author and its recipients stay shown, its words are « réservée ».
The excused doctor's note kept for the nurse had been on the projector, read by the daughter and the
neighbour. Light on purpose: the live step draws with it before any form is imported.
"""

from __future__ import annotations

from typing import Any

from ..model import VisibilityKind
from .text import tr


def restricted(found: Any) -> bool:
    """Whether `found` is kept for some readers (« restreint » to named recipients)."""
    visibility = getattr(found, "visibility", None)
    return visibility is not None and visibility.kind is VisibilityKind.RESTRICTED


def for_the_room(found: Any, text: str) -> str:
    """`text`, the words of `found`, or the sentence that stands for them when `found` is restricted."""
    return tr("note.restricted_hidden") if restricted(found) else text
