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

Then the form the step shown opens most (the live step's F7: an action) is built ahead the same way,
for the meeting as it is (`form_ahead()` of the step says from what); the key takes it if the meeting
has not changed since, else builds one as before. Built forms live off screen until pushed.

Private Textual API used (pinned textual==8.2.8; tests/test_tui_prebuild.py keeps it honest):
`App._modes`, `App._screen_stacks`, `App._get_screen` (registers the screen: compose and mount),
`App._load_screen_css`, `App._css_update_count`, `Screen._css_update_count` and `App._running`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.events import ScreenResume
    from textual.geometry import Size
    from textual.screen import ModalScreen, Screen

    from .app import ConcertationApp

IDLE_BEFORE = 0.4
"""Seconds without a key before a step's screen is built: the facilitator's typing goes first."""
LOOK_EVERY = 0.25
"""Seconds between two looks at whether the app is idle enough to build the next step."""
ORDER = ("live", "actions", "close", "open", "reread", "prepare")
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


def breakpoints(screen: Screen, size: Size) -> None:
    """The screen's breakpoint classes (-narrow, -short...) for `size`, as `Screen._on_resize` sets them."""
    app = screen.app
    horizontal = (app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None
                  else screen.HORIZONTAL_BREAKPOINTS) or []
    vertical = (app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None
                else screen.VERTICAL_BREAKPOINTS) or []
    classes = {name: False for _, name in horizontal + vertical}
    for name in screen._get_breakpoint_classes(size.width, horizontal) | \
            screen._get_breakpoint_classes(size.height, vertical):
        classes[name] = True
    screen.update_classes(classes, update=False)  # not styled yet: registering styles it


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
        self._form: tuple[tuple, ModalScreen] | None = None
        """(what it was built from, the form) of the form built ahead for the step shown."""
        self.forms_built = 0
        self._mounting: asyncio.Future | None = None
        """The build under way (its screen mounting), awaited before the app shuts down (see `finish`)."""
        self._finished = False
        self.heap_frozen = False
        """Whether what the session keeps was moved out of the garbage collector's way (`_freeze_heap`)."""

    def key_seen(self) -> None:
        self.last_key = time.monotonic()

    def start(self) -> None:
        """Look for idle moments (again): called when a meeting is open."""
        self.heap_frozen = False  # a meeting (another one) opened: frozen again once its steps are built
        if not self._looking:
            self._looking = True
            self.app.set_timer(LOOK_EVERY, self._look)

    def _waiting(self) -> list[str]:
        stacks = self.app._screen_stacks
        return [mode for mode in ORDER if mode in self.app._modes and mode not in stacks]

    async def _look(self) -> None:
        app = self.app
        if app.meeting is None or not app._running or self._finished:
            self._looking = False
            return
        waiting = self._waiting()
        idle = time.monotonic() - self.last_key >= IDLE_BEFORE
        ready = idle and self.code_ready.is_set() and not app._opening() and not app._busy() and not app._held_keys
        if ready and not waiting and not self.heap_frozen:
            self._freeze_heap()
        elif ready and waiting:
            await self._build(waiting[0])
        elif ready:
            forms_built = self.forms_built
            await self._form_ahead()
            if self.forms_built == forms_built:  # the step shown has its form: the steps not shown next
                self._redraw_one_ahead()
        app.set_timer(LOOK_EVERY, self._look)

    # -- the form a step opens most (F7 on the live step: an action), built ahead too --

    def form_for(self, key: tuple) -> ModalScreen | None:
        """The form built ahead for `key` (what it was built from), taken: None when there is none
        for it (the meeting changed since: the caller builds one as before)."""
        found, self._form = self._form, None
        if found is None:
            return None
        if found[0] == key and found[1].is_running:
            return found[1]
        self._discard(found[1])
        return None

    async def _form_ahead(self) -> None:
        app = self.app
        screen = app.screen
        wanted = getattr(screen, "form_ahead", None)
        if wanted is None:
            return
        key, make = wanted()
        if self._form is not None and self._form[0] == key:
            return
        if self._form is not None:
            self._discard(self._form[1])
            self._form = None
        form = make()
        breakpoints(form, app.size)
        app._load_screen_css(form)
        form, mounted = app._get_screen(form)  # composed and mounted, not pushed
        form._css_update_count = app._css_update_count
        self._form = (key, form)
        self.forms_built += 1
        await self._wait(mounted)

    def _discard(self, form: ModalScreen) -> None:
        if form.is_running and not any(form in stack for stack in self.app._screen_stacks.values()):
            form.remove()

    async def _build(self, mode: str) -> None:
        app = self.app
        screen = app._modes[mode]()  # MODE_SCREENS' maker, as _init_mode calls it
        breakpoints(screen, app.size)  # styled for this terminal from the start (else restyled when shown)
        app._load_screen_css(screen)  # its own stylesheet (reread.tcss) before its widgets are styled
        screen, mounted = app._get_screen(screen)  # registered: composed and mounted, off screen
        app._screen_stacks[mode] = [screen]
        # Styled with the stylesheet of now: the switch needs no refresh of the whole app's CSS (a
        # theme changed meanwhile raises the app's count, and the switch refreshes as Textual would).
        screen._css_update_count = app._css_update_count
        self.built.append(mode)
        await self._wait(mounted)

    async def _wait(self, mounted) -> None:
        self._mounting = asyncio.ensure_future(mounted())
        try:
            await self._mounting
        finally:
            self._mounting = None

    def _redraw_one_ahead(self) -> bool:
        """A step built and not shown whose drawing is older than the meeting (changed on another step,
        or the letter's check landed): drawn now, in idle time, one per look, so that its switch only
        shows it (`MeetingScreen.on_screen_resume` finds it drawn as now). At the very large size the
        rereading after a change, the actions' table and the close step's lists cost 30-100 ms each when
        drawn at the switch. True when one was drawn."""
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

    def _freeze_heap(self) -> None:
        """Every step built: what the session keeps (the meeting, the steps' screens and their lists, the
        modules) is moved out of the garbage collector's way, once, in idle time, after a collection.

        Python's full collection walks every object alive; at the very large size that took about 150
        ms, and a step switch allocates enough (a list's lines, a check's copy of the meeting) to set one
        off every few switches, in the middle of the switch. Frozen objects are still freed when nothing
        refers to them; one that becomes garbage inside a reference cycle (a widget removed) stays until
        the app closes (`finish`, which unfreezes): at most what is alive now, once."""
        gc.collect()
        gc.freeze()
        self.heap_frozen = True

    async def finish(self) -> None:
        """Build nothing more, and let the screen being built finish mounting: the app shuts down
        next, and a screen removed halfway through its mounting fails in its own handlers. What was
        frozen (`_freeze_heap`) goes back to the collector: another app may run in this process (tests)."""
        self._finished = True
        if self.heap_frozen:
            gc.unfreeze()
            self.heap_frozen = False
        if self._mounting is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._mounting), timeout=5.0)
