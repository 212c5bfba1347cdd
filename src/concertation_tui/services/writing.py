"""The writing helper: hints beside a note that judges rather than describes, or speaks of a third person.

A hint is never a block: the facilitator decides. It reads language, not strings: each entry is
compared on lemmas (« il refusait de collaborer » is a form of « refuser de collaborer », « des propos
agressifs » of « agressif »), an entry marked « ! » only when it is denied or weakened (« elle ne
collaborait pas », « il collabore peu »). Entries fall in four categories, each with its suggestion:
a judgement of character, compliance words, a diagnosis put by someone who is not a clinician,
information about a third party.

The lists are plain text files per language, `data/writing-words.<lang>.txt`, one entry a line:
« catégorie | expression | suggestion ». An organisation adds its own in a file of the same name in its
folder (for every user, see `resources`), a user in their settings folder. The older forms
(`judging-words.<lang>.txt`: « expression | pourquoi », `third-persons.<lang>.txt`: one word a line)
are still read. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..i18n import resolve_language, t
from ..language_tools.words import LANGS, Token, fold, lemma, negated, tokens
from ..model import Meeting
from ..resources import word_list_folders

CATEGORIES = ("character", "compliance", "diagnosis", "third_party")
CATEGORY_NAMES = {
    "character": "character", "jugement": "character", "caractère": "character", "caractere": "character",
    "oordeel": "character", "compliance": "compliance", "observance": "compliance", "therapietrouw": "compliance",
    "diagnosis": "diagnosis", "diagnostic": "diagnosis", "diagnose": "diagnosis", "third_party": "third_party",
    "third party": "third_party", "tiers": "third_party", "derde": "third_party", "derden": "third_party",
}
"""How a category may be written in a list (the organisation's administrator writes in their language)."""

_FUNCTION_WORDS = {
    "fr": {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux"},
    "en": {"the", "a", "an", "to", "of"},
    "nl": {"de", "het", "een", "te", "van"},
}
"""Left out of an entry when it is compared: « dans le déni » finds « dans un déni »."""
GAP = 2
"""Words that may stand between two words of an entry (« refuse catégoriquement de collaborer »)."""
CLINICIANS = {
    "fr": ("médecin", "psychiatre", "psychologue", "docteur", "neurologue", "gériatre", "pédopsychiatre"),
    "en": ("doctor", "physician", "psychiatrist", "psychologist", "gp", "neurologist"),
    "nl": ("arts", "dokter", "psychiater", "psycholoog", "huisarts"),
}
"""A speaker whose role names one of these may write a diagnosis."""


@dataclass(frozen=True)
class Entry:
    category: str
    words: tuple[tuple[str, bool], ...]
    """(folded lemma, only when denied) per word, function words left out."""
    phrase: str
    """As written in the list."""
    suggestion: str


@dataclass(frozen=True)
class Hint:
    kind: str
    """'judging' or 'third_person' (what the interface marks)."""
    term: str
    """The words found, as written in the note."""
    why: str
    """One sentence: why it is worth a second look, and what to write instead."""
    category: str = "character"
    """character, compliance, diagnosis or third_party."""


def _read_list(name: str, folders: tuple[Path, ...]) -> list[str]:
    lines = []
    for folder in folders:
        try:
            content = (folder / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        lines += [line.strip() for line in content.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return lines


def _entry(category: str, phrase: str, suggestion: str, lang: str) -> Entry | None:
    """An entry from its phrase: « ! » before a word means « only when denied or weakened »."""
    skip = _FUNCTION_WORDS.get(lang, set())
    words: list[tuple[str, str, bool]] = []
    for part in phrase.split():
        denied = part.startswith("!")
        for word in tokens(part.lstrip("!"), lang):
            words.append((fold(word.text), lemma(word.text, lang), denied))
    kept = [(lem, denied) for folded, lem, denied in words if folded not in skip] if len(words) > 1 else [
        (lem, denied) for _, lem, denied in words]
    if not kept:
        return None
    return Entry(category, tuple(kept), phrase.replace("!", "").strip(), suggestion)


def entries(lang: str) -> tuple[Entry, ...]:
    """The shipped entries, then the organisation's, then the user's."""
    return _entries(lang, word_list_folders())


@cache
def _entries(lang: str, folders: tuple[Path, ...]) -> tuple[Entry, ...]:
    """Folder by folder (the later extends and overrides the earlier); in one folder the older forms first,
    so that a list in the new form wins over an older one beside it."""
    found: list[Entry] = []
    for folder in folders:
        where = (folder,)
        for line in _read_list(f"judging-words.{lang}.txt", where):  # the older form: « phrase | why »
            phrase, _, why = line.partition("|")
            entry = _entry("character", phrase.strip().replace("!", ""), why.strip() or t("writing.judging", lang),
                           lang)
            if entry:
                found.append(entry)
        for word in _read_list(f"third-persons.{lang}.txt", where):  # the older form: one word a line
            entry = _entry("third_party", word.replace("!", ""), t("writing.third_person", lang), lang)
            if entry:
                found.append(entry)
        for line in _read_list(f"writing-words.{lang}.txt", where):
            parts = [part.strip() for part in line.split("|")]
            if len(parts) < 2:
                continue
            category = CATEGORY_NAMES.get(fold(parts[0]), "character")
            suggestion = parts[2] if len(parts) > 2 and parts[2] else t(f"writing.category.{category}", lang)
            entry = _entry(category, parts[1], suggestion, lang)
            if entry:
                found.append(entry)
    by_words: dict[tuple[tuple[str, bool], ...], Entry] = {}
    for entry in found:  # an organisation's line for a shipped entry replaces its suggestion
        by_words.pop(entry.words, None)
        by_words[entry.words] = entry
    return tuple(by_words.values())


def judging_words(lang: str) -> dict[str, str]:
    """Phrase -> why it judges (every category but third parties): for listing the entries."""
    return {e.phrase: e.suggestion for e in entries(lang) if e.category != "third_party"}


def _find(entry: Entry, words: list[Token], lang: str) -> tuple[int, int] | None:
    """Index of the first and last word of the note where `entry` is found, or None."""
    first_lemma, first_denied = entry.words[0]
    for start, token in enumerate(words):
        if not token.matches(first_lemma) or (first_denied and not negated(words, start, lang)):
            continue
        at = start
        for word_lemma, denied in entry.words[1:]:
            found = next((n for n in range(at + 1, min(len(words), at + 2 + GAP))
                          if words[n].matches(word_lemma) and (not denied or negated(words, n, lang))), None)
            if found is None:
                break
            at = found
        else:
            return start, at
    return None


def _is_clinician(meeting: Meeting | None, speaker_id: str, lang: str) -> bool:
    if meeting is None or not speaker_id:
        return False
    speaker = meeting.participant(speaker_id)
    if speaker is None:
        return False
    said = fold(f"{speaker.role} {speaker.organisation} {speaker.name}")
    return any(word in said for word in CLINICIANS.get(lang, ())) or said.startswith("dr ")


def hints(text: str, meeting: Meeting | None = None, lang: str | None = None, speaker_id: str = "") -> list[Hint]:
    """Hints for one note. With the meeting, kin of someone present (the daughter who is there) are fine,
    and a diagnosis written by a clinician of the meeting (`speaker_id`) is theirs to write."""
    lang = lang if lang in LANGS else resolve_language(lang)  # Dutch lists work before its catalogue does
    if not text.strip():
        return []
    words = tokens(text, lang)
    present: list[Token] = []
    if meeting is not None:
        present = tokens(" ".join([*(p.role for p in meeting.participants), *(m.link for m in meeting.network)]), lang)
    clinician = _is_clinician(meeting, speaker_id, lang)
    spans: list[tuple[tuple[int, int], Entry]] = []
    for entry in entries(lang):
        if entry.category == "diagnosis" and clinician:
            continue
        span = _find(entry, words, lang)
        if span is None:
            continue
        if entry.category == "third_party" and _find(entry, present, lang) is not None:
            continue
        spans.append((span, entry))
    found: list[Hint] = []
    for (first, last), entry in sorted(spans, key=lambda found: found[0]):
        # a shorter entry found inside a longer one (« déni » in « dans le déni ») says nothing more
        if any(a <= first and last <= b and (a, b) != (first, last) for (a, b), _ in spans):
            continue
        term = text[words[first].start:words[last].end]
        kind = "third_person" if entry.category == "third_party" else "judging"
        if all(h.term != term for h in found):
            found.append(Hint(kind, term, entry.suggestion, entry.category))
    return found
