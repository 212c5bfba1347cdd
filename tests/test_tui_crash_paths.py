"""Code that runs later than the key that asked for it (a worker, a timer, a callback after a refresh)
finds the screen it was meant for gone or covered: it must leave things alone, not crash the meeting.

Each test puts the later code in the order that crashed (a NoMatches seen under load, with no frame:
see tests/crash_frames.py), deterministically, and checks that the meeting goes on.
"""

from __future__ import annotations

import pytest
from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui.model import Level
from concertation_tui.model.checks import Finding
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.screens.actions import go_to_finding
from concertation_tui.tui.screens.private import PrivateCover


@pytest.mark.parametrize("target", ["participant", "consent", "meeting", "next_meeting", "person_view",
                                    "action", "note"])
async def test_a_finding_opened_in_a_worker_after_the_cover_went_up_leaves_the_cover_alone(target):
    """Enter on a finding starts a worker that switches step and then looks for its list there; F8
    may have put the cover up before the worker got there. It crashed (NoMatches on '#attendance', or an
    AttributeError: the cover has no `action_consent`)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        meeting = app.meeting
        target_id = {"participant": meeting.participants[0].id, "action": meeting.actions[0].id,
                     "note": meeting.contributions[0].id}.get(target, "")
        await pilot.press("f8")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivateCover)
        toasts = len(app._notifications)
        app.run_worker(go_to_finding(app, Finding("action_no_due", Level.ERROR, target, target_id)))
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, PrivateCover)
        assert "Lambert" not in flat(screen_text(app))  # nothing of the meeting said on the cover,
        assert len(app._notifications) == toasts  # not even a finding's sentence in a toast


# -- a step or a form built ahead whose widgets are composed after the app was told to exit -----------
#
# Seen under load in the snapshot tests (help, private time, the shared picture, prepare): the picture
# taken, `app.exit(svg)`, and a step being built ahead in idle time got its Mount with no widgets
# (Textual mounts none into a node once the app is exiting): NoMatches on '#read-only-banner', the crash
# path ran after the ordinary exit, and the picture was lost (code 1, no return value).

BUILT_AHEAD = ["actions", "close", "open", "reread", "prepare"]


@pytest.mark.parametrize("mode", BUILT_AHEAD)
async def test_a_step_built_while_the_app_exits_ends_quietly(mode):
    app = ConcertationApp(demo_file(), clock=Clock())
    app.prebuilder.start = lambda: None  # nothing built ahead by itself: the test builds it, in its order
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert mode not in app._screen_stacks
        app.exit(0)
        await app.prebuilder._build(mode)  # the idle build that was under way when the exit came
        await pilot.pause()
    assert app.return_code == 0


async def code_imported(app, pilot) -> None:
    """Wait for the warm-up thread's imports without blocking the loop: the warm-up is started by a timer
    on that loop (a blocking `code_ready.wait` kept it from ever starting when `settle` came back early)."""
    for _ in range(1200):
        if app.prebuilder.code_ready.is_set():
            return
        await pilot.pause(0.05)
    raise AssertionError("the other steps' code was never imported")


async def test_a_form_built_ahead_while_the_app_exits_ends_quietly():
    app = ConcertationApp(demo_file(), clock=Clock())
    app.prebuilder.start = lambda: None
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await code_imported(app, pilot)
        app.exit(0)
        assert await app.prebuilder._form_ahead()  # the live step's F7, built (its widgets: none)
        await pilot.pause()
    assert app.return_code == 0


def test_a_snapshot_keeps_its_picture_when_a_step_is_built_as_it_exits():
    """As pytest-textual-snapshot runs the app (App.run, the picture as the return value)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    app.prebuilder.start = lambda: None

    async def picture_then_exit(pilot) -> None:
        await settle(app, pilot)
        app.exit("the picture")
        await app.prebuilder._build("reread")
        await pilot.pause()

    assert app.run(headless=True, size=(80, 24), auto_pilot=picture_then_exit) == "the picture"
    assert app.return_code == 0


