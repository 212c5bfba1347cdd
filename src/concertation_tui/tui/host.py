"""What the screens, dialogs and widgets may ask of the application: a typed protocol, declared once.

Screens are shown by `ConcertationApp`, but a widget or a dialog can also sit in Textual's own screens
(the command palette) or in a test's bare App. Instead of probing the app attribute by attribute
(`getattr(app, "meeting", None)`), they ask `meeting_app(app)`: the app with everything below, typed,
or None when the app is not ours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Meeting


class MeetingApp(Protocol):
    """The application holding the meeting (implemented by `app.ConcertationApp`)."""

    meeting: Meeting | None
    path: Path | None
    read_only: str
    """Empty when this session may write the meeting; else the sentence saying who holds it."""
    save_error: str
    open_error: str
    """Why the last `open_meeting` failed, in a sentence ('' when it did not)."""
    config: Config
    language: str
    scale_question: str
    """The last question asked with the 0-10 scale in this session, asked again by default."""
    review_offered: set[str]
    """The meetings whose review of carried actions was already offered in this session (once each)."""
    after_cover: list[Any]
    """Screens that came while F8's cover was up, shown once it is lifted."""

    @property
    def covered(self) -> bool: ...

    def now(self) -> dt.datetime: ...

    def change(self, edit: Callable[..., Any], *args: Any, quiet: bool = False, refresh: bool = True,
               typing: bool = False, **params: Any) -> bool: ...

    def create(self, operation: Callable[..., Any], *args: Any, **params: Any) -> Any: ...

    def say(self, text: str, severity: str = "information", *, timeout: float | None = None) -> None: ...

    def action_write(self, kind: str) -> None: ...

    def save_state_text(self) -> str: ...

    def refresh_views(self) -> None: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    async def open_meeting(self, path: Path, *, mode: str | None = None, offer_takeover: bool = True) -> bool: ...

    typed_draft: str | None
    """The live typing line's text as of its last key (None: no typing line shown yet)."""
    live_screen: Any
    """The live step's screen once shown."""

    def form_closed(self, form: Any) -> None:
        """A form saved or cancelled on purpose: its kept draft goes (form_drafts.py)."""


def meeting_app(app: object) -> MeetingApp | None:
    """`app` as the application holding the meeting, or None when it is another App."""
    from .app import ConcertationApp  # here, not above: the app imports the screens that import this

    return app if isinstance(app, ConcertationApp) else None


def our_app(app: object) -> MeetingApp:
    """`meeting_app(app)` for the screens only this program shows (the launcher, its dialogs)."""
    found = meeting_app(app)
    if found is None:
        raise TypeError("this screen is shown by ConcertationApp only")
    return found
