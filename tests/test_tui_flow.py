"""A whole meeting driven by the keyboard, from a new meeting in the launcher to the close, asserting on
the screen and on the saved file."""

from __future__ import annotations

import datetime as dt

from test_tui_support import Clock, flat, screen_text, settle
from textual.widgets import RadioSet, Select, SelectionList

from concertation_tui import store
from concertation_tui.model import (
    Agreement,
    Attendance,
    ConsentStatus,
    ItemState,
    Nature,
    ParticipantKind,
    Phase,
    VisibilityKind,
)
from concertation_tui.model.people_order import everyone_in_order
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.widgets import ShortText


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


def set_radio(app, name: str, index: int) -> None:
    radio = field(app, name)
    assert isinstance(radio, RadioSet)
    buttons = list(radio.query("RadioButton"))
    buttons[index].value = True


async def test_a_whole_meeting_by_keyboard(tmp_path):
    clock = Clock()
    app = ConcertationApp(None, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Réunions de concertation" in screen_text(app)

        # -- the launcher: a new meeting from the first-meeting template ----------------------------
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        field(app, "title").value = "Réunion Dupont"
        field(app, "date").value = "23/11/2026"
        field(app, "person").value = "Jean"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.meeting is not None and app.current_mode == "prepare"
        path = app.path
        assert path is not None and path.exists()
        assert app.meeting.title == "Réunion Dupont"
        assert [p.name for p in app.meeting.participants] == ["Jean"]
        assert len(app.meeting.agenda) == 5  # the template's agenda

        # -- prepare: details, participants, the speaking order, an agenda item --------------------
        await pilot.press("e")  # details tab is the first
        await pilot.pause()
        field(app, "purpose").text = "Comment Jean garde son logement ?"
        field(app, "start_time").value = "14h"
        field(app, "end_time").value = "15:30"
        field(app, "place").value = "CPAS"
        await pilot.press("enter")  # Enter in the form saves it
        await pilot.pause()
        assert app.meeting.purpose == "Comment Jean garde son logement ?"
        assert app.meeting.start_time == dt.time(14, 0)

        await pilot.press("2")  # participants
        await pilot.pause()
        for name, kind, organisation in (("Ana", 1, "CPAS"), ("Marc", 1, "Logement"), ("Sœur", 2, ""),
                                         ("Sophie", 3, "CPAS")):
            await pilot.press("a")
            await pilot.pause()
            field(app, "name").value = name
            set_radio(app, "kind", kind)
            field(app, "organisation").value = organisation
            await pilot.press("ctrl+s")
            await pilot.pause()
        kinds = {p.name: p.kind for p in app.meeting.participants}
        assert kinds == {"Jean": ParticipantKind.PERSON, "Ana": ParticipantKind.PARTNER,
                         "Marc": ParticipantKind.PARTNER, "Sœur": ParticipantKind.NETWORK,
                         "Sophie": ParticipantKind.FACILITATOR}
        assert app.meeting.facilitator_id == next(p.id for p in app.meeting.participants if p.name == "Sophie")
        # default order: the person, their network, partners, then the facilitator
        assert [p.name for p in app.meeting.round_table()] == ["Jean", "Sœur", "Ana", "Marc", "Sophie"]
        # Marc speaks before Ana: the cursor is on the last added (Sophie, last of the round); go to Marc
        table = app.screen.query_one("#participants")
        table.move_cursor(row=table.get_row_index(next(p.id for p in app.meeting.participants if p.name == "Marc")))
        await pilot.press("shift+up")
        await pilot.pause()
        assert [p.name for p in app.meeting.round_table()] == ["Jean", "Sœur", "Marc", "Ana", "Sophie"]

        await pilot.press("4")  # agenda
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        field(app, "title").value = "Budget"
        field(app, "timebox_minutes").value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Budget" in [i.title for i in app.meeting.agenda]
        assert app.meeting.item(next(i.id for i in app.meeting.agenda if i.title == "Budget")).timebox_minutes == 5

        # -- open: attendance in one pass, the person's consent -----------------------------------------
        await pilot.press("f3")
        await settle(app, pilot)
        assert app.current_mode == "open"
        order = [p.name for p in everyone_in_order(app.meeting)]  # the table's order: every list's
        keys = {"Jean": ["p"], "Ana": ["p"], "Marc": ["e", "escape"], "Sœur": ["p"], "Sophie": ["p"]}
        for name in order:
            await pilot.press(*keys[name])  # excused: the reason is asked at once (Escape: not known)
            await pilot.pause()
        attendance = {p.name: p.attendance for p in app.meeting.participants}
        assert attendance["Marc"] is Attendance.EXCUSED and attendance["Jean"] is Attendance.PRESENT
        await pilot.press("c")
        await pilot.pause()
        set_radio(app, "to_meeting", 0)
        set_radio(app, "status", 1)  # given
        field(app, "scope").text = "Tout, avec les participants"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting.consent.status is ConsentStatus.GIVEN
        assert app.meeting.consent.to_meeting is True
        assert app.meeting.consent.date == clock.now.date()  # left empty: today
        assert "CommentJeangardesonlogement?" in flat(screen_text(app))  # the purpose, restated

        # -- live: start, the person's words, a contribution, an action, next item ---------------------
        await pilot.press("f4")
        await settle(app, pilot)
        assert app.current_mode == "live"
        note = app.screen.query_one("#note", ShortText)
        assert note.has_focus
        await pilot.press("ctrl+t")  # start the meeting
        await pilot.pause()
        first = app.meeting.agenda[0]
        assert first.state is ItemState.RUNNING and app.meeting.clock and app.meeting.clock[-1].end is None
        # Jean (the person) speaks first: their words become their view on this item
        await pilot.press("o", "u", "i")
        await pilot.press("enter")
        await pilot.pause()
        assert [v.text for v in app.meeting.person_views] == ["oui"]
        assert app.meeting.person_views[0].item_id == first.id
        await pilot.press("ctrl+n")  # the sister
        await pilot.pause()
        speaker = app.meeting.participant(app.meeting.progress.speaker_id)
        assert speaker.name == "Sœur"
        await pilot.press("ctrl+o")  # details of the next note: an assessment, oral only
        await pilot.pause()
        set_radio(app, "nature", 1)
        set_radio(app, "visibility", 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert note.has_focus
        note.text = "Il a peur de perdre son appartement"
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = app.meeting.contributions[-1]
        assert said.speaker_id == speaker.id and said.item_id == first.id
        assert said.nature is Nature.ASSESSMENT and said.visibility.kind is VisibilityKind.ORAL_ONLY
        assert note.text == ""
        assert "Ilapeurdeperdresonappartement" in flat(screen_text(app))
        # the round table shows who has not spoken yet: Marc is excused, so Ana is left, and the
        # facilitator, last
        waiting = [p.name for p in app.meeting.not_spoken_yet(first.id)]
        assert waiting == ["Ana", "Sophie"]

        clock.advance(minutes=12)
        await pilot.press("f7")  # an action, from the typing area
        await pilot.pause()
        field(app, "what").text = "Demander l'aide au loyer"
        carrier = field(app, "carrier_id")
        assert isinstance(carrier, Select)
        carrier.value = next(p.id for p in app.meeting.participants if p.name == "Ana")
        field(app, "due").value = "01/12/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        action = app.meeting.actions[-1]
        assert action.what == "Demander l'aide au loyer" and action.due == dt.date(2026, 12, 1)
        assert action.item_id == first.id

        await pilot.press("ctrl+pagedown")  # next item, from the typing area
        await pilot.pause()
        assert first.state is ItemState.DONE
        second = app.meeting.agenda[1]
        assert second.state is ItemState.RUNNING and app.meeting.progress.item_id == second.id
        assert first.elapsed_seconds(clock.now) == 12 * 60

        await pilot.press("f9")  # the person's view, from anywhere
        await pilot.pause()
        field(app, "text").text = "Je veux rester"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting.person_views[-1].text == "Je veux rester"
        assert app.meeting.person_views[-1].item_id == second.id

        # -- private time: the shared screen is blanked, then the reason is asked ---------------------
        clock.advance(minutes=3)
        await pilot.press("f8")
        await pilot.pause()
        text = screen_text(app)
        assert "Temps de travail sans la personne" in text
        assert "Jean" not in text and "Je veux rester" not in text
        await pilot.press("f5")  # nothing else works while covered
        await pilot.pause()
        assert app.current_mode == "live" and "Temps de travail sans la personne" in screen_text(app)
        clock.advance(minutes=5)
        await pilot.press("f8")
        await pilot.pause()
        field(app, "text").text = "Organisation des visites"
        await pilot.press("enter")
        await pilot.pause()
        part = app.meeting.private_parts[-1]
        assert part.reason == "Organisation des visites"
        assert (part.span.end - part.span.start) == dt.timedelta(minutes=5)

        # -- actions: agreement in one key, a typed due date -------------------------------------------
        await pilot.press("f5")
        await settle(app, pilot)
        assert app.current_mode == "actions"
        await pilot.press("plus")
        await pilot.pause()
        assert action.agreement is Agreement.AGREES
        text = flat(screen_text(app))
        assert "Demanderl'aideauloyer" in text and "√d'accord" in text

        # -- close: last word, an open question, the next meeting, the distribution, the minute -------
        await pilot.press("f6")
        await settle(app, pilot)
        assert app.current_mode == "close"
        await pilot.press("l")
        await pilot.pause()
        field(app, "text").text = "Merci"
        await pilot.press("enter")
        await pilot.pause()
        assert app.meeting.last_word == "Merci"
        await pilot.press("q")
        await pilot.pause()
        field(app, "text").text = "Qui paie la caution ?"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [q.text for q in app.meeting.open_questions] == ["Qui paie la caution ?"]
        await pilot.press("n")
        await pilot.pause()
        field(app, "date").value = "5/1/2027"
        field(app, "time").value = "10:00"
        invitees = field(app, "invitees")
        assert isinstance(invitees, SelectionList)
        invitees.select_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.meeting.next_meeting.date == dt.date(2027, 1, 5)
        assert len(app.meeting.next_meeting.invitees) == 5
        distribution = app.screen.query_one("#distribution", SelectionList)
        distribution.focus()
        await pilot.press("space")  # the first participant (Jean) no longer receives the minute
        await pilot.pause()
        assert not app.meeting.participants[0].receives_minute
        # letters in the distribution list find a name (type-to-find): Tab leaves it for the step's keys
        await pilot.press("tab")
        await pilot.press("t")  # the meeting is over
        await pilot.pause()
        assert app.meeting.clock[-1].end is not None
        await pilot.press("g")  # issue the minute: through the rereading step, its dialogs first
        await pilot.pause()
        await settle(app, pilot)
        assert app.current_mode == "reread" and app.screen.is_modal
        assert not list(path.parent.glob("*.docx"))  # no unnamed set of files beside the meeting
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    # -- the saved file holds everything ----------------------------------------------------------------
    saved = store.load_meeting(path)
    assert saved.progress.phase is Phase.CLOSE
    assert saved.purpose == "Comment Jean garde son logement ?"
    assert [p.name for p in saved.round_table()] == ["Jean", "Sœur", "Ana", "Sophie"]  # Marc is excused
    assert saved.consent.status is ConsentStatus.GIVEN
    assert [v.text for v in saved.person_views] == ["oui", "Je veux rester"]
    assert saved.contributions[-1].text == "Il a peur de perdre son appartement"
    assert saved.actions[-1].agreement is Agreement.AGREES
    assert saved.private_parts[-1].reason == "Organisation des visites"
    assert saved.last_word == "Merci"
    assert saved.open_questions[0].text == "Qui paie la caution ?"
    assert saved.next_meeting.time == dt.time(10, 0)
    assert not saved.participants[0].receives_minute
    assert saved.clock and saved.clock[-1].end is not None
    assert not (path.parent / f".{path.name}.lock").exists() or not store.MeetingLock(path).held
