"""Run every benchmark and print one table: each figure beside a reference measured in the same run.

    .venv/bin/python benchmarks/run.py [--quick] [--only NAME]

Figures are medians over several runs, with the spread (min-max); the ratio to the reference is what
holds on a shared, noisy machine. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import os
import platform
import re
import resource
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from sizes import SIZES  # noqa: E402

from concertation_tui.model import Edition  # noqa: E402
from concertation_tui.store import serialize, write_private  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
CONCERTATION = str(ROOT / ".venv" / "bin" / "concertation")
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
ESCAPES_TEXT = re.compile(ESCAPES.pattern.decode(), re.DOTALL)
NOT_DRAWN = re.compile(rb"\x1b\[5n|\x1b\]22;[^\x07\x1b]*(?:\x07|\x1b\\)")
"""What the program writes that changes nothing on screen, so is neither a redraw nor its first byte:
its terminal status query (`ESC [5n`, every 1.5 s, tui/driver.py) and Textual's mouse pointer shape
(`ESC ]22;default BEL`, written whenever a screen is mounted: also a step or form built ahead in idle
time, tui/prebuild.py, whose write could land just after a key and pass for its redraw)."""


@dataclass
class Row:
    figure: str
    size: str
    ours: list[float]
    reference: list[float]
    unit: str
    target: str
    limit: float | None  # the ratio not to exceed, when the target is a ratio
    note: str = ""
    stat: str = "median"  # or "p95": the figure compared (and shown first)
    passed: bool | None = None  # a verdict of its own, when the target is not a ratio

    @staticmethod
    def central(values: list[float], stat: str = "median") -> float:
        if stat == "p95":
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
        return statistics.median(values)

    @staticmethod
    def fmt(values: list[float], unit: str, stat: str = "median") -> str:
        if not values:
            return "-"
        med = Row.central(values, stat)
        scale, suffix = (1000, " ms") if unit == "s" else (1 / 1024, " KB") if unit == "B" else (1, f" {unit}")
        if unit == "MB":
            scale, suffix = 1, " MB"
        if stat == "p95":
            suffix += " p95"
        spread = f" ({min(values) * scale:.3g}-{max(values) * scale:.3g})" if len(values) > 1 else ""
        return f"{med * scale:.3g}{suffix}{spread}"

    @property
    def ratio(self) -> float | None:
        if not self.ours or not self.reference:
            return None
        reference = Row.central(self.reference, self.stat)
        return Row.central(self.ours, self.stat) / reference if reference else None

    def verdict(self) -> str:
        if self.passed is not None:
            return "ok" if self.passed else "MISSED"
        if self.limit is None or self.ratio is None:
            return ""
        return "ok" if self.ratio <= self.limit else "MISSED"


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    return values


def run_process(argv: list[str], env: dict[str, str]) -> None:
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def timed_process(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds: user + system) of each of `runs` runs of a program. On a loaded
    machine the wall time mostly measures the others' load; the CPU time, what the program does."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        run_process(argv, env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


# -- a real pty, as a terminal would drive the program --------------------------------------------


EXIT_MEANINGS = {
    0: "it quit by itself (exit code 0)",
    1: "it crashed: its crash path saved the meeting and wrote a sentence on its terminal (exit code 1)",
    129: "its watchdog judged the terminal gone (exit code 129, tui/safety.py: a hang-up, or a terminal that "
         "neither read nor answered for STALL_LIMIT seconds; it saved first)",
    143: "it was sent SIGTERM (exit code 143: saved, then ended)",
}


def exit_meaning(code: int) -> str:
    if code < 0:
        return f"it was killed by signal {signal.Signals(-code).name} (no save of its own)"
    return EXIT_MEANINGS.get(code, f"it ended with exit code {code}")


class ProgramEnded(RuntimeError):
    """The program in the pty ended by itself while the benchmark was still using it."""


class TerminalScreen:
    """What a terminal of `cols` x `rows` shows after the program's output: enough of a VT100 for
    Textual's output (absolute cursor moves, CR/LF, erase), to say in words what was last on screen."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.cells = [[" "] * cols for _ in range(rows)]
        self.row = self.col = 0

    def feed(self, data: bytes) -> None:
        text = data.decode("utf-8", errors="replace")
        at = 0
        while at < len(text):
            char = text[at]
            if char == "\x1b":
                match = ESCAPES_TEXT.match(text, at)  # one escape sequence
                sequence = match.group(0) if match else char
                self._escape(sequence)
                at += max(1, len(sequence))
                continue
            if char == "\r":
                self.col = 0
            elif char == "\n":
                self.row = min(self.rows - 1, self.row + 1)
            elif char >= " ":
                if self.col < self.cols:
                    self.cells[self.row][self.col] = char
                self.col += 1
            at += 1

    def _escape(self, sequence: str) -> None:
        if not sequence.startswith("\x1b["):
            return
        final, body = sequence[-1], sequence[2:-1]
        numbers = [int(part) if part.isdigit() else 0 for part in body.lstrip("?").split(";")]
        if final == "H":
            row, col = (numbers + [1, 1])[:2]
            self.row = min(self.rows, max(1, row)) - 1
            self.col = min(self.cols, max(1, col)) - 1
        elif final == "J" and numbers[0] == 2:
            self.cells = [[" "] * self.cols for _ in range(self.rows)]
        elif final == "K":
            for col in range(self.col, self.cols):
                self.cells[self.row][col] = " "

    def text(self) -> str:
        return "\n".join("".join(line).rstrip() for line in self.cells).rstrip("\n")


