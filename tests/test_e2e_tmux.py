"""End to end: the real program in a real terminal, as a facilitator runs it over SSH.

`concertation open FILE` runs in tmux at 80x24; we type a contribution in the live step, then kill
the tmux server, which is what a dropped SSH connection does to the terminal (the tty hangs up, the
program gets SIGHUP). The contribution must be in the file, and the program gone within two seconds.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.i18n import t
from concertation_tui.tui.safety import NEUTRAL_TITLE

try:
    from tmux_session import Tmux, tmux_available, wait_gone
except ImportError:  # tests/ made a package
    from tests.tmux_session import Tmux, tmux_available, wait_gone

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")

HOME_ENV = "CONCERTATION_HOME"
TYPED = "Apport tapé pendant la coupure 4821"


def program() -> list[str]:
    """The installed `concertation` command of this environment."""
    script = Path(sys.executable).parent / "concertation"
    if script.exists():
        return [str(script)]
    found = shutil.which("concertation")
    if found:
        return [found]
    return [sys.executable, "-c", "from concertation_tui.cli import main; main()"]


def texts_in(path: Path) -> list[str]:
    meeting = store.load_meeting(path)
    return [c.text for c in meeting.contributions] + [v.text for v in meeting.person_views]


def test_dropped_ssh_session_loses_nothing(tmp_path: Path, private_home: Path) -> None:
    meeting = demo_meeting()  # paused during its last agenda item: it opens on the live step
    path = store.create_meeting_file(meeting)
    placeholder = t("tui.live.note_placeholder", "fr")
    with Tmux(tmp_path, "e2e") as tmux:
        pid = tmux.start(
            [*program(), "open", str(path)],
            # TEXTUAL_LOG as a user might have it set: the program must scrub it, or it logs every key.
            env={HOME_ENV: str(private_home), "HOME": str(private_home),
                 "TEXTUAL_LOG": str(private_home / "textual.log")},
        )
        tmux.wait_for(placeholder, timeout=20)  # the live step, the typing area has the focus
        assert tmux.title() == NEUTRAL_TITLE  # the terminal's title bar names no one
        tmux.type(TYPED)
        tmux.wait_for(TYPED)
        tmux.send("Enter")
        # Recorded: the typing area is empty again (its placeholder shows) and the words are listed.
        # the person's view panel is half the width at 80 columns (issue 18): the words wrap in it
        tmux.wait_for_all(placeholder, TYPED.rsplit(" ", 1)[0])
        started = time.monotonic()
        tmux.kill_server()  # no quit key: the terminal simply goes away
        gone = wait_gone(pid, 15.0)  # a hang is what fails here: under a loaded CI the exit may take seconds (speed: benchmarks/)
        took = time.monotonic() - started
    assert gone and took < 15.0, f"the program was still running {took:.2f} s after the hang-up"
    assert TYPED in texts_in(path)
    assert not (private_home / "textual.log").exists()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(store.TEMP_SUFFIX)]
    # The lock died with the process: the meeting opens for writing again at once.
    with store.MeetingLock(path):
        pass
