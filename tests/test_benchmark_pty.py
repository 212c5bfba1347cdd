"""The benchmark's pty (benchmarks/run.py `Pty`) behaves as a terminal: it never stops reading, says
how and with what on screen a program ended early, and leaves nothing running after `close()`.

Why: `run.py --only switch` slept 6 s after the first frame without reading. The rest of the frame
(12-16 KB) filled the pty's 16 KB buffer, the program's write blocked, and after 4 s its watchdog took
the terminal for a frozen SSH client (tui/safety.py, as designed): it saved and ended with code 129.
The benchmark noticed only when it read the memory of a process that was gone, and said nothing of why.
No timing is asserted here (speed is measured in benchmarks/); every wait has a generous bound.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import run as bench  # noqa: E402

WRITER = """
import sys
from pathlib import Path
sys.stdout.write("START\\n"); sys.stdout.flush()
sys.stdout.write("x" * 200_000); sys.stdout.flush()   # more than a pty holds unread (16 KB here)
Path(sys.argv[1]).write_text("all written")
sys.stdin.read()                                     # then waits, as an app does, until its end
"""


def test_a_pause_keeps_reading_what_the_program_writes(tmp_path: Path) -> None:
    """Before: a pause was `time.sleep`; the writer blocked at 16 KB and never finished."""
    done = tmp_path / "done"
    session = bench.Pty([sys.executable, "-c", WRITER, str(done)], {})
    try:
        session.wait_for(b"START", timeout=60)
        for _ in range(600):  # at most 60 s of pauses, however loaded the machine
            session.pause(0.1)
            if done.exists():
                break
        assert done.exists(), "the program's writes stayed blocked through the benchmark's pauses"
        assert bytes(session.output).count(b"x") >= 190_000
    finally:
        session.close()


ENDS_ON_ITS_OWN = """
import sys
sys.stdout.write("\\x1b[2J\\x1b[1;1HRéunion ouverte\\x1b[3;5HTour de table"); sys.stdout.flush()
sys.stdin.read(1)  # then ends, on a key of the test's, with the code the watchdog ends with
sys.exit(129)
"""


def test_a_program_that_ends_early_is_reported_with_its_exit_code_and_last_screen() -> None:
    """Before: a key sent to a program that had ended waited 5 s and counted as a 5 s redraw; the
    memory read then failed with the raw bytes of its output and no exit code."""
    session = bench.Pty([sys.executable, "-c", ENDS_ON_ITS_OWN], {})
    try:
        session.wait_for(b"Tour de table", timeout=60)
        os.write(session.fd, b"\n")
        session.process.wait(60)
        with pytest.raises(bench.ProgramEnded) as ended:
            bench.timed_key(session, b"\x1bOR")
        said = str(ended.value)
        assert "exit code 129" in said and "watchdog" in said
        assert "Its last screen:\nRéunion ouverte\n\n    Tour de table" in said
        with pytest.raises(bench.ProgramEnded):
            session.peak_memory_mb()
        assert session.ended_by_itself == 129
    finally:
        session.close()


IGNORES_TERM = """
import signal, sys
signal.signal(signal.SIGTERM, signal.SIG_IGN)
sys.stdout.write("READY"); sys.stdout.flush()
sys.stdin.read()
"""


def test_close_leaves_no_process_behind(tmp_path: Path) -> None:
    """Before: a program that outlived SIGTERM's 5 s was sent SIGKILL and not waited for; the next
    session on the same file could open while it still held the meeting's lock (read-only)."""
    session = bench.Pty([sys.executable, "-c", IGNORES_TERM], {})
    session.wait_for(b"READY", timeout=60)
    code = session.close()
    assert code == -signal.SIGKILL
    assert session.process.poll() == -signal.SIGKILL  # reaped: gone, its lock released by the kernel


def test_a_meeting_still_locked_by_an_earlier_session_is_not_reopened(tmp_path: Path) -> None:
    import fcntl

    path = tmp_path / "meeting.json"
    path.write_bytes(b"{}")
    lock = tmp_path / ".meeting.json.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as an earlier session still running holds it
        with pytest.raises(RuntimeError, match="still locked"):
            bench.fresh_meeting(path, b'{"fresh": true}')
        assert path.read_bytes() == b"{}"
    finally:
        os.close(fd)
    bench.fresh_meeting(path, b'{"fresh": true}')  # released: put back as it was
    assert path.read_bytes() == b'{"fresh": true}'
