"""The top bar at 80 columns: every step's key and the whole save state, in every state of the bar.

The bar is one line: the steps (F2-F6) on the left, the room's screen and the save state on the right.
At 80 columns the room's word once pushed « F6 Clôturer » out of the line, and a save that landed while
a dialog covered the step showed « enreg. » without its time.
"""

from __future__ import annotations

import pytest
from test_tui_support import Clock, demo_file, screen_text, settle

from concertation_tui.model import ops
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import PHASE_KEYS, PHASES

STEP_KEYS = {"prepare": "f2", "open": "f3", "live": "f4", "actions": "f5", "close": "f6"}


def top_line(app) -> str:
    return screen_text(app).splitlines()[0]


def assert_whole(app, line: str, phase: str) -> None:
    """Every step key, the current step's whole name, and one whole form of the save state."""
    assert len(line) <= 80
    words = line.split()
    for step in PHASES:
        assert any(w.strip("[]") == PHASE_KEYS[step] for w in words), (step, line)
    from concertation_tui.tui.text import tr

    current = f"[{PHASE_KEYS[phase]} {tr('phase.' + phase)}]"
    assert current in line, line
    forms = [app.save_state_text(form) for form in ("long", "short", "shorter")]
    assert any(line.rstrip().endswith(form) for form in forms), (forms, line)


def set_state(app, state: str) -> None:
    app.room_followers = 0
    app.read_only = ""
    app.save_error = ""
    app.meeting.progress.room_hidden = False
    if state == "opened":
        app.saved_at = None
    elif state == "saved":
        app.saved_at = app.now()
    elif state == "room":
        app.saved_at, app.room_followers = app.now(), 1
    elif state == "room_hidden":
        app.saved_at, app.room_followers = app.now(), 1
        app.meeting.progress.room_hidden = True
    elif state == "hidden_no_screen":
        app.saved_at = app.now()
        app.meeting.progress.room_hidden = True
    elif state == "failed_room":
        app.save_error, app.room_followers = "Le disque est plein.", 1
    elif state == "read_only_room":
        app.read_only, app.room_followers = "Sophie la tient depuis 14:02.", 1
    app.refresh_save_state()


STATES = ("opened", "saved", "room", "room_hidden", "hidden_no_screen", "failed_room", "read_only_room")


@pytest.mark.parametrize("lang", ["fr", "nl"])
async def test_the_top_bar_fits_80_columns_on_every_step_in_every_state(lang):
    app = ConcertationApp(demo_file(), clock=Clock(), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for phase in PHASES:
            await pilot.press(STEP_KEYS[phase])
            await settle(app, pilot)
            for state in STATES:
                set_state(app, state)
                await pilot.pause()
                assert_whole(app, top_line(app), phase)
        # the live step with the room followed, the most common state in a meeting: the steps keep a name
        await pilot.press("f4")
        set_state(app, "room")
        await pilot.pause()
        line = top_line(app)
        for step in PHASES:
            assert f"{PHASE_KEYS[step]} " in line and f"{PHASE_KEYS[step]} F" not in line, line


async def test_the_top_bar_fits_after_private_time_and_under_its_question():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        set_state(app, "room")
        await pilot.press("f8")
        await settle(app, pilot)
        assert "F2" not in top_line(app)  # the cover shows nothing of the meeting, the bar neither
        await pilot.press("f8")  # back: the question of why the person was not there covers the step
        await settle(app, pilot)
        assert "sans la personne" in screen_text(app).lower()
        set_state(app, "room")
        await settle(app, pilot)
        assert_whole(app, top_line(app), "live")


async def test_a_save_landing_under_a_dialog_shows_its_time_without_a_new_layout():
    """The step under a dialog may not be laid out again while the dialog is up (Textual lays out a
    background screen lazily): the new save state must show all the same."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        app.record_saved_at = None  # the bar shows the last save of a recorded change
        app.refresh_save_state()
        await settle(app, pilot)
        assert top_line(app).rstrip().endswith("à jour")
        await pilot.press("enter")  # the action's form covers the step
        await settle(app, pilot)
        step = app.screen_stack[-2]
        step._refresh_layout = lambda *args, **kwargs: None  # the step's layout does not run meanwhile
        app.change(ops.set_fields, app.meeting, place="Salle B")  # a change, and its save lands
        await settle(app, pilot)
        assert app.record_saved_at is not None
        assert top_line(app).rstrip().endswith("enreg. 15:20:00"), top_line(app)
