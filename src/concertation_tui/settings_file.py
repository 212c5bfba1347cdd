"""What one `config.toml` may hold, checked by pydantic: each refused key named with what it expects.

Imported by `config.read_settings` only when a settings file is there: building these models costs
about 30 ms, which every command would otherwise pay for a file most machines do not have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .config import MAX_DUE_DAYS, Problem
from .pydantic_plugins import refuse_plugins

refuse_plugins()  # the settings name people and contacts too: no pydantic plugin sees them


def _stripped(value: str) -> str:
    """The value without spaces around it. (A function of ours, not `str.strip`: pydantic reads a
    validator's signature, and a builtin's is parsed from text with Python's tokenizer, whose first use
    cost every command run with a settings file about 5 ms.)"""
    return value.strip()


Text = Annotated[str, AfterValidator(_stripped)]
Key = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A key binding: a non-empty key name, such as "f9" or "ctrl+t"."""


class FileDataProtection(BaseModel):
    """The `[data_protection]` table (its values become `config.DataProtection`)."""

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
    "7" for 7, no true for 1), an unknown key refused. `validated` names each refusal and keeps the rest."""

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
    data_protection: FileDataProtection | None = None


# The sentence that says what a setting expects (the catalogue's `setup.config.expect_*`).
_EXPECTED: dict[str, tuple[str, dict[str, object]]] = {
    "language": ("setup.config.expect_choice", {"choices": "fr, en, nl"}),
    "minute_due_days": ("setup.config.expect_days", {"limit": MAX_DUE_DAYS}),
    "keymap": ("setup.config.expect_keymap", {}),
}
_ROUNDS = len(FileSettings.model_fields) + len(FileDataProtection.model_fields)


def validated(path: Path, raw: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Validate the file's settings; each refused key is named with what it expects, and dropped."""
    problems: list[Problem] = []
    order = {name: n for n, name in enumerate(raw)}  # problems are said in the file's order
    for _ in range(_ROUNDS + len(raw) + 1):  # each round drops at least one key: it ends
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
