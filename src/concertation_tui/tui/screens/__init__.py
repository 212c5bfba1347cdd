"""One screen per step of the meeting (Textual's demo pattern: MODES + switch_mode).

A step's module is imported when its screen is first made: the first frame needs only the step the
meeting opens on (each step brings its dialogs along). `import_steps` imports the others after the
first frame, off the UI thread, so that a first visit finds its code ready.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

STEPS = {
    "prepare": ("prepare", "PrepareScreen"),
    "open": ("opening", "OpeningScreen"),
    "live": ("live", "LiveScreen"),
    "actions": ("actions", "ActionsScreen"),
    "close": ("close", "CloseScreen"),
    "reread": ("reread", "RereadScreen"),
}
"""Each step's mode: the module of its screen and the screen's class."""


def _screen_class(mode: str) -> Any:
    module, name = STEPS[mode]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def _maker(mode: str) -> Callable[[], Any]:
    def make() -> Any:
        return _screen_class(mode)()

    make.__name__ = STEPS[mode][1]
    return make


MODE_SCREENS = {mode: _maker(mode) for mode in STEPS}


def import_steps() -> None:
    """Import every step's module (and so its dialogs): called once, in a thread, after the first frame."""
    for mode in STEPS:
        _screen_class(mode)


def __getattr__(name: str) -> Any:
    """`from .screens import LiveScreen` still works, importing that step only."""
    for mode, (_module, class_name) in STEPS.items():
        if class_name == name:
            return _screen_class(mode)
    raise AttributeError(name)
