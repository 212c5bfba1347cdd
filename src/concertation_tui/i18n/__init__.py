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


_ELIDED = (("de ", "d'"), ("De ", "D'"), ("que ", "qu'"), ("Que ", "Qu'"), ("lorsque ", "lorsqu'"),
           ("puisque ", "puisqu'"))
"""French words that lose their vowel before a name that starts with one (« d'Anne », « qu'Émile »)."""
_QUOTES = (("« ", " »"), ("«", "»"), ('"', '"'), ("“", "”"))
"""Quotation marks a sentence may put around a value, and a value may already carry (a chosen name)."""


def _quoted(value: str) -> bool:
    value = value.strip()
    return any(value.startswith(left.strip()) and value.endswith(right.strip()) and len(value) > 1
               for left, right in _QUOTES)


def _fit(text: str, language: str, params: dict[str, object]) -> str:
    """Adjust the sentence to the values it receives, before they are put in: in French « de » and
    « que » are elided before a vowel (« l'apport d'Ana R. », not « de Ana R. »); in every language a
    value that ends with a full stop takes the place of the sentence's own (« Mme D. », never
    « Mme D.. »), and a value already in quotation marks (a name chosen as « Jo ») is not quoted again.
    The values themselves are changed by `_fit_value`."""
    for name, value in params.items():
        value = str(value)
        if not value:
            continue
        field = "{" + name + "}"
        if language == "fr" and value.lstrip("«“\" ").startswith(_VOWELS):
            for word, elided in _ELIDED:
                text = text.replace(" " + word + field, " " + elided + field)
                if text.startswith(word + field):
                    text = elided + text[len(word):]
        if value.endswith("."):
            text = text.replace(field + ".", field)
        if _quoted(value):
            for left, right in _QUOTES:
                text = text.replace(left + field + right, field)
    return text


def _fit_value(text: str, name: str, value: object) -> object:
    """A value put between the sentence's own « » never brings a quotation of the same kind inside it:
    its « » become “ ” (the French marks for a quotation inside a quotation)."""
    field = "{" + name + "}"
    inside = f"« {field} »" in text or f"«{field}»" in text
    if inside and isinstance(value, str) and ("«" in value or "»" in value):
        return value.replace("« ", "“").replace(" »", "”").replace("«", "“").replace("»", "”")
    return value


def inside_quotes(words: str, lang: str | None = None) -> str:
    """Words ready to go between quotation marks: on one line, their own outer marks taken off (a name
    typed as « Jo » is quoted once), and marks inside them made the inner kind (“ ” inside « » in French,
    ‘ ’ inside “ ” in English): never a quotation inside a quotation of the same kind."""
    words = " ".join(words.split())
    if _quoted(words):
        words = words[1:-1].strip()
    if resolve_language(lang) == "fr":
        return words.replace("« ", "“").replace(" »", "”").replace("«", "“").replace("»", "”")
    return words.replace("“", "‘").replace("”", "’")


def quoted(words: str, lang: str | None = None, space: str = " ") -> str:
    """« words » in French (with `space` inside the marks: the minute's is non-breaking), “words”
    in English; '' for no words. The one place where the interface and the minute quote someone."""
    words = inside_quotes(words, lang)
    if not words:
        return ""
    return f"«{space}{words}{space}»" if resolve_language(lang) == "fr" else f"“{words}”"


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The sentence `key` in `lang`, with `params` filled in."""
    language = resolve_language(lang)
    catalogue = CATALOGUES[language]
    text = catalogue.get(key) or CATALOGUES[DEFAULT_LANGUAGE].get(key)
    if text is None:
        raise KeyError(key)
    if not params:
        return text
    text = _fit(text, language, params)
    return text.format(**{name: _fit_value(text, name, value) for name, value in params.items()})


def label(value: Enum, lang: str | None = None) -> str:
    """The word shown for an enum value."""
    return t(f"{type(value).__name__}.{value.value}", lang)
