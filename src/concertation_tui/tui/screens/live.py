"""Live (F4): one agenda item at a time.

The agenda with each item's state and timer, the meeting's timer; the round table in speaking order
with who has not spoken yet; what was said on this item; a short typing area for the current speaker
(Enter records); the person's view panel, always on screen. Keys that must work while typing are
F-keys or ctrl+letters (priority); single letters work when a list has the focus (Escape goes there).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static
from textual.widgets.option_list import Option

from ...model import (
    Attendance,
    ItemState,
    Nature,
    ParticipantKind,
    Visibility,
    VisibilityKind,
    ViewAspect,
)
from ...model import ItemOutcome, ops, timing
from ...model.outcomes import outcome
from ...services.display import (
    CURRENT,
    CURRENT_ITEM,
    ITEM_SYMBOL,
    NOT_SPOKEN,
    OVERRUN,
    SPOKEN,
    clock_pair,
    clock_text,
    overrun_minutes,
)
from ..room_words import for_the_room
from ..text import colon, domains_short, key, lbl, quote_parts, tr
from ..later import Later
from ..widgets import Choices, ShortText
from .base import MeetingScreen

if TYPE_CHECKING:
    from ..dialogs.forms import FormResult

# Imported when a key first asks for them, not for the first frame (about 12 ms of the start's CPU);
# the warm-up thread imports them half a second after the start anyway (app._warm_up).
forms = Later("..dialogs.meeting_forms", __package__)
dialogs = Later("..dialogs.forms", __package__)
notes = Later(".notes", __package__)


REFUSAL_REPEAT = 4.0
"""Seconds between two sayings that a read-only session takes no typing (one per burst of letters)."""
DRAFT_DELAY = 0.25
"""Seconds at most between a key typed and the typing area's text kept in the meeting, also while
typing goes on (a deadline, not a pause); the save follows within `app.SAVE_DELAY`, so what is typed
is in the file within a second."""


EXCUSED_MARK = "✉"
"""Beside an excused participant who sent something to read (a message, a written contribution)."""

RECIPIENT_NAMES_WIDTH = 32
"""Longer lists of recipients' names are shown as a count on the live screen (80 columns)."""


