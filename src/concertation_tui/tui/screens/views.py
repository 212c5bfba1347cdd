"""What the views over a step share (shared picture, coordination, review, series).

A view is shown over the current step of the meeting, full screen, and Escape goes back to the step:
it is a ModalScreen that is also a `MeetingScreen`, so that every change of the meeting refreshes it.
Its first line says what it is and where Escape goes, with the save state on the right.

A view is a look over the step, never a place where something waits to be saved: a step key (F2-F6,
F12) closes it and goes to that step (app.action_phase), and the live step's writing keys (F7 an action,
F9 the person's words) close it and open their form over the step. A facilitator who presses F7 on the
review of the previous actions and starts typing must not see her words taken as the review's one-letter
keys (« a » marks an action dropped).
"""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen

from ..footer import FittedFooter
from ..host import meeting_app
from ..text import key, tr
from ..widgets import AppBar, Banner
from .base import MeetingScreen


class ViewBar(AppBar):
    """The first line of a view: its title, where Escape goes, and the save state."""

    def __init__(self, title: str, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.title = title

    def _tabs(self, form: str = "full") -> Content:
        return Content.assemble((f" {self.title} ", "bold reverse"), "  ", (tr("view.back"), "dim"))

    def set_title(self, title: str) -> None:
        self.title = title
        self.refresh()


class ViewScreen(MeetingScreen, ModalScreen):
    """A full-screen view over the current step; Escape closes it."""

    CSS_PATH = "series.tcss"
    VIEW_ID = ""
    BINDINGS: list = [  # inherited by every view (Textual gathers BINDINGS along the classes)
        key("f7", "from_step('add_action')", "add_action", show=False),
        key("f9", "from_step('add_view')", "add_view", show=False),
    ]
    CLOSE = key("escape", "close_view", "close_view")
    """Each view puts it last in its BINDINGS, so that the footer shows the view's own keys first."""
    STEP_WRITING = ("add_action", "add_view")
    """The step's keys that open a form to write in (F7, F9), run from a view over the step."""

    def __init__(self) -> None:
        super().__init__()
        if self.VIEW_ID:
            self.id = self.VIEW_ID
        self.add_class("view")

    def view_title(self) -> str:
        return ""

    def compose(self) -> ComposeResult:
        self.BINDING_GROUP_TITLE = self.view_title()  # the help panel's heading for this view's keys
        yield ViewBar(self.view_title(), id="app-bar")
        yield Banner(id="read-only-banner", classes="banner")
        yield Banner(id="save-banner", classes="banner -error")
        yield from self.body()
        yield FittedFooter()

    def action_close_view(self) -> None:
        self.dismiss(None)

    def action_from_step(self, action: str) -> None:
        """F7 or F9: the view closes and the step below opens its form (the live step's own, built
        ahead), or, on a step without them, the app opens the same form (`action_write`)."""
        host = meeting_app(self.app)
        if action not in self.STEP_WRITING or host is None:
            return
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 else None
        run = getattr(below, f"action_{action}", None)
        if run is None:
            run = partial(host.action_write, "action" if action == "add_action" else "view")
        self.dismiss(None)
        self.app.call_later(run)


def view_allowed(app) -> bool:
    """A view can be opened: a meeting is open and no dialog is waiting for an answer."""
    host = meeting_app(app)
    if host is None or host.meeting is None or host.covered:
        return False
    screen = app.screen
    return not isinstance(screen, ModalScreen) or isinstance(screen, ViewScreen)