class Pty:
    """A program in a pseudo-terminal of a given size; collects what it writes.

    It reads what the program writes whenever it waits, as a terminal does: a terminal that stops
    reading fills the pty's buffer (16 KB here) and the program's writes block: after WRITE_TIMEOUT
    seconds (4 s) its watchdog saves and waits for the terminal (it used to end, exit code 129: that is
    what ended the switching sessions of 2026-12-07, when the benchmark slept 6 s after the first
    frame, whose rest (12-16 KB) filled the buffer). A stalled program would skew what is timed."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 80, rows: int = 24) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

        def controlling_tty() -> None:
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.size = (cols, rows)
        self.start = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        preexec_fn=controlling_tty, close_fds=True)
        os.close(slave)
        self.fd = master
        self.output = bytearray()
        self.ended_by_itself: int | None = None
        """The exit code, when the program ended before `close()` (None otherwise)."""

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return b""
        self.output += chunk
        return chunk

    def last_screen(self) -> str:
        screen = TerminalScreen(*self.size)
        screen.feed(bytes(self.output))
        return screen.text()

    def check_running(self, doing: str) -> None:
        """Raise ProgramEnded, with the exit code's meaning and the last screen, if the program ended."""
        code = self.process.poll()
        if code is None:
            return
        self.ended_by_itself = code
        while self.read(0.0):  # whatever it wrote last
            pass
        raise ProgramEnded(f"the program ended by itself {doing}, {time.perf_counter() - self.start:.1f} s "
                           f"after its launch: {exit_meaning(code)}. Its last screen:\n{self.last_screen()}")

    def pause(self, seconds: float) -> None:
        """Wait `seconds`, reading what the program writes meanwhile (a terminal never stops reading)."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            self.read(left)
        self.check_running(f"during a pause of {seconds:g} s")

    def wait_for(self, sentinel: bytes, timeout: float = 30.0) -> float:
        """Seconds from launch until `sentinel` is on screen (escape sequences ignored)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.read(0.05)
            if sentinel in ESCAPES.sub(b"", bytes(self.output)):
                return time.perf_counter() - self.start
            if self.process.poll() is not None:  # it ended: what it wrote last may still hold the sentinel
                while self.read(0.0):
                    pass
                if sentinel in ESCAPES.sub(b"", bytes(self.output)):
                    return time.perf_counter() - self.start
                self.check_running(f"before showing {sentinel.decode()!r}")
        raise TimeoutError(f"{sentinel.decode()!r} not shown {timeout:g} s after the launch; the screen:\n"
                           f"{self.last_screen()}")

    def shows(self, text: bytes, since: int, timeout: float) -> bool:
        """Whether `text` is drawn (escape sequences ignored) in what came after byte `since`, waiting
        at most `timeout` seconds for it."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in ESCAPES.sub(b"", bytes(self.output[since:])):
                return True
            self.read(0.05)
        if text in ESCAPES.sub(b"", bytes(self.output[since:])):
            return True
        self.check_running(f"while {text.decode()!r} was awaited on screen")
        return False

    def settle(self, quiet: float = 0.25) -> tuple[int, float]:
        """Read until nothing comes for `quiet` seconds; returns (bytes read, time of the last byte).

        What draws nothing (NOT_DRAWN: the status query, the pointer shape) is neither counted nor
        taken as the screen changing."""
        count, last = 0, time.perf_counter()
        while True:
            chunk = self.read(quiet)
            if not chunk:
                return count, last
            chunk = NOT_DRAWN.sub(b"", chunk)
            if not chunk:
                continue
            count += len(chunk)
            last = time.perf_counter()

    def key(self, data: bytes) -> tuple[float, int]:
        """Send keys; returns (seconds until the screen stops changing, bytes the program wrote).

        Waits up to 5 s for the first byte of the redraw, then for 0.25 s of quiet: on a loaded machine
        a redraw that began more than 0.25 s after the key was missed (0 bytes, a time of 0 ms)."""
        _first, settled, count = timed_key(self, data)
        return settled, count

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the program has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_memory_mb(self) -> float:
        self.check_running("before its memory was read")
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        found = re.search(r"VmHWM:\s+(\d+)", status)
        if found is None:  # ended between the check and the read
            self.check_running("while its memory was read")
        return int(found.group(1)) / 1024

    def close(self) -> int:
        """End the program as a terminal's close would (SIGTERM: it saves and ends within about a
        second), reading its last output meanwhile (a blocked write would hold its exit back), and
        reap it, so that nothing of it remains when the next session opens the same file (its lock
        is released when it has ended). Returns its exit code."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)
            deadline = time.perf_counter() + 5.0
            while self.process.poll() is None and time.perf_counter() < deadline:
                self.read(0.05)
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
        os.close(self.fd)
        return self.process.returncode


