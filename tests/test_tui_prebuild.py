"""Each step's screen is built in idle time, before it is asked for (issue 16, tui/prebuild.py).

What is checked here is what a switch does, not how long it takes: a step built ahead is shown without
being built again and without the whole app's stylesheet being refreshed; it shows the meeting as it is
when shown (changes made meanwhile included); keys typed while steps are being built still land."""

from __future__ import annotations

from textual.app import App

from concertation_tui import store
from concertation_tui.tui import prebuild
from concertation_tui.tui.app import ConcertationApp
from test_tui_bursts import burst, wait_for
from test_tui_support import Clock, demo_file, screen_text, settle

STEPS = ("prepare", "open", "live", "actions", "close", "reread")


async def all_built(app, pilot) -> None:
    await wait_for(pilot, lambda: all(mode in app._screen_stacks for mode in STEPS), rounds=400)
    await settle(app, pilot)


async def test_every_step_is_built_ahead_and_shown_without_a_stylesheet_refresh(monkeypatch) -> None:
    refreshed: list[str] = []
    original = App.refresh_css

    def refresh_css(app, animate: bool = True) -> None:
        refreshed.append(app.current_mode)
        original(app, animate)

    monkeypatch.setattr(App, "refresh_css", refresh_css)
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await all_built(app, pilot)
        assert sorted(app.prebuilder.built) == sorted(set(STEPS) - {"live"})  # live: where it opened
        built = {mode: app._screen_stacks[mode][0] for mode in STEPS}
        assert all(screen.is_mounted for screen in built.values())
        # built for this terminal: the breakpoint classes Textual would set when the screen is shown
        assert all(screen.has_class("-narrow", "-short") for screen in built.values())
        # A change made while the actions step is not shown: there when it is.
        action = app.meeting.actions[0]
        app.change(lambda m: setattr(action, "what", "Téléphoner au propriétaire"))
        refreshed.clear()
        for key, mode in (("f5", "actions"), ("f6", "close"), ("f3", "open"), ("f2", "prepare"), ("f12", "reread")):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.current_mode == mode
            assert app.screen is built[mode], f"{mode} was built again"
            if mode == "actions":
                assert "Téléphoner au propriétaire" in screen_text(app)
        assert refreshed == [], refreshed


async def test_keys_typed_while_the_steps_are_built_land_in_the_typing_area(monkeypatch) -> None:
    monkeypatch.setattr(prebuild, "IDLE_BEFORE", 0.0)  # building goes on between any two keys
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        for letter in "bonjour":
            burst(app, letter)
            await pilot.pause(0.05)
        await all_built(app, pilot)
        app.flush_typing()
        assert app.meeting.progress.draft == "bonjour"
        await pilot.press("f5")
        await settle(app, pilot)
        assert app.current_mode == "actions"


