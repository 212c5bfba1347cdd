"""The closing step records the meeting's conclusion and what came of each agenda item; the disagreement
form records each party's position (issue 19)."""

from __future__ import annotations

from test_tui_support import Clock, screen_text, settle
from textual.widgets import RadioSet

from concertation_tui import store
from concertation_tui.i18n import t
from concertation_tui.services.demo import demo_meeting, play_demo_follow_up
from concertation_tui.model import ItemOutcome, VisibilityKind
from concertation_tui.services.templates import new_follow_up
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.model import ops
from concertation_tui.model.ops import parse_positions
from concertation_tui.tui.dialogs.coordination_forms import positions_text
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.widgets import Choices


def held_follow_up_file():
    first = demo_meeting()
    first_path = store.create_meeting_file(first)
    return store.create_meeting_file(play_demo_follow_up(new_follow_up(first, first_path)))


async def test_the_close_step_records_the_conclusion_and_an_item_s_outcome():
    path = held_follow_up_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        assert t("tui.close.outcomes_title_narrow", "fr") in screen_text(app)  # at 80 columns: the short title
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#f-text").text = "Oui, il reste chez lui"
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting.conclusion == "Oui, il reste chez lui"
        outcomes = app.screen.query_one("#outcomes", Choices)
        outcomes.focus()
        outcomes.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        radio = app.screen.query_one("#f-outcome", RadioSet)
        list(radio.query("RadioButton"))[4].value = True  # « Non abordé »
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting.agenda[0].outcome is ItemOutcome.NOT_REACHED
        assert "non abordé" in screen_text(app)
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    saved = store.load_meeting(path)
    assert saved.conclusion == "Oui, il reste chez lui"
    assert saved.agenda[0].outcome is ItemOutcome.NOT_REACHED


def test_positions_are_typed_one_a_line_and_their_holders_become_parties():
    meeting = demo_meeting()
    found = meeting.disagreements[0]
    found.positions, found.between = [], []
    typed = "Julie : garder la demande\nMonsieur Lambert : Je reste chez moi."
    positions, unknown = parse_positions(meeting, typed)
    assert unknown == ""
    ops.edit_disagreement(meeting, found, {
        "about": found.about, "between": [], "settled": False, "resolution": "", "domains": [],
        "visibility": VisibilityKind.MINUTE, "recipients": [], "positions": typed})
    person, hospital = meeting.person, next(p for p in meeting.participants if p.name == "Julie Verhaegen")
    assert [(p.participant_id, p.view) for p in found.positions] == [
        (hospital.id, "garder la demande"), (person.id, "Je reste chez moi.")]
    assert set(found.between) == {hospital.id, person.id}
    assert positions_text(meeting, found.positions).splitlines()[0] == "Julie Verhaegen : garder la demande"
    assert parse_positions(meeting, "Quelqu'un : un avis")[1] == "Quelqu'un"