# -- the figures ------------------------------------------------------------------------------------


def headless(env: dict[str, str], files: dict[str, Path], runs: int) -> list[Row]:
    reference, reference_cpu = timed_process([PYTHON, "-c", "import pydantic, docx"], env, runs)
    rows = []
    for name, argv in [("check", [CONCERTATION, "check", str(files["demo"])]), ("schema", [CONCERTATION, "schema"]),
                       ("list", [CONCERTATION, "list"])]:
        ours, ours_cpu = timed_process(argv, env, runs)
        rows.append(Row(f"`concertation {name}` start-up", "demo", ours, reference, "s",
                        "≤ 1.2x `import pydantic, docx`", 1.2))
        rows.append(Row(f"`concertation {name}` start-up, CPU time", "demo", ours_cpu, reference_cpu, "s",
                        "≤ 1.2x `import pydantic, docx`", 1.2))
    return rows


# What each command may import (`python -X importtime`): its own layer only. The budget is the number of
# modules, measured 2026-12-07 (after the headless start-up work of that day, branch speed-headless) with
# a margin of about 5 %; and what it must never import: Textual in a headless command, pydantic where
# nothing is validated (`schema` prints the shipped schema, `list` reads the launcher's index),
# python-docx in `check`, matplotlib in a minute without a network map, simplemma in `check` and the minute
# (the domain-words check reads the shipped lists from data/domain-forms.*.txt). The minute is counted at
# the large size (no map) and, apart, on the demo, whose network map is drawn with matplotlib (about 300
# modules of its own). `check` raised from 220 to 230 when it began reading the organisation's word lists:
# their folders come from platformdirs, whose Linux module imports tempfile (with shutil, bz2, lzma: 14
# modules), and the domain-words check is 6 modules of its own. `schema` and `list` were budgeted on the
# branch that copied platformdirs' rules by hand (112 and 125 modules); the merge kept platformdirs, and
# its tempfile: 132 and 144 measured at idle after the fifth session's merges, budgets 140 and 150.
IMPORT_BUDGET = {"check": 230, "schema": 140, "list": 150, "minute": 385, "minute, with the network map": 700,
                 "open (the interface)": 500}
