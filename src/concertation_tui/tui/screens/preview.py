"""Preview (p in the rereading step): the text of each recipient's copy, before anything is sent.

Left, the person's letter and every recipient on the distribution list, with the copy each receives;
right, the copy's text as the .docx will say it (built in a worker: a moment), lines that only this
copy carries marked "+" (restricted notes it may read), and above it the notes that this copy would
carry beyond the person's consent (Enter: change the note's visibility).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table as RichTable
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...model import Edition, Meeting, ParticipantKind
from ...model.sharing import professional_copies
from ...services.preview import PreviewLine, preview, preview_conflicts
from ..dialogs.issue_forms import conflict_prompt, conflicts_by_note
from ..text import key, tr
from ..widgets import AppBar, Choices
from . import issue_flow
from .base import MeetingScreen
from .reread import RereadBar

if TYPE_CHECKING:
    from .reread import RereadScreen

DIFFERS = "+"


def recipients(meeting: Meeting) -> list[tuple[str, Edition, str]]:
    """(option id, edition, participant id): the person's letter first, then the distribution list."""
    found: list[tuple[str, Edition, str]] = []
    person = meeting.person
    if person is not None:
        found.append((f"person:{person.id}", Edition.PERSON, person.id))
    for p in meeting.minute_recipients():
        if p.kind is not ParticipantKind.PERSON:
            found.append((f"pro:{p.id}", Edition.PROFESSIONAL, p.id))
    return found


def lines_renderable(lines: list[PreviewLine]) -> RichTable:
    """The copy's lines with a gutter: '+' where the line is not in the common edition. Rich Text is
    never parsed as markup; wrapped lines stay beside their gutter."""
    grid = RichTable.grid(padding=(0, 1), expand=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1)
    first = True
    for line in lines:
        if line.style == "heading" and not first:
            grid.add_row("", "")
        style = {"heading": "bold", "table": ""}.get(line.style, "")
        gutter = Text(DIFFERS, style="bold reverse") if line.differs else Text("")
        grid.add_row(gutter, Text(line.text, style=style + (" italic" if line.differs else "")))
        first = False
    return grid


