"""The shipped domain-word lists matched without the lemmatiser: a note's words read from a small table.

Loading simplemma and its French dictionary costs a `concertation check` about 0.8 s of CPU, for a few
hundred words. `data/domain-forms.<lang>.txt` (written by `tools/build_domain_forms.py` from simplemma's
whole dictionaries, committed, kept equal to a rebuild by a test) holds what simplemma would answer for
every form whose lemma can matter to the shipped list of that language, i.e. whose lemma is, without
accents, one of the lemmas the listed words need:

- `d` lines: a dictionary form and its lemma (what the dictionary gives for the word, and for a guess of
  `words._GUESSES`, which is kept only when the dictionary knows it);
- `w` lines: the whole word's answer where simplemma gets it otherwise (its English and Dutch suffix
  rules, the lemma of a hyphenated word's last part), and hyphenated dictionary forms whose own lemma
  matters to no listed word (an empty lemma: the joined form must not be read instead).

Any other word's lemma speaks of no listed domain, so the word is read as itself. The answers are the
ones `words.lemmas` gives (a test compares both over a large corpus). The table says which list and
which simplemma version it was built from: when either differs (a list edited, another simplemma
installed), it is not used and the caller takes the lemmatiser. No Textual here.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import cache
from importlib.machinery import PathFinder
from pathlib import Path

from .words import _ACCENTED, _GUESSES, _WORD, LANGS, Token, fold, plain
from ..resources import DATA

_HYPHENS = re.compile(r"[-_]")
"""What simplemma's hyphen strategy splits a word at (our words hold no underscore, but it is its rule)."""


def table_path(lang: str) -> Path:
    return DATA / f"domain-forms.{lang}.txt"


def list_checksum(content: str) -> str:
    """Which list a table was built from (crc32 of its text, whatever its line ends: a guard against a
    list edited without rebuilding, not a security measure)."""
    crc = zlib.crc32(content.replace("\r\n", "\n").encode("utf-8"))
    return f"{crc:08x}"


@cache
def simplemma_version() -> str | None:
    """The installed simplemma's version, read from its metadata file without importing it (the
    import is what the table saves). Found on sys.path as `import` finds an installed package
    (importlib.machinery is loaded already; importlib.util would be two more modules)."""
    try:
        spec = PathFinder.find_spec("simplemma")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        text = (Path(next(iter(spec.submodule_search_locations))) / "__metadata__.py").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", text)
    return found.group(1) if found else None


@dataclass(frozen=True)
class Forms:
    lang: str
    dictionary: dict[str, str]
    """Form -> lemma, as simplemma's dictionary gives it (folded)."""
    whole: dict[str, str]
    """Form -> the whole word's lemma where the dictionary does not give it ("" : none that matters)."""
    read: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict, compare=False, repr=False)
    """Word as written -> (keys, loose) already worked out: the readiness checks read every note again."""

    def lemma(self, folded: str) -> str:
        """simplemma's lemma of `folded` (a folded word) when it matters to the list, else the word itself."""
        if folded.isnumeric():
            return folded  # simplemma gives a number as it is
        found = self.dictionary.get(folded)
        if found is not None:
            return found
        found = self.whole.get(folded)
        if found is not None:
            return found or folded
        if _HYPHENS.search(folded):
            # simplemma tries the word without its hyphens in the dictionary (mi-temps, mitemps); the lemma of
            # the last part is in `whole` when it matters
            parts = _HYPHENS.split(folded)
            if parts[-1]:
                found = self.dictionary.get("".join(parts).lower())
                if found is not None:
                    return found
        return folded

    def lemmas(self, word: str) -> frozenset[str]:
        """What `words.lemmas` gives for `word`, as far as the list is concerned."""
        folded = fold(word)
        if not folded[:1].isalpha():
            return frozenset({folded})
        found = {folded, self.lemma(folded)}
        for ending, replacement in _GUESSES.get(self.lang, ()):
            if folded.endswith(ending) and len(folded) > len(ending) + 2:
                known = self.dictionary.get(folded[: -len(ending)] + replacement)
                if known is not None:
                    found.add(known)
        return frozenset(found)

    def tokens(self, text: str) -> list[Token]:
        """`words.tokens`, read from the table."""
        return [Token(m.group(), m.start(), m.end(), *self._readings(m.group()))
                for m in _WORD.finditer(text.replace("’", "'"))]

    def _readings(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        cached = self.read.get(word)
        if cached is None:
            if len(self.read) > 65536:
                self.read.clear()
            keys = self.lemmas(word)
            loose = frozenset(plain(k) for k in keys) if not _ACCENTED.search(word) else frozenset()
            cached = self.read[word] = (keys, loose)
        return cached


def parse(text: str, lang: str) -> tuple[dict[str, str], Forms]:
    """(the header's fields, the table) of a table file's text."""
    header: dict[str, str] = {}
    dictionary: dict[str, str] = {}
    whole: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            name, colon, value = line[1:].partition(":")
            if colon and name.strip() in ("list", "simplemma", "language"):
                header[name.strip()] = value.strip()
            continue
        kind, _, rest = line.partition("\t")
        form, _, lemma = rest.partition("\t")
        if kind == "d":
            dictionary[form] = lemma
        elif kind == "w":
            whole[form] = lemma
    return header, Forms(lang, dictionary, whole)


@cache
def shipped(lang: str, list_text: str) -> Forms | None:
    """The table for the shipped list `list_text`, or None when it was built from another list or
    another simplemma (or is missing): the lemmatiser answers then."""
    if lang not in LANGS:
        return None
    try:
        text = table_path(lang).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    header, forms = parse(text, lang)
    if header.get("language") != lang or header.get("list") != list_checksum(list_text):
        return None
    if header.get("simplemma") != simplemma_version():
        return None
    return forms
