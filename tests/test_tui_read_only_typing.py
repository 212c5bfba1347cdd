"""A second session opens a meeting already open elsewhere read-only. The tester typed a whole
contribution there and was refused only at Enter. Now the typing line says so before a word is typed,
takes no letter (none reaches the step's keys either), and says why at the first letter; the forms
show what they hold, take no typing and say so at their top."""

from __future__ import annotations

from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.widgets import ShortText


async def test_a_read_only_session_says_it_before_typing_and_takes_no_letter(private_home) -> None:
    path = demo_file()
    before = path.read_bytes()
    lock = store.MeetingLock(path)
    lock.acquire()
    try:
        app = ConcertationApp(path, clock=Clock())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(app, pilot)
            assert app.current_mode == "live" and app.read_only
            said = flat(screen_text(app))
            # where she looks, before a word: the typing line and the line above it
            assert flat("Lecture seule : rien ne se tape ici.") in said
            assert flat("■ Lecture seule : la réunion est ouverte dans une autre session.") in said
            assert "Voustapez" not in said
            assert flat("Ici, vous pouvez la lire, pas l'écrire.") in said  # the banner: no « ouvrez-la en lecture seule »
            assert "ouvrez-laenlectureseule" not in said

            note = app.screen.query_one("#note", ShortText)
            assert app.screen.focused is note
            await pilot.press("p", "a", "s")  # « p » is also a key of the step's lists
            await settle(app, pilot)
            assert note.text == ""
            said = flat(screen_text(app))
            assert flat("rien ne s'écrit ici") in said  # said at the first letters, not at Enter
            assert [p.attendance for p in app.meeting.participants] == [
                p.attendance for p in store.load_meeting(path).participants]

            await pilot.press("f9")  # the person's words: the form opens, and says it cannot be filled in
            await settle(app, pilot)
            form = app.screen
            assert isinstance(form, FormDialog)
            banner = form.query_one("#form-read-only")
            assert banner.display
            assert "Ce formulaire se lit, il ne se remplit pas." in str(banner.render())
            assert flat("Lecture seule : la réunion est ouverte dans une autre session.") in flat(screen_text(app))
            raw = form._raw()
            await pilot.press("a", "b", "c")
            await settle(app, pilot)
            assert form._raw() == raw  # nothing typed into a form that could not be kept
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.screen is form  # not saved: the form says why, in its own words
            await pilot.press("escape")
            await settle(app, pilot)
            assert not isinstance(app.screen, FormDialog)
            await pilot.press("ctrl+q")
            await settle(app, pilot)
        assert path.read_bytes() == before
    finally:
        lock.release()


async def test_a_session_that_may_write_types_and_fills_forms_as_before(private_home) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not app.read_only
        assert "Lectureseule" not in flat(screen_text(app))
        await pilot.press("o", "k")
        await settle(app, pilot)
        assert app.screen.query_one("#note", ShortText).text == "ok"
        await pilot.press("f9")
        await settle(app, pilot)
        assert not app.screen.query_one("#form-read-only").display
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await settle(app, pilot)


async def test_the_cover_of_a_read_only_session_says_nothing_typed_is_kept(private_home) -> None:
    """F8 in a read-only session: words typed on the cover were put in the typing line, which keeps
    nothing there, while the cover counted them as kept. Now the cover says that nothing is written."""
    from concertation_tui.tui.screens.private import PrivateCover

    path = demo_file()
    before = path.read_bytes()
    lock = store.MeetingLock(path)
    lock.acquire()
    try:
        app = ConcertationApp(path, clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("f8")
            await settle(app, pilot)
            assert isinstance(app.screen, PrivateCover)
            await pilot.press("a", "b")
            await settle(app, pilot)
            said = str(app.screen.query_one("#cover-typed").render())
            assert "rien ne s'écrit ici" in said and "gard" not in said
            assert app.typed_draft in (None, "") and app.meeting.progress.draft == store.load_meeting(path).progress.draft
            await pilot.press("f8")
            await settle(app, pilot)
            await pilot.press("ctrl+q")
            await settle(app, pilot)
        assert path.read_bytes() == before
    finally:
        lock.release()
