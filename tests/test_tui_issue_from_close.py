"""Issuing the minute where a social worker looks for it (issue 18): from the close step (F6 g) and from
the palette by the words they use (émettre, émis, diffuser, envoyer); one set of files, in the version's
folder; the issue dialogs count the same passages; the button says « Émettre »."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from test_tui_support import TZ, Clock, flat, screen_text, settle
from textual.fuzzy import Matcher
from textual.widgets import Button

from concertation_tui import store
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog, Notice
from concertation_tui.tui.dialogs.issue_forms import ConflictsDialog

FIXTURE = Path(__file__).parent / "fixtures" / "trial_oceane.json"
AFTER = dt.datetime(2026, 12, 7, 16, 0, tzinfo=TZ)
"""The trial's meeting day, after the meeting: its minute may be issued."""


def trial_meeting(home: Path) -> Path:
    """The trial's meeting (invented data), not yet issued, in the test's data folder."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["distribution"]["issues"] = []
    meeting = store.parse_meeting(json.dumps(data).encode("utf-8"), FIXTURE)
    return store.create_meeting_file(meeting)


async def test_issue_from_the_close_step_and_the_palette_one_set_of_files(private_home, monkeypatch) -> None:
    monkeypatch.setattr("concertation_tui.tui.screens.issue_flow.pdf_available", lambda: False)
    path = trial_meeting(private_home)
    app = ConcertationApp(path, clock=Clock(AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        assert app.current_mode == "close"
        assert "g Émettre" in screen_text(app)  # the close step's footer, at 80 columns
        assert str(app.screen.query_one("#minute-result").render()).count("Pas encore émis") == 1

        # the palette finds it by the words a social worker uses
        titles = [c.title for c in app.get_system_commands(app.screen)]
        issue = next(t for t in titles if t.startswith("Émettre le compte rendu"))
        for words in ("émettre", "émis", "diffus", "envoyer"):
            assert Matcher(words).match(issue) > 0, words

        await pilot.press("g")
        await settle(app, pilot)
        assert app.current_mode == "reread"  # where a passage kept out is shown and changed
        assert isinstance(app.screen, ConflictsDialog)
        said = flat(screen_text(app))
        kept_out = int(re.search(r"(\d+)passages?resteront?hors", said).group(1))
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        form = flat(screen_text(app))
        assert int(re.search(r"(\d+)passages?concernés?", form).group(1)) == kept_out  # one count, one meaning
        assert str(app.screen.query_one("#save", Button).label) == "Émettre (Entrée)"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, Notice) and app.screen.title_text == "Version 1 émise", app.screen.text
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        state = str(app.screen.query_one("#minute-result").render())
        assert "Version 1 émise le" in state and "g : émettre une correction" in state
        await pilot.press("ctrl+q")
        await settle(app, pilot)

    saved = store.load_meeting(path)
    assert [i.version for i in saved.distribution.issues] == [1]
    assert not list(path.parent.glob("*.docx"))  # no second, unnamed set beside the meeting file
    folder = path.parent / "comptes-rendus" / f"2026-12-07-{saved.id}" / "v1"
    assert sorted(r.file_name for r in saved.distribution.issues[0].recipients if r.edition.value == "person")
    assert {p.name for p in folder.glob("*.docx")} == {r.file_name for r in saved.distribution.issues[0].recipients}


async def test_an_issue_finished_while_the_person_is_out_waits_for_the_cover_to_lift(private_home, monkeypatch) -> None:
    """F8 pressed while the minute is being written: the notice naming the files and who receives each came
    up over the cover the room reads. It waits now, and shows once the person is back."""
    import threading

    from concertation_tui.services import issuing
    from concertation_tui.tui.screens.private import PrivateCover

    monkeypatch.setattr("concertation_tui.tui.screens.issue_flow.pdf_available", lambda: False)
    stepped_out = threading.Event()
    write = issuing.issue_minute

    def written_once_the_person_is_out(*args, **kwargs):
        stepped_out.wait(30)  # the writing ends after F8, as a long minute's does
        return write(*args, **kwargs)

    monkeypatch.setattr(issuing, "issue_minute", written_once_the_person_is_out)
    path = trial_meeting(private_home)
    app = ConcertationApp(path, clock=Clock(AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6", "g")
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+s", "f8")  # the person steps out as the minute is written
        for _ in range(400):  # not settle: it would wait for the writing, which waits for this
            if isinstance(app.screen, PrivateCover):
                break
            await pilot.pause(0.05)
        assert isinstance(app.screen, PrivateCover)
        stepped_out.set()
        for _ in range(3):
            await settle(app, pilot)
        assert isinstance(app.screen, PrivateCover)
        assert "émise" not in screen_text(app)
        assert [i.version for i in app.meeting.distribution.issues] == [1]
        await pilot.press("f8")  # back: the reason for the time without the person, then the notice
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, Notice) and app.screen.title_text == "Version 1 émise"
        await pilot.press("enter")
        await settle(app, pilot)
