"""What a social worker found running a whole meeting (the « truth » trial): records must carry the life
domains of what they are about, shown where they are listed, and the minute must state only what was
confirmed."""

from __future__ import annotations

import json

from test_tui_support import Clock, settle

from concertation_tui import store
from concertation_tui.model import Domain
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import FormDialog


def field(app, name: str):
    return app.screen.query_one(f"#f-{name}")


def saved(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _on_item(n: int):
    m = demo_meeting()
    m.progress.item_id = m.agenda[n].id
    return m


async def test_a_new_actions_domains_follow_the_item_chosen():
    """F7 on item 2 (logement, santé) proposes its domains; choosing item 3 in the form proposes item 3's
    (revenus, administration): « santé » must not stay and keep the action from the partner who helps."""
    m = _on_item(1)
    third = m.agenda[2]
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert set(field(app, "domains").selected) == {Domain.HOUSING, Domain.HEALTH}
        field(app, "what").text = "Relancer"
        field(app, "item_id").value = third.id
        await settle(app, pilot)
        assert set(field(app, "domains").selected) == set(third.domains)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    action = saved(path)["actions"][-1]
    assert action["what"] == "Relancer" and action["item_id"] == third.id
    assert sorted(action["domains"]) == sorted(d.value for d in third.domains)


async def test_domains_ticked_by_hand_stay_when_the_item_changes():
    m = _on_item(1)
    third = m.agenda[2]
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f7")
        await settle(app, pilot)
        picks = field(app, "domains")
        picks.deselect(Domain.HOUSING)  # by hand: health only
        await settle(app, pilot)
        field(app, "what").text = "Relancer"
        field(app, "item_id").value = third.id
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert saved(path)["actions"][-1]["domains"] == ["health"]


# -- a note's domains shown, and a note whose words speak of a restricted domain flagged ---------------

PEETERS_SAID = "Pension d'invalidité ; sa situation médicale limite ses démarches"


def _health_with_two_only():
    """The person agreed to share health only with the doctor and the facilitator; Nadia (a partner)
    says on item 3 (revenus, administratif) words that speak of health."""
    from concertation_tui.model import DomainSharing
    from concertation_tui.model.meeting import Contribution

    m = _on_item(2)
    doctor = next(p for p in m.participants if p.name.startswith("Dr"))
    for rule in m.consent.domains:
        if rule.domain is Domain.HEALTH:
            rule.sharing = DomainSharing.NAMED
            rule.participants = [doctor.id, m.facilitator_id]
    nadia = next(p for p in m.participants if p.name.startswith("Nadia"))
    note = Contribution(item_id=m.agenda[2].id, speaker_id=nadia.id, text=PEETERS_SAID)
    m.contributions.append(note)
    return m, note


def test_a_note_speaking_of_a_restricted_domain_it_is_not_filed_under_is_found():
    from concertation_tui.services.domain_check import domain_findings

    m, note = _health_with_two_only()
    found = [f for f in domain_findings(m, "fr") if f.target_id == note.id]
    assert len(found) == 1 and found[0].params["domain"] is Domain.HEALTH
    sentence = found[0].sentence("fr")
    assert "santé" in sentence and "invalidité" in sentence and "Ajoutez santé" in sentence
    note.domains = [Domain.INCOME_DEBTS, Domain.HEALTH]  # filed under health too: nothing to say
    assert not [f for f in domain_findings(m, "fr") if f.target_id == note.id]


def test_the_same_words_in_english_and_dutch():
    from concertation_tui.language_tools.domain_words import spoken_of

    assert Domain.HEALTH in spoken_of("his medical situation limits him", "en")
    assert Domain.HEALTH in spoken_of("zijn medische toestand beperkt hem", "nl")
    assert Domain.MENTAL_HEALTH in spoken_of("elle voit un psychiatre", "fr")
    assert Domain.HEALTH not in spoken_of("sa santé mentale", "fr")  # the longer expression wins


async def test_f4_and_the_rereading_show_a_notes_domains_and_the_rereading_flags_it():
    from test_tui_support import flat, screen_text

    m, note = _health_with_two_only()
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        shown = flat(screen_text(app))
        assert "situationmédicalelimitesesdémarches[revenus,admin]" in shown
        await pilot.press("f12")
        await settle(app, pilot)
        app.screen.show_entry("contribution", note.id)  # where the note is (the list is long)
        await settle(app, pilot)
        shown = flat(screen_text(app))
        assert "situationmédicalelimitesesdémarches[revenus,admin]" in shown
        assert "Cesmotsparlentdesanté" in shown


async def test_ctrl_o_starts_with_the_items_domains_ticked_as_f9_does():
    m = _on_item(2)
    path = store.create_meeting_file(m)
    app = ConcertationApp(path, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert set(field(app, "domains").selected) == set(m.agenda[2].domains)
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("f9")
        await settle(app, pilot)
        assert set(field(app, "domains").selected) == set(m.agenda[2].domains)


# -- an action's helper: the consent decides for them as for anyone --------------------------------------


def test_a_helper_of_a_health_action_gets_it_only_if_the_consent_shares_health_with_them():
    """Health shared with the doctor and the facilitator only; Isabelle (the person's sister) ticked as
    « qui aide » on the health action: her copy says the action exists, not what it is, and the issue
    names her and the action as a consent conflict (to ask the person, or send with a reason)."""
    from concertation_tui.minute.reader import visible_meeting
    from concertation_tui.model import DomainSharing
    from concertation_tui.model.sharing import consent_conflicts_for, professional_copies
    from concertation_tui.tui.dialogs.issue_forms import conflicts_by_note

    m = demo_meeting()
    doctor = next(p for p in m.participants if p.name.startswith("Dr"))
    sister = next(p for p in m.participants if p.name == "Isabelle Lambert")
    sister.receives_minute = True
    for rule in m.consent.domains:
        if rule.domain is Domain.HEALTH:
            rule.sharing = DomainSharing.NAMED
            rule.participants = [doctor.id, m.facilitator_id]
    action = next(a for a in m.actions if a.what.startswith("Installer la télévigilance"))
    assert Domain.HEALTH in action.domains and sister.id in action.supporters
    hers = visible_meeting(m, sister.id)
    assert not any(a.what.startswith("Installer la télévigilance") for a in hers.actions)
    assert all(action.id not in c.restricted_note_ids for c in professional_copies(m) if sister.id in c.recipient_ids)
    conflicts = consent_conflicts_for(m, [sister.id])
    named = {c.note.id: names for c, names in conflicts_by_note(m, conflicts)}
    assert named.get(action.id) == ["Isabelle Lambert"]
    doctors = visible_meeting(m, doctor.id)
    assert any(a.what.startswith("Installer la télévigilance") for a in doctors.actions)


# -- the minute states only the outcomes confirmed ----------------------------------------------------


def _agenda_rows(meeting) -> dict[str, str]:
    import io

    from docx import Document

    from concertation_tui.minute import build_minute

    doc = Document(io.BytesIO(build_minute(meeting, "professional", recipient_id=meeting.facilitator_id)))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text.strip().lower().startswith("point"))
    return {row.cells[0].text.split(".")[0]: row.cells[1].text for row in table.rows[1:]}


def test_the_minute_prints_no_outcome_nobody_confirmed():
    from concertation_tui.model import ItemOutcome
    from concertation_tui.model.outcomes import outcome

    m = demo_meeting()
    second = m.agenda[1]  # an open disagreement and an action the person wants time on
    assert any(d.item_id == second.id and not d.settled for d in m.disagreements)
    assert outcome(m, second) is not ItemOutcome.DECIDED  # a proposal never says « décidé » over it
    rows = _agenda_rows(m)
    assert set(rows.values()) == {"Non précisé"}, rows
    assert any(f.code == "outcomes_unconfirmed" for f in __import__("concertation_tui.model", fromlist=["x"]).readiness(m))
    m.agenda[0].outcome = ItemOutcome.DISCUSSED  # confirmed at the close
    rows = _agenda_rows(m)
    assert rows["1"] == "Traité" and rows["2"] == "Non précisé"


# -- data protection: only what the organisation set --------------------------------------------------


def _minute_text(meeting, protection) -> str:
    import io

    from docx import Document

    from concertation_tui.minute import build_minute

    doc = Document(io.BytesIO(build_minute(meeting, "professional", recipient_id=meeting.facilitator_id,
                                           protection=protection)))
    return "\n".join(p.text for p in doc.paragraphs)


def test_the_data_protection_section_names_no_dpo_nor_authority_the_organisation_did_not_set():
    from concertation_tui.config import DataProtection

    m = demo_meeting()
    text = _minute_text(m, DataProtection())
    section = text[text.index("Protection des données"):]
    assert "Contact pour la protection des données" not in section and "Délégué" not in section
    assert "Autorité de protection des données" not in section and "Réclamation" not in section
    set_ = DataProtection(contact="dpo@cpas.be", authority="l'Autorité de protection des données")
    section = _minute_text(m, set_)
    section = section[section.index("Protection des données"):]
    assert "dpo@cpas.be" in section and "réclamation auprès de l'Autorité de protection des données" in section


def test_the_issue_dialog_says_what_the_organisation_did_not_set():
    from pathlib import Path

    from concertation_tui.config import DataProtection
    from concertation_tui.tui.dialogs.issue_forms import protection_unset

    told = protection_unset(DataProtection())
    assert told.startswith("! Non réglé") and "délégué" in told and "autorité" in told
    assert protection_unset(DataProtection(contact="x", authority="y")) == ""
    from concertation_tui.tui.dialogs.issue_forms import issue_form

    form = issue_form(demo_meeting(), version=1, folder=Path("cr"), conflicts=0, errors=0, pdf_available=False,
                      protection=DataProtection())
    assert told in form.intro  # said in the issue dialog, before anything goes out


# -- the letter quotes as « vous avez dit » only the person's own words ----------------------------------


def _letter_text(meeting) -> str:
    import io

    from docx import Document

    from concertation_tui.minute import build_minute

    doc = Document(io.BytesIO(build_minute(meeting, "person")))
    return "\n".join(p.text for p in doc.paragraphs).replace("\u00a0", " ").replace("\u202f", " ")


def test_a_position_typed_about_the_person_is_not_quoted_to_her_as_her_words():
    from concertation_tui.model import readiness

    m = demo_meeting()
    person = m.person
    position = next(p for d in m.disagreements for p in d.positions if p.participant_id == person.id)
    assert not [f for f in readiness(m) if f.code == "position_third_person"]  # « Je reste chez moi… »: hers
    position.view = "ne veut pas aller au tribunal, préfère négocier"
    letter = _letter_text(m)
    assert "Vous avez dit : « ne veut pas aller au tribunal" not in letter
    assert "Votre position, notée pendant la réunion : « ne veut pas aller au tribunal" in letter
    found = [f for f in readiness(m) if f.code == "position_third_person"]
    assert len(found) == 1 and "ne veut pas aller au tribunal" in found[0].sentence("fr")
