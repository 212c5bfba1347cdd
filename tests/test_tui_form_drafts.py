"""What is typed in a form survives a hang-up, a SIGTERM or a crash, and comes back on reopening.

Each test types into a form the way the tester did, then takes the hang-up path at once (the signal
handler's save, safety.py, with its failsafe timer disarmed so that it cannot end pytest), reads the
meeting file, and opens the meeting again in a new session.
"""

from __future__ import annotations

import signal
import threading

import pytest

from concertation_tui import store
from concertation_tui.tui import safety
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog, Notice
from concertation_tui.tui.screens.private import PrivateCover
from concertation_tui.tui.widgets import ShortText
from test_tui_support import Clock, demo_file, flat, screen_text, settle


class _NoFailsafe:
    """Stands for threading.Timer in safety.py: the real failsafe would os._exit the test run."""

    def __init__(self, *args, **kwargs) -> None:
        self.daemon = True

    def start(self) -> None:
        pass


def hang_up(app: ConcertationApp, monkeypatch) -> None:
    """SIGHUP as the running program gets it (safety.SafeAppMixin._on_terminating_signal)."""
    monkeypatch.setattr(safety.threading, "Timer", _NoFailsafe)
    app._on_terminating_signal(signal.SIGHUP)


def kept_form(path):
    draft = store.load_meeting(path).progress.form_draft
    assert draft is not None, "no form kept in the meeting file"
    return {f.name: f.value for f in draft.fields}


def field_text(form: FormDialog, name: str) -> str:
    widget = form.query_one(f"#f-{name}")
    return widget.text if isinstance(widget, ShortText) else widget.value


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[" " if c == " " else c for c in text])


async def test_the_persons_words_f9_survive_a_hangup_and_reopen_in_their_form(monkeypatch) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "je veux rester chez moi")
        hang_up(app, monkeypatch)  # at once: no pause after the last key
    assert kept_form(path)["text"] == "je veux rester chez moi"
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        form = again.screen
        assert isinstance(form, FormDialog)
        assert field_text(form, "text") == "je veux rester chez moi"
        before = len(again.meeting.person_views)
        await pilot.press("enter")  # saved on purpose: recorded, and the draft is gone
        await settle(again, pilot)
    saved = store.load_meeting(path)
    assert saved.progress.form_draft is None
    assert len(saved.person_views) == before + 1 and saved.person_views[-1].text == "je veux rester chez moi"


async def test_a_new_action_f7_text_carrier_and_due_date_survive_a_hangup(monkeypatch) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        actions = len(app.meeting.actions)
        await pilot.press("f7")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Appeler le Foyer du Sud")
        await pilot.press("tab", "N", "a", "d")  # the carrier, by the start of her name
        await pilot.press("tab", "tab")  # past « who, in their own words » to the due date
        await type_text(pilot, "15/12/2026")
        hang_up(app, monkeypatch)
    kept = kept_form(path)
    assert kept["what"] == "Appeler le Foyer du Sud"
    assert kept["due"] == "15/12/2026"
    nadia = next(p.id for p in store.load_meeting(path).participants if p.name == "Nadia El Amrani")
    assert kept["carrier_id"] == nadia
    assert len(store.load_meeting(path).actions) == actions  # kept as a draft, not recorded behind her back
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        form = again.screen
        assert isinstance(form, FormDialog)
        assert field_text(form, "what") == "Appeler le Foyer du Sud"
        assert field_text(form, "due") == "15/12/2026"
        assert form.query_one("#f-carrier_id").value == nadia
        await pilot.press("ctrl+s")
        await settle(again, pilot)
    saved = store.load_meeting(path)
    assert saved.progress.form_draft is None
    assert len(saved.actions) == actions + 1
    assert saved.actions[-1].what == "Appeler le Foyer du Sud" and saved.actions[-1].carrier_id == nadia
    assert saved.actions[-1].due is not None and saved.actions[-1].due.isoformat() == "2026-12-15"


async def test_a_participant_form_survives_a_hangup(monkeypatch) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")  # the opening step: « n » adds a participant
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "Karim Haddad")
        hang_up(app, monkeypatch)
    assert kept_form(path)["name"] == "Karim Haddad"
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, FormDialog)
        assert field_text(again.screen, "name") == "Karim Haddad"
        await pilot.press("escape")  # cancelled on purpose: asked, then the draft goes
        await settle(again, pilot)
        await pilot.press("left", "enter")
        await settle(again, pilot)
        assert not isinstance(again.screen, FormDialog)
    saved = store.load_meeting(path)
    assert saved.progress.form_draft is None
    assert "Karim Haddad" not in [p.name for p in saved.participants]


