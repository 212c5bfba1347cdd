"""The interface's promises one by one: user text never parsed as markup, read-only when locked,
reopening where one was, autosave and its failures, private time, keys that work while typing, help,
palette, English."""

from __future__ import annotations

import datetime as dt

import pytest
from test_tui_support import Clock, demo_file, flat, screen_text, settle
from textual.widgets import RadioSet

from concertation_tui import store
from concertation_tui.model import ItemState, Phase
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import Confirm, FormDialog, Notice
from concertation_tui.tui.screens.private import PrivateCover
from concertation_tui.tui.widgets import ShortText

MARKUP = "Jean [Dupont] [/] [@click=app.quit]"


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


async def test_markup_in_names_titles_and_contributions_is_shown_as_typed():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        # a participant named with markup, typed in the form (a few keys by hand, the rest set)
        await pilot.press("f2", "2", "a")
        await pilot.pause()
        name = field(app, "name")
        await pilot.press("J", "[", "/", "]")
        assert name.value == "J[/]"
        name.value = MARKUP
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert MARKUP in screen_text(app)
        # an agenda item titled with markup
        await pilot.press("4", "a")
        await pilot.pause()
        field(app, "title").value = MARKUP
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert MARKUP in screen_text(app)
        # the markup participant speaks on the live screen, with markup in the contribution
        app.change(lambda m: setattr(next(p for p in m.participants if p.name == MARKUP), "attendance",
                                     store.load_meeting(path).participants[0].attendance))
        await pilot.press("f4")
        await settle(app, pilot)
        pid = next(p.id for p in app.meeting.participants if p.name == MARKUP)
        app.screen._set_speaker(pid)
        note = app.screen.query_one("#note", ShortText)
        note.text = "dit [b]gras[/b] et [/] puis [@click=app.quit]"
        await pilot.press("enter")
        await settle(app, pilot)
        text = screen_text(app)
        assert "dit[b]gras[/b]et[/]puis[@click=app.quit]" in flat(text)
        assert flat(MARKUP) in flat(text)
        # the actions table and the readiness checks show names with markup too
        app.change(lambda m: setattr(m.actions[0], "carrier_label", MARKUP) or setattr(m.actions[0], "carrier_id", ""))
        await pilot.press("f5")
        await settle(app, pilot)
        assert flat(MARKUP)[:12] in flat(screen_text(app))
        assert app.is_running
    saved = store.load_meeting(path)
    assert any(p.name == MARKUP for p in saved.participants)
    assert any(i.title == MARKUP for i in saved.agenda)
    assert saved.contributions[-1].text == "dit [b]gras[/b] et [/] puis [@click=app.quit]"


async def test_a_meeting_held_by_another_session_opens_read_only_and_says_who():
    path = demo_file()
    before = path.read_bytes()
    lock = store.MeetingLock(path)
    lock.acquire()
    try:
        app = ConcertationApp(path, clock=Clock())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(app, pilot)
            assert app.read_only
            text = flat(screen_text(app))
            assert "LECTURESEULE" in text and "estouvertepar" in text  # and who holds it
            await pilot.press("ctrl+pagedown")  # next item: refused
            await settle(app, pilot)
            assert "lectureseule" in flat(screen_text(app)).lower()
            assert app.emergency_snapshot() is None
            await pilot.press("ctrl+q")
        assert path.read_bytes() == before
    finally:
        lock.release()


