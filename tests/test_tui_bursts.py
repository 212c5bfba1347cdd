"""Keys typed in the same burst as the key that opens a screen or a form land there, in order.

A terminal delivers a burst of keys to the program at once: the test posts them to the app the way
the driver does (no pause, no idle wait between them), at 80x24, then reads the field.
"""

from __future__ import annotations

import pytest
from textual import events

from concertation_tui import store
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.widgets import ShortText
from test_tui_support import Clock, demo_file, settle, screen_text

WORD = "zéphyr"


def burst(app: ConcertationApp, *keys: str) -> None:
    """Keys as the driver posts them: one after another, nothing awaited in between."""
    for name in keys:
        if len(name) == 1:
            app.post_message(events.Key(_key_name(name), name))
        else:
            app.post_message(events.Key(name, None))


def _key_name(char: str) -> str:
    from textual.keys import _character_to_key

    return _character_to_key(char)


async def wait_for(pilot, condition, rounds: int = 60) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)


def field_text(widget) -> str:
    return getattr(widget, "text", None) if isinstance(widget, ShortText) else str(getattr(widget, "value", ""))


# Every form that opens with a text field, from the live step (F4) and the actions step (F5); the
# opening keys and the text come in one burst. ctrl+g opens the shared picture, whose own keys open
# its forms: the burst goes through two screens that open.
FORMS = {
    "live-action-f7": ("live", ["f7"]),
    "live-view-f9": ("live", ["f9"]),
    "live-step-ctrl+l": ("live", ["ctrl+l"]),
    "picture-working": ("live", ["ctrl+g", "b"]),
    "picture-worries": ("live", ["ctrl+g", "i"]),
    "picture-needs": ("live", ["ctrl+g", "s"]),
    "picture-step": ("live", ["ctrl+g", "d"]),
    "picture-disagreement": ("live", ["ctrl+g", "x"]),
    "actions-add-a": ("actions", ["a"]),
}


@pytest.mark.parametrize("name", list(FORMS))
async def test_a_form_takes_the_text_typed_with_its_key(name: str) -> None:
    mode, opener = FORMS[name]
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        if app.current_mode != mode:
            await app.switch_mode(mode)
            await settle(app, pilot)
        burst(app, *opener, *WORD)
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog) and WORD in field_text(app.screen.focused))
        assert isinstance(app.screen, FormDialog), f"{name}: no form open"
        assert field_text(app.screen.focused) == WORD, f"{name}: {field_text(app.screen.focused)!r}"
        assert app._held_keys == []


async def test_text_after_a_step_key_lands_in_that_step() -> None:
    """F3 F4 F5 F6 F12 each followed at once by typing: nothing typed is lost or lands elsewhere.
    On the live step the text goes to the typing area; the others have no text field focused, so
    their keys are held only until the step's focus lands (never longer than a second)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for step, mode in (("f3", "open"), ("f5", "actions"), ("f6", "close"), ("f12", "reread")):
            burst(app, step, "x")  # a letter that no step's list takes (held, then given to the step)
            await wait_for(pilot, lambda: app.current_mode == mode and not app._held_keys)
            assert app.current_mode == mode and not app._held_keys
        burst(app, "f4", *WORD)
        await wait_for(pilot, lambda: app.current_mode == "live"
                       and WORD in app.screen.query_one("#note", ShortText).text)
        assert app.current_mode == "live"
        assert app.screen.query_one("#note", ShortText).text.endswith(WORD)
        assert app._held_keys == []


async def test_continuous_typing_reaches_the_meeting_without_a_pause() -> None:
    """The typing area is kept in the meeting at most DRAFT_DELAY after a key, while typing goes on
    (a deadline, not a pause): after a second of keys every 50 ms, most of it is in the model."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        typed = ""
        for char in "continuellement":
            burst(app, char)
            typed += char
            await pilot.pause(0.05)
        # Typing has not paused yet the draft follows it closely.
        assert typed.startswith(app.meeting.progress.draft) and len(app.meeting.progress.draft) >= len(typed) - 6
        await settle(app, pilot)
        assert store.load_meeting(path).progress.draft == typed


async def test_a_save_that_fails_at_quit_keeps_the_program_open(monkeypatch) -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "o", "t", "e")

        def full_disk(*args, **kwargs):
            raise store.SaveError("store.write_failed", reason="disque plein")

        monkeypatch.setattr(store, "write_private", full_disk)
        app.post_message(events.Key("ctrl+q", None))
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "Confirm")
        await pilot.press("left", "enter")  # yes, quit (the note is kept, the dialog says)
        await settle(app, pilot)
        assert app.is_running and app.return_code is None
        said = " ".join(n.message for n in app._notifications)
        assert "n'a pas pu être enregistrée" in said and "disque plein" in said
        assert "n'a pas pu être enregistrée" in " ".join(screen_text(app).split()) or said
        monkeypatch.undo()
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "Confirm")
        await pilot.press("left", "enter")
        await pilot.pause(0.2)
    assert store.load_meeting(path).progress.draft == "note"  # kept, as the dialog said


