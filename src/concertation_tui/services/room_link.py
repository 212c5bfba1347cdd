"""The link between the facilitator's session and the room's screen (`concertation show`).

No socket, no port: the meeting file itself is the link. The facilitator's session saves every change
within a second (store.write_private: a whole new file renamed over the old one), and everything the
room needs is in that file: the step, the item and the speaker (`progress`), the clocks (`TimeSpan`s the
room's screen counts from), private time (a private part still open), and whether the facilitator hid
the room's screen (`progress.room_hidden`, in the file rather than in a side file: it is saved by the
same atomic write as the record it hides, it survives the facilitator's restart, and the follower never
sees a note before the order to hide it). The follower reads that file when its stat changes; it takes no
lock and never writes it.

Two small things travel outside the meeting file, both beside it in 0700 folders, both harmless when
left behind:
- whether a session has the meeting open: the lock file beside it names its holder's process
  (store.MeetingLock); the follower reads it without taking the lock;
- that a room's screen follows: each follower keeps a 0600 presence file `.room/<file>.<pid>` beside
  the meeting and touches it every few seconds; the facilitator's session counts the fresh ones.
No Textual here: the follower's screen and the facilitator's console both use it.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from .. import store
from ..model import Meeting

PRESENCE_DIR = ".room"
HEARTBEAT_SECONDS = 2.0
"""How often a follower says it is still there."""
PRESENCE_FRESH_SECONDS = 8.0
"""A presence file older than this is a follower that went away without a word (killed, link dropped)."""


# -- is the meeting open somewhere? -------------------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def meeting_open(path: Path) -> bool:
    """Whether a session holds `path` open, judged from its lock file without taking the lock.

    A session writes its process id and host into the lock file when it takes the lock and empties it
    when it lets go; a killed session leaves its line behind, but its process is gone. A holder on
    another host (a shared network folder) is believed: its process cannot be seen from here.
    """
    lock = path.parent / f".{path.name}.lock"
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        raw = os.read(fd, 4096)
    except OSError:
        return False
    finally:
        os.close(fd)
    if not raw.strip():
        return False
    try:
        holder = json.loads(raw)
    except ValueError:
        return False
    if not isinstance(holder, dict):
        return False
    pid = holder.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    if holder.get("host") not in (None, socket.gethostname()):
        return True
    return _pid_alive(pid)


# -- following the file ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """What the follower knows now."""

    open: bool
    """A session has the meeting open."""
    meeting: Meeting | None
    """The meeting as last read (kept when the file is briefly unreadable)."""
    changed: bool
    """The file changed since the previous reading."""


class FileFollower:
    """Reads the meeting file again only when its stat says it changed (an atomic save is a new inode)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._signature: tuple[int, int, int] | None = None
        self.meeting: Meeting | None = None

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def poll(self) -> Reading:
        """One look: cheap when nothing changed (one stat and one small read of the lock file)."""
        signature = self._stat()
        changed = False
        if signature is not None and signature != self._signature:
            try:
                self.meeting = store.load_meeting(self.path)
                self._signature = signature
                changed = True
            except store.MeetingFileError:
                pass  # caught mid-way or damaged: keep what was read, try again at the next look
        elif signature is None and self._signature is not None:
            self._signature = None
        return Reading(meeting_open(self.path), self.meeting, changed)


# -- a room's screen is following -------------------------------------------------------------------------


def presence_dir(path: Path) -> Path:
    return path.parent / PRESENCE_DIR


class Presence:
    """The follower's presence file: made 0600 in a 0700 folder, touched every few seconds, removed at the end.

    Best effort: a folder the follower may not write (another user's meetings) leaves it unannounced,
    and it follows all the same.
    """

    def __init__(self, path: Path) -> None:
        self.file = presence_dir(path) / f"{path.name}.{os.getpid()}"
        self._last = 0.0

    def announce(self) -> None:
        try:
            store.ensure_private_dir(self.file.parent, no_link=True)
            fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            os.close(fd)
            os.utime(self.file)
            self._last = time.monotonic()
        except (OSError, store.StoreError):
            pass

    def beat(self) -> None:
        """Touch the file when due (cheap to call often)."""
        if time.monotonic() - self._last >= HEARTBEAT_SECONDS or not self.file.exists():
            self.announce()

    def withdraw(self) -> None:
        with contextlib.suppress(OSError):
            self.file.unlink()


def followers(path: Path, *, now: float | None = None) -> int:
    """How many room's screens follow `path` now (presence files fresh and of a live process)."""
    folder = presence_dir(path)
    prefix = path.name + "."
    moment = time.time() if now is None else now
    count = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        pid_text = entry.name[len(prefix):]
        if not pid_text.isdigit():
            continue
        try:
            fresh = moment - entry.stat(follow_symlinks=False).st_mtime <= PRESENCE_FRESH_SECONDS
        except OSError:
            continue
        if fresh and _pid_alive(int(pid_text)):
            count += 1
    return count
