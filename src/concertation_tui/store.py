"""Meeting files on disk: where they live, atomic private writes, generations, locks, loading.

No Textual, no python-docx. Every file written here is 0600 in a 0700 folder whatever the umask;
a save either fully replaces the file or leaves the previous one intact; a file that does not load is
never overwritten. Errors carry a catalogue key, so the caller shows them in the user's language.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import t
from .paths import home
from .visible import visible

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .model import Meeting

# The model (pydantic, and the meeting's schema built on first use) is imported by the functions that
# read or write a meeting, not here: `concertation list` reads the launcher's index and folders through
# this module and would otherwise pay for it without validating anything.

GENERATIONS = 3
"""How many previous versions of a meeting file are kept in the `.previous` folder beside it."""
GENERATION_INTERVAL = 60.0
"""Seconds between kept versions: saves come every second while typing, so keeping each one would
leave three versions of the last three seconds; one a minute gives something to go back to."""
PREVIOUS_DIR = ".previous"
TEMP_SUFFIX = ".tmp"


# -- folders -------------------------------------------------------------------------------------


def meetings_dir() -> Path:
    """Where meeting files live, created 0700."""
    return ensure_private_dir(home() / "meetings")


def ensure_private_dir(path: Path, *, no_link: bool = False) -> Path:
    """Create `path` and any missing parents 0700 whatever the umask.

    A folder that already exists keeps its mode: it is someone's (a shared 1777 folder, /tmp itself,
    a folder its owner made 0500), and only the folders this program creates are its to set. With
    `no_link` (the program's own folders, like `.previous`), a symbolic link where the folder should be
    is refused (StoreError "store.link_refused") and its target never touched.
    """
    missing = []
    folder = path
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue  # made by a concurrent session in between: not ours, left as it is
        os.chmod(folder, 0o700, follow_symlinks=False)  # mkdir's mode is filtered by the umask
    if no_link and os.path.islink(path):
        raise StoreError("store.link_refused", file=str(path))
    if not path.is_dir():
        raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    return path


# -- errors --------------------------------------------------------------------------------------


class _Reason:
    """An OSError's reason, put into words only when the sentence is made (in the reader's language)."""

    def __init__(self, error: OSError) -> None:
        self.errno = error.errno
        self.name = type(error).__name__

    def words(self, lang: str | None) -> str:
        return _reason(OSError(self.errno, self.name), lang)


def _shown(params: dict[str, object], lang: str | None = None) -> dict[str, object]:
    """File names and other words from outside, made harmless for a terminal (see visible.py)."""
    shown = {}
    for key, value in params.items():
        if isinstance(value, _Reason):
            value = value.words(lang)
        shown[key] = visible(value) if isinstance(value, (str, Path)) else value
    return shown


class StoreError(Exception):
    """A problem with a meeting file, said in plain words through the catalogue."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)  # the key only: no meeting content ever ends up in a traceback
        self.key = key
        self.params = params

    def sentence(self, lang: str | None = None, *, retried: bool = True) -> str:
        """The sentence; `retried=False` where nothing will try again (the command line, a minute
        written once), so that no retry is promised."""
        key = "store.write_failed_now" if self.key == "store.write_failed" and not retried else self.key
        return t(key, lang, **_shown(self.params, lang))


class MeetingFileError(StoreError):
    """A meeting file that cannot be opened. It was not changed."""

    def __init__(self, key: str, /, *, problems: list[tuple[str, str, dict]] | None = None,
                 backup: Path | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.problems = problems or []  # (field path, problem key, params)
        self.backup = backup

    def sentence(self, lang: str | None = None) -> str:
        lines = [t(self.key, lang, **_shown(self.params, lang))]
        for field, problem, params in self.problems:
            lines.append(t("store.invalid_field", lang, field=visible(field), problem=t(problem, lang, **params)))
        if self.backup is not None:
            with contextlib.suppress(OSError):
                when = dt.datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%d/%m/%Y %H:%M")
                lines.append(t("store.previous_generation", lang, backup=visible(self.backup), when=when))
        return "\n".join(lines)


class SaveError(StoreError):
    """Writing failed; the previous file is intact."""


class LockedError(StoreError):
    """Another session holds the meeting."""


# -- writing ---------------------------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_REASONS = {
    errno.ENOSPC: "store.disk_full",
    errno.EDQUOT: "store.disk_full",
    errno.EACCES: "store.permission",
    errno.EPERM: "store.permission",
    errno.EROFS: "store.read_only_disk",
    errno.ENOENT: "store.missing_folder",
    errno.ENOTDIR: "store.not_a_folder",
    errno.EISDIR: "store.is_a_folder",
}


