"""The terminal driver: Textual's Linux driver, made to survive what real terminals and links do.

Textual 8.2.8's `LinuxDriver` (see ../shared/TEXTUAL-NOTES.md) stops the program on one byte that is
not UTF-8, spins on a hung-up terminal, and cannot tell a terminal that stopped answering (a frozen
SSH client) from one that is idle. `SafeLinuxDriver` changes only the input thread and wraps the
output stream:

- **Bytes that are not UTF-8** (a terminal set to Latin-1, a common PuTTY setting, or line noise) are
  read as Latin-1 (`é` typed in a Latin-1 terminal stays `é`); the app is told once (`NotUtf8`) so
  the facilitator learns, in words, to set the terminal to UTF-8.
- **An exception in the input thread** goes to the app's crash path (`report_thread_crash`), not to
  Textual's `panic`, which printed a traceback and exited 0.
- **An empty read on a terminal** means it hung up: the input thread ends instead of spinning at one
  core; SIGHUP, or the app's watchdog within half a second, saves and ends the program.
- **A Linux console** (TERM=linux) lacks block and arrow characters that Textual and this program
  draw: `OutputWatch` sends each as an ASCII character of the same width.
- **A terminal that stopped answering**: `TerminalProbe` sends a status query (DSR, `ESC [5n`) every
  few seconds and the input thread takes its answer (`ESC [0n`) out of the keys. `OutputWatch` notes
  when a write to the terminal started and has not finished. The app's watchdog thread asks both
  (`hung_for()`): a terminal that answered before and has not answered for `PROBE_TIMEOUT`, or a
  write blocked for `WRITE_TIMEOUT`, is a hung link: save and exit. A terminal that never answers a
  probe is never judged by it (no false alarm on a terminal without DSR).
- **Leaving a terminal that stopped** (`leave_stopped`): such a terminal may come back (a window that
  froze, an SSH client on a laptop that slept). The program then ends, but hands the terminal back as it
  found it (its modes, the main screen, the cursor, no mouse reports) with a sentence saying what
  happened, instead of a dead frame in raw mode. It never blocks: later frames are dropped and the words
  are written only if the terminal's buffer takes them. It does when the probe went unanswered (sshd and
  tmux go on reading while their far side is frozen); it does not when the terminal's own reader
  stopped and its buffer is full (the frames it did not read cannot be taken back: `tcflush` on a pty
  discards nothing), and then only the modes are put back.

The app and the driver meet at one declared seam, both ways typed: the driver is built with the app
and, when the app is a `TerminalOwner` (safety.py's mixin), hands itself to `attach_terminal` as a
`WatchedTerminal`; the app never reads Textual's private `App._driver`, and the driver reports its
input thread's failure and the bytes that were not UTF-8 to its owner, not by probing the app.

Private Textual API used (pinned textual==8.2.8; tests/test_tui_terminal.py fails if one moves):
`LinuxDriver._file`, `LinuxDriver.fileno`, `LinuxDriver.exit_event`, `LinuxDriver._debug`,
`LinuxDriver._run_input_thread`, `LinuxDriver.run_input_thread`, `XTermParser.feed/tick`.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import selectors
import termios
import time
from typing import Any, Protocol, runtime_checkable

from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

PROBE_QUERY = "\x1b[5n"
"""Device status report: every terminal that answers says `ESC [0n` ("terminal OK")."""
PROBE_ANSWER = "\x1b[0n"
PROBE_INTERVAL = 1.5
"""Seconds between two probes."""
PROBE_TIMEOUT = 5.0
"""A probe unanswered this long, from a terminal that answered before: the link is hung."""
WRITE_TIMEOUT = 4.0
"""A write to the terminal blocked this long: the terminal no longer reads (a frozen link)."""

RESTORE_TERMINAL = (
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # no mouse reports
    "\x1b[?2004l\x1b[?2048l\x1b[?1004l"  # no bracketed paste, no size or focus reports
    "\x1b[<u\x1b[?7h\x1b[?1049l\x1b[?25h"  # the keyboard as it was, line wrap, the main screen, the cursor
)
"""What Textual's `stop_application_mode` writes (8.2.8), in one write a stopped terminal can still take."""
LEAVE_PATIENCE = 0.5
"""Seconds `leave_stopped` tries to put its words in the terminal's buffer before it gives up."""

