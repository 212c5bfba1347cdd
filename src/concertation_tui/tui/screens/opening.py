"""Open (F3): attendance in one pass (one key per state, the cursor moves on), the person's consent to
the meeting and to information sharing — domain by domain, with the person, in one pass (d) — the
purpose restated for everyone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Attendance, ConsentStatus, DomainSharing, ops
from ...model.people_order import everyone_in_order
from ..dialogs import meeting_forms as forms
from ..dialogs.consent_forms import DomainConsentDialog, concerned_domains
from ..dialogs.forms import TextPrompt
from ...services.display import date_text
from ..columns import Column, lay_out, row_cells
from ..text import colon, key, lbl, quote, tr
from ..widgets import Table
from .base import MeetingScreen


class OpeningScreen(MeetingScreen):
    """Open (F3). Essential at 80x24, on screen without scrolling (tests/test_tui_layout_80x24.py): the
    meeting's question; every participant's attendance (eight and more), with why not and what the
    excused sent; the person's consent whole: to the meeting, to sharing, its scope, the person's words,
    the domains shared and with whom."""

    PHASE = "open"

    BINDINGS = [
        key("p", "attend('present')", "attend_present"),
        key("e", "attend('excused')", "attend_excused"),
        key("a", "attend('absent')", "attend_absent"),
        key("i", "attend('invited')", "attend_invited", show=False),
        key("r", "reason", "absence_reason"),
        key("w", "written", "written_contribution", show=False),
        key("c", "consent", "consent"),
        key("d", "consent_domains", "consent_domains"),
        key("o", "purpose", "purpose"),
        key("n", "add_participant", "add_participant"),
        key("enter", "edit_participant", "edit_participant", show=False),
    ]

    def body(self) -> ComposeResult:
        with Vertical(id="open-body"):
            with Vertical(id="open-purpose-box", classes="box") as box:
                box.border_title = tr("open.purpose_title")
                yield Static("", id="open-purpose", markup=False)
            with Vertical(id="open-attendance-box", classes="box") as box:
                box.border_title = tr("open.attendance_title")
                yield Table(id="attendance")
            with Vertical(id="open-consent-box", classes="box") as box:
                box.border_title = tr("open.consent_title")
                yield Static("", id="open-consent", markup=False)

    COLUMNS = (("col.name", 26, 14, True), ("col.attendance", 12, 12, True), ("col.reason", 60, 14, True),
               ("col.kind", 24, 10, False))
    """Who, whether they are here, why not and what they sent decide; their service may shrink or go."""

    def on_mount(self) -> None:
        # why not and what the excused sent wrap onto a second line rather than lose « message »
        self.columns = [Column(tr(caption), width, minimum=least, deciding=deciding, wraps=caption == "col.reason")
                        for caption, width, least, deciding in self.COLUMNS]
        super().on_mount()
        self.query_one("#attendance").focus()

    def on_resize(self) -> None:
        if self.capp.meeting is not None:
            self.refresh_view()

    def refresh_view(self) -> None:
        m = self.meeting
        purpose = m.purpose or tr("open.no_purpose")
        narrow = self.app.size.width < 120  # a rule over each part: the keys go into its title
        self.query_one("#open-purpose-box").border_title = tr("open.purpose_title_keys" if narrow else
                                                              "open.purpose_title")
        self.query_one("#open-consent-box").border_title = tr("open.consent_title_keys" if narrow else
                                                              "open.consent_title")
        hint = [] if narrow else ["\n", (tr("open.purpose_keys"), "dim")]
        self.query_one("#open-purpose", Static).update(
            Content.assemble((purpose, "bold" if m.purpose else "italic"), *hint))
        table = self.query_one("#attendance", Table)
        keep = table.current_key()
        table.clear()
        rows = []
        for p in everyone_in_order(m):  # the order of every list of people
            reason = p.absence_reason
            if p.written_contribution:
                reason = (reason + " · " if reason else "") + tr("open.written_short")
            if p.excused_message.strip():
                reason = (reason + " · " if reason else "") + tr("open.message_mark")
            rows.append([p.name, self._attendance_text(p.attendance), reason, p.organisation or lbl(p.kind)])
        width = self.app.size.width
        box_width = width if narrow else width * 55 // 100  # app.tcss: the attendance is 55% wide on a projector
        widths = lay_out(table, self.columns, box_width - 4, rows)
        # 80x24: no header row (the rule's title says what the table is; each cell says what it is: « √
        # présent·e », a reason): one more line for the consent below
        table.show_header = not narrow
        for p, values in zip(everyone_in_order(m), rows):  # each row keyed to the one it names
            cells, height = row_cells(self.columns, widths, values)
            table.add_row(*cells, height=height, key=p.id)
        row = table.row_of(keep) if keep else None
        table.keep_row(row if row is not None else 0)
        box = self.query_one("#open-attendance-box")
        unknown = sum(1 for p in m.participants if p.attendance is Attendance.INVITED)
        if not m.participants:
            box.border_subtitle = tr("open.no_participants")
        else:
            box.border_subtitle = tr("open.unknown_count", count=unknown) if unknown else tr("open.all_known")
        box.border_title = tr("open.attendance_title_count", count=unknown) if narrow and unknown \
            else tr("open.attendance_title")
        self.query_one("#open-consent", Static).update(self._consent_text())

    @staticmethod
    def _attendance_text(attendance: Attendance) -> str:
        mark = {Attendance.PRESENT: "√", Attendance.EXCUSED: "–", Attendance.ABSENT: "×", Attendance.INVITED: "?"}
        return f"{mark[attendance]} {lbl(attendance)}"

    def _consent_text(self) -> Content:
        c = self.meeting.consent
        to_meeting = {True: tr("answer.yes"), False: tr("answer.no"), None: tr("answer.unknown")}[c.to_meeting]
        parts: list = [
            (tr("open.consent_meeting") + " ", "bold"), to_meeting, "   ",
            (tr("open.consent_sharing") + " ", "bold"), lbl(c.status),
        ]
        if c.date:
            parts += [("  (" + date_text(c.date) + ")", "dim")]
        if c.needs_confirmation:
            parts += ["\n", ("! " + tr("open.consent_to_confirm"), "bold")]
        if c.scope:
            parts += ["\n", (tr("open.consent_scope") + " ", "bold"), c.scope]
        if c.person_words:  # 80 columns: on from the scope, in the same paragraph (the whole consent on screen)
            after = "  " if c.scope and self.app.size.width < 120 else "\n"
            parts += [after, (tr("open.consent_words") + " ", "bold"), quote(c.person_words)]
        if c.status is ConsentStatus.PARTIAL:
            parts += ["\n", (tr("open.consent_domains") + " ", "bold"), self._domains_text()]
        if c.status in (ConsentStatus.NOT_ASKED, ConsentStatus.PARTIAL) and self.app.size.width >= 120:
            parts += ["\n", (tr("open.consent_keys"), "dim")]  # at 80 columns: in the box's subtitle
        return Content.assemble(*parts)

    def _domains_text(self) -> str:
        """One short phrase per domain the person was asked about; the domains of the meeting never asked last."""
        m = self.meeting
        said = []
        # the domains shared alike in one phrase each (« avec tous les participants : logement, santé »):
        # at 80 columns the whole consent stays on screen
        for sharing in (DomainSharing.ALL, DomainSharing.NONE):
            alike = [lbl(rule.domain) for rule in m.consent.domains if rule.sharing is sharing]
            if alike:
                said.append(lbl(sharing) + colon() + ", ".join(alike))
        for rule in m.consent.domains:
            if rule.sharing is DomainSharing.NAMED:
                said.append(lbl(rule.domain) + colon() + ", ".join(m.name_of(p) for p in rule.participants))
        asked = {r.domain for r in m.consent.domains}
        unsaid = [lbl(d) for d in concerned_domains(m) if d not in asked and (d in m.domains)]
        if unsaid:
            said.append(tr("open.consent_unsaid", domains=", ".join(unsaid)))
        return " · ".join(said) or tr("open.consent_none_said")

    # -- attendance --

    def _current(self):
        pid = self.query_one("#attendance", Table).current_key()
        return self.meeting.participant(pid) if pid else None

    def action_attend(self, state: str) -> None:
        p = self._current()
        if p is None:
            return
        attendance = Attendance(state)

        if not self.change(ops.set_attendance, p, attendance):
            return
        table = self.query_one("#attendance", Table)
        row = table.cursor_row
        if attendance in (Attendance.EXCUSED, Attendance.ABSENT):
            # say why now, while it is being said (Escape: not known); then on to the next one
            def keep(text: str | None) -> None:
                if text is not None and text.strip() != p.absence_reason:
                    self.change(ops.set_fields, p, absence_reason=text)
                table.keep_row(row + 1)

            self.app.push_screen(TextPrompt(tr("open.reason_title"), tr("open.reason_caption", name=p.name),
                                            p.absence_reason, long=False), keep)
        else:
            table.keep_row(row + 1)

    def action_reason(self) -> None:
        p = self._current()
        if p is None:
            return
        self.app.push_screen(
            TextPrompt(tr("open.reason_title"), tr("open.reason_caption", name=p.name), p.absence_reason, long=False),
            lambda text: text is not None and self.change(ops.set_fields, p, absence_reason=text),
        )

    def action_written(self) -> None:
        """What an excused participant sent: the text of their written contribution and a message to
        read in the meeting, entered here beside their attendance; both are read at their turn."""
        p = self._current()
        if p is not None:
            self.app.push_screen(forms.excused_form(self.meeting, p), lambda v: v and self.change(ops.set_excused, p, v))

    def action_edit_participant(self) -> None:
        p = self._current()
        if p is not None:
            self.app.push_screen(forms.participant_form(self.meeting, p),
                                 lambda v: v and self.change(ops.set_participant, p, v))

    def on_data_table_row_selected(self, event: Table.RowSelected) -> None:
        event.stop()
        self.action_edit_participant()

    def action_add_participant(self) -> None:
        self.app.push_screen(forms.participant_form(self.meeting, None),
                             lambda v: v and self.change(ops.set_participant, None, v))

    # -- consent and purpose --

    def action_consent(self) -> None:
        if self.meeting.consent.needs_confirmation:  # carried from the previous meeting: read it first
            from ..dialogs.series_dialogs import confirm_carried_consent

            confirm_carried_consent(self, self._consent_form)
            return
        self._consent_form()

    def _consent_form(self) -> None:
        today = self.capp.now().date()

        def done(values) -> None:
            if values and self.change(ops.set_consent, values, today):
                if values["status"] is ConsentStatus.PARTIAL:
                    self.action_consent_domains()  # partial: on at once to what is shared with whom

        self.app.push_screen(forms.consent_form(self.meeting), done)

    def action_consent_domains(self) -> None:
        """Domain by domain, with the person: the dialog of the rereading step, on the same record."""
        self.app.push_screen(DomainConsentDialog(), lambda _: self.refresh_view())

    def action_purpose(self) -> None:
        self.app.push_screen(
            TextPrompt(tr("open.purpose_title"), tr("details.field_purpose"), self.meeting.purpose,
                       intro=tr("details.purpose_note")),
            lambda text: text is not None and self.change(ops.set_fields, self.meeting, purpose=text),
        )