class LiveScreen(MeetingScreen):
    """Live (F4). Essential at 80x24, on screen without scrolling (tests/test_tui_layout_80x24.py): the
    current item and both timers; the round table whole (eight participants with the excused who sent
    words, the facilitator last), who has not spoken; the person's view panel; what was said on the item,
    or at an excused partner's turn what they sent; who the typing is for, and the typing line itself
    (never under a toast)."""

    PHASE = "live"
    AUTO_FOCUS = "#note"
    """Textual's first focus goes to the typing area, where on_mount puts it: not first to the agenda
    (each move of the focus restyles both widgets and makes the footer's keys again)."""
    HELP_EXTRA = "help.live_extra"
    """What F1 adds to the keys: how to choose who speaks."""

    BINDINGS = [
        # No single letters here: whatever is typed goes to the typing area, wherever the focus is
        # (a letter taken as a key while one believes one is typing would move the meeting on).
        # ctrl+s is the typing area's own (like Enter: it takes the text as it is at that key). The
        # priority keys wait for the words typed before them (ConcertationApp._defer_key): a note
        # never goes to the next speaker or item.
        key("ctrl+s", "record", "record", show=False),
        key("ctrl+n", "next_speaker", "next_speaker", priority=True),
        key("ctrl+o", "note_options", "speaker_details", priority=True, show=False, binding_id="note-options"),
        key("ctrl+t", "toggle_timer", "toggle_timer", priority=True),
        key("ctrl+pagedown", "next_item", "next_item", priority=True, key_display="^PgDn"),
        key("ctrl+pageup", "previous_item", "previous_item", priority=True, key_display="^PgUp", show=False),
        # The Linux console and PuTTY send ctrl+PgDn/PgUp as plain PgDn/PgUp: from the typing area
        # (a few rows, where they would do nothing) these move between items too; in a list they
        # are the list's. (Actions of their own: Textual's help lists one key per action.)
        key("pagedown", "next_item_plain", "next_item_plain", priority=True, show=False,
            key_display="PgDn", binding_id="next-item-plain"),
        key("pageup", "previous_item_plain", "previous_item_plain", priority=True, show=False,
            key_display="PgUp", binding_id="previous-item-plain"),
        key("ctrl+r", "skip_item", "skip_item", priority=True, show=False),
        key("ctrl+e", "item_outcome", "item_outcome", priority=True, show=False),
        key("f7", "add_action", "add_action", priority=True),
        key("f9", "add_view", "add_view", priority=True),
        key("ctrl+f", "review", "review", priority=True),
        key("ctrl+g", "shared_picture", "shared_picture", priority=True),
        key("ctrl+l", "add_step", "add_step", priority=True, show=False),
        key("escape", "leave_typing", "leave_typing", show=False),
        key("delete", "remove_note", "remove_note", show=False, key_display="suppr"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pending = self._fresh_pending()
        self._draft_timer = None
        self._refused_at = -REFUSAL_REPEAT  # when a letter typed in a read-only session was last refused
        self._back_to = None
        """The list a note was opened from for editing: focused again when the dialog closes."""
        self._read_out: set[tuple[str, str]] = set()
        """(item, excused participant) whose turn went by in this session: what they sent was read out."""
        self.ended_item_id: str | None = None
        """The item left by ^PgDn a moment ago: ^e says what came of it (see action_item_outcome)."""

    @staticmethod
    def _fresh_pending() -> dict:
        return {"nature": Nature.FACT, "domains": [], "visibility": VisibilityKind.MINUTE, "recipients": [],
                "aspect": ViewAspect.GENERAL}

    def body(self) -> ComposeResult:
        with Horizontal(id="item-bar"):
            yield Static("", id="item-info", markup=False)
            yield Static("", id="meeting-info", markup=False)
        with Vertical(id="live-grid"):
            with Vertical(id="agenda-box", classes="box") as box:
                box.border_title = tr("live.agenda_title")
                yield Choices(id="live-agenda")
            with Vertical(id="round-box", classes="box") as box:
                box.border_title = tr("live.round_title")
                yield Choices(id="round")
            with Vertical(id="view-box", classes="box") as box:
                yield Choices(id="views")
            with Vertical(id="said-box", classes="box") as box:
                box.border_title = tr("live.said_title")
                yield Choices(id="said")
            with Vertical(id="input-box"):
                yield Label("", id="speaker-line", markup=False)
                yield ShortText("", id="note", placeholder=tr("live.note_placeholder"),
                                submit_keys=("enter", "ctrl+s"), clear_on_submit=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.capp.live_screen = self
        note = self.query_one("#note", ShortText)
        meeting = self.capp.meeting
        if meeting is not None and meeting.progress.draft:
            note.text = meeting.progress.draft  # typed before the connection dropped: still there
            self.capp.typed_draft = note.text
            note.move_cursor(note.document.end)
        note.focus()
        self.set_interval(1.0, self.tick)

    def on_text_area_changed(self, event: ShortText.Changed) -> None:
        """Keep what is being typed in the meeting file too, at most DRAFT_DELAY after each key."""
        if event.text_area.id != "note":
            return
        self.capp.typed_draft = event.text_area.text  # for the emergency writes, from a thread
        if self._draft_timer is None:  # a deadline from the first unkept key, not restarted
            self._draft_timer = self.set_timer(DRAFT_DELAY, self.keep_draft_now)

    def keep_draft_now(self) -> None:
        """Move the typing area's text into the meeting (and so to the next save), now."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        text = self.query_one("#note", ShortText).text
        self.capp.typed_draft = text
        meeting = self.capp.meeting
        if meeting is not None and meeting.progress.draft != text:
            self.capp.change(ops.keep_draft, text, quiet=True, refresh=False, typing=True)

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.app.screen is not self:
            return  # a dialog that followed another (edit, then « delete? »): not back yet
        # back from a dialog or another step: typing; back from editing a note chosen in a list: that
        # list, on that note (the facilitator was going through them, not typing)
        back_to, self._back_to = self._back_to, None
        if back_to is not None and back_to.is_attached:
            back_to.focus()
        else:
            self.query_one("#note", ShortText).focus()
        item = self.item
        if item is not None and item.is_review:  # (the review's code, with its forms, imported only then)
            from .review import offer_review

            offer_review(self)  # a follow-up starts with the review of the previous actions

    def draft(self) -> str:
        return self.query_one("#note", ShortText).text.strip()

    def on_key(self, event) -> None:
        """A letter typed while a list has the focus goes to the typing area, not to a key."""
        if event.is_printable and event.character and isinstance(self.focused, Choices):
            note = self.query_one("#note", ShortText)
            if note.read_only:  # nothing may be written in this session: said at the first letter
                event.stop()
                event.prevent_default()
                self.on_short_text_refused(ShortText.Refused(note))
                return
            note.focus()
            note.insert(event.character)
            event.stop()
            event.prevent_default()

    # -- what is shown --

    @property
    def item(self):
        return timing.current_item(self.meeting)

    def speakers(self) -> list:
        """The round table with the facilitator (last unless moved: their own remarks must not go to
        someone else) and, at their place, the excused who sent something to read on this item (once,
        where they would have spoken: `Meeting.to_read`)."""
        m = self.meeting
        item = self.item
        speakers = list(m.round_table(with_messages=True, item_id=item.id if item else None))
        facilitator = m.participant(m.facilitator_id)
        if facilitator is not None and facilitator not in speakers \
                and facilitator.attendance not in (Attendance.EXCUSED, Attendance.ABSENT):
            speakers.append(facilitator)
        return speakers

    def speaker(self):
        m = self.meeting
        found = m.participant(m.progress.speaker_id)
        round_table = m.round_table()
        if found is not None:
            return found
        item = self.item
        waiting = m.not_spoken_yet(item.id) if item else round_table
        return waiting[0] if waiting else (round_table[0] if round_table else None)

    def change(self, edit, *args, **params) -> bool:
        """Every change made from this step keeps the speaker shown: with nobody chosen on the item, the
        speaker shown is the first who has not spoken, and a change that makes them « spoken » (their
        own words by F9, a note moved to them) would otherwise hand the next line to the next one."""
        self._pin_speaker()
        return super().change(edit, *args, **params)

    def create(self, operation, *args, **params):
        self._pin_speaker()
        return super().create(operation, *args, **params)

    def _pin_speaker(self) -> None:
        m = self.capp.meeting
        if m is None or m.progress.speaker_id or self.capp.read_only:
            return
        shown = self.speaker()
        if shown is not None:
            m.progress.speaker_id = shown.id  # saved with the change that follows

    def refresh_view(self) -> None:
        self._reflect_read_only()
        self._item_bar()
        self._agenda()
        self._round()
        self._said()
        self._views()
        self._speaker_line()

    def tick(self) -> None:
        """Every second while the clocks run: only the timers are redrawn."""
        if not self.is_current or self.capp.meeting is None:
            return
        m = self.meeting
        if timing.meeting_running(m):
            self._item_bar()
            item = self.item
            agenda = self.query_one("#live-agenda", Choices)
            if item is not None and agenda.option_count == len(m.agenda):
                index = m.agenda.index(item)
                agenda.replace_option_prompt_at_index(index, self._item_prompt(index, item))
            self._meeting_timer()

    def _item_timer(self, item) -> tuple[str, int]:
        at = self.capp.now()
        elapsed = item.elapsed_seconds(at)
        return clock_text(elapsed), overrun_minutes(elapsed, item.timebox_minutes)

    def _item_bar(self) -> None:
        m = self.meeting
        item = self.item
        info = self.query_one("#item-info", Static)
        if item is None:
            info.update(Content(tr("live.no_agenda")))
            return
        number = m.agenda.index(item) + 1
        elapsed, over = self._item_timer(item)
        state = item.state
        parts: list = [
            (tr("live.item_number", n=number, total=len(m.agenda)) + "  ", "bold"),
            (f"{ITEM_SYMBOL[state]} {lbl(state)}", "bold"),
            f"  {elapsed} / {tr('minutes', n=item.timebox_minutes)}",
        ]
        if over:  # at 80 columns the short form, so that the item's title keeps its own line
            narrow = self.app.size.width < 120  # (the app's -narrow breakpoint: the class may come later)
            words = tr("live.overrun_short" if narrow else "live.overrun", minutes=over)
            parts.append((f"  {OVERRUN} {words}", "bold $error"))
        parts += ["\n", (item.title, "bold")]
        info.update(Content.assemble(*parts))
        self.query_one("#item-bar").set_class(bool(over), "-overrun")

    def _item_prompt(self, index: int, item) -> Content:
        elapsed, over = self._item_timer(item)
        current = self.item is not None and self.item.id == item.id
        mark = CURRENT_ITEM if current else " "
        parts: list = [(f"{mark}{ITEM_SYMBOL[item.state]} {index + 1} ", "bold"),
                       (f"{elapsed}/{item.timebox_minutes}", "bold" if current else "dim")]
        if over:
            parts.append((f" {OVERRUN}+{over}", "bold $error"))
        parts += ["  ", (item.title, "bold") if current else item.title]
        return Content.assemble(*parts)

    def _agenda(self) -> None:
        m = self.meeting
        agenda = self.query_one("#live-agenda", Choices)
        current = self.item
        agenda.set_options([Option(self._item_prompt(n, item), id=item.id) for n, item in enumerate(m.agenda)])
        if current is not None:
            agenda.highlighted = m.agenda.index(current)
        ended = m.item(self.ended_item_id) if self.ended_item_id else None
        box = self.query_one("#agenda-box")
        if ended is not None and ended in m.agenda:  # the item just left: its outcome, one key away
            state = "live.ended_outcome" if ended.outcome is not None else "live.ended_outcome_proposed"
            box.border_subtitle = tr(state, n=m.agenda.index(ended) + 1, outcome=lbl(outcome(m, ended)),
                                     key=self.key_of("item_outcome"))
        else:
            box.border_subtitle = ""
        self._meeting_timer()

    def _meeting_timer(self) -> None:
        m = self.meeting
        at = self.capp.now()
        elapsed = m.elapsed_seconds(at)
        planned = timing.planned_seconds(m)
        over = overrun_minutes(elapsed, planned / 60)
        shown_elapsed, shown_planned = clock_pair(elapsed, planned)
        first: list = [tr("live.meeting_timer", elapsed=shown_elapsed, planned=shown_planned)]
        if over:
            first.append((f" {OVERRUN}+{over}", "bold $error"))
        running = timing.meeting_running(m)
        item = self.item
        if running:
            second = (f"{ITEM_SYMBOL[ItemState.RUNNING]} {tr('live.running')}", "bold")
        elif not m.clock:  # the key as the footer shows it, with the footer's word (binding_words)
            second = (tr("live.start_hint_key", key=self.key_of("toggle_timer")), "italic")
        elif item is not None and item.state is ItemState.DONE:  # ended (Clôturer, t), not paused
            second = (f"{ITEM_SYMBOL[ItemState.DONE]} {tr('live.ended_hint_key', key=self.key_of('toggle_timer'))}",
                      "bold")
        else:
            second = (f"{ITEM_SYMBOL[ItemState.PAUSED]} {tr('live.resume_hint_key', key=self.key_of('toggle_timer'))}",
                      "bold")
        if item is None:
            second = ""
        self.query_one("#meeting-info", Static).update(Content.assemble(*first, "\n", second))

    def _round(self) -> None:
        m = self.meeting
        item = self.item
        round_list = self.query_one("#round", Choices)
        speaker = self.speaker()
        said = {}
        if item is not None:
            for c in m.contributions_on(item.id):
                said[c.speaker_id] = said.get(c.speaker_id, 0) + 1
            person = m.person
            if person is not None:
                views = sum(1 for v in m.person_views if v.item_id == item.id)
                if views:
                    said[person.id] = said.get(person.id, 0) + views
        options = []
        highlighted = None
        for n, p in enumerate(self.speakers()):
            mark = CURRENT if speaker is not None and p.id == speaker.id else " "
            if p.id == (speaker.id if speaker else None):
                highlighted = n
            spoken = said.get(p.id, 0)
            role = (f"  ({tr('live.facilitator_row')})", "dim") if p.id == m.facilitator_id \
                or p.kind is ParticipantKind.FACILITATOR else ""
            if p.attendance is Attendance.EXCUSED:  # sent words: read at this place in the round
                read = spoken or (item is not None and (item.id, p.id) in self._read_out)
                prompt = Content.assemble((f"{mark} {EXCUSED_MARK} ", "bold"), p.name,
                                          (f"  {tr('live.excused_read_row' if read else 'live.excused_row')}",
                                           "dim" if read else "italic"))
            elif spoken:
                prompt = Content.assemble((f"{mark} {SPOKEN} ", "bold"), p.name, role, (f"  {spoken}", "dim"))
            else:
                prompt = Content.assemble((f"{mark} {NOT_SPOKEN} ", "bold"), p.name, role,
                                          (f"  {tr('live.not_yet')}", "italic"))
            options.append(Option(prompt, id=p.id))
        round_list.set_options(options)
        if highlighted is not None:
            round_list.highlighted = highlighted
        waiting = len(m.not_spoken_yet(item.id)) if item else 0
        box = self.query_one("#round-box")
        if not options:
            round_list.set_options([Option(Content(tr("live.no_speaker")), id="none", disabled=True)])
            box.border_subtitle = ""
        elif item is None:  # no item yet: nobody has spoken on anything, nobody is waiting on anything
            box.border_subtitle = ""
        else:
            box.border_subtitle = tr("live.waiting", count=waiting) if waiting else tr("live.all_spoken")

    def _note_marks(self, nature: Nature | None, visibility: Visibility) -> list:
        marks: list = []
        if nature is not None and nature is not Nature.FACT:
            marks.append((f" [{lbl(nature)}]", "italic"))
        if visibility.kind is not VisibilityKind.MINUTE:
            text = lbl(visibility.kind)
            if visibility.kind is VisibilityKind.RESTRICTED:
                names = ", ".join(self.meeting.name_of(x) for x in visibility.recipients)
                if len(names) > RECIPIENT_NAMES_WIDTH:
                    text = tr("live.restricted_count", count=len(visibility.recipients))
                else:
                    text += f"{colon()}{names}" if names else ""
            marks.append((f" [{text}]", "italic"))
        return marks

    @staticmethod
    def _domain_mark(domains) -> list:
        """A note's life domains (its own, else its item's: the consent reads them so), in a few characters."""
        return [(f" [{domains_short(domains)}]", "dim")] if domains else []

    def _said(self) -> None:
        m = self.meeting
        item = self.item
        said = self.query_one("#said", Choices)
        notes = m.contributions_on(item.id) if item else []
        options = []
        speaker = self.speaker()
        reading = speaker is not None and speaker.attendance is Attendance.EXCUSED
        if reading:
            # their turn: what they sent is on screen to be read out, where they would have spoken, first
            # in the box (its first lines are what 80x24 shows), the written contribution before the message
            parts: list = []
            written, message = m.to_read(speaker, item.id if item else None)  # once, not at every item
            for caption, text in ((tr("live.excused_written"), written),  # who: the line below
                                  (tr("live.excused_message"), message)):
                if text.strip():
                    parts += [" " if parts else "", (f"{EXCUSED_MARK} {caption}", "bold"), " ".join(text.split())]
            if parts:
                options.append(Option(Content.assemble(*parts), id="excused", disabled=True))
        inherited = tuple(item.domains) if item else ()
        for c in notes:
            options.append(Option(Content.assemble((m.name_of(c.speaker_id) or "?", "bold"), colon(),
                                                   for_the_room(c, c.text),
                                                   *self._note_marks(c.nature, c.visibility),
                                                   *self._domain_mark(c.domains or inherited)), id=c.id))
        keep = said.highlighted
        if not options:
            options.append(Option(Content(tr("live.said_none")), id="none", disabled=True))
            keep = None
        said.set_options(options)
        if reading:
            said.scroll_home(animate=False)
        elif notes:
            if keep is None or keep >= len(options) - 2:
                said.highlighted = len(options) - 1
                said.scroll_end(animate=False)
            else:
                said.highlighted = keep
        self.query_one("#said-box").border_subtitle = tr("live.said_count", count=len(notes)) if notes else ""

    def _views(self) -> None:
        m = self.meeting
        item = self.item
        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        box = self.query_one("#view-box")
        box.border_title = Content(tr("live.view_title", name=name))
        views = self.query_one("#views", Choices)
        on_item = [v for v in m.person_views if item is not None and v.item_id == item.id]
        general = [v for v in m.person_views if not v.item_id]
        options = []
        for v in on_item:
            options.append(Option(Content.assemble(*quote_parts(for_the_room(v, v.text), "bold"),
                                                   *self._note_marks(None, v.visibility),
                                                   *self._domain_mark(v.domains or tuple(item.domains))), id=v.id))
        if not on_item:
            options.append(Option(Content(tr("live.view_none_on_item")), id="none", disabled=True))
        if general:  # said outside any item: apart, so that it is not read as said on this one
            heading = Content.styled(tr("live.view_general_heading"), "italic")
            options.append(Option(heading, id="general", disabled=True))
        for v in general:
            options.append(Option(Content.assemble((lbl(v.aspect) + colon(), "italic"),
                                                   *quote_parts(for_the_room(v, v.text)),
                                                   *self._note_marks(None, v.visibility)), id=v.id))
        keep = views.highlighted
        views.set_options(options)
        if options and keep is not None:
            views.highlighted = min(keep, len(options) - 1)
        box.border_subtitle = tr("live.view_keys")

    def on_resize(self) -> None:
        """The speaker's line names its keys only where there is room (the -short class follows the height)."""
        self.call_after_refresh(self._speaker_line)

    def _speaker_line(self) -> None:
        speaker = self.speaker()
        line = self.query_one("#speaker-line", Label)
        if self.capp.read_only:  # « Vous tapez : ... » would promise what this session cannot keep
            line.update(Content.assemble((tr("live.read_only_line"), "bold")))
            return
        if speaker is None:
            line.update(Content(tr("live.no_speaker")))
            return
        p = self.pending
        vis = ops.visibility(p)
        # the keys named as the footer and F1 name them (« ^n », not « ctrl+n »)
        keys = {"next": self.key_of("next_speaker"), "choose": self.key_of("note_options")}
        # at 24 rows the keys are left to the footer: the line keeps one row for the restriction and domains
        form = "short" if self.has_class("-short") else "keys"
        if speaker.attendance is Attendance.EXCUSED:
            who = tr("live.speaker_excused", name=speaker.name)
            marks = self._note_marks(p["nature"], vis)
        elif speaker.kind is ParticipantKind.PERSON:
            who = tr(f"live.speaker_person_{form}", name=speaker.addressed_as or speaker.name, **keys)
            marks = self._note_marks(None, vis)
        elif speaker.kind is ParticipantKind.FACILITATOR:
            who = tr(f"live.speaker_facilitator_{form}", name=speaker.name, **keys)
            marks = self._note_marks(p["nature"], vis)
        else:
            who = tr(f"live.speaker_{form}", name=speaker.name, **keys)
            marks = self._note_marks(p["nature"], vis)
        item = self.item
        domains = domains_short(p["domains"] or (item.domains if item else ()))
        parts: list = [(f"{CURRENT} {who}", "bold"), *marks]
        if domains:
            parts.append((f" [{domains}]", "italic"))
        line.update(Content.assemble(*parts))

    # -- typing and recording --

    def take_typed(self, typed: str) -> None:
        """Letters typed into a question opened over this step (see dialogs/forms.AnswersByDeliberateKeys):
        they go on the typing line, after what was there, and are kept with the meeting as typing is."""
        note = self.query_one("#note", ShortText)
        if note.read_only:
            return
        note.move_cursor(note.document.end)
        note.insert(typed)
        self.keep_draft_now()

    def on_short_text_refused(self, event: ShortText.Refused) -> None:
        """A letter typed in a read-only session: said at once, at most every few seconds (a burst of
        letters is one refusal, not a pile of messages)."""
        now = time.monotonic()
        if now - self._refused_at >= REFUSAL_REPEAT:
            self._refused_at = now
            self.capp.say(tr("read_only_typing"), "warning")

    def _reflect_read_only(self) -> None:
        """A session that may only read the meeting (it is open in another one) takes no typing: the
        typing line says so where she looks, before a word is typed."""
        note = self.query_one("#note", ShortText)
        reading = bool(self.capp.read_only)
        note.read_only = reading
        note.placeholder = tr("live.read_only_placeholder") if reading else tr("live.note_placeholder")

    def on_short_text_submitted(self, event: ShortText.Submitted) -> None:
        """Enter (or ctrl+s) in the typing area: the text as it was at that key, already cleared."""
        event.stop()
        if not self.record(event.text):
            area = self.query_one("#note", ShortText)
            area.text = event.text + area.text  # not recorded: the words go back where they were
            area.move_cursor(area.document.end)

    def action_record(self) -> None:
        """ctrl+s from a list: record what the typing area holds."""
        area = self.query_one("#note", ShortText)
        if self.record(area.text):
            area.text = ""
        area.focus()

    def record(self, typed: str) -> bool:
        """Record `typed` for the current speaker on the current item; False when it cannot be
        (nothing typed, no speaker, read-only), and the words then stay with the facilitator."""
        area = self.query_one("#note", ShortText)
        text = typed.strip()
        if not text:
            area.focus()
            return False
        speaker = self.speaker()
        item = self.item
        if speaker is None:
            self.capp.say(tr("live.no_speaker"), "warning")
            return False
        # what was typed after Enter is the next note: kept too, as the draft
        recorded = self.change(ops.record_words, speaker.id, item.id if item else "", text, self.pending,
                               self.capp.now(), area.text)
        if recorded:
            self.pending = self._fresh_pending()
            self._speaker_line()
            self.query_one("#said", Choices).scroll_end(animate=False)
        area.focus()
        return recorded

    def action_next_speaker(self) -> None:
        round_table = self.speakers()
        if not round_table:
            return
        speaker = self.speaker()
        index = next((n for n, p in enumerate(round_table) if speaker and p.id == speaker.id), -1)
        following = round_table[(index + 1) % len(round_table)]
        self._set_speaker(following.id)

    def _set_speaker(self, pid: str) -> None:
        leaving = self.speaker()
        item = self.item
        if leaving is not None and item is not None and leaving.id != pid \
                and leaving.attendance is Attendance.EXCUSED:
            self._read_out.add((item.id, leaving.id))  # their turn is over: what they sent was read out
        if not self.capp.change(ops.set_speaker, pid, quiet=True):
            self.meeting.progress.speaker_id = pid
            self.refresh_view()
        self.pending = self._fresh_pending()
        self._speaker_line()
        self._said()  # an excused participant's turn shows what they sent

    def action_note_options(self) -> None:
        speaker = self.speaker()
        m = self.meeting
        p = self.pending
        item = self.item
        # the item's domains ticked, as F9's form does: what the note will carry unless changed here
        draft = ops.blank("contributions", speaker_id=speaker.id if speaker else "", nature=p["nature"],
                          domains=list(p["domains"] or (item.domains if item else ())), visibility=ops.visibility(p))

        def done(values: FormResult) -> None:
            if values:
                chosen = values.get("speaker_id")
                if chosen and chosen != (speaker.id if speaker else None):
                    self._set_speaker(chosen)  # (starts the next note's details afresh)
                self.pending.update({"nature": values["nature"], "domains": values["domains"],
                                     "visibility": values["visibility"], "recipients": values["recipients"]})
                self._speaker_line()
            self.query_one("#note", ShortText).focus()

        self.app.push_screen(forms.contribution_form(m, draft, editing=False), done)

    def action_leave_typing(self) -> None:
        self.query_one("#live-agenda", Choices).focus()

    # -- the agenda and the clocks --

    def action_toggle_timer(self) -> None:
        self.change(timing.toggle, self.capp.now())
        self.refresh_bindings()  # the footer's word for ctrl+t follows (binding_words)

    def palette_commands(self) -> list[tuple[str, str, object]]:
        """What is done with Enter on a line of a list, in the palette too (ctrl+p): give the floor
        to someone, edit a note or the person's words said on this item, go to an item."""
        from functools import partial

        from ...services.display import one_line

        m = self.meeting
        item = self.item
        found: list[tuple[str, str, object]] = []
        for p in self.speakers():
            found.append((tr("palette.give_floor", name=p.name), tr("palette.give_floor_help"),
                          partial(self._set_speaker, p.id)))
        for c in (m.contributions_on(item.id) if item else []):
            found.append((tr("palette.edit_note", name=m.name_of(c.speaker_id) or "?", text=one_line(c.text, 40)),
                          tr("palette.edit_note_help"), partial(self._edit_contribution, c.id)))
        for v in m.person_views:
            if item is not None and v.item_id in (item.id, ""):
                found.append((tr("palette.edit_view", text=one_line(v.text, 40)), tr("palette.edit_view_help"),
                              partial(self._edit_view, v.id)))
        for n, agenda_item in enumerate(m.agenda, 1):
            found.append((tr("palette.go_to_item", n=n, title=one_line(agenda_item.title, 50)),
                          tr("palette.go_to_item_help"), partial(self._go_to_item, agenda_item.id)))
        return found + self._picture_commands()

    def _picture_commands(self) -> list[tuple[str, str, object]]:
        """The shared picture's notes (a disagreement, what goes well...) are a key away behind ctrl+g:
        the palette offers them from here too, a tester having searched « désaccord » in vain."""
        from functools import partial

        from ...model import PictureKind
        from .picture import add_disagreement, add_picture, add_scale

        voice = self.meeting.progress.speaker_id  # as the shared picture's own keys do
        made = {
            "picture_working": partial(add_picture, self, PictureKind.WORKING, voice_id=voice),
            "picture_worries": partial(add_picture, self, PictureKind.WORRIES, voice_id=voice),
            "picture_needs": partial(add_picture, self, PictureKind.NEEDS, voice_id=voice),
            "picture_scale": partial(add_scale, self),
            "picture_disagreement": partial(add_disagreement, self),
        }
        where = tr("picture.title") + colon()
        return [(where + tr(f"key.{name}"), tr(f"tip.{name}"), run) for name, run in made.items()]

    def _go_to_item(self, item_id: str) -> None:
        at = self.capp.now()
        if item_id != (self.item.id if self.item else None):
            self.change(timing.go_to, item_id, at)

    def binding_words(self, action: str) -> str | None:
        """ctrl+t says what it will do: start the meeting, pause it, or resume it."""
        if action != "toggle_timer" or self.capp.meeting is None:
            return None
        m = self.meeting
        if timing.meeting_running(m):
            return tr("key.timer_pause")
        return tr("key.timer_start") if not m.clock else tr("key.timer_resume")

    def action_next_item(self) -> None:
        left = self.item
        if self.create(timing.next_item, self.capp.now()) is False:
            self.capp.say(tr("live.last_item_done"))
        if left is not None and (self.item is None or self.item.id != left.id):
            self._item_ended(left)

    def _item_ended(self, item) -> None:
        """An item ends live: its outcome proposed in a line, one key (^e) to confirm or change it; nothing
        is asked in the way of the next item (the close step shows every item's outcome again)."""
        self.ended_item_id = item.id
        number = self.meeting.agenda.index(item) + 1 if item in self.meeting.agenda else 0
        said = lbl(outcome(self.meeting, item))
        key_shown = self.key_of("item_outcome")
        self.capp.say(tr("live.item_ended", n=number, outcome=said, key=key_shown) if item.outcome is None
                      else tr("live.item_ended_set", n=number, outcome=said))
        self._agenda()

    def action_item_outcome(self) -> None:
        """What came of the item that just ended (else of the current one): proposed, Enter confirms."""
        m = self.meeting
        item = (m.item(self.ended_item_id) if self.ended_item_id else None) or self.item
        if item is None:
            return

        def done(values: FormResult) -> None:
            if isinstance(values, dict) and values.get("outcome"):
                self.change(ops.set_fields, item, outcome=ItemOutcome(values["outcome"]))

        self.app.push_screen(forms.item_outcome_form(m, item), done)

    def action_next_item_plain(self) -> None:
        self._item_from_typing(self.action_next_item)

    def action_previous_item_plain(self) -> None:
        self._item_from_typing(self.action_previous_item)

    def _item_from_typing(self, move) -> None:
        """Plain PgDn/PgUp move between items from the typing area only; in a list they scroll it."""
        focused = self.focused
        if not (isinstance(focused, ShortText) and focused.id == "note"):
            raise SkipAction()
        move()

    def action_previous_item(self) -> None:
        self.change(timing.previous_item, self.capp.now())

    def action_skip_item(self) -> None:
        item = self.item
        if item is None:
            return
        at = self.capp.now()

        def answer(yes: bool | None) -> None:
            if yes:
                self.change(timing.skip, at)
                self.capp.say(tr("live.skipped", title=item.title))

        self.app.push_screen(dialogs.Confirm(tr("live.skip_title"), tr("live.skip_question", title=item.title),
                                     yes=tr("live.skip_yes"), danger=False), answer)

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        source = event.option_list.id
        oid = event.option.id or ""
        if source == "live-agenda":
            self._go_to_item(oid)
        elif source == "round":
            self._set_speaker(oid)
            self.query_one("#note", ShortText).focus()
        elif source == "said":
            self._edit_contribution(oid)
        elif source == "views":
            self._edit_view(oid)

    # -- editing what was recorded --

    def _edit_contribution(self, cid: str) -> None:
        self._remember_list()
        notes.edit_shown(self, "contribution", cid)

    def _edit_view(self, vid: str) -> None:
        self._remember_list()
        notes.edit_shown(self, "person_view", vid)

    def _remember_list(self) -> None:
        focused = self.focused
        self._back_to = focused if isinstance(focused, Choices) else None

    def action_remove_note(self) -> None:
        focused = self.focused
        if not isinstance(focused, Choices) or focused.id not in ("said", "views"):
            return
        self._remember_list()
        notes.remove_by_id(self, "contribution" if focused.id == "said" else "person_view", focused.current_id() or "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_note":
            focused = self.focused
            return isinstance(focused, Choices) and focused.id in ("said", "views")
        if action == "review":
            return self.capp.meeting is not None and any(a.carried_from for a in self.meeting.actions)
        return True

    # -- the shared picture, steps in progress, the review (screens/picture.py, screens/review.py) --

    def action_shared_picture(self) -> None:
        from .picture import PictureScreen

        self.app.push_screen(PictureScreen())

    def action_add_step(self) -> None:
        from .picture import add_step

        speaker = self.speaker()
        add_step(self, carrier_id=speaker.id if speaker else "")

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    # -- the person's words, actions --

    def action_add_view(self) -> None:
        self.capp.action_write("view")  # the same form from every step (app.py)

    def view_form(self) -> forms.FormDialog:
        """The form F9 opens: the person's words on the current item."""
        return forms.new_view_form(self.meeting)

    def action_add_action(self) -> None:
        self.capp.action_write("action")  # the same form from every step (app.py)

    def forms_ahead(self) -> list[forms.FormDialog]:
        """The forms prebuild.py builds ahead for this step: F7's and F9's (the words typed with them)."""
        return [self.action_form(), self.view_form()]

    def ahead_state(self) -> object:
        return None  # the meeting says it all (its current item)

    def action_form(self) -> forms.FormDialog:
        """The form F7 opens: a new action on the current item."""
        return forms.new_action_form(self.meeting)
