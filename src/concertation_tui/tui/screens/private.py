"""Private time: a neutral cover over the shared screen while part of the meeting is held without the
person. Nothing of the meeting is drawn; only the way back is said."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from ..host import meeting_app
from ..text import Localized, tr


class PrivateCover(Localized, Screen):
    HIDE_FOREIGN_BINDINGS = True

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static(tr("private.cover", key=self._key()), id="cover-text", markup=False)

    def _key(self) -> str:
        host = meeting_app(self.app)
        keys = (host.config.keymap.get("private-time") if host else None) or "f8"
        return self.app.get_key_display(Binding(keys.split(",")[0], ""))
