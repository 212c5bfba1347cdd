"""Nothing lost, nothing leaked: the crash handler, the hang-up and signal guards, the environment.

The pilot tests (run_test) pin the private Textual API that `tui/safety.py` relies on; the tmux tests
run a small App with the mixin in a real terminal and check, byte by byte, what reached it.

Every test keeps its data under tmp_path (CONCERTATION_HOME). A marker string is put into the
meeting; it must never reach the terminal (raw recording of the pane: stdout, stderr and UI alike).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui import safety

try:
    from tmux_session import Tmux, tmux_available, wait_gone
except ImportError:  # tests/ made a package
    from tests.tmux_session import Tmux, tmux_available, wait_gone

MARKER = "Zéphyrine-Kowalczyk-7Q3"
"""Stands for the person's data: it must never appear anywhere but in the meeting file."""

needs_tmux = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")


HOME_ENV = "CONCERTATION_HOME"


@pytest.fixture
def home(private_home: Path) -> Path:
    """The test's data folder (conftest's `private_home`, already in CONCERTATION_HOME)."""
    return private_home


@pytest.fixture
def meeting_file(home: Path) -> Path:
    return store.create_meeting_file(demo_meeting())


def marker_contributions(path: Path) -> list[str]:
    return [c.text for c in store.load_meeting(path).contributions if MARKER in c.text]


# -- the small App used below, in process (run_test) and in tmux ----------------------------------

APP_SOURCE = '''
"""A minimal App with SafeAppMixin, for tests/test_tui_safety.py. Modes: see `mode` below."""

import asyncio
import os
import signal
import sys
import threading
from pathlib import Path

from concertation_tui.tui.safety import scrub_environment

if __name__ == "__main__":  # as the real program does; not when a test imports this module
    scrub_environment()

from textual import work
from textual.app import App
from textual.widgets import Static

from concertation_tui import store
from concertation_tui.model import Contribution
from concertation_tui.tui.safety import SafeAppMixin

MARKER = {marker!r}


class SafetyApp(SafeAppMixin, App[int]):
    BINDINGS = [
        ("c", "change", "change"),
        ("x", "boom", "boom"),
        ("w", "boom_worker", "boom in a worker"),
        ("l", "boom_loop", "boom in a loop callback"),
        ("t", "boom_plain_thread", "boom in a plain thread"),
    ]

    def __init__(self, path, mode="normal"):
        super().__init__()
        self.path = path
        self.mode = mode
        self.meeting = store.load_meeting(path)
        self.snapshot = store.serialize(self.meeting)
        self.saves = 0
        self.changes = 0
        # The title never reaches the terminal's title bar (the pane title stays neutral).
        self.title = "Réunion " + MARKER
        self.sub_title = MARKER

    # The two methods SafeAppMixin relies on.
    def emergency_snapshot(self):
        return (self.path, self.snapshot)

    def save_now_sync(self):
        try:
            self.snapshot = store.save_meeting(self.path, self.meeting)
            self.saves += 1
        except Exception:
            pass

    def compose(self):
        yield Static("ready", id="status")

    def on_mount(self):
        if self.mode == "hup-ignored":
            # As behind a parent that ignores SIGHUP: only the watchdog can notice the hang-up.
            self.install_safety()
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            signal.signal(signal.SIGHUP, signal.SIG_IGN)

    def action_change(self):
        """A change that is in memory and in the snapshot, not yet in the file (autosave pending)."""
        self.changes += 1
        speaker = self.meeting.participants[0].id
        self.meeting.contributions.append(
            Contribution(speaker_id=speaker, text=f"apport {{self.changes}} {{MARKER}}")
        )
        if self.mode == "hup-ignored":
            self.snapshot = store.serialize(self.meeting)
        self.query_one("#status", Static).update(f"changed {{self.changes}}")

    def action_boom(self):
        secret = self.meeting.contributions[-1].text  # a local holding the marker
        raise ValueError(f"boom {{secret}}")

    def action_boom_worker(self):
        self.boom_in_thread()

    @work(thread=True)
    def boom_in_thread(self):
        secret = self.meeting.contributions[-1].text
        raise KeyError(secret)

    def action_boom_plain_thread(self):
        secret = self.meeting.contributions[-1].text

        def run():
            raise RuntimeError(secret)

        threading.Thread(target=run, daemon=True).start()

    def action_boom_loop(self):
        secret = self.meeting.contributions[-1].text

        def callback():
            raise LookupError(secret)

        asyncio.get_running_loop().call_soon(callback)


if __name__ == "__main__":
    app = SafetyApp(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "normal")
    app.run()
    sys.exit(app.return_code or 0)
'''


