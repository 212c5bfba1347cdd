"""Taking over a meeting left open in another session of the same person (a dropped link).

A dropped SSH link may leave the program that held the meeting alive for a while: its SIGHUP not
delivered yet, TCP not timed out, or its terminal merely silent (the interface waits a stalled terminal
out, tui/safety.py). Its lock (store.MeetingLock) then keeps the facilitator who reconnects out of
their own meeting. `left_session()` tells whether the holder is such a session: the same user, on
this host, a process that is still this program (its command line names it, it belongs to this user,
and it started when the lock's record says: pids are used again). `ask_to_leave()` sends it SIGTERM,
which makes it save everything (the typing line, an open form's draft) and end (safety.py's handler,
which acts even when its interface is stuck behind a frozen terminal); the caller then waits for the
lock to be free (`MeetingLock.is_free`) and opens the meeting.

Never a process of another user or another host, nor one whose pid no longer is this program: each of
those is refused with a reason (`Refusal`), and the meeting opens read-only as before.
"""

from __future__ import annotations

import datetime as dt
import enum
import getpass
import os
import signal
import socket
from dataclasses import dataclass
from pathlib import Path

from .. import store

TAKEOVER_WAIT = 10.0
"""Seconds the new session waits for the old one to save and free the lock (it takes about one; a
session stuck behind a frozen terminal ends from its failsafe thread within three)."""

PROGRAM_NAMES = (b"concertation", b"concertation_tui")
"""What the command line of this program holds (the installed script, or `-m concertation_tui`)."""


class Refusal(enum.Enum):
    """Why a lock's holder may not be taken over."""

    NO_HOLDER = "no_holder"
    OTHER_USER = "other_user"
    OTHER_HOST = "other_host"
    OURSELVES = "ourselves"
    NOT_RUNNING = "not_running"
    NOT_THIS_PROGRAM = "not_this_program"


@dataclass(frozen=True)
class LeftSession:
    """A session of this user, on this host, that holds the meeting and may be asked to leave."""

    pid: int
    started: int | None
    since: str
    """When it opened the meeting, as the sentence says it: HH:MM today, else DD/MM/YYYY HH:MM."""


def _since_text(since: object, today: dt.date | None = None) -> str:
    text = str(since or "")
    try:
        when = dt.datetime.strptime(text, "%d/%m/%Y %H:%M")
    except ValueError:
        return text
    return when.strftime("%H:%M") if when.date() == (today or dt.date.today()) else text


def _is_this_program(pid: int) -> bool:
    """True when process `pid` belongs to this user and runs this program (its command line says so)."""
    proc = Path(f"/proc/{pid}")
    try:
        if os.stat(proc).st_uid != os.geteuid():
            return False
        words = (proc / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(os.path.basename(word).startswith(PROGRAM_NAMES) or b"concertation_tui" in word for word in words)


def examine(path: Path) -> LeftSession | Refusal:
    """The session holding `path`'s lock, when it may be taken over; else why not."""
    holder = store.MeetingLock(path).holder()
    if not holder:
        return Refusal.NO_HOLDER
    if holder.get("user") != getpass.getuser():
        return Refusal.OTHER_USER
    if holder.get("host") != socket.gethostname():
        return Refusal.OTHER_HOST
    pid = holder.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 1:
        return Refusal.NOT_RUNNING
    if pid == os.getpid():
        return Refusal.OURSELVES
    started = store.process_start_time(pid)
    if started is None:
        return Refusal.NOT_RUNNING
    recorded = holder.get("started")
    if recorded is not None and recorded != started:
        return Refusal.NOT_THIS_PROGRAM  # the pid was used again by another process
    if not _is_this_program(pid):
        return Refusal.NOT_THIS_PROGRAM
    return LeftSession(pid=pid, started=started, since=_since_text(holder.get("since")))


def left_session(path: Path) -> LeftSession | None:
    """The session that holds `path` and may be taken over, or None."""
    found = examine(path)
    return found if isinstance(found, LeftSession) else None


def ask_to_leave(path: Path, session: LeftSession) -> bool:
    """Send SIGTERM to `session` (it saves everything and ends), after checking again, just before, that
    the lock's holder is still that very process. False when it is not (nothing was sent)."""
    again = examine(path)
    if not isinstance(again, LeftSession) or again.pid != session.pid or again.started != session.started:
        return False
    try:
        os.kill(session.pid, signal.SIGTERM)
        if _stopped(session.pid):  # suspended (ctrl+z in its shell): it takes SIGTERM once it runs again
            os.kill(session.pid, signal.SIGCONT)
    except OSError:
        return False
    return True


def _stopped(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in (b"T", b"t")