async def test_nothing_is_built_ahead_once_the_app_is_told_to_exit():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await code_imported(app, pilot)
        waiting = app.prebuilder._waiting()
        assert waiting  # steps left to build (the demo opens on the live step)
        app.prebuilder.last_key = 0.0  # idle for long
        app.exit(0)
        await app.prebuilder._look()
        assert app.prebuilder._waiting() == waiting and not app.prebuilder._looking


# -- a footer asks the screen shown about its keys before that screen's widgets exist ----------------


async def test_a_footer_asks_about_keys_while_the_preparation_step_is_not_composed_yet():
    """Textual's `screen.copy_text` key is asked of the screen shown (`app.screen`), from every footer,
    and `switch_mode` makes a step the screen shown before its widgets are composed. The preparation
    step read its tab from its widgets for every key: NoMatches on '#prepare-tabs' (seen under load)."""
    from concertation_tui.tui.footer import FittedFooter, step_keys

    app = ConcertationApp(demo_file(), clock=Clock())
    app.prebuilder.start = lambda: None  # the preparation step not built ahead
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        live = app.screen
        assert "prepare" not in app._screen_stacks
        app.switch_mode("prepare")  # not awaited: shown, its widgets not composed yet
        prepare = app.screen
        assert type(prepare).__name__ == "PrepareScreen" and not prepare.query("#prepare-tabs")
        await live.query_one(FittedFooter)._remake_if_changed()  # the live step's footer, after a refresh
        assert prepare.tab == "details" and prepare.check_action("add", ()) is False
        await settle(app, pilot)
        assert prepare.query("#prepare-tabs")
        assert "Ajouter" not in " ".join(k.words for k in step_keys(prepare))  # nothing to add on « détails »
        await pilot.press("2")
        await settle(app, pilot)
        assert prepare.tab == "participants" and prepare.check_action("add", ()) is True
        assert "Ajouter" in " ".join(k.words for k in step_keys(prepare))


async def test_an_exit_waits_for_the_step_being_built_ahead_to_be_mounted():
    """The exit came when the preparation step built ahead had its tab bar but not yet its tabs: the tab
    bar (Textual's own) then set itself up with no tab and raised ValueError (seen under load). The
    exit now waits for the step to be mounted, and nothing more is built after it."""
    import asyncio

    from textual.widgets import Tab, Tabs

    app = ConcertationApp(demo_file(), clock=Clock())
    app.prebuilder.start = lambda: None
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        building = asyncio.ensure_future(app.prebuilder._build("prepare"))
        for _ in range(10_000):  # rounds of the event loop, not time: the same order under any load
            await asyncio.sleep(0)
            stack = app._screen_stacks.get("prepare")
            if stack and stack[0].query(Tabs) and not stack[0].query(Tab):
                break
        else:
            raise AssertionError("the step was never caught halfway through its composing")
        app.exit(0)
        assert not app._exit  # waits for the build
        await building
        await pilot.pause()
        assert app._exit
        prepare = app._screen_stacks["prepare"][0]
        assert len(prepare.query(Tab)) == 5  # composed whole: details, participants, network, agenda, domains
        assert app.prebuilder._finished  # nothing more built
    assert app.return_code == 0


# -- a copy of the minute built in a thread lands after its preview was closed ------------------------


async def test_a_copy_built_in_a_thread_that_lands_after_escape_leaves_the_closed_preview_alone():
    """F12 p shows each recipient's copy, built in a worker thread; Escape closes the preview. The
    worker checks it was not cancelled and then hands the copy to the screen: after Escape, to a screen
    whose widgets are gone (NoMatches on '#preview-text')."""
    from concertation_tui.tui.screens.preview import PreviewScreen

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, PreviewScreen) and preview.shown
        shown, lines = preview.shown, preview.cache[preview.shown]
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, PreviewScreen)
        preview._built(shown, lines)  # the thread's callbacks, arriving late
        preview._failed(shown, "OSError")
        await settle(app, pilot)
        assert app.is_running and app.return_code is None
