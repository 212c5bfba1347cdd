"""Nothing lost, nothing leaked: the app's crash, hang-up and environment guards.

The person's data must never reach the shared screen, the scrollback, stderr or a stray file, and must
never be lost when the program crashes, is killed or loses its terminal (a dropped SSH session). Textual
8.2.8 does none of this by itself (see ../shared/TEXTUAL-NOTES.md); this module adds it.

What is here
------------
`scrub_environment()` and `install_quiet_hooks()` (in ../process_guards.py, read from here too)
    The CLI calls both first, before anything imports textual (textual.constants reads the
    environment once, at import): the TEXTUAL* variables that would record or replay the session are
    removed, and Python's own last-resort reports name only the exception's class. They live in the
    headless layer so that a headless command does not import this package for them.
    This module imports neither textual nor rich at import time. `concertation_tui/tui/__init__.py`
    must not import textual at module level either, since importing this module runs it first (a
    test checks both).

`SafeAppMixin`
    Mixed into the App first: `class ConcertationApp(SafeAppMixin, App[int])`. The App provides two
    methods, both safe to call at any time and never raising:

    - `emergency_snapshot() -> tuple[Path, bytes] | None`: the meeting file and the bytes of the
      newest state of the meeting, text still in the typing area included, or None when there is
      nothing this session may write (no meeting open, or the meeting is open read-only because
      another session holds it). It is called from a plain thread (the watchdog) while the event loop
      may be stuck: it must never touch widgets, and falls back to the last bytes kept.
    - `save_now_sync() -> bool`: move the typing area's text into the meeting, serialise it and
      write it now, synchronously (on the event loop's thread); True when the file holds it (a
      no-op, True, when read-only), else False with the sentence in `save_error`.
    - optionally `typing_text()` and `saved_time_text()`, so that the crash message says exactly
      what was saved.

    Every write of the meeting file, by the app or by the mixin, holds `WRITE_LOCK`.

    The mixin then:

    1. Replaces Textual's crash screen (private `App._handle_exception`, which prints a traceback
       with local variables on stderr): saves the meeting, checks that the file holds the snapshot
       (writing it if not), then exits with return code 1 and a short message (fr, or en when
       `self.language` is "en") naming only the exception's class (the inner class for a
       `WorkerFailed`, whose own message embeds `repr(error)`), whether the meeting was saved, and
       whom to tell. `run_test` still re-raises the exception.
    2. At start (the Compose event), when running in a real terminal (never headless, so never under
       `run_test`):
       - SIGHUP and SIGTERM handlers on the running asyncio loop: save synchronously, arm a daemon
         `threading.Timer(1.0, os._exit, (128 + signum,))` failsafe, then `exit(128 + signum)`
         (with a line on stderr, once the terminal is restored, when the save failed);
       - a daemon watchdog thread polling `os.tcgetpgrp(stdin)` every 0.5 s, and the driver's
         `hung_for()` (driver.py: a write blocked, or a status query unanswered): when the terminal
         is gone or hung it writes `emergency_snapshot()` with `store.write_private` and calls
         `os._exit(129)`. It covers a hang-up whose SIGHUP never arrives and a frozen link (the
         event loop then deadlocks on the writer queue, so only a thread can act); the status
         query is sent by an interval on the loop. A hung terminal that is still there (a frozen
         window, an SSH client on a laptop that slept) may come back: before ending, the watchdog
         hands it back as it was with a sentence saying that the program stopped and whether the
         meeting was saved (`leave_stopped` in driver.py), not a dead frame in raw mode;
       - `threading.excepthook`: an exception in any plain thread takes the crash path
         (`report_thread_crash`), as does one in Textual's input thread (driver.py);
       - an asyncio exception handler on the loop, so that an exception escaping a bare task or
         callback takes the same crash path instead of asyncio's log on stderr;
       - `install_quiet_hooks()` again, in the app's language;
       - a fixed neutral terminal title (`NEUTRAL_TITLE`): Textual itself never writes a title
         escape (8.2.8), but the shell may have put the command line (a file name) there.
       On unmount the watchdog stops and the signal handlers are removed.
    3. Chooses the terminal driver (`get_driver_class`: driver.py's `SafeLinuxDriver`).
    4. Removes the palette's "Screenshot" system command and makes `action_screenshot` /
       `deliver_screenshot` do nothing (an SVG of the screen would land in ~/Downloads).

    Hook: nothing to call. Textual dispatches an event to one handler per class of the App's MRO
    (`_on_x` or `on_x` found in that class's own namespace), so the mixin's `_on_compose` and
    `_on_unmount` run in addition to whatever the App defines, with no `super()` needed. Compose was
    chosen over Mount: it is the first event after the driver exists (so headless is known), and the
    mixin's handler runs before the App's `compose()` and long before its (possibly slow, possibly
    failing) `on_mount`. `install_safety()` is public and idempotent should an App want to call it
    itself. An App handler that calls `prevent_default()` on Compose or Unmount would skip the
    mixin's. An App that overrides `get_system_commands` without `super()` must leave out
    "Screenshot" itself.

    The program's exit code is `app.return_code` (1 after a crash, 129/143 after SIGHUP/SIGTERM),
    not the value `App.run()` returns.

Private Textual API used (pinned textual==8.2.8; tests/test_tui_safety.py fails if one moves):
`App._handle_exception`, `App._exception`, `App._exception_event`, `App._return_code`,
`WorkerFailed.error` is public. The terminal driver is not read from Textual's private attribute: driver.py's
`SafeLinuxDriver` attaches itself (`attach_terminal`, a `WatchedTerminal`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

# The process's own guards live in the headless layer (the command line runs them before anything else,
# and a headless command must not import the interface's package for them); read from here too.
from ..process_guards import (  # noqa: F401
    KEPT_TEXTUAL_VARIABLES,
    MESSAGES,
    crash_message,
    error_name,
    install_quiet_hooks,
    message,
    scrub_environment,
)

if TYPE_CHECKING:  # never at run time: this module is imported before textual is
    import asyncio  # the headless commands import this module: asyncio would cost them ~30 ms

    from textual.app import SystemCommand
    from textual.screen import Screen

    from .driver import WatchedTerminal

NEUTRAL_TITLE = "concertation"
"""The terminal title while the app runs: never a meeting's or a person's name, nor a file name."""

POLL_SECONDS = 0.5
"""How often the watchdog checks that the terminal is still there."""

FAILSAFE_SECONDS = 1.0
"""After SIGHUP/SIGTERM, how long the clean exit may take before the process is ended outright."""

HANGUP_EXIT_CODE = 129  # 128 + SIGHUP, what a shell reports for a hung-up process

WRITE_LOCK = threading.RLock()
"""Serialises every write of the meeting file in this process: the autosave worker, the app's
synchronous save, the watchdog, the signal and crash handlers. Whoever holds it writes the newest
snapshot there is at that moment, so an older one can never land after a newer one. Re-entrant: the
crash and signal paths take it and then call the app's own save, which takes it again."""


