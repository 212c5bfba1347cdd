"""French punctuation where the interface speaks French, and only there (i18n.colon, i18n.quote_marks).

French sets a space before « : », « ; », « ? », « ! » and inside « »; English and Dutch do not. The
interface once wrote « : » and guillemets itself in about fifteen places, whatever the language. The
demo's own words are made neutral first, so that only the interface's punctuation is judged.
"""

from __future__ import annotations

import re

import pytest

from concertation_tui import store
from concertation_tui.model import Meeting
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui.app import ConcertationApp
from test_tui_support import Clock, screen_text, settle

FRENCH_SPACING = re.compile(r"\w [:;?!»]|« ?\w")
"""A space before a colon, semicolon, question or exclamation mark, or a guillemet (French typography)."""

STEPS = ("f2", "f3", "f4", "f5", "f6", "f12")


def neutral(value):
    """Every string of the meeting without French punctuation (the people's words are not judged here)."""
    if isinstance(value, str):
        return re.sub(r"\s+([:;?!»])", r"\1", value).replace("«", "").replace("»", "")
    if isinstance(value, dict):
        return {k: neutral(v) for k, v in value.items()}
    if isinstance(value, list):
        return [neutral(v) for v in value]
    return value


async def every_step(lang: str) -> dict[str, str]:
    meeting = Meeting.model_validate(neutral(demo_meeting().model_dump(mode="json")))
    assert not FRENCH_SPACING.search(meeting.model_dump_json())
    app = ConcertationApp(store.create_meeting_file(meeting), lang=lang, clock=Clock())
    shown = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        for step in STEPS:
            await pilot.press(step)
            await settle(app, pilot)
            shown[step] = screen_text(app)
    return shown


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_english_and_dutch_screens_carry_no_french_spacing(lang: str) -> None:
    shown = await every_step(lang)
    found = [(step, line.strip()) for step, text in shown.items() for line in text.splitlines()
             if FRENCH_SPACING.search(line)]
    assert found == []


async def test_french_screens_carry_french_spacing() -> None:
    shown = await every_step("fr")
    spaced = {step for step, text in shown.items() if re.search(r"\w : \w|« \w", text)}
    assert {"f4", "f5", "f6", "f12"} <= spaced, spaced