LINUX_CONSOLE_FALLBACKS = str.maketrans({
    # Drawn by Textual (borders, scrollbars, the palette's icon) or by us (markers); the Linux
    # console's fonts lack them and show a diamond. Each replacement has the same width in cells.
    "▀": "-", "▄": "_", "▌": "|", "▐": "|", "▔": "-", "▏": "|", "▕": "|",
    "▁": "_", "▂": "_", "▃": "_", "▅": "=", "▆": "=", "▇": "#",
    "►": ">", "▶": ">", "○": "o", "⇧": "^", "⇄": "=", "🔎": "> ",
})
"""What a Linux console (TERM=linux) is sent instead of the characters its fonts lack."""


def console_fallbacks(term: str | None = None) -> dict[int, str] | None:
    """The replacements for this terminal, or None when it draws every character."""
    term = os.environ.get("TERM", "") if term is None else term
    return LINUX_CONSOLE_FALLBACKS if term == "linux" or term.startswith("linux-") else None


LATIN1_FALLBACK = "concertation-latin1"
"""The codec error handler that reads a byte that is not UTF-8 as Latin-1, and counts it."""

_fallback_count = 0


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    global _fallback_count
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _fallback_count += 1
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error(LATIN1_FALLBACK, _latin1_fallback)


def fallback_count() -> int:
    """How many bytes, in this process, were read as Latin-1 because they were not UTF-8."""
    return _fallback_count


def decoder() -> codecs.IncrementalDecoder:
    """UTF-8, with every byte that is not UTF-8 read as Latin-1 (never an exception)."""
    return codecs.getincrementaldecoder("utf-8")(errors=LATIN1_FALLBACK)


class NotUtf8(Message):
    """The terminal sent bytes that are not UTF-8 (posted once per session)."""


class WatchedTerminal(Protocol):
    """What the app may ask of the terminal it runs in (implemented by `SafeLinuxDriver`)."""

    def hung_for(self) -> float:
        """Seconds the terminal has been judged unresponsive (0 while it answers and reads); any thread."""
        ...

    def send_probe(self) -> None:
        """Ask the terminal for its status (on the event loop)."""
        ...

    def set_title(self, title: str) -> None:
        """Set the terminal's window title."""
        ...

    def leave_stopped(self, words: str) -> bool:
        """Hand back a terminal that stopped reading or answering, with `words` on it; any thread, never
        blocks. True when the words were written."""
        ...


@runtime_checkable
class TerminalOwner(Protocol):
    """What the driver tells the app it runs (implemented by safety.py's `SafeAppMixin`)."""

    def attach_terminal(self, terminal: WatchedTerminal) -> None:
        """The driver built for this app: the app keeps it to ask whether the link hung."""
        ...

    def report_thread_crash(self, error: BaseException) -> None:
        """An exception ended the input thread: the crash path (save, sentence, exit 1)."""
        ...

    def post_message(self, message: Message) -> bool: ...


class OutputWatch:
    """The terminal's output stream, noting when a write started and has not finished yet, and
    replacing the characters this terminal cannot draw (`fallbacks`, a str.translate table)."""

    def __init__(self, file: Any, fallbacks: dict[int, str] | None = None) -> None:
        self._file = file
        self.fallbacks = fallbacks
        self.busy_since: float | None = None
        self.silenced = False
        """True once the program leaves a terminal that stopped: every later write is dropped."""

    def silence(self) -> None:
        self.silenced = True

    def write(self, text: str) -> Any:
        if self.silenced:
            return len(text)
        if self.fallbacks is not None:
            text = text.translate(self.fallbacks)
        self.busy_since = time.monotonic()
        try:
            return self._file.write(text)
        finally:
            self.busy_since = None

    def flush(self) -> None:
        if self.silenced:
            return
        self.busy_since = time.monotonic()
        try:
            self._file.flush()
        finally:
            self.busy_since = None

    def blocked_for(self, now: float | None = None) -> float:
        since = self.busy_since
        return 0.0 if since is None else max(0.0, (now or time.monotonic()) - since)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class TerminalProbe:
    """The status queries sent to the terminal and their answers (thread-safe enough: plain floats)."""

    def __init__(self) -> None:
        self.sent_at: float | None = None
        """When the outstanding query was sent (None: none outstanding)."""
        self.answers = 0

    def due(self) -> bool:
        return self.sent_at is None

    def sent(self) -> None:
        if self.sent_at is None:
            self.sent_at = time.monotonic()

    def answered(self) -> None:
        self.answers += 1
        self.sent_at = None

    def unanswered_for(self, now: float | None = None) -> float:
        """How long the outstanding query has gone unanswered, by a terminal known to answer."""
        since = self.sent_at
        if since is None or self.answers == 0:
            return 0.0
        return max(0.0, (now or time.monotonic()) - since)