# -- writing the last snapshot without the event loop ---------------------------------------------


def write_snapshot(snapshot: tuple[Path, bytes] | None) -> bool:
    """Make sure the file holds the snapshot's bytes; True when it does afterwards.

    Writes only when the file differs, so an already-saved meeting does not push a needless
    generation out of `.previous`. Never raises.
    """
    if snapshot is None:
        return False
    try:
        path, data = snapshot
        with contextlib.suppress(OSError):
            if path.read_bytes() == data:
                return True
        from concertation_tui.store import write_private

        write_private(path, data, generations=True)
        return True
    except Exception:  # noqa: BLE001 - a failed last write must not become a traceback
        return False


# -- the watchdog ---------------------------------------------------------------------------------


class TerminalWatchdog:
    """A plain daemon thread that ends the process when its terminal is gone or hung.

    Polls every `interval` seconds: `os.tcgetpgrp(fd)` raising OSError (EIO on a hung-up tty), or
    `hung()` returning True (a terminal that stopped reading or answering: a frozen SSH link), calls
    `on_gone()` (never touching widgets) and then `exit(code)`. Not a Textual timer: on a hung-up or
    frozen terminal the event loop may be deadlocked behind a write, so only a thread can still act.
    """

    def __init__(self, fd: int, on_gone: Any, *, interval: float = POLL_SECONDS,
                 exit: Any = os._exit, code: int = HANGUP_EXIT_CODE,
                 hung: Any = None) -> None:
        self.fd = fd
        self.on_gone = on_gone
        self.interval = interval
        self.exit = exit
        self.code = code
        self.hung = hung or (lambda: False)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="concertation-watchdog", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _gone(self) -> bool:
        try:
            os.tcgetpgrp(self.fd)
        except OSError:
            return True
        try:
            return bool(self.hung())
        except Exception:  # noqa: BLE001 - a faulty probe must not end the meeting
            return False

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if self._gone():
                if self._stop.is_set():
                    return
                try:
                    self.on_gone()
                finally:
                    self.exit(self.code)
                return


