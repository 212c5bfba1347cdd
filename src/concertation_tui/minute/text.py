"""How the minute writes dates, times, quotations and lists of names, in French or English."""

from __future__ import annotations

import datetime as dt
import re

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_date_format
from babel.lists import format_list

from ..model import Meeting

DEFAULT_LOCALES = {"fr": "fr_BE", "en": "en_GB"}
NBSP = "\u00a0"


def language(meeting: Meeting) -> str:
    """The minute's language: 'fr' or 'en'."""
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


def long_date(day: dt.date, loc: str) -> str:
    """'lundi 23 novembre 2026', 'Monday, 23 November 2026'."""
    pattern = get_date_format("full", locale=loc).pattern
    return format_date(day, _first_of_month(pattern, day, loc), locale=loc)


def short_date(day: dt.date, loc: str) -> str:
    """'1er déc. 2026', '1 Dec 2026' (for table cells)."""
    pattern = get_date_format("medium", locale=loc).pattern
    return format_date(day, _first_of_month(pattern, day, loc), locale=loc)


def time_of_day(moment: dt.time | dt.datetime, loc: str) -> str:
    """'14 h 05' in French, '14:05' in English."""
    clock = moment.timetz() if isinstance(moment, dt.datetime) else moment
    text = format_time(clock.replace(tzinfo=None), "short", locale=loc)
    if loc.startswith("fr"):
        match = re.fullmatch(r"(\d{1,2})[:.h ]+(\d{2})", text)
        if match:
            hours, minutes = match.groups()
            text = f"{int(hours)}{NBSP}h" + ("" if minutes == "00" else f"{NBSP}{minutes}")
    return text


def names(items: list[str], loc: str) -> str:
    """'A, B et C', 'A, B and C'."""
    items = [i for i in items if i]
    return format_list(items, locale=loc) if items else ""


def quote(words: str, lang: str) -> str:
    """The person's words between quotation marks: « ... » in French, “...” in English."""
    words = " ".join(words.split())
    if not words:
        return ""
    if words[0] in "«“\"" and words[-1] in "»”\"":
        words = words[1:-1].strip()
    if lang == "fr":
        return f"«{NBSP}{words}{NBSP}»"
    return f"“{words}”"


_BEFORE_PUNCT = re.compile(r"[ \t]+([:;?!»])")
_AFTER_GUILLEMET = re.compile(r"«[ \t]+")
_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d)")
_HOURS = re.compile(r"(?<=\d) (?=h\b)")
_NUMBER_SIGN = re.compile(r"\b(n°|no\.) (?=\d)")


def typography(text: str, lang: str) -> str:
    """Non-breaking spaces where a line must not break: inside a telephone number, in "9 h" and "n° 2";
    in French also before : ; ? ! » and after «."""
    if not text:
        return text
    text = _DIGIT_GROUPS.sub(NBSP, text)
    text = _NUMBER_SIGN.sub(r"\1" + NBSP, text)
    text = _HOURS.sub(NBSP, text)
    if lang != "fr":
        return text
    text = _BEFORE_PUNCT.sub(NBSP + r"\1", text)
    return _AFTER_GUILLEMET.sub("«" + NBSP, text)


def sentence(text: str) -> str:
    """The text ending with a full stop, unless it ends with a punctuation mark already."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…»”\")" else text + "."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
