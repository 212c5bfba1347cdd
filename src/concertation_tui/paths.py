"""Where the user's data and settings live. Imported by every command, so it imports nothing heavy.

The folders are platformdirs' (the user's data and settings folders, the organisation's settings
folders). On Linux with an absolute HOME, the usual case, they are worked out here by platformdirs'
own rules for Linux (the XDG variables, else ~/.local/share, ~/.config and /etc/xdg): importing
platformdirs costs every command about 6 ms (it imports tempfile, shutil and random for folders this
program never asks for). Anywhere else (macOS, Windows, Android, an unset or relative HOME),
platformdirs answers. A test holds both to the same answers.
"""

from __future__ import annotations

import os
import posixpath
import sys
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


def _plain_linux() -> bool:
    """Whether platformdirs would use its XDG rules for Linux with a usable home (not Android's)."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return False
    if os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system":
        return False
    return posixpath.isabs(os.environ.get("HOME", ""))


def _xdg_home(variable: str, default: str) -> str:
    """An XDG base folder: the variable when it names an absolute path, else the default under HOME."""
    value = os.environ.get(variable, "")
    return value if posixpath.isabs(value) else posixpath.join(os.environ["HOME"], default)


def user_data_dir() -> str:
    """platformdirs.user_data_dir(APP_NAME, appauthor=False)."""
    if _plain_linux():
        return posixpath.join(_xdg_home("XDG_DATA_HOME", ".local/share"), APP_NAME)
    import platformdirs

    return platformdirs.user_data_dir(APP_NAME, appauthor=False)


def user_config_dir() -> str:
    """platformdirs.user_config_dir(APP_NAME, appauthor=False)."""
    if _plain_linux():
        return posixpath.join(_xdg_home("XDG_CONFIG_HOME", ".config"), APP_NAME)
    import platformdirs

    return platformdirs.user_config_dir(APP_NAME, appauthor=False)


def site_config_dirs() -> list[str]:
    """platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True), split: the organisation's
    settings folders, most important first (XDG_CONFIG_DIRS may name several)."""
    if _plain_linux():
        named = [entry for entry in os.environ.get("XDG_CONFIG_DIRS", "").split(os.pathsep) if posixpath.isabs(entry)]
        return [posixpath.join(entry, APP_NAME) for entry in named or ["/etc/xdg"]]
    import platformdirs

    joined = platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True)
    return [entry for entry in joined.split(os.pathsep) if entry]
