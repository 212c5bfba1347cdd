"""Every sentence the user reads, in French and English, behind one lookup.

`t("key", lang, **params)` formats the sentence of `key` in `lang` (French by default). Enum values
have labels under "<enum class name>.<value>", e.g. `label(Domain.HOUSING, "fr")` -> "logement".
"""

from __future__ import annotations

import os
from enum import Enum

from . import (
    en, fr, minute_en, minute_fr, reread_en, reread_fr, series_en, series_fr, setup_en, setup_fr, tui_en, tui_fr,
)
from . import issue18content_en, issue18content_fr

# One catalogue per language, kept in one file per layer so that each layer's words stay together.
CATALOGUES: dict[str, dict[str, str]] = {
    "fr": {**fr.STRINGS, **minute_fr.STRINGS, **tui_fr.STRINGS, **series_fr.STRINGS, **reread_fr.STRINGS,
           **setup_fr.STRINGS, **issue18content_fr.STRINGS},
    "en": {**en.STRINGS, **minute_en.STRINGS, **tui_en.STRINGS, **series_en.STRINGS, **reread_en.STRINGS,
           **setup_en.STRINGS, **issue18content_en.STRINGS},
}
DEFAULT_LANGUAGE = "fr"


def resolve_language(lang: str | None = None, configured: str | None = None) -> str:
    """The language to use: the one asked for, else CONCERTATION_LANG, else the configured one, else French."""
    for candidate in (lang, os.environ.get("CONCERTATION_LANG"), configured):
        if candidate:
            short = str(candidate).split("_")[0].split("-")[0].lower()
            if short in CATALOGUES:
                return short
    return DEFAULT_LANGUAGE


_VOWELS = tuple("AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜaeiouyàâäéèêëîïôöùûü")


def _fit(text: str, language: str, params: dict[str, object]) -> str:
    """Adjust the sentence to the values it receives, before they are put in: in French « de » is
    elided before a vowel (« l'apport d'Ana R. », not « de Ana R. »), and in every language a value
    that ends with a full stop takes the place of the sentence's own (« Mme D. », never « Mme D.. »)."""
    for name, value in params.items():
        value = str(value)
        if not value:
            continue
        field = "{" + name + "}"
        if language == "fr" and value.startswith(_VOWELS):
            text = text.replace(" de " + field, " d'" + field).replace("De " + field, "D'" + field)
            if text.startswith("de " + field):
                text = "d'" + text[3:]
        if value.endswith("."):
            text = text.replace(field + ".", field)
    return text


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The sentence `key` in `lang`, with `params` filled in."""
    language = resolve_language(lang)
    catalogue = CATALOGUES[language]
    text = catalogue.get(key) or CATALOGUES[DEFAULT_LANGUAGE].get(key)
    if text is None:
        raise KeyError(key)
    return _fit(text, language, params).format(**params) if params else text


def label(value: Enum, lang: str | None = None) -> str:
    """The word shown for an enum value."""
    return t(f"{type(value).__name__}.{value.value}", lang)
