"""The notes to reread, listed: the count « 5 note(s) à relire » says which they are, and Enter goes to one.

Returns the chosen note's option key (rereading.Entry.key) or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import StylesKeptOnResume
from .forms import QuickToShow
from ..text import Localized, key, tr
from ..widgets import Choices


class FlaggedNotes(SkipsEventsWhenDetached, TakesKeysWhileOpening, StylesKeptOnResume, QuickToShow, Localized, ModalScreen[str | None]):
    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [key("escape", "close", "notice_close")]

    def __init__(self, notes: list[tuple[str, Content]]) -> None:
        """`notes`: (option key, what to show: whose note, its first words, what to look at)."""
        super().__init__()
        self._localize()
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = Content(tr("reread_list.title"))
            # wrapped, not cut: each note's warnings are read whole here, at 80 columns too
            yield Choices(*[Option(content, id=option_key) for option_key, content in self.notes], id="flagged")
            yield Static(tr("reread_list.hint"), classes="note", markup=False)

    def on_mount(self) -> None:
        choices = self.query_one("#flagged", Choices)
        choices.focus()
        if self.notes:
            choices.highlighted = 0

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
