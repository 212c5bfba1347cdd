"""The frames of an exception the app caught, kept in memory for the test that ran it (tests only).

The app's crash handler (`tui/safety.py`, `SafeAppMixin._handle_exception`) hides the traceback on
purpose: in a real session it would print the person's data on the shared screen. Under `run_test`
Textual re-raises the exception and pytest shows its frames, but a snapshot test runs the app with
`App.run(headless=True)` (pytest-textual-snapshot), which does not re-raise: the test then said only
that the app crashed, with the exception's class and no line to look at.

`CrashRecorder` wraps the crash handler of the app classes for the length of one test, keeps every
exception it is handed (the object, with its `__traceback__`), and calls the real handler unchanged,
so the app still saves, exits and shows its plain-words message. `tests/conftest.py` installs it for
every test and turns what it kept into the test's failure, with `traceback.format_exception`. Nothing
is written anywhere: the frames exist only in the test process's memory and in pytest's report.

A test that crashes the app on purpose says so with `@pytest.mark.crashes_on_purpose`.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest


class CrashRecorder:
    """Keeps the exceptions handed to the app's crash handler during one test."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def keep(self, error: BaseException) -> None:
        if not any(error is kept for kept in self.errors):  # a handler may pass it on to another
            self.errors.append(error)

    @contextmanager
    def watching(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[CrashRecorder]:
        """Wrap the crash handlers while the block runs (monkeypatch undoes it after the test)."""
        for owner in self._handler_owners():
            original = owner.__dict__["_handle_exception"]
            monkeypatch.setattr(owner, "_handle_exception", self._wrap(original))
        yield self

    def _wrap(self, original: Any) -> Any:
        recorder = self

        def _handle_exception(app: Any, error: Exception) -> None:
            recorder.keep(error)
            return original(app, error)

        _handle_exception.__wrapped__ = original  # type: ignore[attr-defined]
        return _handle_exception

    @staticmethod
    def _handler_owners() -> list[type]:
        """The classes whose own `_handle_exception` an app runs: the safety mixin (every app of this
        project) and, when a test module has imported textual, Textual's App (the tests' small apps).
        Importing safety does not import textual, so the headless tests stay without it."""
        from concertation_tui.tui.safety import SafeAppMixin

        owners: list[type] = [SafeAppMixin]
        textual_app = sys.modules.get("textual.app")
        if textual_app is not None:
            owners.append(textual_app.App)
        return owners

    def report(self) -> str:
        """Every exception kept, with its frames (a WorkerFailed's inner error included: Python
        chains it as the cause)."""
        parts = []
        for number, error in enumerate(self.errors, 1):
            frames = "".join(traceback.format_exception(type(error), error, error.__traceback__))
            inner = getattr(error, "error", None)  # textual.worker.WorkerFailed keeps the real one here
            if isinstance(inner, BaseException) and inner is not error.__cause__:
                frames += "\nThe worker's own error:\n" + "".join(
                    traceback.format_exception(type(inner), inner, inner.__traceback__))
            parts.append(f"--- exception {number} of {len(self.errors)} caught by the app's crash handler ---\n"
                         f"{frames}")
        return "\n".join(parts)