def _reason(error: OSError, lang: str | None = None) -> str:
    """Why an OSError happened, in the user's words (the system's own text for the rare others)."""
    if error.errno in _REASONS:
        return t(_REASONS[error.errno], lang)
    return os.strerror(error.errno) if error.errno else type(error).__name__


def os_error_sentence(error: OSError, lang: str | None = None) -> str:
    """A sentence for any OSError met while writing (used by the commands that have no retry)."""
    where = error.filename if isinstance(error.filename, (str, Path)) else ""
    return t("store.write_failed_now", lang, file=visible(where), reason=_reason(error, lang))


def previous_generations(path: Path) -> list[Path]:
    """The kept earlier versions of `path` that exist, newest first."""
    folder = path.parent / PREVIOUS_DIR
    found = [folder / f"{path.stem}.{n}{path.suffix}" for n in range(1, GENERATIONS + 1)]
    return [p for p in found if p.exists()]


def _keep_generation(path: Path) -> None:
    """Shift path's kept versions by one and keep the current file as the newest (a hard link: no copy)."""
    folder = ensure_private_dir(path.parent / PREVIOUS_DIR, no_link=True)
    names = [folder / f"{path.stem}.{n}{path.suffix}" for n in range(1, GENERATIONS + 1)]
    for older, newer in zip(reversed(names[1:]), reversed(names[:-1]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    with contextlib.suppress(FileNotFoundError):
        names[0].unlink()
    os.link(path, names[0])


def _generation_due(path: Path, interval: float) -> bool:
    """Whether the current file should be kept as a generation before it is replaced."""
    if not path.exists():
        return False
    newest = path.parent / PREVIOUS_DIR / f"{path.stem}.1{path.suffix}"
    try:
        return path.stat().st_mtime - newest.stat().st_mtime >= interval
    except FileNotFoundError:
        return True


def write_private(path: Path, data: bytes, *, generations: bool = False,
                  interval: float = GENERATION_INTERVAL) -> None:
    """Replace `path` with `data` atomically, mode 0600; with `generations`, keep previous versions
    (at most one per `interval` seconds).

    A temp file in the same folder is written and fsynced, then renamed over `path`, then the folder
    is fsynced. On any failure the previous file is untouched, the temp file is gone, and SaveError
    says why in words. A file owned by another user is never replaced (that would take it from them).
    """
    try:
        folder = ensure_private_dir(path.parent)
    except OSError as error:
        raise SaveError("store.folder_unusable", folder=str(path.parent), reason=_Reason(error)) from None
    refuse_foreign(path)
    temp = folder / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}"  # as secrets.token_hex
    try:
        # O_EXCL and O_NOFOLLOW: a link planted under the temp name is never followed.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as error:
        raise SaveError("store.folder_unusable", folder=str(folder), reason=_Reason(error)) from None
    try:
        try:
            os.fchmod(fd, 0o600)  # the umask may have taken bits away; never more than 0600 anyway
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if generations and _generation_due(path, interval):
            _keep_generation(path)
        os.replace(temp, path)
        _fsync_dir(folder)
    except (OSError, StoreError) as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, SaveError):
            raise
        if isinstance(error, StoreError):  # a link where .previous should be: still a failed save
            raise SaveError(error.key, **error.params) from None
        raise SaveError("store.write_failed", file=str(path), reason=_Reason(error)) from None


def owned_by_someone_else(path: Path) -> bool:
    """Whether `path` exists and belongs to another user than the one running (root included)."""
    try:
        return os.lstat(path).st_uid != os.geteuid()
    except OSError:
        return False


