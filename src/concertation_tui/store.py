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
import getpass
import json
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .i18n import t
from .model import FORMAT_VERSION, Meeting, VersionError, migrate
from .paths import home

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


def ensure_private_dir(path: Path) -> Path:
    """Create `path` and any missing parents 0700 whatever the umask; `path` itself is made 0700."""
    missing = []
    folder = path
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask
    if (path.stat().st_mode & 0o777) != 0o700:
        os.chmod(path, 0o700)
    return path


# -- errors --------------------------------------------------------------------------------------


class StoreError(Exception):
    """A problem with a meeting file, said in plain words through the catalogue."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)  # the key only: no meeting content ever ends up in a traceback
        self.key = key
        self.params = params

    def sentence(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


class MeetingFileError(StoreError):
    """A meeting file that cannot be opened. It was not changed."""

    def __init__(self, key: str, /, *, problems: list[tuple[str, str, dict]] | None = None,
                 backup: Path | None = None, **params: object) -> None:
        super().__init__(key, **params)
        self.problems = problems or []  # (field path, problem key, params)
        self.backup = backup

    def sentence(self, lang: str | None = None) -> str:
        lines = [t(self.key, lang, **self.params)]
        for field, problem, params in self.problems:
            lines.append(t("store.invalid_field", lang, field=field, problem=t(problem, lang, **params)))
        if self.backup is not None:
            when = dt.datetime.fromtimestamp(self.backup.stat().st_mtime).strftime("%d/%m/%Y %H:%M")
            lines.append(t("store.previous_generation", lang, backup=self.backup, when=when))
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


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return t("store.disk_full")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("store.permission")
    return os.strerror(error.errno) if error.errno else type(error).__name__


def previous_generations(path: Path) -> list[Path]:
    """The kept earlier versions of `path` that exist, newest first."""
    folder = path.parent / PREVIOUS_DIR
    found = [folder / f"{path.stem}.{n}{path.suffix}" for n in range(1, GENERATIONS + 1)]
    return [p for p in found if p.exists()]


def _keep_generation(path: Path) -> None:
    """Shift path's kept versions by one and keep the current file as the newest (a hard link: no copy)."""
    folder = ensure_private_dir(path.parent / PREVIOUS_DIR)
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
    is fsynced. On any failure the previous file is untouched and SaveError says why in words.
    """
    folder = ensure_private_dir(path.parent)
    temp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
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
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SaveError("store.write_failed", reason=_reason(error)) from None


def serialize(meeting: Meeting) -> bytes:
    """The bytes of a meeting file."""
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
    for detail in error.errors(include_input=False, include_url=False, include_context=False):
        kind = detail["type"]
        if kind == "value_error" and "unknown id" in detail["msg"]:
            what = detail["msg"].removeprefix("Value error, ").split(" refers")[0]
            problems.append(("(document)", "problem.reference", {"detail": what}))
            continue
        problems.append((_field_path(detail["loc"]), _PROBLEMS.get(kind, "problem.other"), {}))
    return problems[:12]


def _backup_for(path: Path) -> Path | None:
    """The newest kept earlier version that loads, if any."""
    for candidate in previous_generations(path):
        try:
            parse_meeting(candidate.read_bytes(), candidate)
        except (OSError, MeetingFileError):
            continue
        return candidate
    return None


def parse_meeting(data: bytes, path: Path) -> Meeting:
    """The meeting in `data` (the content of `path`), migrated to the current format.

    Raises MeetingFileError with a sentence naming the file and what is wrong; never echoes values.
    """
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
        return Meeting.model_validate(document)
    except ValidationError as error:
        raise MeetingFileError("store.invalid", file=name, problems=_problems(error)) from None
    except RecursionError:
        raise MeetingFileError("store.not_meeting", file=name) from None


def load_meeting(path: Path) -> Meeting:
    """Read and parse a meeting file. On a damaged file the error offers the newest good earlier version."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MeetingFileError("store.not_found", file=str(path)) from None
    except OSError as error:
        raise MeetingFileError("store.unreadable", file=str(path), reason=_reason(error)) from None
    try:
        return parse_meeting(data, path)
    except MeetingFileError as error:
        if error.key not in ("store.too_new",):
            error.backup = _backup_for(path)
        raise


# -- locking ---------------------------------------------------------------------------------------


class MeetingLock:
    """An exclusive lock on one meeting file, held while a session edits it.

    flock on a hidden file beside the meeting: the kernel releases it when the holder dies, so a
    killed session leaves nothing stale. The file says who holds it, for the sentence the next
    session reads.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.parent / f".{path.name}.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        ensure_private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read_holder(fd)
            os.close(fd)
            raise LockedError("store.locked", **holder) from None
        except OSError:
            os.close(fd)
            raise
        info = {
            "user": getpass.getuser(),
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": dt.datetime.now().strftime("%d/%m/%Y %H:%M"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self._fd = fd

    @staticmethod
    def _read_holder(fd: int) -> dict[str, object]:
        unknown = {"user": "?", "host": "?", "pid": "?", "since": "?"}
        try:
            info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        except (OSError, ValueError):
            return unknown
        return {key: info.get(key, "?") for key in unknown} if isinstance(info, dict) else unknown

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


def list_meetings(folder: Path | None = None, lang: str | None = None) -> list[MeetingSummary]:
    """Every meeting file in the folder, newest meeting date first; damaged files are listed with why.

    Read through the index kept beside the meetings (meeting_index.py): only files changed since
    the last listing are read and validated again.
    """
    from .meeting_index import list_meetings as indexed  # it imports this module

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
