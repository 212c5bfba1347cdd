"""The room's screen: what it shows of a meeting (room_view), how it knows the meeting is open and
followed (room_link), the follower app on its own, and the console's key that hides it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from concertation_tui import store
from concertation_tui.services import room_link
from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import (
    Action, Contribution, PersonView, PrivatePart, TimeSpan, Visibility, VisibilityKind, now,
)
from concertation_tui.services import room_view as rv
from concertation_tui.tui.room import RoomApp

AT = now()


def meeting_with_notes():
    m = demo_meeting()
    item = m.item(m.progress.item_id)
    doctor = next(p for p in m.participants if p.name.startswith("Dr"))
    nurse = next(p for p in m.participants if p.name == "Céline Renard")
    m.contributions += [
        Contribution(item_id=item.id, speaker_id=nurse.id, text="visible au compte rendu"),
        Contribution(item_id=item.id, speaker_id=doctor.id, text="restreinte au médecin",
                     visibility=Visibility(kind=VisibilityKind.RESTRICTED, recipients=[nurse.id])),
        Contribution(item_id=item.id, speaker_id=nurse.id, text="seulement oral",
                     visibility=Visibility(kind=VisibilityKind.ORAL_ONLY)),
        # mental health is shared only with the doctor and the nurse: not the room's
        Contribution(item_id=item.id, speaker_id=doctor.id, text="hors consentement", domains=["mental_health"]),
    ]
    m.person_views.append(PersonView(item_id=item.id, text="mes mots à moi"))
    m.progress.draft = "pas encore noté"
    return m


def all_text(view: rv.RoomView) -> str:
    return repr(view)


def test_the_room_sees_the_common_copy_restricted_as_a_place_oral_never() -> None:
    view = rv.room_view(meeting_with_notes(), is_open=True, at=AT)
    assert view.state == rv.SHOWN
    shown = [line.text for line in view.lines]
    assert "visible au compte rendu" in shown and "mes mots à moi" in shown
    text = all_text(view)
    for hidden in ("restreinte au médecin", "seulement oral", "hors consentement", "pas encore noté"):
        assert hidden not in text
    places = [line.who for line in view.lines if line.restricted]
    assert places == ["Dr Marc Dubois", "Dr Marc Dubois"]  # the restricted and the out-of-consent ones
    assert len(view.lines) == 4  # the oral-only note has no place at all


def test_actions_show_their_agreement_and_a_restricted_one_its_place() -> None:
    m = meeting_with_notes()
    item = m.item(m.progress.item_id)
    m.actions.append(Action(what="argent caché", carrier_id=m.facilitator_id, item_id=item.id,
                            domains=["income_debts"]))
    view = rv.room_view(m, is_open=True, at=AT)
    assert "argent caché" not in all_text(view)
    assert [a.restricted for a in view.actions][-1] is True
    assert any(a.what.startswith("Évaluer la salle de bain") for a in view.actions)


def test_nothing_during_private_time_when_hidden_or_not_open() -> None:
    m = meeting_with_notes()
    assert rv.room_view(m, is_open=False, at=AT) == rv.RoomView(rv.CLOSED)
    assert rv.room_view(None, is_open=True, at=AT) == rv.RoomView(rv.CLOSED)
    m.progress.room_hidden = True
    assert rv.room_view(m, is_open=True, at=AT) == rv.RoomView(rv.PAUSED)
    m.progress.room_hidden = False
    m.private_parts.append(PrivatePart(span=TimeSpan(start=AT)))
    assert rv.room_view(m, is_open=True, at=AT) == rv.RoomView(rv.PAUSED)


def test_open_is_read_from_the_lock_without_taking_it(tmp_path: Path) -> None:
    path = store.create_meeting_file(demo_meeting(), tmp_path)
    assert not room_link.meeting_open(path)
    with store.MeetingLock(path):
        assert room_link.meeting_open(path)
        store.MeetingLock(path).release()  # a lock never taken: releasing it changes nothing
        assert room_link.meeting_open(path)
    assert not room_link.meeting_open(path)  # let go: emptied
    lock = path.parent / f".{path.name}.lock"
    lock.write_text('{"pid": 999999999, "host": "%s"}' % os.uname().nodename)
    assert not room_link.meeting_open(path)  # a killed holder's line: its process is gone


def test_followers_are_counted_from_fresh_presence_files(tmp_path: Path) -> None:
    path = store.create_meeting_file(demo_meeting(), tmp_path)
    assert room_link.followers(path) == 0
    presence = room_link.Presence(path)
    presence.announce()
    assert room_link.followers(path) == 1
    assert oct(presence.file.stat().st_mode & 0o777) == "0o600"
    assert oct(presence.file.parent.stat().st_mode & 0o777) == "0o700"
    assert room_link.followers(path, now=presence.file.stat().st_mtime + 60) == 0  # went away silently
    (presence.file.parent / f"{path.name}.999999999").touch()  # a dead follower's file
    assert room_link.followers(path) == 1
    presence.withdraw()
    assert room_link.followers(path) == 0


def test_follower_reads_again_only_when_the_file_changes(tmp_path: Path) -> None:
    m = demo_meeting()
    path = store.create_meeting_file(m, tmp_path)
    follower = room_link.FileFollower(path)
    first = follower.poll()
    assert first.changed and first.meeting is not None and not first.open
    assert not follower.poll().changed
    m.title = "Nouveau titre"
    store.save_meeting(path, m)
    again = follower.poll()
    assert again.changed and again.meeting.title == "Nouveau titre"
    path.write_text("{ abîmé")  # damaged for a moment: the last good reading stays
    assert follower.poll().meeting.title == "Nouveau titre"


async def test_follower_app_shows_the_sentence_then_the_meeting(tmp_path: Path, private_home: Path) -> None:
    m = meeting_with_notes()
    path = store.create_meeting_file(m, tmp_path)
    before = path.read_bytes()
    app = RoomApp(path, lang="fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.6)
        assert "La réunion n'est pas ouverte." in str(app.query_one("#room-message").render())
        with store.MeetingLock(path):
            for _ in range(20):
                await pilot.pause(0.1)
                if app.view is not None and app.view.state == rv.SHOWN:
                    break
            assert app.view.state == rv.SHOWN
            lines = str(app.query_one("#room-lines").render())
            assert "visible au compte rendu" in lines and "« note restreinte »" in lines
            assert "restreinte au médecin" not in lines and "seulement oral" not in lines
    assert path.read_bytes() == before  # nothing written
    assert not (path.parent / f".{path.name}.lock").read_text()  # the test's own lock, let go


async def test_console_key_hides_the_room_and_says_it_is_followed(tmp_path: Path, private_home: Path) -> None:
    from concertation_tui.tui.app import ConcertationApp

    path = store.create_meeting_file(demo_meeting(), tmp_path)
    presence = room_link.Presence(path)
    presence.announce()
    app = ConcertationApp(path, lang="fr")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(1.3)
        assert app.room_followers == 1
        assert app.save_state_text().startswith("salle suit")  # 120 columns: the long words
        await pilot.press("shift+f8")
        await pilot.pause()
        assert app.meeting.progress.room_hidden is True
        assert app.save_state_text().startswith("salle masquée")
        while app.save_pending:
            await pilot.pause(0.1)
        assert store.load_meeting(path).progress.room_hidden is True
        names = [c[0] for c in await _palette(app)]
        assert "Écran de la salle" in names
        await pilot.press("shift+f8")
        await pilot.pause()
        assert app.meeting.progress.room_hidden is False
    presence.withdraw()


async def _palette(app) -> list:
    from concertation_tui.tui.commands import MeetingCommands

    provider = MeetingCommands(app.screen)
    return provider._commands()
