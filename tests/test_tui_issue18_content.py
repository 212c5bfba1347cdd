"""Issue 18 (content): the facilitator in the round, what the excused send read at their turn, the
minute-taker and the file number set from the details, the notes to reread listed and reachable."""

from __future__ import annotations

from meeting_at_80x24 import meeting_8x10
from test_tui_support import Clock, flat, screen_text, settle
from textual.widgets import Select

from concertation_tui import store
from concertation_tui.model import timing
from concertation_tui.model import Attendance, ParticipantKind
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.flagged_notes import FlaggedNotes
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.widgets import Choices


async def done(app, pilot) -> None:
    await settle(app, pilot)
    await settle(app, pilot)


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


async def test_the_facilitator_is_in_the_round_last_and_seen_at_80x24():
    path = store.create_meeting_file(meeting_8x10())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        m = app.meeting
        app.change(timing.go_to, m.agenda[0].id, app.now())  # the first item: the excused doctor reads there
        await done(app, pilot)
        facilitator = m.participant(m.facilitator_id)
        ids = [o.id for o in app.screen.query_one("#round", Choices)._options]
        assert ids[-1] == facilitator.id
        text = screen_text(app)
        assert "Sophie Mertens  (anime)" in text  # on screen without scrolling, with their role
        for p in m.participants:
            if p.attendance is not Attendance.ABSENT:
                assert p.name in text, p.name


async def test_an_excused_partners_words_are_read_at_their_turn():
    path = store.create_meeting_file(meeting_8x10())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        m = app.meeting
        app.change(timing.go_to, m.agenda[0].id, app.now())  # his text is about the meeting: read at the first item
        await done(app, pilot)
        doctor = next(p for p in m.participants if p.attendance is Attendance.EXCUSED)
        before = app.screen.speakers()[app.screen.speakers().index(doctor) - 1]
        app.screen._set_speaker(before.id)
        await pilot.pause()
        assert "kinésithérapie" not in screen_text(app)
        await pilot.press("ctrl+n")
        await done(app, pilot)
        text = flat(screen_text(app))
        assert "Àlire:cequ'aenvoyéDrMarcDubois" in text
        assert "Contributionécrite:Lakinésithérapieàdomicilepeutreprendre" in text
        assert "Message:Jerestejoignablelemardimatinaucabinet." in text
        await pilot.press("ctrl+n")
        await done(app, pilot)
        assert "kinésithérapie" not in screen_text(app)  # the next speaker: their words are gone


async def test_what_an_excused_participant_sent_is_entered_at_the_opening():
    meeting = meeting_8x10()
    doctor = next(p for p in meeting.participants if p.attendance is Attendance.EXCUSED)
    doctor.written_text = doctor.excused_message = ""
    doctor.written_contribution = False
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f3")
        await done(app, pilot)
        table = app.screen.query_one("#attendance")
        table.move_cursor(row=table.get_row_index(doctor.id))
        await pilot.press("w")
        await done(app, pilot)
        assert isinstance(app.screen, FormDialog)
        field(app, "written_text").text = "Le dossier est complet."
        field(app, "excused_message").text = "Joignable le mardi."
        await pilot.press("ctrl+s")
        await done(app, pilot)
        saved = store.load_meeting(path).participant(doctor.id)
        assert saved.written_text == "Le dossier est complet." and saved.excused_message == "Joignable le mardi."
        assert saved.written_contribution  # a text received is a written contribution
        assert "écrit reçu · message" in screen_text(app)


async def test_the_minute_taker_and_the_file_number_are_set_in_the_details():
    meeting = meeting_8x10()
    meeting.minute_taker_id, meeting.file_number = "", ""
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f2")
        await done(app, pilot)
        await pilot.press("e")
        await done(app, pilot)
        assert isinstance(app.screen, FormDialog)
        nadia = next(p for p in app.meeting.participants if p.name == "Nadia El Amrani")
        field(app, "file_number").value = "D2026-0412"
        select = field(app, "minute_taker_id")
        assert isinstance(select, Select)
        select.value = nadia.id
        await pilot.press("ctrl+s")
        await done(app, pilot)
        saved = store.load_meeting(path)
        assert saved.minute_taker_id == nadia.id and saved.file_number == "D2026-0412"
        text = screen_text(app)
        assert "Prise de notes : Nadia El Amrani" in text and "N° de dossier : D2026-0412" in text


async def test_the_notes_to_reread_are_listed_and_enter_goes_to_one():
    path = store.create_meeting_file(meeting_8x10())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f12")
        await done(app, pilot)
        reread = app.screen
        count = len(reread.flags)
        assert count and f"{count} notes à relire (v : lesquelles" in screen_text(app)
        await pilot.press("v")
        await done(app, pilot)
        assert isinstance(app.screen, FlaggedNotes)
        listed = [o.id for o in app.screen.query_one("#flagged", Choices)._options]
        assert listed == [e.key for e in reread.entries if e.key in reread.flags]
        assert "Isabelle Lambert · Il y a des tensions" in screen_text(app)  # whose note, and which
        await pilot.press("down", "enter")
        await done(app, pilot)
        assert app.screen is reread
        notes = reread.query_one("#reread-notes", Choices)
        assert reread.entries[notes.highlighted].key == listed[1] and notes.has_focus


async def test_the_facilitator_can_be_moved_in_the_speaking_order():
    path = store.create_meeting_file(meeting_8x10())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f2", "2")
        await done(app, pilot)
        table = app.screen.query_one("#participants")
        facilitator_id = app.meeting.facilitator_id
        table.move_cursor(row=table.get_row_index(facilitator_id))
        await pilot.press("shift+up")
        await done(app, pilot)
        order = store.load_meeting(path).round_table()
        assert order[-2].id == facilitator_id and order[-1].kind is ParticipantKind.PARTNER
