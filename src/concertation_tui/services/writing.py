"""The writing helper: hints beside a note that judges rather than describes, or speaks of a third person.

A hint is never a block: the facilitator decides. The word lists are plain text files per language
(`data/judging-words.<lang>.txt`, `data/third-persons.<lang>.txt`); an organisation extends them with
files of the same names in its folder (for every user, see `resources`), a user in their settings
folder. No Textual here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..i18n import resolve_language, t
from ..model import Meeting
from ..resources import word_list_folders


def _fold(text: str) -> str:
    """Lowercase, apostrophes unified, accents kept."""
    return unicodedata.normalize("NFC", text.replace("’", "'")).lower()


@lru_cache(maxsize=1024)
def _pattern(phrase: str) -> re.Pattern:
    """A phrase as a whole-word pattern where an accented letter may also be typed without its accent.

    'déni' finds 'déni' and 'deni'; 'sale' does not find 'salé'.
    """
    parts = []
    for ch in phrase:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if ch == "œ":
            parts.append("(?:œ|oe)")
        elif base != ch and len(base) == 1:
            parts.append(f"[{re.escape(ch)}{re.escape(base)}]")
        else:
            parts.append(re.escape(ch))
    return re.compile(rf"(?<!\w){''.join(parts)}(?!\w)")


def _read_list(name: str, folders: tuple[Path, ...]) -> list[str]:
    lines = []
    for folder in folders:
        path = folder / name
        try:
            content = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
            continue
        lines += [line.strip() for line in content.splitlines() if line.strip() and not line.startswith("#")]
    return lines


def judging_words(lang: str) -> dict[str, str]:
    """Folded phrase -> why it judges: the shipped list, then the organisation's own."""
    return _judging_words(lang, word_list_folders())


@cache
def _judging_words(lang: str, folders: tuple[Path, ...]) -> dict[str, str]:
    words = {}
    for line in _read_list(f"judging-words.{lang}.txt", folders):
        phrase, _, why = line.partition("|")
        words[_fold(phrase.strip())] = why.strip() or t("writing.judging", lang)
    return words


def third_person_words(lang: str) -> tuple[str, ...]:
    return _third_person_words(lang, word_list_folders())


@cache
def _third_person_words(lang: str, folders: tuple[Path, ...]) -> tuple[str, ...]:
    return tuple(_fold(word) for word in _read_list(f"third-persons.{lang}.txt", folders))


@dataclass(frozen=True)
class Hint:
    kind: str
    """'judging' or 'third_person'."""
    term: str
    """The words found, as written in the note."""
    why: str
    """One sentence: why it is worth a second look."""


def _find(folded: str, phrase: str) -> re.Match | None:
    return _pattern(phrase).search(folded)


def hints(text: str, meeting: Meeting | None = None, lang: str | None = None) -> list[Hint]:
    """Hints for one note. With the meeting, kin of someone present (the daughter who is there) are fine."""
    lang = resolve_language(lang)
    folded = _fold(text)
    aligned = len(folded) == len(text)  # then offsets in the folded text are offsets in the text

    def written(match: re.Match) -> str:
        return text[match.start() : match.end()] if aligned else match.group()

    found: list[Hint] = []
    for phrase, why in judging_words(lang).items():
        match = _find(folded, phrase)
        if match:
            found.append(Hint("judging", written(match), why))
    present = ""
    if meeting is not None:
        present = _fold(" ".join([*(p.role for p in meeting.participants), *(m.link for m in meeting.network)]))
    for word in third_person_words(lang):
        match = _find(folded, word)
        if match and not _find(present, word):
            found.append(Hint("third_person", written(match), t("writing.third_person", lang)))
    return found
