"""An issued minute that no longer matches the meeting says so (the tester's finding: F6 and F12 still
read « Version 1 émise » after new notes were written). Each issue keeps a fingerprint of what it was
made from; F6, F12, the launcher and `concertation list` count what changed since, and say that issuing
makes the next version."""

from __future__ import annotations

from click.testing import CliRunner
from test_tui_issue_from_close import AFTER, trial_meeting
from test_tui_support import Clock, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.cli import main
from concertation_tui.model import minute_state, ops
from concertation_tui.services.issuing import issue_minute


def issued_then_changed(home):
    """The trial's meeting issued once (v1), then one note added and the conclusion rewritten."""
    path = trial_meeting(home)
    meeting = store.load_meeting(path)
    issue_minute(meeting, path, at=AFTER)
    issued = store.load_meeting(path)
    assert issued.distribution.issues[0].content  # the issue keeps what it was made from
    assert minute_state.changes_since_last_issue(issued).total == 0
    speaker = next(p for p in issued.participants if p.kind.value == "partner")
    ops.record_words(issued, speaker.id, issued.agenda[0].id, "Le dossier est complet.",
                     {"nature": issued.contributions[0].nature, "domains": [], "visibility": issued.contributions[0].visibility.kind}, AFTER)
    ops.set_fields(issued, issued, conclusion="Une autre conclusion, écrite après l'envoi.")
    issued.progress.draft = "ce qui est en train d'être tapé"  # not what the minute says: no change
    store.save_meeting(path, issued)
    return path


def test_the_changes_since_an_issue_are_counted(private_home) -> None:
    meeting = store.load_meeting(issued_then_changed(private_home))
    changes = minute_state.changes_since_last_issue(meeting)
    assert (changes.added, changes.changed, changes.removed) == (1, 1, 0)
    assert changes.next_version == 2
    assert minute_state.changes_words(changes, "fr") == "1 ajout, 1 modification"
    ops.remove_record(meeting, "contributions", meeting.contributions[0].id)
    assert minute_state.changes_since_last_issue(meeting).removed == 1


def test_an_issue_from_an_older_program_tells_nothing(private_home) -> None:
    meeting = store.load_meeting(issued_then_changed(private_home))
    meeting.distribution.issues[0].content = {}
    assert minute_state.changes_since_last_issue(meeting) is None


def test_the_list_says_the_issued_minute_is_out_of_date(private_home) -> None:
    issued_then_changed(private_home)
    output = CliRunner().invoke(main, ["list"], catch_exceptions=False).output
    assert "compte rendu émis (v1, le 07/12/2026), pas à jour : 1 ajout, 1 modification depuis" in output


async def test_f6_and_f12_say_the_issued_version_no_longer_matches(private_home) -> None:
    from concertation_tui.tui.app import ConcertationApp

    path = issued_then_changed(private_home)
    app = ConcertationApp(path, clock=Clock(AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        state = flat(str(app.screen.query_one("#minute-result").render()))
        assert flat("La version 1 émise le 07/12/2026 n'est plus à jour : 1 ajout, 1 modification depuis.") in state
        assert flat("g : émettre la version 2, qui remplace la version 1.") in state
        assert "g:émettreunecorrection" not in state
        await pilot.press("f12")
        await settle(app, pilot)
        said = flat(screen_text(app))
        assert flat("n'est plus à jour") in said and flat("i : émettre la version 2") in said
        assert "√Version1émise" not in said
        await pilot.press("ctrl+q")
        await settle(app, pilot)


async def test_the_launcher_says_the_issued_minute_is_out_of_date(private_home) -> None:
    from concertation_tui.tui.app import ConcertationApp

    issued_then_changed(private_home)
    CliRunner().invoke(main, ["list"], catch_exceptions=False)  # the launcher's index knows the file
    app = ConcertationApp(None, clock=Clock(AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        said = flat(screen_text(app))
        assert flat("! CR v1 plus à jour · 2 changements") in said, said
