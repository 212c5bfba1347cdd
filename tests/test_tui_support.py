"""Helpers of the interface tests (no test here): a fixed clock, the screen as text, typing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting

TZ = dt.datetime.now().astimezone().tzinfo
START = dt.datetime(2026, 11, 23, 15, 20, tzinfo=TZ)


class Clock:
    """The interface's clock, moved by hand: timers and the save time are the same on every run."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float = 0, seconds: float = 0) -> None:
        self.now += dt.timedelta(minutes=minutes, seconds=seconds)


def demo_file(**changes) -> Path:
    """The demo meeting written in the test's meetings folder."""
    meeting = demo_meeting()
    for name, value in changes.items():
        setattr(meeting, name, value)
    return store.create_meeting_file(meeting)


def screen_text(app) -> str:
    """What the terminal shows, as plain text (the compositor's lines; pinned textual==8.2.8).

    The layout is brought up to date first: under load (a CPU burner beside the suite) a screen just
    pushed may not have had its first layout yet when the test looks.
    """
    app.screen._refresh_layout()
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def flat(text: str) -> str:
    """Screen text with line breaks and runs of spaces removed, to find text that wraps."""
    return "".join(text.translate(BORDERS).split())


BORDERS = str.maketrans("", "", "│█▌▐▏▕")
"""Side borders of boxes and dialogs: text that wraps inside a dialog reads across them."""


async def settle(app, pilot) -> None:
    """Wait for the saves and the screen: the pending save done, workers done, then two idle rounds."""
    quiet = 0
    for _ in range(100):
        # the pending save done, and the screen's own focus landed (see tui/early_keys.py); held for
        # 0.3 s, since a step's first visit may schedule its save only once its screen is mounted
        if not app.save_pending and not getattr(app.screen, "keys_wait_for_focus", False):
            quiet += 1
            if quiet >= 6:
                break
        else:
            quiet = 0
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def assert_steady_and_says(app, *phrases: str, absent: tuple[str, ...] = ()) -> None:
    """Before a snapshot: no cursor blinks anywhere (its phase differs from run to run, and a snapshot
    taken in the other phase fails for nothing), and the screen says what it is for, in words: the
    snapshot guards the look, these assertions the meaning."""
    blinking = [type(widget).__name__ for screen in app.screen_stack for widget in screen.query("*")
                if getattr(widget, "cursor_blink", False)]
    assert blinking == [], blinking
    text = flat(screen_text(app))
    for phrase in phrases:
        assert flat(phrase) in text, phrase
    for phrase in absent:
        assert flat(phrase) not in text, phrase