NEVER_IMPORTED = {"check": ("textual", "docx", "simplemma"), "schema": ("textual", "pydantic"),
                  "list": ("textual", "pydantic"), "minute": ("textual", "matplotlib", "simplemma"),
                  "minute, with the network map": ("textual",), "open (the interface)": ()}


def imported(argv: list[str], env: dict[str, str]) -> tuple[int, float, set[str]]:
    """(modules imported, seconds of import time summed over them, the top-level packages imported)."""
    done = subprocess.run(argv, env={**env, "PYTHONPROFILEIMPORTTIME": "1"}, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=True)
    lines = [line for line in done.stderr.decode(errors="replace").splitlines()
             if line.startswith("import time:") and "self [us]" not in line]
    seconds = sum(int(line.split("|")[0].split(":")[1]) for line in lines) / 1e6
    return len(lines), seconds, {line.split("|")[2].strip().split(".")[0] for line in lines}


def imports(env: dict[str, str], files: dict[str, Path], work: Path) -> list[Row]:
    reference_count, reference_time, _ = imported([PYTHON, "-c", "import pydantic, docx"], env)
    commands = {
        "check": [CONCERTATION, "check", str(files["demo"])],
        "schema": [CONCERTATION, "schema"],
        "list": [CONCERTATION, "list"],
        "minute": [CONCERTATION, "minute", str(files["large"]), "-o", str(work / "imports.docx")],
        "minute, with the network map": [CONCERTATION, "minute", str(files["demo"]), "-o", str(work / "imports.docx")],
        "open (the interface)": [PYTHON, "-c", "import concertation_tui.tui.app"],
    }
    rows = []
    for name, argv in commands.items():
        count, seconds, packages = imported(argv, env)
        never = NEVER_IMPORTED[name]
        rows.append(Row(f"modules imported by `{name}`", "-", [float(count)], [float(reference_count)], "modules",
                        f"≤ {IMPORT_BUDGET[name]} modules" + "".join(f", no {package}" for package in never), None,
                        "modules: the reference is `import pydantic, docx`",
                        passed=count <= IMPORT_BUDGET[name] and not packages & set(never)))
        rows.append(Row(f"import time of `{name}` (summed, -X importtime)", "-", [seconds], [reference_time], "s",
                        "(for information)", None))
    return rows


