"""The room's screen (`concertation show FILE`): a read-only follower of a meeting open elsewhere.

It looks at the meeting file four times a second (room_link.FileFollower: one stat, and a read only when
the facilitator's session saved), and draws what the room may see (room_view.py). It takes no lock,
writes nothing of the meeting, and has no key but the one that closes it. When no session has the
meeting open, or the file cannot be read, it says « la réunion n'est pas ouverte » and keeps looking:
it outlives the facilitator's restarts and dropped links.

Large type on a projector: at 120 columns and 36 rows and more, the timers are drawn in big digits and
the words get room around them.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Center, Horizontal, Middle, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Static

from ..services import room_link
from ..i18n import resolve_language
from ..model import ItemState, now
from ..services import room_view as rv
from ..services.display import (
    AGREEMENT_SYMBOL, CURRENT, CURRENT_ITEM, ITEM_SYMBOL, NOT_SPOKEN, OVERRUN, SPOKEN, clock_text, date_text,
)
from .safety import SafeAppMixin
from .text import colon, key, lbl, Localized, quote, quote_parts, tr

POLL_SECONDS = 0.25
"""How often the file is looked at: a change saved by the facilitator shows within a second."""


class RoomApp(SafeAppMixin, Localized, App[int]):
    """Follow one meeting on the room's screen."""

    CSS_PATH = "room.tcss"
    TITLE = "concertation"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    ENABLE_COMMAND_PALETTE = False
    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [key("ctrl+q", "quit", "room_quit", priority=True)]

    def __init__(self, path: Path, *, lang: str | None = None, theme: str | None = None) -> None:
        self.language = resolve_language(lang)
        super().__init__()
        self._localize()
        self.path = path
        self.follower = room_link.FileFollower(path)
        self.presence = room_link.Presence(path)
        self.reading: room_link.Reading | None = None
        self.view: rv.RoomView | None = None
        if theme and theme in self.available_themes:
            self.theme = theme

    def compose(self) -> ComposeResult:
        with Middle(id="room-cover"):
            with Center():
                yield Static(tr("room.not_open"), id="room-message", markup=False)
        with Vertical(id="room-main"):
            yield Static("", id="room-top")
            with Horizontal(id="room-body"):
                yield Static("", id="room-agenda")
                with Vertical(id="room-centre"):
                    yield Static("", id="room-item")
                    yield Digits("", id="room-clock")
                    yield Static("", id="room-order-line")
                    with VerticalScroll(id="room-notes"):
                        yield Static("", id="room-lines")
                    yield Static("", id="room-actions")
                with Vertical(id="room-side"):
                    yield Static("", id="room-order")
                    yield Static("", id="room-words")

    def on_mount(self) -> None:
        self.presence.announce()
        self._draw()
        self.set_interval(POLL_SECONDS, self._look)

    def on_unmount(self) -> None:
        self.presence.withdraw()

    # -- following ---------------------------------------------------------------------------------

    def _look(self) -> None:
        self._poll()

    @work(thread=True, exclusive=True, group="room-poll", exit_on_error=False)
    def _poll(self) -> None:
        """Off the UI thread: a large meeting takes tens of milliseconds to read."""
        try:
            reading = self.follower.poll()
            self.presence.beat()
        except Exception:  # noqa: BLE001 - a follower never stops following; the next look tries again
            return
        self.call_from_thread(self._take, reading)

    def _take(self, reading: room_link.Reading) -> None:
        self.reading = reading
        self._draw()

    # -- drawing -----------------------------------------------------------------------------------

    def _draw(self) -> None:
        reading = self.reading
        view = rv.room_view(reading.meeting if reading else None, is_open=bool(reading and reading.open), at=now())
        if view == self.view:
            return
        self.view = view
        cover = self.query_one("#room-cover")
        main = self.query_one("#room-main")
        if view.state != rv.SHOWN:
            sentence = tr("room.not_open") if view.state == rv.CLOSED else tr("room.paused")
            self.query_one("#room-message", Static).update(Content(sentence))
            cover.display, main.display = True, False
            return
        cover.display, main.display = False, True
        self._top(view)
        self._item(view)
        self._agenda(view)
        self._order(view)
        self._lines(view)
        self._words(view)
        self._actions(view)

    def _top(self, view: rv.RoomView) -> None:
        planned = f" / {clock_text(view.meeting_planned)}" if view.meeting_planned else ""
        running = "" if view.meeting_running else f" {tr('room.clock_stopped')}"
        self.query_one("#room-top", Static).update(Content.assemble(
            (view.title or tr("room.untitled"), "bold"), "  ·  ", tr(f"phase.{view.phase.value}"), "  ·  ",
            tr("room.meeting_clock", time=clock_text(view.meeting_elapsed) + planned), running,
        ))

    def _item(self, view: rv.RoomView) -> None:
        item = view.item
        label = self.query_one("#room-item", Static)
        digits = self.query_one("#room-clock", Digits)
        if item is None:
            label.update(Content(tr("room.no_item")))
            digits.update("")
            return
        over = item.timebox_minutes and item.elapsed > item.timebox_minutes * 60
        timer = clock_text(item.elapsed) + (f" / {item.timebox_minutes:02d}:00" if item.timebox_minutes else "")
        label.update(Content.assemble(
            (tr("room.item", n=view.item_number, total=len(view.agenda)), "bold"), " ", (item.title, "bold"),
            "   ", ITEM_SYMBOL[item.state], " ", timer,
            (f" {OVERRUN} {tr('room.overrun')}" if over else ""),
        ))
        digits.update(clock_text(item.elapsed))

    def _agenda(self, view: rv.RoomView) -> None:
        parts: list = [(tr("room.agenda"), "bold underline"), "\n"]
        for n, item in enumerate(view.agenda, 1):
            mark = CURRENT_ITEM if item.current else " "
            minutes = f"{int(item.elapsed // 60)}/{item.timebox_minutes} min"
            style = "bold" if item.current else ("dim" if item.state in (ItemState.DONE, ItemState.SKIPPED) else "")
            parts += [(f"{mark} {ITEM_SYMBOL[item.state]} {n}. ", style), (item.title, style), f"  {minutes}\n"]
        self.query_one("#room-agenda", Static).update(Content.assemble(*parts))

    def _order(self, view: rv.RoomView) -> None:
        side: list = [(tr("room.order"), "bold underline"), "\n"]
        line: list = [(tr("room.order") + colon(), "bold")]
        for n, s in enumerate(view.speakers):
            mark = CURRENT if s.current else (SPOKEN if s.spoken else NOT_SPOKEN)
            style = "bold reverse" if s.current else ""
            side += [(f"{mark} ", style), (s.name, style), "\n"]
            line += [" · " if n else "", (f"{mark} ", style), (s.name, style)]
        legend = tr("room.order_legend", current=CURRENT, spoken=SPOKEN, waiting=NOT_SPOKEN)
        side += [("\n" + legend, "dim")]
        self.query_one("#room-order", Static).update(Content.assemble(*side))
        self.query_one("#room-order-line", Static).update(Content.assemble(*line) if view.speakers else Content(""))

    def _lines(self, view: rv.RoomView) -> None:
        parts: list = []
        for line in view.lines:
            who = (line.who or "?") + colon()
            if line.restricted:
                parts += [(who, "bold"), (tr("room.restricted"), "italic"), "\n"]
            elif line.person:
                parts += [(who, "bold"), *quote_parts(line.text, words_style="bold"), "\n"]
            else:
                parts += [(who, "bold"), line.text, "\n"]
        if not parts:
            parts = [(tr("room.nothing_yet"), "dim")]
        self.query_one("#room-lines", Static).update(Content.assemble(*parts))
        self.query_one("#room-notes", VerticalScroll).scroll_end(animate=False)

    def _words(self, view: rv.RoomView) -> None:
        parts: list = [(tr("room.person_words", person=view.person_label or tr("room.the_person")), "bold underline"),
                       "\n"]
        for line in view.person_words:
            parts += [(tr("room.restricted"), "italic") if line.restricted else quote(line.text), "\n"]
        if not view.person_words:
            parts.append((tr("room.nothing_yet"), "dim"))
        self.query_one("#room-words", Static).update(Content.assemble(*parts))

    def _actions(self, view: rv.RoomView) -> None:
        widget = self.query_one("#room-actions", Static)
        widget.display = bool(view.actions)
        if not view.actions:
            return
        parts: list = [(tr("room.actions"), "bold underline")]
        for action in view.actions:
            what = (tr("room.restricted"), "italic") if action.restricted else action.what
            due = tr("room.due", date=date_text(action.due)) if action.due else ""
            agreement = f"{AGREEMENT_SYMBOL[action.agreement]} {lbl(action.agreement)}"
            parts += ["\n• ", what, " — ", (action.carrier or "?", "bold"), due, "  ", (agreement, "italic")]
        widget.update(Content.assemble(*parts))

    # -- the clocks move on their own between saves --

    def on_ready(self) -> None:
        self.set_interval(1.0, self._draw)
