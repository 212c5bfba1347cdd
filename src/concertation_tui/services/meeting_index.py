"""The list of meetings, from a small index kept beside them (the launcher, `concertation list`).

An office server's folder grows every month: validating every meeting file each time the launcher
opens froze it for 0.9 s at 300 files. The index (`meetings/.launcher-index`, 0600 like the
meetings) keeps what a list shows of each file (title, date, step, series, minute issued) with the
file's size and modification time; a file whose size or time changed, or that the index does not
know, is read again, and the index rewritten. Damaged files are remembered as damaged and read again
only to say why. A link, a FIFO or a folder named like a meeting is never indexed: it is listed as
the store reads it (a pipe or a folder with the sentence refusing it).

Headless: no Textual.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path

from ..store import MeetingFileError, MeetingSummary, load_meeting, meetings_dir, write_private

INDEX_NAME = ".launcher-index"
INDEX_VERSION = 3
"""2: the last issue's version and date are kept (the list says 'issued v2 on ...', not the step).
3: and what changed since that issue (added, changed, removed), so the list says the minute is out of date."""


def _stamp(entry: os.DirEntry) -> list[int]:
    info = entry.stat(follow_symlinks=False)
    return [info.st_mtime_ns, info.st_size, info.st_ino]


def _meeting_files(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return [e for e in entries if e.name.endswith(".json")]
    except OSError:
        return []


def _odd_entry(path: Path, lang: str | None) -> MeetingSummary:
    """A link, a pipe or a folder named like a meeting: never indexed; listed as the store reads it
    (a link to a meeting file opens; a pipe or a folder gets the store's sentence refusing it)."""
    return _summary(path, _entry_of(path, [0, 0, 0]), lang)


def _read_index(folder: Path) -> dict[str, dict]:
    try:
        raw = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict) or raw.get("version") != INDEX_VERSION or not isinstance(raw.get("files"), dict):
        return {}
    return raw["files"]


def _entry_of(path: Path, stamp: list[int]) -> dict:
    """What the index keeps of one file (reads and validates it)."""
    try:
        meeting = load_meeting(path)
    except MeetingFileError:
        return {"stamp": stamp, "damaged": True}
    return {
        "stamp": stamp,
        "title": meeting.title,
        "date": meeting.date.isoformat() if meeting.date else None,
        "phase": meeting.progress.phase.value,
        "series_id": meeting.series.series_id,
        "number": meeting.series.number,
        "issued": len(meeting.distribution.issues),
        "version": meeting.distribution.issues[-1].version if meeting.distribution.issues else 0,
        "issued_on": meeting.distribution.issues[-1].at.date().isoformat() if meeting.distribution.issues else None,
        "changes": _changes(meeting),
    }


def _changes(meeting) -> list[int] | None:
    """Added, changed and removed since the last issue (None: never issued, or nobody can tell)."""
    from ..model.minute_state import changes_since_last_issue

    found = changes_since_last_issue(meeting)
    return [found.added, found.changed, found.removed] if found else None


def _summary(path: Path, entry: dict, lang: str | None) -> MeetingSummary:
    modified = entry["stamp"][0] / 1e9
    if entry.get("damaged"):
        try:
            load_meeting(path)
            problem = ""
        except MeetingFileError as error:
            problem = error.sentence(lang)
        return MeetingSummary(path=path, modified=modified, problem=problem)
    day = entry.get("date")
    return MeetingSummary(
        path=path, title=entry.get("title", ""), date=dt.date.fromisoformat(day) if day else None,
        phase=entry.get("phase", ""), series_id=entry.get("series_id", ""), number=entry.get("number", 1),
        modified=modified, issued=entry.get("issued", 0), version=entry.get("version", 0),
        issued_on=_day(entry.get("issued_on")), changes=_counts(entry.get("changes")),
    )


def _counts(value: object) -> tuple[int, int, int] | None:
    if isinstance(value, list) and len(value) == 3 and all(type(v) is int and v >= 0 for v in value):
        return (value[0], value[1], value[2])
    return None


def _day(text: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def list_meetings(folder: Path | None = None, lang: str | None = None, *,
                  known_only: bool = False) -> tuple[list[MeetingSummary], int]:
    """Every meeting in the folder, newest meeting date first, and how many files the index did not
    know (or knew in an older state).

    With `known_only`, those files are left out and nothing is read but the index (the launcher
    shows this at once, then asks for the whole list in a worker); otherwise they are read, and
    the index is rewritten when anything changed.
    """
    folder = folder or meetings_dir()
    index = _read_index(folder)
    fresh: dict[str, dict] = {}
    stale = 0
    summaries = []
    for found in _meeting_files(folder):
        try:
            regular = found.is_file(follow_symlinks=False)
            stamp = _stamp(found)
        except OSError:
            regular = False
        if not regular:
            summaries.append(_odd_entry(Path(found.path), lang))
            continue
        entry = index.get(found.name)
        if entry is None or entry.get("stamp") != stamp:
            stale += 1
            if known_only:
                continue
            entry = _entry_of(Path(found.path), stamp)
        fresh[found.name] = entry
        summaries.append(_summary(Path(found.path), entry, lang))
    if not known_only and (stale or set(fresh) != set(index)):
        with contextlib.suppress(Exception):  # a folder one may read but not write: no index, same list
            data = json.dumps({"version": INDEX_VERSION, "files": fresh}, ensure_ascii=False).encode("utf-8")
            write_private(folder / INDEX_NAME, data)
    summaries.sort(key=lambda s: (s.date or dt.date.min, s.modified), reverse=True)
    return summaries, stale
