"""Next-meeting invitees and the person's consent: an invitation is not an agreement to know.

Invitees carry no life domain: what they would hear next time (the review of the actions, the questions
carried) and what its minute would tell them is the person's situation as a whole. An invitee the person
did not agree may receive the minute is flagged before the minute goes out, shown on the close step, and
invited by the follow-up without a copy of its minute. The demo series keeps its invitees.
"""

from __future__ import annotations

from pathlib import Path

from test_tui_support import Clock, flat, screen_text, settle

from concertation_tui import store
from concertation_tui.model import ConsentStatus, Domain, DomainConsent, DomainSharing
from concertation_tui.model.checks import readiness
from concertation_tui.model.sharing import invitees_outside_consent
from concertation_tui.services.demo import demo_meeting
from concertation_tui.services.templates import new_follow_up
from concertation_tui.tui.app import ConcertationApp


def by_name(meeting, name):
    return next(p for p in meeting.participants if p.name == name)


def codes(meeting, code):
    return [f for f in readiness(meeting) if f.code == code]


def test_the_demo_series_invites_only_whom_the_person_agreed_to():
    demo = demo_meeting()
    assert demo.next_meeting.invitees and invitees_outside_consent(demo) == []
    assert codes(demo, "invitee_outside_consent") == codes(demo, "invitees_not_agreed") == []
    follow = new_follow_up(demo, Path("prev.json"))
    kept = {p.id: p.receives_minute for p in follow.participants}
    assert kept == {p.id: p.receives_minute for p in demo.participants}  # nobody loses the minute


def test_an_invitee_the_person_did_not_agree_to_is_flagged_and_follows_without_the_minute():
    demo = demo_meeting()
    neighbour = by_name(demo, "Georges Piron")  # not among who the person lets receive the minute
    neighbour.receives_minute = True
    demo.next_meeting.invitees.append(neighbour.id)
    assert invitees_outside_consent(demo) == [neighbour.id]
    [found] = codes(demo, "invitee_outside_consent")
    assert found.target == "next_meeting" and "Georges Piron" in found.sentence("fr")
    follow = new_follow_up(demo, Path("prev.json"))
    assert by_name(follow, "Georges Piron").receives_minute is False
    assert by_name(follow, "Isabelle Lambert").receives_minute is True
    store.create_meeting_file(follow)  # a valid file


def test_before_the_person_chose_the_readers_the_domains_shared_decide():
    demo = demo_meeting()
    neighbour = by_name(demo, "Georges Piron")
    demo.next_meeting.invitees.append(neighbour.id)
    demo.consent.minute_readers = None
    assert neighbour.id not in invitees_outside_consent(demo)  # housing is shared with every participant
    demo.consent.domains = [DomainConsent(domain=Domain.HEALTH, sharing=DomainSharing.NAMED,
                                          participants=[by_name(demo, "Céline Renard").id])]
    assert set(invitees_outside_consent(demo)) == {p for p in demo.next_meeting.invitees
                                                   if p not in (by_name(demo, "Céline Renard").id,
                                                                demo.facilitator_id, demo.person.id)}
    demo.consent.status = ConsentStatus.GIVEN
    assert invitees_outside_consent(demo) == []


def test_invitees_without_the_person_s_agreement_are_flagged():
    demo = demo_meeting()
    demo.next_meeting.person_agrees = None
    assert len(codes(demo, "invitees_not_agreed")) == 1


async def test_the_close_step_says_which_invitee_is_outside_the_consent():
    demo = demo_meeting()
    neighbour = by_name(demo, "Georges Piron")
    demo.next_meeting.invitees.append(neighbour.id)
    app = ConcertationApp(store.create_meeting_file(demo), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        from textual.widgets import Static

        shown = str(app.screen.query_one("#next-meeting", Static).render())  # it wraps beside another column
        assert "Piron (hors accord)" in " ".join(shown.split())  # the neighbour, and only him
        assert shown.count("hors accord") == 1
