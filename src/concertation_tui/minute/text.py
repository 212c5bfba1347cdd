"""How the minute writes dates, times, quotations and lists of names, in French, English or Dutch."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_date_format
from babel.lists import format_list

from ..i18n import DEFAULT_LOCALES, quoted
from ..model import Meeting

NBSP = "\u00a0"


def language(meeting: Meeting) -> str:
    """The minute's language: 'fr', 'en' or 'nl'."""
    return meeting.language.value


def locale(meeting: Meeting) -> str:
    """The locale for dates (fr_BE, fr_FR, en_GB...): the meeting's, if babel knows it and it is in the
    minute's language; else the language's default."""
    wanted = language(meeting)
    given = (meeting.locale or "").replace("-", "_")
    try:
        known = Locale.parse(given)
    except (ValueError, TypeError, UnknownLocaleError):
        return DEFAULT_LOCALES[wanted]
    return str(known) if known.language == wanted else DEFAULT_LOCALES[wanted]


def language_tag(meeting: Meeting) -> str:
    """The document's language tag: fr-BE, fr-FR, en-GB..."""
    return locale(meeting).replace("_", "-")


def _first_of_month(pattern: str, day: dt.date, loc: str) -> str:
    """In French the first of the month is written '1er' ("mardi 1er décembre")."""
    if day.day == 1 and loc.startswith("fr"):
        return re.sub(r"(?<![d'])d(?!d)", "'1er'", pattern)
    return pattern


@lru_cache(maxsize=16)
def _babel_locale(loc: str) -> Locale:
    """One babel Locale per name (parsing one each time was most of the cost of a date or a list)."""
    return Locale.parse(loc)


def _format_day(day: dt.date, width: str, loc: str) -> str:
    locale_ = _babel_locale(loc)
    pattern = get_date_format(width, locale=locale_).pattern
    return format_date(day, _first_of_month(pattern, day, loc), locale=locale_)


_format_plain_day = lru_cache(maxsize=1024)(_format_day)
"""The same for a plain date, remembered (a datetime is not: equal instants may fall on different days)."""


def _day(day: dt.date, width: str, loc: str) -> str:
    return _format_plain_day(day, width, loc) if type(day) is dt.date else _format_day(day, width, loc)


def long_date(day: dt.date, loc: str) -> str:
    """'lundi 23 novembre 2026', 'Monday, 23 November 2026'."""
    return _day(day, "full", loc)


def short_date(day: dt.date, loc: str) -> str:
    """'1er déc. 2026', '1 Dec 2026' (for table cells)."""
    return _day(day, "medium", loc)


def time_of_day(moment: dt.time | dt.datetime, loc: str) -> str:
    """'14 h 05' in French, '14:05' in English."""
    clock = moment.timetz() if isinstance(moment, dt.datetime) else moment
    text = format_time(clock.replace(tzinfo=None), "short", locale=_babel_locale(loc))
    if loc.startswith("fr"):
        match = re.fullmatch(r"(\d{1,2})[:.h ]+(\d{2})", text)
        if match:
            hours, minutes = match.groups()
            text = f"{int(hours)}{NBSP}h" + ("" if minutes == "00" else f"{NBSP}{minutes}")
    return text


def names(items: list[str], loc: str) -> str:
    """'A, B et C', 'A, B and C'."""
    items = [i for i in items if i]
    return format_list(items, locale=_babel_locale(loc)) if items else ""


def quote(words: str, lang: str) -> str:
    """The person's words between quotation marks: « ... » in French, “...” in English and Dutch (i18n.quoted:
    the interface quotes the same way)."""
    return quoted(words, lang, space=NBSP)


_BEFORE_PUNCT = re.compile(r"[ \t]+([:;?!»])")
_AFTER_GUILLEMET = re.compile(r"«[ \t]+")
_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d)")
_HOURS = re.compile(r"(?<=\d) (?=h\b)")
_NUMBER_SIGN = re.compile(r"\b(n°|no\.) (?=\d)")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[:;?!»]")


def typography(text: str, lang: str) -> str:
    """Non-breaking spaces where a line must not break: inside a telephone number, in "9 h" and "n° 2";
    in French also before : ; ? ! » and after «."""
    if not text or (" " not in text and "\t" not in text):  # every rule below replaces a space or a tab
        return text
    if " " in text and _DIGIT.search(text):  # the first three need a space and a digit
        text = _DIGIT_GROUPS.sub(NBSP, text)
        text = _NUMBER_SIGN.sub(r"\1" + NBSP, text)
        text = _HOURS.sub(NBSP, text)
    if lang != "fr":
        return text
    if _PUNCT.search(text):
        text = _BEFORE_PUNCT.sub(NBSP + r"\1", text)
    return _AFTER_GUILLEMET.sub("«" + NBSP, text) if "«" in text else text


def sentence(text: str) -> str:
    """The text ending with a full stop, unless it ends with a punctuation mark already."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…»”\")" else text + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
