"""The list of meetings comes from an index: only files changed since the last listing are read."""

from __future__ import annotations

import os

from concertation_tui import store
from concertation_tui.services import meeting_index
from concertation_tui.services.demo import demo_meeting


def three_meetings():
    paths = []
    for index in range(3):
        meeting = demo_meeting()
        meeting.title = f"Réunion {index}"
        paths.append(store.create_meeting_file(meeting))
    return paths


def test_a_second_listing_reads_no_unchanged_file(monkeypatch) -> None:
    paths = three_meetings()
    first, stale = meeting_index.list_meetings()
    assert stale == 3 and sorted(s.title for s in first) == ["Réunion 0", "Réunion 1", "Réunion 2"]
    index = store.meetings_dir() / meeting_index.INDEX_NAME
    assert index.exists() and index.stat().st_mode & 0o777 == 0o600
    reads = []
    real = meeting_index.load_meeting
    monkeypatch.setattr(meeting_index, "load_meeting", lambda path: reads.append(path) or real(path))
    again, stale = meeting_index.list_meetings()
    assert stale == 0 and reads == [] and [s.title for s in again] == [s.title for s in first]
    # One file changes: only that one is read again, and the list shows its new title.
    changed = store.load_meeting(paths[1])
    changed.title = "Réunion 1, corrigée"
    store.save_meeting(paths[1], changed)
    third, stale = meeting_index.list_meetings()
    assert stale == 1 and reads == [paths[1]]
    assert "Réunion 1, corrigée" in [s.title for s in third]


def test_known_only_reads_nothing_but_the_index(monkeypatch) -> None:
    three_meetings()
    meeting_index.list_meetings()
    store.create_meeting_file(demo_meeting())  # a fourth, not yet in the index
    monkeypatch.setattr(meeting_index, "load_meeting", lambda path: (_ for _ in ()).throw(AssertionError(path)))
    known, unknown = meeting_index.list_meetings(known_only=True)
    assert len(known) == 3 and unknown == 1


def test_damaged_files_and_pipes_say_why_and_are_never_indexed(tmp_path) -> None:
    three_meetings()
    folder = store.meetings_dir()
    (folder / "2026-01-01-abime.json").write_text('{"format_version": 1, "title": ', encoding="utf-8")
    outside = tmp_path / "ailleurs.json"
    outside.write_bytes(store.serialize(demo_meeting()))
    (folder / "2026-01-02-lien.json").symlink_to(outside)
    os.mkfifo(folder / "2026-01-03-fifo.json")
    for _ in range(2):  # the second time from the index: the damaged file still says why
        summaries, _ = meeting_index.list_meetings(lang="fr")
        damaged = {s.path.name: s.problem for s in summaries if s.problem}
        assert sorted(damaged) == ["2026-01-01-abime.json", "2026-01-03-fifo.json"]
        assert "abîmé" in damaged["2026-01-01-abime.json"]
        assert "fichier ordinaire" in damaged["2026-01-03-fifo.json"]
    index = (store.meetings_dir() / meeting_index.INDEX_NAME).read_text(encoding="utf-8")
    assert "lien" not in index and "fifo" not in index
    assert len(store.list_meetings()) == 6


def test_the_issued_count_and_date_come_from_the_index() -> None:
    meeting = demo_meeting()
    path = store.create_meeting_file(meeting)
    summary = meeting_index.list_meetings()[0][0]
    assert summary.path == path and summary.date == meeting.date
    assert summary.issued == len(meeting.distribution.issues)
