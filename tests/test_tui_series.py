"""The shared picture, the coordination view, the review of a follow-up and the series, driven by the
keyboard at 80x24, asserting on the screen, the saved file and the professional minute."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn
from test_tui_support import Clock, demo_file, flat, screen_text, settle
from textual.widgets import Select

from concertation_tui import store
from concertation_tui.demo import demo_meeting, play_demo_follow_up
from concertation_tui.model import (
    ActionStatus,
    ConsentStatus,
    Domain,
    Edition,
    ParticipantKind,
    Phase,
    PictureKind,
    SeriesEnd,
    StepStatus,
)
from concertation_tui.templates import new_follow_up
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.screens.coordination import CoordinationScreen
from concertation_tui.tui.screens.picture import PictureScreen
from concertation_tui.tui.screens.review import ReviewScreen
from concertation_tui.tui.screens.series import SeriesScreen


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


def minute_text(meeting, edition: Edition = Edition.PROFESSIONAL) -> str:
    from concertation_tui.minute import build_minute

    document = docx.Document(io.BytesIO(build_minute(meeting, edition)))
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    return "\n".join(lines).replace("\u00a0", " ")


def person_of(meeting):
    return meeting.person


def who(meeting, start: str):
    return next(p for p in meeting.participants if p.name.startswith(start))


async def test_a_step_a_picture_line_a_scale_and_a_disagreement_by_keyboard():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = app.meeting
        item = m.agenda[3]
        assert m.progress.item_id == item.id
        nurse = who(m, "Céline")
        app.change(lambda m: setattr(m.progress, "speaker_id", nurse.id))  # Céline speaks

        # -- a step in progress, from the typing area, with the current speaker proposed -----------------
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert field(app, "carrier_id").value == nurse.id
        field(app, "what").text = "Kiné à domicile"
        field(app, "domain").value = Domain.HEALTH
        field(app, "since").value = "lundi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        step = m.steps[-1]
        assert (step.what, step.carrier_id, step.domain, step.item_id) == ("Kiné à domicile", nurse.id,
                                                                          Domain.HEALTH, item.id)
        assert step.status is StepStatus.ONGOING and step.since == "lundi"
        assert app.screen.query_one("#note").has_focus  # back to typing

        # -- the shared picture: a worry, with its voice and domain ----------------------------------------
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, PictureScreen)
        assert "Démarchesencours(5)" in flat(screen_text(app))
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert field(app, "voice_id").value == nurse.id
        field(app, "text").text = "Il mange peu le soir"
        field(app, "domains").select(Domain.HEALTH)
        await pilot.press("ctrl+s")
        await pilot.pause()
        line = m.picture[-1]
        assert (line.kind, line.text, line.voice_id, line.domains, line.item_id) == (
            PictureKind.WORRIES, "Il mange peu le soir", nurse.id, [Domain.HEALTH], item.id)
        assert "Ilmangepeulesoir" in flat(screen_text(app))

        # -- the 0-10 scale: a new question, the person first, then the round goes on ---------------------
        person = m.person
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "tout est en place" in field(app, "question").text  # the last question is proposed
        field(app, "question").text = "0 : seul ; 10 : bien entouré"
        field(app, "voice_id").value = person.id
        field(app, "value").value = ""
        field(app, "value").focus()
        await pilot.press("7")
        field(app, "comment").text = "Georges est là"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        rating = m.scales[-1]
        assert (rating.voice_id, rating.value, rating.question, rating.comment, rating.item_id) == (
            person.id, 7, "0 : seul ; 10 : bien entouré", "Georges est là", item.id)
        # the next voice of the round is asked at once, with the same question
        assert isinstance(app.screen, FormDialog)
        assert field(app, "voice_id").value == m.round_table()[1].id
        assert field(app, "question").text == "0 : seul ; 10 : bien entouré"
        await pilot.press("escape")  # the round stops here
        await pilot.pause()
        assert isinstance(app.screen, PictureScreen)

        # -- a point of disagreement ----------------------------------------------------------------------
        await pilot.press("x")
        await pilot.pause()
        field(app, "about").text = "Le repas du soir livré ou préparé"
        picks = field(app, "between")
        picks.select(nurse.id)
        picks.select(person.id)
        field(app, "resolution").text = "On essaie une semaine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        found = m.disagreements[-1]
        assert found.about == "Le repas du soir livré ou préparé" and set(found.between) == {nurse.id, person.id}
        assert not found.settled and found.item_id == item.id
        assert "Lerepasdusoir" in flat(screen_text(app))

        # -- editing and removing from the picture ---------------------------------------------------------
        seen = app.screen.query_one("#picture-seen")
        seen.focus()
        seen.highlighted = next(n for n in range(seen.option_count)
                                if seen.get_option_at_index(n).id == f"line:{line.id}")
        await pilot.press("enter")
        await pilot.pause()
        field(app, "text").text = "Il mange peu le soir, seul"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert line.text == "Il mange peu le soir, seul"
        count = len(m.picture)
        seen.highlighted = 1  # the first line of "what is working"
        await pilot.press("delete", "o")
        await pilot.pause()
        assert len(m.picture) == count - 1

        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "live" and not isinstance(app.screen, PictureScreen)
        await settle(app, pilot)
        await pilot.press("ctrl+q")

    saved = store.load_meeting(path)
    assert any(s.what == "Kiné à domicile" and s.carrier_id == nurse.id for s in saved.steps)
    assert any(x.text == "Il mange peu le soir, seul" for x in saved.picture)
    assert any(r.question == "0 : seul ; 10 : bien entouré" and r.value == 7 for r in saved.scales)
    assert any(d.about.startswith("Le repas du soir") for d in saved.disagreements)
    text = minute_text(saved)
    for words in ("Kiné à domicile", "Il mange peu le soir, seul", "0 : seul ; 10 : bien entouré",
                  "Georges est là", "Le repas du soir livré ou préparé", "On essaie une semaine"):
        assert words in text, words
    letter = minute_text(saved, Edition.PERSON)
    assert "Le repas du soir livré ou préparé" not in letter  # who disagreed is not in the letter
    assert "On essaie une semaine" in letter  # what was agreed is
