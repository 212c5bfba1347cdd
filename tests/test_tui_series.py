"""The shared picture, the coordination view, the review of a follow-up and the series, driven by the
keyboard at 80x24, asserting on the screen, the saved file and the professional minute."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn
from test_tui_support import Clock, assert_steady_and_says, demo_file, flat, screen_text, settle
from textual.widgets import Select

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting, play_demo_follow_up
from concertation_tui.model import (
    ActionStatus,
    ConsentStatus,
    Domain,
    Edition,
    PictureKind,
    SeriesEnd,
    StepStatus,
)
from concertation_tui.services.templates import new_follow_up
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog
from concertation_tui.tui.screens.coordination import CoordinationScreen
from concertation_tui.tui.screens.picture import PictureScreen
from concertation_tui.tui.screens.review import ReviewScreen
from concertation_tui.tui.screens.series import SeriesScreen


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


def minute_text(meeting, edition: Edition = Edition.PROFESSIONAL) -> str:
    from concertation_tui.minute import build_minute

    document = docx.Document(io.BytesIO(build_minute(meeting, edition)))
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    return "\n".join(lines).replace("\u00a0", " ")


def person_of(meeting):
    return meeting.person


def who(meeting, start: str):
    return next(p for p in meeting.participants if p.name.startswith(start))


async def test_a_step_a_picture_line_a_scale_and_a_disagreement_by_keyboard():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = app.meeting
        item = m.agenda[3]
        assert m.progress.item_id == item.id
        nurse = who(m, "Céline")
        app.change(lambda m: setattr(m.progress, "speaker_id", nurse.id))  # Céline speaks

        # -- a step in progress, from the typing area, with the current speaker proposed -----------------
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert field(app, "carrier_id").value == nurse.id
        field(app, "what").text = "Kiné à domicile"
        field(app, "domain").value = Domain.HEALTH
        field(app, "since").value = "lundi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        step = m.steps[-1]
        assert (step.what, step.carrier_id, step.domain, step.item_id) == ("Kiné à domicile", nurse.id,
                                                                          Domain.HEALTH, item.id)
        assert step.status is StepStatus.ONGOING and step.since == "lundi"
        assert app.screen.query_one("#note").has_focus  # back to typing

        # -- the shared picture: a worry, with its voice and domain ----------------------------------------
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, PictureScreen)
        assert "Démarchesencours(5)" in flat(screen_text(app))
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert field(app, "voice_id").value == nurse.id
        field(app, "text").text = "Il mange peu le soir"
        field(app, "domains").select(Domain.HEALTH)
        await pilot.press("ctrl+s")
        await pilot.pause()
        line = m.picture[-1]
        assert (line.kind, line.text, line.voice_id, line.domains, line.item_id) == (
            PictureKind.WORRIES, "Il mange peu le soir", nurse.id, [Domain.HEALTH], item.id)
        assert "Ilmangepeulesoir" in flat(screen_text(app))

        # -- the 0-10 scale: a new question, the person first, then the round goes on ---------------------
        person = m.person
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert "tout est en place" in field(app, "question").text  # the last question is proposed
        field(app, "question").text = "0 : seul ; 10 : bien entouré"
        field(app, "voice_id").value = person.id
        field(app, "value").value = ""
        field(app, "value").focus()
        await pilot.press("7")
        field(app, "comment").text = "Georges est là"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        rating = m.scales[-1]
        assert (rating.voice_id, rating.value, rating.question, rating.comment, rating.item_id) == (
            person.id, 7, "0 : seul ; 10 : bien entouré", "Georges est là", item.id)
        # the next voice of the round is asked at once, with the same question
        assert isinstance(app.screen, FormDialog)
        assert field(app, "voice_id").value == m.round_table()[1].id
        assert field(app, "question").text == "0 : seul ; 10 : bien entouré"
        await pilot.press("escape")  # the round stops here
        await pilot.pause()
        assert isinstance(app.screen, PictureScreen)

        # -- a point of disagreement ----------------------------------------------------------------------
        await pilot.press("x")
        await pilot.pause()
        field(app, "about").text = "Le repas du soir livré ou préparé"
        picks = field(app, "between")
        picks.select(nurse.id)
        picks.select(person.id)
        field(app, "resolution").text = "On essaie une semaine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        found = m.disagreements[-1]
        assert found.about == "Le repas du soir livré ou préparé" and set(found.between) == {nurse.id, person.id}
        assert not found.settled and found.item_id == item.id
        assert "Lerepasdusoir" in flat(screen_text(app))

        # -- editing and removing from the picture ---------------------------------------------------------
        seen = app.screen.query_one("#picture-seen")
        seen.focus()
        seen.highlighted = next(n for n in range(seen.option_count)
                                if seen.get_option_at_index(n).id == f"line:{line.id}")
        await pilot.press("enter")
        await pilot.pause()
        field(app, "text").text = "Il mange peu le soir, seul"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert line.text == "Il mange peu le soir, seul"
        count = len(m.picture)
        seen.highlighted = 1  # the first line of "what is working"
        await pilot.press("delete", "left", "enter")
        await pilot.pause()
        assert len(m.picture) == count - 1

        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "live" and not isinstance(app.screen, PictureScreen)
        await settle(app, pilot)
        await pilot.press("ctrl+q")

    saved = store.load_meeting(path)
    assert any(s.what == "Kiné à domicile" and s.carrier_id == nurse.id for s in saved.steps)
    assert any(x.text == "Il mange peu le soir, seul" for x in saved.picture)
    assert any(r.question == "0 : seul ; 10 : bien entouré" and r.value == 7 for r in saved.scales)
    assert any(d.about.startswith("Le repas du soir") for d in saved.disagreements)
    text = minute_text(saved)
    for words in ("Kiné à domicile", "Il mange peu le soir, seul", "0 : seul ; 10 : bien entouré",
                  "Georges est là", "Le repas du soir livré ou préparé", "On essaie une semaine"):
        assert words in text, words
    letter = minute_text(saved, Edition.PERSON)
    # the person is a party: the letter says what about and who sees it otherwise (issue 18), never a
    # position of the nurse (an assessment)
    apart = letter[letter.index("Là où nous ne sommes pas encore d'accord"):]
    assert "Le repas du soir livré ou préparé" in apart and "Céline Renard voit les choses autrement." in apart
    assert "On essaie une semaine" in letter  # what was agreed is


def set_radio(app, name: str, index: int) -> None:
    buttons = list(field(app, name).query("RadioButton"))
    buttons[index].value = True


async def test_a_follow_up_from_the_launcher_through_the_review_to_the_closure():
    previous = demo_file()
    before = previous.read_bytes()
    clock = Clock()
    app = ConcertationApp(None, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "enter")  # a follow-up of the demo, on the date planned at its close
        await settle(app, pilot)
        m = app.meeting
        path = app.path
        assert m.is_follow_up and app.current_mode == "open" and path != previous
        assert m.consent.needs_confirmation
        assert "àconfirmer" in flat(screen_text(app))

        # -- the opening: the carried consent is read with the person and confirmed ---------------------------
        await pilot.press("c")
        await pilot.pause()
        assert "Portée" in screen_text(app) and "revenus et dettes" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not m.consent.needs_confirmation and m.consent.date == m.date  # confirmed at this meeting
        assert m.consent.status is ConsentStatus.PARTIAL  # unchanged, only confirmed
        app.change(lambda m: [setattr(p, "attendance", type(p.attendance)("present")) for p in m.participants])

        # -- the live step opens on the review of the previous actions, before anything else ---------------------
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "reporté de la réunion du 23 novembre 2026" in text
        assert "0/7 revues" in text
        carried = [a for a in m.actions if a.carried_from is not None]
        assert len(carried) == 7

        async def words(text: str | None) -> None:
            assert isinstance(app.screen, FormDialog)  # what changed for the person, in their words
            if text is None:
                await pilot.press("escape")
            else:
                field(app, "text").text = text
                await pilot.press("enter")

        await pilot.press("f")
        await words("La même dame vient tous les matins")
        await pilot.press("c")
        await words("")
        await pilot.press("a")  # dropped: the reason is required
        await pilot.press("enter")  # empty: refused, asked again
        assert isinstance(app.screen, FormDialog) and carried[2].status is ActionStatus.PLANNED
        field(app, "text").value = "Il a payé lui-même"
        await pilot.press("enter")
        await words("Je vous l'avais dit")
        await pilot.press("p")  # not done: why, if known
        field(app, "text").value = "Pas encore de date"
        await pilot.press("enter")
        await words(None)  # Escape: nothing said, the action is still reviewed

        statuses = [a.status for a in carried[:4]]
        assert statuses == [ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.DROPPED, ActionStatus.NOT_DONE]
        assert all(a.reviewed for a in carried[:4]) and not any(a.reviewed for a in carried[4:])
        assert carried[0].change_for_person == "La même dame vient tous les matins"
        assert carried[2].status_reason == "Il a payé lui-même" and carried[2].change_for_person
        assert carried[3].status_reason == "Pas encore de date"
        table = app.screen.query_one("#review-table")
        assert table.current_key() == carried[4].id  # on to the next one not reviewed yet
        app.change(lambda m: [setattr(a, "reviewed", True) for a in carried[4:]])  # the rest, quicker
        await pilot.pause()
        assert "7/7 revues" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "live" and not isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+f")  # the review stays at hand
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()

        # -- the close of a follow-up asks whether the network is still needed ------------------------------------
        await pilot.press("f6")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert "Le réseau est-il encore utile" in screen_text(app)
        set_radio(app, "reason", 1)  # goals reached
        field(app, "note").text = "Il vit chez lui avec ses aides"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert m.series.closed_on == m.date == dt.date(2026, 12, 28)
        assert m.series.closed_reason is SeriesEnd.GOALS_REACHED
        assert "Sérieclôturéele28/12/2026" in flat(screen_text(app))
        await settle(app, pilot)
        await pilot.press("ctrl+q")

    assert previous.read_bytes() == before  # the previous meeting is never changed
    saved = store.load_meeting(path)
    assert saved.series.closed_reason is SeriesEnd.GOALS_REACHED and saved.series.closed_note
    assert [a.reviewed for a in saved.actions if a.carried_from] == [True] * 7
    text = minute_text(saved)
    assert "Suivi des actions de la réunion précédente" in text
    for words in ("La même dame vient tous les matins", "Il a payé lui-même", "Pas encore de date",
                  "Je vous l'avais dit", "Fin de la série de réunions", "objectifs atteints"):
        assert words in text, words

    # -- back in the launcher: the series is closed, a follow-up says it reopens it ---------------------------------
    again = ConcertationApp(None, clock=Clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        shown = flat(screen_text(again))
        assert "sérieclôturéele28/12/2026" in shown and "└" in shown
        await pilot.press("down", "s")  # the first meeting chosen: the follow-up continues from the newest
        await pilot.pause()
        text = flat(screen_text(again))
        assert "lan°2" in text and "rouvre" in text
        await pilot.press("escape")
        await pilot.pause()


async def test_the_coordination_view_flags_the_demo_contradiction_and_acts_on_it():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = app.meeting
        item = m.agenda[3]
        home_help, hospital = who(m, "Nadia"), who(m, "Julie")
        from concertation_tui.tui.commands import MeetingCommands

        names = [name for name, _, _ in MeetingCommands(app.screen)._commands()]
        for words in ("Coordination", "Tableau partagé", "Démarche en cours"):
            assert words in names, words  # every key is also in the command palette
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, CoordinationScreen)
        names = [name for name, _, _ in MeetingCommands(app.screen)._commands()]
        assert "Désaccord" in names and "Action de coordination" in names
        text = flat(screen_text(app))
        assert "⇄Logement:plusieursservicesagissent" in text
        assert "Aidefamilialeportéeàcinqmatinées" in text and "Demanded'admissionenmaisonderepos" in text

        # x: a point of disagreement on this flag, the services and the steps proposed
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert {home_help.id, hospital.id} <= set(field(app, "between").selected)
        assert "Aide familiale" in field(app, "about").text and "maison de repos" in field(app, "about").text
        await pilot.press("ctrl+s")
        await pilot.pause()
        found = m.disagreements[-1]
        assert found.domains == [Domain.HOUSING] and found.item_id == item.id
        assert isinstance(app.screen, CoordinationScreen)

        # a: an action to coordinate, on the current item; its one carrier is chosen
        await pilot.press("a")
        await pilot.pause()
        assert "logement" in field(app, "what").text
        carrier = field(app, "carrier_id")
        assert isinstance(carrier, Select)
        carrier.value = home_help.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        action = m.actions[-1]
        assert action.carrier_id == home_help.id and action.item_id == item.id
        assert action.domains == [Domain.HOUSING] and hospital.id in action.supporters

        # the grid: domains x who acts, in words and letters
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(app)
        assert "⇄ logement" in text and "d1 a" in text
        # what each recipient will learn, and what goes beyond the person's consent
        await pilot.press("3")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Compterenducommun" in text
        recipients = app.screen.query_one("#recipients")
        prompts = [str(recipients.get_option_at_index(n).prompt) for n in range(recipients.option_count)]
        assert any(p.startswith("Copie de Céline Renard") for p in prompts)
        assert any("hors de la copie de : Nadia El Amrani" in p for p in prompts)  # what the consent keeps out
        debts = next(n for n, p in enumerate(prompts) if "340 euros" in p)
        recipients.highlighted = debts
        await pilot.press("enter")  # the note opens: its visibility can be cut back
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and field(app, "visibility") is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f10")  # the same key goes back
        await pilot.pause()
        assert app.current_mode == "live" and not isinstance(app.screen, CoordinationScreen)
        await pilot.press("f7")  # a dialog is open: F10 waits
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await settle(app, pilot)
    saved = store.load_meeting(path)
    assert saved.disagreements[-1].domains == [Domain.HOUSING]
    assert saved.actions[-1].carrier_id == home_help.id


# -- snapshots of the coordination and series views ----------------------------------------------------------

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


def three_meetings():
    """The demo's first meeting, its held follow-up, and a third one with the scale asked again."""
    first = demo_meeting()
    first_path = store.create_meeting_file(first)
    second = play_demo_follow_up(new_follow_up(first, first_path))
    second_path = store.create_meeting_file(second)
    third = play_demo_follow_up(new_follow_up(second, second_path))
    third.actions = [a for a in third.actions if a.carried_from or "Marcel" not in a.what]  # added at n°2
    for rating, value in zip(third.scales, (9, 7, 8)):
        rating.value = value
    third.next_meeting.date = dt.date(2027, 4, 19)
    return store.create_meeting_file(third)


