"""A thread worker has no running app to ask for the language: it is handed it, and says what goes wrong
in the session's language (an English session never hears « La rédaction a échoué » from a thread).

tests/test_layers.py checks the workers' code; this runs the worker that says a sentence (issuing: the close
step's `g` goes through it too) and makes it fail.
"""

from __future__ import annotations

from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.checks_list import ChecksList
from concertation_tui.tui.dialogs.forms import Notice
from test_tui_support import Clock, demo_file, screen_text, settle


async def test_issuing_fails_in_english(monkeypatch) -> None:
    from concertation_tui.services import issuing
    from concertation_tui.tui.screens import issue_flow

    def broken(*args, **kwargs):
        raise RuntimeError("no copies")

    monkeypatch.setattr(issuing, "issue_minute", broken)
    app = ConcertationApp(demo_file(), clock=Clock(), lang="en")
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot)
        issue_flow._ask(app, 0)
        await settle(app, pilot)
        if isinstance(app.screen, ChecksList):  # the demo's points to correct, listed: issue anyway
            app.screen.dismiss(("anyway",))
            await settle(app, pilot)
        app.screen.dismiss({"pdf": False, "what_changed": "", "reason": ""})
        await settle(app, pilot)
        assert isinstance(app.screen, Notice)
        text = screen_text(app)
        assert "Issuing failed (RuntimeError)" in " ".join(text.split()), text
        assert "échoué" not in text and "émission" not in text.lower()
