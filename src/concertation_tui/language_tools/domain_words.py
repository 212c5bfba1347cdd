"""Words that speak of a life domain: a note about housing that says « pension d'invalidité ; sa situation
médicale » speaks of health too, and the person's consent may keep health from some readers.

`data/domain-words.<lang>.txt` ships a short list per domain, one domain a line: « domaine | mot, autre
mot, expression ». An organisation adds its own words in a file of the same name in its folder (every
user, see `resources`), a user in their settings folder: the same folders as the glossary's. The domain
is written as its value (health) or its name in any of the three languages (santé, gezondheid). A word
is found in any of its forms (« médicale » is a form of « médical »). No Textual here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .words import fold, lemma, plain, tokens
from ..model.enums import Domain
from ..resources import word_list_folders

def _names() -> dict[str, Domain]:
    """How a domain may be written at the start of a line: its value, or its name in any language (the
    administrator writes in theirs), or a short name."""
    from ..i18n import label

    names = {d.value: d for d in Domain}
    for lang in ("fr", "en", "nl"):
        names.update({fold(label(d, lang)): d for d in Domain})
    names.update({"revenus": Domain.INCOME_DEBTS, "emploi": Domain.WORK_TRAINING, "famille": Domain.FAMILY_CHILDREN,
                  "inkomen": Domain.INCOME_DEBTS, "werk": Domain.WORK_TRAINING, "gezin": Domain.FAMILY_CHILDREN})
    return names


def forms(lang: str) -> tuple[tuple[Domain, tuple[str, ...], str], ...]:
    """(domain, the word's lemmas, the word as listed): the shipped list, then the organisation's, then the user's."""
    return _forms(lang, word_list_folders())


@cache
def _forms(lang: str, folders: tuple[Path, ...]) -> tuple[tuple[Domain, tuple[str, ...], str], ...]:
    found: dict[tuple[Domain, tuple[str, ...]], str] = {}
    names = _names()
    for folder in folders:
        try:
            content = (folder / f"domain-words.{lang}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for line in content.splitlines():
            if not line.strip() or line.lstrip().startswith("#") or "|" not in line:
                continue
            name, _, words = line.partition("|")
            domain = names.get(fold(name.strip()))
            if domain is None:
                continue
            for word in (w.strip() for w in words.split(",")):
                form = tuple(lemma(t.text, lang) for t in tokens(word, lang))
                if form:
                    found[(domain, form)] = word
    return tuple((domain, form, word) for (domain, form), word in found.items())


@cache
def _index(known: tuple[tuple[Domain, tuple[str, ...], str], ...]) -> dict[str, list[tuple[Domain, tuple[str, ...]]]]:
    """First word of each form (without accents) -> (domain, form)."""
    index: dict[str, list[tuple[Domain, tuple[str, ...]]]] = {}
    for domain, form, _word in known:
        index.setdefault(plain(form[0]), []).append((domain, form))
    return index


_SPOKEN: dict[tuple[str, str], dict[Domain, str]] = {}
"""(text, lang) -> what it speaks of: the readiness checks read every note again after each change."""


def spoken_of(text: str, lang: str) -> dict[Domain, str]:
    """The life domains `text` speaks of, each with the first words that say it (as written)."""
    remembered = _SPOKEN.get((text, lang))
    if remembered is not None:
        return remembered
    if len(_SPOKEN) > 8192:
        _SPOKEN.clear()
    index = _index(forms(lang))
    words = tokens(text, lang)
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
    _SPOKEN[(text, lang)] = found
    return found
