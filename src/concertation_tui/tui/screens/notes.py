"""Editing a recorded note (a contribution, the person's words) from any screen."""

from __future__ import annotations

from ...model import Contribution, PersonView, ops
from ..dialogs import meeting_forms as forms
from ..dialogs.forms import DELETE, Confirm, FormResult
from ...services.display import one_line
from ..text import tr


def edit_contribution(screen, found: Contribution) -> None:
    def done(values: FormResult) -> None:
        if not values:
            return
        if values == DELETE:
            remove_contribution(screen, found)
            return
        screen.change(ops.edit_contribution, found, values)

    screen.app.push_screen(forms.contribution_form(screen.meeting, found, editing=True), done)


def remove_contribution(screen, found: Contribution) -> None:
    screen.app.push_screen(
        Confirm(tr("note.remove_title"), tr("note.remove_question", text=one_line(found.text, 80)),
                yes=tr("form.delete")),
        lambda yes: yes and screen.change(ops.remove_record, "contributions", found.id),
    )


def edit_view(screen, found: PersonView) -> None:
    def done(values: FormResult) -> None:
        if not values:
            return
        if values == DELETE:
            remove_view(screen, found)
            return
        screen.change(ops.edit_view, found, values)

    screen.app.push_screen(forms.view_form(screen.meeting, found, editing=True), done)


def remove_view(screen, found: PersonView) -> None:
    screen.app.push_screen(
        Confirm(tr("view.remove_title"), tr("note.remove_question", text=one_line(found.text, 80)),
                yes=tr("form.delete")),
        lambda yes: yes and screen.change(ops.remove_record, "person_views", found.id),
    )
