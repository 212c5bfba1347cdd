"""Forms and dialogs at 80x24, as a newcomer met them (issue 18's trial, the forms' part).

Every test here drives the app by keys at 80x24 and reads the saved file or the screen.
"""

from __future__ import annotations

from test_consent_records import consent_meeting
from test_tui_support import Clock, demo_file, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import Domain, DomainSharing, SharingConsent
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.consent_forms import DomainConsentDialog


def consent_to_take():
    meeting = consent_meeting()
    meeting.consent = SharingConsent()
    meeting.domains = [Domain.HOUSING, Domain.HEALTH, Domain.INCOME_DEBTS, Domain.JUSTICE]
    return meeting


def domain_rows(app) -> list[str]:
    choices = app.screen.query_one("#consent-domains")
    return [choices.get_option_at_index(n).id for n in range(choices.option_count)]


async def test_consent_by_domain_records_only_the_domains_looked_at() -> None:
    """`a ↓ x`: the first domain with everyone, the second not shared, nothing else; the rows keep
    their order; the cursor's row, the keys' rule, the button and the footer are on screen."""
    path = store.create_meeting_file(consent_to_take())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for pressed in ("f3", "d"):
            await pilot.press(pressed)
            await settle(app, pilot)
        assert isinstance(app.screen, DomainConsentDialog)
        order = domain_rows(app)
        shown = flat(screen_text(app))
        assert "Fermer(Échap)" in shown and "aAvectous" in shown  # the button and the footer
        assert flat("le curseur reste") in shown  # the one rule, said
        for pressed in ("a", "down", "x"):
            await pilot.press(pressed)
            await settle(app, pilot)
            assert domain_rows(app) == order  # never re-sorted
        # one more `x` stays on the same (second) domain: nothing recorded for a third one
        await pilot.press("x")
        await settle(app, pilot)
        choices = app.screen.query_one("#consent-domains")
        assert choices.highlighted == 1
        # the cursor's row is drawn on screen: scrolled to it at the end of a long list
        for _ in range(len(order)):
            await pilot.press("down")
        await settle(app, pilot)
        last = choices.get_option_at_index(choices.highlighted).prompt.plain.split(":")[0]
        assert flat(last) in flat(screen_text(app))
        assert "??" not in flat(screen_text(app))  # « ? logement : ? pas précisé »
        await pilot.press("escape")
        await settle(app, pilot)
    saved = store.load_meeting(path)
    assert [(r.domain.value, r.sharing) for r in saved.consent.domains] == [
        (order[0], DomainSharing.ALL), (order[1], DomainSharing.NONE)]


async def test_the_named_list_and_the_enter_form_offer_the_same_people() -> None:
    """The digits and the form Enter opens name the same people, numbered alike, never the person."""
    meeting = consent_to_take()
    app = ConcertationApp(store.create_meeting_file(meeting), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for pressed in ("f3", "d"):
            await pilot.press(pressed)
            await settle(app, pilot)
        help_text = str(app.screen.query_one("#consent-domains-help").render())
        await pilot.press("enter")
        await settle(app, pilot)
        picks = app.screen.query_one("#f-participants")
        offered = [picks.get_option_at_index(n).prompt.plain for n in range(picks.option_count)]
    person = meeting.person.name
    assert offered and all(person not in line for line in offered)
    for line in offered:
        number, name = line.split(" ", 1)[0], line.split(" ", 1)[1].split("  ")[0]
        assert f"{number} {name}" in help_text


# -- forms open at their top and follow the focus (item 4) -------------------------------------------

from concertation_tui.model import Participant, ParticipantKind  # noqa: E402
from concertation_tui.services.demo import demo_meeting  # noqa: E402
from concertation_tui.tui.dialogs.forms import FormDialog  # noqa: E402


def nine_people():
    """The demo's meeting with nine participants: eight receive the minute, as in the trial."""
    meeting = demo_meeting()
    meeting.participants.append(Participant(name="Hugo Vermeulen", kind=ParticipantKind.PARTNER,
                                            organisation="Mutualité"))
    return meeting


def focused_on_screen(app) -> bool:
    """The focused widget and the caption just above it are inside the form's visible rows."""
    form = app.screen.query_one("#form")
    focused = app.screen.focused
    if form not in focused.ancestors:
        return True  # a button: below the form, always shown
    visible = form.content_region
    return visible.contains_region(focused.region)


async def open_form(app, pilot, *keys: str) -> None:
    for pressed in keys:
        await pilot.press(pressed)
        await settle(app, pilot)
    assert isinstance(app.screen, FormDialog)


async def test_a_form_opens_at_its_top_and_tab_keeps_the_field_on_screen() -> None:
    app = ConcertationApp(store.create_meeting_file(nine_people()), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "f2", "2", "enter")  # the participant form
        assert app.screen.query_one("#form").scroll_y == 0
        assert "Nom" in screen_text(app).split("\n")[3]  # the first field's caption, under the title
        for _ in range(len(app.screen.fields) - 1):
            await pilot.press("tab")
            await settle(app, pilot)
            assert focused_on_screen(app), app.screen.focused
        await pilot.press("escape")
        await settle(app, pilot)


async def test_every_reader_of_the_minute_is_on_screen_when_the_cursor_reaches_it() -> None:
    """Consent form, « Qui reçoit le compte rendu détaillé »: each line the cursor is on is drawn."""
    app = ConcertationApp(store.create_meeting_file(nine_people()), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "f3", "c")
        picks = app.screen.query_one("#f-minute_readers")
        while app.screen.focused is not picks:
            await pilot.press("tab")
            await settle(app, pilot)
        for row in range(picks.option_count):
            if row:
                await pilot.press("down")
                await settle(app, pilot)
            name = picks.get_option_at_index(picks.highlighted).prompt.plain.split("  ")[0]
            assert flat(name) in flat(screen_text(app)), name
        await pilot.press("escape")
        await settle(app, pilot)


# -- a field of several lines, a form's delete key (item 3) ------------------------------------------


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def test_positions_one_per_line_are_typed_with_enter_and_saved_with_ctrl_s() -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.switch_mode("live")
        await settle(app, pilot)
        await open_form(app, pilot, "ctrl+g", "x")
        await type_text(pilot, "Rester seul")
        while app.screen.focused is not app.screen.query_one("#f-positions"):
            await pilot.press("tab")
            await settle(app, pilot)
        assert flat("Entrée : une ligne de plus") in flat(screen_text(app))
        await type_text(pilot, "Georges : non")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)  # Enter added a line, the form is still open
        await type_text(pilot, "Isabelle : oui")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormDialog)
    saved = store.load_meeting(path)
    found = next(d for d in saved.disagreements if d.about == "Rester seul")
    assert [(saved.name_of(p.participant_id), p.view) for p in found.positions] == [
        ("Georges Piron", "non"), ("Isabelle Lambert", "oui")]


