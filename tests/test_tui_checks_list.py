"""« 2 à corriger » says which: the readiness checks are listed by a key, and each one leads to its record.

At 80x24 the checks' box shows a few lines of the count; a helper running a whole meeting hesitated at
« 4 points à corriger » with no way to see which. Writing the minute (F6 g) with points to fix lists them
instead of asking a bare yes/no.
"""

from __future__ import annotations

from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui.model import Level
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.checks_list import ChecksList
from concertation_tui.tui.dialogs.forms import FormDialog


def listed(app) -> list[str]:
    choices = app.screen.query_one("#checks-list")
    return [str(choices.get_option_at_index(n).prompt) for n in range(choices.option_count)]


async def test_the_count_of_checks_to_fix_leads_to_the_list_and_each_entry_to_its_record():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        assert "2àcorriger·10entout·!:laliste" in flat(screen_text(app))  # the count names its key (outcomes to confirm too)
        await pilot.press("exclamation_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecksList)
        findings = app.readiness()
        lines = listed(app)
        assert len(lines) == len(findings) == 10
        assert [line.startswith("!!") for line in lines] == [True, True] + [False] * 8  # to fix, first
        assert "Pointsdevigilance" in flat(screen_text(app))
        first = next(f for f in findings if f.level is Level.ERROR)
        action = app.meeting.action(first.target_id)
        await pilot.press("enter")  # the first: an action carried by « tout le monde »
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-what").text == action.what
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f6", "exclamation_mark")  # the close step's count leads to it too
        await settle(app, pilot)
        assert isinstance(app.screen, ChecksList) and len(listed(app)) == 10
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, ChecksList)


async def test_issuing_the_minute_with_checks_to_fix_lists_them_beside_issue_anyway():
    from concertation_tui.tui.dialogs.issue_forms import ConflictsDialog

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6", "g")  # the close step's g issues the minute (through the rereading)
        await settle(app, pilot)
        if isinstance(app.screen, ConflictsDialog):  # what the consent keeps out of some copies: go on
            await pilot.press("e")
            await settle(app, pilot)
        assert isinstance(app.screen, ChecksList)
        lines = listed(app)
        assert len(lines) == 2 and all(line.startswith("!!") for line in lines)
        assert any("tout le monde" in line for line in lines)
        text = flat(screen_text(app))
        assert "Émettrequandmême" in text and "Fermer(Échap)" in text
        await pilot.press("right", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)  # the issue's own form follows
