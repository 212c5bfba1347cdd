STRINGS = {
    "tui.phase_short.prepare": "Prep.",
    "tui.phase_short.open": "Open",
    "tui.phase_short.live": "Agenda",
    "tui.phase_short.actions": "Act.",
    "tui.phase_short.close": "Close",
}
