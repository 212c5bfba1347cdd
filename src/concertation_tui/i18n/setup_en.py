"""Strings of installing and setting up: no terminal, the settings (`config`), the check-up (`doctor`) (en)."""

STRINGS: dict[str, str] = {
    # -- no terminal, no interface -------------------------------------------------------------------
    "setup.no_terminal": "The interface needs a terminal (keyboard and screen): run this command in a terminal, not from a script or with a redirection.",
    "setup.no_terminal_written": "The file is written, but the interface needs a terminal: open it in a terminal with “concertation open {file}”.",
    # -- the settings (`concertation config`) ----------------------------------------------------------
    "setup.config.unreadable": "{file}: this file cannot be read (access rights); it is ignored.",
    "setup.config.not_utf8": "{file}: this file is not written in UTF-8; it is ignored. Save it as UTF-8.",
    "setup.config.syntax": "{file}, line {line}: this line is not valid TOML; the whole file is ignored until it is corrected.",
    "setup.config.unknown_key": "{file}: there is no setting “{key}”; it is ignored.",
    "setup.config.expect_text": "{file}: “{key}” must be a text in quotes; the value {value} is ignored.",
    "setup.config.expect_choice": "{file}: “{key}” must be one of {choices}; the value “{value}” is ignored.",
    "setup.config.expect_days": "{file}: “{key}” must be a number of days from 1 to {limit}, without quotes; the value “{value}” is ignored.",
    "setup.config.expect_keymap": "{file}: “{key}” must be a table of keys (id = \"key\"); it is ignored.",
    "setup.config.header": "Settings files (least important first: the user's own win):",
    "setup.config.file_read": "  {file}",
    "setup.config.file_absent": "  {file} (absent)",
    "setup.config.settings": "Values:",
    "setup.config.default": "default",
    "setup.config.empty": "(empty)",
    "setup.config.templates": "Templates:",
    "setup.config.minute_template": "  minute: {file}",
    "setup.config.meeting_template": "  meeting “{name}”: {file}",
    "setup.config.word_lists": "Word lists: {folders}",
    "setup.config.problems": "To correct:",
    "setup.config.no_problem": "No problem in the settings files.",
}
