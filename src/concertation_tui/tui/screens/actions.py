"""Actions (F5): every negotiated action in a table, each edited in a dialog; the person's agreement in
one key; the readiness checks beside, where choosing one goes to what it concerns."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from ...model import Action, Agreement, Level, kinds, ops
from ...model.checks import carrier_name
from ..dialogs import meeting_forms as forms
from ..dialogs.forms import DELETE, Confirm, FormDialog, FormResult
from ...services.display import AGREEMENT_SYMBOL, STATUS_SYMBOL, date_text, one_line
from ..text import cell, colon, key, lbl, quote_parts, tr
from ..widgets import Box, Choices, Table
from .base import MeetingScreen

LEVEL_MARK = {Level.ERROR: "!!", Level.WARNING: "! ", Level.INFO: "i "}


FINDING_LIMIT = 240
"""Characters of a finding shown in a list (about three lines at 80 columns): a record kept out of
140 partners' copies names them all, and a list wraps every option's text to know its height (22 s
for 1,700 such findings); choosing the finding goes to the record, where all is said."""


_PROMPTS: dict[tuple, Content] = {}
"""Prompts already made, by what the finding says (its check, level and words: each version of the
meeting makes new Finding objects, most saying what the version before said; at the very large size
making the 1,700 prompts again took a third of a second at each step switch following a change),
language and width. Shown by three steps and the checks list."""


QUOTED_PARAMS = ("what", "note", "sentence", "term")
"""A check's words quoted from the meeting: at 80 columns these shrink first, the problem stays whole."""
SHORT_QUOTE = 12
"""The fewest characters a quoted part keeps (with its « … »)."""
SHORT_WIDTH = 72
"""The cells of a check's line in the list at 80 columns (its box's borders and the level mark aside)."""


def _short_sentence(finding, params: dict, lang: str) -> str:
    """The check in its short form for 80 columns (« « Porter l'aide… » : pas d'échéance, fixez une date. »:
    what it is about, then the problem and what to do) where there is one, else its sentence."""
    from dataclasses import replace
    from enum import Enum

    from ...i18n import label, t

    try:
        words = {k: label(v, lang) if isinstance(v, Enum) else v for k, v in params.items()}
        return one_line(t(f"check_short.{finding.code}", lang, **words))
    except KeyError:
        return one_line(replace(finding, params=params).sentence(lang))


def _fitted(finding, lang: str, width: int) -> str:
    """The check in `width` cells: its short form, what it quotes shrunk first; a check to fix (« !! »)
    still longer goes on two lines rather than lose its problem behind a « … »; the others keep one line
    (six at once), the whole sentence being where Enter leads."""
    params = dict(finding.params)
    sentence = _short_sentence(finding, params, lang)
    while len(sentence) > width:
        quoted = [k for k in QUOTED_PARAMS if isinstance(params.get(k), str) and len(params[k]) > SHORT_QUOTE]
        if not quoted:
            break
        longest = max(quoted, key=lambda k: len(params[k]))
        text = params[longest].rstrip("…")
        cut = max(SHORT_QUOTE - 1, len(text) - (len(sentence) - width) - 1)
        params[longest] = text[:cut].rstrip() + "…"
        sentence = _short_sentence(finding, params, lang)
    if len(sentence) <= width:
        return sentence
    if finding.level is not Level.ERROR:
        return one_line(sentence, width)
    head = sentence[: width + 1].rsplit(" ", 1)[0] if " " in sentence[: width + 1] else sentence[:width]
    rest = sentence[len(head):].strip()
    return head + "\n" + "   " + one_line(rest, width - 3)


def finding_prompt(finding, lang: str, *, short: bool = False, width: int = SHORT_WIDTH) -> Content:
    """A check as a line of the list; `short` (80 columns): the level said by its mark only (« !! », « ! »,
    « i », counted in the box's subtitle), what it quotes shortened so that it fits one line, and when
    the sentence itself is longer, on two lines rather than cut (each one's full sentence is one Enter
    away, where it leads)."""
    key = (finding.code, finding.level, _params_key(finding.params), lang, short, width)
    made = _PROMPTS.get(key)
    if made is not None:
        return made
    style = {Level.ERROR: "bold $error", Level.WARNING: "bold $warning", Level.INFO: "dim"}[finding.level]
    if short:
        prompt = Content.assemble((f"{LEVEL_MARK[finding.level]} ", style),
                                  _fitted(finding, lang, width))
    else:
        prompt = Content.assemble((f"{LEVEL_MARK[finding.level]} {finding.level_label(lang)}{colon()}", style),
                                  one_line(finding.sentence(lang), FINDING_LIMIT))
    if len(_PROMPTS) > 20_000:  # findings of older versions: let them go
        _PROMPTS.clear()
    _PROMPTS[key] = prompt
    return prompt


