"""The rereading shows how the letter says each action to the person, lets the facilitator rewrite it (l),
and shows what the letter's readability check asks to rewrite, beside the note it comes from."""

from __future__ import annotations

import json

from test_tui_reread import MORNING_AFTER, done, open_reread
from test_tui_support import Clock, flat, screen_text

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog


async def test_the_letters_wording_is_shown_rewritten_and_stored():
    meeting = demo_meeting()
    bed = next(a for a in meeting.actions if a.what.startswith("Installer un lit"))
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_reread(app, pilot)
        screen.show_entry("action", bed.id)
        await pilot.pause()
        text = flat(screen_text(app))
        assert flat("✉ Lettre : Isabelle, votre fille, installe un lit au rez-de-chaussée.") in text
        assert "(proposé)" in text

        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        area = app.screen.query_one("#f-text")
        assert area.text.startswith("Isabelle, votre fille, installe un lit")  # the proposal, to rewrite
        area.text = ("Isabelle, votre fille, installe un lit dans le salon du rez-de-chaussée pour que Monsieur "
                     "Lambert ne monte plus l'escalier la nuit.")
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert app.meeting.action(bed.id).person_wording.startswith("Isabelle, votre fille, installe un lit dans")
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert next(a for a in saved["actions"] if a["id"] == bed.id)["person_wording"].endswith("la nuit.")

        # the readability check says what to rewrite, beside the action
        codes = {(f.code, f.target_id) for f in screen.findings}
        assert ("letter_long_sentence", bed.id) in codes and ("letter_third_person", bed.id) in codes
        screen.show_entry("action", bed.id)
        await pilot.pause()
        text = flat(screen_text(app))
        assert flat("Lettre : la personne est nommée à la troisième personne (« Monsieur Lambert") in text

        # emptied: the letter goes back to the rules' proposal
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#f-text").text = ""
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert app.meeting.action(bed.id).person_wording == ""
        assert not any(f.code.startswith("letter_") for f in screen.findings)
