STRINGS = {
    "minute_state.added": ("{count} toevoeging", "{count} toevoegingen"),
    "minute_state.changed": ("{count} wijziging", "{count} wijzigingen"),
    "minute_state.removed": ("{count} verwijdering", "{count} verwijderingen"),
    "minute_state.outdated": "Versie {version}, uitgebracht op {date}, is niet meer actueel: {changes} sindsdien.",
    "tui.close.outdated_next": "g: versie {next} uitbrengen, die versie {version} vervangt.",
    "tui.reread.outdated_next": "i: versie {next} uitbrengen.",
    "cli.list.outdated": "niet meer actueel: {changes} sindsdien",
    "tui.launcher.minute_outdated": ("! Verslag v{version} niet actueel · {count} wijziging", "! Verslag v{version} niet actueel · {count} wijzigingen"),
}
