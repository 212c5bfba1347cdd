"""A real terminal for tests: one tmux server per test on its own socket (`tmux -L`).

The program runs in an 80x24 pane (TERM=screen-256color, UTF-8). Everything the pane receives
(stdout, stderr and the drawn UI alike) is also recorded raw through `pipe-pane`, so a test can
assert that a string never reached the terminal at all, not only that it is absent from the final
screen. The pane stays after the program ends (`remain-on-exit`) so its last screen, scrollback and
exit status can be read. Only tmux's own socket lives in tmux's folder under /tmp; the recording
and everything else go to the test's tmp_path.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shlex
import shutil
import subprocess
import time
from pathlib import Path

TMUX = shutil.which("tmux")


class Tmux:
    def __init__(self, folder: Path, name: str, width: int = 80, height: int = 24) -> None:
        self.folder = folder
        self.socket = f"concertation-test-{name}-{os.getpid()}-{secrets.token_hex(3)}"
        self.width = width
        self.height = height
        self.conf = folder / "tmux.conf"
        self.conf.write_text(
            "set -g remain-on-exit on\n"
            "set -g history-limit 5000\n"
            'set -g default-terminal "screen-256color"\n'
            "set -g status off\n"
        )
        self.raw = folder / "pane.raw"
        self.go = folder / "go"
        self.pid: int | None = None

    # -- tmux itself --

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [TMUX or "tmux", "-u", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True, text=True, check=check, timeout=10,
        )

    def start(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> int:
        """Start `argv` in the pane, recording its output from the first byte; returns its pid."""
        # The program waits for the go file, so pipe-pane is in place before it writes anything;
        # then `exec` makes the program the pane's process (pane_pid) and its session leader.
        script = (
            f"while [ ! -e {shlex.quote(str(self.go))} ]; do sleep 0.02; done; "
            f"exec {shlex.join(argv)}"
        )
        environment = ["-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8"]
        for key, value in env.items():
            environment += ["-e", f"{key}={value}"]
        self.tmux(
            "new-session", "-d", "-s", "main", "-x", str(self.width), "-y", str(self.height),
            "-c", str(cwd or self.folder), *environment, "sh", "-c", script,
        )
        self.tmux("pipe-pane", "-t", "main", f"cat >> {shlex.quote(str(self.raw))}")
        self.pid = int(self.tmux("display-message", "-p", "-t", "main", "#{pane_pid}").stdout.strip())
        self.go.touch()
        return self.pid

    def kill_server(self) -> None:
        self.tmux("kill-server", check=False)

    def remove_socket(self) -> None:
        """tmux 3.3 leaves its socket file behind after kill-server: remove ours."""
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        with contextlib.suppress(OSError):
            (folder / self.socket).unlink()

    # -- reading the pane --

    def screen(self) -> str:
        """The visible screen."""
        return self.tmux("capture-pane", "-p", "-t", "main", check=False).stdout

    def everything(self) -> str:
        """The scrollback and the visible screen (the normal screen, after the app has ended)."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "main", check=False).stdout

    def recorded(self) -> str:
        """Every byte the pane received so far, decoded."""
        return self.raw.read_bytes().decode("utf-8", "replace") if self.raw.exists() else ""

    def display(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", "main", fmt, check=False).stdout.strip()

    def title(self) -> str:
        return self.display("#{pane_title}")

    def dead(self) -> bool:
        return self.display("#{pane_dead}") == "1"

    def exit_status(self, timeout: float = 3.0) -> str:
        """How the program ended: "N" (its exit code) or "signal N".

        Read from the zombie's /proc entry while tmux has not reaped it (tmux 3.3 sometimes never
        does, and its `pane_dead_status` is then empty), else from tmux's "Pane is dead" line.
        """
        deadline = time.monotonic() + timeout
        while True:
            if self.pid is not None:
                try:
                    fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
                except FileNotFoundError:
                    fields = []
                if fields and fields[0] == "Z":
                    code = int(fields[-1])  # the wait status, as waitpid(2) reports it
                    return str(code >> 8) if code & 0x7F == 0 else f"signal {code & 0x7F}"
            found = re.search(r"Pane is dead \((status|signal) (\d+)", self.screen())
            if found:
                return found[2] if found[1] == "status" else f"signal {found[2]}"
            if time.monotonic() > deadline:
                return ""
            time.sleep(0.05)

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "main", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "main", "-l", text)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        """Wait until `text` is on the visible screen; returns the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen:\n{screen}")
            time.sleep(0.05)

    def wait_for_all(self, *texts: str, timeout: float = 10.0) -> str:
        """Wait until every one of `texts` is on the visible screen at once; returns the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{texts!r} were never all on the screen:\n{screen}")
            time.sleep(0.05)

    def wait_dead(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.dead():
            if time.monotonic() > deadline:
                raise AssertionError(f"the program did not end:\n{self.screen()}")
            time.sleep(0.05)

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill_server()
        self.remove_socket()
        if self.pid is not None:
            # Never leave the program behind, whatever the test did (it is not our child).
            if not wait_gone(self.pid, 2.0):
                try:
                    os.kill(self.pid, 9)
                except ProcessLookupError:
                    pass


def process_gone(pid: int) -> bool:
    """True when `pid` has ended (a zombie that nobody reaped yet counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    except ProcessLookupError:  # in the middle of exiting: it may still hold its files and locks
        return False
    # Field 3 is the state; the command name (field 2) is in parentheses and may hold spaces.
    return status.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not process_gone(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def tmux_available() -> bool:
    return TMUX is not None
