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


async def test_f7_and_f9_open_their_form_from_every_step_and_take_the_words_typed_with_them():
    """F7 and F9 worked only in the live step: pressed on F3, F5 or F6 nothing opened, and the words
    typed next went to that step's one-letter keys (on F3 « p » marks the participant present, « a »
    absent). From every step they now open the live step's form, the words landing in it."""
    from test_tui_support import screen_text

    from concertation_tui.tui.dialogs.forms import FormDialog

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = app.meeting
        attendance = [p.attendance for p in m.participants]
        for step, form_key, field, title in (("f3", "f7", "what", "Nouvelle action"),
                                             ("f5", "f7", "what", "Nouvelle action"),
                                             ("f6", "f9", "text", "Ses mots"),
                                             ("f2", "f9", "text", "Ses mots")):
            await pilot.press(step)
            await settle(app, pilot)
            words = "passer le soir"
            await pilot.press(form_key, *[c if c != " " else "space" for c in words])
            await settle(app, pilot)
            assert isinstance(app.screen, FormDialog), (step, form_key)
            assert title in screen_text(app), (step, form_key)
            assert app.screen.query_one(f"#f-{field}").text == words, (step, form_key)
            app.screen.query_one(f"#f-{field}").text = ""
            await pilot.press("escape")
            await settle(app, pilot)
        assert [p.attendance for p in m.participants] == attendance  # no letter reached F3's keys
