STRINGS = {
    "minute_state.added": ("{count} addition", "{count} additions"),
    "minute_state.changed": ("{count} change", "{count} changes"),
    "minute_state.removed": ("{count} removal", "{count} removals"),
    "minute_state.outdated": "Version {version}, issued on {date}, is out of date: {changes} since.",
    "tui.close.outdated_next": "g: issue version {next}, which replaces version {version}.",
    "tui.reread.outdated_next": "i: issue version {next}.",
    "cli.list.outdated": "out of date: {changes} since",
    "tui.launcher.minute_outdated": ("! Minute v{version} out of date · {count} change", "! Minute v{version} out of date · {count} changes"),
}
