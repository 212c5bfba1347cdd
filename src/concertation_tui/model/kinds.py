"""The kinds of record written about the person, declared once: where each lives, how it is edited, the
words that stand for it, whether it has its own readers and whether it holds the person's own words.

The rereading, the shared picture and the notes look a kind up here instead of switching on it; a new
kind of record is added here (and in `sharing.notes` for the copies). Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import ops


@dataclass(frozen=True)
class RecordKind:
    name: str
    """As `sharing.Note.kind` and the rereading's entries name it."""
    collection: str
    """The meeting's list that holds it."""
    edit: Callable[..., None]
    """The named operation that writes a form's values into one (ops.edit_*)."""
    words: Callable[[Any], str]
    """The words that stand for one, in a removal question."""
    person_words: str = ""
    """The field holding the person's own words, when it may ('' for none)."""
    has_visibility: bool = True
    """It has readers of its own (visibility); else it is in the minute as the meeting is."""


KINDS: dict[str, RecordKind] = {kind.name: kind for kind in (
    RecordKind("contribution", "contributions", ops.edit_contribution, lambda r: r.text),
    RecordKind("person_view", "person_views", ops.edit_view, lambda r: r.text, person_words="text"),
    RecordKind("step", "steps", ops.edit_step, lambda r: r.what),
    RecordKind("picture", "picture", ops.edit_picture_line, lambda r: r.text),
    RecordKind("scale", "scales", ops.edit_scale, lambda r: f"{r.value}/10 {r.comment}".strip(),
               person_words="comment", has_visibility=False),
    RecordKind("disagreement", "disagreements", ops.edit_disagreement, lambda r: r.about),
    RecordKind("question", "open_questions", ops.edit_question, lambda r: r.text, has_visibility=False),
    RecordKind("action", "actions", ops.edit_action, lambda r: r.what, person_words="person_words",
               has_visibility=False),
    # a member of the person's network, named or not in each copy (the network map and its list)
    RecordKind("member", "network", ops.set_network_member, lambda r: r.name),
)}


def find(meeting: Any, kind: str, record_id: str) -> Any:
    """The record of `kind` with that id, or None."""
    return next((r for r in getattr(meeting, KINDS[kind].collection) if r.id == record_id), None)
