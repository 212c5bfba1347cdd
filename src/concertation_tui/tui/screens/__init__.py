"""One screen per step of the meeting (Textual's demo pattern: MODES + switch_mode)."""

from __future__ import annotations

from .actions import ActionsScreen
from .close import CloseScreen
from .live import LiveScreen
from .opening import OpeningScreen
from .prepare import PrepareScreen
from .reread import RereadScreen

MODE_SCREENS = {
    "prepare": PrepareScreen,
    "open": OpeningScreen,
    "live": LiveScreen,
    "actions": ActionsScreen,
    "close": CloseScreen,
    "reread": RereadScreen,
}
