"""Reading plain text as language: words, their lemmas, negation, sentences. No Textual, no docx.

Used by the writing helper (a judgement is caught in any of its inflections, and when negated) and by
the letter's readability check (sentence length, terms to explain). Lemmas come from `simplemma`
(French, English, Dutch), with a few guesses where its dictionary has no entry for an inflected form
(« agressive » -> « agressif », « manipule » -> « manipuler »). simplemma is imported on first use.

simplemma reads its dictionaries as streams (`low_memory`): the same entries and the same answers, but
a language costs a process about 4 MB instead of a 24 MB dict, at its peak too;
a word is looked up in about 50 µs instead of 25 (the lemmas are cached below).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

LANGS = ("fr", "en", "nl")

_WORD = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*", re.UNICODE)
"""A word: letters or digits, hyphenated compounds kept whole (rehausse-WC, ex-mari)."""


def fold(text: str) -> str:
    """Lowercase, one kind of apostrophe, NFC."""
    return unicodedata.normalize("NFC", text.replace("’", "'").replace("ʼ", "'")).lower()


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """`fold` without accents: what a hurried typist may have written (déni, deni)."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("œ", "oe")


@dataclass(frozen=True)
class Token:
    text: str
    """As written."""
    start: int
    end: int
    keys: frozenset[str]
    """The word's possible lemmas, folded (accents kept): what entries are compared with."""
    loose: frozenset[str]
    """The same without accents, when the word was typed without any (else empty)."""

    def matches(self, entry: str) -> bool:
        """Whether this word is a form of `entry` (a folded lemma). A word typed without any accent
        matches an accented entry (deni, déni); an accented word never matches an entry without its
        accent (salé is not sale)."""
        return entry in self.keys or bool(self.loose) and plain(entry) in self.loose


_ACCENTED = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=1)
def _simplemma():
    import simplemma

    return simplemma


@lru_cache(maxsize=65536)
def _known(word: str, lang: str) -> bool:
    try:
        return bool(_simplemma().is_known(word, lang=lang, low_memory=True))
    except (ValueError, KeyError):
        return False


