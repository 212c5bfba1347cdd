"""The rereading (F12) shown again after changes made on another step: the lines of the notes that
changed are made anew, the others kept as they were made (issue 16: at the very large size, making all
3,000 lines again took about a second of CPU at each step switch following a change).

What is checked is what the facilitator reads, not how long it takes: the new words there, the writing
helper's hint and the checks of the changed note counted, the person's corrected words with their
revision, a renamed participant everywhere; and every line as a drawing from nothing would make it."""

from __future__ import annotations

from test_tui_prebuild import all_built
from test_tui_support import START, Clock, demo_file, flat, screen_text, settle

from concertation_tui.model import ops, rereading
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.screens.reread import RereadScreen

JUDGING = "Il est dans le déni de sa chute, dit sa fille."
"""A contribution the writing helper flags (« dans le déni »: a diagnosis)."""


def lines(screen: RereadScreen) -> dict[str, tuple[object, str]]:
    """Option key -> (the option, its line as plain text) of the notes list."""
    notes = screen.query_one("#reread-notes")
    shown = {}
    for n in range(notes.option_count):
        option = notes.get_option_at_index(n)
        prompt = option.prompt
        shown[option.id] = (option, str(getattr(prompt, "_visual", prompt)))  # a note: Padding(Content)
    return shown


def drawn_from_nothing(screen: RereadScreen) -> tuple[dict[str, str], dict[str, int], object]:
    """Each line's text, the flags and the notes box's subtitle as a first drawing makes them."""
    screen._drawn.clear()
    screen._drawn_shared = None
    screen._keys = []
    screen.refresh_view()
    return ({key: text for key, (_, text) in lines(screen).items()}, dict(screen.flags),
            screen.query_one("#reread-notes-box").border_subtitle)


async def built_and_shown_once(app, pilot) -> RereadScreen:
    """Every step built ahead, the rereading shown once, then back on the live step."""
    await all_built(app, pilot)
    await pilot.press("f12")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, RereadScreen)
    await pilot.press("f4")
    await settle(app, pilot)
    assert app.current_mode == "live"
    return screen


async def test_a_note_changed_on_the_live_step_is_drawn_anew_and_the_other_lines_are_kept() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await built_and_shown_once(app, pilot)
        before = lines(screen)
        flagged_before = len(screen.flags)
        changed = app.meeting.contributions[0]
        key = rereading.Entry("contribution", changed.id, changed.item_id).key
        assert key in before and JUDGING not in before[key][1]
        assert app.change(ops.set_fields, changed, text=JUDGING)  # on the live step: F12 not shown

        await pilot.press("f12")
        await settle(app, pilot)
        assert app.screen is screen
        after = lines(screen)
        assert list(after) == list(before)  # the same lines, in the same order
        assert JUDGING in after[key][1]
        assert "dans le déni" in after[key][1] and "!" in after[key][1]  # the writing helper's hint
        assert screen.flags.get(key) == 1 and len(screen.flags) == flagged_before + 1
        assert str(len(screen.flags)) in str(screen.query_one("#reread-notes-box").border_subtitle)
        # The other lines were not made again: the same options, the same words.
        kept = [k for k in before if k != key]
        assert all(after[k][0] is before[k][0] and after[k][1] == before[k][1] for k in kept)
        # n (the next note to reread) reaches the changed note, and the facilitator reads it there.
        screen.query_one("#reread-notes").highlighted = 0
        for _ in range(len(screen.flags)):
            await pilot.press("n")
            if screen.query_one("#reread-notes").current_id() == key:
                break
        await settle(app, pilot)
        assert screen.query_one("#reread-notes").current_id() == key
        assert flat("Il est dans le déni") in flat(screen_text(app))
        # Every line as a drawing from nothing makes it.
        shown = ({k: text for k, (_, text) in after.items()}, dict(screen.flags),
                 screen.query_one("#reread-notes-box").border_subtitle)
        assert drawn_from_nothing(screen) == shown


async def test_notes_added_corrected_and_a_participant_renamed_while_away_are_all_shown() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await built_and_shown_once(app, pilot)
        m = app.meeting
        # The person's words corrected, what they said before kept (a revision under the line).
        view = m.person_views[0]
        said = view.text
        target = rereading.words_target("person_view", view.id)
        assert app.change(ops.correct_words, ops.edit_view, (view, {"text": "Je veux rester chez moi."}),
                          target, said, START)
        # A new action (a line more: the list is set again) and an action's due date removed (a check).
        added = app.create(ops.add_action, {"what": "Téléphoner au propriétaire", "carrier_id": m.participants[1].id,
                                             "item_id": m.agenda[0].id}, START)
        undated = m.actions[0]
        assert app.change(ops.set_fields, undated, due=None)
        await pilot.press("f12")
        await settle(app, pilot)
        after = lines(screen)
        view_line = after[rereading.Entry("person_view", view.id, view.item_id).key][1]
        assert "Je veux rester chez moi." in view_line and "~" in view_line  # corrected, with its revision
        assert any("Téléphoner au propriétaire" in text for _, text in after.values())
        assert added is not None
        checks = screen.query_one("#reread-findings")
        assert any(undated.what[:20] in str(checks.get_option_at_index(n).prompt)
                   for n in range(checks.option_count))
        shown = ({k: text for k, (_, text) in after.items()}, dict(screen.flags),
                 screen.query_one("#reread-notes-box").border_subtitle)
        assert drawn_from_nothing(screen) == shown

        # A participant renamed: every line that names them says the new name (what every line shares).
        await pilot.press("f4")
        await settle(app, pilot)
        partner = m.participants[1]
        old_name = partner.name
        assert app.change(ops.set_participant, partner, {"name": "Sophie Van Damme"})
        await pilot.press("f12")
        await settle(app, pilot)
        after = lines(screen)
        headings = [text for key, (_, text) in after.items() if key.startswith(f"speaker:{partner.id}:")]
        assert headings and all("Sophie Van Damme" in text and old_name not in text for text in headings)
        shown = ({k: text for k, (_, text) in after.items()}, dict(screen.flags),
                 screen.query_one("#reread-notes-box").border_subtitle)
        assert drawn_from_nothing(screen) == shown


async def test_a_step_not_shown_is_drawn_as_the_meeting_is_in_idle_time_before_it_is_asked_for() -> None:
    """After a change on the live step, the other steps built ahead are drawn again while nobody types,
    one per idle moment: the switch to them then only shows them."""
    from test_tui_bursts import wait_for

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await built_and_shown_once(app, pilot)
        changed = app.meeting.contributions[0]
        assert app.change(ops.set_fields, changed, text=JUDGING)
        assert not screen._drawn_as_now()
        await wait_for(pilot, screen._drawn_as_now, rounds=400)  # drawn while the live step is shown
        assert app.current_mode == "live"
        key = rereading.Entry("contribution", changed.id, changed.item_id).key
        assert JUDGING in lines(screen)[key][1]
        drawn: list[int] = []
        screen.refresh_view = lambda: drawn.append(1)  # type: ignore[method-assign]
        await pilot.press("f12")
        await settle(app, pilot)
        assert app.screen is screen and drawn == []  # shown as drawn ahead, not drawn again
        assert JUDGING in lines(screen)[key][1]