async def test_the_quit_question_tells_the_truth_about_the_note() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("m", "o", "t")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "Confirm")
        text = " ".join(screen_text(app).split())
        assert "gardée" in text and "perdue" not in text


async def test_a_burst_of_notes_for_several_speakers_goes_to_each_in_order() -> None:
    """As a facilitator types: words, Enter, ctrl+n, words, Enter, ctrl+n... in one burst. Each
    note goes to the speaker it was typed for, never merged with the next one."""
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        live = app.screen
        first = live.speaker()
        before = len(app.meeting.contributions) + len(app.meeting.person_views)
        keys: list[str] = []
        for word in ("alpha", "beta", "gamma"):
            keys += [*word, "enter", "ctrl+n"]
        keys += [*"delta"]
        burst(app, *keys)
        await wait_for(pilot, lambda: live.query_one("#note", ShortText).text == "delta"
                       and len(app.meeting.contributions) + len(app.meeting.person_views) == before + 3)
        by_text = {n.text: n for n in [*app.meeting.contributions, *app.meeting.person_views]}
        assert {"alpha", "beta", "gamma"} <= set(by_text), sorted(by_text)[-5:]  # never merged

        def who(text: str) -> str:
            return getattr(by_text[text], "speaker_id", "") or "person"

        speakers = [who("alpha"), who("beta"), who("gamma")]
        assert len(set(speakers)) == 3, speakers  # three speakers, one after the other
        assert who("alpha") == (first.id if first.kind.value != "person" else "person")
        await settle(app, pilot)
        assert store.load_meeting(path).progress.draft == "delta"


async def test_a_note_typed_before_ctrl_pgdn_stays_on_its_item() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("pageup")  # back to the item before, so there is a next one
        await settle(app, pilot)
        item = app.meeting.progress.item_id
        burst(app, *"omega", "enter", "ctrl+pagedown")
        await wait_for(pilot, lambda: app.meeting.progress.item_id != item)
        await settle(app, pilot)
        note = next(n for n in [*app.meeting.contributions, *app.meeting.person_views] if n.text == "omega")
        assert note.item_id == item


async def test_a_form_typed_and_saved_in_one_burst_keeps_every_word() -> None:
    """`a` on the actions step, the action's words, Enter: all in one burst. The form is saved
    with every word (Enter waits for the keys typed before it)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.switch_mode("live")
        await settle(app, pilot)
        before = len(app.meeting.actions)
        burst(app, "f7", *"appeler le CPAS", "enter")
        await wait_for(pilot, lambda: len(app.meeting.actions) == before + 1 or not isinstance(app.screen, FormDialog))
        await wait_for(pilot, lambda: len(app.meeting.actions) == before + 1)
        assert [a.what for a in app.meeting.actions[before:]] == ["appeler le CPAS"]


async def test_tab_in_a_burst_moves_to_the_next_field_in_order() -> None:
    """Words, Tab, words, in one burst: each word lands in its own field (Tab is not taken by the
    field the first words were still waiting for)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        burst(app, "f9", *"mes mots")
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog) and field_text(app.screen.focused) == "mes mots")
        form = app.screen
        first = form.focused
        burst(app, "tab", *"zz")
        await wait_for(pilot, lambda: form.focused is not first)
        await settle(app, pilot)
        assert field_text(first) == "mes mots"
        assert form.focused is not first


async def test_a_list_key_a_form_and_a_step_key_in_one_burst_keep_their_order() -> None:
    """On Préparer's agenda: `a` (a list's key, acted on when it comes back up), the item's
    words, Enter, then F3, all at once. The item is added with its words, then the step changes."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.switch_mode("prepare")
        await settle(app, pilot)
        burst(app, "4")
        await settle(app, pilot)
        burst(app, "a", *"Budget", "enter", "f3")
        await wait_for(pilot, lambda: app.current_mode == "open" and not app._held_keys)
        await settle(app, pilot)
        assert app.current_mode == "open"
        assert "Budget" in [item.title for item in app.meeting.agenda]


async def test_the_finding_about_consent_per_domain_opens_the_per_domain_form() -> None:
    """A newcomer's dead end: « précisez, domaine par domaine » (F5's points to check, Enter: go
    there) opened the free-text consent form, where no domain can be given."""
    from concertation_tui.services.demo import demo_meeting
    from concertation_tui.model import ConsentStatus
    from concertation_tui.tui.dialogs.consent_forms import DomainConsentDialog

    meeting = demo_meeting()
    meeting.consent.status = ConsentStatus.PARTIAL
    meeting.consent.domains = []
    app = ConcertationApp(store.create_meeting_file(meeting), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        findings = app.screen.query_one("#findings")
        codes = [f.code for f in app.screen.findings]
        findings.focus()
        findings.highlighted = codes.index("consent_domains_missing")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DomainConsentDialog))
        assert isinstance(app.screen, DomainConsentDialog)
        assert app.current_mode == "open"