class SafeLinuxDriver(LinuxDriver):
    """Textual's Linux driver with a tolerant input thread and a watched output. See the module."""

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        self.output = OutputWatch(self._file, console_fallbacks())
        self._file = self.output  # the writer thread is built on it in start_application_mode
        self.probe = TerminalProbe()
        self._told_not_utf8 = False
        self.owner: TerminalOwner | None = app if isinstance(app, TerminalOwner) else None
        """The app, when it takes the driver's reports (else a failure goes Textual's own way)."""
        if self.owner is not None:
            self.owner.attach_terminal(self)

    # -- what the app's watchdog asks --

    def hung_for(self) -> float:
        """Seconds the terminal has been judged unresponsive (0 while it answers and reads)."""
        now = time.monotonic()
        blocked = self.output.blocked_for(now)
        if blocked >= WRITE_TIMEOUT:
            return blocked
        waited = self.probe.unanswered_for(now)
        return waited if waited >= PROBE_TIMEOUT else 0.0

    def send_probe(self) -> None:
        """Ask the terminal for its status, unless a query is still outstanding (on the event loop)."""
        if self.probe.due():
            self.probe.sent()
            self.write(PROBE_QUERY)
            self.flush()

    def set_title(self, title: str) -> None:
        self.write(f"\x1b]2;{title}\x07")

    def leave_stopped(self, words: str) -> bool:
        """Hand back a terminal that stopped reading or answering, with `words` on it (see the module).

        From the watchdog's thread, just before the program ends: Textual's writer thread may be
        blocked in a write, and the event loop behind it, so nothing here goes through them."""
        self.output.silence()  # the writer thread's next frames go nowhere
        try:
            fd = self.output.fileno()
        except (OSError, ValueError):
            return False
        data = (RESTORE_TERMINAL + "\r\n" + words.replace("\n", "\r\n") + "\r\n").encode("utf-8")
        written = 0
        deadline = time.monotonic() + LEAVE_PATIENCE
        try:
            try:  # a write under way returns rather than waits for the reader; so does ours
                os.set_blocking(fd, False)
            except OSError:
                return False  # a write of ours could block the watchdog: no words
            while written < len(data):
                try:
                    written += os.write(fd, data[written:])
                except BlockingIOError:
                    pass
                except OSError:  # the terminal went away after all
                    return False
                if written < len(data):
                    if time.monotonic() > deadline:
                        return False
                    time.sleep(0.02)
            return True
        finally:
            if self.attrs_before is not None:  # its own modes back: the shell's line editing, echo
                with contextlib.suppress(termios.error, OSError):
                    termios.tcsetattr(self.fileno, termios.TCSANOW, self.attrs_before)

    # -- the input thread --

    def _run_input_thread(self) -> None:
        try:
            self.run_input_thread()
        except BaseException as error:  # noqa: BLE001 - every failure goes to the crash path
            if self.owner is None:
                raise
            self.owner.report_thread_crash(error)

    def run_input_thread(self) -> None:
        """Textual's input loop, with a tolerant decoder, probe answers taken out, hang-up noticed."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = XTermParser(self._debug)
        incoming = decoder()
        try:
            while not self.exit_event.is_set():
                ready = selector.select(0.1)
                if ready:
                    data = os.read(fileno, 4096)
                    if not data:
                        # The terminal hung up: stop reading (Textual's loop would spin at one
                        # core). SIGHUP, or the app's watchdog within half a second, saves and ends.
                        return
                    self._feed(parser, incoming.decode(data))
                elif incoming.getstate()[0]:
                    # A lone byte waited for the rest of a UTF-8 sequence that never came.
                    self._feed(parser, incoming.decode(b"", final=True))
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()

    def _feed(self, parser: XTermParser, text: str) -> None:
        if PROBE_ANSWER in text:
            text = text.replace(PROBE_ANSWER, "")
            self.probe.answered()
        if not self._told_not_utf8 and fallback_count():
            self._told_not_utf8 = True
            if self.owner is not None:
                self.owner.post_message(NotUtf8())
        if not text:  # feed("") would tell the parser the input has ended
            return
        for event in parser.feed(text):
            self.process_message(event)
