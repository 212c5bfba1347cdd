"""Every kind of record (model/kinds.py) is edited and removed through one path (tui/screens/notes.py):
its form opens on the demo's record, saving goes through the kind's named operation, and its delete
button removes it after a confirmation. A kind added to the registry without a form fails here."""

from __future__ import annotations

from concertation_tui.model import kinds
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import DELETE, Confirm, FormDialog
from concertation_tui.tui.screens import notes
from test_tui_support import Clock, demo_file, settle


def test_every_kind_has_its_form() -> None:
    assert set(notes.FORMS) == set(kinds.KINDS)


async def test_each_kind_opens_its_form_saves_and_is_removed_after_a_confirmation() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        for name, kind in kinds.KINDS.items():
            records = getattr(app.meeting, kind.collection)
            assert records, f"the demo has no {name}"
            record_id = records[-1].id
            count = len(records)
            # saved unchanged: the kind's operation takes the form's values, the record stays
            notes.edit_by_id(screen, name, record_id)
            await settle(app, pilot)
            assert isinstance(app.screen, FormDialog), name
            app.screen.action_save()
            await settle(app, pilot)
            assert not isinstance(app.screen, FormDialog), (name, "the demo's record did not save as it was")
            assert len(getattr(app.meeting, kind.collection)) == count, name
            # removed: the delete button, then yes
            notes.edit_by_id(screen, name, record_id)
            await settle(app, pilot)
            app.screen.dismiss(DELETE)
            await settle(app, pilot)
            assert isinstance(app.screen, Confirm), name
            app.screen.dismiss(True)
            await settle(app, pilot)
            assert kinds.find(app.meeting, name, record_id) is None, name
            assert len(getattr(app.meeting, kind.collection)) == count - 1, name