@pytest.fixture
def app_script(tmp_path: Path) -> Path:
    script = tmp_path / "safety_app.py"
    script.write_text(APP_SOURCE.format(marker=MARKER), encoding="utf-8")
    return script


def load_app_module(script: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"safety_app_{id(script)}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- (d) the environment --------------------------------------------------------------------------


@pytest.fixture
def saved_environ():
    """scrub_environment() deletes variables monkeypatch did not set (pytest-textual-snapshot's own)."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_scrub_environment_removes_what_records_or_replays(monkeypatch: pytest.MonkeyPatch, saved_environ) -> None:
    dangerous = [
        "TEXTUAL_LOG", "TEXTUAL_SCREENSHOT", "TEXTUAL_SCREENSHOT_LOCATION", "TEXTUAL_SCREENSHOT_FILENAME",
        "TEXTUAL_PRESS", "TEXTUAL_DEVTOOLS_HOST", "TEXTUAL_DEVTOOLS_PORT", "TEXTUAL_DEBUG", "TEXTUAL",
        "TEXTUAL_DRIVER", "TEXTUAL_ALLOW_SIGNALS", "TEXTUAL_SHOW_RETURN", "TEXTUAL_SLOW_THRESHOLD",
        "TEXTUAL_FILTERS", "TEXTUAL_SOMETHING_NEW",
    ]
    for name in dangerous:
        monkeypatch.setenv(name, "1")
    monkeypatch.setenv("TEXTUAL_COLOR_SYSTEM", "256")
    monkeypatch.setenv("TEXTUAL_THEME", "ansi-dark")
    monkeypatch.setenv("CONCERTATION_HOME", "/somewhere")
    safety.scrub_environment()
    assert not [name for name in dangerous if name in os.environ]
    assert os.environ["TEXTUAL_COLOR_SYSTEM"] == "256"  # only changes how the screen looks
    assert os.environ["TEXTUAL_THEME"] == "ansi-dark"
    assert os.environ["CONCERTATION_HOME"] == "/somewhere"


def test_every_variable_textual_reads_is_scrubbed_or_harmless() -> None:
    """A Textual upgrade that reads a new TEXTUAL* variable is caught here (it is scrubbed anyway)."""
    import re

    import textual

    root = Path(textual.__file__).parent
    read = set()
    for source in root.rglob("*.py"):
        read |= set(re.findall(r"""["'](TEXTUAL[A-Z_]*)["']""", source.read_text(encoding="utf-8")))
    known_harmless = safety.KEPT_TEXTUAL_VARIABLES
    known_scrubbed = {
        "TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_DRIVER", "TEXTUAL_FILTERS", "TEXTUAL_LOG",
        "TEXTUAL_DEVTOOLS_HOST", "TEXTUAL_DEVTOOLS_PORT", "TEXTUAL_SCREENSHOT",
        "TEXTUAL_SCREENSHOT_LOCATION", "TEXTUAL_SCREENSHOT_FILENAME", "TEXTUAL_PRESS",
        "TEXTUAL_SHOW_RETURN", "TEXTUAL_SLOW_THRESHOLD", "TEXTUAL_ALLOW_SIGNALS",
    }
    assert read <= known_harmless | known_scrubbed, f"new variables to review: {read - known_harmless - known_scrubbed}"


def test_scrubbing_imports_no_textual_and_stops_the_log_file(tmp_path: Path) -> None:
    """The real sequence: scrub, then import textual: TEXTUAL_LOG set by the user writes nothing."""
    log = tmp_path / "textual.log"
    code = textwrap.dedent(
        """
        import sys
        from concertation_tui.tui.safety import scrub_environment
        assert not [m for m in sys.modules if m == "textual" or m.startswith("textual.")], "textual imported"
        scrub_environment()
        import textual.constants as c
        assert c.LOG_FILE is None and c.PRESS == "" and c.SCREENSHOT_DELAY == -1 and not c.DEBUG
        """
    )
    env = {**os.environ, "TEXTUAL_LOG": str(log), "TEXTUAL_PRESS": "q", "TEXTUAL_SCREENSHOT": "0",
           "TEXTUAL_DEBUG": "1", "TEXTUAL": "devtools,debug"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not log.exists()


@pytest.mark.parametrize("where", ["main", "thread", "del", "worker-failed"])
def test_quiet_hooks_name_only_the_class(where: str) -> None:
    code = textwrap.dedent(
        f"""
        import threading
        from concertation_tui.tui.safety import install_quiet_hooks
        install_quiet_hooks("fr")
        secret = {MARKER!r}
        where = {where!r}
        if where == "thread":
            thread = threading.Thread(target=lambda: {{}}[secret])
            thread.start()
            thread.join()
        elif where == "del":
            class Holder:
                def __del__(self):
                    raise ValueError(secret)
            Holder()
        elif where == "worker-failed":
            class WorkerFailed(Exception):  # what textual.worker.WorkerFailed looks like
                def __init__(self, error):
                    self.error = error
                    super().__init__(f"Worker raised exception: {{error!r}}")
            raise WorkerFailed(KeyError(secret))
        else:
            raise ValueError(secret)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert MARKER not in done.stderr and MARKER not in done.stdout and "Traceback" not in done.stderr
    expected = {"main": "(ValueError)", "thread": "(KeyError)", "del": None, "worker-failed": "(KeyError)"}[where]
    if expected is None:
        assert done.stderr == ""
    else:
        assert f"erreur interne {expected}" in done.stderr and done.returncode == (0 if where == "thread" else 1)


# -- the crash handler, in process (pins the private API) -----------------------------------------


@pytest.mark.crashes_on_purpose
async def test_crash_saves_exits_1_and_says_only_the_class(app_script: Path, meeting_file: Path) -> None:
    module = load_app_module(app_script)
    app = module.SafetyApp(meeting_file)
    with pytest.raises(ValueError):  # run_test still re-raises (App._exception, App._exception_event)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await pilot.press("x")
            await pilot.pause()
    assert app.return_code == 1
    assert app.saves == 1
    assert marker_contributions(meeting_file) == [f"apport 1 {MARKER}"]
    assert app._safety_crashed


@pytest.mark.crashes_on_purpose
async def test_crash_message_is_what_exit_receives(app_script: Path, meeting_file: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Catch what reaches App.exit and what Textual's own crash screen would have added."""
    module = load_app_module(app_script)
    app = module.SafetyApp(meeting_file)
    seen: list = []
    original_exit = type(app).exit

    def spy_exit(self, *args, **kwargs):
        seen.append(kwargs)
        return original_exit(self, *args, **kwargs)

    monkeypatch.setattr(type(app), "exit", spy_exit)
    fatal: list = []
    monkeypatch.setattr(type(app), "_fatal_error", lambda self: fatal.append(1))
    app.language = "en"
    with pytest.raises(ValueError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c", "x")
            await pilot.pause()
    assert not fatal, "Textual's traceback-with-locals screen was used"
    assert len(seen) == 1 and seen[0]["return_code"] == 1
    text = str(seen[0]["message"])
    assert text.splitlines()[0] == "concertation stopped on an internal error (ValueError)."
    assert "The meeting was saved" in text and MARKER not in text and "boom" not in text


@pytest.mark.crashes_on_purpose
async def test_worker_failure_names_the_inner_class_only(app_script: Path, meeting_file: Path) -> None:
    from textual.worker import WorkerFailed

    module = load_app_module(app_script)
    app = module.SafetyApp(meeting_file)
    with pytest.raises(WorkerFailed):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c", "w")
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert app.return_code == 1 and app.saves == 1
    assert marker_contributions(meeting_file)
    message = safety.crash_message(app._exception, "fr", True)
    assert "(KeyError)" in message and "WorkerFailed" not in message and MARKER not in message


async def test_headless_installs_no_signal_handler_nor_watchdog(app_script: Path, meeting_file: Path) -> None:
    module = load_app_module(app_script)
    app = module.SafetyApp(meeting_file)
    before = signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)
    async with app.run_test(size=(80, 24)):
        assert app._safety_installed  # the Compose hook ran without the App calling anything
        assert app._safety_watchdog is None and app._safety_signals == ()
        assert (signal.getsignal(signal.SIGHUP), signal.getsignal(signal.SIGTERM)) == before


async def test_no_screenshot_command_nor_action(app_script: Path, meeting_file: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    module = load_app_module(app_script)
    app = module.SafetyApp(meeting_file)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Quit" in titles and "Screenshot" not in titles
        await app.run_action("screenshot")
        app.action_screenshot()
        assert app.deliver_screenshot() is None
        await pilot.pause()
    assert not list(tmp_path.rglob("*.svg"))


def test_private_textual_api_is_still_there() -> None:
    """The names safety.py overrides or sets. If Textual renames one, this fails first."""
    import inspect

    from textual.app import App

    source = inspect.getsource(App._handle_exception)
    for name in ("_return_code", "_exception", "_exception_event", "_fatal_error"):
        assert name in source
    assert "_exception_event" in App.__dict__ and "_driver" in inspect.getsource(App.__init__)
    from textual.worker import WorkerFailed

    assert WorkerFailed(KeyError("x")).error.args == ("x",)


def test_watchdog_calls_back_then_exits_when_the_terminal_is_gone() -> None:
    """Unit test of the thread on a fd that is not a terminal (tcgetpgrp raises like on a hang-up)."""
    read, write = os.pipe()
    events: list = []
    try:
        dog = safety.TerminalWatchdog(read, lambda: events.append("saved"), interval=0.01,
                                      exit=lambda code: events.append(code))
        dog.start()
        deadline = time.monotonic() + 2
        while dog.alive and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        os.close(read)
        os.close(write)
    assert events == ["saved", safety.HANGUP_EXIT_CODE]


def test_write_snapshot_skips_identical_bytes(meeting_file: Path) -> None:
    data = meeting_file.read_bytes()
    assert safety.write_snapshot((meeting_file, data))
    assert store.previous_generations(meeting_file) == []  # nothing rewritten, no generation pushed
    assert safety.write_snapshot((meeting_file, data + b" "))
    assert meeting_file.read_bytes() == data + b" " and len(store.previous_generations(meeting_file)) == 1
    assert not safety.write_snapshot(None)
    assert not safety.write_snapshot((meeting_file.parent / "missing-dir" / "x" / "\0", b""))


# -- in a real terminal (tmux) --------------------------------------------------------------------


def start_app(tmux: Tmux, script: Path, path: Path, home: Path, mode: str = "normal") -> int:
    pid = tmux.start(
        [sys.executable, str(script), str(path), mode],
        env={HOME_ENV: str(home), "HOME": str(home), "TEXTUAL_LOG": str(home / "textual.log")},
    )
    tmux.wait_for("ready")
    return pid


@needs_tmux
@pytest.mark.parametrize(("key", "error"), [("x", "ValueError"), ("w", "KeyError"), ("l", "LookupError"),
                                            ("t", "RuntimeError")],
                         ids=["handler", "thread-worker", "loop-callback", "plain-thread"])
def test_crash_in_a_real_terminal_leaks_nothing_and_saves(
    tmp_path: Path, home: Path, meeting_file: Path, app_script: Path, key: str, error: str,
) -> None:
    with Tmux(tmp_path, f"crash-{key}") as tmux:
        start_app(tmux, app_script, meeting_file, home)
        assert tmux.title() == safety.NEUTRAL_TITLE  # not the App's title, which holds the marker
        tmux.send("c")
        tmux.wait_for("changed 1")
        tmux.send(key)
        tmux.wait_dead()
        after = " ".join(tmux.everything().split())
        status = tmux.exit_status()
        title = tmux.title()
        tmux.kill_server()
        recorded = tmux.recorded()
    assert status == "1"
    assert f"concertation s'est arrêté sur une erreur interne ({error})." in after
    assert "La réunion a été enregistrée" in after
    assert MARKER not in after and "Traceback" not in after and "locals" not in after
    # Every byte the terminal received (UI, stdout, stderr): the marker never went there.
    assert "ready" in recorded and MARKER not in recorded and "Traceback" not in recorded
    assert title == safety.NEUTRAL_TITLE
    assert marker_contributions(meeting_file) == [f"apport 1 {MARKER}"]
    assert not (home / "textual.log").exists()  # TEXTUAL_LOG was scrubbed


@needs_tmux
@pytest.mark.parametrize("how", ["SIGHUP", "SIGTERM", "kill-server", "kill-server-hup-ignored"])
def test_hangup_and_signals_save_and_end_within_two_seconds(
    tmp_path: Path, home: Path, meeting_file: Path, app_script: Path, how: str,
) -> None:
    mode = "hup-ignored" if how.endswith("hup-ignored") else "normal"
    with Tmux(tmp_path, how.lower()) as tmux:
        pid = start_app(tmux, app_script, meeting_file, home, mode)
        tmux.send("c")
        tmux.wait_for("changed 1")
        assert marker_contributions(meeting_file) == []  # the change is not on disk yet
        started = time.monotonic()
        if how.startswith("kill-server"):
            tmux.kill_server()  # what a dropped SSH connection does to the terminal
        else:
            os.kill(pid, getattr(signal, how))
        gone = wait_gone(pid, 15.0)  # a hang is what fails here: under a loaded CI the exit may take seconds (speed: benchmarks/)
        took = time.monotonic() - started
        if not how.startswith("kill-server"):
            tmux.wait_dead(10.0)  # tmux notices the end a moment after the process is gone
            status = tmux.exit_status()
            recorded = tmux.recorded()
    assert gone and took < 15.0, f"still running after {took:.2f} s"
    assert marker_contributions(meeting_file) == [f"apport 1 {MARKER}"]
    if not how.startswith("kill-server"):
        assert status == str(128 + getattr(signal, how))
        # The terminal is still there: the exit was the clean one (the alternate screen was left),
        # not the failsafe's os._exit.
        assert "\x1b[?1049l" in recorded
        assert MARKER not in recorded
    # A clean end leaves no temp file beside the meeting.
    assert not [p for p in meeting_file.parent.iterdir() if p.name.endswith(store.TEMP_SUFFIX)]