async def test_the_series_view_shows_the_scale_across_three_meetings_and_opens_a_meeting():
    three_meetings()
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("h")  # from the launcher, on the newest meeting
        await pilot.pause()
        assert isinstance(app.screen, SeriesScreen)
        text = screen_text(app)
        person = next(line for line in text.splitlines() if "Joseph Lambert" in line)
        assert "n°1 ███████░░░  7" in person and "n°3 █████████░  9 ↑" in person
        assert "3 réunions" in text
        await pilot.press("up", "up", "enter")  # the first meeting of the series opens
        await settle(app, pilot)
        assert app.meeting is not None and app.meeting.series.number == 1
        assert app.current_mode == "live"


def press(keys: list[str], says: tuple[str, ...] = ()):
    async def run(pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot.app, pilot)
        assert_steady_and_says(pilot.app, *says)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_series_view(snap_compare, size):
    app = ConcertationApp(three_meetings(), clock=Clock())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=press(["h"], (
        "Les réunions", "22/02/2027", "L'échelle de 0 à 10 au fil des réunions", "Joseph Lambert")))


@pytest.mark.parametrize("size", SIZES)
def test_coordination_view(snap_compare, size):
    app = ConcertationApp(demo_file(), clock=Clock())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=press(["f10"], (
        "Coordination : domaines de vie et qui agit", "Logement : plusieurs services agissent")))