class PreviewScreen(MeetingScreen):
    PHASE = "preview"
    CSS_PATH = "reread.tcss"

    BINDINGS = [
        key("escape", "back", "preview_back"),
        key("i", "issue", "reread_issue", binding_id="preview-issue"),
        key("t", "focus_text", "preview_text"),
    ]

    def __init__(self, reread: RereadScreen) -> None:
        super().__init__()
        self.reread = reread
        self.cache: dict[str, list[PreviewLine]] = {}
        self.shown = ""
        self.options: list[tuple[str, Edition, str]] = []
        self.conflict_notes: list = []

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield RereadBar(self.PHASE, id="app-bar") if isinstance(widget, AppBar) else widget

    def body(self) -> ComposeResult:
        with Horizontal(id="preview-grid"):
            with Vertical(id="preview-recipients-box", classes="box") as box:
                box.border_title = tr("preview.recipients_title")
                yield Choices(id="preview-recipients")
            with Vertical(id="preview-main"):
                with Vertical(id="preview-conflicts-box", classes="box") as box:
                    box.border_title = tr("preview.conflicts_title")
                    yield Choices(id="preview-conflicts")
                with VerticalScroll(id="preview-text-box", classes="box") as box:
                    yield Static("", id="preview-text")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#preview-recipients", Choices).focus()

    # -- the recipients --

    def refresh_view(self) -> None:
        """The meeting changed: every copy is built again."""
        m = self.meeting
        self.cache.clear()
        copies = {pid: copy for copy in professional_copies(m) for pid in copy.recipient_ids}
        choices = self.query_one("#preview-recipients", Choices)
        keep = choices.current_id()
        self.options = recipients(m)
        options = []
        for oid, edition, pid in self.options:
            p = m.participant(pid)
            name = p.name if p else "?"
            if edition is Edition.PERSON:
                second = tr("preview.letter") + ("" if p and p.receives_minute else " · " + tr("preview.not_sent"))
                prompt = Content.assemble((name, "bold"), " · ", (second, "italic"))
            else:
                copy = copies.get(pid)
                what = tr("preview.common") if copy is None or copy.is_common else tr(
                    "preview.restricted", count=len(copy.restricted_note_ids))
                conflicts = len(preview_conflicts(m, pid))
                parts: list = [(name, "bold"), " · ", (what, "italic")]
                if conflicts:
                    parts += [" · ", (f"! {tr('preview.beyond', count=conflicts)}", "bold $error")]
                prompt = Content.assemble(*parts)
            options.append(Option(prompt, id=oid))
        choices.set_options(options or [Option(Content(tr("preview.nobody")), id="none", disabled=True)])
        index = next((n for n, (oid, _, _) in enumerate(self.options) if oid == keep), 0)
        if self.options:
            choices.highlighted = index
        self.shown = ""
        self._show_current()

    def on_option_list_option_highlighted(self, event: Choices.OptionHighlighted) -> None:
        event.stop()
        if event.option_list.id == "preview-recipients" and self.capp.meeting is not None:
            self._show_current()

    def _current(self) -> tuple[str, Edition, str] | None:
        oid = self.query_one("#preview-recipients", Choices).current_id()
        return next((o for o in self.options if o[0] == oid), None)

    def _show_current(self) -> None:
        current = self._current()
        if current is None or current[0] == self.shown:
            return
        oid, edition, pid = current
        self.shown = oid
        m = self.meeting
        p = m.participant(pid)
        name = p.name if p else "?"
        box = self.query_one("#preview-text-box")
        if edition is Edition.PERSON:
            box.border_title = Content(tr("preview.text_letter", name=name))
            box.border_subtitle = ""
        else:
            box.border_title = Content(tr("preview.text_copy", name=name))
            box.border_subtitle = tr("preview.legend", mark=DIFFERS)
        self._conflicts(pid if edition is Edition.PROFESSIONAL else "")
        if oid in self.cache:
            self._show_lines(oid, self.cache[oid])
            return
        self.query_one("#preview-text", Static).update(Content(tr("preview.building")))
        self._build(oid, m.model_copy(deep=True), pid if edition is Edition.PROFESSIONAL else None, edition)

    def _conflicts(self, pid: str) -> None:
        m = self.meeting
        found = preview_conflicts(m, pid) if pid else []
        grouped = conflicts_by_note(m, found)
        self.conflict_notes = [c.note for c, _ in grouped]
        box = self.query_one("#preview-conflicts-box")
        box.display = bool(grouped)
        choices = self.query_one("#preview-conflicts", Choices)
        choices.set_options([Option(conflict_prompt(m, c, names, 60), id=str(n))
                             for n, (c, names) in enumerate(grouped)])
        if grouped:
            choices.highlighted = 0
        box.border_subtitle = tr("preview.conflicts_keys") if grouped else ""

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _build(self, oid: str, meeting: Meeting, recipient_id: str | None, edition: Edition) -> None:
        """Off the UI thread (a copy of the meeting; no widget here)."""
        try:
            lines = preview(meeting, recipient_id, edition)
        except Exception as error:  # noqa: BLE001 - said in words, never a crash screen
            self.app.call_from_thread(self._failed, oid, type(error).__name__)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._built, oid, lines)

    def _still_open(self) -> bool:
        """The preview is still on screen: a copy built in a thread lands after Escape closed it (the
        worker's check for cancelling passed just before), when its widgets are gone or going."""
        return self.is_attached and bool(self.query("#preview-text"))

    def _built(self, oid: str, lines: list[PreviewLine]) -> None:
        self.cache[oid] = lines
        if oid == self.shown and self._still_open():
            self._show_lines(oid, lines)

    def _failed(self, oid: str, reason: str) -> None:
        if oid == self.shown and self._still_open():
            self.query_one("#preview-text", Static).update(Content(tr("preview.failed", reason=reason)))

    def _show_lines(self, oid: str, lines: list[PreviewLine]) -> None:
        self.query_one("#preview-text", Static).update(lines_renderable(lines))
        differs = sum(1 for line in lines if line.differs)
        if oid.startswith("pro:"):
            self.query_one("#preview-text-box").border_subtitle = (
                tr("preview.legend_count", mark=DIFFERS, count=differs) if differs else tr("preview.same_as_common"))
        self.query_one("#preview-text-box").scroll_home(animate=False)

    # -- keys --

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "preview-conflicts" and (event.option.id or "").isdigit():
            note = self.conflict_notes[int(event.option.id or 0)]
            self.reread.go_to_note(note.kind, note.id)
        elif event.option_list.id == "preview-recipients":
            self.action_focus_text()

    def action_focus_text(self) -> None:
        self.query_one("#preview-text-box").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_issue(self) -> None:
        issue_flow.start_issue(self.capp, self.reread.go_to_note)
