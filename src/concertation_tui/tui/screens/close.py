"""Close (F6): the readiness checks, the person's last word, open questions, the next meeting, who
receives the minute; then issuing the minute (g, as F12's « Émettre »): every copy and the letter, once,
in the meeting's issue folder (comptes-rendus/…/vN), recorded in the meeting. There is no second, unnamed
set of files: the copies are read before issuing in F12 › p (Aperçu)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from ...model import ItemOutcome, Level, OpenQuestion
from ...model import ops, timing
from ...model.minute_state import outdated_sentence
from ...model.outcomes import outcome
from ..dialogs import meeting_forms as forms
from ..dialogs.forms import DELETE, Confirm, FormDialog, FormField, FormResult, TextPrompt
from ...services.display import date_text, one_line, time_text
from ..text import colon, current_lang, key, lbl, quote_parts, tr
from ...model.people_order import everyone_in_order, invitees_in_order
from ...model.sharing import invitees_outside_consent
from ..dialogs.checks_list import show_checks
from ..widgets import Choices, Picks
from .actions import finding_prompt, go_to_finding
from .base import MeetingScreen
from .series import ask_closure, offer_closure, series_line, show_series


AUTO = "auto"
"""The outcome form's answer when the program is to propose the item's outcome."""


NARROW_TITLES = {"#close-word-box": "close.narrow_word", "#close-questions-box": "close.narrow_questions",
                 "#close-next-box": "close.narrow_next", "#close-distribution-box": "close.narrow_distribution",
                 "#close-checks-box": "close.narrow_checks", "#close-minute-box": "close.narrow_issue"}
"""At 80 columns a part's rule has no subtitle: its title carries its keys."""


