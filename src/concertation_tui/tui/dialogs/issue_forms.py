"""Dialogs of issuing the minute: the consent conflicts to settle first, the issue itself (what changed,
the reason to go beyond the consent, the PDF), and where the files were written."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.option_list import Option

from ...model import Edition, Issue, Meeting
from ...model.sharing import ConsentConflict, consent_needs_domains, professional_copies
from ...services.display import one_line
from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import StylesKeptOnResume
from ..text import colon, key, lbl, Localized, quote_parts, tr
from ..widgets import Choices
from .forms import FormDialog, FormField, QuickToShow


def conflicts_by_note(meeting: Meeting, conflicts: list[ConsentConflict]) -> list[tuple[ConsentConflict, list[str]]]:
    """One line per note: its first conflict and the names of every recipient it would reach."""
    grouped: dict[str, tuple[ConsentConflict, list[str]]] = {}
    for conflict in conflicts:
        first, names = grouped.setdefault(conflict.note.id, (conflict, []))
        names.append(meeting.name_of(conflict.recipient_id) or "?")
    return list(grouped.values())


def conflict_prompt(meeting: Meeting, conflict: ConsentConflict, names: list[str], width: int = 70) -> Content:
    domain = lbl(conflict.domain) if conflict.domain else ""
    return Content.assemble(
        ("! ", "bold $error"), *quote_parts(one_line(conflict.note.text, width), "bold"),
        (f" ({domain})" if domain else "", "italic"), "\n    ",
        (tr("reread.conflict_to") + " ", "bold"), ", ".join(names),
    )


class ConflictsDialog(SkipsEventsWhenDetached, TakesKeysWhileOpening, StylesKeptOnResume, QuickToShow, Localized, ModalScreen[tuple[str, ...] | None]):
    """Notes that copies would carry beyond the person's consent. Returns ('note', kind, id) to change
    a note's visibility, ('go_on',) to issue anyway with a reason, or None."""

    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [
        key("escape", "cancel", "form_cancel"),
        key("e", "go_on", "reread_go_on"),
    ]

    def __init__(self, meeting: Meeting, conflicts: list[ConsentConflict]) -> None:
        super().__init__()
        self._localize()
        self.meeting = meeting
        self.grouped = conflicts_by_note(meeting, conflicts)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = Content(tr("reread.conflicts_title"))
            yield Static(Content(tr("reread.conflicts_intro", count=len(self.grouped))), classes="intro")
            yield Choices(*[Option(conflict_prompt(self.meeting, c, names), id=str(n))
                            for n, (c, names) in enumerate(self.grouped)], id="conflicts")
            with Horizontal(classes="buttons"):
                yield Button(tr("reread.conflicts_change"), id="change", variant="primary", compact=True)
                yield Button(tr("reread.conflicts_go_on"), id="go_on", compact=True)
                yield Button(tr("form.cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        choices = self.query_one("#conflicts", Choices)
        choices.highlighted = 0
        choices.focus()

    def _change(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.grouped):
            return
        note = self.grouped[index][0].note
        self.dismiss(("note", note.kind, note.id))

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        self._change(int(event.option.id or 0))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "change":
            self._change(self.query_one("#conflicts", Choices).highlighted)
        elif event.button.id == "go_on":
            self.dismiss(("go_on",))
        else:
            self.dismiss(None)

    def action_go_on(self) -> None:
        self.dismiss(("go_on",))

    def action_cancel(self) -> None:
        self.dismiss(None)


def copies_text(meeting: Meeting) -> list[str]:
    """Which copies will be written and who receives each, one line a copy."""
    lines = []
    for copy in professional_copies(meeting):
        names = ", ".join(meeting.name_of(p) for p in copy.recipient_ids)
        what = tr("reread.copy_common") if copy.is_common else tr(
            "reread.copy_restricted", count=len(copy.restricted_note_ids))
        lines.append(f"– {what}{colon()}{names}")
    person = meeting.person
    if person is not None and person.receives_minute:
        lines.append(f"– {tr('reread.copy_letter')}{colon()}{person.name}")
    return lines


def protection_unset(protection) -> str:
    """What the minute's data-protection section cannot name because the organisation did not set it
    (the data-protection officer, the authority a complaint goes to): one sentence, or ''."""
    missing = [tr(f"reread.protection_{name}") for name in ("contact", "authority")
               if not getattr(protection, name, "").strip()]
    return tr("reread.issue_protection_unset", missing=", ".join(missing)) if missing else ""


def issue_form(meeting: Meeting, *, version: int, folder: Path, conflicts: int, errors: int,
               pdf_available: bool, protection=None) -> FormDialog:
    """Issue version `version`: what changed (a correction), the reason to go beyond the consent, the PDF;
    what the data-protection section will not name, said before it goes out (`protection`: the settings)."""
    lines = [tr("reread.issue_intro", version=version), *copies_text(meeting), tr("reread.issue_folder", folder=folder)]
    unset = protection_unset(protection) if protection is not None else ""
    if unset:
        lines.append(unset)
    if errors:
        lines.append(tr("reread.issue_errors", count=errors))
    if consent_needs_domains(meeting):
        lines.append(tr("reread.issue_consent_unchecked"))
    if not pdf_available:
        lines.append(tr("reread.issue_no_pdf"))
    fields = []
    if version > 1:
        fields.append(FormField("what_changed", tr("reread.issue_what_changed"), "long", "", required=True,
                                note=tr("reread.issue_what_changed_note")))
    if conflicts:
        fields.append(FormField("reason", tr("reread.issue_reason"), "long", "",
                                note=tr("reread.issue_reason_note", count=conflicts)))
    if pdf_available:
        fields.append(FormField("pdf", tr("reread.issue_pdf"), "check", False))
    return FormDialog(tr("reread.issue_title", version=version), fields, intro="\n".join(lines),
                      save_label=tr("reread.issue_button"))


def issued_text(meeting: Meeting, record: Issue, folder: Path, files: list[Path]) -> str:
    """Where the files are and who receives which, to read after issuing."""
    who: dict[str, list[str]] = {}
    for r in record.recipients:
        name = meeting.name_of(r.participant_id) or "?"
        if r.edition is Edition.PERSON:
            name = f"{name} ({tr('reread.copy_letter')})"
        who.setdefault(r.file_name, []).append(name)
    lines = [tr("reread.issued_folder", folder=folder), ""]
    for path in files:
        names = who.get(path.name)
        lines.append(f"{path.name}" + (f"\n    → {', '.join(names)}" if names else ""))
    lines += ["", tr("reread.issued_recorded", version=record.version)]
    return "\n".join(lines)
