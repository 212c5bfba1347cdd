"""The tests see the frames of a crash the app caught (tests/crash_frames.py, tests/conftest.py).

A snapshot test runs the app with `App.run(headless=True)`, which does not re-raise: before, a crash
there said only its class. These check that such a crash fails the test with the line that raised,
that the real crash path (save, plain words) still runs underneath, and that nothing is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from crash_frames import CrashRecorder
from textual.app import App
from textual.widgets import Label

from concertation_tui.tui.safety import SafeAppMixin

TESTS = Path(__file__).resolve().parent

CRASHING_SNAPSHOT_TEST = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Label

    from concertation_tui.tui.safety import SafeAppMixin


    class Crashing(SafeAppMixin, App):
        def compose(self):
            yield Label("ready")

        def on_mount(self):
            self.set_timer(0.01, self.redraw_late)

        def redraw_late(self):
            self.query_one("#gone-before-its-timer")  # the line the report must name


    def test_like_a_snapshot():
        async def run_before(pilot):
            await pilot.pause(0.2)
            pilot.app.exit("svg")

        # App.run, as pytest-textual-snapshot's snap_compare does: the crash is not re-raised
        Crashing().run(headless=True, size=(40, 10), auto_pilot=run_before)
    """
)


def run_pytest(folder: Path, test_file: str) -> subprocess.CompletedProcess:
    """Run one test file with this suite's conftest (as a plugin), in a folder of the test's own."""
    (folder / "test_crash_case.py").write_text(test_file)
    (folder / "pytest.ini").write_text("[pytest]\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    env.pop("PYTEST_ADDOPTS", None)  # the outer run's options (-n, -k...) are not this run's
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "-p", "no:randomly",
         "-q", "test_crash_case.py"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=300,
    )


def test_a_crash_that_app_run_swallows_fails_the_test_with_its_frames(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    done = run_pytest(folder, CRASHING_SNAPSHOT_TEST)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "1 failed" in out, out
    assert "the app crashed during the test" in out
    assert "in redraw_late" in out and 'self.query_one("#gone-before-its-timer")' in out
    assert "NoMatches" in out
    # the frames stay in pytest's report: no file beside the test, and the folder holds only ours
    assert sorted(p.name for p in folder.iterdir() if p.name != "__pycache__") == ["pytest.ini",
                                                                                   "test_crash_case.py"]


def test_a_test_without_a_crash_still_passes(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    quiet = CRASHING_SNAPSHOT_TEST.replace('self.query_one("#gone-before-its-timer")', "pass")
    done = run_pytest(folder, quiet)
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout + done.stderr


class Crashing(SafeAppMixin, App):
    def compose(self):
        yield Label("ready")

    def on_mount(self) -> None:
        self.set_timer(0.01, self.fail_late)

    def fail_late(self) -> None:
        raise LookupError("late")


@pytest.mark.crashes_on_purpose
def test_the_recorder_keeps_the_exception_and_the_real_handler_still_runs(
        crash_frames: CrashRecorder, monkeypatch: pytest.MonkeyPatch) -> None:
    app = Crashing()
    exits: list = []
    original_exit = App.exit

    def spy_exit(self, *args, **kwargs):
        exits.append(kwargs)
        return original_exit(self, *args, **kwargs)

    monkeypatch.setattr(App, "exit", spy_exit)

    async def wait(pilot) -> None:
        await pilot.pause(0.2)

    app.run(headless=True, size=(40, 10), auto_pilot=wait)
    assert [type(error) for error in crash_frames.errors] == [LookupError]
    assert "in fail_late" in crash_frames.report() and 'raise LookupError("late")' in crash_frames.report()
    # the app's own crash path ran as in a real session: code 1, the plain-words sentence naming the class
    assert app.return_code == 1 and app._safety_crashed
    assert "(LookupError)" in str(exits[0]["message"]) and "late" not in str(exits[0]["message"])


def test_the_handler_is_put_back_after_the_test() -> None:
    """The wrapper lives for one test: the class's own function is there once monkeypatch undoes it."""
    assert getattr(SafeAppMixin._handle_exception, "__wrapped__", None) is not None  # wrapped now
    recorder = CrashRecorder()
    with pytest.MonkeyPatch.context() as patch, recorder.watching(patch):
        wrapped_twice = SafeAppMixin._handle_exception
    assert SafeAppMixin._handle_exception is not wrapped_twice
