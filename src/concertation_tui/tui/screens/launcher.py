"""The launcher (`concertation` with no argument): recent meetings, a new one, a follow-up, a file, the demo."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static
from textual.widgets.option_list import Option

from textual import work

from ... import store
from ...services.meeting_index import list_meetings
from ..dialogs.forms import FormDialog, FormField, Notice
from ..host import MeetingApp, meeting_app, our_app
from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..footer import FittedFooter
from ..text import Localized, key, tr
from ..widgets import Banner, Choices


def _templates(lang: str) -> dict[str, Path]:
    """The templates in the interface's language (all of them when none is)."""
    try:
        from ...services.templates import templates_for
    except ImportError:  # pragma: no cover - the templates module ships with the program
        return {}
    try:
        return templates_for(lang)
    except OSError:
        return {}


def _template_title(path: Path) -> str:
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("title") or path.stem)
    except (OSError, ValueError, AttributeError):
        return path.stem


RECENT_LIMIT = 80
"""Meetings listed on the launcher, newest first; older ones are opened with `f` (a file)."""


class LauncherScreen(SkipsEventsWhenDetached, TakesKeysWhileOpening, Localized, Screen):
    HIDE_FOREIGN_BINDINGS = True

    BINDINGS = [
        key("enter", "open_selected", "launcher_open", show=False),
        key("n", "new", "launcher_new"),
        key("s", "follow_up", "launcher_follow_up"),
        key("f", "open_file", "launcher_file"),
        key("d", "demo", "launcher_demo"),
        key("r", "reread_selected", "launcher_reread"),
        key("h", "series", "launcher_series"),
        key("ctrl+q", "app.quit", "quit", binding_id="launcher-quit"),
    ]

    @property
    def capp(self) -> MeetingApp:
        return our_app(self.app)

    def __init__(self, problem: str = "") -> None:
        super().__init__(id="launcher")
        self._localize()
        self.BINDING_GROUP_TITLE = tr("launcher.title")
        self.problem = problem
        self.summaries: dict[str, store.MeetingSummary] = {}
        """The meetings listed, by option id."""
        self.every_summary: list[store.MeetingSummary] = []
        """Every meeting in the folder (a follow-up looks for its series among them)."""

    def compose(self) -> ComposeResult:
        title = Content.assemble((tr("launcher.title"), "bold"), "  ", tr("launcher.subtitle"))
        yield Label(title, id="launcher-title")
        yield Banner(id="launcher-problem", classes="banner -error")
        with Vertical(id="launcher-body"):
            yield Label(tr("launcher.recent"), classes="section-title")
            yield Choices(id="meetings")
            yield Static(tr("launcher.help"), id="launcher-help", markup=False)
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one("#launcher-problem", Banner).show(self.problem)
        self.reload()
        self.query_one("#meetings").focus()

    def reload(self) -> None:
        """The meetings the index knows, at once; files it does not know yet are read in a worker."""
        lang = self.capp.language
        summaries, unknown = list_meetings(lang=lang, known_only=True)
        self._show(summaries)
        if unknown:
            self._read_all(lang)

    @work(thread=True, exclusive=True, group="launcher-list", exit_on_error=False)
    def _read_all(self, lang: str) -> None:
        summaries, _ = list_meetings(lang=lang)
        self.app.call_from_thread(self._show, summaries)

    def _show(self, summaries: list[store.MeetingSummary]) -> None:
        lang = self.capp.language
        from .reread import minute_due_parts

        host = meeting_app(self.app)
        today = host.now().date() if host else dt.date.today()
        due_days = host.config.minute_due_days if host else 7
        from .series import launcher_options  # grouped by series, newest first

        # The most recent meetings, and a line saying how many older ones `f` or `concertation list`
        # reach: no one scrolls a thousand rows, and drawing them took half a second.
        self.every_summary = summaries
        recent = summaries[:RECENT_LIMIT]
        options, self.summaries = launcher_options(
            recent, lang, extra=lambda summary: minute_due_parts(summary, today, due_days))
        if len(summaries) > len(recent):
            options.append(Option(Content(tr("launcher.older", count=len(summaries) - len(recent))),
                                  id="older", disabled=True))
        meetings = self.query_one("#meetings", Choices)
        kept = meetings.current_id()  # the worker's fuller list keeps the row the facilitator is on
        meetings.set_options(options)
        if not options:
            meetings.add_option(Option(Content(tr("launcher.none")), id="none", disabled=True))
            return
        ids = [option.id for option in options]
        meetings.highlighted = ids.index(kept) if kept in ids else 0

    def _selected(self) -> store.MeetingSummary | None:
        oid = self.query_one("#meetings", Choices).current_id()
        return self.summaries.get(oid or "")

    async def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        await self.action_open_selected()

    async def action_open_selected(self) -> None:
        summary = self._selected()
        if summary is None:
            return
        if summary.problem:
            self.app.push_screen(Notice(tr("launcher.damaged_title"), summary.problem))
            return
        await self._open(summary.path)

    async def action_reread_selected(self) -> None:
        """Open the chosen meeting at the rereading step (the minute: correct, preview, issue)."""
        summary = self._selected()
        if summary is not None and not summary.problem:
            await self._open(summary.path, mode="reread")

    async def _open(self, path: Path, mode: str | None = None) -> None:
        app = self.capp
        if not await app.open_meeting(path, mode=mode):
            self.query_one("#launcher-problem", Banner).show(app.open_error)

    # -- new meetings --

    def action_new(self) -> None:
        templates = _templates(our_app(self.app).language)
        options = [(_template_title(path), name) for name, path in templates.items()]
        options.append((tr("launcher.empty_template"), ""))
        from ...services.templates import default_template

        wanted = default_template(self.capp.language)
        default = wanted if wanted in templates else options[0][1]
        form = FormDialog(tr("launcher.new_title"), [
            FormField("template", tr("launcher.field_template"), "radio", default, options, vertical=True),
            FormField("title", tr("launcher.field_title"), value=""),
            FormField("date", tr("launcher.field_date"), "date", dt.date.today()),
            FormField("person", tr("launcher.field_person"), value="", note=tr("launcher.person_note")),
        ])
        self.app.push_screen(form, self._create_new)

    async def _create_new(self, values: dict | None) -> None:
        if not values:
            return
        lang = self.capp.language
        title = values["title"]
        if values["template"]:
            from ...services.templates import new_meeting_from_template

            try:
                meeting = new_meeting_from_template(values["template"], title=title, day=values["date"],
                                                    person_name=values["person"])
            except store.StoreError as error:
                self.query_one("#launcher-problem", Banner).show(error.sentence(lang))
                return
        else:
            from ...services.templates import new_meeting

            meeting = new_meeting(title, values["date"], lang, values["person"])
        host = meeting_app(self.app)
        if host is not None and host.config.organisation and not meeting.organisation:
            meeting.organisation = host.config.organisation
        await self._create(meeting)

    async def _create(self, meeting) -> None:
        try:
            path = store.create_meeting_file(meeting)
        except store.StoreError as error:
            self.query_one("#launcher-problem", Banner).show(error.sentence(self.capp.language))
            return
        await self._open(path)

    def action_follow_up(self) -> None:
        summary = self._selected()
        if summary is None or summary.problem:
            self.app.notify(tr("launcher.follow_up_pick"), markup=False, severity="warning")
            return
        from .series import follow_up_of  # from the newest meeting of the series; says a reopening

        summary, said = follow_up_of(summary, list(self.every_summary))
        intro = tr("launcher.follow_up_intro", title=summary.title or tr("launcher.untitled"))
        self.app.push_screen(FormDialog(tr("launcher.follow_up_title"), [
            FormField("date", tr("launcher.field_date"), "date", None, note=tr("launcher.follow_up_date_note")),
        ], intro=f"{said}\n\n{intro}" if said else intro),
            lambda values: self._create_follow_up(summary, values))

    def action_series(self) -> None:
        summary = self._selected()
        if summary is not None and not summary.problem:
            from .series import open_series_from_launcher

            open_series_from_launcher(self.app, summary)

    async def _create_follow_up(self, summary: store.MeetingSummary, values: dict | None) -> None:
        if values is None:
            return
        from ...services.templates import new_follow_up

        lang = self.capp.language
        try:
            previous = store.load_meeting(summary.path)
            meeting = new_follow_up(previous, summary.path, day=values["date"])
        except store.StoreError as error:
            self.query_one("#launcher-problem", Banner).show(error.sentence(lang))
            return
        await self._create(meeting)

    def action_open_file(self) -> None:
        self.app.push_screen(FormDialog(tr("launcher.file_title"), [
            FormField("path", tr("launcher.field_path"), value="", required=True, placeholder="~/reunion.json"),
        ]), self._open_file)

    async def _open_file(self, values: dict | None) -> None:
        if values:
            await self._open(Path(values["path"]).expanduser())

    async def action_demo(self) -> None:
        from ...services.demo import demo_meeting

        await self._create(demo_meeting())
