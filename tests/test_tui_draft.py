"""What is typed and not recorded yet survives a dropped connection: it is kept in the meeting file."""

from __future__ import annotations

from concertation_tui import store
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import ShortText
from test_tui_support import Clock, demo_file, settle


async def test_a_typed_unrecorded_note_is_saved_and_comes_back(tmp_path) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("d", "u", "r")
        await pilot.pause(0.5)  # the draft is kept after a short pause in typing
        await settle(app, pilot)
        assert store.load_meeting(path).progress.draft == "dur"
        before = len(app.meeting.contributions) + len(app.meeting.person_views)
        app.save_now_sync()
    # A new session on the same file (after a dropped connection) finds the text where it was.
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.screen.query_one("#note", ShortText).text == "dur"
        await pilot.press("enter")  # recording it empties the draft
        await settle(again, pilot)
        saved = store.load_meeting(path)
        assert saved.progress.draft == ""
        assert len(saved.contributions) + len(saved.person_views) == before + 1
