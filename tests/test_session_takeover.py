"""Taking over a meeting from a session left behind: who may be asked to leave, and who never is.

The lock's record is faked (held by this test process, naming another process), so that every refusal
is tried against a real, running process that must still be running afterwards.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import getpass
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.services import session_takeover as takeover
from concertation_tui.services.session_takeover import LeftSession, Refusal
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.dialogs.forms import Confirm
from test_tui_support import Clock, demo_file, flat, screen_text, settle


@contextmanager
def held_as(path: Path, **record: object) -> Iterator[None]:
    """The meeting's lock held (by this process), its record saying `record`."""
    lock = store.MeetingLock(path)
    fd = os.open(lock.path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode(), 0)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen]:
    """A running process whose command line names this program (as `concertation open FILE` does)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "concertation", "open"])
    yield child
    child.kill()
    child.wait()


@pytest.fixture
def stranger() -> Iterator[subprocess.Popen]:
    """A running process of this user that is not this program."""
    child = subprocess.Popen(["sleep", "120"])
    yield child
    child.kill()
    child.wait()


def ours(process: int, **changes: object) -> dict[str, object]:
    record: dict[str, object] = {"user": getpass.getuser(), "host": socket.gethostname(), "pid": process,
                                 "since": dt.date.today().strftime("%d/%m/%Y") + " 14:02", "started": store.process_start_time(process)}
    record.update(changes)
    return record


def test_the_lock_records_the_holders_start_time(private_home: Path) -> None:
    path = demo_file()
    with store.MeetingLock(path) as lock:
        record = lock.holder()
    assert record is not None and record["pid"] == os.getpid()
    assert record["started"] == store.process_start_time(os.getpid()) is not None
    assert store.MeetingLock(path).holder() is None  # free: nobody to take over


def test_a_session_of_ours_on_this_host_may_be_asked_to_leave(private_home: Path, sleeper) -> None:
    path = demo_file()
    with held_as(path, **ours(sleeper.pid)):
        found = takeover.examine(path)
        assert isinstance(found, LeftSession) and found.pid == sleeper.pid
        assert takeover.ask_to_leave(path, found)
    assert sleeper.wait(10) == -15  # SIGTERM


@pytest.mark.parametrize("change, refusal", [
    ({"user": "collegue"}, Refusal.OTHER_USER),
    ({"host": "autre-serveur"}, Refusal.OTHER_HOST),
    ({"started": -1}, Refusal.NOT_THIS_PROGRAM),  # the pid was used again by another process
    ({"pid": "1234"}, Refusal.NOT_RUNNING),
])
def test_refusals_never_signal_anyone(private_home: Path, sleeper, change: dict, refusal: Refusal) -> None:
    path = demo_file()
    with held_as(path, **ours(sleeper.pid, **change)):
        assert takeover.examine(path) is refusal
        assert takeover.left_session(path) is None
        forged = LeftSession(pid=sleeper.pid, started=store.process_start_time(sleeper.pid), since="14:02")
        assert not takeover.ask_to_leave(path, forged)  # checked again just before: nothing sent
    assert sleeper.poll() is None  # still running


def test_a_pid_that_is_not_this_program_is_never_signalled(private_home: Path, stranger) -> None:
    path = demo_file()
    with held_as(path, **ours(stranger.pid)):
        assert takeover.examine(path) is Refusal.NOT_THIS_PROGRAM
        assert not takeover.ask_to_leave(path, LeftSession(stranger.pid, None, "14:02"))
    with held_as(path, **ours(os.getpid())):
        assert takeover.examine(path) is Refusal.OURSELVES
    assert stranger.poll() is None


def test_a_pid_that_ended_is_not_running(private_home: Path) -> None:
    child = subprocess.Popen(["true"])
    child.wait()
    path = demo_file()
    with held_as(path, **ours(child.pid, started=None)):
        assert takeover.examine(path) is Refusal.NOT_RUNNING


async def test_the_question_is_asked_and_no_opens_read_only(private_home: Path, sleeper) -> None:
    path = demo_file()
    before = path.read_bytes()
    with held_as(path, **ours(sleeper.pid)):
        app = ConcertationApp(path, clock=Clock())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, Confirm)
            text = flat(screen_text(app))
            assert "ouvertedansuneautresessionàvous(depuis14:02)" in text
            assert "L'autresessionenregistretoutetseferme" in text
            await pilot.press("escape")  # no
            await settle(app, pilot)
            assert app.read_only and app.meeting is not None
            assert "LECTURESEULE" in flat(screen_text(app))
            await pilot.press("ctrl+q")
    assert sleeper.poll() is None and path.read_bytes() == before


async def test_another_users_lock_asks_nothing_and_opens_read_only(private_home: Path, sleeper) -> None:
    path = demo_file()
    with held_as(path, **ours(sleeper.pid, user="collegue")):
        app = ConcertationApp(path, clock=Clock())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(app, pilot)
            assert not isinstance(app.screen, Confirm)
            assert app.read_only and "collegue" in app.read_only
            await pilot.press("ctrl+q")
    assert sleeper.poll() is None


HOLDER = """
import fcntl, json, os, sys, time, getpass, socket, datetime as dt
from pathlib import Path
from concertation_tui import store
lock = store.MeetingLock(Path(sys.argv[1]))
fd = os.open(lock.path, os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.pwrite(fd, json.dumps({"user": getpass.getuser(), "host": socket.gethostname(), "pid": os.getpid(),
          "since": dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
          "started": store.process_start_time(os.getpid())}).encode(), 0)
print("held", flush=True)
time.sleep(120)
"""


async def test_the_launcher_offers_it_and_yes_takes_the_meeting_over(private_home: Path) -> None:
    """From the launcher: the holder (a process of ours named as this program, holding the lock) gets
    SIGTERM, its lock frees when it ends, and the meeting opens here, writable, with its typing line."""
    meeting = store.load_meeting(demo_file())
    meeting.progress.draft = "elle veut rester chez elle"  # what the old session saved as it ended
    path = demo_file()
    store.save_meeting(path, meeting)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), "concertation"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        app = ConcertationApp(None, clock=Clock())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(app, pilot)
            meetings = app.screen.query_one("#meetings")
            meetings.highlighted = next(i for i in range(meetings.option_count)
                                        if app.screen.summaries[meetings.get_option_at_index(i).id].path == path)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, Confirm)
            await pilot.press("enter")  # yes: the question opens on « Reprendre ici »
            for _ in range(200):  # the worker waits for the lock (bounded by TAKEOVER_WAIT)
                if app.path == path and app.current_mode == "live" and app.live_screen is not None:
                    break
                await pilot.pause(0.05)
            await settle(app, pilot)
            assert holder.wait(10) == -15
            assert app.path == path and not app.read_only and app.lock is not None and app.lock.held
            assert app.typing_text() == "elle veut rester chez elle"
            assert "Réunionrepriseici" in flat(screen_text(app))
            await pilot.press("ctrl+q")
    finally:
        holder.kill()
        holder.wait()


def test_a_suspended_session_is_woken_to_take_its_sigterm(private_home: Path) -> None:
    """A session suspended with ctrl+z in its shell would hold the meeting until resumed (its SIGTERM
    handler cannot run): it is resumed."""
    import signal
    import time

    code = ("import signal, sys, time; signal.signal(signal.SIGTERM, lambda *a: sys.exit(143)); "
            "print('ready', flush=True); time.sleep(120)")
    sleeper = subprocess.Popen([sys.executable, "-c", code, "concertation", "open"], stdout=subprocess.PIPE, text=True)
    assert sleeper.stdout is not None and sleeper.stdout.readline().strip() == "ready"  # its handler is in place
    path = demo_file()
    os.kill(sleeper.pid, signal.SIGSTOP)
    deadline = time.monotonic() + 10
    while not takeover._stopped(sleeper.pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    with held_as(path, **ours(sleeper.pid)):
        found = takeover.examine(path)
        assert isinstance(found, LeftSession) and takeover.ask_to_leave(path, found)
    try:
        assert sleeper.wait(10) == 143  # its own handler ran: it was resumed
    finally:
        sleeper.kill()
        sleeper.wait()
