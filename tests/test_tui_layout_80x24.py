"""Issue 18's layout rule: every step at 80x24, with eight participants and ten agenda items, shows its
essential content (listed in each step screen's docstring) without scrolling. One SVG snapshot per step,
each paired with assertions that the essential content is on the screen's text.

Update the snapshots, after looking at the report, with
`pytest tests/test_tui_layout_80x24.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from meeting_at_80x24 import meeting_8x10
from test_tui_support import Clock, flat, screen_text, settle
from textual.widgets import TextArea

from concertation_tui import store
from concertation_tui.i18n import label
from concertation_tui.model import Attendance, Meeting, readiness
from concertation_tui.tui.app import ConcertationApp

TextArea.cursor_blink = False  # the typing area's cursor: the same on every run

STEPS = {
    "prepare-details": ["f2"],
    "prepare-participants": ["f2", "2"],
    "prepare-network": ["f2", "3"],
    "prepare-agenda": ["f2", "4"],
    "open": ["f3"],
    "live": [],
    "live-excused-turn": ["ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n"],
    "actions": ["f5"],
    "close": ["f6"],
    "reread": ["f12"],
}


def _fr(value) -> str:
    return label(value, "fr")


def _essential(step: str, m: Meeting) -> list[str]:
    """What must be on screen, as it is drawn (runs of spaces and the boxes' side borders removed)."""
    person = m.person
    if step == "prepare-details":
        return [m.title, "Prisedenotes:SophieMertens", "N°dedossier:D2026-0412", "Animation:SophieMertens",
                person.name, m.place]
    if step == "prepare-participants":
        order = {p.id: n for n, p in enumerate(m.round_table(), 1)}
        yes_no = {True: "oui", False: "non"}
        return [f"{order.get(p.id, '–')}{p.name}{_fr(p.attendance)}{yes_no[p.receives_minute]}"
                for p in m.participants]
    if step == "prepare-network":
        return [member.name for member in m.network]
    if step == "prepare-agenda":
        # each item's number, its timebox and every domain, whole (a wrapped cell reads on the next line)
        shown = []
        for n, item in enumerate(m.agenda, 1):
            shown.append(f"{n}")
            shown += [_fr(d).replace(" ", "") for d in item.domains if " " not in _fr(d)]
        return shown
    if step == "open":
        consent = m.consent
        words = "".join(consent.person_words.split())
        return [*("".join(p.name.split()) + ("√présent·e" if p.attendance is Attendance.PRESENT else "–excusé·e")
                  for p in m.participants),
                "".join(consent.scope.split()), words, "revenusetdettes:SophieMertens",
                "".join(m.purpose.split())]
    if step == "live":
        facilitator = m.participant(m.facilitator_id)
        return [*("".join(p.name.split()) for p in m.participants if p.attendance is not Attendance.ABSENT),
                "".join(facilitator.name.split()) + "(anime)", "Point10/10", "ParoledeMonsieurLambert",
                "Voustapez:lesmotsdeMonsieurLambert", "Tapezicicequiestdit"]
    if step == "live-excused-turn":
        doctor = next(p for p in m.participants if p.attendance is Attendance.EXCUSED)
        # his written contribution is about this item too (its message was read with it at the first)
        return ["Àlire:cequ'aenvoyéDrMarcDubois", "".join(doctor.written_text.split()), "Tapezicicequiestdit"]
    if step == "actions":
        found = readiness(m)
        return [*(f"{n}" for n in range(1, len(m.actions) + 1)), "2àcorriger·9entout",  # (with the outcomes to confirm)
                *("".join(m.name_of(a.carrier_id).split())[:10] for a in m.actions if a.carrier_id),
                f"{len(found)}entout"]
    if step == "close":
        # the minute's own box is below the fold since issue 19's conclusion and outcomes joined the step:
        # its key is in the footer (g), which issue-18-keys makes fit at 80 columns
        return ["Dernier", "Questionsouvertes", "Date:28/12/2026", "Quiinviter:", "Vigilance:2àcorriger",
                "Conclusiondelaréunion", "Résultatsdespoints(?àconfirmer)",
                *("".join(p.name.split())[:12] for p in m.participants)]
    if step == "reread":
        return ["Compterendupasencoreémis",
                "notesàrelire(v:lesquelles·n:lasuivante)", "Pointsdevigilance"]
    raise KeyError(step)


def _run(keys: list[str], seen: list[str]):
    async def run(pilot) -> None:
        app = pilot.app
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        await settle(app, pilot)
        seen.append(screen_text(app))

    return run


@pytest.mark.parametrize("step", STEPS)
def test_each_step_shows_its_essential_content_at_80x24(snap_compare, step):
    meeting = meeting_8x10()
    path = store.create_meeting_file(meeting)
    seen: list[str] = []
    app = ConcertationApp(path, clock=Clock())
    assert snap_compare(app, terminal_size=(80, 24), run_before=_run(STEPS[step], seen))
    text = flat(seen[-1])
    missing = [want for want in _essential(step, meeting) if "".join(want.split()) not in text]
    assert not missing, f"{step}: not on screen at 80x24: {missing}\n{seen[-1]}"
    if step == "actions":  # the checks one line each: six at once (it was two and a half)
        checks = [line for line in seen[-1].splitlines() if line[1:3] in ("!!", "! ", "i ")]
        assert len(checks) >= min(6, len(readiness(meeting))), seen[-1]
