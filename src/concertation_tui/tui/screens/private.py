"""Private time: a neutral cover over the shared screen while part of the meeting is held without the
person. Nothing of the meeting is drawn; only the way back is said.

The professionals keep talking meanwhile and the facilitator keeps noting: what is typed on the cover
goes to the live step's typing line, kept as its draft like every key typed there (form_drafts.py), and
is never shown on the cover (only how many characters are kept). Back with the person, the words wait in
the typing line, to be read with her before Enter records them: never swallowed, never recorded behind
her back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from ..form_drafts import joined, put_in_typing_line, typing_line_text
from ..host import meeting_app
from ..lifetime import SkipsEventsWhenDetached
from ..text import Localized, tr


class PrivateCover(SkipsEventsWhenDetached, Localized, Screen):
    HIDE_FOREIGN_BINDINGS = True

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(tr("private.cover", key=self._key()), id="cover-text", markup=False)
            with Center():
                yield Static("", id="cover-typed", markup=False)

    typed = ""
    """What was typed on the cover since it was shown (in the typing line, never shown here)."""
    _before: str | None = None
    """The typing line as it was when typing on the cover began."""

    def on_mount(self) -> None:
        self.query_one("#cover-typed", Static).display = False

    def on_key(self, event) -> None:
        """A key typed on the cover: its character goes to the typing line (Enter: a new line)."""
        host = meeting_app(self.app)
        if host is None or host.meeting is None:
            return
        if host.read_only and (event.is_printable or event.key in ("enter", "backspace")):
            # a session that only reads the meeting keeps nothing typed: said here, never « kept »
            event.stop()
            event.prevent_default()
            shown = self.query_one("#cover-typed", Static)
            shown.update(tr("read_only_typing"))
            shown.display = True
            return
        if event.key == "backspace":
            if not self.typed:
                return
            typed = self.typed[:-1]
        elif event.key == "enter":
            typed = self.typed + "\n"
        elif event.is_printable and event.character:
            typed = self.typed + event.character
        else:
            return
        event.stop()
        event.prevent_default()
        if self._before is None:
            self._before = typing_line_text(host)
        self.typed = typed
        put_in_typing_line(host, joined(self._before, typed) if typed.strip() else self._before)
        shown = self.query_one("#cover-typed", Static)
        count = len(typed.strip())
        shown.update(tr("private.typed_kept", count=count))
        shown.display = bool(count)

    def _key(self) -> str:
        host = meeting_app(self.app)
        keys = (host.config.keymap.get("private-time") if host else None) or "f8"
        return self.app.get_key_display(Binding(keys.split(",")[0], ""))
