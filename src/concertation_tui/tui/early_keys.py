"""Keys typed while a screen or form opens go to it, in order.

Textual 8.2.8 sets a new screen's focus through `call_later` (see ../shared/TEXTUAL-NOTES.md): keys
that arrive between the key that opens a form and that moment reach a screen with no focused widget
and are dropped. A facilitator types the action's text in the same burst as F7, so the app holds
such keys (`ConcertationApp.on_event`) while the top screen `keys_wait_for_focus` and has no focus
yet, and gives them to it once its first focus lands (`KeysReleased`).

The same holds within one screen: Textual runs a priority binding (ctrl+n, a form's Enter, Tab)
when the app reads the key, but the keys typed just before it may still wait in the focused
widget's queue. Such a key is sent through that queue (`KeyAfterTyping`) and runs when it comes
back, and the keys after it are held until it has run: a form saved by Enter holds every word typed
before it, and a word typed after Tab goes to the next field.

"Its first focus" is the focus its own handlers choose, not Textual's auto-focus (which lands first
on the first focusable widget, often a scroll container): the screen's Mount and ScreenResume
handlers ask for their focus with `focus()`, which Textual queues on the app with `call_later`; this
mixin's handlers run after theirs (a mixin comes later in the MRO) and queue the release behind them.
"""

from __future__ import annotations

from textual import events
from textual.message import Message


class KeysReleased(Message):
    """A screen that was opening has its first focus: the keys held meanwhile can go to it."""


class KeyAfterTyping(Message):
    """A priority key (a step's key, a form's Enter, Tab) sent through the focused widget's queue:
    it comes back up to the app once the keys typed before it are in that widget (see
    `ConcertationApp._defer_key`)."""

    def __init__(self, key: events.Key | None) -> None:
        super().__init__()
        self.key = key
        """The key to run once back; None: only a step of giving held keys back."""


class TakesKeysWhileOpening:
    """Mixed into a Screen (before Screen): the app holds keys for it until its first focus."""

    keys_wait_for_focus: bool = True
    _opening_seen: frozenset[str] = frozenset()

    def _on_mount(self, event: events.Mount) -> None:
        self._opening_step("mount")

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        self._opening_step("resume")

    def _opening_step(self, step: str) -> None:
        if not self.keys_wait_for_focus:
            return
        self._opening_seen = self._opening_seen | {step}
        if self._opening_seen == {"mount", "resume"}:
            self.app.call_later(self._focus_landed)  # type: ignore[attr-defined]

    def _focus_landed(self) -> None:
        self.keys_wait_for_focus = False
        self.app.post_message(KeysReleased())  # type: ignore[attr-defined]
