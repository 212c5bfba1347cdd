"""The store: private atomic writes, generations, locks, damaged files told in words."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.model import Attendance, Meeting, Participant, ParticipantKind
from concertation_tui.store import (
    LockedError,
    MeetingFileError,
    MeetingLock,
    SaveError,
    create_meeting_file,
    load_meeting,
    parse_meeting,
    previous_generations,
    save_meeting,
    serialize,
    write_private,
)

SRC = str(Path(__file__).resolve().parents[1] / "src")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# -- modes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077])
def test_files_are_0600_and_folders_0700_under_any_umask(umask: int, demo: Meeting, private_home: Path) -> None:
    old = os.umask(umask)
    try:
        path = create_meeting_file(demo)
        save_meeting(path, demo, interval=0)
        save_meeting(path, demo, interval=0)
        with MeetingLock(path):
            pass
    finally:
        os.umask(old)
    assert mode(private_home / "meetings") == 0o700
    assert mode(path) == 0o600
    assert mode(path.parent / ".previous") == 0o700
    assert [mode(p) for p in previous_generations(path)] == [0o600, 0o600]
    assert mode(path.parent / f".{path.name}.lock") == 0o600


# -- atomic saves -----------------------------------------------------------------------------------


def test_three_previous_generations_are_kept_newest_first(demo: Meeting) -> None:
    path = create_meeting_file(demo)
    for n in range(5):
        demo.title = f"version {n}"
        save_meeting(path, demo, interval=0)
    assert load_meeting(path).title == "version 4"
    kept = [load_meeting(p).title for p in previous_generations(path)]
    assert kept == ["version 3", "version 2", "version 1"]


def test_generations_are_kept_at_most_once_a_minute_while_typing(demo: Meeting) -> None:
    path = create_meeting_file(demo)
    first = demo.title
    for n in range(5):
        demo.title = f"version {n}"
        save_meeting(path, demo)
    assert [load_meeting(p).title for p in previous_generations(path)] == [first]
    newest = previous_generations(path)[0]
    os.utime(newest, (newest.stat().st_atime, newest.stat().st_mtime - 61))  # a minute later...
    save_meeting(path, demo)
    assert [load_meeting(p).title for p in previous_generations(path)] == ["version 4", first]


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_failed_write_leaves_the_previous_file_intact_and_says_why(
    failing: str, demo: Meeting, monkeypatch
) -> None:
    path = create_meeting_file(demo)
    before = path.read_bytes()
    demo.title = "changed"

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.os, failing, full_disk)
    with pytest.raises(SaveError) as caught:
        save_meeting(path, demo)
    monkeypatch.undo()
    assert "le disque est plein" in caught.value.sentence("fr")
    assert "intacte" in caught.value.sentence("fr")
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.tmp")), "the temp file was left behind"
    save_meeting(path, demo)  # the next attempt rewrites the whole file
    assert load_meeting(path).title == "changed"


def test_a_short_write_is_completed(demo: Meeting, monkeypatch) -> None:
    """os.write may write fewer bytes than asked: the rest must follow, not be lost."""
    real_write = os.write
    monkeypatch.setattr(store.os, "write", lambda fd, data: real_write(fd, bytes(data[:100])))
    path = create_meeting_file(demo)
    assert load_meeting(path) == demo


KILL_LOOP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from concertation_tui.services.demo import demo_meeting
    from concertation_tui.store import save_meeting
    path, meeting = Path(sys.argv[1]), demo_meeting()
    n = 0
    while True:
        n += 1
        meeting.title = f"save {n}"
        save_meeting(path, meeting)
        print(n, flush=True)  # acknowledged only once save_meeting returned
    """
)


def test_kill_9_during_saves_never_corrupts_nor_loses_an_acknowledged_save(demo: Meeting, tmp_path: Path) -> None:
    path = create_meeting_file(demo, tmp_path / "meetings")
    env = {**os.environ, "PYTHONPATH": SRC}
    for round_ in range(12):
        child = subprocess.Popen([sys.executable, "-c", KILL_LOOP, str(path)], stdout=subprocess.PIPE, env=env)
        acknowledged = int(child.stdout.readline())  # saving has started
        time.sleep(0.004 * round_)  # kill at a different point of the save cycle each round
        child.send_signal(signal.SIGKILL)
        later = child.communicate()[0].split()
        acknowledged = int(later[-1]) if later else acknowledged
        saved = load_meeting(path)  # must parse: never a half-written file
        number = int(saved.title.split()[-1]) if saved.title.startswith("save") else 0
        assert number >= acknowledged, f"round {round_}: acknowledged {acknowledged}, file has {number}"
    store.remove_stale_temps(path.parent)
    assert not list(path.parent.glob("*.tmp"))


def test_stale_temp_files_of_dead_sessions_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    dead = folder / ".m.json.999999999.abcd.tmp"
    mine = folder / f".m.json.{os.getpid()}.abcd.tmp"
    dead.write_text("x")
    mine.write_text("x")
    assert store.remove_stale_temps(folder) == [dead]
    assert mine.exists()


