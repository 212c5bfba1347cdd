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
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .paths import config_file

CONFIG_NAME = "config.toml"
MAX_DUE_DAYS = 366

Text = Annotated[str, AfterValidator(str.strip)]
Key = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A key binding: a non-empty key name, such as "f9" or "ctrl+t"."""


class DataProtection(BaseModel):
    """What the professional minute says about data protection, beyond the defaults it writes itself."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, hide_input_in_errors=True)

    controller: Text = ""
    contact: Text = ""
    """The data-protection officer (DPO), or whom to contact."""
    legal_basis: Text = ""
    retention: Text = ""
    authority: Text = ""
    """The data-protection authority a complaint can be lodged with."""


class FileSettings(BaseModel):
    """What one `config.toml` may hold: every key optional, a value of the wrong kind refused (strict: no
    "7" for 7, no true for 1), an unknown key refused. `read_settings` names each refusal and keeps the rest."""

    model_config = ConfigDict(extra="forbid", strict=True, hide_input_in_errors=True)

    language: Literal["fr", "en", "nl"] | None = None
    """Empty: CONCERTATION_LANG, else French."""
    theme: Text | None = None
    """A Textual theme name; "high-contrast" is ours."""
    organisation: Text | None = None
    minute_due_days: Annotated[int, Field(gt=0, le=MAX_DUE_DAYS)] | None = None
    """The launcher flags a minute not issued after this many days."""
    keymap: dict[str, Key] | None = None
    """Binding id -> key(s)."""
    data_protection: DataProtection | None = None


# The sentence that says what a setting expects (the catalogue's `setup.config.expect_*`).
_EXPECTED: dict[str, tuple[str, dict[str, object]]] = {
    "language": ("setup.config.expect_choice", {"choices": "fr, en, nl"}),
    "minute_due_days": ("setup.config.expect_days", {"limit": MAX_DUE_DAYS}),
    "keymap": ("setup.config.expect_keymap", {}),
}
KEYS: tuple[str, ...] = (
    *(name for name in FileSettings.model_fields if name != "data_protection"),
    *(f"data_protection.{name}" for name in DataProtection.model_fields),
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


class Config(BaseModel):
    """The settings in use: the defaults, then each file's good values, key by key."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    language: str = ""
    """Empty: CONCERTATION_LANG, else French."""
    theme: str = ""
    organisation: str = ""
    minute_due_days: int = 7
    keymap: dict[str, str] = Field(default_factory=dict)
    data_protection: DataProtection = Field(default_factory=DataProtection)
    sources: dict[str, Path] = Field(default_factory=dict)
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
    return _validated(path, raw)


def _validated(path: Path, raw: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Validate the file's settings; each refused key is named with what it expects, and dropped."""
    problems: list[Problem] = []
    order = {name: n for n, name in enumerate(raw)}  # problems are said in the file's order
    for _ in range(len(KEYS) + len(raw) + 1):  # each round drops at least one key: it ends
        try:
            settings = FileSettings.model_validate(raw)
            break
        except ValidationError as error:
            for problem in error.errors(include_input=False, include_url=False):
                loc = [str(part) for part in problem["loc"]]
                table = loc[0] == "data_protection" and len(loc) > 1
                key = ".".join(loc[:2]) if table else loc[0]
                if problem["type"] == "extra_forbidden" or (loc[0] == "data_protection" and not table):
                    sentence, params = "setup.config.unknown_key", {}
                else:
                    sentence, params = _EXPECTED.get(key, ("setup.config.expect_text", {}))
                value = _drop(raw, loc[:2] if table else loc[:1])
                shown = value if isinstance(value, (str, int, float)) else type(value).__name__
                if not any(p.params.get("key") == key for p in problems):
                    problems.append(Problem(path, sentence, {"key": key, "value": shown, **params}))
    else:  # pragma: no cover - cannot happen: every round drops what it refused
        return {}, problems
    problems.sort(key=lambda p: order.get(str(p.params["key"]).split(".")[0], len(order)))
    good = settings.model_dump(exclude_none=True, exclude={"data_protection"})
    if settings.data_protection is not None:
        given = settings.data_protection.model_fields_set
        good.update({f"data_protection.{name}": getattr(settings.data_protection, name) for name in given})
    return good, problems


def _drop(raw: dict[str, Any], loc: list[str]) -> Any:
    """Remove the value at `loc` from the file's settings; returns it (None if already gone)."""
    holder = raw
    for part in loc[:-1]:
        holder = holder.get(part) if isinstance(holder, dict) else None
    return holder.pop(loc[-1], None) if isinstance(holder, dict) else None


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
