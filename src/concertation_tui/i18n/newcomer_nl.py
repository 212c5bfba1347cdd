STRINGS = {
    "tui.phase_short.prepare": "Voorb.",
    "tui.phase_short.open": "Open.",
    "tui.phase_short.live": "Agenda",
    "tui.phase_short.actions": "Acties",
    "tui.phase_short.close": "Afsl.",
}
