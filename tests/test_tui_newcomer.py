"""A newcomer's first meeting: who is speaking is clear, forms do not lose typing, lists start on a row."""

from __future__ import annotations

from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import ParticipantKind
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import ShortText


async def test_the_facilitator_can_be_chosen_as_speaker_and_the_line_says_whose_words():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        m = app.meeting
        facilitator = m.participant(m.facilitator_id)
        speakers = app.screen.speakers()
        assert speakers[-1].id == facilitator.id
        # the facilitator is in the round (last), the excused who sent words at their place
        assert [p for p in speakers if p.attendance.value != "excused"] == m.round_table()
        person = m.person
        app.screen._set_speaker(person.id)
        await settle(app, pilot)
        assert "Vous tapez : les mots de" in screen_text(app)
        # ctrl+n through the whole round reaches the facilitator last
        for _ in range(len(speakers) - 1):
            await pilot.press("ctrl+n")
        await settle(app, pilot)
        assert app.screen.speaker().kind is ParticipantKind.FACILITATOR
        assert "notedel'animation" in flat(screen_text(app))
        app.screen.query_one("#note", ShortText).text = "On fait le point sur qui fait quoi."
        await pilot.press("enter")
        await settle(app, pilot)
    saved = store.load_meeting(path)
    assert not any(v.text == "On fait le point sur qui fait quoi." for v in saved.person_views)
    assert any(c.text == "On fait le point sur qui fait quoi." and c.speaker_id == saved.facilitator_id
               for c in saved.contributions)


async def test_escape_on_a_changed_form_asks_before_losing_what_was_typed():
    from textual.widgets import Button

    from concertation_tui.tui.dialogs.forms import Confirm, FormDialog

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "2", "a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        assert not form.query_one("#cancel", Button).can_focus
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        await pilot.press("Z", "o", "é")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Abandonner ce qui a été tapé" in screen_text(app)
        await pilot.press("enter")  # Enter = no: the form stays, with what was typed
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#f-name").value == "Zoé"
        await pilot.press("escape", "left", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)


async def test_a_focused_list_starts_on_its_first_row_so_space_ticks_what_is_highlighted():
    from concertation_tui.tui.widgets import Picks

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "5")
        await settle(app, pilot)
        picks = app.screen.query_one("#domains", Picks)
        picks.focus()
        await pilot.pause()
        assert picks.highlighted == 0
        first = picks.get_option_at_index(0).value
        before = first in picks.selected
        await pilot.press("space")
        await settle(app, pilot)
        assert (first in picks.selected) is not before


async def test_a_restricted_note_shows_its_recipients_on_the_speaker_line_at_80x24():
    from concertation_tui.model import VisibilityKind

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        partners = [p for p in app.meeting.participants if p.kind is ParticipantKind.PARTNER]
        screen._set_speaker(partners[0].id)
        screen.pending.update({"visibility": VisibilityKind.RESTRICTED, "recipients": [partners[1].id]})
        screen._speaker_line()
        await settle(app, pilot)
        assert flat(f"restreint : {partners[1].name}]") in flat(screen_text(app))
        many = [p.id for p in app.meeting.participants][:5]
        screen.pending.update({"recipients": many})
        screen._speaker_line()
        await settle(app, pilot)
        assert flat("restreint à 5]") in flat(screen_text(app))


async def test_end_goes_to_the_last_agenda_item_and_no_to_removing_it_says_nothing_was_removed():
    from concertation_tui.tui.dialogs.forms import Confirm
    from concertation_tui.tui.widgets import Table

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        from concertation_tui.model.meeting import AgendaItem

        app.change(lambda m: m.agenda.append(AgendaItem(title="Point à retirer", timebox_minutes=5)))
        await pilot.press("f2", "4")
        await settle(app, pilot)
        table = app.screen.query_one("#agenda", Table)
        table.focus()
        table.keep_row(0)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        last = app.meeting.agenda[-1]
        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, Confirm)
        assert flat(last.title)[:15] in flat(screen_text(app))
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Rien n'a été retiré." in screen_text(app)
        assert app.meeting.agenda[-1].id == last.id


async def test_after_ending_the_meeting_the_live_header_says_ended_not_paused():
    path = demo_file()
    clock = Clock()
    app = ConcertationApp(path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        if "en cours" not in screen_text(app):
            await pilot.press("ctrl+t")
            await settle(app, pilot)
        clock.advance(minutes=2)
        await pilot.press("ctrl+t")  # a pause says pause
        await settle(app, pilot)
        assert "en pause" in screen_text(app)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        clock.advance(minutes=2)
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        text = screen_text(app)
        assert "terminée" in text
        assert "en pause" not in text


async def test_the_command_palette_speaks_french():
    from textual.command import CommandInput, CommandPalette

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "Chercher une commande…"
        await pilot.press("z", "q", "x", "w")
        await pilot.pause(0.8)
        await settle(app, pilot)
        text = screen_text(app)
        assert "Aucune commande trouvée" in text
        assert "No matches" not in text


async def test_the_help_panel_in_a_form_heads_the_field_keys_in_french():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "2", "a")
        await pilot.pause()
        await pilot.press("f1")
        await settle(app, pilot)
        assert app.screen.id == "keys-page"  # 80x24: the keys on a page of their own
        text = screen_text(app)
        assert "Input" not in text


async def test_the_help_panel_scrolls_from_the_keyboard():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:  # the page: PgDn/PgUp, written at its top
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        keys = app.screen.query_one("#keys-page-list")
        assert "PgDn" in screen_text(app).split("\n")[1] + screen_text(app).split("\n")[2]
        assert keys.max_scroll_y > 0
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert keys.scroll_y > 0
        await pilot.press("pageup")
        await settle(app, pilot)
        assert keys.scroll_y == 0
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:  # the side panel: shift+PgDn/PgUp
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        keys = app.screen.query_one("#keys-panel-list")
        assert keys.max_scroll_y > 0
        await pilot.press("shift+pagedown")
        await settle(app, pilot)
        assert keys.scroll_y > 0
        await pilot.press("shift+pageup")
        await settle(app, pilot)
        assert keys.scroll_y == 0


async def test_the_palette_finds_the_disagreement_from_the_live_step_by_a_word_of_its_help():
    """A tester typed « désacc » in ctrl+p on the live step and got « Aucune commande trouvée »: the
    disagreement is behind ctrl+g (the shared picture), then x."""
    from textual.command import CommandPalette

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"désacc")
        await pilot.pause(0.8)
        await settle(app, pilot)
        assert "Tableau partagé : Désaccord" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, CommandPalette)
        assert "Point de désaccord" in screen_text(app)  # the disagreement's form, from the live step
        await pilot.press(*"loyer")
        await settle(app, pilot)
        assert "loyer" in screen_text(app)
