"""End to end, at the worst moments: the real program in tmux at 80x24, typed into without pauses.

A facilitator types in bursts; the link drops mid-word; a PuTTY set to Latin-1 sends bytes that are
not UTF-8; a frozen SSH client stops reading. Each test types into the live step's typing area the
way a person does (one key after another, no pause), then does the harm, and reads the meeting file.
"""

from __future__ import annotations

import os
import signal
import subprocess
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

WORDS = "elle veut rester chez elle et revoir sa fille avant les fêtes "
KEY_GAP = 0.03
"""Seconds between two keys: about 30 keys a second, a fast typist's burst, never a pause."""


def open_live(tmux: Tmux, home: Path) -> tuple[int, Path]:
    path = store.create_meeting_file(demo_meeting())  # opens on the live step, typing area focused
    pid = tmux.start([*program(), "open", str(path)], env={HOME_ENV: str(home), "HOME": str(home)})
    tmux.wait_for(t("tui.live.note_placeholder", "fr"), timeout=30)
    return pid, path


def type_for(tmux: Tmux, seconds: float) -> list[tuple[float, str]]:
    """Type WORDS over and over for `seconds`, one key at a time; returns (time sent, text so far)."""
    typed = ""
    sent: list[tuple[float, str]] = []
    started = time.monotonic()
    index = 0
    while time.monotonic() - started < seconds:
        char = WORDS[index % len(WORDS)]
        index += 1
        tmux.type(char)
        typed += char
        sent.append((time.monotonic(), typed))
        time.sleep(KEY_GAP)
    return sent


def draft_in(path: Path) -> str:
    return store.load_meeting(path).progress.draft


@pytest.mark.parametrize("fault", ["kill-server", "SIGHUP", "SIGTERM", "SIGKILL"])
def test_continuous_typing_survives_the_fault(tmp_path: Path, private_home: Path, fault: str) -> None:
    with Tmux(tmp_path, f"burst-{fault.lower()}") as tmux:
        pid, path = open_live(tmux, private_home)
        sent = type_for(tmux, 5.0)
        time.sleep(0.2)  # the fault comes 0.2 s after the last key
        struck = time.monotonic()
        if fault == "kill-server":
            tmux.kill_server()  # what a dropped SSH link does to the terminal
        else:
            os.kill(pid, getattr(signal, fault))
        assert wait_gone(pid, 15.0), f"still running after {fault}"  # a hang fails; speed: benchmarks/
    typed = sent[-1][1]
    saved = draft_in(path)
    if fault != "SIGKILL":
        assert saved == typed, f"{len(typed) - len(saved)} of {len(typed)} characters lost on {fault}"
    else:
        # Nothing can run on kill -9: what was typed more than a second before it must be on disk.
        due = max((text for at, text in sent if at <= struck - 1.0), key=len)
        assert typed.startswith(saved) and len(saved) >= len(due), (
            f"kill -9: {len(saved)} characters on disk, {len(due)} typed more than 1 s before")


def test_a_frozen_terminal_is_noticed_saved_and_left(tmp_path: Path, private_home: Path) -> None:
    """The terminal side stops (a frozen SSH client): no hang-up ever comes, the terminal just stops
    reading and answering. The program saves and ends within 10 s. When the terminal comes back (the
    client was only frozen, a laptop only slept), it finds a sentence saying what happened, on its
    main screen, with its modes back: not the last frame in raw mode with no word."""
    with Tmux(tmp_path, "frozen") as tmux:
        pid, path = open_live(tmux, private_home)
        sent = type_for(tmux, 1.0)
        server = int(tmux.display("#{pid}"))
        time.sleep(2.5)  # the terminal answered at least one probe: it is known to answer
        os.kill(server, signal.SIGSTOP)
        try:
            stopped = time.monotonic()
            gone = wait_gone(pid, 12.0)
            took = time.monotonic() - stopped
        finally:
            os.kill(server, signal.SIGCONT)
        assert gone and took < 10.0, f"still running {took:.1f} s after the terminal froze"
        assert draft_in(path) == sent[-1][1]
        screen = tmux.wait_for("La réunion a été enregistrée", timeout=10)
        assert "votre terminal ne répondait plus" in " ".join(screen.split())
        assert tmux.display("#{alternate_on}") == "0"  # back on the main screen
        assert tmux.display("#{mouse_any_flag}") == "0"  # no mouse reports left on
        assert tmux.exit_status() == "129"


def test_bytes_that_are_not_utf8_are_read_as_latin1_and_said(tmp_path: Path, private_home: Path) -> None:
    with Tmux(tmp_path, "latin1") as tmux:
        pid, path = open_live(tmux, private_home)
        tmux.type("avant")
        tmux.send("-H", "ff")  # one stray byte
        tmux.send("-H", "e9", "20")  # "é " from a terminal set to Latin-1 (PuTTY's old default)
        tmux.type("apres")
        screen = tmux.wait_for("UTF-8", timeout=10)  # the facilitator is told, in words
        tmux.wait_for("avantÿé apres", timeout=5)
        assert "n'envoie pas ses caractères en UTF-8" in " ".join(screen.split()) or "UTF-8" in screen
        time.sleep(1.5)
        alive = not wait_gone(pid, 0.1)
        saved = draft_in(path)
        tmux.kill_server()
        wait_gone(pid, 3.0)
    assert alive, "the program ended on a byte that is not UTF-8"
    assert saved == "avantÿé apres"


def test_the_watchdog_needs_no_terminal_answer_to_keep_running(tmp_path: Path, private_home: Path) -> None:
    """A terminal that never answers the status query is never judged hung (no false alarm)."""
    from concertation_tui.tui.driver import TerminalProbe

    probe = TerminalProbe()
    probe.sent()
    probe.sent_at -= 60  # type: ignore[operator]
    assert probe.unanswered_for() == 0.0  # never answered: never judged
    probe.answered()
    probe.sent()
    probe.sent_at -= 60  # type: ignore[operator]
    assert probe.unanswered_for() >= 59


def test_no_stray_program_is_left(tmp_path: Path) -> None:
    """The tests above end what they start (a guard for the suite itself)."""
    found = subprocess.run(["pgrep", "-f", f"{tmp_path}"], capture_output=True, text=True)
    assert found.stdout.strip() == ""
