"""The launcher, the entry point, the keymap from the config, jumping from a readiness check."""

from __future__ import annotations

import subprocess
import sys

from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.config import Config
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog, Notice
from concertation_tui.tui.screens.private import PrivateCover


async def test_the_launcher_lists_meetings_and_damaged_files_and_opens_one():
    path = demo_file()
    damaged = path.parent / "2026-01-01-abime.json"
    damaged.write_text('{"format_version": 1, "title": ', encoding="utf-8")
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = flat(screen_text(app))
        assert "RéuniondeconcertationautourdeMonsieurLambert" in text
        assert "Fichierabîmé:2026-01-01-abime.json" in text
        meetings = app.screen.query_one("#meetings")
        damaged_row = next(i for i in range(meetings.option_count)
                           if app.screen.summaries[meetings.get_option_at_index(i).id].problem)
        meetings.highlighted = damaged_row
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, Notice)
        assert "abîmé" in screen_text(app) and "n'apasétémodifié" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        meetings.highlighted = 1 - damaged_row
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.path == path and app.current_mode == "live"
    assert damaged.read_text(encoding="utf-8") == '{"format_version": 1, "title": '  # never overwritten


async def test_the_launcher_creates_an_empty_meeting_opens_a_file_and_the_demo():
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        buttons = list(app.screen.query_one("#f-template").query("RadioButton"))
        buttons[-1].value = True  # the empty meeting
        app.screen.query_one("#f-title").value = "Vide"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.meeting.title == "Vide" and app.meeting.agenda == []
        assert app.current_mode == "prepare"
    created = app.path
    assert store.load_meeting(created).title == "Vide"

    other = demo_file()
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#f-path").value = str(other.parent / "nothing-here.json")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.meeting is None and "n'existepas" in flat(screen_text(app))
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#f-path").value = str(other)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.path == other

    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert app.meeting is not None and app.meeting.title.startswith("Réunion de concertation autour")


async def test_a_damaged_file_given_on_the_command_line_opens_the_launcher_with_the_reason():
    path = demo_file()
    path.write_text("{}", encoding="utf-8")
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.meeting is None
        assert "versiondeformat" in flat(screen_text(app))


async def test_the_keymap_of_the_config_moves_a_key():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock(), config=Config(keymap={"private-time": "f10"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert not isinstance(app.screen, PrivateCover)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, PrivateCover)
        assert "f10" in screen_text(app).lower()


async def test_choosing_a_readiness_check_opens_what_it_concerns():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        findings = app.screen.query_one("#findings")
        findings.focus()
        findings.highlighted = 0  # the collective carrier of the last action
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-carrier_label").value == "tout le monde"
        app.screen.query_one("#f-carrier_label").value = ""
        app.screen.query_one("#f-carrier_id").value = app.meeting.facilitator_id
        app.screen.query_one("#f-due").value = "15/12/2026"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.meeting.actions[-1].carrier_id == app.meeting.facilitator_id
        assert "à corriger" not in [f.level_label("fr") for f in app.screen.findings]


def test_importing_the_interface_does_not_import_textual():
    code = "import sys, concertation_tui.tui; assert 'textual' not in sys.modules, 'textual imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_a_follow_up_meeting_from_the_launcher_carries_the_open_actions():
    previous = demo_file()
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # no date: the one planned at the previous meeting
        await settle(app, pilot)
        assert app.path != previous and app.meeting.is_follow_up
        assert app.meeting.date == store.load_meeting(previous).next_meeting.date
        assert app.meeting.actions and all(a.carried_from is not None for a in app.meeting.actions)
        await pilot.press("f5")
        await settle(app, pilot)
        assert "«" in screen_text(app)  # carried actions are marked


async def test_a_long_history_lists_the_recent_meetings_and_counts_the_older_ones() -> None:
    from concertation_tui import store as meeting_store
    from concertation_tui.services.demo import demo_meeting
    from concertation_tui.tui.screens.launcher import RECENT_LIMIT

    data = meeting_store.serialize(demo_meeting())
    folder = meeting_store.meetings_dir()
    for number in range(RECENT_LIMIT + 5):
        meeting_store.write_private(folder / f"2026-01-01-{number:012x}.json", data)
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)  # the index did not know them: read in a worker, then shown
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert len(app.screen.every_summary) == RECENT_LIMIT + 5
        assert len(app.screen.summaries) == RECENT_LIMIT
        meetings = app.screen.query_one("#meetings")
        last = meetings.get_option_at_index(meetings.option_count - 1)
        assert last.id == "older" and "5 réunions plus anciennes" in str(last.prompt)


async def test_the_meeting_read_by_the_command_line_is_not_read_again_unless_its_file_changed():
    """`concertation open` validates the file before any screen (to explain a damaged one); the
    interface takes that meeting while the file is as it was read, and reads the file again if not."""
    path = demo_file()
    stamp = store.file_stamp(path)
    preloaded = store.Preloaded(path, store.load_meeting(path), stamp)
    app = ConcertationApp(path, clock=Clock(), preloaded=preloaded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.meeting is preloaded.meeting and app.current_mode == "live"
        assert app.emergency_snapshot()[1] == store.serialize(preloaded.meeting)
        assert app._snapshot == (path, store.serialize(preloaded.meeting))  # taken after the first frame

    changed = store.load_meeting(path)
    changed.title = "Changée entre-temps"
    preloaded = store.Preloaded(path, store.load_meeting(path), store.file_stamp(path))
    store.save_meeting(path, changed)  # another session saved after the command line read it
    app = ConcertationApp(path, clock=Clock(), preloaded=preloaded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.meeting is not preloaded.meeting and app.meeting.title == "Changée entre-temps"
