"""Shared fixtures: every test gets its own data folder, never the user's and never /tmp directly."""

from __future__ import annotations

import pytest
from crash_frames import CrashRecorder

from concertation_tui.services.demo import demo_meeting
from concertation_tui.model import Meeting


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Point CONCERTATION_HOME at the test's folder, in French, with no Textual debugging variables.

    The organisation's folder (platformdirs' site config folder, read through XDG_CONFIG_DIRS) is an
    empty folder of the test too: a real /etc/xdg/concertation-tui on the machine changes nothing."""
    home = tmp_path / "home"
    monkeypatch.setenv("CONCERTATION_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    monkeypatch.delenv("CONCERTATION_LANG", raising=False)
    return home


@pytest.fixture
def demo() -> Meeting:
    return demo_meeting()


@pytest.fixture(autouse=True)
def crash_frames(request, monkeypatch):
    """Every exception the app's crash handler is handed during the test, with its frames (tests/
    crash_frames.py): a crash makes the test fail with the traceback the real program never prints.

    Reported on the test's own outcome (`pytest_runtest_makereport` below); a crash that came after
    the test's body, while its fixtures were torn down, fails the teardown. A test that crashes the app
    on purpose is marked `crashes_on_purpose` and gets the recorder (to assert on) without the failure."""
    recorder = CrashRecorder()
    request.node.crash_recorder = recorder
    with recorder.watching(monkeypatch):
        yield recorder
    reported = getattr(request.node, "crash_reported", 0)
    if len(recorder.errors) > reported and not request.node.get_closest_marker("crashes_on_purpose"):
        pytest.fail("the app crashed after the test's body:\n" + recorder.report(), pytrace=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if call.when != "call":
        return
    recorder = getattr(item, "crash_recorder", None)
    if recorder is None or not recorder.errors or item.get_closest_marker("crashes_on_purpose"):
        return
    report = outcome.get_result()
    frames = recorder.report()
    item.crash_reported = len(recorder.errors)
    if report.passed:  # the crash was swallowed (App.run does not re-raise): the test fails on it
        report.outcome = "failed"
        report.longrepr = "the app crashed during the test:\n" + frames
    else:  # failed on its own (an assertion after the crash, run_test re-raising): the frames beside
        report.sections.append(("the app's crash, with its frames (tests only)", frames))
