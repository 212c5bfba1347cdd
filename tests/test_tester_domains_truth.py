"""What a social worker found running a whole meeting (the « truth » trial): records must carry the life
domains of what they are about, shown where they are listed, and the minute must state only what was
confirmed."""

from __future__ import annotations

import json

from test_tui_support import Clock, settle

from concertation_tui import store
from concertation_tui.model import Domain
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


def saved(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _on_item(n: int):
    m = demo_meeting()
    m.progress.item_id = m.agenda[n].id
    return m


async def test_a_new_actions_domains_follow_the_item_chosen():
    """F7 on item 2 (logement, santé) proposes its domains; choosing item 3 in the form proposes item 3's
    (revenus, administration): « santé » must not stay and keep the action from the partner who helps."""
    m = _on_item(1)
    third = m.agenda[2]
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert set(field(app, "domains").selected) == {Domain.HOUSING, Domain.HEALTH}
        field(app, "what").text = "Relancer"
        field(app, "item_id").value = third.id
        await settle(app, pilot)
        assert set(field(app, "domains").selected) == set(third.domains)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    action = saved(path)["actions"][-1]
    assert action["what"] == "Relancer" and action["item_id"] == third.id
    assert sorted(action["domains"]) == sorted(d.value for d in third.domains)


async def test_domains_ticked_by_hand_stay_when_the_item_changes():
    m = _on_item(1)
    third = m.agenda[2]
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        picks = field(app, "domains")
        picks.deselect(Domain.HOUSING)  # by hand: health only
        await settle(app, pilot)
        field(app, "what").text = "Relancer"
        field(app, "item_id").value = third.id
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert saved(path)["actions"][-1]["domains"] == ["health"]
