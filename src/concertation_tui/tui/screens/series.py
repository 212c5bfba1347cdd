"""The person's series of meetings (h in the launcher and in the close step, F12 from every step).

The meetings of the series (number, date, purpose, where each one stands), the 0-10 scale of each
voice across them drawn with text characters, and every action of the series with the history of its
status. Whether the series is closed, when and why. Also: how the launcher groups meetings by
series, and the closure question at the close of a follow-up ("is the network still needed?").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from ... import store
from ...i18n import label
from ...model import Meeting, Phase, ops
from ...services.series import action_histories, group_by_series, history_line, scale_chart, series_meetings
from ...visible import visible
from ..dialogs import coordination_forms as forms
from ..host import meeting_app
from ...services.display import STATUS_SYMBOL, date_text, one_line
from ..text import cell, colon, key, lbl, tr
from ..widgets import Box, Table
from .views import ViewScreen


def closed_sentence(meeting: Meeting) -> str:
    """'Série clôturée le 22/02/2027 : objectifs atteints.' (empty when open)."""
    series = meeting.series
    if series.closed_on is None:
        return ""
    reason = lbl(series.closed_reason) if series.closed_reason else ""
    sentence = tr("series_view.closed", date=date_text(series.closed_on), reason=reason)
    return f"{sentence} {series.closed_note}".strip() if series.closed_note else sentence


class SeriesScreen(ViewScreen):
    VIEW_ID = "series-screen"

    BINDINGS = [
        key("enter", "open_meeting", "series_open"),

        ViewScreen.CLOSE,
    ]

    def __init__(self, meetings: list[tuple[Path, Meeting]], *, from_launcher: bool = False) -> None:
        super().__init__()
        self.meetings = meetings
        self.from_launcher = from_launcher

    @classmethod
    def of_current(cls, app) -> SeriesScreen | None:
        """The series of the meeting open in `app` (the meeting as it is now, not as last saved)."""
        if app.meeting is None or app.path is None:
            return None
        return cls(series_meetings(app.meeting, app.path.parent) or [(app.path, app.meeting)])

    def _list(self) -> list[Meeting]:
        host = meeting_app(self.app)
        current = host.meeting if host else None
        found = [current if current is not None and m.id == current.id else m for _, m in self.meetings]
        if current is not None and current.series.series_id == self._series_id() and \
                all(m.id != current.id for m in found):
            found.append(current)
        return sorted(found, key=lambda m: m.series.number)

    def _series_id(self) -> str:
        return self.meetings[0][1].series.series_id if self.meetings else ""

    def view_title(self) -> str:
        if not self.meetings:
            return tr("series_view.title")
        newest = self.meetings[-1][1]
        room = max(36, (self.app.size.width or 80) - 44)
        return tr("series_view.title_of", title=one_line(newest.title or tr("launcher.untitled"), room))

    def body(self) -> ComposeResult:
        with VerticalScroll(id="series-body"):
            with Box(id="series-meetings-box", classes="box") as box:
                box.border_title = tr("series_view.meetings_title")
                yield Table(id="series-meetings")
                yield Static("", id="series-closed", markup=False)
            with Box(id="series-scale-box", classes="box") as box:
                box.border_title = tr("series_view.scale_title")
                yield Static("", id="series-scale", markup=False)
            with Box(id="series-actions-box", classes="box") as box:
                box.border_title = tr("series_view.actions_title")
                yield Static("", id="series-actions", markup=False)
            with Box(id="series-map-box", classes="box") as box:
                box.border_title = tr("series_view.map_title")
                yield Static("", id="series-map", markup=False)
        legend = tr("series_view.legend_launcher") if self.from_launcher else tr("series_view.legend")
        yield Static(legend, id="series-legend", classes="view-legend", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        # from the launcher a meeting is chosen (Enter opens it); from a meeting the arrows scroll
        self.query_one("#series-meetings" if self.from_launcher else "#series-body").focus()

    def on_box_resized(self, event: Box.Resized) -> None:
        event.stop()
        if event.box.id == "series-scale-box":
            self._scale(self._list())
        elif event.box.id == "series-meetings-box":
            self._meetings(self._list())

    def refresh_view(self) -> None:
        meetings = self._list()
        self._meetings(meetings)
        self._scale(meetings)
        self._actions(meetings)
        lang = self.capp.language
        self.query_one("#series-map", Static).update(map_changes_content(meetings, lang))

    def _meetings(self, meetings: list[Meeting]) -> None:
        table = self.query_one("#series-meetings", Table)
        keep = table.current_key()
        width = max(50, (self.query_one("#series-meetings-box").content_size.width or 78) - 2)
        table.clear(columns=True)
        fixed = [4, 10, 14]
        purpose = max(16, width - sum(fixed) - 2 * (len(fixed) + 1))
        table.add_column(tr("series_view.col_number"), width=4)
        table.add_column(tr("series_view.col_date"), width=10)
        table.add_column(tr("series_view.col_purpose"), width=purpose)
        table.add_column(tr("series_view.col_state"), width=14)
        host = meeting_app(self.app)
        current = host.meeting if host else None
        for m in meetings:
            mark = "►" if current is not None and m.id == current.id else " "
            state = label(m.progress.phase, self.capp.language)
            table.add_row(cell(f"{mark}{m.series.number}"), cell(date_text(m.date) or "–"),
                          cell(one_line(m.purpose or m.title)), cell(state), key=m.id)
        row = table.row_of(keep) if keep else None
        table.keep_row(row if row is not None else len(meetings) - 1)
        closed = closed_sentence(meetings[-1]) if meetings else ""
        status = self.query_one("#series-closed", Static)
        status.update(Content.assemble(("■ " + closed, "bold")) if closed else Content(""))
        status.display = bool(closed)
        self.query_one("#series-meetings-box").border_subtitle = tr("series_view.count", count=len(meetings))

    def _scale(self, meetings: list[Meeting]) -> None:
        box = self.query_one("#series-scale-box")
        width = max(40, box.content_size.width or (self.size.width or 80) - 4)
        lang = self.capp.language
        self.query_one("#series-scale", Static).update(Content(scale_chart(meetings, lang, width=width)))

    def _actions(self, meetings: list[Meeting]) -> None:
        lang = self.capp.language
        histories = action_histories(meetings)
        parts: list = []
        for history in histories:
            if parts:
                parts.append("\n")
            parts += [(f"{STATUS_SYMBOL[history.current]} ", "bold"), history_line(history, lang)]
        if not parts:
            parts = [(tr("series_view.no_actions"), "italic")]
        self.query_one("#series-actions", Static).update(Content.assemble(*parts))
        self.query_one("#series-actions-box").border_subtitle = tr("series_view.actions_count",
                                                                    count=len(histories))

    async def action_open_meeting(self) -> None:
        """From the launcher: open the chosen meeting of the series."""
        if not self.from_launcher:
            return
        mid = self.query_one("#series-meetings", Table).current_key()
        path = next((p for p, m in self.meetings if m.id == mid), None)
        if path is None:
            return
        self.dismiss(None)
        app = self.capp
        if not await app.open_meeting(path):
            app.say(app.open_error, "error")

    def on_data_table_row_selected(self, event: Table.RowSelected) -> None:
        event.stop()
        self.run_worker(self.action_open_meeting())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_meeting":
            return self.from_launcher
        return True


# -- the launcher: meetings grouped by series --------------------------------------------------------------


def launcher_options(summaries: list[store.MeetingSummary], lang: str,
                     extra: Callable[[store.MeetingSummary], list] | None = None) -> tuple[list[Option], dict]:
    """The launcher's list: series with the newest meeting first, each series' meetings under its newest
    one, newest first; what is shown of a meeting is its date, title, step and number, nothing more
    (`extra(summary)` adds parts at the end of a line).

    Returns the options and {option id: summary}.
    """
    options: list[Option] = []
    found: dict[str, store.MeetingSummary] = {}
    n = 0
    for group in group_by_series(summaries):
        closed = _closed_on(group[0])
        for rank, summary in enumerate(group):
            oid = f"m{n}"
            n += 1
            found[oid] = summary
            prompt = _prompt(summary, lang, rank, len(group), closed)
            if extra is not None and not summary.problem:
                prompt = Content.assemble(prompt, *extra(summary))
            options.append(Option(prompt, id=oid))
    return options, found


def _closed_on(summary: store.MeetingSummary):
    """The closure date of the series, read from its newest meeting (None when open or unreadable)."""
    if summary.problem:
        return None
    try:
        return store.load_meeting(summary.path).series.closed_on
    except store.StoreError:
        return None


def _prompt(summary: store.MeetingSummary, lang: str, rank: int, size: int, closed) -> Content:
    if summary.problem:
        return Content.assemble(("! ", "bold"), (tr("launcher.damaged", file=visible(summary.path.name)), "italic"))
    when = date_text(summary.date) or tr("launcher.no_date")
    phase = label(Phase(summary.phase), lang) if summary.phase else ""
    number = tr("series_view.number", number=summary.number)
    if rank == 0:
        title = summary.title or tr("launcher.untitled")
        parts: list = [(when, "bold"), "  ", title, ("  · " + phase, "dim")]
        if size > 1 or summary.number > 1:
            parts.append(("  · " + number, "dim"))
        if closed is not None:
            parts.append(("  · " + tr("series_view.closed_short", date=date_text(closed)), "bold"))
        return Content.assemble(*parts)
    return Content.assemble(("   └ ", "dim"), (when, "bold"), "  ", (number, "dim"), ("  · " + phase, "dim"))


def newest_of_series(summary: store.MeetingSummary, summaries: list[store.MeetingSummary]) -> store.MeetingSummary:
    """The newest readable meeting of `summary`'s series (a follow-up continues from it)."""
    for group in group_by_series([s for s in summaries if not s.problem]):
        if any(s.path == summary.path for s in group):
            return group[0]
    return summary


