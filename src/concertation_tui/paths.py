"""Where the user's data and settings live (platformdirs' folders). Imported by every command, so it
imports nothing heavy at its top: platformdirs is imported when a folder is first asked for."""

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
    return Path(user_data_dir())


def config_file() -> Path:
    """The user's settings file (TOML); it may not exist. With $CONCERTATION_HOME, inside it."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "config.toml"
    return Path(user_config_dir()) / "config.toml"


def user_data_dir() -> str:
    """platformdirs.user_data_dir(APP_NAME, appauthor=False)."""
    import platformdirs

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def user_config_dir() -> str:
    """platformdirs.user_config_dir(APP_NAME, appauthor=False)."""
    import platformdirs

    return platformdirs.user_config_dir(APP_NAME, appauthor=False)


def site_config_dirs() -> list[str]:
    """platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True), split: the organisation's
    settings folders, most important first (XDG_CONFIG_DIRS may name several)."""
    import platformdirs

    joined = platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True)
    return [entry for entry in joined.split(os.pathsep) if entry]


def cache_dir() -> Path:
    """What the program keeps only to start faster (nothing about a meeting): $CONCERTATION_HOME/cache,
    else the platform's (e.g. ~/.cache/concertation-tui). Deleting it loses nothing."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