def _params_key(params: dict) -> tuple:
    """A finding's words as a key: each value with its type (a life domain, an enum of str, is named in
    the sentence's language; its value as a plain string is not), one not hashable (a list) by its repr."""
    try:
        key = tuple((name, type(value), value) for name, value in params.items())
        hash(key)
        return key
    except TypeError:
        return tuple((name, type(value), repr(value)) for name, value in params.items())


class ActionsScreen(MeetingScreen):
    """Actions (F5). Essential at 80x24, on screen without scrolling (tests/test_tui_layout_80x24.py):
    every action's number, carrier, due date and the person's agreement; the chosen action in full; the
    checks, one line each (six at once), with how many are to fix."""

    PHASE = "actions"
    _laid_out_for = -1

    BINDINGS = [
        key("a", "add", "add_action_here", binding_id="actions-add"),
        key("f7", "add", "add_action", show=False, binding_id="actions-add-f7"),  # F7 as in the live step
        key("e", "edit", "edit", binding_id="actions-edit"),
        key("delete,d", "remove", "remove", key_display="suppr/d", binding_id="actions-remove"),
        key("plus", "agree('agrees')", "agree", key_display="+"),
        key("minus", "agree('disagrees')", "disagree", key_display="-"),
        key("question_mark", "agree('wants_time')", "wants_time", key_display="?"),
        key("v", "reviewed", "reviewed", show=False),
        key("exclamation_mark", "checks_list", "checks_list", show=False, key_display="!"),
        key("r", "review", "review_open", binding_id="actions-review"),
    ]

    def body(self) -> ComposeResult:
        with Horizontal(id="actions-grid"):
            with Box(id="actions-box", classes="box") as box:
                box.border_title = tr("actions.title")
                yield Table(id="actions")
                yield Static("", id="action-detail", markup=False)
            with Vertical(id="findings-box", classes="box") as box:
                box.border_title = tr("checks.title")
                yield Choices(id="findings")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#actions").focus()

    def on_box_resized(self, event: Box.Resized) -> None:
        event.stop()
        if self.capp.meeting is not None and event.box.content_size.width != self._laid_out_for:
            self._table()

    def refresh_view(self) -> None:
        self._table()
        self._findings()

    def _table(self) -> None:
        m = self.meeting
        table = self.query_one("#actions", Table)
        keep = table.current_key()
        wide = self.size.width >= 120
        box = self.query_one("#actions-box")
        self._laid_out_for = box.content_size.width
        estimate = self.size.width
        width = max(60, (box.content_size.width or estimate or 80) - 2)
        table.clear(columns=True)
        carrier_width = 20 if wide else 14
        fixed = [3, carrier_width, 10, 16] + ([12] if wide else [])
        what_width = max(16, width - sum(fixed) - 2 * (len(fixed) + 1))
        table.add_column(tr("col.number"), width=3)
        table.add_column(tr("col.action"), width=what_width)
        table.add_column(tr("col.carrier"), width=carrier_width)
        table.add_column(tr("col.due"), width=10)
        table.add_column(tr("col.agreement"), width=16)
        if wide:
            table.add_column(tr("col.status"), width=12)
        for n, action in enumerate(m.actions, 1):
            carried = "« " if action.carried_from is not None else ""
            cells = [
                cell(str(n)),
                cell(carried + one_line(action.what)),
                cell(one_line(carrier_name(m, action) or "–")),
                cell(date_text(action.due) or "–"),
                cell(f"{AGREEMENT_SYMBOL[action.agreement]} {lbl(action.agreement)}"),
            ]
            if wide:
                cells.append(cell(f"{STATUS_SYMBOL[action.status]} {lbl(action.status)}"))
            table.add_row(*cells, key=action.id)
        row = table.row_of(keep) if keep else None
        table.keep_row(row if row is not None else 0)
        self.query_one("#actions-box").border_subtitle = tr("actions.count", count=len(m.actions))
        self._detail()

    def _detail(self) -> None:
        """Under the table: the chosen action in full (what the narrow table had to cut)."""
        m = self.meeting
        action = self._current()
        detail = self.query_one("#action-detail", Static)
        if action is None:
            detail.update(Content(tr("actions.none")))
            return
        supporters = ", ".join(m.name_of(x) for x in action.supporters)
        parts: list = [(action.what, "bold"), "\n",
                       (tr("col.status") + colon(), "bold"), f"{STATUS_SYMBOL[action.status]} {lbl(action.status)}"]
        if supporters:
            parts += ["  ", (tr("actions.supporters") + colon(), "bold"), supporters]
        if action.checker_id:
            parts += ["  ", (tr("actions.checker") + colon(), "bold"), m.name_of(action.checker_id)]
        if action.person_words:
            parts += ["\n", *quote_parts(action.person_words, "bold")]
        if action.carried_from is not None:
            when = date_text(action.carried_from.meeting_date)
            parts += ["\n", (tr("actions.carried", date=when) + " · ", "italic"),
                      (tr("actions.reviewed") if action.reviewed else tr("actions.not_reviewed"), "italic")]
        detail.update(Content.assemble(*parts))

    def on_data_table_row_highlighted(self, event: Table.RowHighlighted) -> None:
        event.stop()
        if self.capp.meeting is not None:
            self._detail()
            self.refresh_bindings()

    def _findings(self) -> None:
        lang = self.capp.language
        findings = self.capp.readiness()
        self.findings = findings
        choices = self.query_one("#findings", Choices)
        keep = choices.highlighted
        short = self.app.size.width < 120
        choices.set_class(short, "-one-line")
        width = max(30, self.app.size.width - 8)  # the borders, the level mark, a scrollbar
        choices.set_options([Option(finding_prompt(f, lang, short=short, width=width), id=str(n))
                             for n, f in enumerate(findings)]
                            or [Option(Content(tr("checks.none")), id="none", disabled=True)])
        if findings and keep is not None:
            choices.highlighted = min(keep, len(findings) - 1)
        errors = sum(1 for f in findings if f.level is Level.ERROR)
        self.query_one("#findings-box").border_subtitle = tr("checks.count", errors=errors, total=len(findings))

    def action_checks_list(self) -> None:
        """The checks counted under the box, in full: Enter goes to one."""
        from ..dialogs.checks_list import show_checks

        show_checks(self.capp, self.capp.readiness())

    # -- editing --

    def _current(self) -> Action | None:
        aid = self.query_one("#actions", Table).current_key()
        return self.meeting.action(aid) if aid else None

    def edit_action(self, action: Action) -> None:
        def done(values: FormResult) -> None:
            if not values:
                return
            if values == DELETE:
                self._confirm_remove(action)
                return
            self.change(ops.edit_action, action, values)

        # the form built ahead for the row highlighted when it shows the same (prebuild.py), else this one
        self.app.push_screen(self.capp.prebuilder.take(forms.action_form(self.meeting, action, editing=True)), done)

    def action_edit(self) -> None:
        action = self._current()
        if action is None:
            self.action_add()
        else:
            self.edit_action(action)

    def on_data_table_row_selected(self, event: Table.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add(self) -> None:
        def done(values: FormResult) -> None:
            if isinstance(values, dict):
                created = self.create(ops.add_action, values, self.capp.now())
                if created is not None:
                    table = self.query_one("#actions", Table)
                    table.keep_row(table.row_of(created.id) or 0)

        # the form built ahead in idle time when it shows the same (prebuild.py), else this one
        self.app.push_screen(self.capp.prebuilder.take(self.new_action_form()), done)

    def new_action_form(self) -> FormDialog:
        return forms.action_form(self.meeting, ops.blank("actions"), editing=False)

    def forms_ahead(self) -> list[FormDialog]:
        """The forms prebuild.py builds ahead for this step: `a`'s, and Enter's on the action highlighted."""
        made = [self.new_action_form()]
        action = self._current()
        if action is not None:
            made.append(forms.action_form(self.meeting, action, editing=True))
        return made

    def ahead_state(self) -> object:
        return self.query_one("#actions", Table).current_key()  # Enter's form follows the row highlighted

    def _confirm_remove(self, action: Action) -> None:
        self.app.push_screen(
            Confirm(tr("action.remove_title"), tr("action.remove_question", what=one_line(action.what, 80)),
                    yes=tr("form.delete")),
            lambda yes: yes and self.change(ops.remove_record, "actions", action.id),
        )

    def action_remove(self) -> None:
        action = self._current()
        if action is not None:
            self._confirm_remove(action)

    def action_agree(self, value: str) -> None:
        action = self._current()
        if action is None:
            return
        agreement = Agreement(value)
        if self.change(ops.set_fields, action, agreement=agreement):
            table = self.query_one("#actions", Table)
            table.keep_row(table.cursor_row + 1)

    def action_reviewed(self) -> None:
        action = self._current()
        if action is not None and action.carried_from is not None:
            self.change(ops.set_fields, action, reviewed=not action.reviewed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reviewed":
            current = self._current() if self.is_mounted else None
            return current is not None and current.carried_from is not None
        if action == "review":  # a follow-up: the review of the carried actions (screens/review.py)
            return self.capp.meeting is not None and any(a.carried_from for a in self.meeting.actions)
        return True

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    # -- findings --

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.isdigit():
            self.app.run_worker(go_to_finding(self.capp, self.findings[int(event.option.id)]))


DOMAIN_CONSENT_FINDINGS = frozenset({"consent_domains_missing", "domain_not_asked"})
"""Findings about the consent per life domain: Enter on them opens the per-domain form (F3, d)."""


async def _step_shown(app, mode: str):
    """Switch to the step `mode` and return its screen, or None when it is not the screen shown once the
    switch is over: the step is switched to in a worker, and the private-time cover (F8), the keys page
    (F1) or a dialog may have come up meanwhile (or the switch was refused: the cover was already up).
    What the finding leads to is then left alone rather than looked for in the wrong screen."""
    await app.action_phase(mode)
    screen = app.screen
    return screen if getattr(screen, "PHASE", None) == mode and screen.is_attached else None


async def go_to_finding(app, finding) -> None:
    """Open what a readiness finding concerns: the action, the participant, the details, the consent...

    Run as a worker (a step switch is awaited): every screen is checked once the switch is over. Under
    the private-time cover nothing is opened, nor said (a finding's sentence may quote a note)."""
    meeting = app.meeting
    if meeting is None or app.covered:
        return
    target = finding.target
    if target == "action":
        action = meeting.action(finding.target_id)
        screen = await _step_shown(app, "actions")
        if action is not None and isinstance(screen, ActionsScreen):
            table = screen.query_one("#actions", Table)
            row = table.row_of(action.id)
            if row is not None:
                table.keep_row(row)
                table.focus()
            screen.edit_action(action)
    elif target == "participant":
        screen = await _step_shown(app, "open")
        if screen is None:
            return
        table = screen.query_one("#attendance", Table)
        row = table.row_of(finding.target_id)
        if row is not None:
            table.keep_row(row)
        table.focus()
    elif target == "consent":
        screen = await _step_shown(app, "open")
        if screen is None:
            return
        if finding.code in DOMAIN_CONSENT_FINDINGS:  # the form that answers it, domain by domain
            screen.action_consent_domains()
        else:
            screen.action_consent()
    elif target == "meeting":
        screen = await _step_shown(app, "prepare")
        if screen is None:
            return
        if finding.code in ("no_person", "several_persons"):
            screen.action_tab("participants")
        else:
            screen.action_tab("details")
            screen.action_edit()
    elif target == "close":  # what came of the items: confirmed at the close
        await app.action_phase("close")
    elif target == "next_meeting":  # who is invited next time, and whether the person agrees
        screen = await _step_shown(app, "close")
        if screen is not None:
            screen.action_next_meeting()
    elif target == "person_view":
        screen = await _step_shown(app, "close")
        if screen is not None:
            screen.action_last_word()
    elif target == "note":
        from . import notes

        screen = app.screen
        kind = next((k for k in ("contribution", "person_view") if kinds.find(meeting, k, finding.target_id)), None)
        if kind is not None and isinstance(screen, MeetingScreen):
            notes.edit_by_id(screen, kind, finding.target_id)
        else:
            app.say(finding.sentence(app.language))
