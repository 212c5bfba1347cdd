"""What a newcomer ran into in a whole live meeting at 80x24 (issue 18, the second trial): the person's
words (F9) never move the round on, typing in a table finds a name, people in one order everywhere."""

from __future__ import annotations

import json

from meeting_at_80x24 import meeting_8x10
from test_tui_support import Clock, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import ParticipantKind
from concertation_tui.tui.app import ConcertationApp


async def done(app, pilot) -> None:
    await settle(app, pilot)
    await settle(app, pilot)


def saved(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


async def test_the_persons_words_f9_leave_the_speaker_where_the_round_was():
    """Nobody chosen yet on the item: the speaker shown is the first who has not spoken, the person.
    F9 (her words) makes her « spoken »; the next line typed must still be hers, not the next one's."""
    m = meeting_8x10()
    item = m.agenda[1]
    m.progress.item_id = item.id
    m.progress.speaker_id = ""
    m.contributions = [c for c in m.contributions if c.item_id != item.id]
    m.person_views = [v for v in m.person_views if v.item_id != item.id]
    person = m.person
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        assert app.screen.speaker().id == person.id
        await pilot.press("f9")
        await done(app, pilot)
        await pilot.press(*"Je veux rester chez moi")
        await pilot.press("enter")
        await done(app, pilot)
        assert app.screen.speaker().id == person.id
        await pilot.press(*"Et ma fille aussi")
        await pilot.press("enter")
        await done(app, pilot)
        views = [v["text"] for v in saved(path)["person_views"] if v["item_id"] == item.id]
        assert views == ["Je veux rester chez moi", "Et ma fille aussi"]
        said = [c for c in saved(path)["contributions"] if c["item_id"] == item.id]
        assert said == []
        name = person.addressed_as or person.name
        assert any(name in line and "Entrée" not in line for line in screen_text(app).splitlines()[-6:])


async def test_typing_a_name_in_the_participants_table_finds_it_and_runs_no_command():
    """F2 Participants: « / » then « is » goes to Isabelle; « a » does not open « Ajouter »; Enter then
    opens the row found (her form), with nothing typed into any field."""
    path = store.create_meeting_file(meeting_8x10())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f2")
        await done(app, pilot)
        await pilot.press("2")
        await done(app, pilot)
        assert "/ Chercher" in screen_text(app).splitlines()[-1]
        before = saved(path)["participants"]
        await pilot.press("slash", "a", "n")
        await done(app, pilot)
        assert app.screen.query_one("#participants").finding
        assert "Chercher : an" in screen_text(app)
        assert not app.screen.is_modal  # « a » added nobody
        table = app.screen.query_one("#participants")
        assert table.current_key() == next(p.id for p in app.meeting.participants if p.name == "Nadia El Amrani")
        await pilot.press("escape", "slash", "i", "s")
        await done(app, pilot)
        isabelle = next(p for p in app.meeting.participants if p.name.startswith("Isabelle"))
        assert table.current_key() == isabelle.id
        await pilot.press("enter")
        await done(app, pilot)
        assert app.screen.is_modal
        assert flat("Isabelle Lambert") in flat(screen_text(app))
        await pilot.press("escape")
        await done(app, pilot)
        assert saved(path)["participants"] == before


async def test_after_editing_a_note_from_the_list_the_focus_is_back_on_that_list():
    """F4: Escape to the lists, to « Dit sur ce point », Enter edits a note, Enter saves: the focus is on
    that list again, on that note (Down goes to the next note), not on the typing line."""
    m = meeting_8x10()
    item = next(i for i in m.agenda if len(m.contributions_on(i.id)) >= 2)
    m.progress.item_id = item.id
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        said = app.screen.query_one("#said")
        said.focus()
        said.highlighted = 0
        await done(app, pilot)
        first = said.current_id()
        await pilot.press("enter")
        await done(app, pilot)
        assert app.screen.is_modal
        await pilot.press("enter")  # saves the form as it is
        await done(app, pilot)
        assert not app.screen.is_modal
        assert app.focused is app.screen.query_one("#said")
        assert said.current_id() == first
        await pilot.press("down", "enter")
        await done(app, pilot)
        assert app.screen.is_modal  # the next note's form, not a note typed
        await pilot.press("escape")
        await done(app, pilot)
        assert app.focused is said


def test_the_minute_lists_those_to_invite_in_the_order_of_every_list_not_as_ticked():
    from test_minute import body_text, open_docx

    from concertation_tui.minute import build_minute
    from concertation_tui.model import Edition
    from concertation_tui.model.people_order import everyone_in_order

    m = meeting_8x10()
    order = [p for p in everyone_in_order(m) if p.attendance.value != "absent"]
    m.next_meeting.invitees = [p.id for p in reversed(order)]  # ticked from the bottom up
    text = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL)))
    line = next(x for x in text.splitlines() if x.startswith("À inviter"))
    places = [line.index(p.name) for p in order if p.name in line]
    assert len(places) >= 6 and places == sorted(places), line


