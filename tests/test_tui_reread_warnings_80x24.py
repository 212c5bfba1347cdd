"""F12 at 80x24: the notes to reread (v) list every warning of each note whole, wrapped (they were cut
at 70 characters: « La note parle d'une personne qui n'e… »), scrolled to one by one, with the keys
that lead to its fix under the list."""

from __future__ import annotations

from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.flagged_notes import FlaggedNotes
from concertation_tui.tui.screens.reread import HINT_MARK
from concertation_tui.tui.widgets import Choices


def in_dialog(text: str) -> str:
    """What the dialog shows (between its side borders « █ »), without the step beside it, flattened."""
    rows = [line[line.index("█") + 1:line.rindex("█")] for line in text.split("\n") if line.count("█") >= 2]
    return flat("\n".join(rows).translate(str.maketrans("", "", "▁▂▃▄▅▆▇")))  # and its scroll bar


def seen(app) -> str:
    """The screen flattened, without the scroll bars' marks (drawn over the end of a wrapped line) nor the
    rereading box's double side borders."""
    return flat(screen_text(app).translate(str.maketrans("", "", "▁▂▃▄▅▆▇║")))


async def test_every_warning_of_the_notes_to_reread_is_read_whole_at_80x24(private_home) -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot)
        reread = app.screen
        # what each flagged note shows under it in the rereading: its warnings, each a whole sentence
        wanted = {}
        by_target = {}
        for finding in reread.findings:
            if finding.target_id and finding.target in ("action", "note"):
                by_target.setdefault(finding.target_id, []).append(finding)
        for entry in reread.entries:
            if entry.key in reread.flags:
                content, _ = reread._content(app.meeting, entry, by_target)
                wanted[entry.key] = [line.strip() for line in content.plain.split("\n")[1:]
                                     if line.strip()[:1] in ("!", "i", HINT_MARK)]
        assert any(len(looks) > 1 for looks in wanted.values())  # a note with two warnings: both listed
        assert any(len(look) > 70 for looks in wanted.values() for look in looks)

        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, FlaggedNotes)
        listed = app.screen.query_one("#flagged", Choices)
        for n in range(listed.option_count):
            option = listed.get_option_at_index(n)
            shown = str(option.prompt)
            for look in wanted.get(option.id, []):
                assert look in shown, (look, shown)  # whole, not cut with « … »
            listed.highlighted = n  # scrolled to: the whole option is on screen, with the keys under the list
            await settle(app, pilot)
            on_screen = in_dialog(screen_text(app))
            for look in wanted.get(option.id, []):
                assert flat(look) in on_screen, look
            assert flat("Entrée : aller à la note, puis Entrée : la corriger, o : sa visibilité") in on_screen


async def test_a_note_taller_than_the_box_is_read_to_its_last_warning_with_the_arrow(private_home) -> None:
    """A long note with its warnings is taller than F12's box at 80x24: ↓ scrolls it to its last line
    (its last warning, whole) before moving on to the next note; ↑ goes back to its first line."""
    from concertation_tui import store
    from concertation_tui.services.demo import demo_meeting

    meeting = demo_meeting()
    note = meeting.contributions[0]
    note.text = "Il a parlé longuement de sa situation. " * 14 + "Il est manipulateur avec son frère."
    app = ConcertationApp(store.create_meeting_file(meeting), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot)
        reread = app.screen
        notes = reread.query_one("#reread-notes", Choices)
        index = next(n for n, entry in enumerate(reread.entries) if entry.id == note.id)
        notes.focus()
        notes.highlighted = index
        await settle(app, pilot)
        last = "n'écrivez que ce qui sert le but commun."
        assert notes._heights[index] > notes.scrollable_content_region.height  # taller than its box
        assert flat(last) not in seen(app)  # its last warning below the box
        await pilot.press("down")
        await settle(app, pilot)
        assert notes.highlighted == index  # still this note, scrolled to its end
        said = seen(app)
        assert flat("! Tierce personne : « frère » : La note parle d'une personne qui n'est pas à la réunion : "
                    + last) in said
        await pilot.press("up")
        await settle(app, pilot)
        assert notes.highlighted == index and flat("Il a parlé longuement") in seen(app)
        await pilot.press("down", "down")
        await settle(app, pilot)
        assert notes.highlighted != index  # then on to the next note