async def test_a_step_built_ahead_shows_the_letter_check_that_landed_after_it(monkeypatch, tmp_path) -> None:
    """The letter's check of a very large meeting lands from a thread: a step not shown then (built
    ahead, or left) draws it when shown, and never the findings of the version before."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await all_built(app, pilot)
        reread = app._screen_stacks["reread"][0]
        drawn: list[int] = []
        monkeypatch.setattr(reread, "refresh_view", lambda: drawn.append(1))
        key = app.view_key()
        app._letter_landed(key, [])
        assert drawn == []  # not shown: not drawn now
        await pilot.press("f12")
        await settle(app, pilot)
        assert drawn, "the rereading kept the letter's findings of before"
    assert store.load_meeting(app.path) is not None


async def test_f7_opens_the_action_form_built_ahead_and_the_words_typed_with_it_land() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.prebuilder.form_ahead_of("live") is not None, rounds=600)
        await settle(app, pilot)
        ahead = app.prebuilder.form_ahead_of("live")
        before = len(app.meeting.actions)
        burst(app, "f7", *"Appeler la mutuelle", "enter")
        await wait_for(pilot, lambda: len(app.meeting.actions) > before, rounds=200)
        assert app.meeting.actions[-1].what == "Appeler la mutuelle"
        assert app.meeting.actions[-1].item_id == app.meeting.progress.item_id
        assert app.prebuilder.form_ahead_of("live") is not ahead  # used once
        # Another F7 opens a new form, empty (the one built ahead was taken, or one made at the key).
        await settle(app, pilot)
        burst(app, "f7")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FormDialog", rounds=200)
        assert app.screen is not ahead
        assert "Nouvelle action" in screen_text(app)
        assert "Appeler la mutuelle" not in screen_text(app)
    assert store.load_meeting(app.path).actions[-1].what == "Appeler la mutuelle"


async def test_the_form_built_ahead_outlives_a_step_key_and_a_note_but_not_a_new_current_item() -> None:
    """A step key saves the phase and a note changes the meeting: the action form shows the same after
    them, and F7 takes the form built ahead. A new current item changes the form (its item): the one
    of before is not used, and is not left mounted off screen."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.prebuilder.form_ahead_of("live") is not None, rounds=600)
        ahead = app.prebuilder.form_ahead_of("live")
        await pilot.press("f5")
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        burst(app, *"Une note", "enter")
        await wait_for(pilot, lambda: app.meeting.contributions[-1].text == "Une note", rounds=200)
        burst(app, "f7")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FormDialog", rounds=200)
        assert app.screen is ahead
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.prebuilder.form_ahead_of("live") is not None, rounds=600)
        await settle(app, pilot)
        ahead = app.prebuilder.form_ahead_of("live")
        # The current item changes (ctrl+PgDn, a change of the meeting): the form of before is stale.
        app.change(lambda m: setattr(m.progress, "item_id", m.agenda[0].id))
        burst(app, "f7")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "FormDialog", rounds=200)
        assert app.screen is not ahead
        await pilot.press("escape")
        await wait_for(pilot, lambda: not ahead.is_running, rounds=400)
        assert not ahead.is_running  # discarded in idle time, not left mounted off screen
        assert app.prebuilder.form_ahead_of("live") is not None  # and one built for the item of now


async def test_the_actions_step_builds_its_new_and_highlighted_action_forms_ahead_and_gives_them_back() -> None:
    """On the actions step, `a` and Enter (the action highlighted) open forms built in idle time; the
    row moved, Enter's form follows it; the step left, its forms are discarded (about 2 MB each)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await all_built(app, pilot)
        await pilot.press("f5")
        await wait_for(pilot, lambda: app.prebuilder.form_ahead_of("actions", 1) is not None, rounds=600)
        table = app.screen.query_one("#actions")
        first = app.prebuilder.form_ahead_of("actions", 1)
        table.move_cursor(row=1)
        await wait_for(pilot, lambda: app.prebuilder.form_ahead_of("actions", 1) not in (None, first), rounds=600)
        await settle(app, pilot)
        ahead = app.prebuilder.form_ahead_of("actions", 1)
        chosen = app.meeting.action(table.current_key())
        burst(app, "enter", *" appelé")
        await wait_for(pilot, lambda: app.screen is ahead and app.screen.focused.text.endswith(" appelé"), rounds=200)
        assert app.screen is ahead  # the form built ahead for the row highlighted
        burst(app, "enter")
        await wait_for(pilot, lambda: chosen.what.endswith(" appelé"), rounds=200)
        assert chosen.what.endswith(" appelé")
        await settle(app, pilot)
        await pilot.press("f6")
        new = app.prebuilder.form_ahead_of("actions", 0)
        # discarded, then removed (a removal is processed after the idle moment that asked for it)
        await wait_for(pilot, lambda: app.prebuilder.form_ahead_of("actions", 0) is None
                       and (new is None or not new.is_running), rounds=600)
        assert app.prebuilder.form_ahead_of("actions", 0) is None
        assert new is None or not new.is_running
    assert store.load_meeting(app.path).action(chosen.id).what.endswith(" appelé")
