"""Terminals as they are: 16 colours, the Linux console, PuTTY's keys, the driver's private hooks."""

from __future__ import annotations

import inspect
import time
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.color import ColorSystem
from textual.drivers.linux_driver import LinuxDriver

from concertation_tui import store
from concertation_tui.services.demo import demo_meeting
from concertation_tui.tui import driver
from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.widgets import ShortText
from test_tui_support import Clock, demo_file, settle

# Three real 16-colour palettes (index 0..15): VGA (the Linux console), xterm, PuTTY.
PALETTES = {
    "vga": [(0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170), (0, 170, 170),
            (170, 170, 170), (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255),
            (255, 85, 255), (85, 255, 255), (255, 255, 255)],
    "xterm": [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
              (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
              (255, 0, 255), (0, 255, 255), (255, 255, 255)],
    "putty": [(0, 0, 0), (187, 0, 0), (0, 187, 0), (187, 187, 0), (0, 0, 187), (187, 0, 187), (0, 187, 187),
              (187, 187, 187), (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255),
              (255, 85, 255), (85, 255, 255), (255, 255, 255)],
}


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def in_palette(color, palette: str) -> tuple[int, int, int]:
    """The colour a 16-colour terminal shows for a Rich colour (downgraded as Textual does)."""
    number = color.downgrade(ColorSystem.STANDARD).number
    return PALETTES[palette][number]


@pytest.mark.parametrize("banner", ["read-only-banner", "save-banner"])
async def test_banners_read_at_4_5_to_1_in_every_16_colour_palette(banner: str) -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        widget = app.screen.query_one(f"#{banner}")
        widget.show("La réunion est ouverte ailleurs.")
        await pilot.pause()
        style = widget.rich_style
    for palette in PALETTES:
        ratio = contrast(in_palette(style.color, palette), in_palette(style.bgcolor, palette))
        assert ratio >= 4.5, f"{banner} in {palette}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
async def test_focus_is_told_by_shape_and_the_typing_bar_shows_on_black(theme: str) -> None:
    app = ConcertationApp(demo_file(), clock=Clock(), theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        note = app.screen.query_one("#note", ShortText)
        assert app.screen.focused is note
        kind, color = note.styles.border_left
        for palette in PALETTES:
            assert contrast(in_palette(color.rich_color, palette), (0, 0, 0)) >= 3.0, (theme, palette)
        await pilot.press("escape")  # the agenda list takes the focus: its box is drawn double
        await settle(app, pilot)
        focused_box = next(a for a in app.screen.focused.ancestors if "box" in a.classes)
        other = [b for b in app.screen.query(".box") if b is not focused_box]
        assert focused_box.styles.border_top[0] == "double"
        assert other and all(b.styles.border_top[0] != "double" for b in other)


def test_linux_console_gets_ascii_of_the_same_width() -> None:
    table = driver.console_fallbacks("linux")
    assert table is not None and driver.console_fallbacks("xterm-256color") is None
    for char, replacement in ((chr(k), v) for k, v in table.items()):
        assert replacement.isascii() and cell_len(replacement) == cell_len(char), char

    class Sink:
        def __init__(self) -> None:
            self.text = ""

        def write(self, text: str) -> None:
            self.text += text

        def flush(self) -> None:
            pass

    sink = Sink()
    out = driver.OutputWatch(sink, table)
    out.write("\x1b[1m► ○ Point ▀▄▌▐ 🔎 é\x1b[0m")
    assert sink.text == "\x1b[1m> o Point -_|| >  é\x1b[0m"
    assert out.blocked_for() == 0.0


async def test_plain_pgdn_in_the_typing_area_moves_to_the_next_item() -> None:
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        first = app.meeting.progress.item_id
        await pilot.press("pageup")  # what PuTTY sends for ctrl+PgUp
        await settle(app, pilot)
        back = app.meeting.progress.item_id
        assert back != first
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert app.meeting.progress.item_id == first
        await pilot.press("escape")  # in a list, PgDn is the list's own
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert app.meeting.progress.item_id == first


def test_the_driver_hooks_textual_still_has() -> None:
    """driver.py copies LinuxDriver.run_input_thread and wraps its output: the names it relies on."""
    source = inspect.getsource(LinuxDriver)
    for name in ("self._file = sys.__stderr__", "WriterThread(self._file)", "def _run_input_thread",
                 "def run_input_thread", "self.exit_event", "XTermParser(self._debug)"):
        assert name in source, name


def test_a_stalled_write_is_a_hung_terminal() -> None:
    class Stuck:
        def write(self, text: str) -> None:
            time.sleep(0.3)

    out = driver.OutputWatch(Stuck())
    import threading

    thread = threading.Thread(target=out.write, args=("x",))
    thread.start()
    time.sleep(0.15)
    assert out.blocked_for() > 0.1
    thread.join()
    assert out.blocked_for() == 0.0


@pytest.mark.skipif(not __import__("shutil").which("tmux"), reason="tmux is not installed")
def test_the_linux_console_never_receives_what_its_fonts_lack(tmp_path: Path, private_home: Path) -> None:
    try:
        from test_e2e_tmux import HOME_ENV, program
        from tmux_session import Tmux, wait_gone
    except ImportError:  # tests/ made a package
        from tests.test_e2e_tmux import HOME_ENV, program
        from tests.tmux_session import Tmux, wait_gone
    path = store.create_meeting_file(demo_meeting())
    with Tmux(tmp_path, "linux-console") as tmux:
        # tmux sets TERM in the pane itself: `env` sets it for the program, as a console login does.
        pid = tmux.start(["env", "TERM=linux", *program(), "open", str(path)],
                         env={HOME_ENV: str(private_home), "HOME": str(private_home)})
        tmux.wait_for("^n", timeout=30)  # the live step is up (its footer and speaker line)
        tmux.send("F2")
        time.sleep(1.0)
        tmux.send("F4")
        time.sleep(1.0)
        recorded = tmux.recorded()
        tmux.kill_server()
        wait_gone(pid, 3.0)
    lacking = {chr(k) for k in driver.LINUX_CONSOLE_FALLBACKS}
    assert "ctrl+n" in recorded or "^n" in recorded
    assert not lacking & set(recorded), sorted(lacking & set(recorded))


class Owner:
    """An app as the driver sees it (driver.TerminalOwner): what it was told, nothing else."""

    def __init__(self) -> None:
        self.terminal = None
        self.crashes: list[BaseException] = []
        self.posted: list = []

    def attach_terminal(self, terminal) -> None:
        self.terminal = terminal

    def report_thread_crash(self, error: BaseException) -> None:
        self.crashes.append(error)

    def post_message(self, message) -> bool:
        self.posted.append(message)
        return True


async def test_the_app_learns_of_a_hung_link_through_the_drivers_declared_seam() -> None:
    """The app is a TerminalOwner: its driver attaches itself; a probe unanswered for PROBE_TIMEOUT, or a
    write blocked for WRITE_TIMEOUT, is a hung terminal for the app's watchdog (no `App._driver`)."""
    app = ConcertationApp(demo_file(), clock=Clock())
    assert isinstance(app, driver.TerminalOwner) and not app.terminal_hung()
    terminal = driver.SafeLinuxDriver(app)
    assert not app.terminal_hung()
    terminal.probe.answered()  # a terminal known to answer...
    terminal.probe.sent_at = time.monotonic() - driver.PROBE_TIMEOUT - 0.5  # ...stopped answering
    assert app.terminal_hung()
    terminal.probe.answered()
    assert not app.terminal_hung()
    terminal.output.busy_since = time.monotonic() - driver.WRITE_TIMEOUT - 0.5  # a write that never returns
    assert app.terminal_hung()


async def test_the_input_threads_failure_and_latin1_bytes_go_to_the_owner() -> None:
    owner = Owner()
    terminal = driver.SafeLinuxDriver(owner)
    assert owner.terminal is terminal

    def broken() -> None:
        raise RuntimeError("the input thread broke")

    terminal.run_input_thread = broken  # type: ignore[method-assign]
    terminal._run_input_thread()
    assert [str(e) for e in owner.crashes] == ["the input thread broke"]

    from textual._xterm_parser import XTermParser

    text = driver.decoder().decode(b"caf\xe9 ", final=True)  # a Latin-1 terminal's é
    assert text == "café "
    keys: list = []
    terminal.process_message = keys.append  # type: ignore[method-assign]
    terminal._feed(XTermParser(False), text)
    terminal._feed(XTermParser(False), text)
    assert [type(m) for m in owner.posted] == [driver.NotUtf8]  # told once
    assert "".join(getattr(k, "character", "") or "" for k in keys) == "café café "


def _pty_terminal() -> tuple[driver.SafeLinuxDriver, int, int]:
    """A driver (built on a running loop) writing to a real pty's slave, whose master (the terminal) reads
    only when told."""
    import os
    import termios
    import tty

    master, slave = os.openpty()
    terminal = driver.SafeLinuxDriver(Owner())
    terminal.output = driver.OutputWatch(os.fdopen(slave, "w", closefd=False))
    terminal.fileno = slave
    terminal.attrs_before = termios.tcgetattr(slave)  # the terminal's modes before the program
    tty.setraw(slave)  # as the program runs it
    return terminal, master, slave


def _drain(master: int) -> bytes:
    import os
    import select

    data = b""
    while select.select([master], [], [], 0.2)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    return data


async def test_a_stopped_terminal_is_handed_back_with_words_when_its_buffer_takes_them() -> None:
    """A terminal whose far side froze (sshd and tmux go on reading): the program, ending, leaves it on
    its main screen, modes restored, with the sentence; nothing it draws later reaches it."""
    import os
    import termios

    terminal, master, slave = _pty_terminal()
    try:
        assert terminal.leave_stopped("concertation s'est arrêté.\nLa réunion a été enregistrée.")
        terminal.output.write("a frame drawn after")
        terminal.output.flush()
        received = _drain(master)
        assert received.startswith(driver.RESTORE_TERMINAL.encode())
        assert "concertation s'est arrêté.\r\nLa réunion a été enregistrée.\r\n".encode() in received
        assert b"a frame drawn after" not in received
        assert termios.tcgetattr(slave) == terminal.attrs_before
    finally:
        os.close(slave)
        os.close(master)


async def test_a_terminal_that_reads_nothing_any_more_never_blocks_the_leaving() -> None:
    """Its buffer is full (it stopped reading): the words cannot go, but the watchdog is not held
    (it must end the program) and the terminal's modes are put back."""
    import os
    import termios
    import threading

    terminal, master, slave = _pty_terminal()
    try:
        os.set_blocking(slave, False)
        refused = 0
        while refused < 5:  # fill the pty as a terminal that stopped reading lets it fill
            try:
                os.write(slave, b"x" * 512)
                refused = 0
            except BlockingIOError:  # full, unless the kernel is still moving bytes to the reader's side
                refused += 1
                time.sleep(0.05)
        os.set_blocking(slave, True)
        result: list[bool] = []
        leaving = threading.Thread(target=lambda: result.append(terminal.leave_stopped("mots")), daemon=True)
        leaving.start()
        leaving.join(30)  # bounded: before, a blocking write here would never return
        assert result == [False]
        assert termios.tcgetattr(slave) == terminal.attrs_before
    finally:
        os.close(slave)
        os.close(master)
