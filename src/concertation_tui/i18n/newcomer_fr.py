STRINGS = {
    "tui.phase_short.prepare": "Prép.",
    "tui.phase_short.open": "Ouvr.",
    "tui.phase_short.live": "Ordre",
    "tui.phase_short.actions": "Act.",
    "tui.phase_short.close": "Clôt.",
}