@pytest.mark.parametrize("size", SIZES)
def test_shared_picture_view(snap_compare, size):
    app = ConcertationApp(demo_file(), clock=Clock())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=press(["ctrl+g"], (
        "Ce que nous voyons ensemble", "Ce qui va bien (2)", "Démarches en cours (4)")))


async def test_names_and_notes_with_markup_show_as_typed_in_the_views():
    odd = "Jean [Dupont] [/] [@click=app.quit]"
    path = demo_file()
    meeting = store.load_meeting(path)
    meeting.participants[2].name = odd  # the home-help service's worker
    meeting.steps[0].what = "Aide [b]renforcée[/b] [/]"
    store.write_private(path, store.serialize(meeting))
    app = ConcertationApp(path, clock=Clock())

    def prompts(selector: str) -> str:
        found = app.screen.query_one(selector)
        return "\n".join(str(found.get_option_at_index(n).prompt) for n in range(found.option_count))

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        acts = prompts("#picture-acts")
        assert f"{odd} · logement : Aide [b]renforcée[/b] [/]" in acts
        assert "[b]renforcée[/b]" in flat(screen_text(app))  # drawn as typed, not bold
        await pilot.press("escape", "f10")
        await pilot.pause()
        assert isinstance(app.screen, CoordinationScreen)
        flags_text = prompts("#flags")
        assert f"({odd}, " in flags_text and "« Aide [b]renforcée[/b] [/] »" in flags_text
        await pilot.press("2")
        await pilot.pause()
        assert "J. [Dupont] [/] …" in screen_text(app)  # the grid's column header, cut to its width
        assert app.is_running


