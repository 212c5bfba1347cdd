"""The application: holds the meeting, its file, its lock, the language and the autosave.

A thin App (harlequin's shape): screens show the meeting and ask for changes; every change of the
model goes through `change()`, which mutates the meeting, refreshes what is shown, keeps a serialised
snapshot ready (for the crash and hang-up guards of `safety.py`) and schedules the save, off the UI
thread, within a second.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.worker import get_current_worker

from .. import store
from ..services import room_link
from ..config import Config, load_config
from ..i18n import resolve_language
from ..model import Meeting, Phase, now, readiness
from ..model import ops, timing
from ..model.checks import Finding
from .commands import MeetingCommands, Palette, ThemeCommands, theme_label
from .early_keys import KeyAfterTyping, KeysReleased
from .form_drafts import FormDraftsMixin
from .keys_help import KeysPanel, hide_keys_help, keys_help_shown, toggle_keys_help
from .prebuild import StepPrebuilder
from .safety import WRITE_LOCK, SafeAppMixin, message
from .screens import MODE_SCREENS, import_steps
from .screens.base import MeetingScreen
from .screens.private import PrivateCover
from .screens.views import ViewScreen
from .stylesheet import ParsedOnceStylesheet, disk_cache
from .text import Localized, key, tr, tr_in
from .themes import HIGH_CONTRAST, THEMES
from .widgets import AppBar, Banner

HOLD_LIMIT = 3.0
"""Seconds at most that keys are held for one screen that is opening (see `on_event`): a screen
opens in well under a second, even on a loaded server; this only guards one that never takes focus."""
SAVE_DELAY = 0.5
"""Seconds between a change and the start of its save (changes in between are saved together)."""
RETRY_DELAY = 3.0
"""Seconds before a failed save is tried again."""
ROOM_LOOK_SECONDS = 1.0
"""How often the console looks whether a room's screen follows (one listing of a small folder)."""
WARM_UP_DELAY = 0.5
"""Seconds after the start before the other steps' code is imported, in a thread (see `_warm_up`)."""


def _import_quietly(done: threading.Event, keep_parsed_css: Callable[[], None]) -> None:
    """The warm-up's thread: a failure here only means the step is imported when first shown."""
    keep_parsed_css()  # the stylesheet parsed for the first frame, for the next start
    try:
        import_steps()
        done.set()  # the steps' screens may now be built ahead (prebuild.py)
    except Exception:  # noqa: BLE001 - the step's own import will say what is wrong, on the UI thread
        pass


CSS_KEPT_AGAIN = 20.0
"""Seconds after the start when the CSS parsed since the first frame (the steps built ahead) is kept."""

LETTER_IN_THREAD = 100
"""From this many actions the letter's readability check runs in a thread: at 40 actions it costs about
13 ms after a change (less than a frame), at 400 about 120 ms (see benchmarks/letter_check.py)."""

EXIT_WAITS_FOR_BUILD = 5.0
"""Seconds at most that an exit waits for a step or form being built ahead to be mounted (see `exit`)."""


