"""Acronyms a text explains itself: « l'agence immobilière sociale (AIS) » says what AIS is.

The letter's readability check counts such an acronym as explained, and the letter says its long form
where the acronym is first used without it (« AIS : l'agence immobilière sociale »).
"""

from __future__ import annotations

import re

from .words import fold

_IN_BRACKETS = re.compile(r"\(([A-ZÀ-Ý]{2,})\)")
_SMALL = {"de", "d", "des", "du", "la", "le", "les", "l", "et", "pour", "of", "the", "and", "for", "van", "voor",
          "en", "het"}
"""Words an acronym skips (« Centre public d'action sociale »: CPAS)."""
ACRONYM = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{2,}(?![\w-])")


def _long_form(before: str, acronym: str) -> str:
    """The words before « (ACRONYM) » whose initials spell it, read backwards; '' when they do not."""
    words = re.findall(r"[\w'’-]+", before)
    letters = list(fold(acronym))
    taken: list[str] = []
    for word in reversed(words):
        if not letters:
            break
        bare = re.sub(r"^(?:l|d)['’]", "", word)
        if fold(bare) in _SMALL and taken:
            taken.append(word)
            continue
        if not bare or fold(bare)[0] != letters[-1]:
            return ""
        letters.pop()
        taken.append(word)
    if letters:
        return ""
    first = re.sub(r"^(?:l|d)['’]", "", taken[-1])
    return " ".join([first, *reversed(taken[:-1])])


def explained_in_brackets(text: str) -> dict[str, str]:
    """{acronym: its long form} for each « long form (ACRONYM) » in `text`."""
    found: dict[str, str] = {}
    for match in _IN_BRACKETS.finditer(text):
        long = _long_form(text[:match.start()], match.group(1))
        if long:
            found.setdefault(match.group(1), long)
    return found