# Other readings of a form, tried when simplemma gives the form itself as its lemma (it reads
# « agressive » and « manipule » as nouns): (ending, replacement), kept when simplemma knows the result.
_GUESSES = {
    "fr": (("ives", "if"), ("ive", "if"), ("euses", "eur"), ("euse", "eur"), ("euses", "eux"), ("euse", "eux"),
           ("trices", "teur"), ("trice", "teur"), ("antes", "ant"), ("ante", "ant"), ("ées", "é"), ("ée", "é"),
           ("es", "er"), ("e", "er"), ("ent", "er"), ("es", ""), ("e", ""), ("s", ""), ("x", "")),
    "en": (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")),
    "nl": (("en", ""), ("e", ""), ("s", ""), ("t", "")),
}


def _lemmatize(word: str, lang: str) -> str:
    try:
        return fold(_simplemma().lemmatize(word, lang=lang, low_memory=True))
    except (ValueError, KeyError):
        return word


@lru_cache(maxsize=65536)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """The possible dictionary forms of `word` (folded, accents kept), itself included."""
    lang = lang if lang in LANGS else "fr"
    folded = fold(word)
    if not folded[:1].isalpha():
        return frozenset({folded})
    found = {folded, _lemmatize(folded, lang)}
    for ending, replacement in _GUESSES.get(lang, ()):
        if folded.endswith(ending) and len(folded) > len(ending) + 2:
            guess = folded[: -len(ending)] + replacement
            if _known(guess, lang):
                found.add(_lemmatize(guess, lang))
    return frozenset(found)


def lemma(word: str, lang: str) -> str:
    """simplemma's dictionary form of `word`, folded."""
    return _lemmatize(fold(word), lang if lang in LANGS else "fr")


def tokens(text: str, lang: str) -> list[Token]:
    """The words of `text`; an elided article or pronoun (l', d', n', qu') is a word of its own."""
    return [Token(m.group(), m.start(), m.end(), *_readings(m.group(), lang))
            for m in _WORD.finditer(text.replace("’", "'"))]


@lru_cache(maxsize=65536)
def _readings(word: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    keys = lemmas(word, lang)
    loose = frozenset(plain(k) for k in keys) if not _ACCENTED.search(word) else frozenset()
    return keys, loose


# -- negation -----------------------------------------------------------------------------------------

_NE = {"fr": {"ne", "n"}, "en": set(), "nl": set()}
_AFTER_NE = {"pas", "plus", "guere", "jamais", "point", "aucun", "aucune", "rien", "gu"}
_WEAK = {
    "fr": {"peu", "pas", "guere", "jamais", "non", "aucun", "aucune", "sans", "mal", "insuffisamment"},
    "en": {"not", "never", "barely", "hardly", "little", "poorly", "no", "non", "without", "t"},
    "nl": {"niet", "nooit", "nauwelijks", "weinig", "geen", "amper", "zonder", "slecht"},
}


def negated(words: list[Token], index: int, lang: str) -> bool:
    """Whether the word at `index` is denied or weakened: « ne collabore pas », « collabore peu », « pas
    motivé », « non observant », « n'adhère guère », "does not cooperate", "werkt niet mee"."""
    plain_words = [plain(w.text) for w in words]
    weak = _WEAK.get(lang, set())
    before = plain_words[max(0, index - 3):index]
    after = plain_words[index + 1:index + 4]
    if any(w in weak for w in before[-2:]):
        return True
    if lang == "fr":
        if any(w in _NE["fr"] for w in before) and any(w in _AFTER_NE for w in plain_words[index + 1:index + 3]):
            return True
        if any(w in _NE["fr"] for w in before) and any(w in _AFTER_NE for w in before):
            return True  # « ne pas collaborer »
        return bool(after) and after[0] in {"peu", "guere", "pas", "jamais", "mal"}
    if lang == "en":
        return any(w in {"not", "never", "t", "barely", "hardly"} for w in before) or (
            bool(after) and after[0] in {"little", "poorly"})
    return any(w in weak for w in plain_words[index + 1:index + 4]) or any(w in weak for w in before)


# -- sentences -----------------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "m", "mme", "mlle", "dr", "pr", "st", "ste", "me", "mr", "mrs", "ms", "prof", "etc", "cf", "p", "ex", "n",
    "no", "tél", "tel", "av", "bd", "janv", "févr", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec",
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "vs", "env", "e.a", "bijv", "dhr", "mevr",
}
_END = re.compile(r"[.!?…]+[»”\"')\]]*(?=\s|$)")


def sentences(text: str) -> list[str]:
    """The sentences of `text`: a full stop, ! ? or … followed by a space ends one, except after a
    short abbreviation (M., Dr., déc.) or an initial; a line break ends one too."""
    found: list[str] = []
    for line in re.split(r"\n+", text):
        start = 0
        for match in _END.finditer(line):
            before = line[start:match.start()]
            last = re.findall(r"[\w.]+$", before)
            written = last[0] if last else ""
            word = written.lower()
            initial = len(written) == 1 and written.isupper()  # « J. Lambert », not « 12 h. »
            if match.group().startswith(".") and (word in _ABBREVIATIONS or initial):
                continue
            piece = line[start:match.end()].strip()
            if piece:
                found.append(piece)
            start = match.end()
        rest = line[start:].strip()
        if rest:
            found.append(rest)
    return found


def word_count(sentence: str) -> int:
    """Words as a reader counts them: « l'aide » is one word, a telephone number one, « 9 h » one."""
    text = re.sub(r"(?<=\d)[ \u00a0.](?=\d)", "", sentence)  # 081 00 00 00 is one number
    text = re.sub(r"(?<=\d)[ \u00a0]h\b", "h", text)
    return len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text))
