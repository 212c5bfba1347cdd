"""Rereading (F12): the morning after the meeting, every note in one list, each corrected in place.

Grouped by agenda item then by speaker: the person's words, contributions, steps, the shared picture,
scales, disagreements, actions; the frame (consent) first and the close (last word, open questions)
last. Enter (or e) edits the note chosen in the same dialog as during the meeting; o its details
(visibility, domains); the person's own words are corrected only after a confirmation, and what they
said before is kept in the meeting file. Beside each note, the writing helper's hints (never a block);
the readiness checks below, each one going to its note, with what the letter to the person asks to rewrite
(its readability check); l writes how the letter says the chosen action. p shows each recipient's copy, i issues.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Spacing
from textual.visual import Padding
from textual.widgets import Static
from textual.widgets.option_list import Option

from ...model import (
    ConsentStatus,
    DomainSharing,
    Level,
    Meeting,
    Nature,
    ParticipantKind,
    ViewAspect,
    Visibility,
    VisibilityKind,
)
from ...model.checks import Finding, carrier_name
from ...services.writing import Hint, hints
from ...language_tools.wording import people_fixed, propose, wording
from ...model import kinds, ops, rereading
from ..dialogs import meeting_forms as forms
from ..dialogs import note_forms
from ..dialogs.consent_forms import DomainConsentDialog
from ..dialogs.forms import DELETE, Confirm, FormDialog, FormField, FormResult, TextPrompt
from ...services.display import AGREEMENT_SYMBOL, STATUS_SYMBOL, date_text, one_line, time_text
from ...model.minute_state import outdated_sentence
from ...model.rereading import Entry
from ..text import colon, current_lang, domains_short, key, lbl, quote, quote_parts, tr
from ..widgets import AppBar, Choices, PHASE_KEYS, PHASES
from . import issue_flow
from . import notes
from .actions import LEVEL_MARK, finding_prompt
from .base import MeetingScreen

INDENT = {"item": 0, "frame": 0, "close": 0, "speaker": 1, "actions": 1, "disagreements": 1, "empty": 2}
NOTE_INDENT = 3
HINT_MARK = "!"
REREAD_KEY = "F12"




class RereadBar(AppBar):
    """The top bar with the rereading step after the five steps of the meeting (shortened when narrow)."""

    def _tabs(self, form: str = "full") -> Content:
        current: Content | tuple[str, str] = (f"[{REREAD_KEY} {tr('phase.reread')}]", "bold reverse")
        if self.current == "preview":
            current = Content.assemble(current, (f" › {tr('phase.preview')}", "bold"))
        if form == "full":
            parts: list = []
            for phase in PHASES:
                parts += [f"{PHASE_KEYS[phase]} {tr('phase.' + phase)}", " "]
            return Content.assemble(*parts, current)
        return Content.assemble(tr("reread.steps_short"), " ", current)


class RereadScreen(MeetingScreen):
    """Rereading (F12). Essential at 80x24, on screen without scrolling (tests/test_tui_layout_80x24.py):
    whether the minute was issued and how late; the notes from the first; how many notes to reread and
    the keys to see which (l) and go to the next (n); the checks."""

    PHASE = "reread"
    CSS_PATH = "reread.tcss"

    BINDINGS = [
        key("e", "edit", "reread_edit", show=False),
        key("o,ctrl+o", "options", "reread_options"),
        key("n", "next_hint", "reread_next"),
        key("v", "flagged_list", "reread_flagged_list"),
        key("exclamation_mark", "checks_list", "checks_list", show=False, key_display="!"),
        key("c", "consent", "reread_consent"),
        key("p", "preview", "reread_preview"),
        key("i", "issue", "reread_issue"),
        key("l", "letter", "reread_letter"),
        key("delete,d", "remove", "reread_remove", show=False, key_display="suppr/d"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.findings: list[Finding] = []
        self.flags: dict[str, int] = {}
        """Option key -> number of hints and findings on that note (n goes from one to the next)."""
        self._lookup: rereading.NoteLookup | None = None
        """The notes of the meeting as last drawn, by kind and id."""
        self._drawn: dict[str, tuple[object, Option, int]] = {}
        """Option key -> (what its line was drawn from, its option, its flags). Drawn again after a
        change, a line is made anew only when what it is drawn from changed: at the very large size,
        making all 3,000 lines (the writing helper on each note, the letter's wording of each action)
        took about a second of CPU at each step switch following a change."""
        self._keys: list[str] = []
        """The option keys of `entries`, in their order, as drawn last."""
        self._drawn_shared: tuple | None = None
        """What every line was drawn from (`rereading.shared_source`, the language): when it changes,
        every line is made anew."""
        self._drawn_checks: list | None = None
        """The checks the checks box shows, by what they say (not drawn again when unchanged)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield RereadBar(self.PHASE, id="app-bar") if isinstance(widget, AppBar) else widget

    def body(self) -> ComposeResult:
        yield Static("", id="reread-status", markup=False)
        with Horizontal(id="reread-grid"):
            with Vertical(id="reread-notes-box", classes="box") as box:
                box.border_title = tr("reread.notes_title")
                yield Choices(id="reread-notes")
            with Vertical(id="reread-side"):
                with Vertical(id="reread-checks-box", classes="box") as box:
                    box.border_title = tr("checks.title")
                    yield Choices(id="reread-findings")
                with VerticalScroll(id="reread-detail-box", classes="box") as box:
                    box.border_title = tr("reread.detail_title")
                    yield Static("", id="reread-detail", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        notes = self.query_one("#reread-notes", Choices)
        notes.focus()
        if notes.highlighted is None:
            self._highlight_first_note()

    # -- what is shown ------------------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.capp.language

    def refresh_view(self) -> None:
        m = self.meeting
        self.findings = self.capp.readiness() + self.capp.letter_findings()
        by_target: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if finding.target_id and finding.target in ("action", "note", "question"):
                by_target.setdefault(finding.target_id, []).append(finding)
        notes = self.query_one("#reread-notes", Choices)
        keep = notes.current_id()
        self.entries = rereading.entries(m)
        keys = [entry.key for entry in self.entries]
        lookup = self._lookup = rereading.NoteLookup(m)
        shared = (self.lang, rereading.shared_source(m))
        if shared != self._drawn_shared:
            self._drawn.clear()
            self._drawn_shared = shared
        # The same lines in the same order: only the prompts of the lines that changed are replaced
        # (the list keeps its place and what it has wrapped); else the list is set again, with the
        # options of the lines that did not change kept as they were made.
        same_lines = notes.option_count == len(keys) and keys == self._keys
        self._keys = keys
        drawn: dict[str, tuple[object, Option, int]] = {}
        options: list[Option] = []
        replaced: list[tuple[int, Content | Padding]] = []
        self.flags = {}
        self._seen = kinds.Seen.of(m)
        """Each item's domains: a note without its own is shown with its item's (the consent reads them so)."""
        with people_fixed(m):  # the letter's wording of an action worded before is remembered
            for n, entry in enumerate(self.entries):
                key = keys[n]
                # a heading reads only what every line shares
                source = (lookup.source(entry), self._checks_source(entry, by_target)) if entry.is_note else None
                old = self._drawn.get(key)
                if old is not None and old[0] == source:
                    option, flags = old[1], old[2]
                else:
                    prompt, flags = self._prompt(m, entry, by_target)
                    if same_lines:
                        option = notes.get_option_at_index(n)
                        replaced.append((n, prompt))
                    else:
                        option = Option(prompt, id=key, disabled=not entry.is_note)
                drawn[key] = (source, option, flags)
                if flags:
                    self.flags[key] = flags
                options.append(option)
        self._drawn = drawn
        if not same_lines:
            notes.set_options(options)
        for n, prompt in replaced:
            notes.replace_option_prompt_at_index(n, prompt)
        index = self._index_of(keep) if keep else None
        if index is not None:
            notes.highlighted = index
        elif self.is_mounted:
            self._highlight_first_note()
        if replaced:
            notes.scroll_to_highlight()  # a line that grew or shrank may have moved the chosen note out of view
        flagged = len(self.flags)
        self.query_one("#reread-notes-box").border_subtitle = (
            tr("reread.flagged_list", count=flagged) if flagged else tr("reread.nothing_flagged"))
        self._findings()
        self._status()
        self._detail()

    def letter_checked(self) -> None:
        """The letter's check, run in a thread for a very large meeting, landed: show its findings."""
        self.refresh_view()

    def _highlight_first_note(self) -> None:
        notes = self.query_one("#reread-notes", Choices)
        for n, entry in enumerate(self.entries):
            if entry.kind not in ("frame", "consent") and entry.is_note:
                notes.highlighted = n
                return

    def _index_of(self, option_key: str) -> int | None:
        if len(self._keys) == len(self.entries):
            return next((n for n, key in enumerate(self._keys) if key == option_key), None)
        return next((n for n, e in enumerate(self.entries) if e.key == option_key), None)

    def _findings(self) -> None:
        choices = self.query_one("#reread-findings", Choices)
        checks = [(f.code, f.level, f.target, f.target_id, f.params) for f in self.findings]
        if checks == self._drawn_checks and choices.option_count:
            return  # the same checks, said the same way (a new version of the meeting makes new findings)
        self._drawn_checks = checks
        keep = choices.highlighted
        choices.set_options([Option(finding_prompt(f, self.lang), id=str(n)) for n, f in enumerate(self.findings)]
                            or [Option(Content(tr("checks.none")), id="none", disabled=True)])
        if self.findings and keep is not None:
            choices.highlighted = min(keep, len(self.findings) - 1)
        errors = sum(1 for f in self.findings if f.level is Level.ERROR)
        self.query_one("#reread-checks-box").border_subtitle = tr("checks.count", errors=errors,
                                                                  total=len(self.findings))

    def _status(self) -> None:
        m = self.meeting
        capp = self.capp
        today = capp.now().date()
        parts: list = []
        issuing = issue_flow.issuing_now(capp)
        if issuing:
            parts.append((f"► {tr('reread.status_issuing', version=issuing)}", "bold"))
        elif m.distribution.issues:
            last = m.distribution.issues[-1]
            files = len({r.file_name for r in last.recipients})
            when = last.at.astimezone()
            changed = self.capp.minute_changes()
            if changed and changed.total:  # the meeting moved on since: that version no longer matches it
                parts.append((f"! {outdated_sentence(changed, date_text(when.date()), current_lang())} "
                              f"{tr('reread.outdated_next', next=changed.next_version)}", "bold"))
            else:
                issued = tr("reread.status_issued", version=last.version, date=date_text(when.date()),
                            time=time_text(when.time()), count=files)
                parts.append((f"√ {issued}", "bold"))
            if last.what_changed and self.app.size.width >= 120:
                parts += [" · ", (tr("reread.status_changed") + " ", "italic"), one_line(last.what_changed, 60)]
        else:
            due = rereading.minute_due(0, m.date, today, capp.config.minute_due_days)
            within = tr("count.days", count=capp.config.minute_due_days)
            if due.days is None:
                parts.append((f"○ {tr('reread.status_not_issued')}", "bold"))
            elif due.late:
                parts.append((f"! {tr('reread.status_late', days=tr('count.days', count=due.days), due=within)}",
                              "bold $error"))
            elif due.days == 0:
                parts.append((f"○ {tr('reread.status_today', due=within)}", "bold"))
            else:
                parts.append((f"○ {tr('reread.status_waiting', days=tr('count.days', count=due.days), due=within)}",
                              "bold"))
        self.query_one("#reread-status", Static).update(Content.assemble(*parts))

    # -- one line per entry --

    def _prompt(self, m: Meeting, entry: Entry, by_target: dict[str, list[Finding]]) -> tuple[Content | Padding, int]:
        """The line of one entry, indented as its kind, and its number of hints and checks."""
        content, flags = self._content(m, entry, by_target)
        indent = NOTE_INDENT if entry.is_note else INDENT.get(entry.kind, 0)
        return (Padding(content, Spacing(0, 0, 0, indent)) if indent else content), flags

    def _checks_of(self, entry: Entry, by_target: dict[str, list[Finding]]) -> list[Finding]:
        """The checks shown under a note: those about it, the person's words as a whole under their last
        word (not one about another of their notes), the consent's under the consent."""
        if entry.kind == "last_word":
            return [f for f in self.findings if f.target == "person_view" and not f.target_id]
        if entry.kind == "consent":
            return [f for f in self.findings if f.target == "consent"]
        return by_target.get(entry.id, []) if entry.id and entry.is_note else []

    def _checks_source(self, entry: Entry, by_target: dict[str, list[Finding]]) -> tuple:
        """What the checks under a note say (a new version of the meeting makes new Finding objects)."""
        found = self._checks_of(entry, by_target)
        return tuple([(f.code, f.level, f.params) for f in found]) if found else ()

    def _hint_lines(self, text: str, m: Meeting, speaker_id: str = "") -> list:
        found: list[Hint] = hints(text, m, self.lang, speaker_id) if text.strip() else []
        parts: list = []
        for hint in found:
            parts += ["\n", (f"{HINT_MARK} {tr('reread.hint_' + hint.kind)} {quote(hint.term)} ", "bold $warning"),
                      (f": {hint.why}", "italic")]
        return parts

    def _finding_lines(self, findings: list[Finding]) -> list:
        parts: list = []
        for finding in findings:
            style = {Level.ERROR: "bold $error", Level.WARNING: "bold $warning", Level.INFO: "dim"}[finding.level]
            parts += ["\n", (f"{LEVEL_MARK[finding.level]} {finding.level_label(self.lang)}{colon()}", style),
                      finding.sentence(self.lang)]
        return parts

    def _revision_lines(self, m: Meeting, target: str, now_text: str) -> list:
        found = self._lookup.revisions_of(target) if self._lookup is not None else rereading.revisions_of(m, target)
        if not found:
            return []
        last = found[-1]
        when = last.at.astimezone()
        text = tr("reread.revised", date=date_text(when.date()), time=time_text(when.time()), count=len(found))
        before = one_line(rereading.changed_part(last.before, now_text), 120)
        return ["\n", (f"~ {text} ", "italic"), *quote_parts(before, "dim", "dim")]

    def marks(self, m: Meeting, *, nature: Nature | None = None, domains=(),
              visibility: Visibility | None = None) -> list:
        parts: list = []
        if nature is not None and nature is not Nature.FACT:
            parts.append((f" [{lbl(nature)}]", "italic"))
        if domains:
            parts.append((f" [{domains_short(domains)}]", "dim"))
        if visibility is not None and visibility.kind is not VisibilityKind.MINUTE:
            text = lbl(visibility.kind)
            if visibility.kind is VisibilityKind.RESTRICTED:
                names = ", ".join(m.name_of(x) for x in visibility.recipients)
                text += f"{colon()}{names}" if names else ""
            parts.append((f" [{text}]", "bold italic"))
        return parts

    def _domains(self, record) -> tuple:
        """The domains the consent reads on a record: its own, else its agenda item's."""
        seen = getattr(self, "_seen", None) or kinds.Seen.of(self.meeting)
        return seen.domains(record.domains, record.item_id)

    def _content(self, m: Meeting, entry: Entry, by_target: dict[str, list[Finding]]) -> tuple[Content, int]:
        kind = entry.kind
        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        if kind == "frame":
            return Content.assemble(("■ " + tr("reread.frame"), "bold reverse")), 0
        if kind == "close":
            return Content.assemble(("■ " + tr("reread.close"), "bold reverse")), 0
        if kind == "item":
            item = m.item(entry.id)
            if item is None:
                return Content.assemble(("■ " + tr("reread.general"), "bold reverse")), 0
            number = m.agenda.index(item) + 1
            return Content.assemble((f"■ {number}. ", "bold reverse"), (item.title, "bold reverse")), 0
        if kind == "speaker":
            who = m.participant(entry.id)
            if who is None:
                return Content.assemble(("» " + tr("reread.no_voice"), "bold")), 0
            if who.kind is ParticipantKind.PERSON:
                own = (" · " + tr("reread.own_words"), "italic")
                return Content.assemble(("» ", "bold"), (who.name, "bold"), own), 0
            where = who.organisation or lbl(who.kind)
            return Content.assemble(("» ", "bold"), (who.name, "bold"), (" · " + one_line(where, 50), "dim")), 0
        if kind in ("actions", "disagreements"):
            return Content.assemble((f"» {tr('reread.' + kind)}", "bold")), 0
        if kind == "empty":
            return Content.assemble((tr("reread.nothing_noted"), "italic dim")), 0

        parts: list = []
        text = ""
        target = ""
        findings = self._checks_of(entry, by_target)
        lookup = self._lookup if self._lookup is not None else rereading.NoteLookup(m)
        record: Any = lookup.record(kind, entry.id)
        if kind == "contribution":
            c = record
            text = c.text
            parts = [c.text, *self.marks(m, nature=c.nature, domains=self._domains(c), visibility=c.visibility)]
        elif kind == "person_view":
            v = record
            text = v.text
            target = rereading.words_target(kind, v.id)
            aspect = [(lbl(v.aspect) + colon(), "italic")] if v.aspect is not ViewAspect.GENERAL else []
            parts = [*aspect, *quote_parts(v.text, "bold"), *self.marks(m, domains=self._domains(v), visibility=v.visibility)]
        elif kind == "step":
            s = record
            text = s.what
            since = f" · {tr('reread.since')} {s.since}" if s.since else ""
            parts = [(f"{tr('reread.step')} ({lbl(s.status)}){colon()}", "italic"), s.what, (since, "dim"),
                     *self.marks(m, domains=[s.domain], visibility=s.visibility)]
        elif kind == "picture":
            p = record
            text = p.text
            parts = [(lbl(p.kind).capitalize() + colon(), "italic"), p.text,
                     *self.marks(m, domains=self._domains(p), visibility=p.visibility)]
        elif kind == "scale":
            r = record
            text = r.comment
            if rereading.is_person(m, r.voice_id):
                target = rereading.words_target(kind, r.id)
            parts = [(f"{tr('reread.scale')}{colon()}", "italic"), (f"{r.value}/10", "bold")]
            if r.comment:
                parts += ["  ", quote(r.comment)]
            parts += self.marks(m, domains=self._domains(r))
        elif kind == "disagreement":
            d = record
            text = f"{d.about} {d.resolution}"
            state = tr("reread.settled") if d.settled else tr("reread.not_settled")
            between = ", ".join(m.name_of(x) for x in d.between)
            parts = [d.about, (f" ({between})" if between else "", "dim"), "\n", (state + colon(), "italic"),
                     d.resolution or "–", *self.marks(m, domains=self._domains(d), visibility=d.visibility)]
        elif kind == "action":
            a = record
            assert a is not None
            text = f"{a.what} {a.person_words}"
            target = rereading.words_target(kind, a.id)
            carrier = carrier_name(m, a) or "–"
            parts = [(f"{tr('reread.action')}{colon()}", "italic"), a.what, "\n",
                     (f"{STATUS_SYMBOL[a.status]} ", "bold"), (tr("reread.action_who", carrier=carrier,
                                                                   due=date_text(a.due) or "–") + " · ", "dim"),
                     (f"{AGREEMENT_SYMBOL[a.agreement]} {lbl(a.agreement)}", "bold"),
                     *self.marks(m, domains=self._domains(a))]
            if a.person_words:
                parts += ["\n", *quote_parts(a.person_words, "bold")]
            parts += ["\n", (f"✉ {tr('reread.letter')}{colon()}", "italic"), wording(m, a, m.language.value)]
            if not a.person_wording.strip():
                parts.append((f" ({tr('reread.letter_rules')})", "dim"))
        elif kind == "last_word":
            text = m.last_word
            target = rereading.words_target(kind)
            parts = [(tr("reread.last_word", name=name) + colon(), "italic")]
            parts += quote_parts(m.last_word, "bold") if m.last_word else [(tr("reread.none"), "dim")]
            if m.person_view_missing_reason:
                parts += ["\n", (tr("close.no_view_reason") + " ", "italic"), m.person_view_missing_reason]
        elif kind == "question":
            q = record
            text = q.text
            parts = [(tr("reread.question") + colon(), "italic"), q.text, *self.marks(m, domains=self._domains(q))]
        elif kind == "consent":
            target = rereading.words_target(kind)
            text = m.consent.person_words
            parts = self._consent_parts(m, name)
        hint_parts = self._hint_lines(text, m, self._speaker(m, entry))
        parts += hint_parts
        parts += self._finding_lines(findings)
        if target:
            words = {"person_view": text, "scale": text, "last_word": text, "consent": text}.get(kind)
            if kind == "action":
                words = record.person_words
            parts += self._revision_lines(m, target, words or "")
        flags = len(hint_parts) // 3 + len(findings)
        return Content.assemble(*parts), flags

    def _consent_parts(self, m: Meeting, name: str) -> list:
        c = m.consent
        parts: list = [(tr("reread.consent") + colon(), "italic"), (lbl(c.status), "bold")]
        if c.date:
            parts.append((f" ({date_text(c.date)})", "dim"))
        if c.person_words:
            parts += ["\n", (tr("reread.consent_words", name=name) + " ", "italic"), *quote_parts(c.person_words, "bold")]
        if c.status is ConsentStatus.PARTIAL:
            if c.domains:
                rules = []
                for rule in c.domains:
                    if rule.sharing is DomainSharing.NAMED:
                        who = ", ".join(m.name_of(p) for p in rule.participants)
                        rules.append(f"{lbl(rule.domain)} ► {who}")
                    else:
                        mark = "√" if rule.sharing is DomainSharing.ALL else "×"
                        rules.append(f"{lbl(rule.domain)} {mark} {lbl(rule.sharing)}")
                parts += ["\n", (tr("reread.consent_by_domain") + " ", "italic"), " · ".join(rules)]
            elif c.scope:
                parts += ["\n", (tr("reread.consent_scope") + " ", "italic"), c.scope]
        return parts

    def _detail(self) -> None:
        """The note chosen, in full (wide screens): when, where, who may read it, hints and their why."""
        detail = self.query_one("#reread-detail", Static)
        entry = self._current()
        if entry is None or not entry.is_note:
            detail.update(Content(tr("reread.detail_none")))
            return
        m = self.meeting
        parts: list = [(tr("reread.kind." + entry.kind), "bold")]
        item = m.item(entry.item_id)
        if item is not None:
            parts += ["\n", (tr("reread.on_item") + " ", "italic"), item.title]
        at = self._note_time(m, entry)
        if at:
            parts += ["\n", (tr("reread.at") + " ", "italic"), at]
        visibility = self._visibility(m, entry)
        if visibility is not None:
            parts += ["\n", (tr("note.field_visibility") + colon(), "italic"), lbl(visibility.kind)]
            if visibility.kind is VisibilityKind.RESTRICTED:
                parts.append(" (" + ", ".join(m.name_of(x) for x in visibility.recipients) + ")")
        for hint in hints(self._note_text(m, entry), m, self.lang, self._speaker(m, entry)):
            parts += ["\n\n", (f"{HINT_MARK} {tr('reread.hint_' + hint.kind)} {quote(hint.term)}", "bold $warning"),
                      "\n", hint.why]
        if entry.kind in ("person_view", "last_word", "consent", "action") or (
                entry.kind == "scale" and rereading.is_person(m, self._scale_voice(m, entry.id))):
            target = rereading.words_target(entry.kind, entry.id)
            for revision in rereading.revisions_of(m, target):
                when = revision.at.astimezone()
                parts += ["\n", (tr("reread.revised_detail", date=date_text(when.date()),
                                    time=time_text(when.time())) + " ", "italic"), quote(revision.before)]
        detail.update(Content.assemble(*parts))

    @staticmethod
    def _note_text(m: Meeting, entry: Entry) -> str:
        """The words of a note that the writing helper reads."""
        kind = entry.kind
        if kind == "last_word":
            return m.last_word
        if kind == "consent":
            return m.consent.person_words
        if kind == "action":
            found = m.action(entry.id)
            return f"{found.what} {found.person_words}" if found else ""
        collections = {"contribution": (m.contributions, "text"), "person_view": (m.person_views, "text"),
                       "step": (m.steps, "what"), "picture": (m.picture, "text"), "scale": (m.scales, "comment"),
                       "disagreement": (m.disagreements, "about"), "question": (m.open_questions, "text")}
        collection, attribute = collections.get(kind, ([], ""))
        found = next((x for x in collection if x.id == entry.id), None)
        return getattr(found, attribute, "") if found is not None else ""

    @staticmethod
    def _speaker(m: Meeting, entry: Entry) -> str:
        """Who wrote or said the note (a diagnosis is a clinician's to write)."""
        if entry.kind == "contribution":
            return next((c.speaker_id for c in m.contributions if c.id == entry.id), "")
        if entry.kind == "picture":
            return next((p.voice_id for p in m.picture if p.id == entry.id), "")
        return ""

    @staticmethod
    def _scale_voice(m: Meeting, rid: str) -> str:
        return next((r.voice_id for r in m.scales if r.id == rid), "")

    @staticmethod
    def _note_time(m: Meeting, entry: Entry) -> str:
        element = None
        if entry.kind == "contribution":
            element = next((x.at for x in m.contributions if x.id == entry.id), None)
        elif entry.kind == "person_view":
            element = next((x.at for x in m.person_views if x.id == entry.id), None)
        elif entry.kind == "action":
            found = m.action(entry.id)
            element = found.created_at if found else None
        if element is None:
            return ""
        local = element.astimezone()
        return f"{date_text(local.date())} {time_text(local.time())}"

    @staticmethod
    def _visibility(m: Meeting, entry: Entry) -> Visibility | None:
        for collection, kind in ((m.contributions, "contribution"), (m.person_views, "person_view"),
                                 (m.steps, "step"), (m.picture, "picture"), (m.disagreements, "disagreement")):
            if entry.kind == kind:
                found = next((x for x in collection if x.id == entry.id), None)
                return found.visibility if found is not None else None
        return None

    def on_option_list_option_highlighted(self, event: Choices.OptionHighlighted) -> None:
        if event.option_list.id == "reread-notes":
            event.stop()
            if self.capp.meeting is not None:
                self._detail()
                self.refresh_bindings()

    # -- choosing --

    def _current(self) -> Entry | None:
        notes = self.query_one("#reread-notes", Choices)
        index = notes.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return None
        return self.entries[index]

    def show_entry(self, kind: str, element_id: str = "") -> Entry | None:
        """Put the cursor on a note (the notes list gets the focus)."""
        for n, entry in enumerate(self.entries):
            if entry.kind == kind and (entry.id == element_id or not element_id):
                notes = self.query_one("#reread-notes", Choices)
                notes.highlighted = n
                notes.focus()
                return entry
        return None

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "reread-notes":
            self.action_edit()
        elif event.option_list.id == "reread-findings" and (event.option.id or "").isdigit():
            self.go_to_finding(self.findings[int(event.option.id or 0)])

    def action_flagged_list(self) -> None:
        """The notes to reread, one line each (who, the first words, what to look at): Enter goes there."""
        if not self.flags:
            self.capp.say(tr("reread.nothing_flagged"))
            return
        m = self.meeting
        self._lookup = rereading.NoteLookup(m)
        by_target: dict[str, list[Finding]] = {}
        for finding in self.findings:
            if finding.target_id and finding.target in ("action", "note"):
                by_target.setdefault(finding.target_id, []).append(finding)
        listed = []
        for entry in self.entries:
            if entry.key in self.flags:
                content, _ = self._content(m, entry, by_target)
                lines = content.plain.split("\n")
                looks = [line.strip() for line in lines[1:] if line.strip()[:1] in ("!", "i", HINT_MARK)]
                who = self._whose(m, entry)
                # every warning whole, each on its own lines (wrapped): cut at 70 characters, the tester
                # read « La note parle d'une personne qui n'e… » at 80x24 and not what to do about it
                warnings = [part for look in looks for part in ("\n", (look, "italic"))]
                listed.append((entry.key, Content.assemble(
                    (f"{who} · " if who else "", "bold"), one_line(lines[0], 60), *warnings)))

        def go(option_key: str | None) -> None:
            index = self._index_of(option_key) if option_key else None
            if index is not None:
                notes = self.query_one("#reread-notes", Choices)
                notes.highlighted = index
                notes.focus()

        from ..dialogs.flagged_notes import FlaggedNotes

        self.app.push_screen(FlaggedNotes(listed), go)

    def _whose(self, m: Meeting, entry: Entry) -> str:
        """Who said the note (the speaker heading above it), for the list of notes to reread."""
        index = self.entries.index(entry)
        for before in reversed(self.entries[:index]):
            if before.kind == "speaker":
                return m.name_of(before.id)
            if before.kind in ("item", "frame", "close", "actions", "disagreements"):
                return ""
        return ""

    def action_next_hint(self) -> None:
        """The next note with a hint or a check (from the cursor, round to the top)."""
        if not self.flags:
            self.capp.say(tr("reread.nothing_flagged"))
            return
        notes = self.query_one("#reread-notes", Choices)
        start = notes.highlighted if notes.highlighted is not None else -1
        count = len(self.entries)
        for step in range(1, count + 1):
            index = (start + step) % count
            if self.entries[index].key in self.flags:
                notes.highlighted = index
                notes.focus()
                return

    # -- editing --------------------------------------------------------------------------------------

    def action_edit(self) -> None:
        entry = self._current()
        if entry is not None and entry.is_note:
            self.edit_entry(entry)

    def _note(self, entry: Entry) -> Any:
        return kinds.find(self.meeting, entry.kind, entry.id)

    def _person_words(self, kind: str, found: Any) -> tuple[str, str, str] | None:
        """(field, revision target, the words) when the note holds the person's own words."""
        field = kinds.KINDS[kind].person_words
        if not field or (kind == "scale" and not rereading.is_person(self.meeting, found.voice_id)):
            return None
        return field, rereading.words_target(kind, found.id), getattr(found, field)

    def edit_entry(self, entry: Entry) -> None:
        m = self.meeting
        kind = entry.kind
        if kind == "last_word":
            self._edit_last_word()
            return
        if kind == "consent":
            self._edit_consent()
            return
        if kind not in kinds.KINDS:
            return
        found = self._note(entry)
        if found is None:
            return
        form = notes.FORMS[kind].form(m, found, True)
        self._form(form, entry, found, self._person_words(kind, found))

    def _form(self, form: FormDialog, entry: Entry, found: Any, words: tuple[str, str, str] | None) -> None:
        """Open `form`; save through the kind's operation, delete (its third button) after a confirmation.

        `words` = (field, revision target, the words before): the person's own words, corrected only
        after a confirmation, with what they said before kept."""
        edit = kinds.KINDS[entry.kind].edit

        def done(values: FormResult) -> None:
            if not values:
                return
            if values == DELETE:
                self._confirm_remove(entry, found, words)
                return
            if words is not None:
                field, target, before = words
                self.correct_words(before, values[field], target, edit, (found, values),
                                   (found, {**values, field: before}))
            else:
                self.change(edit, found, values)

        self.app.push_screen(form, done)

    def correct_words(self, before: str, after: str, target: str, edit: Callable[..., Any], args_all: tuple,
                      args_rest: tuple, then: Callable[[], Any] | None = None) -> None:
        """Save a form that may change the person's own words: unchanged or new words at once; changed
        ones after a confirmation, keeping what they said before (the rest of the form, `args_rest`, is
        saved either way). `then` runs once the form is saved."""
        if not rereading.words_changed(before, after) or not before.strip():
            self.change(edit, *args_all)
            if then is not None:
                then()
            return
        person = self.meeting.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        at = self.capp.now()

        def answer(yes: bool | None) -> None:
            if yes:
                if self.change(ops.correct_words, edit, args_all, target, before, at):
                    self.capp.say(tr("reread.words_corrected"))
            else:
                self.change(edit, *args_rest)
                self.capp.say(tr("reread.words_kept", name=name))
            if then is not None:
                then()

        question = Content.assemble(
            tr("reread.words_question", name=name), "\n\n", (tr("reread.words_before") + " ", "bold"),
            quote(one_line(before, 300)), "\n",
            (tr("reread.words_after") + " ", "bold"), quote(one_line(after, 300)),
            "\n\n", (tr("reread.words_kept_note"), "italic"))
        self.app.push_screen(Confirm(tr("reread.words_title", name=name), question, yes=tr("reread.words_yes"),
                                     danger=False), answer)

    def _confirm_remove(self, entry: Entry, found: Any, words: tuple[str, str, str] | None) -> None:
        at = self.capp.now()
        collection = kinds.KINDS[entry.kind].collection
        text = kinds.KINDS[entry.kind].words(self.meeting, found)

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            if words is not None and words[2].strip():
                self.change(ops.remove_record_keeping_words, collection, found.id, words[1], words[2], at)
            else:
                self.change(ops.remove_record, collection, found.id)

        self.app.push_screen(Confirm(tr("note.remove_title"), tr("note.remove_question", text=one_line(text, 80)),
                                     yes=tr("form.delete")), answer)

    def action_remove(self) -> None:
        entry = self._current()
        if entry is None or not entry.is_note or entry.kind not in kinds.KINDS:
            return
        found = self._note(entry)
        if found is not None:
            self._confirm_remove(entry, found, self._person_words(entry.kind, found))

    def _edit_last_word(self) -> None:
        m = self.meeting
        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        before = m.last_word

        def done(text: str | None) -> None:
            if text is None:
                return
            after = text.strip()
            self.correct_words(before, after, rereading.words_target("last_word"),
                               ops.set_last_word, (after,), (before,))

        self.app.push_screen(TextPrompt(tr("close.word_title"), tr("close.word_caption", name=name), before), done)

    def _edit_consent(self) -> None:
        m = self.meeting
        before = m.consent.person_words
        today = self.capp.now().date()

        def done(values: FormResult) -> None:
            if not values:
                return
            def then() -> None:
                consent = self.meeting.consent
                if consent.status is ConsentStatus.PARTIAL and not consent.domains:
                    self.action_consent()  # a partial consent is said domain by domain

            self.correct_words(before, values["person_words"], rereading.words_target("consent"),
                               ops.set_consent, (values, today), ({**values, "person_words": before}, today), then)

        self.app.push_screen(forms.consent_form(m), done)

    def action_consent(self) -> None:
        """The consent per life domain (partial consent), else the consent itself."""
        if self.meeting.consent.status is ConsentStatus.PARTIAL:
            self.show_entry("consent")
            self.app.push_screen(DomainConsentDialog())
        else:
            self.show_entry("consent")
            self._edit_consent()

    def action_options(self) -> None:
        """The details of the note chosen: visibility (and nature and domains of a contribution)."""
        entry = self._current()
        if entry is None:
            return
        self.edit_visibility(entry)

    def edit_visibility(self, entry: Entry, *, only: bool = False) -> None:
        """The visibility of a note first (and for a contribution its nature and domains, unless `only`)."""
        m = self.meeting
        if entry.kind == "contribution" and not only:
            c = next(x for x in m.contributions if x.id == entry.id)
            form = FormDialog(tr("reread.options_title"), [
                *forms.visibility_fields(m, c.visibility),
                FormField("nature", tr("note.field_nature"), "radio", c.nature, forms.enum_options(Nature),
                          note=tr("note.nature_note")),
                FormField("domains", tr("note.field_domains"), "multi", c.domains, forms.domain_options()),
            ], intro=Content(one_line(c.text, 200)), validate=forms._visibility_problem)
            self.app.push_screen(form, lambda v: v and self.change(ops.edit_contribution, c, v))
            return
        kind = kinds.KINDS.get(entry.kind)
        element = kinds.find(m, entry.kind, entry.id) if kind is not None and kind.has_visibility else None
        if element is None:
            if entry.is_note:
                self.capp.say(tr("reread.no_visibility"))
            return
        text = kind.words(m, element)

        def done(values: FormResult) -> None:
            if values:
                self.change(ops.set_visibility, element, values)

        domains = getattr(element, "domains", None) or ([element.domain] if hasattr(element, "domain") else [])
        self.app.push_screen(note_forms.visibility_form(m, element.visibility, one_line(text, 200), domains), done)

    # -- checks, preview, issue ---------------------------------------------------------------------------

    def action_letter(self) -> None:
        """How the letter to the person says the chosen action: the rules' proposal, rewritten at will."""
        entry = self._current()
        action = self.meeting.action(entry.id) if entry is not None and entry.kind == "action" else None
        if action is None:
            self.capp.say(tr("reread.letter_not_action"))
            return
        self.edit_letter_wording(action.id)

    def edit_letter_wording(self, action_id: str) -> None:
        m = self.meeting
        action = m.action(action_id)
        if action is None:
            return
        lang = m.language.value
        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        proposed = propose(m, action, lang)

        def done(text: str | None) -> None:
            if text is None:
                return
            after = " ".join(text.split())
            mine = "" if not after or after == " ".join(proposed.split()) else after
            if self.change(ops.set_fields, action, person_wording=mine):
                self.capp.say(tr("reread.letter_saved", wording=one_line(mine, 80)) if mine
                              else tr("reread.letter_reset"))

        self.app.push_screen(TextPrompt(tr("reread.letter_title"), tr("reread.letter_caption", name=name),
                                        wording(m, action, lang), intro=Content(one_line(action.what, 200))), done)

    def action_checks_list(self) -> None:
        """The checks counted under their box, in full: Enter opens the note one is about."""
        from ..dialogs.checks_list import show_checks

        show_checks(self.capp, self.capp.readiness())

    def go_to_finding(self, finding: Finding) -> None:
        """What a readiness finding concerns, here: its note chosen and opened."""
        m = self.meeting
        target = finding.target
        if finding.code.startswith("letter_") and target in ("action", "question"):
            entry = self.show_entry(target, finding.target_id)
            if entry is not None:
                self.edit_letter_wording(entry.id) if target == "action" else self.edit_entry(entry)
            return
        if target == "action":
            entry = self.show_entry("action", finding.target_id)
            if entry is not None:
                self.edit_entry(entry)
        elif target == "note":
            for kind in ("contribution", "person_view", "step", "picture", "disagreement", "scale", "question"):
                entry = self.show_entry(kind, finding.target_id)
                if entry is not None:
                    self.edit_visibility(entry) if finding.code == "restricted_no_recipient" else self.edit_entry(entry)
                    return
        elif target == "consent":
            self.action_consent() if finding.code == "consent_domains_missing" else (
                self.show_entry("consent"), self._edit_consent())
        elif target == "person_view":
            self.show_entry("last_word")
            self._edit_last_word()
        elif target == "participant":
            participant = m.participant(finding.target_id)
            if participant is not None:
                self.app.push_screen(forms.participant_form(m, participant), lambda v: v and self.change(ops.set_participant, participant, v))
        elif target == "meeting" and finding.code in ("no_date", "no_purpose"):
            self.app.push_screen(forms.details_form(m), lambda v: v and self.change(ops.set_details, v))
        else:
            from .actions import go_to_finding

            self.app.run_worker(go_to_finding(self.capp, finding))

    def go_to_note(self, kind: str, element_id: str) -> None:
        """Show a note whose copies go beyond the consent, and open its visibility."""
        from .preview import PreviewScreen

        while isinstance(self.app.screen, PreviewScreen):
            self.app.pop_screen()
        # Run from this screen's own queue: a dialog's answer goes back to the screen that opened it,
        # and the preview that asked is gone.
        self.call_next(self._edit_note_visibility, kind, element_id)

    def _edit_note_visibility(self, kind: str, element_id: str) -> None:
        entry = self.show_entry("action" if kind == "review" else kind, element_id)  # a carried action is one
        if entry is not None:
            self.edit_visibility(entry, only=True)

    def action_preview(self) -> None:
        from .preview import PreviewScreen

        self.app.push_screen(PreviewScreen(self))

    def action_issue(self) -> None:
        issue_flow.start_issue(self.capp, self.go_to_note)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "letter" and self.is_mounted:
            entry = self._current()
            return True if entry is not None and entry.kind == "action" else None
        if action in ("edit", "options", "remove") and self.is_mounted:
            entry = self._current()
            if entry is None or not entry.is_note:
                return None
            if action == "remove" and entry.kind in ("last_word", "consent"):
                return None
        return True


def minute_due_parts(summary, today, due_days: int) -> list:
    """For the launcher: '· CR à émettre · J+3' (flagged when late), '· CR v1 émis', or nothing."""
    if summary.problem:
        return []
    due = rereading.minute_due(summary.issued, summary.date, today, due_days)
    if due.version and summary.changes and any(summary.changes):  # issued, but the meeting moved on since
        return ["  ", (tr("launcher.minute_outdated", version=due.version, count=sum(summary.changes)), "bold")]
    if due.version:
        return [("  · " + tr("launcher.minute_issued", version=due.version), "dim")]
    if due.days is None:
        return []
    if due.late:
        return ["  ", (tr("launcher.minute_late", days=due.days), "bold $error")]
    return [("  · " + tr("launcher.minute_waiting", days=due.days), "italic")]
