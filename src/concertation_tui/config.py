"""The settings: `config.toml` in the organisation's folder (for every user), then in the user's own
(which wins, key by key). Every setting has a default; a bad value drops that key only, with a sentence.

Example `config.toml`:

    language = "fr"            # or "en", "nl"
    theme = "high-contrast"    # a Textual theme name; "high-contrast" is ours
    organisation = "CPAS de Fleurville"
    minute_due_days = 7        # the launcher flags a minute not issued after this many days

    [data_protection]          # printed in the professional minute's data-protection section
    controller = "CPAS de Fleurville, rue de l'Église 1, 1000 Fleurville"
    contact = "Délégué à la protection des données : dpo@cpas-fleurville.be"
    legal_basis = "Mission d'intérêt public (article 6.1.e du RGPD), loi organique des CPAS"
    retention = "5 ans après la fin de l'accompagnement"
    authority = "l'Autorité de protection des données (www.autoriteprotectiondonnees.be)"

    [keymap]                   # binding id = key(s), to avoid a clash with tmux or a terminal
    private-time = "f9"

The organisation's folder is platformdirs' site config folder (`/etc/xdg/concertation-tui/` on Linux;
see `resources`); the user's is `paths.config_file()`. No Textual here.

Every command reads the settings before doing anything, and most machines have no settings file: the
values in use are plain dataclasses, and the file's checks (pydantic models, about 30 ms to build) live
in `settings_file.py`, imported only when a file is there to check.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .paths import config_file

CONFIG_NAME = "config.toml"
MAX_DUE_DAYS = 366


@dataclass(frozen=True)
class DataProtection:
    """What the professional minute says about data protection, beyond the defaults it writes itself.
    (The file's values are checked by `settings_file.FileDataProtection`.)"""

    controller: str = ""
    contact: str = ""
    """The data-protection officer (DPO), or whom to contact."""
    legal_basis: str = ""
    retention: str = ""
    authority: str = ""
    """The data-protection authority a complaint can be lodged with."""


SETTINGS: tuple[str, ...] = ("language", "theme", "organisation", "minute_due_days", "keymap")
"""The top-level settings of a file, in the order `concertation config` shows them (a test checks that
`settings_file.FileSettings` takes these and `data_protection`, no more)."""
KEYS: tuple[str, ...] = (
    *SETTINGS,
    *(f"data_protection.{f.name}" for f in dataclasses.fields(DataProtection)),
)
"""Every setting, by its key as written in the file (a dotted key lives in a table)."""


@dataclass(frozen=True)
class Problem:
    """Something in a settings file that was not used: the file, and a sentence key with its values."""

    file: Path
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def sentence(self, lang: str | None = None) -> str:
        from .i18n import t

        return t(self.key, lang, file=self.file, **self.params)


@dataclass(frozen=True)
class Config:
    """The settings in use: the defaults, then each file's good values, key by key."""

    language: str = ""
    """Empty: CONCERTATION_LANG, else French."""
    theme: str = ""
    organisation: str = ""
    minute_due_days: int = 7
    keymap: dict[str, str] = field(default_factory=dict)
    data_protection: DataProtection = field(default_factory=DataProtection)
    sources: dict[str, Path] = field(default_factory=dict)
    """Setting key -> the file its value came from (absent: the default)."""
    files: tuple[Path, ...] = ()
    """The settings files read, least important first."""
    problems: tuple[Problem, ...] = ()

    @property
    def problem(self) -> str:
        """The problems as sentences in the configured language (shown once to the user), or ""."""
        from .i18n import resolve_language

        lang = resolve_language(None, self.language)
        return " ".join(problem.sentence(lang) for problem in self.problems)

    def value(self, key: str) -> Any:
        """A setting's value by its key as written in the file."""
        section, _, name = key.partition(".")
        return getattr(self.data_protection, name) if name else getattr(self, section)


def config_files() -> list[Path]:
    """The settings files to read, least important first: the organisation's folders, then the user's."""
    from .resources import site_dirs

    return [*(folder / CONFIG_NAME for folder in reversed(site_dirs())), config_file()]


def _line_of(error: Exception) -> int | None:
    found = re.search(r"line (\d+)", str(error))
    return int(found[1]) if found else None


def read_settings(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The good settings of one file (dotted key -> value) and what was wrong in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}, []  # the usual case: nothing to parse, nothing to check
    except PermissionError:
        return {}, [Problem(path, "setup.config.unreadable")]
    except UnicodeDecodeError:
        return {}, [Problem(path, "setup.config.not_utf8")]
    except OSError:
        return {}, [Problem(path, "setup.config.unreadable")]
    import tomllib

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, [Problem(path, "setup.config.syntax", {"line": _line_of(error) or "?"})]
    from .settings_file import validated

    return validated(path, raw)


def load_config(path: Path | None = None) -> Config:
    """The settings: defaults, then each file in turn (`path` alone when given), key by key."""
    files = [path] if path is not None else config_files()
    values: dict[str, Any] = {}
    sources: dict[str, Path] = {}
    problems: list[Problem] = []
    for file in files:
        good, found = read_settings(file)
        problems += found
        for key, value in good.items():
            if key == "keymap":  # one binding moved by the organisation stays moved unless the user moves it
                value = {**values.get("keymap", {}), **value}
            values[key] = value
            sources[key] = file
    top = {k: v for k, v in values.items() if "." not in k}
    protection = DataProtection(**{k.split(".", 1)[1]: v for k, v in values.items() if k.startswith("data_protection.")})
    return Config(**top, data_protection=protection, sources=sources, files=tuple(files), problems=tuple(problems))
