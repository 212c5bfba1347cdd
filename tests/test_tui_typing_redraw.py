"""Typing redraws the typing area and nothing else (issue 16), also once what is typed is kept and saved.

What is typed reaches the meeting file within a second while typing goes on (live.DRAFT_DELAY, then the
save). Each of those saves used to show its time in the top bar and show the banners again: the top bar,
the step tabs and every list's scroll bar were laid out and redrawn about once a second while typing
(the screen settled 120-230 ms after a typed character instead of 4 ms, `benchmarks/run.py`). Counted
here: which widgets are asked to redraw, not how long it takes."""

from __future__ import annotations

from collections import Counter

from textual.widget import Widget

from concertation_tui import store
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import AppBar, Banner
from test_tui_support import Clock, demo_file, screen_text, settle


class RedrawSpy:
    """Records the widgets of the screen shown asked to redraw (`Widget.refresh`) while it is on (the
    other steps' screens are built meanwhile in idle time, off screen: see tui/prebuild.py)."""

    def __init__(self, monkeypatch) -> None:
        self.asked: Counter[str] = Counter()
        self.on = False
        original = Widget.refresh

        def refresh(widget, *regions, **options):
            if self.on and _on_screen_shown(widget):
                self.asked[f"{type(widget).__name__}#{widget.id}"] += 1
            return original(widget, *regions, **options)

        monkeypatch.setattr(Widget, "refresh", refresh)


def _on_screen_shown(widget: Widget) -> bool:
    try:
        return widget.screen is widget.app.screen
    except Exception:  # noqa: BLE001 - a widget not attached (yet), or no screen shown
        return False


async def test_typing_and_its_saves_redraw_only_the_typing_area(monkeypatch) -> None:
    path = demo_file()
    spy = RedrawSpy(monkeypatch)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        bar_before = app.screen.query_one(AppBar).render()
        spy.on = True
        await pilot.press("d", "u")
        await settle(app, pilot)  # the draft kept (0.25 s) and saved (0.5 s later)
        await pilot.press("r")
        await settle(app, pilot)
        spy.on = False
        assert store.load_meeting(path).progress.draft == "dur"  # typing did reach the file
        assert dict(spy.asked) == {"ShortText#note": 3}, spy.asked
        assert app.screen.query_one(AppBar).render() == bar_before
        assert "à jour" in screen_text(app).splitlines()[0]

        # A recorded note is a change of the meeting: its save does show its time.
        await pilot.press("enter")
        await settle(app, pilot)
        assert "enreg. 15:20:00" in screen_text(app).splitlines()[0]
        assert store.load_meeting(path).progress.draft == ""


async def test_a_banner_shown_again_with_the_same_words_is_not_redrawn(monkeypatch) -> None:
    spy = RedrawSpy(monkeypatch)
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        banner = app.screen.query_one("#save-banner", Banner)
        spy.on = True
        app.refresh_save_state()  # as after every save: nothing changed
        banner.show("")
        assert spy.asked == Counter()
        banner.show("Le disque est plein.")
        assert spy.asked["Banner#save-banner"] >= 1 and banner.display
        await pilot.pause()
        assert "Le disque est plein." in screen_text(app)
        banner.show("")
        await pilot.pause()
        assert not banner.display and "Le disque est plein." not in screen_text(app)
