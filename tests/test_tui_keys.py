"""Finding keys and choosing people at 80x24 (issue 18): type-to-find in every list of people, one
order of people everywhere, Enter saves a form from any field, Tab stays on what is visible, footers
of whole keys, F1 readable, every action in the palette."""

from __future__ import annotations

import datetime as dt

from test_tui_support import Clock, demo_file, screen_text, settle
from textual.widgets import Select

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import Meeting, Participant, ParticipantKind
from concertation_tui.model.people_order import everyone_in_order
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.finding import FindSelect, find_match
from concertation_tui.tui.footer import FittedFooter, step_keys
from concertation_tui.tui.keys_help import KeysPage
from concertation_tui.tui.widgets import Picks

STEPS = {"prepare": "f2", "open": "f3", "live": "f4", "actions": "f5", "close": "f6"}


# -- finding a name by its start --------------------------------------------------------------------


def test_find_match_by_the_start_of_a_name_accents_and_case_aside():
    names = ["Jean Dupont", "Ana Costa", "Anne Leroy", "Dr Marc Dubois", "Sophie Mertens", "Sonia Piron",
             "Éric Blanc", "Céline Renard"]
    assert names[find_match(names, "ann")] == "Anne Leroy"
    assert names[find_match(names, "an")] == "Ana Costa"
    assert names[find_match(names, "son")] == "Sonia Piron"
    assert names[find_match(names, "er")] == "Éric Blanc"  # the accent does not count
    assert names[find_match(names, "CE")] == "Céline Renard"
    assert names[find_match(names, "marc")] == "Dr Marc Dubois"  # a later word, when no name starts so
    assert names[find_match(names, "s", current=4)] == "Sonia Piron"  # the same letter again: the next
    assert names[find_match(names, "ss", current=None)] == "Sophie Mertens"
    assert find_match(names, "zz") is None


def test_everyone_in_one_order_the_person_first_then_the_speaking_order():
    m = Meeting(title="t")
    names = {}
    for name, kind in (("Fanny", ParticipantKind.FACILITATOR), ("Paul", ParticipantKind.PARTNER),
                       ("Jean", ParticipantKind.PERSON), ("Nina", ParticipantKind.NETWORK),
                       ("Pia", ParticipantKind.PARTNER)):
        p = Participant(name=name, kind=kind)
        m.participants.append(p)
        names[p.id] = name
    assert [p.name for p in everyone_in_order(m)] == ["Jean", "Nina", "Paul", "Pia", "Fanny"]
    pia = next(p.id for p in m.participants if p.name == "Pia")
    jean = next(p.id for p in m.participants if p.name == "Jean")
    m.speaking_order = [pia, jean]  # the person moved later in the round: still first in the lists
    assert [p.name for p in everyone_in_order(m)] == ["Jean", "Pia", "Nina", "Paul", "Fanny"]
    assert [p.name for p in m.round_table()] == ["Pia", "Jean", "Nina", "Paul", "Fanny"]  # the round keeps its order, the facilitator last