def follow_up_of(summary: store.MeetingSummary, summaries: list[store.MeetingSummary]) -> tuple[
        store.MeetingSummary, str]:
    """What a follow-up chosen on `summary` continues from (the newest meeting of its series), and what
    the dialog must say first: that it continues from a later meeting, or that it reopens a closed series."""
    newest = newest_of_series(summary, summaries)
    said = []
    if newest.path != summary.path:
        said.append(tr("follow_up.newest", number=newest.number, date=date_text(newest.date)))
    try:
        previous = store.load_meeting(newest.path)
    except store.StoreError:
        previous = None
    series = previous.series if previous is not None else None
    if previous is not None:
        planned = previous.next_meeting.date
        said.append(tr("follow_up.number_planned" if planned else "follow_up.number", number=newest.number + 1,
                       date=date_text(newest.date), planned=date_text(planned)))
    if series is not None and series.closed_on:
        reason = lbl(series.closed_reason) if series.closed_reason else ""
        said.append(tr("follow_up.reopens", date=date_text(series.closed_on), reason=reason))
    return newest, " ".join(said)


def open_series_from_launcher(app, summary: store.MeetingSummary) -> None:
    try:
        meeting = store.load_meeting(summary.path)
    except store.StoreError as error:
        app.say(error.sentence(app.language), "error")
        return
    meetings = series_meetings(meeting, summary.path.parent) or [(summary.path, meeting)]
    app.push_screen(SeriesScreen(meetings, from_launcher=True))


