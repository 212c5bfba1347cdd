"""When an item ends live (^PgDn to the next), its outcome is proposed in a line and one key (^e) confirms
or changes it; nothing is asked in the way: the next item's typing goes on at once."""

from __future__ import annotations

from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import ItemOutcome, timing
from concertation_tui.model.outcomes import outcome
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.screens.live import LiveScreen
from concertation_tui.tui.widgets import ShortText


async def test_an_item_ending_live_proposes_its_outcome_and_one_key_confirms_or_changes_it():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        first, second = app.meeting.agenda[0], app.meeting.agenda[1]
        first.outcome = None
        app.change(timing.go_to, first.id, app.now())
        await settle(app, pilot)
        await pilot.press("ctrl+pagedown")
        await settle(app, pilot)
        assert isinstance(app.screen, LiveScreen)  # never forced: no question in the way
        assert app.screen.item.id == second.id
        proposed = outcome(app.meeting, first)
        text = flat(screen_text(app))
        assert "Point1terminé" in text and "^epourleconfirmer" in text  # the toast says it, and the key
        from concertation_tui.tui.text import lbl

        assert flat(f"point 1 : {lbl(proposed)} ? ^e") in text  # and the agenda's box, once the toast is gone
        await pilot.press("a", "b")  # typing goes on, in the next item
        assert app.screen.query_one("#note", ShortText).text == "ab"
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog) and "Qu'est-il ressorti" in screen_text(app)
        await pilot.press("enter")  # the proposal, confirmed
        await settle(app, pilot)
        assert first.outcome is proposed
        await pilot.press("ctrl+e")
        await settle(app, pilot)
        await pilot.press("down", "enter")  # changed: the next outcome in the list
        await settle(app, pilot)
        order = list(ItemOutcome)
        changed = order[(order.index(proposed) + 1) % len(order)]
        assert first.outcome is changed
        assert app.screen.query_one("#note", ShortText).text == "ab"
    saved = store.load_meeting(path)
    assert saved.agenda[0].outcome is changed and saved.agenda[1].outcome is None
