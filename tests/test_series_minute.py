"""What the minute says of the series: the closure (professional minute and letter), where carried
steps come from."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

from concertation_tui.demo import demo_meeting, play_demo_follow_up
from concertation_tui.minute import build_minute
from concertation_tui.model import Edition, SeriesEnd
from concertation_tui.templates import new_follow_up


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    return "\n".join(lines).replace("\u00a0", " ")


def held_follow_up():
    return play_demo_follow_up(new_follow_up(demo_meeting(), Path("premiere.json")))


def test_a_closed_series_is_said_in_the_minute_and_plainly_in_the_letter():
    follow = held_follow_up()
    follow.series.closed_on = dt.date(2027, 2, 22)
    follow.series.closed_reason = SeriesEnd.GOALS_REACHED
    follow.series.closed_note = "Monsieur Lambert vit chez lui avec les aides qu'il a choisies"
    pro = text_of(build_minute(follow, Edition.PROFESSIONAL))
    assert "Fin de la série de réunions" in pro
    assert "La série de réunions a été clôturée le lundi 22 février 2027. Raison : objectifs atteints." in pro
    assert "Monsieur Lambert vit chez lui avec les aides qu'il a choisies." in pro
    letter = text_of(build_minute(follow, Edition.PERSON))
    assert "Nous avons décidé ensemble d'arrêter ces réunions, le lundi 22 février 2027." in letter
    assert "Ce que nous voulions faire ensemble est fait." in letter
    assert "vit chez lui avec les aides" not in letter  # the facilitator's note is for the professionals
    assert "Qui appeler si vous avez besoin de nous" in letter and "entre deux réunions" not in letter


def test_an_open_series_says_nothing_of_an_end():
    follow = held_follow_up()
    assert "Fin de la série" not in text_of(build_minute(follow, Edition.PROFESSIONAL))
    assert "arrêter ces réunions" not in text_of(build_minute(follow, Edition.PERSON))


def test_carried_steps_say_which_meeting_they_were_noted_at():
    follow = held_follow_up()
    pro = text_of(build_minute(follow, Edition.PROFESSIONAL))
    assert "Aide familiale portée à cinq matinées par semaine (notée à la réunion du 23 nov. 2026)" in pro
    assert "Question reportée de la réunion du 23 nov. 2026." in pro  # the open question carried as an item
