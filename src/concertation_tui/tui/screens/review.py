"""The review of the previous meeting's actions (a follow-up's first item; ctrl+f in the live step, r in
the actions step).

Each carried action is walked through with the person, one key per status: f done, c in progress,
p not done (why, if known), a dropped (why: required). Then what changed for the person, in their
words; the action is then marked reviewed and the cursor moves on to the next one not reviewed yet.
Where each action comes from is said: "reporté de la réunion du 23 novembre 2026".
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...i18n import DEFAULT_LOCALES, t
from ...model import Action, ActionStatus, Meeting, ops
from ...model.checks import carrier_name
from ..dialogs import meeting_forms
from ..host import meeting_app
from ..dialogs.forms import FormResult, TextPrompt
from ...services.display import STATUS_SYMBOL, date_text, one_line
from ..text import cell, colon, key, lbl, quote_parts, tr
from ..widgets import Box, Table
from .views import ViewScreen

REVIEWED = {True: "√", False: "○"}


def day_words(day: dt.date | None, lang: str) -> str:
    """'23 novembre 2026', '23 November 2026' (empty for no date)."""
    if day is None:
        return ""
    try:
        from babel.dates import format_date

        return format_date(day, "long", locale=DEFAULT_LOCALES.get(lang, "fr_BE"))
    except Exception:  # noqa: BLE001 - babel missing or a locale problem: the short form will do
        return date_text(day)


def carried_sentence(action: Action, lang: str) -> str:
    """'reporté de la réunion du 23 novembre 2026'."""
    if action.carried_from is None:
        return ""
    return t("followup.carried", lang, date=day_words(action.carried_from.meeting_date, lang))


def carried_actions(meeting: Meeting) -> list[Action]:
    return [a for a in meeting.actions if a.carried_from is not None]


def to_review(meeting: Meeting) -> list[Action]:
    return [a for a in carried_actions(meeting) if not a.reviewed]


def the_person(meeting: Meeting) -> str:
    person = meeting.person
    return (person.addressed_as or person.name) if person else tr("live.the_person")


def offer_review(screen) -> None:
    """Open the review once per session when the live step shows a follow-up's review item with
    actions still to review (a follow-up starts there, before anything else)."""
    from ...model import timing

    app = meeting_app(screen.app)
    meeting = app.meeting if app else None
    if app is None or meeting is None or app.read_only:
        return
    item = timing.current_item(meeting)
    if item is None or not item.is_review or not to_review(meeting) or meeting.id in app.review_offered:
        return
    app.review_offered.add(meeting.id)
    app.push_screen(ReviewScreen())


class ReviewScreen(ViewScreen):
    VIEW_ID = "review-screen"

    BINDINGS = [
        key("f", "status('done')", "review_done"),
        key("c", "status('in_progress')", "review_in_progress"),
        key("p", "status('not_done')", "review_not_done"),
        key("a", "status('dropped')", "review_dropped"),
        key("w", "words", "review_words"),
        key("r", "toggle_reviewed", "review_toggle", show=False),
        key("enter", "edit", "review_edit", show=False),

        ViewScreen.CLOSE,
    ]

    def view_title(self) -> str:
        previous = self.meeting.series.previous_date
        return tr("review.title", date=date_text(previous)) if previous else tr("review.title_no_date")

    def body(self) -> ComposeResult:
        with Vertical(id="review-body"):
            with Box(id="review-box", classes="box") as box:
                box.border_title = tr("review.box_title", name=the_person(self.meeting))
                yield Table(id="review-table")
            yield Static("", id="review-detail", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#review-table", Table)
        waiting = to_review(self.meeting)
        if waiting:
            table.keep_row(table.row_of(waiting[0].id) or 0)
        table.focus()

    def on_box_resized(self, event: Box.Resized) -> None:
        event.stop()
        if self.capp.meeting is not None:
            self._table()

    def refresh_view(self) -> None:
        self._table()

    def _table(self) -> None:
        m = self.meeting
        table = self.query_one("#review-table", Table)
        keep = table.current_key()
        width = max(60, (self.query_one("#review-box").content_size.width or self.size.width or 80) - 2)
        wide = width >= 110
        carrier_width = 20 if wide else 14
        fixed = [2, carrier_width, 10, 14]
        what_width = max(16, width - sum(fixed) - 2 * (len(fixed) + 1))
        table.clear(columns=True)
        table.add_column(" ", width=2)
        table.add_column(tr("col.action"), width=what_width)
        table.add_column(tr("col.carrier"), width=carrier_width)
        table.add_column(tr("col.due"), width=10)
        table.add_column(tr("col.status"), width=14)
        for action in carried_actions(m):
            table.add_row(
                cell(REVIEWED[action.reviewed]),
                cell(one_line(action.what)),
                cell(one_line(carrier_name(m, action) or "–")),
                cell(date_text(action.due) or "–"),
                cell(f"{STATUS_SYMBOL[action.status]} {lbl(action.status)}"),
                key=action.id,
            )
        row = table.row_of(keep) if keep else None
        table.keep_row(row if row is not None else 0)
        done = sum(1 for a in carried_actions(m) if a.reviewed)
        total = len(carried_actions(m))
        self.query_one("#review-box").border_subtitle = (
            tr("review.count", done=done, total=total) if total else "")
        self._detail()

    def _current(self) -> Action | None:
        aid = self.query_one("#review-table", Table).current_key()
        return self.meeting.action(aid) if aid else None

    def _detail(self) -> None:
        m = self.meeting
        lang = self.capp.language
        action = self._current()
        detail = self.query_one("#review-detail", Static)
        if action is None:
            detail.update(Content.assemble((tr("review.none"), "italic")))
            return
        parts: list = [(action.what, "bold"), "\n", (carried_sentence(action, lang), "italic")]
        history = " → ".join(f"{date_text(h.on)} {lbl(h.status)}" for h in action.history)
        if history:
            parts += [(" · " + tr("review.history", steps=history), "dim")]
        parts += ["\n", (tr("col.status") + colon(), "bold"), f"{STATUS_SYMBOL[action.status]} {lbl(action.status)}"]
        if action.status_reason:
            parts += [" — ", action.status_reason]
        parts += ["  ", (tr("review.reviewed") if action.reviewed else tr("review.not_reviewed"), "italic")]
        parts += ["\n", (tr("review.words_caption", name=the_person(m)) + " ", "bold")]
        if action.change_for_person:
            parts += quote_parts(action.change_for_person)
        else:
            parts += [(tr("review.no_words"), "italic dim")]
        detail.update(Content.assemble(*parts))

    def on_data_table_row_highlighted(self, event: Table.RowHighlighted) -> None:
        event.stop()
        if self.capp.meeting is not None:
            self._detail()

    def on_data_table_row_selected(self, event: Table.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # -- walking through --

    def action_status(self, value: str) -> None:
        action = self._current()
        if action is None:
            return
        status = ActionStatus(value)
        if status in (ActionStatus.DROPPED, ActionStatus.NOT_DONE):
            required = status is ActionStatus.DROPPED

            def reason(text: str | None) -> None:
                if text is None:
                    return
                if required and not text.strip():
                    self.capp.say(tr("review.reason_required"), "warning")
                    self.call_later(self.action_status, value)
                    return
                self._set_status(action, status, text.strip())

            caption = tr("review.reason_dropped") if required else tr("review.reason_not_done")
            self.app.push_screen(TextPrompt(tr("review.reason_title", status=lbl(status)), caption,
                                            action.status_reason if action.status is status else "",
                                            long=False), reason)
            return
        self._set_status(action, status, "")

    def _set_status(self, action: Action, status: ActionStatus, reason: str) -> None:
        if self.change(ops.set_fields, action, status=status, status_reason=reason):
            self._ask_words(action, then_next=True)

    def _ask_words(self, action: Action, *, then_next: bool = False) -> None:
        name = the_person(self.meeting)

        def words(text: str | None) -> None:
            if self.change(ops.review_action, action, text) and then_next:
                self._next()

        self.app.push_screen(TextPrompt(tr("review.words_title", what=one_line(action.what, 50)),
                                        tr("review.words_caption", name=name), action.change_for_person,
                                        placeholder=tr("review.words_placeholder")), words)

    def _next(self) -> None:
        waiting = to_review(self.meeting)
        table = self.query_one("#review-table", Table)
        if waiting:
            table.keep_row(table.row_of(waiting[0].id) or 0)
        else:
            self.capp.say(tr("review.all_done"))

    def action_words(self) -> None:
        action = self._current()
        if action is not None:
            self._ask_words(action)

    def action_toggle_reviewed(self) -> None:
        action = self._current()
        if action is not None:
            self.change(ops.set_fields, action, reviewed=not action.reviewed)

    def action_edit(self) -> None:
        action = self._current()
        if action is None:
            return

        def done(values: FormResult) -> None:
            if isinstance(values, dict):
                self.change(ops.edit_action, action, values)

        self.app.push_screen(meeting_forms.action_form(self.meeting, action, editing=True), done)
