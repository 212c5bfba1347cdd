"""End to end: the room's screen (`concertation show`) beside the facilitator's console, in two tmux servers.

The facilitator's session runs `concertation open FILE`; the room's screen runs `concertation show FILE`
in another terminal. Every 100 ms during the test the room's pane is captured, and everything it ever
received is recorded raw: a restricted note's words, an oral-only note and the typing area's draft must
never reach it, while a note « dans le compte rendu » appears within two seconds.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.i18n import t
from concertation_tui.model import Contribution, Visibility, VisibilityKind

try:
    from tmux_session import Tmux, tmux_available, wait_gone
except ImportError:  # tests/ made a package
    from tests.tmux_session import Tmux, tmux_available, wait_gone

from test_e2e_tmux import HOME_ENV, program

pytestmark = [pytest.mark.skipif(not tmux_available(), reason="tmux is not installed"),
              pytest.mark.xdist_group("tmux-room")]

RESTRICTED = "Secret de santé 7391"
ORAL = "Dit seulement à voix haute 5528"
DRAFT = "Brouillon pas encore noté 6604"
SAID = "Apport pour la salle 2417"


class Watcher(threading.Thread):
    """Captures the room's pane every 100 ms for as long as the test runs."""

    def __init__(self, tmux: Tmux) -> None:
        super().__init__(daemon=True)
        self.tmux = tmux
        self.screens: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            self.screens.append(self.tmux.screen())
            time.sleep(0.1)


def seeded_meeting():
    """The demo, paused on its last item, with a restricted note and an oral-only one on that item."""
    meeting = demo_meeting()
    item = meeting.item(meeting.progress.item_id)
    doctor = next(p for p in meeting.participants if p.name.startswith("Dr"))
    nurse = next(p for p in meeting.participants if p.name == "Céline Renard")
    meeting.contributions += [
        Contribution(item_id=item.id, speaker_id=doctor.id, text=RESTRICTED,
                     visibility=Visibility(kind=VisibilityKind.RESTRICTED, recipients=[nurse.id])),
        Contribution(item_id=item.id, speaker_id=nurse.id, text=ORAL,
                     visibility=Visibility(kind=VisibilityKind.ORAL_ONLY)),
    ]
    return meeting


def test_room_screen_follows_shows_only_what_the_room_may_see(tmp_path: Path, private_home: Path) -> None:
    path = store.create_meeting_file(seeded_meeting())
    env = {HOME_ENV: str(private_home), "HOME": str(private_home)}
    not_open = t("tui.room.not_open", "fr")
    paused = t("tui.room.paused", "fr")
    restricted = t("tui.room.restricted", "fr")
    placeholder = t("tui.live.note_placeholder", "fr")
    (tmp_path / "room").mkdir()
    (tmp_path / "console").mkdir()
    with Tmux(tmp_path / "room", "room") as room, Tmux(tmp_path / "console", "console") as console:
        room_pid = room.start([*program(), "show", str(path)], env=env)
        room.wait_for(not_open, timeout=20)  # nothing open yet: it says so, and waits
        watcher = Watcher(room)
        watcher.start()
        try:
            console_pid = console.start([*program(), "open", str(path)], env=env)
            console.wait_for(placeholder, timeout=20)
            room.wait_for(restricted, timeout=10)  # the restricted note's place, not its words
            console.wait_for(t("tui.room.followed_short", "fr") + " · ", timeout=10)  # the console knows it is followed

            console.type(SAID)
            console.wait_for(SAID)
            console.send("Enter")
            console.wait_for_all(placeholder, SAID)
            recorded = time.monotonic()
            room.wait_for(SAID, timeout=15)  # a note that never reaches the room fails; its speed is benchmarked
            assert time.monotonic() - recorded < 15.0, "the note did not reach the room"

            console.type(DRAFT)  # typed, not recorded: saved as the draft, never the room's
            console.wait_for(DRAFT)
            time.sleep(1.5)

            console.send("F8")  # private time: the room's screen goes blank
            room.wait_for(paused, timeout=3)
            assert SAID not in room.screen()
            console.send("F8")
            console.wait_for(t("tui.private.reason_title", "fr"))
            console.send("Escape")
            room.wait_for(SAID, timeout=3)

            console.send("S-F8")  # hidden by the facilitator, then shown again
            room.wait_for(paused, timeout=3)
            console.send("S-F8")
            room.wait_for(SAID, timeout=3)

            console.kill_server()  # the facilitator's terminal goes away
            assert wait_gone(console_pid, 5.0)
            room.wait_for(not_open, timeout=5)
            time.sleep(0.5)
            assert not room.dead() and not wait_gone(room_pid, 0.1), "the room's screen ended with the console"
        finally:
            watcher.halt.set()
            watcher.join()
        everything = room.recorded()
    assert len(watcher.screens) > 20
    for seen in [*watcher.screens, everything]:
        assert RESTRICTED not in seen and ORAL not in seen and DRAFT not in seen
    assert any(SAID in s for s in watcher.screens)
    assert "Secret" not in everything and "5528" not in everything and "6604" not in everything
    # The room's screen never wrote the meeting: the file holds what the console saved, the note included.
    saved = store.load_meeting(path)
    assert SAID in [c.text for c in saved.contributions] + [v.text for v in saved.person_views]
