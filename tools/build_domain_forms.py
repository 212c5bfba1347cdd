"""Write `src/concertation_tui/data/domain-forms.<lang>.txt`: what simplemma answers for every form whose
lemma can matter to the shipped domain-word list of that language (see `language_tools/domain_forms`).

    .venv/bin/python tools/build_domain_forms.py          # after changing a domain-words list or simplemma
    .venv/bin/python tools/build_domain_forms.py --check  # exit 1 when a committed table is stale

simplemma's dictionaries are read whole here (not streamed), once. The table must give, for any word, the
same lemmas `words.lemmas` gives as far as the list is concerned. What simplemma does for French, English
and Dutch words without an apostrophe (our words never hold one), in order:

1. a number is its own lemma;
2. the dictionary, for the word or the word capitalised: every such form whose lemma matters is a `d` line;
3. a hyphenated word: the word without its hyphens in the dictionary (emulated at run time from the `d`
   lines; a hyphenated dictionary form that step would misread is a `w` line), else the lemma of the last
   part after the rest (`ex-` + `mari`): tried for each listed lemma holding a hyphen;
4. English and Dutch suffix rules (`strategies/defaultrules/`): tried on each listed lemma with the
   endings those rules undo (and a few more);
5. otherwise the word itself.

Each candidate of 3 and 4 is lemmatised for real and kept as a `w` line only where the table would
otherwise answer differently. When simplemma changes its strategies, read them again and extend the
candidates: the test that rebuilds the tables compares, and the corpus test compares both readings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from concertation_tui.language_tools import domain_forms
from concertation_tui.language_tools.domain_forms import Forms, list_checksum, simplemma_version
from concertation_tui.language_tools.domain_words import _lists
from concertation_tui.language_tools.words import _WORD, LANGS, fold, plain
from concertation_tui.resources import DATA

ENDINGS = ("s", "es", "ies", "d", "ed", "ing", "en", "e", "n", "heden", "ijen")
"""Added to (or, for ies, heden and ijen, replacing the end of) a listed lemma: the forms simplemma's English
and Dutch rules bring back to it (cies -> cy, -ments/-tions... -> less the s, ized -> ize, erves -> erve,
heden -> heid, ijen -> ij), with a margin; each candidate is checked against simplemma."""


def listed_lemmas(lang: str) -> set[str]:
    """Every lemma the shipped list's words need, lemmatised as `domain_words` does without a table."""
    known, _table = _lists(lang, (DATA,), False)
    return {lemma for _domain, form, _word in known for lemma in form}


def _lowercase_forms(key: str) -> set[str]:
    """The folded words a note may hold that simplemma looks up as `key` (itself or capitalised)."""
    return {w for w in {key.lower(), key[:1].lower() + key[1:], fold(key)}
            if w and w == fold(w) and _WORD.fullmatch(w)}


def build(lang: str) -> str:
    import simplemma
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=DEFAULT_DICTIONARY_FACTORY))
    lookup = DictionaryLookupStrategy(DEFAULT_DICTIONARY_FACTORY)
    dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)

    def real(word: str) -> str:
        """What `words._lemmatize` answers (with the whole dictionary)."""
        try:
            return fold(lemmatizer.lemmatize(word, lang))
        except (ValueError, KeyError):
            return word

    needed = listed_lemmas(lang)
    targets = {plain(lemma) for lemma in needed}

    def matters(lemma: str) -> bool:
        return plain(lemma) in targets

    entries = list(dictionary.items())
    found: dict[str, str] = {}
    for key, value in entries:
        if not matters(fold(value)):
            continue
        for word in _lowercase_forms(key):
            if word.isnumeric():
                continue  # simplemma gives a number as it is, before its dictionary
            answer = lookup.get_lemma(word, lang)
            if answer is not None and matters(fold(answer)):
                found[word] = fold(answer)
                assert real(word) == found[word], (word, found[word], real(word))
    forms = Forms(lang, found, {})

    candidates: set[str] = set()
    # 3: hyphenated dictionary forms (their own lemma comes before the joined form's)
    for key, _value in entries:
        if "-" in key or "_" in key:
            candidates |= _lowercase_forms(key)
    # 3: the last part's lemma after the rest, for a listed lemma holding a hyphen
    tails: dict[str, set[str]] = {}
    for lemma in needed | targets:
        cut = max(lemma.rfind("-"), lemma.rfind("_"))
        if cut > 0:
            tails.setdefault(plain(lemma[cut + 1:]), set()).update({lemma[:cut + 1], plain(lemma[:cut + 1])})
    if tails:
        for key, value in entries:
            heads = tails.get(plain(fold(value)))
            if heads:
                candidates |= {head + word for head in heads for word in _lowercase_forms(key)}
    # 4: suffix rules
    for lemma in needed | targets:
        candidates |= {lemma + ending for ending in ENDINGS}
        if lemma.endswith("y"):
            candidates.add(lemma[:-1] + "ies")
        if lemma.endswith("heid"):
            candidates.add(lemma[:-4] + "heden")
    whole: dict[str, str] = {}
    for word in sorted(candidates):
        if not word or word != fold(word):
            continue
        said = real(word)
        said = said if matters(said) and said != word else None
        read = forms.lemma(word)
        read = read if matters(read) and read != word else None
        if said != read:
            whole[word] = said or ""

    lines = [
        f"# The forms of the words of domain-words.{lang}.txt as simplemma reads them, for the domain-words check",
        "# without the lemmatiser. Written by tools/build_domain_forms.py: do not edit, run it again after",
        "# changing the list or simplemma. d<TAB>form<TAB>lemma: the dictionary's answer; w<TAB>form<TAB>lemma:",
        "# the whole word's where the dictionary does not give it (empty: no lemma that matters).",
        f"# language: {lang}",
        f"# list: {list_checksum((DATA / f'domain-words.{lang}.txt').read_text(encoding='utf-8'))}",
        f"# simplemma: {simplemma_version()}",
    ]
    lines += [f"d\t{word}\t{lemma}" for word, lemma in sorted(found.items())]
    lines += [f"w\t{word}\t{lemma}" for word, lemma in sorted(whole.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether the committed tables are current")
    args = parser.parse_args()
    stale = []
    for lang in LANGS:
        text = build(lang)
        path = domain_forms.table_path(lang)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.name)
        if not args.check:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    if args.check and stale:
        print("stale: " + ", ".join(stale) + " (run tools/build_domain_forms.py)")
        sys.exit(1)


if __name__ == "__main__":
    main()