# -- the mixin ------------------------------------------------------------------------------------


class SafeAppMixin:
    """Crash, hang-up, signal and screenshot guards for the App. See the module docstring."""

    # Provided by the App (see the module docstring).
    def emergency_snapshot(self) -> tuple[Path, bytes] | None:  # pragma: no cover - overridden
        return None

    def save_now_sync(self) -> bool | None:  # pragma: no cover - overridden
        return None

    def typing_text(self) -> str:
        """Text typed and not recorded yet (the app moves it into the meeting when it saves)."""
        return ""

    def saved_time_text(self) -> str:
        """HH:MM:SS of the state the file holds, when known; "" otherwise."""
        return ""

    def attach_terminal(self, terminal: WatchedTerminal) -> None:
        """The driver built for this app (driver.py's `TerminalOwner` seam)."""
        self._safety_terminal = terminal

    def terminal_hung(self) -> bool:
        """True when the terminal stopped reading or answering (the driver tells); from a thread."""
        terminal = self._safety_terminal
        return terminal is not None and terminal.hung_for() > 0

    # -- state (class defaults, so nothing depends on __init__ order) --
    _safety_installed: bool = False
    _safety_crashed: bool = False
    _safety_signals: tuple[int, ...] = ()
    _safety_watchdog: TerminalWatchdog | None = None
    _safety_loop: asyncio.AbstractEventLoop | None = None
    _safety_terminal: WatchedTerminal | None = None
    """The terminal driver, once it attached itself (none when headless or not on Linux)."""
    language: str | None = None
    """The interface language (the app sets it first thing; None: the settings' or French)."""
    save_error: str = ""
    """Why the last save failed ('' when it did not)."""

    # -- 1. crashes --

    def _handle_exception(self, error: Exception) -> None:
        """Replaces Textual's crash screen: save, then a short message with no locals and no content."""
        app: Any = self
        app._return_code = 1
        if app._exception is None:  # keep run_test re-raising the first exception
            app._exception = error
            app._exception_event.set()
        if self._safety_crashed:
            return
        self._safety_crashed = True
        saved: bool | None = None
        typing = False
        with WRITE_LOCK:
            try:
                typing = bool(self.typing_text())
            except Exception:  # noqa: BLE001
                typing = False
            try:
                self.save_now_sync()  # moves the typing area's text into the meeting first
            except Exception:  # noqa: BLE001 - the contract says it never raises; be sure anyway
                pass
            try:
                snapshot = self.emergency_snapshot()
            except Exception:  # noqa: BLE001
                snapshot = None
            if snapshot is not None:
                saved = write_snapshot(snapshot)  # True only when the file holds it afterwards
        try:
            message = crash_message(error, self.language or "fr", saved,
                                    typing=typing, kept=self.saved_time_text())
        except Exception:  # noqa: BLE001
            message = f"concertation: {error_name(error)}"
        try:
            from rich.text import Text

            app.exit(return_code=1, message=Text(message))  # Text: never parsed as markup
        except Exception:  # noqa: BLE001
            with contextlib.suppress(Exception):
                app.exit(return_code=1)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if isinstance(args.exc_value, OSError) and args.thread is not None and args.thread.name == "textual-output":
            # Writing to the terminal failed (EIO: it hung up): not an internal error but a lost
            # terminal. SIGHUP saves and ends; if it never comes, the watchdog does (tcgetpgrp
            # fails, or the unanswered probe says the terminal is gone).
            return
        self.report_thread_crash(args.exc_value)

    def report_thread_crash(self, error: BaseException) -> None:
        """From any thread (a plain thread, Textual's input thread): the same crash path, on the loop.

        When the loop cannot take it (closed, or not started), the last snapshot is written from
        here and the process ends with code 1 and the crash sentence on stderr.
        """
        if isinstance(error, (SystemExit, KeyboardInterrupt)) or not isinstance(error, BaseException):
            return
        loop = self._safety_loop
        if isinstance(error, Exception) and loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._handle_exception, error)
                return
            except RuntimeError:
                pass
        with WRITE_LOCK:
            saved = write_snapshot(self._safe_emergency_snapshot())
        with contextlib.suppress(Exception):
            print(crash_message(error, self.language, saved), file=sys.__stderr__, flush=True)
        os._exit(1)

    def _loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """asyncio's exception handler while the app runs: no log on stderr, same path as a crash."""
        error = context.get("exception")
        if isinstance(error, Exception) and getattr(self, "is_running", False):
            self._handle_exception(error)
        # Anything else (a task destroyed while pending at shutdown...) is dropped: asyncio would
        # print it on stderr, which is the shared screen.

    # -- 2. signals, watchdog, title --

    def _on_compose(self) -> None:
        # Compose is the App's first event after the driver is built: earlier than Mount, and before
        # the App's own compose() or on_mount() run (this class precedes App in the MRO).
        self.install_safety()

    def _on_unmount(self) -> None:
        self.uninstall_safety()

    def install_safety(self) -> None:
        """Install the signal handlers, the watchdog and the neutral title. Idempotent.

        Does nothing when headless (run_test), so tests never get a watchdog or signal handlers.
        """
        app: Any = self
        if self._safety_installed:
            return
        self._safety_installed = True
        if app.is_headless or app.is_web:
            return
        import asyncio  # only when the interface starts (the app's loop imported it already)

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            self._safety_loop = loop
            installed = []
            for signum in (signal.SIGHUP, signal.SIGTERM):
                try:
                    loop.add_signal_handler(signum, self._on_terminating_signal, signum)
                except (ValueError, RuntimeError, NotImplementedError):
                    continue  # not the main thread, or no signals here: the watchdog remains
                installed.append(signum)
            self._safety_signals = tuple(installed)
            with contextlib.suppress(Exception):
                loop.set_exception_handler(self._loop_exception)
        stdin = sys.__stdin__
        try:
            fd = stdin.fileno() if stdin is not None and stdin.isatty() else None
        except (OSError, ValueError):
            fd = None
        if fd is not None:
            self._safety_watchdog = TerminalWatchdog(fd, lambda: self._on_terminal_lost(fd),
                                                     hung=self.terminal_hung)
            self._safety_watchdog.start()
        terminal = self._safety_terminal
        if terminal is not None:
            from .driver import PROBE_INTERVAL

            app.set_interval(PROBE_INTERVAL, terminal.send_probe)
        with contextlib.suppress(Exception):
            install_quiet_hooks(self.language)
        # An exception in a plain thread ends the program through the crash path (save, sentence,
        # code 1) rather than printing over a program that keeps running.
        threading.excepthook = self._thread_excepthook
        if terminal is not None:
            with contextlib.suppress(Exception):
                terminal.set_title(NEUTRAL_TITLE)

    def uninstall_safety(self) -> None:
        """Stop the watchdog and remove the signal handlers (the app has finished)."""
        if self._safety_watchdog is not None:
            self._safety_watchdog.stop()
            self._safety_watchdog = None
        loop = self._safety_loop
        if loop is not None:
            for signum in self._safety_signals:
                with contextlib.suppress(Exception):
                    loop.remove_signal_handler(signum)
            self._safety_signals = ()

    def _safe_emergency_snapshot(self) -> tuple[Path, bytes] | None:
        try:
            return self.emergency_snapshot()
        except Exception:  # noqa: BLE001
            return None

    def _write_emergency_snapshot(self) -> bool | None:
        """From a thread (the watchdog, the input thread): write the newest serialised meeting,
        typing area included. Never touches widgets. True when the file holds it, False when it could
        not be written, None when there was nothing to write or another path was writing."""
        if not WRITE_LOCK.acquire(timeout=FAILSAFE_SECONDS):
            return None  # another path is writing right now; it will finish or its own failsafe will act
        try:
            snapshot = self._safe_emergency_snapshot()
            return None if snapshot is None else write_snapshot(snapshot)
        finally:
            WRITE_LOCK.release()

    def _on_terminal_lost(self, fd: int) -> None:
        """The watchdog found the terminal gone or hung (from its thread; the program ends next).

        Writes the meeting; then, when the terminal is still there (it stopped reading or answering
        but did not hang up), hands it back with a sentence, for when it comes back."""
        saved = self._write_emergency_snapshot()
        terminal = self._safety_terminal
        if terminal is None:
            return
        try:
            os.tcgetpgrp(fd)
        except OSError:
            return  # hung up: no one will read anything
        with contextlib.suppress(Exception):
            lines = [message("terminal_stopped", self.language)]
            if saved:
                lines.append(message("saved", self.language))
            elif saved is False:
                lines.append(message("not_saved", self.language))
            terminal.leave_stopped("\n".join(lines))

    def _on_terminating_signal(self, signum: int) -> None:
        """SIGHUP/SIGTERM, on the event loop: save now, arm the failsafe, exit. Never raises."""
        try:
            saved: bool | None = None
            with WRITE_LOCK:
                with contextlib.suppress(Exception):
                    self.save_now_sync()  # moves the typing area's text into the meeting first
                snapshot = self._safe_emergency_snapshot()
                if snapshot is not None:
                    saved = write_snapshot(snapshot)  # a no-op when the save went through
            failsafe = threading.Timer(FAILSAFE_SECONDS, os._exit, (128 + int(signum),))
            failsafe.daemon = True
            failsafe.start()
            app: Any = self
            if saved is False:  # said on stderr once the terminal is restored
                from rich.text import Text

                reason = self.save_error or ""
                line = message("signal_not_saved", self.language,
                               name=signal.Signals(signum).name, reason=reason)
                app.exit(return_code=128 + int(signum), message=Text(line))
            else:
                app.exit(return_code=128 + int(signum))
        except Exception:  # noqa: BLE001 - an exception here would be printed by asyncio
            os._exit(128 + int(signum))

    # -- the terminal driver --

    def get_driver_class(self):  # noqa: ANN201 - textual's own signature
        """Textual's Linux driver, made tolerant of bytes that are not UTF-8 and of hung links
        (driver.py)."""
        if sys.platform != "win32":
            from .driver import SafeLinuxDriver

            return SafeLinuxDriver
        return super().get_driver_class()  # type: ignore[misc]

    # -- 3. no screenshots --

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        parent: Iterator[SystemCommand] = super().get_system_commands(screen)  # type: ignore[misc]
        for command in parent:
            if command.title != "Screenshot":
                yield command

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Disabled: an SVG of the screen would hold the meeting."""

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Disabled: an SVG of the screen would hold the meeting."""
        return None
