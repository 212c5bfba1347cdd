"""Strings of installing and setting up: no terminal, the settings (`config`), the check-up (`doctor`) (en)."""

STRINGS: dict[str, str] = {
    # -- no terminal, no interface -------------------------------------------------------------------
    "setup.no_terminal": "The interface needs a terminal (keyboard and screen): run this command in a terminal, not from a script or with a redirection.",
    "setup.no_terminal_written": "The file is written, but the interface needs a terminal: open it in a terminal with “concertation open {file}”.",
}
