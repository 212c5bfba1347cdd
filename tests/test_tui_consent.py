"""The consent per life domain taken at the opening (F3), with the person, by keyboard (issue 15).

At 80x24, four domains are asked in one pass — housing with everyone, health with the doctor and the
nurse, income and debts with the CPAS social worker alone, justice not written — in under 20 keys from
the live step, and the minute written from the saved file follows it without a visit to the rereading.
"""

from __future__ import annotations

import io
import zipfile

from test_consent_records import consent_meeting, marker
from test_tui_support import Clock, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.minute import build_minute
from concertation_tui.model import ConsentStatus, Domain, DomainSharing, SharingConsent
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.consent_forms import DomainConsentDialog
from concertation_tui.tui.screens.opening import OpeningScreen

KEYS = [
    "f3", "d",  # the opening, then the consent domain by domain
    "a", "down",  # housing: with everyone (the cursor stays: ↓ goes on to health)
    "2", "3", "down",  # health: the doctor and the nurse, then on (numbered in the speaking order)
    "5", "down",  # income and debts: the CPAS social worker alone, then on
    "x",  # justice: not written
    "escape",
]


def fresh_meeting():
    meeting = consent_meeting()
    meeting.consent = SharingConsent()  # not asked yet: the opening is where the person gives it
    meeting.domains = [Domain.HOUSING, Domain.HEALTH, Domain.INCOME_DEBTS, Domain.JUSTICE]
    return meeting


def every_part(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


async def test_the_consent_per_domain_is_taken_at_the_opening_in_under_20_keys():
    path = store.create_meeting_file(fresh_meeting())
    app = ConcertationApp(path, clock=Clock())
    assert len(KEYS) < 20
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for n, pressed in enumerate(KEYS):
            await pilot.press(pressed)
            await pilot.pause()
            if n == 1:
                assert isinstance(app.screen, DomainConsentDialog)
                text = flat(screen_text(app))
                assert "2DrAnneLeroy" in text and "5SophieMertens" in text  # the digits name who
        await settle(app, pilot)
        assert isinstance(app.screen, OpeningScreen)
        shown = flat(screen_text(app))
        assert "santé:DrAnneLeroy,KarimHaddad" in shown and "revenusetdettes:SophieMertens" in shown
    saved = store.load_meeting(path)
    assert saved.consent.status is ConsentStatus.PARTIAL and saved.consent.date is not None
    people = {p.name: p.id for p in saved.participants}
    assert [(r.domain, r.sharing, r.participants) for r in saved.consent.domains] == [
        (Domain.HOUSING, DomainSharing.ALL, []),
        (Domain.HEALTH, DomainSharing.NAMED, [people["Dr Anne Leroy"], people["Karim Haddad"]]),
        (Domain.INCOME_DEBTS, DomainSharing.NAMED, [people["Sophie Mertens"]]),
        (Domain.JUSTICE, DomainSharing.NONE, []),
    ]
    # the minute follows it, from the saved file, with no visit to the rereading (F12)
    daughter = every_part(build_minute(saved, "professional", recipient_id=people["Emma Dupont"]))
    doctor = every_part(build_minute(saved, "professional", recipient_id=people["Dr Anne Leroy"]))
    worker = every_part(build_minute(saved, "professional", recipient_id=people["Sophie Mertens"]))
    for kind in ("CONTRIB", "ACTION", "STEP", "SCALE"):
        assert marker("HEALTH", kind) in doctor and marker("HEALTH", kind) not in daughter + worker
        assert marker("MONEY", kind) in worker and marker("MONEY", kind) not in daughter + doctor


async def test_what_each_recipient_learns_lists_records_of_every_kind():
    """The coordination view (F10, 3), before anything is issued: every kind of record, in the copies the
    consent lets it reach, and each record the consent keeps out with whose copies it stays out of."""
    meeting = consent_meeting()
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        recipients = app.screen.query_one("#recipients")
        prompts = [str(recipients.get_option_at_index(n).prompt) for n in range(recipients.option_count)]
    joined = "\n".join(prompts)
    for kind, word in (("CONTRIB", "apport"), ("VIEW", "parole"), ("STEP", "démarche"), ("PICTURE", "tableau"),
                       ("DISAGREE", "désaccord"), ("SCALE", "échelle"), ("QUESTION", "question"),
                       ("ACTION", "action"), ("REVIEW", "suivi")):
        found = [p for p in prompts if marker("MONEY", kind) in p]
        assert found and all(p.lstrip().startswith(word) for p in found), (kind, found)
        assert any("hors de la copie de" in p and "Emma Dupont" in p for p in found), kind
    assert "Copie de Dr Anne Leroy, Karim Haddad" in joined or "Dr Anne Leroy, Karim Haddad" in joined


async def test_the_consent_form_opens_at_its_top_with_the_first_domain_shown_and_chosen_at_80x24():
    """Long words from the person and a long scope once pushed the domains below the screen: the form
    opened scrolled, its first domain out of sight. The domains and their keys come first now."""
    from test_tui_support import demo_file

    from concertation_tui.services.demo import demo_meeting
    from concertation_tui.tui.dialogs.consent_forms import concerned_domains
    from concertation_tui.tui.text import lbl

    meeting = demo_meeting()
    meeting.consent.scope = " ".join([meeting.consent.scope] * 3)
    meeting.consent.person_words = " ".join([meeting.consent.person_words] * 2)
    path = store.create_meeting_file(meeting)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3", "d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, DomainConsentDialog)
        choices = dialog.query_one("#consent-domains")
        assert app.focused is choices and choices.highlighted == 0
        first = concerned_domains(app.meeting)[0]
        text = flat(screen_text(app))
        assert "Accordde partage,domainepardomaine".replace(" ", "") in text  # the title: at the top
        assert flat(f"√ {lbl(first)} :") in text  # the first domain, on screen
        assert "Fermer(Échap)" in text
        await pilot.press("a")  # the key acts on that first domain
        await settle(app, pilot)
    assert any(r.domain is first for r in store.load_meeting(path).consent.domains)