async def test_people_come_in_one_order_in_the_participants_table_and_the_next_meetings_invitees():
    """F2's table lists the excused at their place (as F3 and every form do), not after everyone; F6
    prints those to invite in that order, not in the order they were ticked."""
    from concertation_tui.model.people_order import everyone_in_order

    m = meeting_8x10()
    m.speaking_order = []
    m.next_meeting.invitees = [p.id for p in reversed(everyone_in_order(m))]
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        expected = [p.id for p in everyone_in_order(app.meeting)]
        await pilot.press("f2")
        await done(app, pilot)
        await pilot.press("2")
        await done(app, pilot)
        table = app.screen.query_one("#participants")
        keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        assert keys == expected
        await pilot.press("f6")
        await done(app, pilot)
        names = [app.meeting.participant(pid).name for pid in expected]
        line = next(x for x in flat(screen_text(app)).split("Quiinviter:")[1:2])
        places = [line.index(flat(n)) for n in names if flat(n) in line]
        assert len(places) >= 3 and places == sorted(places), line


async def test_f4_at_80x24_shows_two_notes_the_whole_first_line_and_the_items_title_marked_when_cut():
    """« Dit sur ce point » has room for four lines (two notes); an item over time keeps its title on
    screen, cut with « … » when longer than the bar; the meeting's clock writes both times alike."""
    m = meeting_8x10()
    item = m.agenda[1]
    item.title = "Les dettes : plan de paiement et contribution de Mme Peeters au loyer"
    m.progress.item_id = item.id
    path = store.create_meeting_file(m)
    clock = Clock()
    app = ConcertationApp(path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        app.screen.tick()
        await done(app, pilot)
        lines = screen_text(app).splitlines()
        said = app.meeting.contributions_on(item.id)
        assert len(said) >= 2
        assert item.timebox_minutes * 60 < item.elapsed_seconds(clock())  # over time
        assert "Les dettes : plan de paiement" in lines[2] and "…" in lines[2]
        assert "▲ +" in lines[1]
        box = [n for n, line in enumerate(lines) if "Dit sur ce point" in line][0]
        assert sum(1 for line in lines[box + 1:] if line.startswith("│")) >= 4
        assert "Réunion 1:09:00 / 1:30:00" in lines[1] or "Réunion 0:" in lines[1] or "/ 1:30:00" in lines[1]
        assert lines[-2].startswith("█ ") and lines[-1].lstrip().startswith("^n")  # no blank row between


def test_the_meetings_clock_writes_elapsed_and_planned_alike():
    from concertation_tui.services.display import clock_pair

    assert clock_pair(169, 7200) == ("0:02:49", "2:00:00")
    assert clock_pair(169, 1800) == ("02:49", "30:00")


async def test_f3_marks_the_one_on_the_row_and_shows_what_the_excused_sent_whole_at_80x24():
    """F3's rows come in the order of every list: the key pressed on a row changes the one that row
    names (not whoever sits at that place in the file); the excused's reason, « écrit reçu » and
    « message » are on screen whole (wrapped), the rule's keys whole."""
    from concertation_tui.model.people_order import everyone_in_order

    m = meeting_8x10()
    m.speaking_order = []
    excused = next(p for p in m.participants if p.attendance.value == "excused")
    excused.absence_reason = "en formation ce jour-là toute la journée"
    excused.written_contribution = True
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f3")
        await done(app, pilot)
        order = everyone_in_order(app.meeting)
        assert [p.id for p in order] != [p.id for p in app.meeting.participants]  # the case that went wrong
        row = next(n for n, (a, b) in enumerate(zip(order, app.meeting.participants)) if a.id != b.id)
        table = app.screen.query_one("#attendance")
        table.focus()
        table.keep_row(row)
        await pilot.press("a")
        await done(app, pilot)
        people = {p["id"]: p for p in saved(path)["participants"]}
        assert people[order[row].id]["attendance"] == "absent", order[row].name
        assert sum(1 for p in people.values() if p["attendance"] == "absent") == 1
        if app.screen.is_modal:  # the reason asked for: none given
            await pilot.press("escape")
            await done(app, pilot)
        text = screen_text(app)
        for words in ("toute la journée", "écrit reçu", "message"):
            assert words in text, words
        assert "r raison · w écrit" in text or "w écrit" in text
        assert "…" not in "".join(line for line in text.splitlines() if "Présences" in line)


def test_at_80_columns_a_check_to_fix_keeps_its_problem_and_remedy_whole():
    """A check quoting a long action: the quote shrinks, the problem and what to do stay; a sentence too
    long for one line goes on two rather than end in « … »."""
    from concertation_tui.model.checks import Finding, Level
    from concertation_tui.tui.screens.actions import finding_prompt

    what = "Organiser le retour en classe les matinées et faire le point chaque vendredi avec Océane"
    line = finding_prompt(Finding("action_no_due", Level.ERROR, "action", "x", {"what": what}), "fr",
                          short=True, width=72).plain
    assert line.startswith("!! ") and "\n" not in line and len(line) <= 75
    assert line.endswith("pas d'échéance, fixez une date."), line
    long = finding_prompt(Finding("minute_reader_not_agreed", Level.ERROR, "participant", "x",
                                  {"name": "Sophie Janssens"}), "fr", short=True, width=72).plain
    assert "…" not in long.split("\n")[0] and "Sophie Janssens est sur la liste" in long
    assert all(len(x) <= 77 for x in long.split("\n")) and long.count("\n") == 1


async def test_f5_at_80x24_shows_the_errors_whole():
    m = meeting_8x10()
    action = m.actions[0]
    action.what = "Organiser le retour en classe les matinées et faire le point chaque vendredi avec la famille"
    action.carrier_id = ""
    action.carrier_label = ""
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f5")
        await done(app, pilot)
        text = flat(screen_text(app))
        assert "pasdeporteur,choisissez-enun." in text, screen_text(app)


async def test_f12_the_last_word_shows_no_check_about_another_of_the_persons_notes():
    from concertation_tui.model import ConsentStatus, Domain, DomainSharing
    from concertation_tui.model.meeting import DomainConsent as DomainRule

    m = meeting_8x10()
    m.last_word = "Je veux rester chez moi avec mon chat."
    view = m.person_views[0]
    view.text = "Les matinées, ça va. Mais pas le kiné du mardi."
    view.domains = [Domain.HEALTH]
    m.consent.status = ConsentStatus.PARTIAL
    m.consent.domains = [DomainRule(domain=Domain.HEALTH, sharing=DomainSharing.NONE)]
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f12")
        await done(app, pilot)
        screen = app.screen
        about_view = [f for f in screen.findings if f.target == "person_view" and f.target_id == view.id]
        assert about_view  # the check about that one note exists...
        entry = next(e for e in screen.entries if e.kind == "last_word")
        content, _flags = screen._content(app.meeting, entry, {})
        assert "mon chat" in content.plain
        assert "kiné du mardi" not in content.plain  # ...and is not shown under the last word


async def test_a_new_meeting_in_french_offers_the_french_templates_only():
    app = ConcertationApp(None, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("n")
        await done(app, pilot)
        text = flat(screen_text(app))
        assert flat("Première réunion de concertation") in text
        assert "Eerste" not in text and "Opvolgoverleg" not in text


def test_the_templates_of_a_language_are_offered_and_all_when_none_is_in_it():
    from concertation_tui.services.templates import templates_for

    assert set(templates_for("fr")) == {"premiere-reunion", "reunion-de-suivi"}
    assert set(templates_for("nl")) == {"eerste-overleg", "opvolgoverleg"}
    assert {"premiere-reunion", "eerste-overleg"} <= set(templates_for("en"))


async def test_the_meetings_details_open_on_the_question_when_only_the_title_is_written():
    m = meeting_8x10()
    m.purpose = ""
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f2")
        await done(app, pilot)
        await pilot.press("1")
        await done(app, pilot)
        await pilot.press("e")
        await done(app, pilot)
        await pilot.press(*"Comment rester chez soi ?")
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert saved(path)["title"] == m.title
        assert saved(path)["purpose"] == "Comment rester chez soi ?"


async def test_a_present_participants_form_asks_no_reason_for_absence_and_keeps_what_was_saved():
    m = meeting_8x10()
    present = next(p for p in m.participants if p.attendance.value == "present" and p.kind.value == "partner")
    present.absence_reason = "gardé d'avant"
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f2")
        await done(app, pilot)
        await pilot.press("2")
        await done(app, pilot)
        table = app.screen.query_one("#participants")
        table.keep_row(table.row_of(present.id))
        await pilot.press("e")
        await done(app, pilot)
        assert app.screen.is_modal
        names = {w.id for w in app.screen.query("#form > *") if w.id}
        assert "f-name" in names and "f-absence_reason" not in names and "f-written_contribution" not in names
        await pilot.press("ctrl+s")
        await done(app, pilot)
        saved_p = next(p for p in saved(path)["participants"] if p["id"] == present.id)
        assert saved_p["absence_reason"] == "gardé d'avant"


def test_the_words_a_newcomer_stumbled_on_are_written_around():
    from concertation_tui.i18n import t

    assert "·" not in t("tui.col.offer", "fr") and " ou il " not in t("tui.close.no_last_word", "fr", name="Océane")
    assert t("tui.close.derived", "fr") == "à confirmer"
    question = t("tui.form.discard_question", "fr")
    assert "Échap ou Entrée sur « Non »" in question and "o : oui" not in question  # no letter answers it


async def test_an_excused_partner_is_no_longer_to_read_once_their_turn_went_by():
    m = meeting_8x10()
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        doctor = next(p for p in app.meeting.participants if p.attendance.value == "excused")
        app.screen._set_speaker(doctor.id)
        await done(app, pilot)
        row = next(x for x in screen_text(app).splitlines() if doctor.name in x and "excusé" in x)
        assert "à lire" in row
        await pilot.press("ctrl+n")
        await done(app, pilot)
        row = next(x for x in screen_text(app).splitlines() if doctor.name in x and "excusé" in x)
        assert "à lire" not in row and "lu" in row


async def test_a_toast_on_the_shared_board_leaves_its_title_visible():
    path = store.create_meeting_file(meeting_8x10())
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await done(app, pilot)
        await pilot.press("ctrl+g")
        await done(app, pilot)
        before = screen_text(app).splitlines()[:3]
        app.say("Désaccord noté : Le retour à domicile")
        await done(app, pilot)
        lines = screen_text(app).splitlines()
        assert "Désaccord noté" in "\n".join(lines)
        assert lines[:3] == before  # the view's bar and its boxes' titles are not covered


async def test_f6_at_80x24_shows_more_item_outcomes_and_where_a_question_came_from_whole():
    m = meeting_8x10()
    last = m.agenda[-1]
    last.title = "Ce que nous décidons et la prochaine réunion avec la famille"
    m.open_questions[0].item_id = last.id if m.open_questions else ""
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        await pilot.press("f6")
        await done(app, pilot)
        text = screen_text(app)
        shown = [n for n in range(1, 11) if any(line.split("│")[-1].strip().startswith(f"{n}. ") or
                                                 f" {n}. " in line[38:] for line in text.splitlines())]
        assert len(shown) >= 3, text
        assert "Résultats des points (? à confirmer)" in text
        if m.open_questions:
            assert "(point 10)" in text and "la prochaine ré…" not in text


async def test_with_no_agenda_item_the_round_does_not_say_everyone_has_spoken():
    """A meeting opened on F4 before any item exists: the rows say « pas encore », so the round's subtitle
    must not say « tout le monde a parlé » (it counted the speakers of no item as none waiting)."""
    import datetime as dt

    from concertation_tui.i18n import t
    from concertation_tui.model import Participant
    from concertation_tui.services.templates import new_meeting

    m = new_meeting("Sans ordre du jour", dt.date(2026, 12, 7), "fr", "Léa Martin")
    m.participants.append(Participant(name="Paul Dupont"))
    app = ConcertationApp(store.create_meeting_file(m), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        assert "Paul Dupont" in screen_text(app)
        assert t("tui.live.all_spoken", "fr") not in screen_text(app)


async def test_the_persons_words_said_outside_any_item_are_shown_apart():
    """The demo at 160x45, on its last item: nothing said there yet by the person, then her words said
    outside any item. They were listed right under « Rien encore sur ce point », read as said here."""
    from test_tui_support import demo_file

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await done(app, pilot)
        text = flat(screen_text(app))
        assert [v for v in app.meeting.person_views if not v.item_id]
        heading = flat("En général, hors des points :")
        assert heading in text
        assert text.index(flat("Rien encore sur ce point")) < text.index(heading) < text.index(flat("Le matin ça va"))


async def test_a_restricted_note_keeps_its_words_off_the_shared_screen_until_the_facilitator_says_so():
    """The demo's excused doctor sent a note on his depressed mood, kept for the nurse. The live step, on
    the projector, showed it whole to the daughter and the neighbour. Its words stay hidden now, as on the
    room's screen; Enter asks before showing them (No by default)."""
    from concertation_tui.model import VisibilityKind
    from concertation_tui.services.demo import demo_meeting
    from concertation_tui.tui.dialogs.forms import Confirm, FormDialog
    from concertation_tui.tui.screens.picture import line_prompt

    m = demo_meeting()
    secret = next(c for c in m.contributions if c.visibility.kind is VisibilityKind.RESTRICTED)
    m.progress.item_id = secret.item_id
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await done(app, pilot)
        text = flat(screen_text(app))
        assert flat("humeur dépressive") not in text
        assert flat("(note réservée : Entrée pour l'afficher)") in text and flat("restreint : Céline Renard") in text
        assert flat("Passage infirmier chaque matin") in text  # the others as before
        said = app.screen.query_one("#said")
        said.focus()
        said.highlighted = next(n for n in range(said.option_count) if said.get_option_at_index(n).id == secret.id)
        await pilot.press("enter")
        await done(app, pilot)
        assert isinstance(app.screen, Confirm)
        assert flat("réservée à Céline Renard") in flat(screen_text(app))
        assert flat("humeur dépressive") not in flat(screen_text(app))
        await pilot.press("enter")  # No is focused: nothing shown
        await done(app, pilot)
        assert not isinstance(app.screen, (Confirm, FormDialog))
        assert flat("humeur dépressive") not in flat(screen_text(app))
        await pilot.press("enter", "left", "enter")  # said so (« Oui » chosen, no letter): the form shows the words
        await done(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert flat("humeur dépressive") in flat(screen_text(app))
        await pilot.press("escape")
        await done(app, pilot)

    line = m.picture[0]  # the shared picture, shown to the room too
    assert line.text in line_prompt(m, line).plain
    line.visibility.kind = VisibilityKind.RESTRICTED
    assert line.text not in line_prompt(m, line).plain and "réservée" in line_prompt(m, line).plain
