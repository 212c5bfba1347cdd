"""What a newcomer ran into in a whole live meeting at 80x24 (issue 18, the second trial): the person's
words (F9) never move the round on, typing in a table finds a name, people in one order everywhere."""

from __future__ import annotations

import json

from meeting_at_80x24 import meeting_8x10
from test_tui_support import Clock, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import ParticipantKind
from concertation_tui.tui.app import ConcertationApp


async def done(app, pilot) -> None:
    await settle(app, pilot)
    await settle(app, pilot)


def saved(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


async def test_the_persons_words_f9_leave_the_speaker_where_the_round_was():
    """Nobody chosen yet on the item: the speaker shown is the first who has not spoken, the person.
    F9 (her words) makes her « spoken »; the next line typed must still be hers, not the next one's."""
    m = meeting_8x10()
    item = m.agenda[1]
    m.progress.item_id = item.id
    m.progress.speaker_id = ""
    m.contributions = [c for c in m.contributions if c.item_id != item.id]
    m.person_views = [v for v in m.person_views if v.item_id != item.id]
    person = m.person
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        assert app.screen.speaker().id == person.id
        await pilot.press("f9")
        await done(app, pilot)
        await pilot.press(*"Je veux rester chez moi")
        await pilot.press("enter")
        await done(app, pilot)
        assert app.screen.speaker().id == person.id
        await pilot.press(*"Et ma fille aussi")
        await pilot.press("enter")
        await done(app, pilot)
        views = [v["text"] for v in saved(path)["person_views"] if v["item_id"] == item.id]
        assert views == ["Je veux rester chez moi", "Et ma fille aussi"]
        said = [c for c in saved(path)["contributions"] if c["item_id"] == item.id]
        assert said == []
        name = person.addressed_as or person.name
        assert any(name in line and "Entrée" not in line for line in screen_text(app).splitlines()[-6:])