# -- locks ------------------------------------------------------------------------------------------


def test_a_second_session_is_told_who_holds_the_meeting(demo: Meeting) -> None:
    path = create_meeting_file(demo)
    with MeetingLock(path):
        with pytest.raises(LockedError) as caught:
            MeetingLock(path).acquire()
        sentence = caught.value.sentence("fr")
        assert str(os.getpid()) in sentence and "déjà ouverte par" in sentence
    with MeetingLock(path) as again:  # released: free again
        assert again.held


def test_a_killed_holder_leaves_no_stale_lock(demo: Meeting) -> None:
    path = create_meeting_file(demo)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from pathlib import Path; from concertation_tui.store import MeetingLock;"
         "MeetingLock(Path(sys.argv[1])).acquire(); print('held', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": SRC},
    )
    assert holder.stdout.readline().strip() == b"held"
    with pytest.raises(LockedError):
        MeetingLock(path).acquire()
    holder.kill()
    holder.wait()
    with MeetingLock(path) as lock:
        assert lock.held


# -- damaged files ----------------------------------------------------------------------------------


def small_meeting() -> bytes:
    person = Participant(name="Jo", kind=ParticipantKind.PERSON, attendance=Attendance.PRESENT)
    return serialize(Meeting(title="Petite réunion", purpose="Un but", participants=[person]))


def test_every_truncation_of_a_meeting_file_gives_a_sentence_not_a_traceback() -> None:
    data = small_meeting()
    for end in range(len(data) - 1):  # the last byte is a newline: dropping it leaves a valid file
        with pytest.raises(MeetingFileError) as caught:
            parse_meeting(data[:end], Path("m.json"))
        sentence = caught.value.sentence("fr")
        assert "m.json" in sentence and "Traceback" not in sentence


def test_every_single_byte_damage_gives_a_sentence_or_a_valid_meeting() -> None:
    data = small_meeting()
    for offset in range(0, len(data), 3):
        for junk in (b"\x00", b"}", b"\xff"):
            damaged = data[:offset] + junk + data[offset + 1 :]
            try:
                parse_meeting(damaged, Path("m.json"))
            except MeetingFileError as error:
                assert error.sentence("en")


def test_errors_name_the_field_and_never_echo_values(demo: Meeting) -> None:
    document = json.loads(serialize(demo))
    document["participants"][2]["attendance"] = "SECRET-VALUE"
    document["actions"][0]["due"] = "SECRET-DATE"
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(json.dumps(document).encode(), Path("m.json"))
    sentence = caught.value.sentence("fr")
    assert "participants n° 3 › attendance" in sentence and "pas dans la liste permise" in sentence
    assert "actions n° 1 › due" in sentence and "date" in sentence
    assert "SECRET" not in sentence and "SECRET" not in str(caught.value)


def test_a_damaged_file_offers_the_newest_good_generation_and_is_not_touched(demo: Meeting) -> None:
    path = create_meeting_file(demo)
    demo.title = "second"
    save_meeting(path, demo, interval=0)
    path.write_bytes(path.read_bytes()[:500])
    damaged = path.read_bytes()
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(path)
    assert caught.value.backup == previous_generations(path)[0]
    assert str(caught.value.backup) in caught.value.sentence("fr")
    assert path.read_bytes() == damaged


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "abîmé ou tronqué"),
        (b"[1, 2]", "n'est pas un fichier de réunion"),
        (b'{"title": "x"}', "ne dit pas sa version"),
        (b'{"format_version": 7}', "version plus récente"),
        (b"\xff\xfe", "abîmé ou tronqué"),
        (b"[" * 100000, "n'est pas un fichier de réunion"),
    ],
)
def test_not_a_meeting_file_is_said_plainly(content: bytes, words: str) -> None:
    with pytest.raises(MeetingFileError) as caught:
        parse_meeting(content, Path("m.json"))
    assert words in caught.value.sentence("fr")


def test_a_missing_file_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(MeetingFileError) as caught:
        load_meeting(tmp_path / "absent.json")
    assert "n'existe pas" in caught.value.sentence("fr")


def test_write_private_replaces_whole_content(tmp_path: Path) -> None:
    target = tmp_path / "private" / "f.bin"
    write_private(target, b"a" * 10_000)
    write_private(target, b"b")
    assert target.read_bytes() == b"b" and mode(target) == 0o600 and mode(target.parent) == 0o700


def test_list_shows_good_and_damaged_meetings(demo: Meeting) -> None:
    good = create_meeting_file(demo)
    bad = good.with_name("2020-01-01-broken.json")
    bad.write_text("{")
    summaries = {s.path: s for s in store.list_meetings()}
    assert summaries[good].title == demo.title and not summaries[good].problem
    assert "abîmé" in summaries[bad].problem
