"""Every sentence the user reads, in French, English and Dutch, behind one lookup.

`t("key", lang, **params)` formats the sentence of `key` in `lang` (French by default). A message with
plural forms picks its form by the `count` parameter: `t("tui.live.said_count", "fr", count=1)` ->
« 1 note · Entrée : modifier ». Enum values have labels under "<enum class name>.<value>", e.g.
`label(Domain.HOUSING, "fr")` -> "logement".

The sentences live in gettext catalogues, `locale/<lang>.po` (msgctxt = the key, msgid = the French
sentence), compiled to `locale/<lang>.mo` when the wheel is built (`hatch_build.py`). A language's .mo is
read on its first use. In a checkout the .po sits beside the .mo: a .mo missing or compiled from another
version of the .po is compiled again (and rewritten when the folder allows), so an edited .po always wins.
New sentences are added as `<area>_<lang>.py` dicts and merged with `tools/i18n_import_dicts.py`; until
they are merged, a key missing from the catalogue is looked up in those modules.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from enum import Enum

LANGUAGES: tuple[str, ...] = ("fr", "en", "nl")
# The locale of each language's dates and lists, unless a meeting names its own (fr_FR, nl_NL...).
DEFAULT_LOCALES: dict[str, str] = {"fr": "fr_BE", "en": "en_GB", "nl": "nl_BE"}
DEFAULT_LANGUAGE = "fr"
# os.path, not pathlib: importing pathlib would cost more than reading a catalogue.
LOCALE = os.path.join(os.path.dirname(__file__), "locale")
COUNT = "count"  # the parameter that picks the plural form


def resolve_language(lang: str | None = None, configured: str | None = None) -> str:
    """The language to use: the one asked for, else CONCERTATION_LANG, else the configured one, else French."""
    for candidate in (lang, os.environ.get("CONCERTATION_LANG"), configured):
        if candidate:
            short = str(candidate).split("_")[0].split("-")[0].lower()
            if short in LANGUAGES:
                return short
    return DEFAULT_LANGUAGE


class Catalogue:
    """The messages of one language: {key: forms} and the rule that picks a plural form."""

    def __init__(self, messages: dict[str, tuple[str, ...]], plural_forms: str) -> None:
        self.messages = messages
        self.plural = _plural_rule(plural_forms)


def _plural_rule(header: str):
    expression = header.partition("plural=")[2].strip().rstrip(";").strip()
    # The rules of our languages without a parser; another language's goes through gettext's.
    known = {"(n > 1)": lambda n: int(n > 1), "n > 1": lambda n: int(n > 1),
             "(n != 1)": lambda n: int(n != 1), "n != 1": lambda n: int(n != 1), "0": lambda n: 0}
    if expression in known:
        return known[expression]
    import gettext
    return gettext.c2py(expression or "0")


_CATALOGUES: dict[str, Catalogue] = {}


def catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang`, read (and compiled if its .po changed) on first use."""
    found = _CATALOGUES.get(lang)
    if found is None:
        found = _CATALOGUES[lang] = _load(lang)
    return found


def _load(lang: str) -> Catalogue:
    from . import catalogue_files as files

    mo, po = os.path.join(LOCALE, f"{lang}.mo"), os.path.join(LOCALE, f"{lang}.po")
    data = _read(mo)
    source = _read(po)
    if source is not None:
        if data is None or files.mo_header(data).get(files.DIGEST_HEADER) != files.digest(source):
            data = files.compile_po(source)
            _write_quietly(mo, data)
    if data is None:
        raise FileNotFoundError(f"no catalogue for {lang!r} in {LOCALE}")
    headers, messages = files.read_mo(data)
    return Catalogue(messages, headers.get("Plural-Forms", ""))


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def _write_quietly(path: str, data: bytes) -> None:
    """Keep the compiled catalogue for the next start, when the folder is ours to write."""
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}")
    try:
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


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


# -- punctuation: French sets a space before « : » and inside « », English and Dutch do not -----------
# The one place the interface and the minute take their punctuation from (the minute makes the French
# spaces non-breaking when it writes the file: minute/text.py).


def colon(lang: str | None = None) -> str:
    """What comes between a label and its value: ' : ' in French, ': ' in English and Dutch."""
    return " : " if resolve_language(lang) == "fr" else ": "


def quote_marks(lang: str | None = None, space: str = " ") -> tuple[str, str]:
    """The opening and closing quotation marks: « and » with `space` inside in French, “ ” in English
    and Dutch (for marks drawn apart from the words, in another style)."""
    return (f"«{space}", f"{space}»") if resolve_language(lang) == "fr" else ("“", "”")


def quoted(words: str, lang: str | None = None, space: str = " ") -> str:
    """« words » in French (with `space` inside the marks: the minute's is non-breaking), “words”
    in English; '' for no words. The one place where the interface and the minute quote someone."""
    words = inside_quotes(words, lang)
    if not words:
        return ""
    opening, closing = quote_marks(lang, space)
    return f"{opening}{words}{closing}"


def forms(key: str, lang: str) -> tuple[str, ...] | None:
    """The forms of `key` in `lang` (one, or one per plural form), or None when it has none."""
    found = catalogue(lang).messages.get(key)
    if found is None:
        found = _not_yet_merged(lang).get(key)
    return found


def t(key: str, lang: str | None = None, /, **params: object) -> str:
    """The sentence `key` in `lang`, with `params` filled in; its plural form chosen by `count`."""
    language = resolve_language(lang)
    options = forms(key, language)
    if options is None and language != DEFAULT_LANGUAGE:
        language_of_text, options = DEFAULT_LANGUAGE, forms(key, DEFAULT_LANGUAGE)
    else:
        language_of_text = language
    if options is None:
        raise KeyError(key)
    text = options[0]
    if len(options) > 1:
        count = params.get(COUNT)
        if not isinstance(count, int):
            raise TypeError(f"{key} has plural forms: give its count as an integer `count=`")
        index = catalogue(language_of_text).plural(abs(count))
        text = options[min(index, len(options) - 1)]
    if not params:
        return text
    text = _fit(text, language_of_text, params)
    return text.format(**{name: _fit_value(text, name, value) for name, value in params.items()})


def label(value: Enum, lang: str | None = None) -> str:
    """The word shown for an enum value."""
    return t(f"{type(value).__name__}.{value.value}", lang)


# -- sentences not merged into the catalogues yet -------------------------------------------------------
# Branches add their sentences as `<area>_<lang>.py` dict modules; `tools/i18n_import_dicts.py` moves them
# into the .po files. Until then they are found here, on a miss only (a test asks that none are left).

_LEFTOVERS: dict[str, dict[str, tuple[str, ...]]] = {}


def leftover_modules(lang: str) -> list[str]:
    stems = [name[:-3] for name in os.listdir(os.path.dirname(__file__)) if name.endswith(f"{lang}.py")]
    return sorted(s for s in stems if s == lang or (s.endswith("_" + lang) and s[:-3].isalnum()))


def _not_yet_merged(lang: str) -> dict[str, tuple[str, ...]]:
    found = _LEFTOVERS.get(lang)
    if found is None:
        import importlib

        found = {}
        for name in leftover_modules(lang):
            strings = getattr(importlib.import_module(f"{__name__}.{name}"), "STRINGS", {})
            found.update({k: (v,) if isinstance(v, str) else tuple(v) for k, v in strings.items()})
        _LEFTOVERS[lang] = found
    return found
