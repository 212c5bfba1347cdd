"""Each step's screen built before it is asked for (issue 16).

Textual 8.2.8 builds a mode's screen when it is first switched to (`App._init_mode`): the screen is
composed, the stylesheet applied to each new widget, the step's lists filled, and the whole app's
stylesheet refreshed twice (a new screen's `_css_update_count` is -1, so `_init_mode` and then
`switch_mode` each call `refresh_css`). A first visit cost 0.4-1 s of CPU at the demo size, while the
facilitator and the room waited.

Here, once a meeting is open and the other steps' code is imported (`app._warm_up`), each step's screen
is built in idle time, one at a time, when no key came for `IDLE_BEFORE` seconds: made as `_init_mode`
makes it and put first in its mode's stack, but not resumed. Switching to it then only resumes it:
Textual lays it out and draws it (the step redraws its content only if the meeting changed since, see
`MeetingScreen.on_screen_resume`), and its focus lands as on any later visit.

Then the forms the step shown opens most (the live step's F7: an action, and F9: the person's words;
the actions step's `a` and its Enter on the action highlighted) are built ahead the same way (`forms_ahead()` of the step makes
them, `ahead_state()` says what they follow besides the meeting: the row highlighted); a key takes one
when it shows the same as the form made at the key (`FormDialog.signature`), else the one made is
built as before. A note
recorded or a step key changes the meeting but not the form: it stays. Built forms live off screen
until pushed.

Private Textual API used (pinned textual==8.2.8; tests/test_tui_prebuild.py keeps it honest):
`App._modes`, `App._screen_stacks`, `App._get_screen` (registers the screen: compose and mount),
`App._load_screen_css`, `App._css_update_count`, `Screen._css_update_count`, `App._running`, `App._exit`
(set by `App.exit()`: nothing more is built), and for
`NoDrawingWhileHeld`: `Screen._compositor_refresh`, `App._batch_count`, `Screen._repaint_required`.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from typing import TYPE_CHECKING

from .idle_gc import IdleCollector

if TYPE_CHECKING:
    from textual.events import ScreenResume
    from textual.geometry import Size
    from textual.screen import ModalScreen, Screen

    from .app import ConcertationApp
    from .dialogs.forms import FormDialog

IDLE_BEFORE = 0.4
"""Seconds without a key before a step's screen is built: the facilitator's typing goes first."""
LOOK_EVERY = 0.25
"""Seconds between two looks at whether the app is idle enough to build the next step."""
ORDER = ("live", "actions", "close", "open", "reread", "prepare")
KEPT_AHEAD = ("live",)
"""The steps whose forms built ahead are kept while another step is shown (F4 then F7 at once: the
live step's action form); the others' are discarded when their step is left (1-2 MB each)."""
"""The steps in the order they are likely wanted next (the meeting runs forward)."""


class StylesKeptOnResume:
    """Mixed into a Screen (before Screen): shown again, its widgets are not all restyled.

    Textual restyles every widget of a screen on each resume (`ScreenResume.refresh_styles`): a quarter
    of a step switch's CPU. Nothing a step shows changes style while it is away: a new theme or
    stylesheet raises the app's CSS count and the switch refreshes it (`App.switch_mode`, before this
    event); classes set meanwhile restyled their widget at once. (A class of its own: Textual calls one
    handler per class, `_on_x` or else `on_x`, and the step's `on_screen_resume` is MeetingScreen's.)"""

    def _on_screen_resume(self, event: ScreenResume) -> None:
        screen: Screen = self  # type: ignore[assignment]  (a mixin of Screen classes only)
        if screen._css_update_count == screen.app._css_update_count:
            event.refresh_styles = False


class NoDrawingWhileHeld:
    """Mixed into a Screen (before Screen): no drawing while the app holds the terminal's updates.

    `App.switch_mode` holds every update for 50 ms (`delay_update`) and then has the new screen drawn
    whole. Meanwhile Textual draws the screen all the same when it is first laid out, and throws the
    drawing away (`App._display` writes nothing while updates are held): at the start of the program
    that was a whole drawing of the live step (about 30 ms at the demo size) for nothing. Here the
    drawing waits, and the screen is marked to be drawn whole once updates flow again (what the end
    of `delay_update` asks anyway; after a `batch_update`, what was held is drawn instead of lost)."""

    def _compositor_refresh(self) -> None:
        screen: Screen = self  # type: ignore[assignment]  (a mixin of Screen classes only)
        app = screen.app
        if app._batch_count and screen is app.screen and not app.is_inline:
            screen._repaint_required = True
            return
        super()._compositor_refresh()  # type: ignore[misc]


def breakpoints(screen: Screen, size: Size, *, update: bool = False) -> None:
    """The screen's breakpoint classes (-narrow, -short...) for `size`, as `Screen._on_resize` sets them
    (`update`: restyle what they change, for a screen already styled)."""
    app = screen.app
    horizontal = (app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None
                  else screen.HORIZONTAL_BREAKPOINTS) or []
    vertical = (app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None
                else screen.VERTICAL_BREAKPOINTS) or []
    classes = {name: False for _, name in horizontal + vertical}
    for name in screen._get_breakpoint_classes(size.width, horizontal) | \
            screen._get_breakpoint_classes(size.height, vertical):
        classes[name] = True
    screen.update_classes(classes, update=update)  # not styled yet: registering styles it


class StepPrebuilder:
    """Builds the steps' screens not built yet, one per idle moment, for the app that owns it."""

    def __init__(self, app: ConcertationApp) -> None:
        self.app = app
        self.code_ready = threading.Event()
        """Set (by the warm-up thread) once every step's module is imported: building a step then costs
        no import on the interface's thread."""
        self.last_key = time.monotonic()
        self._looking = False
        self.built: list[str] = []
        """The modes built ahead, in order (for tests and the benchmark's notes)."""
        self._forms: dict[tuple[str, int], tuple[tuple, FormDialog]] = {}
        """Per (step, place in its `forms_ahead()`), (signature, form) of a form built ahead: the live
        step's F7 and F9, the actions step's `a` and Enter (1-2 MB each, whatever the meeting's size)."""
        self._checked: dict[str, tuple] = {}
        """Per step, (meeting, version, language, `ahead_state()`) for which its forms ahead were last
        found up to date."""
        self.forms_built = 0
        self._mounting: asyncio.Future | None = None
        """The build under way (its screen mounting), awaited before the app shuts down (see `finish`)."""
        self._finished = False
        self.collector = IdleCollector()
        """Python's full garbage collections, made in idle time (idle_gc.py)."""

    def key_seen(self) -> None:
        self.last_key = time.monotonic()

    def start(self) -> None:
        """Look for idle moments (again): called when a meeting is open."""
        if not self._looking:
            self._looking = True
            self.app.set_timer(LOOK_EVERY, self._look)

    def _waiting(self) -> list[str]:
        stacks = self.app._screen_stacks
        return [mode for mode in ORDER if mode in self.app._modes and mode not in stacks]

    async def _look(self) -> None:
        app = self.app
        if app.meeting is None or not app._running or app._exit or self._finished:
            # (told to exit: a screen built now would be composed with no widgets, see lifetime.py)
            self._looking = False
            return
        waiting = self._waiting()
        idle = time.monotonic() - self.last_key >= IDLE_BEFORE
        ready = idle and self.code_ready.is_set() and not app._opening() and not app._busy() and not app._held_keys
        if ready and waiting:
            await self._build(waiting[0])
        elif ready and not await self._form_ahead() and not self._redraw_one_ahead():
            self.collector.idle(self.last_key)  # nothing left to build: a full collection, if due (idle_gc.py)
        app.set_timer(LOOK_EVERY, self._look)

    # -- the form each step opens most (F7 on the live step, `a` on the actions step), built ahead too --

    def take(self, made: FormDialog) -> FormDialog:
        """The form to show for `made`, just made at its key (its fields, not its widgets): the one
        built ahead when it shows the same (`FormDialog.signature`: the same fields, values, lists of
        people and items, language), taken (a form is used once); else `made`, built as it is pushed."""
        wanted = made.signature()
        for place, (signature, form) in list(self._forms.items()):
            if signature == wanted and form.is_running and not self._shown(form):
                del self._forms[place]
                self._checked.pop(place[0], None)
                return form.take_over(made)
        return made

    def _shown(self, form: ModalScreen) -> bool:
        return any(form in stack for stack in self.app._screen_stacks.values())

    async def _form_ahead(self) -> bool:
        """Build a form the step shown opens most, for the meeting as it is, unless the one built
        already shows the same. The meeting changes at every note and every step key (the phase is
        saved): what counts is what the form shows (the people, the items, the current item...), so
        the forms are made again (their fields: a few ms) only when the meeting or the row the step
        points at changed, and one is built again (its widgets) only when what it shows changed.
        One form per idle moment. True when one was built."""
        app = self.app
        screen = app.screen
        maker = getattr(screen, "forms_ahead", None)
        mode = app.current_mode
        for place in [place for place in self._forms if place[0] not in (mode, *KEPT_AHEAD)]:
            self._discard(self._forms.pop(place)[1])  # a step left: its forms' memory is given back
            self._checked.pop(place[0], None)
        if maker is None or screen is not app._screen_stacks.get(mode, [None])[0]:
            return False
        meeting, version = app.view_key()
        state = (version, app.language, screen.ahead_state())
        seen = self._checked.get(mode)
        if seen is not None and seen[0] is meeting and seen[1:] == state:
            return False
        for index, made in enumerate(maker()):
            signature = made.signature()
            have = self._forms.get((mode, index))
            if have is not None and have[0] == signature and have[1].is_running:
                continue
            if have is not None:
                del self._forms[(mode, index)]
                self._discard(have[1])
            breakpoints(made, app.size)
            app._load_screen_css(made)
            form, mounted = app._get_screen(made)  # composed and mounted, not pushed
            form._css_update_count = app._css_update_count
            self._forms[(mode, index)] = (signature, form)
            self.forms_built += 1
            await self._wait(mounted)
            # Laid out too, for this terminal: shown, it is only drawn (Textual lays out a screen shown
            # at a size it was not laid out for; a new terminal size still lays it out again).
            if form.is_running and not self._shown(form):
                form._refresh_layout(app.size)
            return True  # the next one in the next idle moment (a key may come meanwhile)
        self._checked[mode] = (meeting, *state)
        return False

    def form_ahead_of(self, mode: str, index: int = 0) -> FormDialog | None:
        """The form built ahead for the step `mode` (its `index`th), if any (tests)."""
        found = self._forms.get((mode, index))
        return found[1] if found is not None else None

    def _discard(self, form: ModalScreen) -> None:
        if form.is_running and not self._shown(form):
            form.remove()

    def build_now(self, mode: str):
        """Build `mode`'s screen now, not shown: the step a meeting opens on, just before it is shown
        (not counted in `built`: it was not built ahead). Returns at once, the screen registered and
        mounting (nothing awaited: the caller shows it before anything else can run, e.g. the
        launcher's worker being cancelled); await the returned callable for its mounting to end."""
        return self._register(mode)

    async def _build(self, mode: str) -> None:
        mounted = self._register(mode)
        self.built.append(mode)
        await self._wait(mounted)

    def _register(self, mode: str):
        app = self.app
        screen = app._modes[mode]()  # MODE_SCREENS' maker, as _init_mode calls it
        breakpoints(screen, app.size)  # styled for this terminal from the start (else restyled when shown)
        app._load_screen_css(screen)  # its own stylesheet (reread.tcss) before its widgets are styled
        screen, mounted = app._get_screen(screen)  # registered: composed and mounted, off screen
        app._screen_stacks[mode] = [screen]
        # Styled with the stylesheet of now: the switch needs no refresh of the whole app's CSS (a
        # theme changed meanwhile raises the app's count, and the switch refreshes as Textual would).
        screen._css_update_count = app._css_update_count
        return mounted

    async def _wait(self, mounted) -> None:
        self._mounting = asyncio.ensure_future(mounted())
        try:
            await self._mounting
        finally:
            self._mounting = None

    def _redraw_one_ahead(self) -> bool:
        """A step built and not shown whose drawing is older than the meeting (changed on another step,
        or the letter's check landed): drawn now, in idle time, one per look, after the forms of the step
        shown, so that its switch only shows it (`MeetingScreen.on_screen_resume` finds it drawn as
        now). At the very large size the rereading after a change, the actions' table and the close
        step's lists cost 30-100 ms each when drawn at the switch. True when one was drawn."""
        app = self.app
        shown = app.screen_stack
        for mode in ORDER:
            stack = app._screen_stacks.get(mode)
            screen = stack[0] if stack else None
            drawn_as_now = getattr(screen, "_drawn_as_now", None)
            if screen is None or drawn_as_now is None or screen in shown or not screen.is_mounted:
                continue
            if not drawn_as_now():
                screen.show_meeting()
                return True
        return False

    @property
    def mounting(self) -> asyncio.Future | None:
        """The step or form being built ahead, until it is mounted (None: nothing under way)."""
        return self._mounting

    def stop(self) -> None:
        """Build nothing more (the app was told to exit); what is under way finishes mounting."""
        self._finished = True

    async def finish(self) -> None:
        """Build nothing more, and let the screen being built finish mounting: the app shuts down
        next, and a screen removed halfway through its mounting fails in its own handlers."""
        self._finished = True
        self.collector.release()
        if self._mounting is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._mounting), timeout=5.0)