async def test_every_list_of_people_has_the_same_order():
    meeting = demo_meeting()
    expected = [p.id for p in everyone_in_order(meeting)]
    app = ConcertationApp(store.create_meeting_file(meeting), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")  # an action: carrier, supporters, checker
        await settle(app, pilot)
        carrier = app.screen.query_one("#f-carrier_id", Select)
        checker = app.screen.query_one("#f-checker_id", Select)
        supporters = app.screen.query_one("#f-supporters", Picks)
        assert [v for _, v in carrier._options if v is not Select.NULL] == expected
        assert [v for _, v in checker._options if v is not Select.NULL] == expected
        assert [supporters.get_option_at_index(n).value for n in range(supporters.option_count)] == expected
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("ctrl+l")  # a step in progress: its carrier
        await settle(app, pilot)
        step_carrier = app.screen.query_one("#f-carrier_id", Select)
        assert [v for _, v in step_carrier._options if v is not Select.NULL] == expected


# -- forms: Enter from any field, Tab on visible fields -----------------------------------------------


async def test_a_closed_drop_down_chooses_by_typing_and_enter_saves_the_form():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = app.meeting
        await pilot.press("f7")
        await settle(app, pilot)
        await pilot.press("D", "o", "s", "tab")
        carrier = app.screen.query_one("#f-carrier_id", FindSelect)
        assert carrier.has_focus
        await pilot.press("j", "u")  # Julie Verhaegen, typed on the closed control
        await pilot.pause()
        assert not carrier.expanded
        assert m.name_of(carrier.value) == "Julie Verhaegen"
        await pilot.press("down")  # the arrows open the list; typing there finds too
        await pilot.pause()
        assert carrier.expanded
        await pilot.press("n", "a", "d")
        await pilot.press("enter")  # in the opened list, Enter chooses
        await pilot.pause()
        assert not carrier.expanded and isinstance(app.screen, FormDialog)
        assert m.name_of(carrier.value) == "Nadia El Amrani"
        await pilot.press("enter")  # on the closed control, Enter saves the form
        await settle(app, pilot)
        assert not isinstance(app.screen, FormDialog)
        action = m.actions[-1]
        assert action.what == "Dos" and m.name_of(action.carrier_id) == "Nadia El Amrani"


async def test_tab_never_lands_on_something_invisible():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6", "n")  # the next meeting: a date first
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        for _ in range(12):
            await pilot.press("tab")
            await pilot.pause()
            focused = app.screen.focused
            assert focused is not None and focused.id != "form", focused
            assert focused.id == "save" or (focused.id or "").startswith("f-"), focused


# -- footers of whole keys, F1 readable ----------------------------------------------------------------


def _footer_line(app) -> str:
    return screen_text(app).split("\n")[-1]


async def test_each_steps_footer_shows_whole_keys_at_80_columns():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for step, key in STEPS.items():
            await pilot.press(key)
            await settle(app, pilot)
            assert app.current_mode == step
            footer = app.screen.query_one(FittedFooter)
            line = _footer_line(app)
            keys = list(footer.query("FooterKey"))
            assert len(keys) >= 4, (step, line)
            for shown in keys:
                whole = f"{shown.key_display} {shown.description}"
                assert whole in line, (step, whole, line)  # never cut mid-word
                assert shown.region.right <= 80, (step, whole)
            assert "f1 Autres touches" in line, line  # the rest one key away
            assert "…" not in line and "▏ f1" in line


async def test_f1_at_80x24_shows_every_key_of_the_step_readable():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for step, key in STEPS.items():
            await pilot.press(key)
            await settle(app, pilot)
            step_screen = app.screen
            wanted = [(k.display, k.words) for k in step_keys(step_screen, shown_only=False)]
            await pilot.press("f1")
            await settle(app, pilot)
            page = app.screen
            assert isinstance(page, KeysPage)
            seen = ""
            box = page.query_one("#keys-page-list")
            for _ in range(30):  # read it page by page, as the facilitator would
                seen += screen_text(app) + "\n"
                if box.scroll_y >= box.max_scroll_y:
                    break
                await pilot.press("pagedown")
                await pilot.pause()
            lines = seen.split("\n")
            for display, words in wanted:
                assert any(f" {display}  {words}" in line for line in lines), (step, display, words)
            assert page.query_one("#keys-page-list").region.width >= 76  # the whole width, not a column
            await pilot.press("f1")
            await settle(app, pilot)
            assert app.screen is step_screen


async def test_f1_finds_a_key_by_its_words_and_is_a_side_panel_on_a_wide_screen():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3", "f1")
        await settle(app, pilot)
        await pilot.press(*"ecrit")
        await settle(app, pilot)
        text = app.screen.text()
        assert "Contribution écrite" in text and "Présent" not in text
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        note = app.screen.query_one("#note")
        await pilot.press("f1")
        await settle(app, pilot)
        assert app.screen.query("KeysPanel") and note.has_focus  # typing goes on beside it
        await pilot.press("x")
        assert note.text == "x"


# -- the palette -----------------------------------------------------------------------------------------


async def test_the_palette_names_the_themes_in_french_and_edits_a_note():
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        from concertation_tui.tui.commands import MeetingCommands, ThemeCommands

        names = [name for name, _, _ in ThemeCommands(app.screen)._themes()]
        assert "Contraste élevé (noir, blanc, jaune)" in names and "high-contrast" not in names
        m = app.meeting
        m.progress.item_id = m.agenda[1].id
        app.refresh_views()
        commands = {name: run for name, _, run in MeetingCommands(app.screen)._commands()}
        note = m.contributions_on(m.agenda[1].id)[0]
        edit = next(name for name in commands if name.startswith("Modifier une note"))
        assert "Donner la parole à Nadia El Amrani" in commands
        assert any(name.startswith("Aller au point 3") for name in commands)
        commands[edit]()
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-text").text == note.text


# -- a new meeting at 80x24, every person chosen by typing ------------------------------------------------


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)


