"""Every form a facilitator opens during a meeting takes the words typed with its key (issue 16).

At the very large size (benchmarks/sizes.py: 150 participants, 100 items, 1,200 notes, 400 actions),
at 80x24: the key that opens the form and the words come in one burst, as a terminal delivers them
(nothing awaited in between), and every character must land in the form's first text field, in
order; then Enter saves the form and what was typed is in the meeting file. Forms are built ahead in
idle time or built at their key (tui/prebuild.py): either way nothing typed may be lost.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from concertation_tui import store
from concertation_tui.model import Domain, Meeting
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.widgets import Field, ShortText
from test_tui_bursts import burst, field_text, wait_for
from test_tui_support import Clock, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from sizes import large_meeting  # noqa: E402

Check = Callable[[Meeting, str], bool]


def _ends(records, attribute: str) -> Check:
    return lambda m, word: any(getattr(r, attribute).endswith(word) for r in records(m))


# (name, step, the keys that open the form, the meeting file holds the words)
FORMS: list[tuple[str, str, list[str], Check]] = [
    ("live F7: an action", "live", ["f7"], lambda m, w: m.actions[-1].what == w),
    ("live F9: the person's words", "live", ["f9"], lambda m, w: m.person_views[-1].text == w),
    ("live ctrl+l: a step in progress", "live", ["ctrl+l"], lambda m, w: m.steps[-1].what == w),
    ("picture x: a disagreement", "live", ["ctrl+g", "x"], lambda m, w: m.disagreements[-1].about == w),
    ("picture b: what is working", "live", ["ctrl+g", "b"], lambda m, w: m.picture[-1].text == w),
    ("actions a: a new action", "actions", ["a"], lambda m, w: m.actions[-1].what == w),
    ("actions e: the action highlighted", "actions", ["e"], _ends(lambda m: m.actions, "what")),
    ("open n: a new participant", "open", ["n"], lambda m, w: m.participants[-1].name == w),
    ("open Enter: the participant highlighted", "open", ["enter"], _ends(lambda m: m.participants, "name")),
    ("actions Enter: the action highlighted", "actions", ["enter"], _ends(lambda m: m.actions, "what")),
    ("live Enter on a note said: the note", "live", ["@said", "enter"], _ends(lambda m: m.contributions, "text")),
    ("open r: why absent", "open", ["r"], _ends(lambda m: m.participants, "absence_reason")),
    ("close q: an open question", "close", ["q"], lambda m, w: m.open_questions[-1].text == w),
    ("close o: the conclusion", "close", ["o"], lambda m, w: m.conclusion.endswith(w)),
    ("close l: the person's last word", "close", ["l"], lambda m, w: m.last_word.endswith(w)),
]


def _error(app) -> str:
    try:
        return str(app.screen.query_one("#form-error").render())
    except Exception:
        return repr(app.screen)


async def test_every_form_takes_the_words_typed_with_its_key_at_the_very_large_size() -> None:
    meeting = large_meeting(10)
    current = meeting.item(meeting.progress.item_id)
    current.domains = [list(Domain)[0]]  # a step in progress proposes the item's domain (the form asks one)
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for number, (name, mode, opener, saved) in enumerate(FORMS):
            word = f"zéphyr{number}q"  # letters no list or step key takes (q: Dutch and French alike)
            if app.current_mode != mode:
                await app.switch_mode(mode)
                await settle(app, pilot)
            step = app.screen
            if opener[0].startswith("@"):  # the list the form is opened from, with a row highlighted
                found = step.query_one("#" + opener[0][1:])
                found.focus()
                await settle(app, pilot)
                if found.highlighted is None:
                    found.highlighted = 0
                opener = opener[1:]
            burst(app, *opener, *word)
            await wait_for(pilot, lambda: isinstance(app.screen, FormDialog)
                           and field_text(app.screen.focused).endswith(word), rounds=400)
            assert isinstance(app.screen, FormDialog), f"{name}: no form open"
            focused = app.screen.focused
            assert isinstance(focused, (ShortText, Field)), f"{name}: the focus is on {focused!r}"
            typed = field_text(focused)
            assert typed.endswith(word), f"{name}: the field holds {typed!r}"
            assert app._held_keys == [], f"{name}: keys still held"
            under = app.screen_stack[-2]  # the step, or the screen the form was opened from (ctrl+g)
            burst(app, "enter")
            await wait_for(pilot, lambda: app.screen is under, rounds=400)
            assert app.screen is under, f"{name}: the form did not save: {_error(app)!r}"
            await settle(app, pilot)
            if app.screen is not step:
                await pilot.press("escape")  # back from the shared picture to the step
                await settle(app, pilot)
            assert saved(app.meeting, word), f"{name}: not in the meeting"
            assert saved(store.load_meeting(path), word), f"{name}: not in the meeting file"