class ConcertationApp(SafeAppMixin, FormDraftsMixin, Localized, App[int]):
    """Run one réunion de concertation, from preparation to the minute."""

    CSS_PATH = ["app.tcss", "screens/reread.tcss"]
    """The rereading step's own rules too: read once at the start (a few ms), not when its screen is
    built ahead (prebuild.py), where reading it restyled and redrew every widget of the step shown."""
    TITLE = "concertation"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {MeetingCommands}
    MODES = MODE_SCREENS
    HIDE_FOREIGN_BINDINGS = True

    BINDINGS = [
        key("f1", "toggle_help", "help", priority=True),
        key("shift+pagedown", "help_scroll(1)", "help_down", priority=True, show=False),
        key("shift+pageup", "help_scroll(-1)", "help_up", priority=True, show=False),
        key("f2", "phase('prepare')", "prepare", priority=True, show=False),
        key("f3", "phase('open')", "open", priority=True, show=False),
        key("f4", "phase('live')", "live", priority=True, show=False),
        key("f5", "phase('actions')", "actions", priority=True, show=False),
        key("f6", "phase('close')", "close", priority=True, show=False),
        key("f8", "private_time", "private_time", priority=True),
        # Terminals send shift+F2 and shift+F8 either with a shift modifier or as F14 and F20: both.
        key("shift+f8,f20", "room_screen", "room_screen", priority=True, show=False, key_display="shift+F8"),
        key("f10", "coordination", "coordination", priority=True),
        # The live step's writing keys, from the steps that have no own: not priority, so that the
        # live step's and the actions step's own F7 come first
        key("f7", "write('action')", "add_action", show=False, binding_id="app-add-action"),
        key("f9", "write('view')", "add_view", show=False, binding_id="app-add-view"),
        key("shift+f2,f14", "network_map", "network_map", priority=True, show=False, key_display="shift+F2"),
        key("f12", "phase('reread')", "reread", priority=True, show=False),
        key("ctrl+p", "command_palette", "palette", priority=True, show=False),
        key("ctrl+q", "quit", "quit", priority=True, show=False),
        # Priority, so that Tab waits for the keys typed before it and those after it go to the
        # next field (see _defer_key); Textual's own Tab binding is not.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        path: Path | None = None,
        *,
        lang: str | None = None,
        theme: str | None = None,
        config: Config | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        preloaded: store.Preloaded | None = None,
    ) -> None:
        self.config = config or load_config()
        self.language = resolve_language(lang, self.config.language)
        super().__init__()
        # each CSS source parsed once, not again at every new widget class and step (see stylesheet.py)
        # and kept between runs (the cache folder): parsing is a tenth of a bare Textual app's start
        self.stylesheet = ParsedOnceStylesheet(variables=self.get_css_variables(), disk=disk_cache())
        self._localize()
        self.clock: Callable[[], dt.datetime] = clock or now
        """Where the interface takes the time from (tests fix it, so timers and snapshots are stable)."""
        self.start_path = path
        self._preloaded = preloaded
        """The start meeting as the command line read it: opened without validating it again (see open_meeting)."""
        self.meeting: Meeting | None = None
        self.path: Path | None = None
        self.lock: store.MeetingLock | None = None
        self.read_only = ""
        """Empty when this session may write the meeting; else the sentence saying who holds it."""
        self._last_result: Any = None  # what the last operation returned (see create)
        self.save_error = ""
        self.saved_at: dt.datetime | None = None
        self.record_saved_at: dt.datetime | None = None
        """When the last save carrying a recorded change landed: the top bar shows this time. A save
        of the typing area's text alone (one a second while typing goes on) leaves it, so typing
        redraws nothing but the typing area."""
        self._recorded_count = 0
        """`_change_count` as of the last change that was not the typing area's text."""
        self._recorded_saved = 0
        """The last `_recorded_count` that a save carried (and `record_saved_at` shows)."""
        self.open_error = ""
        self.live_screen: Any = None
        """The live step's screen once shown (it tells whether a note is typed and not recorded)."""
        self._snapshot: tuple[Path, bytes] | None = None
        self.view_version = 0
        """Counts the times the screens were asked to show the meeting anew (see `refresh_views`): a
        step's screen shown again with the version it last drew skips redrawing (see base.py)."""
        self._findings: tuple[tuple[Any, int], list[Finding]] | None = None
        self._letter: tuple[tuple[Any, int], list[Finding]] | None = None
        """The letter's readability findings and the version they were worked out for (see letter_findings)."""
        self._minute_changes: tuple[tuple[Any, int], Any] | None = None
        """What changed since the last issue and the version it was counted for (see minute_changes)."""
        self._change_count = 0
        self._saved_count = 0
        self._save_timer = None
        self.scale_question = ""
        """The last question asked with the 0-10 scale in this session, asked again by default."""
        self.review_offered: set[str] = set()
        """The meetings whose review of carried actions was already offered in this session (once each)."""
        self.after_cover: list[Screen] = []
        """What came while the person was out (F8's cover): shown once the cover is lifted, never over it
        (a finished issue's notice names the recipients and the files)."""
        self.typed_draft: str | None = None
        """The typing area's text as of the last key (set on every change, read by the emergency
        writes from a thread); None when no typing area has been shown."""
        self._held_keys: list[events.Key] = []
        """Keys that arrived while a screen or form was opening, before its first focus."""
        self._hold_watched: Screen | None = None
        """The opening screen whose time limit for held keys runs (see HOLD_LIMIT)."""
        self._key_in_transit: events.Key | None = None
        """A priority key on its way through the focused widget's queue (see _defer_key)."""
        self._transit_split = 0
        """Where a key on its way belongs among the held keys: those before it were typed before it."""
        self._replay_step_out = False
        self._replay_marks = 1
        """Rounds through the focused widget before the next held key (2 after Enter on a list)."""
        self._priority_cache: tuple[tuple[Any, Any] | None, frozenset[str]] = (None, frozenset())
        self.prebuilder = StepPrebuilder(self)
        """Builds each step's screen in idle time, before it is asked for (prebuild.py)."""
        self.room_followers = 0
        """How many room's screens (`concertation show`) follow the open meeting."""
        """A held key was given back and its round trip is not over yet (see on_keys_released)."""
        for found in THEMES:
            self.register_theme(found)
        wanted = theme or self.config.theme or "textual-dark"
        self.theme_problem = "" if wanted in self.available_themes else wanted
        self.theme = wanted if wanted in self.available_themes else "textual-dark"
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    # -- time -------------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock()

    # -- start ------------------------------------------------------------------------------------

    async def on_mount(self) -> None:
        self.set_timer(WARM_UP_DELAY, self._warm_up)
        self.set_interval(ROOM_LOOK_SECONDS, self._look_at_room)
        if self.theme_problem:
            self.say(tr("theme_unknown", name=self.theme_problem), "warning")
        if self.config.problem:
            self.say(tr("config_ignored", problem=self.config.problem), "warning")
        if self.start_path is not None:
            if await self.open_meeting(self.start_path):
                return
        await self.show_launcher()

    def _warm_up(self) -> None:
        """Import the steps not shown yet (and their dialogs) once the first frame is drawn: the
        start imports only the step it opens on, and a first visit then finds its code ready."""
        threading.Thread(target=_import_quietly, args=(self.prebuilder.code_ready, self._keep_parsed_css),
                         name="concertation-warm-up", daemon=True).start()
        # the other steps' widgets are styled as they are built ahead: their CSS kept later too
        self.set_timer(CSS_KEPT_AGAIN, lambda: threading.Thread(target=self._keep_parsed_css, daemon=True,
                                                                name="concertation-css-cache").start())

    def _keep_parsed_css(self) -> None:
        """Write the parsed CSS sources to the cache folder, if new ones were parsed (any thread)."""
        disk = getattr(self.stylesheet, "disk", None)
        if disk is not None:
            disk.save()

    async def show_launcher(self) -> None:
        from .screens.launcher import LauncherScreen

        await self.push_screen(LauncherScreen(problem=self.open_error))

    async def open_meeting(self, path: Path, *, mode: str | None = None, offer_takeover: bool = True) -> bool:
        """Open `path` (locked, or read-only when another session holds it) and go to its saved step
        (or to the step `mode`, e.g. 'reread').

        When the session holding it is one of this user's on this host (a dropped link left it behind),
        the facilitator is first asked whether to take it over (`_offer_takeover`): the meeting opens
        once they answered, and True is returned meanwhile.

        Returns False, with `open_error` set to a sentence, when the file cannot be opened.
        """
        preloaded, self._preloaded = self._preloaded, None  # for the first opening only
        try:
            if preloaded is not None and preloaded.still_current(path):
                meeting = preloaded.meeting
            else:
                meeting = store.load_meeting(path)
        except store.MeetingFileError as error:
            self.open_error = error.sentence(self.language)
            return False
        lock = store.MeetingLock(path)
        read_only = ""
        try:
            if store.owned_by_someone_else(path):  # never re-owned, not even by root: read-only
                raise store.StoreError("store.other_owner", file=str(path))
            lock.acquire()
        except store.StoreError as error:  # held elsewhere, a link where the lock should be...
            if offer_takeover and isinstance(error, store.LockedError):
                from ..services.session_takeover import left_session

                left = left_session(path)
                if left is not None:  # this user's, on this host, still this program: ask first
                    self._offer_takeover(path, left, mode)
                    return True
            # The store's sentence for a lock ends « ...ou ouvrez-la en lecture seule »: here it is open
            # read-only already, and the banner says what that means for her.
            said = store.StoreError("tui.read_only_locked", **error.params) if error.key == "store.locked" else error
            read_only = said.sentence(self.language)
            lock = None
        except OSError as error:
            read_only = tr("lock_failed", reason=type(error).__name__)
            lock = None
        if not read_only:
            store.remove_stale_temps(path.parent)
        self.release_lock()
        self.meeting, self.path, self.lock, self.read_only = meeting, path, lock, read_only
        self.typed_form, self._draft_form = False, None  # a form of another meeting is not this one's
        self.open_error = ""
        self.save_error = ""
        self.saved_at = None
        self.record_saved_at = None
        # The snapshot (the crash guards' fallback, see emergency_snapshot) is the file as opened, and
        # nothing can change before the screen is drawn: taken after the first frame, which it delayed
        # by 19 ms at the very large size.
        self._snapshot = None
        self.call_after_refresh(self._take_snapshot)
        self._saved_count = self._recorded_count = self._recorded_saved = self._change_count
        phase = meeting.progress.phase.value
        # Go where the facilitator was (the launcher, if shown, stays behind in the default mode). The
        # step's screen is built first as the steps built ahead are (prebuild.py): styled once, for this
        # terminal's size, so that showing it restyles nothing (Textual's own first switch styled each
        # widget three times: when mounted, for the breakpoint classes, and again when shown).
        target = mode or phase
        mounted = self.prebuilder.build_now(target) if target not in self._screen_stacks else None
        await self.switch_mode(target)
        if mounted is not None:
            await mounted()
        if timing.private_running(meeting):
            await self._cover()
        await self.offer_form_draft()  # a form left open when the program stopped (form_drafts.py)
        self.prebuilder.start()
        return True

    def _offer_takeover(self, path: Path, left: Any, mode: str | None) -> None:
        """Ask whether to take over the meeting from a session of this user left behind; open it then,
        taken over or read-only."""
        from .dialogs.forms import Confirm

        def answered(yes: bool | None) -> None:
            self.run_worker(self._open_after_takeover(path, left if yes else None, mode),
                            group="takeover", exclusive=True)

        self.push_screen(Confirm(tr("takeover.title"), tr("takeover.question", since=left.since),
                                 yes=tr("takeover.yes"), danger=False), answered)

    async def _open_after_takeover(self, path: Path, left: Any, mode: str | None) -> None:
        """Ask the session left behind to save and end (`left`; None: the facilitator said no), wait for
        its lock to be free, then open the meeting here (read-only when it is still held)."""
        import asyncio
        import time

        from ..services.session_takeover import TAKEOVER_WAIT, ask_to_leave

        if left is not None and ask_to_leave(path, left):
            self.say(tr("takeover.waiting", seconds=int(TAKEOVER_WAIT)), timeout=TAKEOVER_WAIT)
            lock = store.MeetingLock(path)
            deadline = time.monotonic() + TAKEOVER_WAIT
            while not lock.is_free() and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
        opened = await self.open_meeting(path, mode=mode, offer_takeover=False)
        if not opened:
            self.say(self.open_error, "error")
            if self.meeting is None and not any(type(s).__name__ == "LauncherScreen" for s in self.screen_stack):
                await self.show_launcher()
            return
        if left is not None:
            self.clear_notifications()
            if not self.read_only:  # the other session ended (it saved everything): this one holds it
                self.say(tr("takeover.done"), timeout=8)
            else:
                self.say(tr("takeover.too_slow"), "warning")

    def terminal_came_back(self, seconds: float) -> None:
        """A stalled terminal answers again (safety.py has the screen redrawn whole): say that nothing
        was lost, after a stall long enough to be noticed."""
        if seconds >= 10:
            self.say(tr("terminal_back", seconds=int(seconds)), timeout=8)

    # -- changes and saving -----------------------------------------------------------------------

    def change(self, edit: Callable[..., Any], *args: Any, quiet: bool = False, refresh: bool = True,
               typing: bool = False, **params: Any) -> bool:
        """Apply `edit(meeting, *args, **params)` (an operation of model/ops.py) to the meeting, refresh
        what is shown and schedule the save.

        Refused (False) when the meeting is read-only; `quiet` refuses without saying so. `refresh`
        False keeps the screens as they are (a change nothing else shows, such as the typing draft);
        `typing` says the change is the typing area's text kept (its save leaves the top bar as it is).
        """
        if self.meeting is None:
            return False
        if self.read_only:
            if not quiet:
                self.say(tr("read_only_refused"), "warning")
            return False
        self._last_result = edit(self.meeting, *args, **params)
        self.meeting_changed(refresh=refresh, typing=typing)
        return True

    def create(self, operation: Callable[..., Any], *args: Any, **params: Any) -> Any:
        """Apply an operation that adds something (ops.add_action…) and return what it added; None when
        the meeting is read-only."""
        self._last_result = None
        return self._last_result if self.change(operation, *args, **params) else None

    def meeting_changed(self, *, refresh: bool = True, typing: bool = False) -> None:
        """The model changed: schedule the save, refresh the screens. Nothing here grows with the
        meeting: it is serialised by the save worker, off the UI thread."""
        if self.meeting is None:
            return
        self._change_count += 1
        if not typing:
            self._recorded_count = self._change_count
        if not self.read_only and self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_due)
        if refresh:
            self.refresh_views()

    def _take_snapshot(self) -> tuple[Path, bytes] | None:
        """Serialise the meeting now and keep the bytes as the latest snapshot.

        Any thread may call it: pydantic's serialiser runs in Rust holding the GIL, so the UI
        thread cannot change the model halfway through; should it fail all the same (a change
        caught mid-way), the caller keeps the previous snapshot and the next save catches up.
        """
        if self.meeting is not None and self.path is not None:
            self._snapshot = (self.path, store.serialize(self.meeting))
        return self._snapshot

    def refresh_views(self) -> None:
        self.view_version += 1
        for screen in self.screen_stack:
            if isinstance(screen, MeetingScreen) and screen.is_mounted:
                screen.show_meeting()

    def view_key(self) -> tuple[Any, int]:
        """What a screen drew from: this meeting (the object), as of this version."""
        return (self.meeting, self.view_version)

    def readiness(self) -> list[Finding]:
        """The readiness checks of the meeting as it is now, worked out once per version: the
        actions, close and reread steps all show them, and each refresh used to run them again."""
        key = self.view_key()
        if self._findings is None or self._findings[0][0] is not key[0] or self._findings[0][1] != key[1]:
            assert self.meeting is not None
            from ..services.domain_check import domain_findings

            # with the notes whose words speak of a domain the consent restricts (read as language)
            self._findings = (key, readiness(self.meeting) + domain_findings(self.meeting, self.meeting.language.value))
        return self._findings[1]

    def minute_changes(self):
        """What changed since the minute was last issued (model/minute_state.py), once per version: F6
        and F12 both say it, and at a very large size the count costs some 30 ms of CPU."""
        from ..model.minute_state import changes_since_last_issue

        key = self.view_key()
        if self._minute_changes is None or self._minute_changes[0][0] is not key[0] or self._minute_changes[0][1] != key[1]:
            assert self.meeting is not None
            self._minute_changes = (key, changes_since_last_issue(self.meeting))
        return self._minute_changes[1]

    def letter_findings(self) -> list[Finding]:
        """The letter's readability findings (warnings) for the meeting as it is now, once per version.

        A meeting of LETTER_IN_THREAD actions or more is checked in a thread, on a copy: until the check
        lands, the findings of the version before are returned, then the screens that show them are
        drawn again (`letter_checked`). A keystroke never waits for the letter."""
        from ..minute.readability import letter_findings

        key = self.view_key()
        if self._letter is not None and self._letter[0][0] is key[0] and self._letter[0][1] == key[1]:
            return self._letter[1]
        assert self.meeting is not None
        if len(self.meeting.actions) < LETTER_IN_THREAD:
            self._letter = (key, letter_findings(self.meeting))
            return self._letter[1]
        self._check_letter(key)
        return self._letter[1] if self._letter is not None else []

    @work(thread=True, exit_on_error=False, exclusive=True, group="letter")
    def _check_letter(self, key: tuple[Any, int]) -> None:
        from ..minute.readability import letter_findings

        # model_dump runs in Rust holding the GIL (see _take_snapshot): the UI thread cannot change
        # the meeting halfway through; the check then reads a copy nobody else touches
        copy = Meeting.model_validate(key[0].model_dump())
        found = letter_findings(copy)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._letter_landed, key, found)

    def _letter_landed(self, key: tuple[Any, int], found: list[Finding]) -> None:
        now_key = self.view_key()
        if now_key[0] is not key[0] or now_key[1] != key[1]:
            return  # the meeting changed meanwhile: the check of the newer version is under way
        self._letter = (key, found)
        shown = self.screen_stack
        for stack in self._screen_stacks.values():
            for screen in stack:
                landed = getattr(screen, "letter_checked", None)
                if landed is None or not screen.is_mounted:
                    continue
                if screen in shown:
                    landed()
                elif isinstance(screen, MeetingScreen):  # another step (or one built ahead): when shown
                    screen.redraw_when_shown()

    def _save_due(self) -> None:
        self._save_timer = None
        if self.meeting is None or self.path is None or self.read_only:
            return
        self._save_in_thread(self._change_count, self.language)

    @work(thread=True, exit_on_error=False, exclusive=True, group="save")
    def _save_in_thread(self, count: int, lang: str) -> None:
        """Serialise the meeting and write it, here off the UI thread; report back to the UI thread, in
        `lang` (a thread has no running app to ask)."""
        with WRITE_LOCK:  # whoever holds it writes the newest snapshot: an older one never lands last
            try:
                snapshot = self._take_snapshot()
            except Exception:  # noqa: BLE001 - a change caught mid-way: try again shortly
                self.call_from_thread(self._save_failed_quietly)
                return
            if snapshot is None:
                return
            path, data = snapshot
            try:
                store.write_private(path, data, generations=True)
            except store.SaveError as error:
                sentence = error.sentence(lang)
                self.call_from_thread(self._save_failed, sentence)
                return
            except Exception as error:  # noqa: BLE001 - any failure is said, never a crash
                sentence = tr_in(lang, "save_failed_other", reason=type(error).__name__)
                self.call_from_thread(self._save_failed, sentence)
                return
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._save_done, count)

    def _save_done(self, count: int) -> None:
        self._saved_count = max(self._saved_count, count)
        self.saved_at = self.now()
        if self._recorded_saved != self._recorded_count <= count:  # a recorded change saved anew
            self._recorded_saved = self._recorded_count
            self.record_saved_at = self.saved_at
        if self.save_error:
            self.save_error = ""
            self.say(tr("save_recovered"))
        self.refresh_save_state()

    def _save_failed_quietly(self) -> None:
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_due)

    def _save_failed(self, sentence: str) -> None:
        first = not self.save_error
        self.save_error = sentence
        if first:
            self.say(sentence, "error", timeout=10)
        self.refresh_save_state()
        if self._save_timer is None:
            self._save_timer = self.set_timer(RETRY_DELAY, self._save_due)

    def refresh_save_state(self) -> None:
        for screen in self.screen_stack:
            for bar in screen.query(AppBar):
                bar.update_save_state()
            for banner in screen.query("#save-banner").results(Banner):
                banner.show(self.save_error)

    def save_state_text(self, form: str = "long") -> str:
        """What the top bar says on the right: the room's screen, then the save state. `form` is
        `long` (« salle suit · enregistré à 15:20:00 »), `short` (« salle · enreg. 15:20:00 ») or
        `shorter` (« salle · enreg. 15:20 »); the bar draws the first that fits (widgets.AppBar)."""
        if self.meeting is None:
            return ""
        room = self.room_state_text(short=form != "long")
        save = self._save_words(form)
        return f"{room} · {save}" if room else save

    def room_state_text(self, *, short: bool = False) -> str:
        """Whether a room's screen follows, and whether it is hidden: said beside the save state."""
        if self.meeting is None:
            return ""
        hidden = self.meeting.progress.room_hidden
        tail = "_short" if short else ""
        if self.room_followers:
            return tr(("room.followed_hidden" if hidden else "room.followed") + tail)
        return tr("room.hidden_only" + tail) if hidden else ""

    def _save_words(self, form: str = "long") -> str:
        if self.read_only:
            return tr("save.read_only")
        if self.save_error:
            return tr("save.failed")
        if self.record_saved_at is None:
            return tr("save.opened")
        saved = self.record_saved_at  # the last save of a recorded change, not of the typing area's words
        if form == "long":
            return tr("save.at", time=saved.strftime("%H:%M:%S"))
        clock = "%H:%M:%S" if form == "short" else "%H:%M"
        return tr("save.at_short", time=saved.strftime(clock))

    @property
    def unsaved(self) -> bool:
        return self._change_count != self._saved_count

    @property
    def save_pending(self) -> bool:
        """A save is scheduled or running (tests wait on it instead of sleeping)."""
        return self._save_timer is not None or any(w.group == "save" and not w.is_finished for w in self.workers)

    # -- the safety contract (safety.py) -------------------------------------------------------------

    def emergency_snapshot(self) -> tuple[Path, bytes] | None:
        """The meeting file and its newest serialised bytes, the typing area's and an open form's text included
        (None when nothing may be written). Called from threads while the event loop may be stuck:
        serialises the model as it is (see `_take_snapshot`), else returns the last bytes kept."""
        if self.read_only or self.path is None or self.meeting is None:
            return None
        try:
            meeting = ops.with_drafts(self.meeting, self.typed_draft, self.emergency_form())
            return self.path, store.serialize(meeting)
        except Exception:  # noqa: BLE001 - the model caught mid-change on the stuck loop
            return self._snapshot

    def flush_typing(self) -> None:
        """Move the typing area's text, and an open form's, into the meeting (every exit path calls this
        before saving)."""
        live = self.live_screen
        if live is not None and live.is_mounted:
            live.keep_draft_now()
        self.keep_form_now(reread=True)

    def saved_time_text(self) -> str:
        return self.saved_at.strftime("%H:%M:%S") if self.saved_at is not None else ""

    def save_now_sync(self) -> bool:
        """Move the typing area's text into the meeting, serialise it and write it now, on this
        thread. True when the file holds the newest state; else False with `save_error` set to the
        sentence. Never raises; a no-op (True) when there is nothing this session may write."""
        try:
            if self.meeting is None or self.path is None or self.read_only:
                return True
            self.flush_typing()
            if not WRITE_LOCK.acquire(timeout=5.0):  # an autosave is stuck on a very slow disk
                self.save_error = tr("save_failed_other", reason="TimeoutError")
                return False
            try:
                path, data = self._take_snapshot()  # type: ignore[misc]
                store.write_private(path, data, generations=True)
            finally:
                WRITE_LOCK.release()
            self._saved_count = self._change_count
            self.saved_at = self.now()
            if self._recorded_saved != self._recorded_count:
                self._recorded_saved = self._recorded_count
                self.record_saved_at = self.saved_at
            self.save_error = ""
            return True
        except store.SaveError as error:
            self.save_error = error.sentence(self.language)
        except Exception as error:  # noqa: BLE001 - the contract: never raise
            self.save_error = tr("save_failed_other", reason=type(error).__name__)
        return False

    # -- the terminal ----------------------------------------------------------------------------

    def on_not_utf8(self, _message: Any) -> None:
        """The driver tells this once per session."""
        # 10 s: long enough to read, not so long that it hides the typing area at 80x24
        self.say(message("not_utf8", self.language), "warning", timeout=10)

    # -- keys typed while a screen opens ------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys in the order they were typed, whatever opens or moves meanwhile (early_keys.py).

        Textual forwards a key to the focused widget's queue and runs a screen's binding only when
        the key comes back up unused, while a priority binding runs at once. So: keys that arrive
        while a screen or form is opening are held until its focus lands; a priority key travels
        through the focused widget's queue behind the keys typed before it; and held keys are given
        back one at a time, each after the previous one has come back."""
        if isinstance(event, events.Key):
            self.prebuilder.key_seen()
            if self._hold_key(event) or self._defer_key(event):
                return
        await super().on_event(event)

    def _top_screen(self) -> Screen | None:
        """The screen shown, or None while a step is switched to for the first time (Textual sets
        the new mode before its screen is pushed: `self.screen` raises in between)."""
        stack = self._screen_stacks.get(self._current_mode)
        return stack[-1] if stack else None

    def _opening(self) -> bool:
        screen = self._top_screen()
        return screen is None or bool(getattr(screen, "keys_wait_for_focus", False))

    def _busy(self) -> bool:
        """A key is on its way through the focused widget; the keys typed after it wait."""
        return self._key_in_transit is not None or self._replay_step_out

    def _hold_key(self, event: events.Key) -> bool:
        opening = self._opening()
        if event.is_forwarded:
            # Back up here unused by the widget it was sent to. Typed before whatever is on its way
            # now; held only when a screen is opening (the key was meant for it: `a` opened a form
            # and the words after it reached the list first), else its binding runs now.
            if not opening:
                return False
            self._watch_opening()
            self._held_keys.insert(self._transit_split, event)
            self._transit_split += 1
            return True
        if getattr(event, "released", False) or not (opening or self._busy() or self._held_keys):
            return False
        if opening:
            self._watch_opening()
        self._held_keys.append(event)  # typed after everything held or on its way
        if not opening and not self._busy():
            self.post_message(KeysReleased())
        return True

    def _watch_opening(self) -> None:
        screen = self._top_screen()
        if screen is None:  # its screen is being pushed: it mounts, and then is watched
            return
        if self._hold_watched is not screen:  # one time limit per opening screen
            self._hold_watched = screen
            self.set_timer(HOLD_LIMIT, partial(self._hold_expired, screen))

    def _hold_expired(self, screen: Screen) -> None:
        """A screen that never takes the focus must not swallow the keys: give them anyway."""
        if getattr(screen, "keys_wait_for_focus", False):
            screen.keys_wait_for_focus = False  # type: ignore[attr-defined]
            self.post_message(KeysReleased())

    def _priority_keys(self) -> frozenset[str]:
        """The keys that have a priority binding for the screen and focus of now (kept until either
        changes: `active_bindings` costs half a millisecond, too much for every key typed)."""
        screen = self.screen
        where = (screen, screen.focused)
        cached = self._priority_cache[0]
        if cached is None or cached[0] is not screen or cached[1] is not where[1]:
            keys = frozenset(key for _namespace, bindings in screen._modal_binding_chain
                             for key, binding in bindings if binding.priority)
            self._priority_cache = (where, keys)
        return self._priority_cache[1]

    def _send_through_focused(self, message: KeyAfterTyping) -> bool:
        focused = self.focused
        if focused is None:
            return False
        # Sent as if from the widget: Textual never bubbles a message up to the node that sent it,
        # and it must come back up to the app.
        focused.post_message(message.set_sender(focused))
        self.set_timer(HOLD_LIMIT, partial(self._transit_expired, message))
        return True

    def _defer_key(self, event: events.Key) -> bool:
        """A priority key: send it through the focused widget's queue, so it runs after the keys
        typed before it (some may still be bubbling up through the widget's parents); the keys
        after it are held until it has run."""
        if getattr(event, "deferred", False) or event.is_forwarded:
            return False
        if event.key == "enter" and self._on_a_list():
            pass  # a row's form comes from the list's message: what is typed after Enter waits for it
        elif event.key not in self._priority_keys():  # every typed letter: a set lookup, no more
            return False
        else:
            active = self.screen.active_bindings.get(event.key)  # check_action decides, as Textual would
            if active is None or not active.binding.priority:
                return False
        message = KeyAfterTyping(event)
        if not self._send_through_focused(message):
            return False
        self._key_in_transit = event
        self._transit_split = 0
        return True

    def _on_a_list(self) -> bool:
        """The focus is on a list (a table, a list of options), where Enter opens the row's form (a
        participant, an action, a note) through the list's Selected message: the words typed right
        after Enter reached the list or the step's keys (« p »: present) before the form was open."""
        from textual.widgets import DataTable, OptionList  # loaded with the steps already

        return isinstance(self.focused, (DataTable, OptionList))

    async def on_key_after_typing(self, message: KeyAfterTyping) -> None:
        """Back from the focused widget's queue: the keys typed before it have been taken."""
        message.stop()
        if message.key is None:  # a step of on_keys_released
            if self._replay_step_out:
                self._replay_marks -= 1
                if self._replay_marks > 0 and self._send_through_focused(KeyAfterTyping(None)):
                    return  # Enter on a list: its Selected message was queued behind the first mark
                self._replay_step_out = False
                await self.on_keys_released(KeysReleased())
            return
        if self._key_in_transit is not message.key:
            return
        self._key_in_transit = None
        replay = events.Key(message.key.key, message.key.character)
        replay.time = message.key.time  # when it was typed (type-to-find groups letters by it)
        replay.deferred = True  # type: ignore[attr-defined]
        replay.released = True  # type: ignore[attr-defined]
        # Its place among the held keys: after those typed before it that wait for a screen
        # opening meanwhile, before those typed after it.
        self._held_keys.insert(self._transit_split, replay)
        self._transit_split = 0
        await self.on_keys_released(KeysReleased())

    def _transit_expired(self, message: KeyAfterTyping) -> None:
        """The widget went away with the key in its queue: go on anyway, never swallow a key."""
        step_still_out = message.key is None and self._replay_step_out
        key_still_out = message.key is not None and self._key_in_transit is message.key
        if step_still_out or key_still_out:
            self.post_message(KeyAfterTyping(message.key))

    async def on_keys_released(self, _message: KeysReleased) -> None:
        """Give the held keys back, in order, one at a time: each next one after the previous one
        came back (a key that opens a form must have opened it before the words meant for it)."""
        if self._opening() or self._busy() or not self._held_keys:
            return
        self._transit_split = 0
        held = self._held_keys.pop(0)
        replay = events.Key(held.key, held.character)
        replay.time = held.time  # when it was typed, not when the app got to it (finding.TypedSearch)
        replay.released = True  # type: ignore[attr-defined]
        replay.deferred = getattr(held, "deferred", False)  # type: ignore[attr-defined]
        if self._defer_key(replay):
            return  # it comes back through on_key_after_typing, which goes on
        # Enter on a list opens the row's form from the list's Selected message, which the list posts
        # while taking the key: the next key waits for a second round through the list, behind it.
        self._replay_marks = 2 if replay.key == "enter" and self._on_a_list() else 1
        await super().on_event(replay)
        if not self._held_keys:
            return
        if self._send_through_focused(KeyAfterTyping(None)):
            self._replay_step_out = True
        else:
            self.post_message(KeysReleased())

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- actions ----------------------------------------------------------------------------------

    def say(self, text: str, severity: str = "information", *, timeout: float | None = None) -> None:
        """A toast; never parsed as markup (it may carry a name)."""
        self.notify(text, severity=severity, markup=False, timeout=timeout or (8 if severity != "information" else 4))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "help_scroll":
            return bool(self.screen.query(KeysPanel))  # else the key is the focused widget's
        if self.covered and action not in ("private_time", "quit", "toggle_help", "room_screen"):
            return False
        needs_meeting = ("phase", "private_time", "coordination", "room_screen", "network_map", "write")
        if action in needs_meeting and self.meeting is None:
            return False
        if action == "phase" and isinstance(self.screen, ViewScreen):
            return True  # a view is a look over the step: the step key closes it (action_phase)
        if action == "phase" and isinstance(self.screen, ModalScreen) and not isinstance(self.screen, CommandPalette):
            return False  # a dialog is open: it is closed (Escape) or saved first
        if action == "phase" and parameters and self.current_mode == parameters[0] and not self.covered:
            return None
        return True

    async def action_phase(self, name: str) -> None:
        if self.meeting is None or self.covered:
            return
        while isinstance(self.screen, ViewScreen):  # a view is a look over the step: the step key leaves it
            await self.pop_screen()
        if name not in {p.value for p in Phase}:  # a step after the meeting (reread): not a saved phase
            await self.switch_mode(name)
            return
        phase = Phase(name)
        if self.meeting.progress.phase is not phase:
            # Saved (the next opening comes back here), never drawn: no screen is redrawn for it,
            # neither the step being left nor the one shown next (see MeetingScreen.show_meeting).
            if not self.change(ops.set_phase, phase, quiet=True, refresh=False):
                self.meeting.progress.phase = phase  # read-only: move around without saving
        await self.switch_mode(name)

    def action_write(self, kind: str) -> None:
        """F7 (an action) or F9 (the person's words), from the live step or any other: the live step's
        form, over the step shown (the one built ahead in idle time when it shows the same). Words typed
        right after the key land in the form, never in a step's one-letter keys (« a » adds a
        participant, « p » marks someone present). A draft kept from it reopens in the live step."""
        if self.meeting is None or self.covered:
            return
        from .dialogs import meeting_forms

        if kind == "action":
            form, operation, said = meeting_forms.new_action_form(self.meeting), ops.add_action, tr("action.added")
        else:
            form, operation, said = meeting_forms.new_view_form(self.meeting), ops.add_view, ""

        # through the live step when it exists: its changes keep the speaker shown (LiveScreen.change)
        change = self.live_screen.change if self.live_screen is not None else self.change

        def done(values: Any) -> None:
            if isinstance(values, dict) and change(operation, values, self.now()) and said:
                self.say(said)

        before = self._form_opening  # form_drafts.py: where a kept draft of this form is reopened
        self._form_opening = ("live", "LiveScreen", "add_action" if kind == "action" else "add_view")
        try:
            self.push_screen(self.prebuilder.take(form), done)
        finally:
            self._form_opening = before

    def action_coordination(self) -> None:
        """F10, from every step: the coordination view (domains x who acts); the same key closes it."""
        from .screens.coordination import show_coordination

        show_coordination(self)

    async def action_issue_minute(self) -> None:
        """Issuing the minute, from every step (F6 g, the palette's « Émettre le compte rendu »): in the
        rereading step (F12), where a passage the consent keeps out of some copies is shown and changed."""
        if self.meeting is None or self.covered:
            return
        await self.action_phase("reread")
        issue = getattr(self.screen, "action_issue", None)
        if issue is not None:
            issue()

    def action_change_theme(self) -> None:
        """The themes by their French names (Textual's own list shows « high-contrast »)."""
        self.push_screen(Palette(providers=[ThemeCommands], placeholder=tr("theme.placeholder")))

    def action_network_map(self) -> None:
        """shift+F2, from every step: the map of the person's network; the same key closes it."""
        from .screens.network_map import show_network_map

        show_network_map(self)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette())

    def action_help_scroll(self, step: int) -> None:
        """Scroll the keys panel by a page, from the keyboard (the panel takes no focus)."""
        for panel in self.screen.query(KeysPanel):
            panel.scroll_page(step)

    def action_toggle_help(self) -> None:
        """F1: the keys of the step, a full page at 80x24, a side panel where there is room."""
        toggle_keys_help(self)

    def action_show_help_panel(self) -> None:  # Textual's own name (palette, "Keys")
        if not keys_help_shown(self):
            toggle_keys_help(self)

    def action_hide_help_panel(self) -> None:
        hide_keys_help(self)

    # -- the room's screen (room_link.py, room.py) ---------------------------------------------------

    def _look_at_room(self) -> None:
        count = room_link.followers(self.path) if self.path is not None and self.meeting is not None else 0
        if count == self.room_followers:
            return
        if count and not self.room_followers:
            self.say(tr("room.now_following"))
        elif not count:
            self.say(tr("room.no_longer_following"))
        self.room_followers = count
        self.refresh_save_state()

    def action_room_screen(self) -> None:
        """Hide or show the room's screen (saved in the meeting file, which the room's screen follows)."""
        if self.meeting is None:
            return
        hidden = not self.meeting.progress.room_hidden
        if self.change(ops.set_room_hidden, hidden, refresh=False):
            self.say(tr("room.hidden_now" if hidden else "room.shown_now"))
            self.refresh_save_state()

    # -- private time -------------------------------------------------------------------------------

    @property
    def covered(self) -> bool:
        return isinstance(self.screen, PrivateCover)

    async def _cover(self) -> None:
        await self.push_screen(PrivateCover())

    async def action_private_time(self) -> None:
        """Blank the shared screen and record time without the person; the same key brings it back."""
        if self.meeting is None:
            return
        if self.covered:
            at = self.now()
            if getattr(self.screen, "typed", "").strip():  # noted while the person was out: where it is
                self.say(tr("private.typed_back"), timeout=12)
            self.pop_screen()
            for waiting in self.after_cover:
                self.push_screen(waiting)
            self.after_cover.clear()
            if not timing.private_running(self.meeting):
                return
            part = self.meeting.private_parts[-1]
            self.change(ops.end_private_part, at, quiet=True)
            from .dialogs.forms import TextPrompt

            def keep_reason(reason: str | None) -> None:
                if reason is not None and reason.strip():
                    self.change(ops.set_fields, part, reason=reason)

            await self.push_screen(
                TextPrompt(tr("private.reason_title"), tr("private.reason_caption"), part.reason,
                           placeholder=tr("private.reason_placeholder")),
                keep_reason,
            )
            return
        at = self.now()
        if not timing.private_running(self.meeting):
            self.change(ops.start_private_part, at, quiet=True)
        await self._cover()

    # -- quitting -----------------------------------------------------------------------------------

    def typing_text(self) -> str:
        """What is typed in the live step's typing area and not recorded yet."""
        live = self.live_screen
        return live.draft() if live is not None and live.is_mounted else ""

    async def action_quit(self) -> None:
        """Quit, saving first (the clocks are paused: the meeting does not run without the program).

        A note typed in the live step and not recorded yet is asked about first.
        """
        if self.meeting is not None and not self.read_only and self.typing_text() and not self.covered:
            from .dialogs.forms import Confirm

            def answer(yes: bool | None) -> None:
                if yes:
                    self.call_later(self._quit_now)

            if not isinstance(self.screen, Confirm):
                await self.push_screen(Confirm(tr("quit.title"), tr("quit.draft_question"),
                                               yes=tr("quit.yes")), answer)
            return
        await self._quit_now()

    async def _quit_now(self) -> None:
        if self.meeting is not None and not self.read_only:
            at = self.now()
            if timing.meeting_running(self.meeting):
                timing.pause_all(self.meeting, at)
                self._change_count += 1
                self._recorded_count = self._change_count
            if not self.save_now_sync():
                # Stay open: quitting now would lose what the file does not hold yet.
                self.say(tr("quit.save_failed", reason=self.save_error), "error", timeout=20)
                self.refresh_save_state()
                return
        self.release_lock()
        self.exit(0)

    def on_unmount(self) -> None:
        self.release_lock()

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None:
        """Textual's exit, once the step or form being built ahead in idle time is mounted.

        From `App.exit()` on, Textual mounts no widget (every node counts as detached, lifetime.py): a
        screen built ahead whose widgets were still being composed got them half made, and Textual's own
        tab bar then set itself up with no tab in it (ValueError) where a quit, a hang-up or a snapshot
        test's end should have been quiet. Nothing is built after this call; the build under way (tens to
        hundreds of milliseconds) is waited for, at most EXIT_WAITS_FOR_BUILD seconds."""
        self.prebuilder.stop()
        mounting = self.prebuilder.mounting
        if mounting is None or mounting.done():
            super().exit(result, return_code, message)
            return
        exited = False

        def exit_now(*_ignored: Any) -> None:
            nonlocal exited
            if not exited:
                exited = True
                super(ConcertationApp, self).exit(result, return_code, message)

        mounting.add_done_callback(exit_now)
        self.set_timer(EXIT_WAITS_FOR_BUILD, exit_now)

    async def _shutdown(self) -> None:  # Textual's own (8.2.8), which closes every screen of every mode
        await self.prebuilder.finish()  # a step being built ahead finishes mounting first
        await super()._shutdown()

    # -- palette ----------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Our own words for the system commands; no Screenshot (an SVG of the meeting on disk)."""
        yield SystemCommand(tr("cmd.theme"), tr("cmd.theme_named_help", theme=theme_label(self.theme)),
                            self.action_change_theme)
        if keys_help_shown(self):
            yield SystemCommand(tr("cmd.keys_hide"), tr("cmd.keys_hide_help"), self.action_hide_help_panel)
        else:
            yield SystemCommand(tr("cmd.keys"), tr("cmd.keys_help"), self.action_show_help_panel)
        if self.meeting is not None:  # words a social worker looks for: émettre, envoyer, diffuser
            yield SystemCommand(tr("cmd.issue"), tr("cmd.issue_help"), self.action_issue_minute)
        yield SystemCommand(tr("cmd.quit"), tr("cmd.quit_help"), self.action_quit)


__all__ = ["ConcertationApp", "HIGH_CONTRAST"]
