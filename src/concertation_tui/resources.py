"""Where the program finds what it ships and what the organisation adds. Imports nothing heavy.

Three layers, the later winning for a file of the same name:

1. what the program ships: `templates/` of the repository, carried inside the package by the wheel
   (`concertation_tui/_templates/`, see pyproject.toml) and `concertation_tui/data/` (word lists);
   $CONCERTATION_TEMPLATES replaces the shipped templates folder;
2. the organisation's folder, for every user of the machine: platformdirs' site config folder
   (`/etc/xdg/concertation-tui/` on Linux; XDG_CONFIG_DIRS moves it), holding `config.toml`,
   `templates/meetings/*.json`, `templates/minute/compte-rendu.docx` and word lists;
3. the user's own: `config.toml` and word lists in the settings folder, templates in the data folder
   (`$CONCERTATION_HOME` moves both).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .paths import HOME_ENV, home, site_config_dirs

TEMPLATES_ENV = "CONCERTATION_TEMPLATES"
PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
"""The shipped word lists."""


def shipped_templates() -> Path:
    """The shipped templates folder: $CONCERTATION_TEMPLATES, else the packaged copy, else the checkout's."""
    override = os.environ.get(TEMPLATES_ENV)
    if override:
        return Path(override)
    packaged = PACKAGE / "_templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE.parents[1] / "templates"  # an editable checkout: src/concertation_tui -> the repository


def shipped_schema() -> Path:
    """The meeting files' JSON schema as committed in `schema/` (a test keeps it equal to the model's):
    the packaged copy, else the checkout's."""
    packaged = PACKAGE / "_schema" / "meeting.schema.json"
    if packaged.is_file():
        return packaged
    return PACKAGE.parents[1] / "schema" / "meeting.schema.json"


def site_dirs() -> list[Path]:
    """The organisation's folders, most important first (XDG_CONFIG_DIRS may name several)."""
    return [Path(entry) for entry in site_config_dirs()]


def user_settings_dir() -> Path:
    """The user's settings folder (config.toml, word lists)."""
    from .paths import config_file

    return config_file().parent


def template_folders(kind: str) -> list[Path]:
    """Folders of `kind` ("meetings" or "minute") templates, least important first."""
    return [
        shipped_templates() / kind,
        *(folder / "templates" / kind for folder in reversed(site_dirs())),
        home() / "templates" / kind,
    ]


_FOLDERS_FROM = (HOME_ENV, "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS", "HOME")
"""What the folders below are worked out from (platformdirs reads these on Linux)."""


def word_list_folders() -> tuple[Path, ...]:
    """Folders holding word lists, least important first: each one extends the previous ones."""
    return _word_list_folders(tuple(os.environ.get(name) for name in _FOLDERS_FROM))


@lru_cache(maxsize=8)
def _word_list_folders(environment: tuple[str | None, ...]) -> tuple[Path, ...]:
    """Once per environment: the writing helper asks for them for every note."""
    return (DATA, *reversed(site_dirs()), user_settings_dir())
