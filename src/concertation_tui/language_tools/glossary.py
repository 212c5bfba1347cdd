"""The words of the trade, explained in plain words for the letter to the person.

`data/glossary.<lang>.txt` ships the common ones (télévigilance, rehausse-WC, médiation de dettes,
règlement collectif de dettes, CPAS…), one a line: « mot, autre forme | explication ». An organisation
adds its own, or rewrites an explanation, in a file of the same name in its folder (every user, see
`resources`), a user in their settings folder: the same folders as the writing helper's lists. A term
is found in any of its forms (« aides familiales » is a form of « aide familiale »). No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .words import fold, lemma, plain, tokens
from ..resources import word_list_folders


@dataclass(frozen=True)
class Term:
    names: tuple[str, ...]
    """The term and its other forms, as written in the list; the first names it."""
    explanation: str
    forms: tuple[tuple[str, ...], ...]
    """Each name as a sequence of folded lemmas."""


@dataclass(frozen=True)
class Found:
    term: Term
    start: int
    end: int
    written: str
    """As written in the text."""


def terms(lang: str) -> tuple[Term, ...]:
    """The shipped glossary, then the organisation's, then the user's (a later line for a known term
    replaces its explanation)."""
    return _terms(lang, word_list_folders())


@cache
def _terms(lang: str, folders: tuple[Path, ...]) -> tuple[Term, ...]:
    by_name: dict[str, Term] = {}
    order: list[str] = []
    for folder in folders:
        try:
            content = (folder / f"glossary.{lang}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for line in content.splitlines():
            if not line.strip() or line.lstrip().startswith("#") or "|" not in line:
                continue
            names_part, _, explanation = line.partition("|")
            names = tuple(n.strip() for n in names_part.split(",") if n.strip())
            if not names or not explanation.strip():
                continue
            forms = tuple(tuple(lemma(t.text, lang) for t in tokens(n, lang)) for n in names)
            term = Term(names, explanation.strip(), forms)
            known = next((k for k in order if set(map(fold, by_name[k].names)) & set(map(fold, names))), None)
            if known is None:
                order.append(fold(names[0]))
                by_name[fold(names[0])] = term
            else:
                by_name[known] = term
    return tuple(by_name[k] for k in order)


@cache
def _index(known: tuple[Term, ...]) -> dict[str, list[tuple[tuple[str, ...], Term]]]:
    """First word of each form (without accents) -> the forms starting with it."""
    index: dict[str, list[tuple[tuple[str, ...], Term]]] = {}
    for term in known:
        for form in term.forms:
            if form:
                index.setdefault(plain(form[0]), []).append((form, term))
    return index


def find(text: str, lang: str, known: tuple[Term, ...] | None = None) -> list[Found]:
    """Every glossary term in `text`, in reading order (the longest form where two overlap).
    `known`: the terms to look for (default: `terms(lang)`)."""
    words = tokens(text, lang)
    index = _index(terms(lang) if known is None else known)
    found: list[Found] = []
    taken: set[int] = set()
    candidates: list[tuple[int, int, Term]] = []
    for start, word in enumerate(words):
        forms = {id(f): (f, t) for k in (word.keys | word.loose) for f, t in index.get(plain(k), ())}
        for form, term in forms.values():
            size = len(form)
            if start + size <= len(words) and all(words[start + n].matches(form[n]) for n in range(size)):
                candidates.append((start, start + size - 1, term))
    for first, last, term in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        if any(n in taken for n in range(first, last + 1)):
            continue
        taken.update(range(first, last + 1))
        found.append(Found(term, words[first].start, words[last].end, text[words[first].start:words[last].end]))
    return found