# -- closure at the close of a follow-up ---------------------------------------------------------------------


def ask_closure(screen) -> None:
    """Is the network still needed? Continue, or close the series with a reason, a date and a note."""
    app = screen.app
    today = screen.meeting.date or app.now().date()  # decided at the meeting: its date by default

    def done(values: dict | None) -> None:
        if not values:
            return
        reason = None if values["reason"] == forms.CONTINUE else values["reason"]
        if screen.change(ops.close_series, reason, values["date"] or today, values["note"]):
            m = screen.meeting
            if m.series.closed_on:
                app.say(closed_sentence(m))
            else:
                app.say(tr("closure.continues"))

    app.push_screen(forms.closure_form(screen.meeting, today), done)


def offer_closure(screen) -> None:
    """At the close of a follow-up, ask once per session whether the network is still needed (unless a
    next meeting is already planned or the series is already closed)."""
    app = meeting_app(screen.app)
    m = app.meeting if app else None
    if app is None or m is None or app.read_only or not m.is_follow_up:
        return
    if m.series.closed_on or m.next_meeting.date:
        return
    asked: set = app.__dict__.setdefault("_closure_asked", set())
    if m.id in asked:
        return
    asked.add(m.id)
    ask_closure(screen)


def show_series(app) -> None:
    """F12 / h: the series of the open meeting."""
    from .views import view_allowed

    screen = app.screen
    if isinstance(screen, SeriesScreen):
        screen.dismiss(None)
        return
    if not view_allowed(app):
        return
    found = SeriesScreen.of_current(app)
    if found is not None:
        app.push_screen(found)


def map_changes_content(meetings: list[Meeting], lang: str) -> Content:
    """Each meeting's map against the one before it (network_changes.py), in a few lines."""
    from ...services.network_changes import map_changes

    parts: list = []
    for before, after in zip(meetings, meetings[1:]):
        if not before.network_map and not after.network_map:
            continue
        changes = map_changes(before, after, lang)
        if parts:
            parts.append("\n")
        parts.append((tr("series_view.map_meeting", number=after.series.number), "bold"))
        if not changes:
            parts += [colon(), (tr("series_view.map_same"), "italic")]
        for change in changes:
            parts += ["\n  • ", change]
    return Content.assemble(*parts) if parts else Content.assemble((tr("series_view.map_none"), "italic"))


def series_line(meeting: Meeting) -> Content:
    """Under the next meeting, at the close: where the meeting stands in its series, and its keys."""
    closed = closed_sentence(meeting)
    if closed:
        return Content.assemble(("■ " + closed, "bold"), ("  " + tr("series_view.close_keys_closed"), "dim"))
    number = tr("series_view.number", number=meeting.series.number)
    keys = tr("series_view.close_keys") if meeting.is_follow_up else tr("series_view.close_keys_first")
    return Content.assemble((tr("series_view.in_series", number=number), "bold"), ("  " + keys, "dim"))
