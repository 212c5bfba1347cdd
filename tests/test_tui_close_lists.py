"""The close step (F6) at 80x24: who receives the minute is found by typing a name, as in every list of
people, and in the same order (the person, the speaking order, the facilitator)."""

from __future__ import annotations

from test_tui_support import Clock, demo_file, settle

from concertation_tui import store
from concertation_tui.model.people_order import everyone_in_order
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import Picks


async def test_the_distribution_list_finds_a_name_as_it_is_typed_in_the_order_of_every_list(private_home):
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        picks = app.screen.query_one("#distribution", Picks)
        order = [p.id for p in everyone_in_order(app.meeting)]
        assert [picks.get_option_at_index(n).value for n in range(picks.option_count)] == order
        picks.focus()
        await pilot.pause()
        georges = next(p for p in app.meeting.participants if p.name == "Georges Piron")
        before = georges.receives_minute
        await pilot.press("g", "e")  # « ge »: Georges, not the minute's key (g) while the list is in hand
        await pilot.pause()
        assert picks.get_option_at_index(picks.highlighted).value == georges.id
        await pilot.press("space")
        await settle(app, pilot)
        await pilot.pause(1.2)  # a pause starts a new search (finding.RESET_SECONDS), as it does for a user
        await pilot.press("d", "r")  # « Dr Marc Dubois », not the removal key (d)
        await pilot.pause()
        assert app.meeting.participant(picks.get_option_at_index(picks.highlighted).value).name == "Dr Marc Dubois"
    assert not list(private_home.rglob("*.docx"))  # g and d searched: no minute written, nothing removed
    saved = store.load_meeting(path)
    assert next(p for p in saved.participants if p.id == georges.id).receives_minute is (not before)