def refuse_foreign(path: Path) -> None:
    """SaveError when `path` is another user's file: replacing it would make it ours (and root's)."""
    if owned_by_someone_else(path):
        raise SaveError("store.other_owner_refused", file=str(path))


def serialize(meeting: Meeting) -> bytes:
    """The bytes of a meeting file, always one that loads again.

    The interface assigns typed and pasted text straight into the model (assignments are not
    validated): a control character or a lone surrogate pasted into a note, or a note longer than its
    limit, is dropped or cut here rather than written into a file that `check` would then refuse.
    """
    from .model.text import clean_document, needs_cleaning

    try:
        text = meeting.model_dump_json(indent=2)
    except ValueError:  # a lone surrogate that JSON cannot encode: cleaned below
        text = None
    if text is not None and not needs_cleaning(text):  # the usual case, at the speed of pydantic
        return text.encode("utf-8") + b"\n"
    document, changed = clean_document(meeting.model_dump(mode="json"))
    if changed:
        return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    return meeting.model_dump_json(indent=2).encode("utf-8") + b"\n"


def save_meeting(path: Path, meeting: Meeting, *, interval: float = GENERATION_INTERVAL) -> bytes:
    """Write the meeting atomically, keeping previous generations; returns the bytes written."""
    data = serialize(meeting)
    write_private(path, data, generations=True, interval=interval)
    return data


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files left by a save that was interrupted (its process is gone). Returns them."""
    removed = []
    if not folder.is_dir():
        return removed
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        parts = temp.name.split(".")
        pid = int(parts[-3]) if len(parts) >= 4 and parts[-3].isdigit() else 0
        if pid == os.getpid() or (pid and _pid_alive(pid)):
            continue
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


# -- loading ---------------------------------------------------------------------------------------

# Words a facilitator can act on, for the pydantic error types that a damaged file produces.
_PROBLEMS = {
    "missing": "problem.missing",
    "extra_forbidden": "problem.extra",
    "enum": "problem.enum",
    "literal_error": "problem.enum",
    "date_from_datetime_parsing": "problem.date",
    "date_parsing": "problem.date",
    "date_type": "problem.date",
    "datetime_parsing": "problem.date",
    "datetime_from_date_parsing": "problem.date",
    "datetime_type": "problem.date",
    "time_parsing": "problem.time",
    "time_type": "problem.time",
    "int_parsing": "problem.number",
    "int_type": "problem.number",
    "int_from_float": "problem.number",
    "greater_than_equal": "problem.range",
    "text_characters": "problem.characters",
    "text_too_long": "problem.too_long",
    "less_than_equal": "problem.range",
}


def _field_path(loc: tuple) -> str:
    """('participants', 2, 'name') -> 'participants n° 3 › name' (numbers counted from 1)."""
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]} n° {part + 1}" if parts else f"n° {part + 1}"]
        else:
            parts.append(str(part))
    return " › ".join(parts) or "(document)"


def _problems(error: ValidationError) -> list[tuple[str, str, dict]]:
    problems = []
    for detail in error.errors(include_input=False, include_url=False, include_context=True):
        kind = detail["type"]
        if kind == "value_error" and "unknown" in detail["msg"] and " id" in detail["msg"]:
            for line in detail["msg"].removeprefix("Value error, ").split("; "):
                place, _, target = line.removesuffix(" id").partition(" refers to an unknown ")
                problems.append((place, f"problem.unknown_{target}", {}))
            continue
        # Only the lengths are passed on: other contexts may quote what the file expected or held.
        params = dict(detail.get("ctx", {})) if kind == "text_too_long" else {}
        problems.append((_field_path(detail["loc"]), _PROBLEMS.get(kind, "problem.other"), params))
    return problems[:12]


def _backup_for(path: Path) -> Path | None:
    """The newest kept earlier version that loads, if any."""
    for candidate in previous_generations(path):
        try:
            parse_meeting(read_regular(candidate, follow=False), candidate)
        except (OSError, MeetingFileError):
            continue
        return candidate
    return None


def parse_meeting(data: bytes, path: Path) -> Meeting:
    """The meeting in `data` (the content of `path`), migrated to the current format.

    Raises MeetingFileError with a sentence naming the file and what is wrong; never echoes values.
    """
    from pydantic import ValidationError

    from .model import FORMAT_VERSION, Meeting, VersionError, migrate
    from .model.meeting import FROM_FILE

    name = str(path)
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise MeetingFileError("store.not_json", file=name, line=1) from None
    except json.JSONDecodeError as error:
        raise MeetingFileError("store.not_json", file=name, line=error.lineno) from None
    except RecursionError:
        raise MeetingFileError("store.not_meeting", file=name) from None
    if not isinstance(document, dict):
        raise MeetingFileError("store.not_meeting", file=name)
    if "format_version" not in document:
        raise MeetingFileError("store.no_version", file=name)
    try:
        document = migrate(document)
    except VersionError as error:
        if isinstance(error.found, int) and not isinstance(error.found, bool) and error.found > FORMAT_VERSION:
            raise MeetingFileError("store.too_new", file=name, found=error.found, known=FORMAT_VERSION) from None
        raise MeetingFileError("store.no_version", file=name) from None
    try:
        return Meeting.model_validate(document, context=FROM_FILE)
    except ValidationError as error:
        raise MeetingFileError("store.invalid", file=name, problems=_problems(error)) from None
    except RecursionError:
        raise MeetingFileError("store.not_meeting", file=name) from None


def read_regular(path: Path, *, follow: bool = True) -> bytes:
    """The bytes of `path` if it is a regular file; OSError(EINVAL) for a FIFO, a device or a folder.

    Opened non-blocking (a FIFO with no writer would otherwise wait forever) and without becoming a
    controlling terminal, then judged on the open descriptor, so nothing swaps the file in between.
    Without `follow` (the program's own kept versions), a link is refused (OSError ELOOP).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        os.set_blocking(fd, True)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a file's state without reading it: (modification time in ns, size, inode); None
    when it cannot be read. An atomic save (a new file renamed over it) changes the inode."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


@dataclass(frozen=True)
class Preloaded:
    """A meeting already read and validated (by `concertation open`, to explain a damaged file before
    any screen), with the stamp its file had just before: the interface takes it instead of validating
    the file a second time, as long as the stamp still holds (at the very large size, 60 ms saved)."""

    path: Path
    meeting: Meeting
    stamp: tuple[int, int, int] | None

    def still_current(self, path: Path) -> bool:
        return self.stamp is not None and path == self.path and file_stamp(path) == self.stamp


def load_meeting(path: Path) -> Meeting:
    """Read and parse a meeting file. On a damaged file the error offers the newest good earlier version."""
    try:
        data = read_regular(path)
    except FileNotFoundError:
        raise MeetingFileError("store.not_found", file=str(path)) from None
    except IsADirectoryError:
        raise MeetingFileError("store.not_regular", file=str(path)) from None
    except OSError as error:
        if error.errno == errno.EINVAL:
            raise MeetingFileError("store.not_regular", file=str(path)) from None
        raise MeetingFileError("store.unreadable", file=str(path), reason=_Reason(error)) from None
    try:
        return parse_meeting(data, path)
    except MeetingFileError as error:
        if error.key not in ("store.too_new",):
            error.backup = _backup_for(path)
        raise


# -- locking ---------------------------------------------------------------------------------------


def process_start_time(pid: int) -> int | None:
    """When process `pid` started (clock ticks since boot, /proc/PID/stat's 22nd field), or None when
    it is not running or /proc does not say. With the pid, names one process: pids are used again."""
    try:
        data = Path(f"/proc/{int(pid)}/stat").read_bytes()
        return int(data.rsplit(b")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


class MeetingLock:
    """An exclusive lock on one meeting file, held while a session edits it.

    flock on a hidden file beside the meeting: the kernel releases it when the holder dies, so a
    killed session leaves nothing stale. The file says who holds it (user, host, pid, since, and the
    process's start time), for the sentence the next session reads and for a take-over of a session of
    the same user left behind by a dropped link (services/session_takeover.py), which checks that the
    pid still is that process before it signals it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.parent / f".{path.name}.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise LockedError (someone holds it) or StoreError (it cannot be taken).

        The lock file is opened without following a link (a link there is refused: its target, any
        file when run as root, is never truncated or chmodded) and must be a regular file. Whatever
        fails after the open (a full disk while writing the holder's line) releases the lock and
        closes the descriptor, so the next session is not told about a holder that is not there.
        """
        try:
            ensure_private_dir(self.path.parent)
        except OSError as error:
            raise StoreError("store.lock_failed", reason=_Reason(error)) from None
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StoreError("store.link_refused", file=str(self.path)) from None
            raise StoreError("store.lock_failed", reason=_Reason(error)) from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise StoreError("store.not_regular", file=str(self.path))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LockedError("store.locked", **self._read_holder(fd)) from None
            if info.st_uid == os.geteuid():
                os.fchmod(fd, 0o600)  # never another user's lock file: it stays as they made it
            import getpass  # here, not at the top: only a session that edits takes a lock
            import socket

            holder = {
                "user": getpass.getuser(),
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "since": dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
                # the process's start time: a pid used again by another program has another one
                # (services/session_takeover.py checks it before it signals the holder)
                "started": process_start_time(os.getpid()),
            }
            os.ftruncate(fd, 0)
            line = json.dumps(holder).encode()
            if os.pwrite(fd, line, 0) != len(line):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except BaseException as error:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
            if isinstance(error, OSError):
                raise StoreError("store.lock_failed", reason=_Reason(error)) from None
            raise
        self._fd = fd

    @staticmethod
    def _read_holder(fd: int) -> dict[str, object]:
        unknown = {"user": "?", "host": "?", "pid": "?", "since": "?"}
        try:
            info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        except (OSError, ValueError):
            return unknown
        return {key: info.get(key, "?") for key in unknown} if isinstance(info, dict) else unknown

    def holder(self) -> dict[str, object] | None:
        """Who holds the lock, as its holder wrote it (its whole record), or None when the lock is free,
        its file unreadable, or not a regular file. Takes nothing."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode) or self.free_on(fd):
                return None
            try:
                info = json.loads(os.pread(fd, 4096, 0) or b"{}")
            except ValueError:
                return {}
            return info if isinstance(info, dict) else {}
        except OSError:
            return None
        finally:
            os.close(fd)

    def is_free(self) -> bool:
        """True when nobody holds the lock now (it can be taken); takes nothing."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        try:
            return self.free_on(fd)
        finally:
            os.close(fd)

    @staticmethod
    def free_on(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:
            return False
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> MeetingLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# -- the list of meetings --------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingSummary:
    """What the launcher shows of a meeting file without holding it."""

    path: Path
    title: str = ""
    date: dt.date | None = None
    phase: str = ""
    series_id: str = ""
    number: int = 1
    modified: float = 0.0
    problem: str = ""
    """A sentence when the file does not load."""
    issued: int = 0
    """How many times its minute was issued (0: never)."""
    version: int = 0
    """The version of the last issue (1: the first; 2 and more: corrected)."""
    issued_on: dt.date | None = None
    """When the last issue went out."""
    changes: tuple[int, int, int] | None = None
    """Records added, changed and removed since the last issue (None: never issued, or not known)."""


def list_meetings(folder: Path | None = None, lang: str | None = None) -> list[MeetingSummary]:
    """Every meeting file in the folder, newest meeting date first; damaged files are listed with why.

    Read through the index kept beside the meetings (meeting_index.py): only files changed since
    the last listing are read and validated again.
    """
    from .services.meeting_index import list_meetings as indexed  # it imports this module

    return indexed(folder, lang)[0]


def file_name_for(meeting: Meeting) -> str:
    """A file name that says the date but never the person: '2026-11-23-1a2b3c4d5e6f.json'."""
    day = meeting.date.isoformat() if meeting.date else "sans-date"
    return f"{day}-{meeting.id}.json"


def create_meeting_file(meeting: Meeting, folder: Path | None = None) -> Path:
    """Write a new meeting into the meetings folder (or `folder`) and return its path."""
    folder = ensure_private_dir(folder) if folder else meetings_dir()
    path = folder / file_name_for(meeting)
    write_private(path, serialize(meeting))
    return path