def saving(files: dict[str, Path], meetings: dict, runs: int) -> list[Row]:
    rows = []
    for size, meeting in meetings.items():
        path = files[size]
        data = serialize(meeting)
        raw_path = path.with_name("raw.bin")

        def raw() -> None:
            fd = os.open(raw_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.write(fd, data)
            os.fsync(fd)
            os.close(fd)

        reference = timed(raw, runs)
        ours = timed(lambda: write_private(path, data, generations=True), runs)
        rows.append(Row("save after a change, in the save worker (atomic write, fsyncs)", size, ours,
                        reference, "s", "≤ 2x raw write+fsync", 2.0))
        rows.append(Row("serialise the meeting, in the save worker, per save", size,
                        timed(lambda: serialize(meeting), runs), reference, "s", "(for information)", None))
    return rows


def ui_change(files: dict[str, Path], runs: int) -> list[Row]:
    """What one change costs the UI thread (`app.change`, as a typed draft is kept), in a headless
    app at each size; the reference is the same figure at the demo size: it must stay flat."""
    import asyncio

    from concertation_tui.tui.app import ConcertationApp

    async def measure(path: Path) -> list[float]:
        app = ConcertationApp(path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.5)
            times = []
            for index in range(runs):
                started = time.perf_counter()
                app.change(lambda m, index=index: setattr(m.progress, "draft", f"brouillon {index}"), refresh=False)
                times.append(time.perf_counter() - started)
                await pilot.pause(0.01)
            await app.workers.wait_for_complete()
        return times

    figures = {size: asyncio.run(measure(path)) for size, path in files.items()}
    return [Row("one change, on the UI thread (app.change)", size, ours, figures["demo"], "s",
                "flat: ≤ 1.5x the demo size", 1.5) for size, ours in figures.items()]


def minutes(env: dict[str, str], files: dict[str, Path], meetings: dict, runs: int, out: Path) -> list[Row]:
    from reference_docx import markdown, plain_docx

    from concertation_tui.minute import build_minute

    rows = []
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("pandoc missing: `concertation minute` is measured without its reference", file=sys.stderr)
    for size, meeting in meetings.items():
        ours = timed(lambda: build_minute(meeting, Edition.PROFESSIONAL), runs)
        rows.append(Row("professional minute, in process", size, ours, timed(lambda: plain_docx(meeting), runs),
                        "s", "≤ 1.5x plain python-docx script", 1.5))
        whole = timed(lambda: run_process([CONCERTATION, "minute", str(files[size]), "-o", str(out / "m.docx")],
                                          env), max(3, runs // 2))
        if pandoc:
            source = out / f"{size}.md"
            source.write_text(markdown(meeting), encoding="utf-8")
            reference = timed(lambda: run_process([pandoc, str(source), "-o", str(out / "p.docx")], env),
                              max(3, runs // 2))
            rows.append(Row("`concertation minute` whole run", size, whole, reference, "s",
                            "faster than pandoc (large, very large)", 1.0 if size != "demo" else None))
        else:
            rows.append(Row("`concertation minute` whole run", size, whole, [], "s", "pandoc missing: no reference", None))
    return rows


# Step keys (xterm sequences) and the order they are visited in; F7 opens the action form on the live step.
STEP_KEYS = {"F3": b"\x1bOR", "F5": b"\x1b[15~", "F6": b"\x1b[17~", "F12": b"\x1b[24~", "F2": b"\x1bOQ",
             "F4": b"\x1bOS"}
FORM_KEY, ESCAPE = b"\x1b[18~", b"\x1b"
SWITCH_PAUSE = 0.05  # the word typed this long after a step's key
SETTLE_AFTER_OPENING = 6.0
"""Seconds between the first frame and the first step key. The program builds the other steps' screens
in its idle time after the first frame (tui/prebuild.py), as a facilitator opens the meeting and then
talks; the first visits measured here are those of a facilitator who pressed a step key seconds after
the meeting opened, not within 0.2 s of its first frame (the start-up itself is measured apart)."""


def timed_key(session: Pty, data: bytes) -> tuple[float, float, int]:
    """(seconds to the first byte of the redraw, seconds until it settles, bytes written) for one key."""
    session.settle(0.2)
    session.check_running(f"before the key {data!r}")
    start = time.perf_counter()
    os.write(session.fd, data)
    first, count, last = None, 0, start
    while True:
        chunk = session.read(0.25 if first is not None else 5.0)
        if not chunk:
            if first is None:  # nothing drawn in 5 s: say so if the program has gone
                session.check_running(f"after the key {data!r}")
            break
        chunk = NOT_DRAWN.sub(b"", chunk)
        if not chunk:
            continue
        if first is None:
            first = time.perf_counter() - start
        count += len(chunk)
        last = time.perf_counter()
    return first if first is not None else 5.0, last - start, count


def fresh_meeting(path: Path, data: bytes) -> None:
    """Put the meeting file back as it was, for a session that starts from the same state as the
    previous one: no draft, no paused clock, no lock. The previous session has been closed and reaped
    (`Pty.close`), so its lock is free; if it is not, the figures would be a read-only session's."""
    lock = path.parent / f".{path.name}.lock"
    if lock.exists():
        fd = os.open(lock, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError while held
            fcntl.flock(fd, fcntl.LOCK_UN)
        except BlockingIOError:
            raise RuntimeError(f"{path.name} is still locked by an earlier session") from None
        finally:
            os.close(fd)
    path.write_bytes(data)


def switching(env: dict[str, str], files: dict[str, Path], runs: int) -> list[Row]:
    """Step switches and form opening in a real pty at 80x24, against the minimal app's screen
    switch; words typed 50 ms after a step key; memory per session after the switches."""
    term_env = {**env, "TERM": "xterm-256color"}
    term_env.pop("COLORTERM", None)
    ref_first, ref_settled, ref_bytes, ref_memory = [], [], [], []
    for _ in range(runs):
        session = Pty([PYTHON, str(ROOT / "benchmarks" / "minimal_app.py")], term_env)
        try:
            session.wait_for(b"MINIMAL")
            for _ in range(4):
                first, settled, count = timed_key(session, NEXT_ITEM)
                ref_first.append(first)
                ref_settled.append(settled)
                ref_bytes.append(float(count))
            ref_memory.append(session.peak_memory_mb())
        finally:
            session.close()
    rows = []
    for size, path in files.items():
        data = path.read_bytes()
        firsts, settleds, sizes, forms, landed, memory = [], [], [], [], [], []
        endings = []
        for _ in range(runs):
            fresh_meeting(path, data)
            session = Pty([CONCERTATION, "open", str(path)], term_env)
            try:
                session.wait_for(LIVE_SENTINEL)
                session.pause(SETTLE_AFTER_OPENING)
                for _round in range(2):  # first visits, then later ones
                    for name, sequence in STEP_KEYS.items():
                        first, settled, count = timed_key(session, sequence)
                        firsts.append(first)
                        settleds.append(settled)
                        sizes.append(float(count))
                forms.append(timed_key(session, FORM_KEY)[1])  # on the live step (F4 came last)
                timed_key(session, ESCAPE)
                for attempt in range(2):
                    timed_key(session, STEP_KEYS["F3"])
                    word = f"mot{size[0]}{attempt}x".encode()
                    mark = len(session.output)
                    os.write(session.fd, STEP_KEYS["F4"])
                    session.pause(SWITCH_PAUSE)
                    os.write(session.fd, word)
                    landed.append(session.shows(word, since=mark, timeout=5.0))
                    os.write(session.fd, b"\x7f" * len(word))  # rubbed out again
                memory.append(session.peak_memory_mb())
            except ProgramEnded as ended:  # said at once, in the table and its notes; the other sessions go on
                endings.append(str(ended))
                print(f"switching at the {size} size: {ended}", file=sys.stderr)
            finally:
                session.close()
        path.write_bytes(data)
        rows.append(Row(f"switching sessions (of {runs}) that ended by themselves", size, [float(len(endings))],
                        [], "sessions", "none", None,
                        "\n\n".join(f"a switching session at the {size} size: {ending}" for ending in endings),
                        passed=not endings))
        rows.append(Row("step switch (F2-F6, F12), first byte", size, firsts, ref_first, "s",
                        "≤ 1.5x minimal app's screen switch", 1.5, stat="p95"))
        rows.append(Row("step switch (F2-F6, F12), settled", size, settleds, ref_settled, "s",
                        "≤ 1.5x minimal app's screen switch", 1.5, stat="p95"))
        rows.append(Row("form opening (F7 on the live step), settled", size, forms, ref_settled, "s",
                        "≤ 1.5x minimal app's screen switch", 1.5, stat="p95"))
        rows.append(Row("bytes written per step switch", size, sizes, ref_bytes, "B",
                        "(for information)", None))
        rows.append(Row(f"words typed {SWITCH_PAUSE * 1000:.0f} ms after F4, landed", size,
                        [float(sum(landed))], [float(len(landed))], "words", "all landed", None,
                        passed=all(landed)))
        rows.append(Row("peak memory per session, after the switches", size, memory, ref_memory, "MB",
                        "≤ 1.5x minimal app", 1.5))
    return rows


# The keys of the interface the benchmark uses: typing goes to the contribution input of the live
# screen (where the demo and the generated meetings open), item change is "next item".
TYPE_KEYS = [b"a", b"b", b"c", b"d", b"e"]
NEXT_ITEM = b"\x1b[6;5~"  # ctrl+PgDn: next agenda item on the live screen
LIVE_SENTINEL = "Tour de table".encode()  # the round-table panel's title, drawn with the live screen


def interface(env: dict[str, str], files: dict[str, Path], runs: int) -> list[Row]:
    rows = []
    term_env = {**env, "TERM": "xterm-256color"}
    term_env.pop("COLORTERM", None)
    minimal = [PYTHON, str(ROOT / "benchmarks" / "minimal_app.py")]

    def launch(argv: list[str], sentinel: bytes) -> tuple[float, float]:
        """(seconds to the first frame, CPU seconds the program had used by then)."""
        session = Pty(argv, term_env)
        try:
            seconds = session.wait_for(sentinel)
            return seconds, session.cpu_seconds()
        finally:
            session.close()

    # A program that has run once before keeps its parsed stylesheet in its cache folder (as Python
    # keeps compiled modules): one session left open a few seconds writes it, as any real session does
    # (the launches measured below are stopped at their first frame, before the program writes it).
    warm = Pty([CONCERTATION, "open", str(files["demo"])], term_env)
    try:
        warm.wait_for(LIVE_SENTINEL)
        warm.pause(3.0)
    finally:
        warm.close()
    reference = [launch(minimal, b"MINIMAL") for _ in range(runs)]
    for size, path in files.items():
        ours = [launch([CONCERTATION, "open", str(path)], LIVE_SENTINEL) for _ in range(runs)]
        rows.append(Row("launch to first frame (pty 80x24)", size, [w for w, _ in ours], [w for w, _ in reference],
                        "s", "≤ 1.3x minimal app", 1.3))
        rows.append(Row("launch to first frame, CPU time until then", size, [c for _, c in ours],
                        [c for _, c in reference], "s", "≤ 1.3x minimal app", 1.3,
                        "CPU time: user + system of the program, from /proc, in clock ticks (10 ms)"))

    # The launcher with an office server's history: 10, 300 and 1,000 meetings (the index warmed by
    # one earlier opening, as every opening after the first finds it).
    launcher_times = {}
    for count in (10, 300, 1000):
        home = Path(env["CONCERTATION_HOME"]).with_name(f"home-{count}")
        folder = home / "meetings"
        folder.mkdir(parents=True, exist_ok=True)
        data = serialize(SIZES["demo"]())
        for number in range(count):
            write_private(folder / f"2026-01-01-{number:012x}.json", data)
        launcher_env = {**term_env, "CONCERTATION_HOME": str(home)}
        run_process([CONCERTATION, "list"], launcher_env)  # builds the index
        session_times = []
        for _ in range(runs):
            session = Pty([CONCERTATION], launcher_env)
            try:
                session_times.append(session.wait_for("Réunions récentes".encode()))
            finally:
                session.close()
        launcher_times[count] = session_times
    for count in (300, 1000):
        rows.append(Row(f"launcher to first frame, {count} meetings", "demo", launcher_times[count],
                        launcher_times[10], "s", "≤ 1.2x with 10 meetings", 1.2))

    def typing(argv: list[str], sentinel: bytes) -> tuple[list[float], list[float], float, list[float]]:
        session = Pty(argv, term_env)
        try:
            session.wait_for(sentinel)
            session.settle(0.5)
            times, sizes = [], []
            for key in TYPE_KEYS:
                seconds, count = session.key(key)
                times.append(seconds)
                sizes.append(count)
            switches = [session.key(NEXT_ITEM)[1] for _ in range(3)]
            return times, sizes, session.peak_memory_mb(), switches
        finally:
            session.close()

    ref_times, ref_sizes, ref_memory, ref_switches = typing(minimal, b"MINIMAL")
    for size, path in files.items():
        times, sizes, memory, switches = typing([CONCERTATION, "open", str(path)], LIVE_SENTINEL)
        rows.append(Row("one typed character, until the screen settles", size, times, ref_times, "s",
                        "≤ 1.5x minimal TextArea, flat across sizes", 1.5,
                        "typed character: from the key written to the pty to the last byte of the redraw"))
        rows.append(Row("bytes written per typed character", size, [float(s) for s in sizes],
                        [float(s) for s in ref_sizes], "B", "≤ 1 KB", None,
                        "target: 1 KB absolute"))
        rows.append(Row("bytes written per item change", size, [float(s) for s in switches],
                        [float(s) for s in ref_switches], "B", "≤ minimal app's screen switch", 1.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs (3), for a first look")
    parser.add_argument("--only", choices=["headless", "imports", "save", "minute", "interface", "switch"], action="append")
    args = parser.parse_args()
    runs = 3 if args.quick else 9
    chosen = args.only or ["headless", "imports", "save", "minute", "interface", "switch"]

    began = time.perf_counter()
    load_before = os.getloadavg()[0]  # the machine is shared: the load says how far wall times can be trusted
    with tempfile.TemporaryDirectory(dir=ROOT / "benchmarks", prefix=".bench-") as scratch:
        work = Path(scratch)
        # Compiled bytecode as an installed program has it (this environment may forbid writing it):
        # kept in the scratch folder, warmed by one run of each program before measuring.
        env = {**os.environ, "CONCERTATION_HOME": str(work / "home"), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for warm in ([CONCERTATION, "schema"], [PYTHON, "-c", "import textual.app, docx, babel.dates"],
                     [PYTHON, "-c", "import concertation_tui.tui.app, concertation_tui.minute.build"]):
            run_process(warm, env)
        meetings = {name: build() for name, build in SIZES.items()}
        files = {}
        for name, meeting in meetings.items():
            files[name] = work / f"{name.replace(' ', '-')}.json"
            write_private(files[name], serialize(meeting))
        rows: list[Row] = []
        if "headless" in chosen:
            rows += headless(env, files, runs)
        if "imports" in chosen:
            rows += imports(env, files, work)
        if "save" in chosen:
            rows += saving(files, meetings, runs * 3)
            rows += ui_change(files, runs * 5)
        if "minute" in chosen:
            rows += minutes(env, files, meetings, runs, work)
        if "interface" in chosen:
            rows += interface(env, files, runs)
        if "switch" in chosen:
            rows += switching(env, files, runs)

    print(f"# concertation-tui benchmarks, {dt.datetime.now():%Y-%m-%d %H:%M}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; load average {load_before:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} at the end")
    print()
    print("| figure | size | ours | reference | ratio | target | verdict |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        print(f"| {row.figure} | {row.size} | {Row.fmt(row.ours, row.unit, row.stat)} "
              f"| {Row.fmt(row.reference, row.unit, row.stat)} "
              f"| {ratio} | {row.target} | {row.verdict()} |")
    print(f"\nWhole run: {time.perf_counter() - began:.0f} s ({runs} runs per figure).")
    notes = {row.note for row in rows if row.note}
    for note in sorted(notes):
        first, *screen = note.split("\n")
        print(f"\n- {first}")
        if screen:  # a program's last screen
            print("\n```\n" + "\n".join(screen) + "\n```")


if __name__ == "__main__":
    main()
