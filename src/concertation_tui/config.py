"""The user's settings: a small TOML file (see `paths.config_file()`); every setting has a default.

Example `config.toml`:

    language = "fr"            # or "en"
    theme = "high-contrast"    # a Textual theme name; "high-contrast" is ours
    organisation = "CPAS de Fleurville"
    minute_due_days = 7        # the launcher flags a minute not issued after this many days

    [keymap]                   # binding id = key(s), to avoid a clash with tmux or a terminal
    private-time = "f9"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .paths import config_file


@dataclass(frozen=True)
class Config:
    language: str = ""
    """Empty: CONCERTATION_LANG, else French."""
    theme: str = ""
    organisation: str = ""
    minute_due_days: int = 7
    keymap: dict[str, str] = field(default_factory=dict)
    problem: str = ""
    """Why the file was ignored, if it was (shown once to the user)."""


def load_config(path: Path | None = None) -> Config:
    """The settings from the file, or the defaults if it is absent or unreadable (and say why)."""
    path = path or config_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=f"{path}: {type(error).__name__}")
    keymap = raw.get("keymap", {})
    try:
        return Config(
            language=str(raw.get("language", "")),
            theme=str(raw.get("theme", "")),
            organisation=str(raw.get("organisation", "")),
            minute_due_days=int(raw.get("minute_due_days", 7)),
            keymap={str(k): str(v) for k, v in keymap.items()} if isinstance(keymap, dict) else {},
        )
    except (TypeError, ValueError) as error:
        return Config(problem=f"{path}: {type(error).__name__}")