async def test_a_disagreement_form_survives_a_hangup_and_its_words_come_back_in_the_typing_line(monkeypatch) -> None:
    """The shared picture (ctrl+g) is not a step the meeting reopens on: the words are given back in
    the typing line, and a message says so and shows them."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, "le retour au domicile")
        hang_up(app, monkeypatch)
    assert kept_form(path)["about"] == "le retour au domicile"
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, Notice)
        assert "le retour au domicile" in str(again.screen.text)  # the message shows the words
        assert flat("le retour au domicile") in flat(screen_text(again))
        await pilot.press("enter")
        await settle(again, pilot)
        assert "le retour au domicile" in again.screen.query_one("#note", ShortText).text
    saved = store.load_meeting(path)
    assert saved.progress.form_draft is None
    assert "le retour au domicile" in saved.progress.draft  # never lost: now the typing line's draft


async def test_a_note_being_edited_survives_a_hangup(monkeypatch) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        live = app.screen
        note = app.meeting.contributions[0]
        live._edit_contribution(note.id)  # what Enter on a note of « what was said » does
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await type_text(pilot, " et le loyer")
        hang_up(app, monkeypatch)
    assert kept_form(path)["text"] == note.text + " et le loyer"
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, Notice)
        await pilot.press("enter")
        await settle(again, pilot)
        assert "et le loyer" in again.screen.query_one("#note", ShortText).text
    assert "et le loyer" in store.load_meeting(path).progress.draft


async def test_the_watchdog_thread_writes_the_form_without_the_event_loop() -> None:
    """The worst moment of a dropped link: the loop is stuck, only the watchdog's thread writes."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        await type_text(pilot, "ma fille")
        await pilot.pause()
        writer = threading.Thread(target=app._write_emergency_snapshot)
        writer.start()
        writer.join()
        assert kept_form(path)["text"] == "ma fille"


async def test_a_form_cancelled_or_saved_on_purpose_leaves_no_draft() -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        await type_text(pilot, "non merci")
        await pilot.pause(0.4)  # past the draft's delay: it is kept, then saved
        await settle(app, pilot)
        assert kept_form(path)["text"] == "non merci"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("left", "enter")  # yes, drop what was typed
        await settle(app, pilot)
        assert store.load_meeting(path).progress.form_draft is None
        assert app.save_now_sync()
        assert ops_free_of(path, "non merci")


def ops_free_of(path, words: str) -> bool:
    return words not in path.read_text(encoding="utf-8")


async def test_words_typed_during_the_time_without_the_person_are_kept_in_the_typing_line() -> None:
    """F4, F8, type, Enter, F8: nothing swallowed; the cover never shows the words."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    words = "Note pendant le temps sans la personne"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = len(app.meeting.contributions) + len(app.meeting.person_views)
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivateCover)
        await type_text(pilot, words)
        await pilot.press("enter")
        await settle(app, pilot)
        shown = flat(screen_text(app))
        assert flat(words) not in shown and "Note" not in shown  # the shared screen stays neutral
        assert str(len(words)) in shown  # but it says that something is kept
        assert words in store.load_meeting(path).progress.draft  # kept as it is typed
        await pilot.press("f8")
        await settle(app, pilot)
        await pilot.press("escape")  # the reason of the time without the person: none given
        await settle(app, pilot)
        note = app.screen.query_one("#note", ShortText)
        assert note.text.strip() == words
        assert len(app.meeting.contributions) + len(app.meeting.person_views) == before  # not recorded behind her back
        await pilot.press("enter")  # read with her, then recorded
        await settle(app, pilot)
    saved = store.load_meeting(path)
    assert len(saved.contributions) + len(saved.person_views) == before + 1
    assert saved.progress.draft == ""


async def test_words_typed_on_the_cover_survive_a_hangup(monkeypatch) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        await type_text(pilot, "le juge a appele")
        hang_up(app, monkeypatch)
    assert store.load_meeting(path).progress.draft == "le juge a appele"
    again = ConcertationApp(path, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, PrivateCover)
        await pilot.press("f8")
        await settle(again, pilot)
        await pilot.press("escape")
        await settle(again, pilot)
        assert again.screen.query_one("#note", ShortText).text == "le juge a appele"
