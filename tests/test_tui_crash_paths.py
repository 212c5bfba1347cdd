"""Code that runs later than the key that asked for it (a worker, a timer, a callback after a refresh)
finds the screen it was meant for gone or covered: it must leave things alone, not crash the meeting.

Each test puts the later code in the order that crashed (a NoMatches seen under load, with no frame:
see tests/crash_frames.py), deterministically, and checks that the meeting goes on.
"""

from __future__ import annotations

import pytest
from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui.model import Level
from concertation_tui.model.checks import Finding
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.screens.actions import go_to_finding
from concertation_tui.tui.screens.private import PrivateCover


@pytest.mark.parametrize("target", ["participant", "consent", "meeting", "next_meeting", "person_view",
                                    "action", "note"])
async def test_a_finding_opened_in_a_worker_after_the_cover_went_up_leaves_the_cover_alone(target):
    """Enter on a finding starts a worker that switches step and then looks for its list there; F8
    may have put the cover up before the worker got there. It crashed (NoMatches on '#attendance', or an
    AttributeError: the cover has no `action_consent`)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        meeting = app.meeting
        target_id = {"participant": meeting.participants[0].id, "action": meeting.actions[0].id,
                     "note": meeting.contributions[0].id}.get(target, "")
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivateCover)
        toasts = len(app._notifications)
        app.run_worker(go_to_finding(app, Finding("action_no_due", Level.ERROR, target, target_id)))
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, PrivateCover)
        assert "Lambert" not in flat(screen_text(app))  # nothing of the meeting said on the cover,
        assert len(app._notifications) == toasts  # not even a finding's sentence in a toast
