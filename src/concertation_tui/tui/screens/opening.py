"""Open (F3): attendance in one pass (one key per state, the cursor moves on), the person's consent to
the meeting and to information sharing — domain by domain, with the person, in one pass (d) — the
purpose restated for everyone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from ...model import Attendance, ConsentStatus, DomainSharing
from ..dialogs import meeting_forms as forms
from ..dialogs.consent_forms import DomainConsentDialog, concerned_domains
from ..dialogs.forms import TextPrompt
from ..format import date_text, one_line
from ..text import cell, key, lbl, quote, tr
from ..widgets import Table
from .base import MeetingScreen


class OpeningScreen(MeetingScreen):
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

    def on_mount(self) -> None:
        self.query_one("#attendance", Table).add_columns(
            tr("col.name"), tr("col.kind"), tr("col.attendance"), tr("col.reason"))
        super().on_mount()
        self.query_one("#attendance").focus()

    def refresh_view(self) -> None:
        m = self.meeting
        purpose = m.purpose or tr("open.no_purpose")
        self.query_one("#open-purpose", Static).update(
            Content.assemble((purpose, "bold" if m.purpose else "italic"), "\n", (tr("open.purpose_keys"), "dim")))
        table = self.query_one("#attendance", Table)
        keep = table.current_key()
        table.clear()
        for p in m.participants:
            reason = p.absence_reason
            if p.written_contribution:
                reason = (reason + " · " if reason else "") + tr("open.written")
            if p.excused_message.strip():
                reason = (reason + " · " if reason else "") + tr("open.message_mark")
            where = lbl(p.kind) if not p.organisation else one_line(p.organisation, 24)
            table.add_row(cell(one_line(p.name, 26)), cell(where), cell(self._attendance_text(p.attendance)),
                          cell(one_line(reason, 30)), key=p.id)
        row = table.row_of(keep) if keep else None
        table.keep_row(row if row is not None else 0)
        box = self.query_one("#open-attendance-box")
        unknown = sum(1 for p in m.participants if p.attendance is Attendance.INVITED)
        if not m.participants:
            box.border_subtitle = tr("open.no_participants")
        else:
            box.border_subtitle = tr("open.unknown_count", count=unknown) if unknown else tr("open.all_known")
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
        if c.person_words:
            parts += ["\n", (tr("open.consent_words") + " ", "bold"), quote(c.person_words)]
        if c.status is ConsentStatus.PARTIAL:
            parts += ["\n", (tr("open.consent_domains") + " ", "bold"), self._domains_text()]
        if c.status in (ConsentStatus.NOT_ASKED, ConsentStatus.PARTIAL):
            parts += ["\n", (tr("open.consent_keys"), "dim")]
        return Content.assemble(*parts)

    def _domains_text(self) -> str:
        """One short phrase per domain the person was asked about; the domains of the meeting never asked last."""
        m = self.meeting
        said = []
        for rule in m.consent.domains:
            if rule.sharing is DomainSharing.NAMED:
                said.append(lbl(rule.domain) + tr("reread.colon") + ", ".join(m.name_of(p) for p in rule.participants))
            else:
                said.append(lbl(rule.domain) + tr("reread.colon") + lbl(rule.sharing))
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

        def edit(m) -> None:
            p.attendance = attendance
            if attendance in (Attendance.PRESENT, Attendance.INVITED):
                p.absence_reason = ""
                p.written_contribution = False

        if not self.change(edit):
            return
        table = self.query_one("#attendance", Table)
        row = table.cursor_row
        if attendance in (Attendance.EXCUSED, Attendance.ABSENT):
            # say why now, while it is being said (Escape: not known); then on to the next one
            def keep(text: str | None) -> None:
                if text is not None and text.strip() != p.absence_reason:
                    self.change(lambda m: setattr(p, "absence_reason", text.strip()))
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
            lambda text: text is not None and self.change(lambda m: setattr(p, "absence_reason", text.strip())),
        )

    def action_written(self) -> None:
        """What an excused participant sent: the text of their written contribution and a message to
        read in the meeting, entered here beside their attendance; both are read at their turn."""
        p = self._current()
        if p is not None:
            self.app.push_screen(forms.excused_form(p),
                                 lambda v: v and self.change(lambda m: forms.apply_excused(p, v)))

    def action_edit_participant(self) -> None:
        p = self._current()
        if p is not None:
            self.app.push_screen(forms.participant_form(self.meeting, p),
                                 lambda v: v and self.change(lambda m: forms.apply_participant(m, p, v)))

    def on_data_table_row_selected(self, event: Table.RowSelected) -> None:
        event.stop()
        self.action_edit_participant()

    def action_add_participant(self) -> None:
        self.app.push_screen(forms.participant_form(self.meeting, None),
                             lambda v: v and self.change(lambda m: forms.apply_participant(m, None, v)))

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
            if values and self.change(lambda m: forms.apply_consent(m, values, today)):
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
            lambda text: text is not None and self.change(lambda m: setattr(m, "purpose", text.strip())),
        )
