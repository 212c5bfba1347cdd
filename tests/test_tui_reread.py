"""The rereading step: the demo opened from the launcher the morning after, notes corrected, the person's
words corrected with a record, the writing helper's hints, the consent per life domain, the preview of
each copy, and issuing (version 1, then a correction as version 2) from the interface."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

import pytest
from test_tui_support import START, Clock, assert_steady_and_says, demo_file, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import ConsentStatus, Domain, DomainSharing, VisibilityKind
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.consent_forms import DomainConsentDialog
from concertation_tui.tui.dialogs.forms import Confirm, FormDialog, Notice
from concertation_tui.tui.dialogs.issue_forms import ConflictsDialog
from concertation_tui.tui.screens.preview import PreviewScreen
from concertation_tui.tui.screens.reread import RereadScreen

MORNING_AFTER = START + dt.timedelta(hours=18)


def every_part(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


async def done(app, pilot) -> None:
    """Workers finished, their results on screen, the save written."""
    await settle(app, pilot)
    await settle(app, pilot)


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


def by_name(meeting, name: str):
    return next(p for p in meeting.participants if p.name == name)


async def open_reread(app, pilot) -> RereadScreen:
    await done(app, pilot)
    await pilot.press("f12")
    await done(app, pilot)
    assert app.current_mode == "reread" and isinstance(app.screen, RereadScreen)
    return app.screen


async def test_from_the_launcher_to_the_rereading_step_correct_a_note_and_the_persons_words():
    path = demo_file()
    app = ConcertationApp(None, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        assert "CRàémettre·J+1" in flat(screen_text(app))  # the launcher says the minute is waiting
        await pilot.press("r")
        await done(app, pilot)
        assert app.path == path and app.current_mode == "reread"
        screen = app.screen
        assert isinstance(screen, RereadScreen)
        text = flat(screen_text(app))
        assert "[F12Relecture]" in text and "Pointsdevigilance" in text

        # -- a contribution: Enter opens the same dialog as during the meeting ---------------------------
        nadia = by_name(app.meeting, "Nadia El Amrani")
        note = next(c for c in app.meeting.contributions if c.speaker_id == nadia.id)
        screen.show_entry("contribution", note.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        field(app, "text").text = "L'aide familiale vient deux matinées par semaine (ménage, courses)."
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert note.text == "L'aide familiale vient deux matinées par semaine (ménage, courses)."
        assert app.meeting.revisions == []  # a partner's note: no confirmation, no record

        # -- the person's words: asked first, the earlier words kept -------------------------------------
        view = app.meeting.person_views[0]
        before = view.text
        screen.show_entry("person_view", view.id)
        await pilot.press("enter")
        await pilot.pause()
        field(app, "text").text = "Je veux rester chez moi. C'est ma maison depuis cinquante ans."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Avant" in screen_text(app) and "Après" in screen_text(app)
        await pilot.press("enter")
        await done(app, pilot)
        assert view.text == "Je veux rester chez moi. C'est ma maison depuis cinquante ans."
        assert "corrigé le 24/11/2026" in screen_text(app) or "corrigéle24/11/2026" in flat(screen_text(app))

        # -- refusing keeps the words and saves the rest of the form ---------------------------------------
        action = next(a for a in app.meeting.actions if a.person_words)
        words = action.person_words
        screen.show_entry("action", action.id)
        await pilot.press("e")
        await pilot.pause()
        field(app, "person_words").text = "Autre chose"
        field(app, "what").text = action.what + " (corrigé)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await done(app, pilot)
        assert action.person_words == words and action.what.endswith("(corrigé)")

    saved = store.load_meeting(path)
    corrected = next(c for c in saved.contributions if c.id == note.id)
    assert corrected.text.startswith("L'aide familiale vient deux")
    assert [(r.target, r.before, r.at) for r in saved.revisions] == [
        (f"person_views/{view.id}", before, MORNING_AFTER)]


async def test_a_hint_beside_a_judgemental_word_and_n_goes_to_it():
    meeting = demo_meeting()
    meeting.contributions[3].text = "Monsieur Lambert est manipulateur avec les aides familiales."
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reread(app, pilot)
        screen.show_entry("contribution", meeting.contributions[3].id)
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Àrelire:«manipulateur»" in text and "Unjugementsurlapersonne" in text
        # n walks the notes that have a hint or a check: the judging word is one of them
        keys = []
        for _ in range(6):
            await pilot.press("n")
            keys.append(screen.query_one("#reread-notes").current_id())
        assert f"contribution:{meeting.contributions[3].id}:{meeting.contributions[3].item_id}" in keys
        # a neutral note has no hint
        screen.show_entry("contribution", meeting.contributions[4].id)
        assert meeting.contributions[4].text.startswith("Passage infirmier")
        assert screen.flags.get(screen.query_one("#reread-notes").current_id()) is None


async def test_a_partial_consent_in_words_only_is_completed_domain_by_domain():
    meeting = demo_meeting()
    meeting.consent.domains = []  # an older file: the scope in words only
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reread(app, pilot)
        assert any(f.code == "consent_domains_missing" for f in screen.findings)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, DomainConsentDialog)
        assert "mes affaires d'argent" in screen_text(app)  # beside the person's words
        domains = app.screen.query_one("#consent-domains")
        domains.highlighted = next(i for i in range(domains.option_count)
                                   if domains.get_option_at_index(i).id == Domain.INCOME_DEBTS.value)
        await pilot.press("enter")
        await pilot.pause()
        buttons = list(field(app, "sharing").query("RadioButton"))
        buttons[2].value = True  # with the named participants
        picks = field(app, "participants")
        picks.select(by_name(app.meeting, "Sophie Mertens").id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DomainConsentDialog)
        assert "seulementavecSophieMertens" in flat(screen_text(app))
        domains.highlighted = next(i for i in range(domains.option_count)
                                   if domains.get_option_at_index(i).id == Domain.HOUSING.value)
        await pilot.press("a")  # housing: with every participant; the cursor stays on it (issue 18)
        await pilot.pause()
        assert domains.get_option_at_index(domains.highlighted).id == Domain.HOUSING.value
        await pilot.press("escape")
        await done(app, pilot)
        assert not any(f.code == "consent_domains_missing" for f in screen.findings)
    saved = store.load_meeting(path)
    assert saved.consent.status is ConsentStatus.PARTIAL
    assert [(r.domain, r.sharing, r.participants) for r in saved.consent.domains] == [
        (Domain.HOUSING, DomainSharing.ALL, []),
        (Domain.INCOME_DEBTS, DomainSharing.NAMED, [by_name(saved, "Sophie Mertens").id])]


async def test_preview_the_persons_letter_and_a_restricted_copy():
    path = demo_file()
    app = ConcertationApp(path, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reread(app, pilot)
        await pilot.press("p")
        await done(app, pilot)
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert "LettreàJosephLambert" in flat(screen_text(app))
        assert "Cequenousavonsdécidéensemble" in flat(screen_text(app))
        letter = screen.cache[screen.shown]
        assert not any(line.differs for line in letter)

        m = app.meeting
        nurse, nadia = by_name(m, "Céline Renard"), by_name(m, "Nadia El Amrani")
        recipients = screen.query_one("#preview-recipients")
        recipients.highlighted = next(n for n, o in enumerate(screen.options) if o[0] == f"pro:{nurse.id}")
        await done(app, pilot)
        lines = screen.cache[f"pro:{nurse.id}"]
        marked = [line.text for line in lines if line.differs]
        assert any("humeur dépressive" in text for text in marked)
        assert "1ligneseulementdanscettecopie" in flat(screen_text(app)) or "lignesseulementdanscettecopie" in flat(
            screen_text(app))

        # Nadia's copy leaves out the unpaid bills (income, shared with Sophie Mertens alone): named above the text
        recipients.highlighted = next(n for n, o in enumerate(screen.options) if o[0] == f"pro:{nadia.id}")
        await done(app, pilot)
        text = flat(screen_text(app))
        assert "Laisséhorsdecettecopie" in text and "Deuxfactures" in text and "horsdelacopiede:NadiaElAmrani" in text
        assert not any("Deux factures" in line.text for line in screen.cache[f"pro:{nadia.id}"])
        assert not any("humeur dépressive" in line.text for line in screen.cache[f"pro:{nadia.id}"])

        # Enter on the conflict: back to the rereading, the note's visibility alone, with the consent beside
        await pilot.press("tab", "enter")
        await done(app, pilot)
        assert isinstance(app.screen, FormDialog) and not app.screen.query("#f-nature")
        assert "« revenus et dettes » : seulement avec Sophie Mertens" in app.screen.intro
        list(field(app, "visibility").query("RadioButton"))[2].value = True  # restricted
        field(app, "recipients").select(by_name(m, "Sophie Mertens").id)
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert isinstance(app.screen, RereadScreen)
        bills = next(c for c in m.contributions if c.text.startswith("Deux factures"))
        assert bills.visibility.recipients == [by_name(m, "Sophie Mertens").id]
        await pilot.press("p")
        await done(app, pilot)
        assert "Deuxfactures" not in flat(screen_text(app))  # restricted now: no longer something left out
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RereadScreen)


async def test_issue_from_the_interface_then_a_correction_as_version_2(monkeypatch):
    monkeypatch.setattr("concertation_tui.tui.screens.issue_flow.pdf_available", lambda: False)
    meeting = demo_meeting()
    for contribution in meeting.contributions:
        if contribution.visibility.kind is VisibilityKind.ORAL_ONLY:
            contribution.text += " MARKERORAL"
        if contribution.visibility.kind is VisibilityKind.RESTRICTED:
            contribution.text += " MARKERRESTRICTED"
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reread(app, pilot)

        # -- version 1: what the consent keeps out named, then sent anyway with a reason (an override) ---------
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsDialog)
        assert "Deuxfactures" in flat(screen_text(app)) and "horsdelacopiede:NadiaElAmrani" in flat(screen_text(app))
        await pilot.press("e")  # go on
        await done(app, pilot)
        # the checks « à corriger » are listed by name, not only counted; o goes on anyway
        from concertation_tui.tui.dialogs.checks_list import ChecksList

        assert isinstance(app.screen, ChecksList)
        listed = app.screen.query_one("#checks-list")
        prompts = [str(listed.get_option_at_index(n).prompt) for n in range(listed.option_count)]
        assert len(prompts) == 2 and any("tout le monde" in p for p in prompts)  # which ones, by name
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and not app.screen.query("#f-what_changed")
        assert "LibreOfficen'estpasinstallé" in flat(screen_text(app))
        field(app, "reason").text = "Monsieur Lambert a accepté en fin de réunion que les factures soient dites."
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert isinstance(app.screen, Notice)
        assert "Version1émise" in flat(screen_text(app))
        await pilot.press("enter")
        await done(app, pilot)
        assert "Version1émisele24/11/2026" in flat(screen_text(app))

        saved = store.load_meeting(path)
        assert len(saved.distribution.issues) == 1
        first = saved.distribution.issues[0]
        assert first.at == MORNING_AFTER
        bills = next(c for c in saved.contributions if c.text.startswith("Deux factures"))
        words = next(v for v in saved.person_views if v.text.startswith("Mon argent"))
        mediation = next(a for a in saved.actions if a.what.startswith("Rencontrer le service de médiation"))
        assert {o.note_id for o in first.consent_overrides} == {bills.id, words.id, mediation.id}
        assert first.consent_overrides[0].reason.startswith("Monsieur Lambert a accepté")
        folder = path.parent / "comptes-rendus" / f"2026-11-23-{saved.id}" / "v1"
        files = sorted(folder.glob("*.docx"))
        assert len(files) == 4  # the common copy, the nurse's, the CPAS social worker's (income), the letter
        assert (folder.stat().st_mode & 0o777) == 0o700
        for file in files:
            assert (file.stat().st_mode & 0o777) == 0o600
        digests = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
        assert {(r.file_name, r.sha256) for r in first.recipients} == set(digests.items())
        nurse = by_name(saved, "Céline Renard")
        nurse_file = next(r.file_name for r in first.recipients if r.participant_id == nurse.id)
        for file in files:
            content = every_part(file)
            assert b"MARKERORAL" not in content
            assert (b"MARKERRESTRICTED" in content) == (file.name == nurse_file), file.name

        # -- a correction: the bills go to the facilitator only; what changed is asked; version 2 -------------
        view = app.meeting.person_views[1]
        screen.show_entry("picture", app.meeting.picture[0].id)
        await pilot.press("enter")
        await pilot.pause()
        field(app, "text").text = "Monsieur Lambert se lève et s'habille seul ; il prépare son petit-déjeuner."
        await pilot.press("ctrl+s")
        await done(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsDialog)
        await pilot.press("enter")  # change the note's visibility
        await done(app, pilot)
        assert isinstance(app.screen, FormDialog)
        bills = next(c for c in app.meeting.contributions if c.text.startswith("Deux factures"))
        assert screen.query_one("#reread-notes").current_id().startswith(f"contribution:{bills.id}")
        list(field(app, "visibility").query("RadioButton"))[2].value = True  # restricted
        field(app, "recipients").select(by_name(app.meeting, "Sophie Mertens").id)
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert bills.visibility.kind is VisibilityKind.RESTRICTED
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsDialog)  # his words and the mediation still stay out of most copies
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("right", "enter")  # the checks to fix, listed: issued anyway
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and app.screen.query("#f-what_changed")
        assert app.screen.query("#f-reason")  # optional: left empty, what the consent keeps out stays out
        await pilot.press("ctrl+s")  # empty: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        field(app, "what_changed").text = "La vision partagée est précisée."
        await pilot.press("ctrl+s")
        await done(app, pilot)
        assert isinstance(app.screen, Notice) and "Version2émise" in flat(screen_text(app))
        await pilot.press("enter")
        await done(app, pilot)
        assert view in app.meeting.person_views

    saved = store.load_meeting(path)
    assert [i.version for i in saved.distribution.issues] == [1, 2]
    assert saved.distribution.issues[1].what_changed == "La vision partagée est précisée."
    assert saved.distribution.issues[1].consent_overrides == []
    assert all(f.exists() for f in files)  # version 1 is kept
    second = sorted((folder.parent / "v2").glob("*.docx"))
    assert len(second) == 4  # the facilitator now has a copy of her own (the bills)
    common = next(f for f in second if f.name.endswith("compte-rendu.docx"))
    assert b"La vision partag" in every_part(common) and b"Deux factures" not in every_part(common)


async def test_the_launcher_flags_a_minute_past_its_delay_and_says_when_it_is_issued():
    late = store.create_meeting_file(demo_meeting(dt.date(2026, 11, 2)))
    app = ConcertationApp(None, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        assert "!CRenretard·J+22" in flat(screen_text(app))
    meeting = store.load_meeting(late)
    from concertation_tui.services.issuing import issue_minute

    issue_minute(meeting, late, consent_reason="accord donné oralement en fin de réunion")
    app = ConcertationApp(None, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(80, 24)) as pilot:
        await done(app, pilot)
        text = flat(screen_text(app))
        assert "CRv1émis" in text and "enretard" not in text


# -- snapshots ---------------------------------------------------------------------------------------

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


def keys_then_done(keys: list[str], says: tuple[str, ...]):
    async def run(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await done(app, pilot)
        assert_steady_and_says(app, *says)

    return run


SNAPSHOT_MEANING = {
    "reread": ("Relecture : chaque note, point par point", "Accord de partage : partiel",
               "Compte rendu pas encore émis"),
    "preview": ("Destinataires", "Joseph Lambert · lettre à la personne", "Bonjour Monsieur Lambert,"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", {"reread": ["f12"], "preview": ["f12", "p"]})
def test_snapshot(snap_compare, screen, size):
    keys = {"reread": ["f12"], "preview": ["f12", "p"]}[screen]
    app = ConcertationApp(demo_file(), clock=Clock(MORNING_AFTER))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=keys_then_done(keys, SNAPSHOT_MEANING[screen]))


async def test_names_and_notes_with_markup_are_shown_as_typed_in_rereading_and_preview():
    tricky = "Jean [Dupont] [/] [@click=app.quit]"
    meeting = demo_meeting()
    meeting.participants[2].name = tricky  # Nadia, who receives the minute
    meeting.contributions[3].text = f"Note de {tricky}."
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock(MORNING_AFTER))
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_reread(app, pilot)
        screen.show_entry("contribution", meeting.contributions[3].id)
        await pilot.pause()
        assert f"Note de {tricky}." in screen_text(app)
        await pilot.press("p")
        await done(app, pilot)
        assert tricky in screen_text(app)
        recipients = app.screen.query_one("#preview-recipients")
        recipients.highlighted = next(n for n, o in enumerate(app.screen.options)
                                      if o[2] == meeting.participants[2].id)
        await done(app, pilot)
        assert f"Copie de {tricky}" in screen_text(app)
        assert app.is_running
