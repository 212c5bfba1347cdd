"""Words that speak of a life domain: a note about housing that says « pension d'invalidité ; sa situation
médicale » speaks of health too, and the person's consent may keep health from some readers.

`data/domain-words.<lang>.txt` ships a short list per domain, one domain a line: « domaine | mot, autre
mot, expression ». An organisation adds its own words in a file of the same name in its folder (every
user, see `resources`), a user in their settings folder: the same folders as the glossary's. The domain
is written as its value (health) or its name in any of the three languages (santé, gezondheid). A word
is found in any of its forms (« médicale » is a form of « médical »). No Textual here.

The forms come from simplemma, whose dictionary costs a command most of its time; with the shipped lists
alone, a note's words are read from a table built from it beforehand (`domain_forms`), with the same
answers. Words added by an organisation or a user take the lemmatiser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from . import domain_forms
from .domain_forms import Forms
from .words import Token, fold, lemma, plain, tokens
from ..model.enums import Domain
from ..resources import DATA, word_list_folders


SHORT_NAMES = {"revenus": Domain.INCOME_DEBTS, "emploi": Domain.WORK_TRAINING, "famille": Domain.FAMILY_CHILDREN,
               "inkomen": Domain.INCOME_DEBTS, "werk": Domain.WORK_TRAINING, "gezin": Domain.FAMILY_CHILDREN}


@cache
def labels(lang: str) -> dict[str, Domain]:
    """The domains' names in `lang`, folded."""
    from ..i18n import label

    return {fold(label(d, lang)): d for d in Domain}


def domain_named(name: str, lang: str) -> Domain | None:
    """The domain a list's line starts with: its value, its name in any language (the administrator
    writes in theirs) or a short name. The list's own language is tried first: the other languages'
    catalogues are loaded only for a name it does not know (no name means two domains, a test checks)."""
    folded = fold(name.strip())
    found = SHORT_NAMES.get(folded) or labels(lang if lang in ("fr", "en", "nl") else "fr").get(folded)
    if found is None:
        found = next((d for d in Domain if d.value == folded), None)
    for other in ("fr", "en", "nl"):
        if found is None:
            found = labels(other).get(folded)
    return found


def forms(lang: str) -> tuple[tuple[Domain, tuple[str, ...], str], ...]:
    """(domain, the word's lemmas, the word as listed): the shipped list, then the organisation's, then the user's."""
    return _lists(lang, word_list_folders(), True)[0]


def _entries(content: str, lang: str) -> Iterator[tuple[Domain, str]]:
    """(domain, word or expression as written) of a list's lines."""
    for line in content.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "|" not in line:
            continue
        name, _, words = line.partition("|")
        domain = domain_named(name, lang)
        if domain is None:
            continue
        for word in (w.strip() for w in words.split(",")):
            yield domain, word


@cache
def _lists(lang: str, folders: tuple[Path, ...], use_table: bool
           ) -> tuple[tuple[tuple[Domain, tuple[str, ...], str], ...], Forms | None]:
    """(every list's (domain, lemmas, word as listed), the table the notes are read with or None)."""
    found: dict[tuple[Domain, tuple[str, ...]], str] = {}
    table: Forms | None = None
    added = False  # words beyond the shipped list: the notes must be read with the lemmatiser
    for folder in folders:
        try:
            content = (folder / f"domain-words.{lang}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        fast = domain_forms.shipped(lang, content) if use_table and folder == DATA else None
        if folder == DATA:
            table = fast
        for domain, word in _entries(content, lang):
            if fast is not None:
                form = tuple(fast.lemma(fold(t.text)) for t in fast.tokens(word))
            else:
                form = tuple(lemma(t.text, lang) for t in tokens(word, lang))
                added = added or bool(form) and folder != DATA
            if form:
                found[(domain, form)] = word
    known = tuple((domain, form, word) for (domain, form), word in found.items())
    return known, None if added else table


def spoken_by_lemmatiser(text: str, lang: str) -> dict[Domain, str]:
    """`spoken_of` with every word lemmatised by simplemma: what the table must agree with (a test
    compares both), and what reads the notes when an organisation or a user adds words."""
    return _spoken(text, tokens(text, lang), _index(_lists(lang, word_list_folders(), False)[0]))


@cache
def _index(known: tuple[tuple[Domain, tuple[str, ...], str], ...]) -> dict[str, list[tuple[Domain, tuple[str, ...]]]]:
    """First word of each form (without accents) -> (domain, form)."""
    index: dict[str, list[tuple[Domain, tuple[str, ...]]]] = {}
    for domain, form, _word in known:
        index.setdefault(plain(form[0]), []).append((domain, form))
    return index


_SPOKEN: dict[tuple[str, tuple[Path, ...]], dict[str, dict[Domain, str]]] = {}
"""(lang, the lists' folders) -> text -> what it speaks of: the readiness checks read every note again after
each change."""


def spoken_of(text: str, lang: str) -> dict[Domain, str]:
    """The life domains `text` speaks of, each with the first words that say it (as written)."""
    return spoken_reader(lang)(text)


def spoken_reader(lang: str) -> Callable[[str], dict[Domain, str]]:
    """`spoken_of` for many texts in a row (every note of a meeting): the lists are looked for once, and
    a text read before costs a dictionary lookup."""
    folders = word_list_folders()
    remembered = _SPOKEN.get((lang, folders))
    if remembered is None:
        if len(_SPOKEN) > 16:
            _SPOKEN.clear()
        remembered = _SPOKEN[(lang, folders)] = {}

    def spoken(text: str) -> dict[Domain, str]:
        found = remembered.get(text)
        if found is None:
            if len(remembered) > 8192:
                remembered.clear()
            known, table = _lists(lang, folders, True)
            words = table.tokens(text) if table is not None else tokens(text, lang)
            found = remembered[text] = _spoken(text, words, _index(known))
        return found

    return spoken


def _spoken(text: str, words: list[Token], index) -> dict[Domain, str]:
    found: dict[Domain, str] = {}
    taken = -1  # the last word a longer expression took (« santé mentale » is not « santé »)
    for start, word in enumerate(words):
        if start <= taken:
            continue
        matches = {(domain, form) for key in word.keys | word.loose for domain, form in index.get(plain(key), ())
                   if start + len(form) <= len(words)
                   and all(words[start + n].matches(form[n]) for n in range(len(form)))}
        if not matches:
            continue
        longest = max(len(form) for _domain, form in matches)
        for domain, form in matches:
            if len(form) == longest and domain not in found:
                found[domain] = text[word.start:words[start + longest - 1].end]
        taken = start + longest - 1
    return found