async def test_a_note_is_deleted_from_its_form_by_the_key_the_footer_shows() -> None:
    from concertation_tui.tui.screens.notes import edit

    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.switch_mode("live")
        await settle(app, pilot)
        note = app.meeting.contributions[0]
        edit(app.screen, "contribution", note)
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert "^dSupprimer" in flat(screen_text(app).split("\n")[-1])  # in the footer
        await pilot.press("ctrl+d")
        await settle(app, pilot)
        await pilot.press("left", "enter")  # the question before deleting
        await settle(app, pilot)
    assert note.id not in {c.id for c in store.load_meeting(path).contributions}


# -- who receives the minute: the person's answer, shown on the participant's row (item 6) ------------

from concertation_tui.model import ops  # noqa: E402
from concertation_tui.model.checks import unagreed_readers  # noqa: E402


async def test_unticking_a_reader_in_the_consent_takes_them_off_the_distribution() -> None:
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "f3", "c")
        picks = app.screen.query_one("#f-minute_readers")
        while app.screen.focused is not picks:
            await pilot.press("tab")
            await settle(app, pilot)
        first = picks.get_option_at_index(0).value
        assert first in picks.selected
        await pilot.press("space")  # unticked: the person does not want this one to receive it
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormDialog)
    saved = store.load_meeting(path)
    who = saved.participant(first)
    assert first not in saved.consent.minute_readers
    assert who.receives_minute is False  # the row says « CR non »
    assert unagreed_readers(saved) == []  # and F5 has nothing to flag


def test_unticking_a_copy_on_the_row_takes_them_off_the_persons_list() -> None:
    from concertation_tui.services.demo import demo_meeting

    meeting = demo_meeting()
    reader = meeting.participant(meeting.consent.minute_readers[1])
    ops.set_participant(meeting, reader, {"receives_minute": False})
    assert reader.id not in meeting.consent.minute_readers and not reader.receives_minute
    try:
        ops.set_participant(meeting, reader, {"receives_minute": True})
    except ValueError:
        pass
    else:
        raise AssertionError("a copy the person did not agree to was put back")
    assert not reader.receives_minute


# -- F2, tab 5: the meeting's life domains (item 5) ---------------------------------------------------


async def test_the_domains_tab_takes_space_at_once_and_finds_a_domain_by_typing() -> None:
    from concertation_tui.model import Domain

    path = demo_file(domains=[])
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for pressed in ("f2", "5", "space"):  # Space right after `5`: the first domain
            await pilot.press(pressed)
            await settle(app, pilot)
        for pressed in ("s", "a", "space"):  # « sa »: santé, not logement
            await pilot.press(pressed)
        await settle(app, pilot)
        await pilot.press("2")  # the digits still switch tabs
        await settle(app, pilot)
        assert app.screen.tab == "participants"
    assert store.load_meeting(path).domains == [Domain.HOUSING, Domain.HEALTH]


def test_an_items_domains_are_the_meetings_too() -> None:
    from concertation_tui.model import Domain
    from concertation_tui.services.demo import demo_meeting

    meeting = demo_meeting()
    meeting.domains = [Domain.HOUSING]
    ops.set_item(meeting, None, {"title": "L'école", "timebox_minutes": 10, "domains": [Domain.SCHOOLING]})
    assert meeting.domains == [Domain.HOUSING, Domain.SCHOOLING]


# -- keys typed together stay together when the app lags (item 2, the part found) ---------------------


async def test_letters_typed_at_once_find_one_name_however_late_the_app_reads_them(monkeypatch) -> None:
    """ctrl+o then « is » at once: Isabelle (not « s »: Sophie), even when the app takes each held letter seconds apart
    (the clock below jumps 5 s at each look, as a loaded server's would between two keys)."""
    import types

    from concertation_tui.tui import finding
    from test_tui_bursts import burst, wait_for

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.switch_mode("live")
        await settle(app, pilot)
        late = {"now": 1e6}

        def monotonic() -> float:
            late["now"] += 5.0
            return late["now"]

        monkeypatch.setattr(finding, "time", types.SimpleNamespace(monotonic=monotonic))
        assert app.screen.speaker().name != "Isabelle Lambert"  # the typing chooses her, not the default
        burst(app, "ctrl+o", "i", "s")
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog) and not app._held_keys, rounds=200)
        await settle(app, pilot)
        chosen = app.screen.query_one("#f-speaker_id").value
        assert app.meeting.name_of(chosen) == "Isabelle Lambert"
