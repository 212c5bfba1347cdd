"""What every step's screen shares: the top bar, the banners, the footer, and refreshing from the model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen


from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import NoDrawingWhileHeld, StylesKeptOnResume
from ..footer import FittedFooter
from ..text import Localized, tr
from ..widgets import AppBar, Banner

if TYPE_CHECKING:
    from ...model import Meeting
    from ..app import ConcertationApp


class MeetingScreen(SkipsEventsWhenDetached, TakesKeysWhileOpening, StylesKeptOnResume, NoDrawingWhileHeld, Localized, Screen):
    """A step of the meeting (one mode). Subclasses compose `body()` and implement `refresh_view()`."""

    PHASE = ""
    HIDE_FOREIGN_BINDINGS = True

    def __init__(self) -> None:
        super().__init__(id=f"{self.PHASE}-screen" if self.PHASE else None)
        self._localize()
        self.BINDING_GROUP_TITLE = tr(f"phase.{self.PHASE}") if self.PHASE else None

    @property
    def capp(self) -> ConcertationApp:
        return self.app  # type: ignore[return-value]

    @property
    def meeting(self) -> Meeting:
        assert self.capp.meeting is not None
        return self.capp.meeting

    def compose(self) -> ComposeResult:
        yield AppBar(self.PHASE, id="app-bar")
        yield Banner(id="read-only-banner", classes="banner")
        yield Banner(id="save-banner", classes="banner -error")
        yield from self.body()
        yield FittedFooter()

    def body(self) -> ComposeResult:
        yield from ()

    _shown: tuple | None = None
    """The app's `view_key()` this screen last drew (None: never drawn)."""

    def on_mount(self) -> None:
        # Textual runs every class's on_mount, and the steps' own on_mount call this one too: drawn once.
        self._refresh_all(only_if_changed=True)

    def on_screen_resume(self) -> None:
        if self.capp.meeting is not None:
            # The first visit mounts and resumes at once; a later visit finds the screen as it was
            # left: redrawn only when the meeting changed meanwhile (a switch between steps stays
            # within a frame at every size).
            self._refresh_all(only_if_changed=True)

    def _refresh_all(self, *, only_if_changed: bool = False) -> None:
        if not self.app._running:
            return  # shutting down: a step built ahead may be mounting while its widgets are removed
        self.query_one("#read-only-banner", Banner).show(
            tr("read_only_banner", sentence=self.capp.read_only) if self.capp.read_only else ""
        )
        self.query_one("#save-banner", Banner).show(self.capp.save_error)
        self.query_one(AppBar).update_save_state()
        if not only_if_changed or not self._drawn_as_now():
            self.show_meeting()

    def _drawn_as_now(self) -> bool:
        # the meeting compared by identity: `==` on two pydantic models compares every field
        key = self.capp.view_key()
        return self._shown is not None and self._shown[0] is key[0] and self._shown[1] == key[1]

    def redraw_when_shown(self) -> None:
        """Draw the meeting anew when this screen is next shown (what it shows changed meanwhile)."""
        self._shown = None

    def show_meeting(self) -> None:
        """Draw the meeting as it is now, and remember which version was drawn."""
        self._shown = self.capp.view_key()
        self.refresh_view()

    def refresh_view(self) -> None:
        """Show the meeting as it is now (called after every change)."""

    def binding_words(self, action: str) -> str | None:
        """The words of a key that depend on the state (the footer, F1 and the palette use them);
        None: the binding's own words."""
        return None

    def key_of(self, action: str) -> str:
        """How the key of `action` is shown in the footer (« ^t »), so that a hint written on the
        screen names the key exactly as the footer does (and follows a remapped key)."""
        for bindings in self._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.action == action:
                    return self.app.get_key_display(binding)
        return ""

    def change(self, edit, *args, **params) -> bool:
        return self.capp.change(edit, *args, **params)

    def create(self, operation, *args, **params):
        return self.capp.create(operation, *args, **params)
