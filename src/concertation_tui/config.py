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
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .paths import config_file

CONFIG_NAME = "config.toml"
MAX_DUE_DAYS = 366


class BadValue(ValueError):
    """A value of the wrong kind; `key` names the sentence that says what is expected."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise BadValue("setup.config.expect_text")
    return value.strip()


def _language(value: Any) -> str:
    from .i18n import LANGUAGES

    if value not in LANGUAGES:
        raise BadValue("setup.config.expect_choice", choices=", ".join(LANGUAGES))
    return value


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_DUE_DAYS:
        raise BadValue("setup.config.expect_days", limit=MAX_DUE_DAYS)
    return value


def _keymap(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise BadValue("setup.config.expect_keymap")
    return {str(k): v.strip() for k, v in value.items()}


@dataclass(frozen=True)
class Setting:
    key: str
    """As written in the file; a dotted key lives in a table (`data_protection.controller`)."""
    parse: Callable[[Any], Any]
    """Returns the value to use, or raises BadValue."""
    default: Any


SETTINGS: tuple[Setting, ...] = (
    Setting("language", _language, ""),
    Setting("theme", _text, ""),
    Setting("organisation", _text, ""),
    Setting("minute_due_days", _days, 7),
    Setting("data_protection.controller", _text, ""),
    Setting("data_protection.contact", _text, ""),
    Setting("data_protection.legal_basis", _text, ""),
    Setting("data_protection.retention", _text, ""),
    Setting("data_protection.authority", _text, ""),
    Setting("keymap", _keymap, {}),
)
KNOWN = {s.key: s for s in SETTINGS}
TABLES = {"data_protection"}
"""Tables whose keys are settings of their own (keymap is one setting: a table of its own keys)."""


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
class DataProtection:
    """What the professional minute says about data protection, beyond the defaults it writes itself."""

    controller: str = ""
    contact: str = ""
    """The data-protection officer (DPO), or whom to contact."""
    legal_basis: str = ""
    retention: str = ""
    authority: str = ""
    """The data-protection authority a complaint can be lodged with."""


@dataclass(frozen=True)
class Config:
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


def _line_of(error: tomllib.TOMLDecodeError) -> int | None:
    found = re.search(r"line (\d+)", str(error))
    return int(found[1]) if found else None


def read_settings(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The good settings of one file (dotted key -> value) and what was wrong in it."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return {}, []
    except PermissionError:
        return {}, [Problem(path, "setup.config.unreadable")]
    except UnicodeDecodeError:
        return {}, [Problem(path, "setup.config.not_utf8")]
    except tomllib.TOMLDecodeError as error:
        return {}, [Problem(path, "setup.config.syntax", {"line": _line_of(error) or "?"})]
    except OSError:
        return {}, [Problem(path, "setup.config.unreadable")]
    flat: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in raw.items():
        if name in TABLES and isinstance(value, dict):
            flat.update({f"{name}.{key}": inner for key, inner in value.items()})
        else:
            flat[name] = value
    good: dict[str, Any] = {}
    for key, value in flat.items():
        setting = KNOWN.get(key)
        if setting is None:
            problems.append(Problem(path, "setup.config.unknown_key", {"key": key}))
            continue
        try:
            good[key] = setting.parse(value)
        except BadValue as bad:
            shown = value if isinstance(value, (str, int, float)) else type(value).__name__
            problems.append(Problem(path, bad.key, {"key": key, "value": shown, **bad.params}))
    return good, problems


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
