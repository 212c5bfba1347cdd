"""Typing straight after a step's key (issue 16): at 80x24, F3 F4 F5 F6 F12 each followed at once by
what is typed for that step, in one burst with no pause; every character lands in the step it was
typed for, in order."""

from __future__ import annotations

from concertation_tui.model import Agreement, Attendance
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import ShortText
from test_tui_bursts import burst, wait_for
from test_tui_support import Clock, demo_file, settle

WORD = "zéphyr"
LAST_WORD = "merci à tous"


async def test_typing_after_each_step_key_lands_in_that_step() -> None:
    app = ConcertationApp(demo_file(last_word=""), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        meeting = app.meeting
        first, action = meeting.participants[0], meeting.actions[0]
        app.change(lambda m: setattr(first, "attendance", Attendance.INVITED))
        assert action.agreement is not Agreement.DISAGREES
        burst(app,
              "f3", "p",  # opening: the first participant is present
              "f4", *WORD,  # live: typed in the typing area
              "f5", "-",  # actions: the person disagrees with the first action
              "f6", "l", *LAST_WORD, "enter",  # close: the person's last word, written and kept
              "f12", "c")  # reread: the consent dialog
        await wait_for(pilot, lambda: app.current_mode == "reread" and app.screen is not app.screen_stack[0]
                       and not app._held_keys, rounds=120)
        assert first.attendance is Attendance.PRESENT
        assert app.live_screen.query_one("#note", ShortText).text.endswith(WORD)
        assert action.agreement is Agreement.DISAGREES
        assert meeting.last_word == LAST_WORD
        assert app.current_mode == "reread"
        assert type(app.screen).__name__ != "RereadScreen", "the reread step's c opened nothing"
        assert app._held_keys == []
