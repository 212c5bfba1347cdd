"""Words typed while the program starts land in the live step's typing area, in order (issue 16).

A facilitator types as soon as the command is entered: the terminal delivers those keys while the
meeting is being opened, before the live step exists. They wait in the app's queue, and the live step
holds them until its typing area has the focus (tui/early_keys.py). The start builds the step before
showing it (prebuild.build_now): what is typed then must still arrive, whole and in order."""

from __future__ import annotations

from concertation_tui import store
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import ShortText
from test_tui_bursts import burst
from test_tui_support import Clock, demo_file, settle

WORDS = "Bonjour à tous"


async def test_words_typed_while_the_meeting_opens_land_in_the_typing_area(monkeypatch) -> None:
    opening = ConcertationApp.open_meeting

    async def typed_while_opening(app, path, *, mode=None):
        burst(app, *WORDS)  # as the driver posts them, while the meeting is being opened
        return await opening(app, path, mode=mode)

    monkeypatch.setattr(ConcertationApp, "open_meeting", typed_while_opening)
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.current_mode == "live"
        assert app.screen.query_one("#note", ShortText).text == WORDS
        assert app.focused is app.screen.query_one("#note", ShortText)
        app.flush_typing()
        assert app.save_now_sync()
    assert store.load_meeting(path).progress.draft == WORDS  # kept in the file too


async def test_a_word_typed_after_the_first_frame_while_the_steps_are_built_lands_too() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, *"Oui")  # at once, while the app goes on with its start (warm-up, steps built ahead)
        await settle(app, pilot)
        burst(app, *" merci")
        await settle(app, pilot)
        assert app.screen.query_one("#note", ShortText).text == "Oui merci"