async def test_writing_keys_and_step_keys_leave_the_review_rather_than_feed_its_letters():
    """The live step of a follow-up opens on the review of the previous actions. A facilitator who presses
    F7 there and types the action at once used to see nothing open, then her words taken as the review's
    one-letter keys (« r » marked an action reviewed, « a » asked why it was dropped). F7 and F9 now close
    the view and open their form over the live step, the step keys leave the view."""
    demo_file()
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "enter")  # a follow-up of the demo
        await settle(app, pilot)
        m = app.meeting
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        carried = [(a.status, a.reviewed) for a in m.actions if a.carried_from is not None]

        words = "Organiser une aide à la toilette"
        await pilot.press("f7", *[c if c != " " else "space" for c in words])  # one burst, no pause
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog) and "Nouvelle action" in screen_text(app)
        assert field(app, "what").text == words
        assert [(a.status, a.reviewed) for a in m.actions if a.carried_from is not None] == carried
        field(app, "what").text = ""  # nothing typed left: Escape closes without asking
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.current_mode == "live" and not isinstance(app.screen, (ReviewScreen, FormDialog))

        await pilot.press("ctrl+f", "f9")  # the person's words, from the review
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog) and "Ses mots" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("ctrl+f", "f5")  # a step key leaves the view for that step
        await settle(app, pilot)
        assert app.current_mode == "actions" and not isinstance(app.screen, ReviewScreen)
        await pilot.press("f4")
        await settle(app, pilot)
        assert app.current_mode == "live" and not isinstance(app.screen, ReviewScreen)  # not left behind
        await pilot.press("ctrl+f", "f4")  # F4 over the live step's own view: back to the step
        await settle(app, pilot)
        assert app.current_mode == "live" and not isinstance(app.screen, ReviewScreen)

        await pilot.press("f5", "r")  # the review over the actions step, which has no F7 of its own
        await settle(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f7", *[c if c != " " else "space" for c in words])
        await settle(app, pilot)
        assert app.current_mode == "actions" and isinstance(app.screen, FormDialog)
        assert field(app, "what").text == words
        field(app, "what").text = ""
        await pilot.press("escape")
        await settle(app, pilot)
        assert [(a.status, a.reviewed) for a in m.actions if a.carried_from is not None] == carried