class CloseScreen(MeetingScreen):
    """Close (F6). Essential at 80x24, on screen without scrolling (tests/test_tui_layout_80x24.py): the
    person's last word (or that it is missing); the open questions; the next meeting's date, place and
    invitees and the person's agreement; every participant with whether they receive the minute; how
    many checks are to fix; the meeting's conclusion and what came of each item (issue 19); the key that
    writes the minute (in the footer: the minute's own box is below the fold at 80x24)."""

    PHASE = "close"

    BINDINGS = [
        key("o", "conclusion", "conclusion"),
        key("l", "last_word", "last_word"),
        key("q", "add_question", "add_question"),
        key("n", "next_meeting", "next_meeting"),
        key("g", "app.issue_minute", "close_issue"),
        key("exclamation_mark", "checks_list", "checks_list", show=False, key_display="!"),
        key("t", "end_meeting", "end_meeting", show=False),
        key("r", "no_view_reason", "no_view_reason", show=False),
        key("delete,d", "remove_question", "remove_question", show=False, key_display="suppr/d"),
        key("h", "series", "close_series"),
        key("c", "closure", "closure", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.findings = []

    def body(self) -> ComposeResult:
        # Two columns: what is said with the person (last word, questions, next meeting) and what goes
        # out (who receives the minute, the checks, the minute): at 80x24 all on screen at once.
        with VerticalScroll(id="close-grid"):
            with Vertical(id="close-left", classes="close-column"):
                with Vertical(id="close-word-box", classes="box") as box:
                    box.border_title = tr("close.word_title")
                    yield Static("", id="last-word", markup=False)
                with Vertical(id="close-questions-box", classes="box") as box:
                    box.border_title = tr("close.questions_title")
                    yield Choices(id="questions")
                with Vertical(id="close-next-box", classes="box") as box:
                    box.border_title = tr("close.next_title")
                    yield Static("", id="next-meeting", markup=False)
            with Vertical(id="close-right", classes="close-column"):
                with Vertical(id="close-distribution-box", classes="box") as box:
                    box.border_title = tr("close.distribution_title")
                    yield Picks(id="distribution", type_to_find=True)  # « ju » goes to Julie
                with Vertical(id="close-checks-box", classes="box") as box:
                    box.border_title = tr("checks.title")
                    yield Choices(id="close-findings")
                with Vertical(id="close-conclusion-box", classes="box") as box:
                    box.border_title = tr("close.conclusion_title")
                    yield Static("", id="conclusion", markup=False)
                with Vertical(id="close-outcomes-box", classes="box") as box:
                    box.border_title = tr("close.outcomes_title")
                    yield Choices(id="outcomes")
                with Vertical(id="close-minute-box", classes="box") as box:
                    box.border_title = tr("close.minute_title")
                    yield Static("", id="minute-result", markup=False)

    def on_resize(self) -> None:
        if self.capp.meeting is not None:
            self.refresh_view()

    def _titles(self, narrow: bool) -> None:
        """At 80 columns each part has a rule, not a box: its keys go into its title."""
        for box, title, keys in (("#close-word-box", "close.word_title", "close.word_keys"),
                                 ("#close-questions-box", "close.questions_title", "close.questions_keys"),
                                 ("#close-next-box", "close.next_title", "close.next_keys"),
                                 ("#close-distribution-box", "close.distribution_title", ""),
                                 ("#close-checks-box", "checks.title", ""),
                                 ("#close-minute-box", "close.minute_title", "")):
            self.query_one(box).border_title = tr(NARROW_TITLES[box]) if narrow else tr(title)

    def refresh_view(self) -> None:
        m = self.meeting
        lang = self.capp.language
        self.findings = self.capp.readiness()
        narrow = self.app.size.width < 120
        self._titles(narrow)
        choices = self.query_one("#close-findings", Choices)
        choices.set_class(narrow, "-one-line")
        keep = choices.highlighted
        width = max(30, self.app.size.width // 2 - 7) if narrow else 72  # the right column's box at 80
        choices.set_options([Option(finding_prompt(f, lang, short=narrow, width=width), id=str(n))
                             for n, f in enumerate(self.findings)]
                            or [Option(Content(tr("checks.none")), id="none", disabled=True)])
        if self.findings and keep is not None:
            choices.highlighted = min(keep, len(self.findings) - 1)
        errors = sum(1 for f in self.findings if f.level is Level.ERROR)
        checks = self.query_one("#close-checks-box")
        checks.border_subtitle = tr("checks.count", errors=errors, total=len(self.findings))
        if narrow:  # a rule has no subtitle: the count goes into its title
            checks.border_title = tr("close.narrow_checks_count", errors=errors, total=len(self.findings))

        conclusion: list = []
        if m.purpose.strip():
            conclusion += [(tr("close.question") + colon(), "bold"), m.purpose.strip(), "\n"]
        conclusion += [m.conclusion] if m.conclusion.strip() else [(tr("close.no_conclusion"), "italic")]
        self.query_one("#conclusion", Static).update(Content.assemble(*conclusion))
        self.query_one("#close-conclusion-box").border_subtitle = tr("close.conclusion_keys")

        outcomes = self.query_one("#outcomes", Choices)
        keep = outcomes.highlighted
        rows = []
        outcomes.set_class(narrow, "-one-line")  # 80 columns: one line an item, as many items as can be
        for n, item in enumerate(m.agenda, 1):
            found = lbl(outcome(m, item))
            mark = (found, "bold") if item.outcome is not None else (f"{found} ({tr('close.derived')})", "dim")
            if narrow:  # the outcome first (« ? »: to confirm, said in the title), the title after it
                short = (found, "bold") if item.outcome is not None else (f"{found} ?", "dim")
                rows.append(Option(Content.assemble(f"{n}. ", short, " · ", item.title), id=item.id))
            else:
                rows.append(Option(Content.assemble(f"{n}. {one_line(item.title, 50)} — ", mark), id=item.id))
        outcomes.set_options(rows or [Option(Content(tr("close.no_items")), id="none", disabled=True)])
        if rows and keep is not None:
            outcomes.highlighted = min(keep, len(rows) - 1)
        self.query_one("#close-outcomes-box").border_subtitle = tr("close.outcomes_keys")
        if narrow:  # a rule has no subtitle: what « ? » means goes into its title
            self.query_one("#close-outcomes-box").border_title = tr("close.outcomes_title_narrow")

        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        word: list = []
        if m.last_word:
            word += quote_parts(m.last_word, "bold")
        else:
            word += [(tr("close.no_last_word", name=name), "italic")]
        if m.person_view_missing_reason:
            word += ["\n", (tr("close.no_view_reason") + " ", "bold"), m.person_view_missing_reason]
        self.query_one("#last-word", Static).update(Content.assemble(*word))
        self.query_one("#close-word-box").border_subtitle = tr("close.word_keys")

        questions = self.query_one("#questions", Choices)
        keep = questions.highlighted
        options = []
        for q in m.open_questions:
            origin = m.item(q.item_id)
            # the item it came from: by its number at 80 columns (a title cut mid-word said less)
            where = tr("close.question_item", n=m.agenda.index(origin) + 1) if origin and narrow else \
                f"({one_line(origin.title, 40)})" if origin else ""
            suffix = [(f"  {where}", "dim")] if origin else []
            options.append(Option(Content.assemble(q.text, *suffix), id=q.id))
        questions.set_options(options or [Option(Content(tr("close.no_questions")), id="none", disabled=True)])
        if options and keep is not None:
            questions.highlighted = min(keep, len(options) - 1)
        self.query_one("#close-questions-box").border_subtitle = tr("close.questions_keys")

        n = m.next_meeting
        outside = set(invitees_outside_consent(m))  # an invitation is not an agreement to know: said beside
        invitees = ", ".join(m.name_of(x) + (f" ({tr('next.outside_consent')})" if x in outside else "")
                             for x in invitees_in_order(m))  # not in the order ticked
        agrees = {True: tr("answer.yes"), False: tr("answer.no"), None: tr("answer.unknown")}[n.person_agrees]
        when = " ".join(x for x in (date_text(n.date), time_text(n.time)) if x) or tr("prepare.empty")
        self.query_one("#next-meeting", Static).update(Content.assemble(
            (tr("next.field_date") + colon(), "bold"), when, "\n",
            (tr("next.field_place") + colon(), "bold"), n.place or tr("prepare.empty"), "\n",
            (tr("next.field_invitees") + colon(), "bold"), invitees or tr("prepare.empty"),
            (" + " + n.others) if n.others else "", "\n",
            (tr("next.field_person_agrees") + colon(), "bold"), agrees, "\n", series_line(m),
        ))
        self.query_one("#close-next-box").border_subtitle = tr("close.next_keys")

        picks = self.query_one("#distribution", Picks)
        people = everyone_in_order(m)  # the order of every list of people
        wanted = [(p.id, p.receives_minute) for p in people]
        selected = set(picks.selected)
        values = [picks.get_option_at_index(i).value for i in range(picks.option_count)]
        current = [(value, value in selected) for value in values]
        if current != wanted:
            highlighted = picks.highlighted
            picks.clear_options()
            picks.add_options([
                Selection(Content.assemble(p.name, (f"  {lbl(p.kind)}", "dim")), p.id, p.receives_minute)
                for p in people
            ])
            if picks.option_count:
                picks.highlighted = min(highlighted or 0, picks.option_count - 1)
        count = sum(1 for p in m.participants if p.receives_minute)
        self.query_one("#close-distribution-box").border_subtitle = tr("close.distribution_count", count=count)

        ended = bool(m.clock) and not timing.meeting_running(m)
        status = tr("close.meeting_ended") if ended else tr("close.meeting_not_ended")
        issues = m.distribution.issues
        if issues:  # what was sent, and that g now issues a correction
            last = issues[-1]
            changed = self.capp.minute_changes()
            if changed and changed.total:  # the issued version no longer says what the meeting holds
                result = " ".join((
                    outdated_sentence(changed, date_text(last.at.date()), current_lang()),
                    tr("close.outdated_next", next=changed.next_version, version=last.version)))
            else:
                result = tr("close.issued_state", version=last.version, date=date_text(last.at.date()),
                            count=len({r.participant_id for r in last.recipients}))
        else:
            result = tr("close.issue_hint")
        self.query_one("#minute-result", Static).update(
            Content.assemble((status, "italic"), "\n", result, "\n", (tr("reread.close_hint"), "bold")))

    # -- the conclusion and what came of each item (the minute's decision record) --

    def action_conclusion(self) -> None:
        m = self.meeting
        caption = tr("close.conclusion_caption", purpose=m.purpose.strip()) if m.purpose.strip() else tr(
            "close.conclusion_caption_plain")
        self.app.push_screen(
            TextPrompt(tr("close.conclusion_title"), caption, m.conclusion),
            lambda text: text is not None and self.change(ops.set_fields, m, conclusion=text),
        )

    def _choose_outcome(self, item_id: str) -> None:
        item = self.meeting.item(item_id)
        if item is None:
            return
        derived = outcome(self.meeting, item.model_copy(update={"outcome": None}))  # what the program proposes
        options: list = [(tr("close.outcome_auto", outcome=lbl(derived)), AUTO)]
        options += [(lbl(choice).capitalize(), choice) for choice in ItemOutcome]
        form = FormDialog(tr("close.outcome_title"), [
            FormField("outcome", tr("close.outcome_caption", title=one_line(item.title, 60)), "radio",
                      item.outcome or AUTO, options, vertical=True),
        ])

        def done(values: FormResult) -> None:
            if isinstance(values, dict):
                chosen = values["outcome"]
                self.change(ops.set_fields, item, outcome=None if chosen == AUTO else ItemOutcome(chosen))

        self.app.push_screen(form, done)

    # -- the person's word --

    def action_last_word(self) -> None:
        m = self.meeting
        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        self.app.push_screen(
            TextPrompt(tr("close.word_title"), tr("close.word_caption", name=name), m.last_word),
            lambda text: text is not None and self.change(ops.set_fields, m, last_word=text),
        )

    def action_no_view_reason(self) -> None:
        self.app.push_screen(
            TextPrompt(tr("close.no_view_reason_title"), tr("close.no_view_reason"),
                       self.meeting.person_view_missing_reason),
            lambda text: text is not None and self.change(
                ops.set_fields, self.meeting, person_view_missing_reason=text),
        )

    # -- open questions --

    def action_add_question(self) -> None:
        item = timing.current_item(self.meeting)

        def done(values: FormResult) -> None:
            if isinstance(values, dict):
                self.change(ops.add_question, values)

        form = forms.question_form(self.meeting, None)
        form.fields[1].value = item.id if item else ""
        form.fields[2].value = list(item.domains) if item else []  # the domains of the item it arises from
        self.app.push_screen(form, done)

    def _edit_question(self, qid: str) -> None:
        q = next((x for x in self.meeting.open_questions if x.id == qid), None)
        if q is None:
            return

        def done(values: FormResult) -> None:
            if not values:
                return
            if values == DELETE:
                self._remove_question(q)
                return
            self.change(ops.edit_question, q, values)

        self.app.push_screen(forms.question_form(self.meeting, q), done)

    def _remove_question(self, q: OpenQuestion) -> None:
        self.app.push_screen(
            Confirm(tr("question.remove_title"), tr("question.remove_question", text=one_line(q.text, 80)),
                    yes=tr("form.delete")),
            lambda yes: yes and self.change(ops.remove_record, "open_questions", q.id),
        )

    def action_remove_question(self) -> None:
        questions = self.query_one("#questions", Choices)
        if self.focused is questions:
            q = next((x for x in self.meeting.open_questions if x.id == questions.current_id()), None)
            if q is not None:
                self._remove_question(q)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_question":
            return self.is_mounted and self.focused is self.query_one("#questions", Choices)
        return True

    # -- the series (screens/series.py): is the network still needed? --

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        offer_closure(self)  # a follow-up's close asks it once

    def action_series(self) -> None:
        show_series(self.app)

    def action_closure(self) -> None:
        ask_closure(self)

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """Editing an open question (Enter on its line) from the palette too (ctrl+p)."""
        from functools import partial

        from ...services.display import one_line

        return [(tr("palette.edit_question", text=one_line(q.text, 50)), tr("palette.edit_question_help"),
                 partial(self._edit_question, q.id)) for q in self.meeting.open_questions]

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        source = event.option_list.id
        oid = event.option.id or ""
        if source == "questions":
            self._edit_question(oid)
        elif source == "outcomes":
            self._choose_outcome(oid)
        elif source == "close-findings" and oid.isdigit():
            self.app.run_worker(go_to_finding(self.capp, self.findings[int(oid)]))

    # -- next meeting, distribution --

    def action_next_meeting(self) -> None:
        self.app.push_screen(forms.next_meeting_form(self.meeting),
                             lambda v: v and self.change(ops.set_next_meeting, v))

    def on_selection_list_selection_toggled(self, event: Picks.SelectionToggled) -> None:
        event.stop()
        self.change(ops.set_distribution, self.query_one("#distribution", Picks).selected)

    # -- the end of the meeting, the minute --

    def action_end_meeting(self) -> None:
        self.change(timing.end_meeting, self.capp.now())
        self.capp.say(tr("close.meeting_ended"))

    def action_checks_list(self) -> None:
        """The checks counted in the box's title, in full: Enter goes to one."""
        show_checks(self.capp, self.capp.readiness())