async def test_reopening_returns_to_the_same_step_and_item_with_the_same_timers():
    path = demo_file()
    clock = Clock()
    app = ConcertationApp(path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.current_mode == "live"  # the demo was left on the agenda
        await pilot.press("ctrl+t")  # resume the paused last item
        clock.advance(minutes=4)
        await pilot.press("ctrl+pageup")  # back to item 3, which runs again
        clock.advance(minutes=2)
        await settle(app, pilot)
        third = app.meeting.agenda[2]
        assert app.meeting.progress.item_id == third.id and third.state is ItemState.RUNNING
        elapsed = third.elapsed_seconds(clock.now)
        await pilot.press("ctrl+q")  # quitting pauses the clocks
    saved = store.load_meeting(path)
    assert saved.progress.phase is Phase.LIVE and saved.progress.item_id == third.id
    assert saved.agenda[2].state is ItemState.PAUSED
    assert saved.agenda[2].elapsed_seconds() == elapsed == 13 * 60 + 2 * 60
    assert saved.agenda[3].state is ItemState.DONE

    clock.advance(minutes=30)  # the next day or an hour later: the timers did not run meanwhile
    again = ConcertationApp(path, clock=clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.current_mode == "live"
        assert again.meeting.progress.item_id == third.id
        text = screen_text(again)
        assert "Point 3/4" in text and "15:00 / 15 min" in text


async def test_changes_are_saved_within_a_second_and_the_time_is_shown():
    path = demo_file()
    clock = Clock()
    app = ConcertationApp(path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("a")  # the first participant becomes absent
        await pilot.press("escape")  # no reason given
        await pilot.pause(0.6)  # the save starts half a second after the change
        await settle(app, pilot)
        assert store.load_meeting(path).participants[0].attendance.value == "absent"
        assert "enreg. 15:20:00" in screen_text(app)
        assert not app.unsaved


async def excuse_the_first_and_save(app, pilot, reason: str) -> None:
    """At the opening, the first participant excused with `reason`; the save has started and ended."""
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    await pilot.press("e")
    await pilot.pause()
    app.screen.query_one("#f-text").value = reason
    await pilot.press("enter")
    await pilot.pause(0.6)  # the save starts half a second after the change
    await settle(app, pilot)


async def test_a_failed_save_is_said_at_once_and_retried(monkeypatch):
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    real = store.write_private
    failing = {"on": True}

    def write(target, data, *, generations=False):
        if failing["on"] and target == path:
            raise store.SaveError("store.write_failed", reason="le disque est plein")
        return real(target, data, generations=generations)

    monkeypatch.setattr(store, "write_private", write)
    monkeypatch.setattr("concertation_tui.tui.app.RETRY_DELAY", 0.2)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await excuse_the_first_and_save(app, pilot, "malade")
        text = flat(screen_text(app))
        assert "NONENREGISTRÉ" in text and "ledisqueestplein" in text
        failing["on"] = False
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert "NONENREGISTRÉ" not in flat(screen_text(app))
        saved = store.load_meeting(path).participants[0]
        assert saved.attendance.value == "excused" and saved.absence_reason == "malade"


async def test_private_time_survives_a_crash_and_reopens_covered():
    path = demo_file()
    clock = Clock()
    app = ConcertationApp(path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivateCover)
        assert app.meeting.private_parts[-1].span.end is None
        # the process dies here: nothing more than what was saved
        data = app.emergency_snapshot()
    store.write_private(*data)
    again = ConcertationApp(path, clock=clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert isinstance(again.screen, PrivateCover)
        assert "Lambert" not in screen_text(again)
        clock.advance(minutes=7)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(again.screen, FormDialog)
        await pilot.press("escape")  # no reason given: the part is still recorded
        await settle(again, pilot)
        part = again.meeting.private_parts[-1]
        assert part.span.end - part.span.start == dt.timedelta(minutes=7)


async def test_global_keys_work_while_typing_in_the_contribution_area():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        note = app.screen.query_one("#note", ShortText)
        assert note.has_focus
        await pilot.press("x")  # letters are typed, not taken as keys
        assert note.text == "x"
        await pilot.press("escape", "down", "y")  # a letter typed on a list goes back to the typing area
        assert note.has_focus and note.text == "xy"
        assert app.meeting.progress.item_id == app.meeting.agenda[3].id
        await pilot.press("f7")  # TextArea takes f7 for itself: ours wins
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await pilot.pause()
        for key, mode in (("f5", "actions"), ("f6", "close"), ("f2", "prepare"), ("f3", "open"), ("f4", "live")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
        assert app.screen.query_one("#note", ShortText).text == "xy"  # nothing lost on the way
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, PrivateCover)
        await pilot.press("f8", "escape")
        await pilot.pause()
        await pilot.press("ctrl+q")  # a typed note not recorded: asked first
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.screen.query_one("#note", ShortText).text == "xy"
        await pilot.press("ctrl+q", "left", "enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_lists_the_keys_and_the_palette_has_every_action():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        panel = app.screen.query_one("KeysPanel")  # 120 columns: a side panel beside the step
        text = panel.text()
        for words in ("Noter", "Suivant·e", "Sans la personne", "Action", "Parole"):
            assert words in text, words
        for english in ("Cursor", "Focus Next", "Select"):  # Textual's own words are hidden
            assert english not in text, english
        for words in ("Point suivant", "Point précédent", "Reprendre", "Reporter"):
            assert words in text, words
        await pilot.press("f1")
        await pilot.pause()
        assert not app.screen.query("KeysPanel")

        from concertation_tui.tui.commands import MeetingCommands

        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Thème" in titles
        provider = MeetingCommands(app.screen)
        names = [name for name, _, _ in provider._commands()]
        for words in ("Point suivant", "Préparer", "Actions", "Clôturer", "Sans la personne", "Parole"):
            assert words in names, words
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("C", "l", "ô", "t")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "close"


async def test_english_interface():
    path = demo_file()
    app = ConcertationApp(path, lang="en", clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        for words in ("F2 Prepare", "F4 Agenda", "Round table", "Said on this item", "Item 4/4"):
            assert words in text, words
        for french in ("Préparer", "Dit sur ce point", "pas encore", "Parole de"):
            assert french not in text, french
        await pilot.press("f5")
        await settle(app, pilot)
        assert "Readiness checks" in screen_text(app)
        await pilot.press("f6")
        await settle(app, pilot)
        assert "Last word (l: record" in screen_text(app)  # 80 columns: a rule whose title carries the keys


async def test_removing_a_participant_who_spoke_is_refused_and_says_why():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "2")
        await settle(app, pilot)
        count = len(app.meeting.participants)
        await pilot.press("down", "d")  # the daughter: she spoke and carries an action
        await pilot.pause()
        assert isinstance(app.screen, Notice)
        assert "nepeutpasêtreretiré" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.meeting.participants) == count
        # someone only mentioned (the neighbour supports an action): removed, the mention cleaned
        neighbour = next(p for p in app.meeting.participants if p.name == "Georges Piron")
        table = app.screen.query_one("#participants")
        table.move_cursor(row=table.get_row_index(neighbour.id))
        app.change(lambda m: [c for c in m.contributions if c.speaker_id == neighbour.id and m.contributions.remove(c)])
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "soutien" in screen_text(app)
        await pilot.press("left", "enter")
        await settle(app, pilot)
        assert app.meeting.participant(neighbour.id) is None
        assert all(neighbour.id not in a.supporters for a in app.meeting.actions)
    store.load_meeting(path)  # still a valid file: no dangling id


async def test_a_typed_date_is_checked_in_the_form():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5", "enter")
        await pilot.pause()
        field(app, "due").value = "31/02/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "cen'estpasunedate" in flat(screen_text(app))
        field(app, "due").value = "3/2/2027"
        radio = field(app, "status")
        assert isinstance(radio, RadioSet)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting.actions[0].due == dt.date(2027, 2, 3)


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_every_interface_key_used_exists(lang):
    import re
    from pathlib import Path

    from concertation_tui.i18n import forms

    source = Path(__file__).parents[1] / "src" / "concertation_tui" / "tui"
    used = set()
    for file in source.rglob("*.py"):
        text = file.read_text(encoding="utf-8")
        found = re.findall(r"""\btr\(\s*["']([a-z_][a-z_.]*[a-z_])["']\s*[,)]""", text)
        used |= {f"tui.{k}" for k in found if k != "key"}  # "key" is the docstring's example
        for name in re.findall(r"""key\(\s*"[^"]+",\s*"[^"]+",\s*"([a-z_]+)\"""", text):
            used |= {f"tui.key.{name}", f"tui.tip.{name}"}
    missing = sorted(k for k in used if not forms(k, lang))
    assert not missing


async def test_a_save_failure_in_an_english_session_is_said_in_english(monkeypatch):
    """The save runs in a worker thread, which has no running app to ask: it is handed the language."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock(), lang="en")
    real = store.write_private

    def write(target, data, *, generations=False):
        if target == path:
            raise RuntimeError("unexpected")
        return real(target, data, generations=generations)

    monkeypatch.setattr(store, "write_private", write)
    monkeypatch.setattr("concertation_tui.tui.app.RETRY_DELAY", 30)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await excuse_the_first_and_save(app, pilot, "sick")
        assert app.save_error.startswith("Saving failed (RuntimeError)."), app.save_error
        assert "enregistrement" not in app.save_error.lower()


async def test_the_forms_delete_button_removes_the_action_after_a_confirmation():
    """The form's third button comes back as Pressed("delete"); the removal is asked, then saved."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        first = app.meeting.actions[0]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.click("#extra")
        await settle(app, pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("left", "enter")
        await pilot.pause(0.6)
        await settle(app, pilot)
        assert app.meeting.action(first.id) is None
        assert first.id not in {a.id for a in store.load_meeting(path).actions}
