"""No terminal, no interface: `open`, `new`, `demo` and the bare launcher run from a script, cron or a
redirection write what they write, say in one sentence on stderr that the interface needs a terminal,
and end with exit code 2 at once, without a byte of a screen in the output."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.i18n import t

NEEDS_TERMINAL = t("setup.no_terminal", "fr").split(":")[0]  # "L'interface a besoin d'un terminal"
WRITTEN_BUT = t("setup.no_terminal_written", "fr", file="X").split(",")[0]  # "Le fichier est écrit"


def program() -> list[str]:
    script = Path(sys.executable).parent / "concertation"
    return [str(script)] if script.exists() else [sys.executable, "-m", "concertation_tui.cli"]


def run_without_terminal(args: list[str], folder: Path, *, stdin_tty: bool) -> tuple[int | None, float, str, bytes]:
    """Run the program with stdout into a file (and stdin from /dev/null, or a real tty when `stdin_tty`);
    return its exit code (None if it was still running after 20 s), the seconds it took, stderr, stdout."""
    out_path = folder / "out.log"
    opened: list[int] = []
    if stdin_tty:
        leader, follower = os.openpty()
        opened += [leader, follower]
        stdin = follower
    else:
        stdin = subprocess.DEVNULL
    try:
        with out_path.open("wb") as out:
            started = time.monotonic()
            process = subprocess.Popen([*program(), *args], stdin=stdin, stdout=out, stderr=subprocess.PIPE,
                                       env={**os.environ, "TERM": "xterm-256color"})
            try:
                _, err = process.communicate(timeout=20.0)
                code: int | None = process.returncode
            except subprocess.TimeoutExpired:
                process.kill()
                _, err = process.communicate()
                code = None
            took = time.monotonic() - started
    finally:
        for fd in opened:
            os.close(fd)
    return code, took, err.decode("utf-8", "replace"), out_path.read_bytes()


CASES = {
    "open": (["open", "<file>"], NEEDS_TERMINAL),
    "launcher": ([], NEEDS_TERMINAL),
    "new": (["new", "--title", "Réunion sans terminal"], WRITTEN_BUT),
    "demo": (["demo"], WRITTEN_BUT),
}


@pytest.mark.parametrize("stdin_tty", [False, True], ids=["no-tty-at-all", "stdout-redirected"])
@pytest.mark.parametrize("case", list(CASES))
def test_no_terminal_means_no_interface(case: str, stdin_tty: bool, tmp_path: Path, private_home: Path) -> None:
    meeting_file = store.create_meeting_file(demo_meeting())
    args, sentence = CASES[case]
    args = [str(meeting_file) if arg == "<file>" else arg for arg in args]
    before = set(store.meetings_dir().glob("*.json"))
    code, took, err, out = run_without_terminal(args, tmp_path, stdin_tty=stdin_tty)
    assert code == 2, f"exit code {code} after {took:.2f} s; stderr: {err!r}"
    assert took < 20.0  # waiting for a terminal would never end; under a loaded CI start-up takes seconds
    assert sentence in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err
    assert b"\x1b" not in out and "\x1b" not in err
    assert "Lambert" not in err and b"Lambert" not in out  # no meeting text drawn anywhere
    written = set(store.meetings_dir().glob("*.json")) - before
    if case in ("new", "demo"):
        assert written, "the headless part (writing the file) must still be done"
        assert all(store.load_meeting(path) for path in written)
        assert any(str(path) in err for path in written)
    else:
        assert not written


def test_no_open_still_writes_and_exits_zero(tmp_path: Path, private_home: Path) -> None:
    for args in (["new", "--no-open"], ["demo", "--no-open"]):
        code, _, err, out = run_without_terminal(args, tmp_path, stdin_tty=False)
        assert code == 0, err
        assert err == ""
        assert b"\x1b" not in out
