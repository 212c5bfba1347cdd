STRINGS = {
    "minute_state.added": ("{count} ajout", "{count} ajouts"),
    "minute_state.changed": ("{count} modification", "{count} modifications"),
    "minute_state.removed": ("{count} suppression", "{count} suppressions"),
    "minute_state.outdated": "La version {version} émise le {date} n'est plus à jour : {changes} depuis.",
    "tui.close.outdated_next": "g : émettre la version {next}, qui remplace la version {version}.",
    "tui.reread.outdated_next": "i : émettre la version {next}.",
    "cli.list.outdated": "pas à jour : {changes} depuis",
    "tui.launcher.minute_outdated": ("! CR v{version} plus à jour · {count} changement", "! CR v{version} plus à jour · {count} changements"),
}
