"""Editing or removing a recorded note of any kind (a contribution, the person's words, a step…) from
any screen: the form of each kind of record, and one edit and one removal for all of them.

What a kind is (its collection, its named operation, its words) is declared in `model/kinds.py`; this
table adds only what the interface shows: the form and the removal's sentences. A test checks that every
kind of the registry has its form here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...model import Meeting, kinds, ops
from ...services.display import one_line
from ..dialogs import coordination_forms
from ..dialogs import meeting_forms as forms
from ..dialogs.forms import DELETE, Confirm, FormDialog, FormResult
from ..room_words import for_the_room, restricted
from ..text import tr


@dataclass(frozen=True)
class KindForm:
    form: Callable[[Meeting, Any, bool], FormDialog]
    """The form that edits one: (meeting, record, with_item: the item it was said on can be changed)."""
    remove_title: str
    """The removal question's title (catalogue key)."""
    remove_question: str = "note.remove_question"
    """The removal question, with {text} (catalogue key)."""


FORMS: dict[str, KindForm] = {
    "contribution": KindForm(lambda m, r, _: forms.contribution_form(m, r, editing=True), "note.remove_title"),
    "person_view": KindForm(lambda m, r, _: forms.view_form(m, r, editing=True), "view.remove_title"),
    "step": KindForm(lambda m, r, w: coordination_forms.step_form(m, r, editing=True, with_item=w),
                     "step.remove_title", "picture.remove_question"),
    "picture": KindForm(lambda m, r, w: coordination_forms.picture_form(m, r, editing=True, with_item=w),
                        "picture.remove_title", "picture.remove_question"),
    "disagreement": KindForm(lambda m, r, _: coordination_forms.disagreement_form(m, r, editing=True),
                             "disagreement.remove_title", "picture.remove_question"),
    "scale": KindForm(lambda m, r, _: coordination_forms.scale_form(m, r, editing=True),
                      "scale.remove_title", "picture.remove_question"),
    "question": KindForm(lambda m, r, _: forms.question_form(m, r), "question.remove_title"),
    "action": KindForm(lambda m, r, _: forms.action_form(m, r, editing=True), "action.remove_title"),
    "member": KindForm(lambda m, r, _: forms.network_form(m, r), "network.remove_title"),
}


def edit_shown(screen, kind: str, record_id: str, **options: Any) -> None:
    """`edit_by_id` from a screen the room reads: the form of a restricted record shows its words to the
    whole room, so the facilitator says so first (No is the default)."""
    found = kinds.find(screen.meeting, kind, record_id)
    if found is None:
        return
    if not restricted(found):
        edit(screen, kind, found, **options)
        return
    names = ", ".join(screen.meeting.name_of(x) for x in found.visibility.recipients)
    screen.app.push_screen(
        Confirm(tr("note.restricted_show_title"), tr("note.restricted_show_question", names=names),
                yes=tr("note.restricted_show_yes")),
        lambda yes: yes and edit(screen, kind, found, **options),
    )


def edit(screen, kind: str, found: Any, *, with_item: bool = False, then: Callable[[], Any] | None = None) -> None:
    """Open the form of `found` (a record of `kind`); save through the kind's operation, or remove it after a
    confirmation (the form's delete button). `then` runs once it is saved."""

    def done(values: FormResult) -> None:
        if not values:
            return
        if values == DELETE:
            remove(screen, kind, found)
            return
        screen.change(kinds.KINDS[kind].edit, found, values)
        if then is not None:
            then()

    screen.app.push_screen(FORMS[kind].form(screen.meeting, found, with_item), done)


def remove(screen, kind: str, found: Any) -> None:
    """Ask, then remove `found` (a record of `kind`) from its collection."""
    record_kind, shown = kinds.KINDS[kind], FORMS[kind]
    text = one_line(for_the_room(found, record_kind.words(screen.meeting, found)), 80)
    screen.app.push_screen(
        Confirm(tr(shown.remove_title), tr(shown.remove_question, text=text), yes=tr("form.delete")),
        lambda yes: yes and screen.change(ops.remove_record, record_kind.collection, found.id),
    )


def edit_by_id(screen, kind: str, record_id: str, **options: Any) -> None:
    """`edit` for the record of `kind` with that id (nothing when it is gone)."""
    found = kinds.find(screen.meeting, kind, record_id)
    if found is not None:
        edit(screen, kind, found, **options)


def remove_by_id(screen, kind: str, record_id: str) -> None:
    """`remove` for the record of `kind` with that id (nothing when it is gone)."""
    found = kinds.find(screen.meeting, kind, record_id)
    if found is not None:
        remove(screen, kind, found)
