"""An excused partner's written contribution is read where they would have spoken, once: in the round of
the items it is about, else once, in the first item's round; not again at every item (a helper running a
meeting at 80x24 found it back at each of the four items)."""

from __future__ import annotations

from test_tui_support import Clock, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import timing
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui.app import ConcertationApp

WRITTEN = "Le kiné passe deux fois par semaine depuis octobre."
MESSAGE = "Bonne réunion à tous."


def meeting_with_a_written_contribution(item_numbers: list[int]):
    meeting = demo_meeting()
    doctor = next(p for p in meeting.participants if p.name == "Dr Marc Dubois")
    doctor.written_text, doctor.excused_message = WRITTEN, MESSAGE
    doctor.written_item_ids = [meeting.agenda[n].id for n in item_numbers]
    return meeting, doctor


async def shown_at_each_item(app, pilot, doctor) -> list[tuple[bool, bool, bool]]:
    """For each item: (the doctor in the round, the written text shown, the message shown) at his turn."""
    seen = []
    for item in app.meeting.agenda:
        app.change(timing.go_to, item.id, app.now())
        await settle(app, pilot)
        in_round = doctor.id in [p.id for p in app.screen.speakers()]
        app.screen._set_speaker(doctor.id)  # his place in the round, or where ^o would put him
        await settle(app, pilot)
        text = flat(screen_text(app))
        seen.append((in_round, flat(WRITTEN)[:30] in text, flat(MESSAGE) in text))
    return seen


async def test_a_written_contribution_about_the_meeting_is_read_once_at_the_first_item():
    meeting, doctor = meeting_with_a_written_contribution([])
    app = ConcertationApp(store.create_meeting_file(meeting), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert await shown_at_each_item(app, pilot, doctor) == [
            (True, True, True), (False, False, False), (False, False, False), (False, False, False)]


async def test_a_written_contribution_about_some_items_is_read_in_their_rounds_with_the_message_at_the_first():
    meeting, doctor = meeting_with_a_written_contribution([1, 3])
    app = ConcertationApp(store.create_meeting_file(meeting), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert await shown_at_each_item(app, pilot, doctor) == [
            (False, False, False), (True, True, True), (False, False, False), (True, True, False)]


async def test_the_items_a_written_contribution_is_about_are_ticked_in_the_excused_form():
    from concertation_tui.tui.widgets import Table

    meeting, doctor = meeting_with_a_written_contribution([])
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        table = app.screen.query_one("#attendance", Table)
        table.keep_row(table.row_of(doctor.id))
        table.focus()
        await pilot.press("w")
        await settle(app, pilot)
        assert "Lacontributionécriteportesur" in flat(screen_text(app))
        items = app.screen.query_one("#f-written_item_ids")
        items.focus()
        await pilot.press("v", "space", "ctrl+s")  # « v »: « 2. Vivre chez soi… » found by typing, ticked
        await settle(app, pilot)
    saved = store.load_meeting(path)
    assert next(p for p in saved.participants if p.id == doctor.id).written_item_ids == [saved.agenda[1].id]
