"""A meeting left open by a dropped link, taken over from another terminal: two real programs in tmux.

The old session types into its typing line; its link drops (its terminal goes on answering, or freezes:
then its interface is stuck behind a write, as a session left behind by a dead link is). The facilitator
opens the meeting again from a new terminal, is asked in plain words whether to take it over, says yes:
the old program saves and ends, the new one opens with the words in its typing line, the file is valid.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.i18n import t

try:
    from test_e2e_tmux import HOME_ENV, program
    from tmux_session import Tmux, tmux_available, wait_gone
except ImportError:  # tests/ made a package
    from tests.test_e2e_tmux import HOME_ENV, program
    from tests.tmux_session import Tmux, tmux_available, wait_gone

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")

WORDS = "elle veut rester chez elle"


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.parametrize("old_terminal", ["answering", "frozen"])
def test_a_session_left_behind_is_taken_over_with_its_typing_line(tmp_path: Path, private_home: Path,
                                                                   old_terminal: str) -> None:
    path = store.create_meeting_file(demo_meeting())  # opens on the live step, typing area focused
    env = {HOME_ENV: str(private_home), "HOME": str(private_home)}
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    with Tmux(tmp_path / "old", "old") as old, Tmux(tmp_path / "new", "new") as new:
        old_pid = old.start([*program(), "open", str(path)], env=env)
        old.wait_for(t("tui.live.note_placeholder", "fr"), timeout=30)
        old.type(WORDS)
        old.wait_for(WORDS, timeout=10)
        server = int(old.display("#{pid}"))
        if old_terminal == "frozen":
            time.sleep(2.0)  # its terminal answered a probe, then the link dies: it stops reading
            os.kill(server, signal.SIGSTOP)
        try:
            new_pid = new.start([*program(), "open", str(path)], env=env)
            screen = new.wait_for("Reprendre ici", timeout=30)
            said = " ".join(screen.replace("│", " ").split())
            assert "ouverte dans une autre session à vous" in said and "L'autre session enregistre tout" in said
            new.send("Enter")  # yes: the question opens on « Reprendre ici »
            assert wait_gone(old_pid, 20.0), "the old session is still running"
            new.wait_for(WORDS, timeout=30)  # its typing line, here
        finally:
            if old_terminal == "frozen":
                os.kill(server, signal.SIGCONT)
        new.wait_for("Réunion reprise ici", timeout=10)
        meeting = store.load_meeting(path)  # valid: it loads and validates
        assert meeting.progress.draft == WORDS
        assert not wait_gone(new_pid, 0.3), "the new session ended"
        new.type(" et")  # and it is this session's now: it writes
        assert wait_until(lambda: store.load_meeting(path).progress.draft == WORDS + " et", 20.0)
        new.kill_server()
        assert wait_gone(new_pid, 15.0)