async def test_a_new_meeting_with_eight_people_each_chosen_by_typing_their_name():
    clock = Clock()
    app = ConcertationApp(None, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")  # a new meeting from the launcher
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormDialog)
        form.query_one("#f-title").focus()
        await _type(pilot, "Dupont")
        form.query_one("#f-person").focus()
        await _type(pilot, "Jean Dupont")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "prepare"
        path = app.path

        await pilot.press("2")  # participants: seven more, by keyboard (kind: Down from partner)
        await pilot.pause()
        people = [("Ana Costa", 0), ("Anne Leroy", 1), ("Marc Dubois", 0), ("Sophie Mertens", 2),
                  ("Sonia Piron", 0), ("Éric Blanc", 0), ("Céline Renard", 1)]
        for name, downs in people:
            await pilot.press("a")
            await settle(app, pilot)
            await _type(pilot, name)
            await pilot.press("tab", *["down"] * downs, "enter")
            await settle(app, pilot)
        m = app.meeting
        assert len(m.participants) == 8
        ids = {p.name: p.id for p in m.participants}
        assert m.participant(ids["Sophie Mertens"]).kind is ParticipantKind.FACILITATOR
        assert m.participant(ids["Anne Leroy"]).kind is ParticipantKind.NETWORK

        await pilot.press("f4")  # live: the speaker chosen by typing (ctrl+o, the first field)
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        await _type(pilot, "mar")
        await pilot.press("enter")
        await settle(app, pilot)
        await _type(pilot, "Bonjour")
        await pilot.press("enter")
        await settle(app, pilot)
        assert m.contributions[-1].speaker_id == ids["Marc Dubois"]

        await pilot.press("f7")  # an action: carrier, a supporter, who checks
        await settle(app, pilot)
        await _type(pilot, "Dossier")
        await pilot.press("tab")
        await _type(pilot, "son")  # Sonia, not Sophie
        await pilot.press("tab", "tab", "tab")  # the label, the deadline, the supporters
        await _type(pilot, "er")
        await pilot.press("space", "tab")  # Éric ticked
        await pilot.pause(1.1)  # a pause: the next letters are a new search
        await _type(pilot, "ce")
        await pilot.press("enter")  # Enter on the closed drop-down saves
        await settle(app, pilot)
        action = m.actions[-1]
        assert (action.carrier_id, action.supporters, action.checker_id) == (
            ids["Sonia Piron"], [ids["Éric Blanc"]], ids["Céline Renard"])

        await pilot.press("ctrl+l")  # a step in progress: its carrier proposed, then typed
        await settle(app, pilot)
        await _type(pilot, "Bail")
        await pilot.press("tab")
        await _type(pilot, "ann")  # Anne, not Ana
        await pilot.press("tab")
        await _type(pilot, "lo")  # the life domain: logement
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog) is False, screen_text(app)
        assert m.steps[-1].carrier_id == ids["Anne Leroy"]

        await pilot.press("f6", "n")  # the next meeting: who to invite, ticked by typing
        await settle(app, pilot)
        await pilot.press("tab", "tab", "tab")
        for start in ("soph", "ana"):
            await _type(pilot, start)
            await pilot.press("space")
            await pilot.pause(1.1)
        await pilot.press("enter")
        await settle(app, pilot)
        assert sorted(m.next_meeting.invitees) == sorted([ids["Sophie Mertens"], ids["Ana Costa"]])

    saved = store.load_meeting(path)  # what the file holds
    names = {p.id: p.name for p in saved.participants}
    assert len(saved.participants) == 8
    assert names[saved.contributions[-1].speaker_id] == "Marc Dubois"
    assert names[saved.actions[-1].carrier_id] == "Sonia Piron"
    assert [names[s] for s in saved.actions[-1].supporters] == ["Éric Blanc"]
    assert names[saved.actions[-1].checker_id] == "Céline Renard"
    assert names[saved.steps[-1].carrier_id] == "Anne Leroy"
    assert sorted(names[i] for i in saved.next_meeting.invitees) == ["Ana Costa", "Sophie Mertens"]
    assert saved.date is None or isinstance(saved.date, dt.date)


async def test_a_burst_with_a_name_typed_into_a_drop_down_lands_in_order():
    """F7, the action's words, Tab, the start of a name, Enter: all in one burst, as a facilitator
    types when the form is known by heart. The carrier is found and the form saved with every word."""
    from test_tui_bursts import burst, wait_for

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = app.meeting
        before = len(m.actions)
        burst(app, "f7", *"appeler", "tab", *"ju", "enter")
        await wait_for(pilot, lambda: len(m.actions) == before + 1, rounds=120)
        await settle(app, pilot)
        assert [(a.what, m.name_of(a.carrier_id)) for a in m.actions[before:]] == [("appeler", "Julie Verhaegen")]
        assert not isinstance(app.screen, FormDialog)


def told(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_letters_a_list_cannot_take_are_never_dropped_without_a_word():
    """Letters typed on a closed drop-down choose by the start of a name; when nothing matches they used to
    vanish with a bell that an SSH session rarely rings (a tester typed « Julie » as the note-taker of a new
    meeting whose participants were not added yet, and saw nothing). It is said once a search."""
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7", "D", "o", "s", "tab")
        await settle(app, pilot)
        carrier = app.screen.query_one("#f-carrier_id", FindSelect)
        assert carrier.has_focus
        await pilot.press("z", "q", "w")
        await pilot.pause()
        assert carrier.value is Select.NULL
        said = [text for text in told(app) if "ne commence par" in text]
        # said at the first miss, then not again in the same search (a pause over RESET_SECONDS starts
        # another: a loaded machine may take Pilot's keys that far apart)
        assert said[0] == "Rien dans cette liste ne commence par « z »."
        assert not any("« zq" in text for text in said)

    empty = Meeting(title="Sans participants")
    app = ConcertationApp(store.create_meeting_file(empty), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2", "e")
        await settle(app, pilot)
        taker = app.screen.query_one("#f-minute_taker_id", FindSelect)
        taker.focus()
        await pilot.pause()
        await pilot.press("J", "u", "l")
        await pilot.pause()
        assert "Cette liste est encore vide : il n'y a rien à choisir." in told(app)
