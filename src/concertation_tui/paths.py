"""Where the user's data and settings live. Imported by every command, so it imports nothing heavy."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "CONCERTATION_HOME"
APP_NAME = "concertation-tui"


def home() -> Path:
    """The user's data folder: $CONCERTATION_HOME, else the platform's (e.g. ~/.local/share/concertation-tui)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The user's settings file (TOML); it may not exist. With $CONCERTATION_HOME, inside it."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "config.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def cache_dir() -> Path:
    """What the program keeps only to start faster (nothing about a meeting): $CONCERTATION_HOME/cache,
    else the platform's (e.g. ~/.cache/concertation-tui). Deleting it loses nothing."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
