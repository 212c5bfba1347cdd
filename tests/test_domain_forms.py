"""The domain-words check reads the shipped lists from a table instead of the lemmatiser: the table is what
the tool builds from simplemma, it finds what the lemmatiser finds over a large corpus, the check loads no
simplemma, and words an organisation or a user adds are still found in all their forms."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from concertation_tui.language_tools import domain_forms, domain_words
from concertation_tui.language_tools.domain_words import spoken_by_lemmatiser, spoken_of
from concertation_tui.language_tools.words import LANGS, lemmas, plain
from concertation_tui.model import Domain
from concertation_tui.resources import DATA, user_settings_dir
from concertation_tui.services.demo import demo_meeting

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _table(lang: str) -> domain_forms.Forms:
    table = domain_forms.shipped(lang, (DATA / f"domain-words.{lang}.txt").read_text(encoding="utf-8"))
    assert table is not None, f"domain-forms.{lang}.txt does not fit the list or simplemma: run tools/build_domain_forms.py"
    return table


@pytest.mark.parametrize("lang", LANGS)
def test_the_committed_tables_are_what_the_tool_builds(lang):
    from build_domain_forms import build

    assert build(lang) == domain_forms.table_path(lang).read_text(encoding="utf-8"), \
        f"domain-forms.{lang}.txt is stale: run tools/build_domain_forms.py"


# -- the corpus both readings are compared on ------------------------------------------------------------

def _test_texts() -> list[str]:
    """Every string written in the domain tests."""
    found = []
    for name in ("test_tester_domains_truth.py", "test_domain_forms.py"):
        tree = ast.parse((ROOT / "tests" / name).read_text(encoding="utf-8"))
        found += [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return found


def _meeting_texts() -> list[str]:
    """The notes of the demo and its follow-up, and of the benchmark's sizes (the very large one repeats
    the large one's sentences)."""
    from sizes import SENTENCES, large_meeting

    from concertation_tui.model.sharing import notes
    from concertation_tui.services.demo import play_demo_follow_up
    from concertation_tui.services.templates import new_follow_up
    from concertation_tui.store import create_meeting_file

    first = demo_meeting()
    follow = play_demo_follow_up(new_follow_up(first, create_meeting_file(first)))
    return [*SENTENCES, *(note.text for m in (first, follow, large_meeting(1)) for note in notes(m))]


SAID = {
    "fr": ("Elle a dit que {} pèse sur tout.", "Le {} et le reste."),
    "en": ("She said that {} weighs on everything.", "The {} and the rest."),
    "nl": ("Ze zei dat {} op alles weegt.", "De {} en de rest."),
}
EXTRA = {
    "fr": ["Il est hospitalisé depuis lundi", "sans-abris, ex-sans-abri, Sans-Abri", "les Malades",
           "mi-temps thérapeutique", "santé-mentale", "la sante mentale", "medecin traitant", "psy-chiatre",
           "ré-hospitalisée", "chomage", "ex-mari"],
    "en": ["he was hospitalised", "hospitalized", "treatments", "unpaid bills", "re-hospitalisation",
           "depressed, depressing", "mental-health", "psychiatrists", "custodies", "landlords", "homelessness"],
    "nl": ["ziekenhuisopnames", "ziekenhuis-opname", "huur-contract", "schuldenregelingen",
           "collectieve schuldenregeling", "geestelijke gezondheid", "suicide", "suïcidale", "kinderen",
           "depressieve", "werkgeefsters", "gezondheden"],
}


@cache
def _dictionary_sample(lang: str) -> list[str]:
    """Every 97th form of simplemma's dictionary, and every 11th hyphenated one (read whole, once)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    keys = list(DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang))
    hyphenated = [k for k in keys if "-" in k]
    return [k for k in keys[::97] if " " not in k] + hyphenated[::11]


def _corpus(lang: str) -> list[str]:
    table = _table(lang)
    forms = sorted({*table.dictionary, *table.whole, *table.dictionary.values()})
    texts = [*_test_texts(), *_meeting_texts(), *EXTRA[lang]]
    for form in forms:
        for said in SAID[lang]:
            texts += [said.format(form), said.format(plain(form)), said.format(form.capitalize())]
        texts += [f"ex-{form}", f"{form[:3]}-{form[3:]}"]
    texts += [SAID[lang][0].format(word) for word in _dictionary_sample(lang)]
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_the_table_and_the_lemmatiser_find_the_same_domains_and_words(lang):
    table = _table(lang)
    known = domain_words._lists(lang, domain_words.word_list_folders(), False)[0]
    targets = {plain(lemma) for _domain, form, _word in known for lemma in form}
    assert domain_words._lists(lang, domain_words.word_list_folders(), True)[0] == known  # the lists' own forms
    texts = _corpus(lang)
    assert len(texts) > 2000
    differ = []
    for text in texts:
        fast, slow = spoken_of(text, lang), spoken_by_lemmatiser(text, lang)
        if fast != slow:
            differ.append((text, fast, slow))
        for token in table.tokens(text):  # word by word: the lemmas that may matter to the list
            mine = {k for k in token.keys if plain(k) in targets}
            theirs = {k for k in lemmas(token.text, lang) if plain(k) in targets}
            if mine != theirs:
                differ.append((token.text, mine, theirs))
    assert not differ, differ[:20]
    assert any(spoken_of(text, lang) for text in texts)  # the corpus does speak of domains


# -- the check without the lemmatiser --------------------------------------------------------------------

def test_check_finds_what_it_found_without_loading_simplemma(tmp_path, monkeypatch):
    """`concertation check` on the demo (health restricted, a note on income speaking of health): the same
    findings as with the lemmatiser, and simplemma never imported."""
    from concertation_tui.model import DomainSharing
    from concertation_tui.model.meeting import Contribution
    from concertation_tui.services.domain_check import domain_findings
    from concertation_tui.store import serialize

    m = demo_meeting()
    doctor = next(p for p in m.participants if p.name.startswith("Dr"))
    for rule in m.consent.domains:
        if rule.domain is Domain.HEALTH:
            rule.sharing = DomainSharing.NAMED
            rule.participants = [doctor.id, m.facilitator_id]
    nadia = next(p for p in m.participants if p.name.startswith("Nadia"))
    said = "Deux hospitalisations cette année ; les médicaments coûtent"
    m.contributions.append(Contribution(item_id=m.agenda[2].id, speaker_id=nadia.id, text=said))
    path = tmp_path / "meeting.json"
    path.write_bytes(serialize(m))
    script = (
        "import sys\n"
        "from concertation_tui.store import load_meeting\n"
        "from concertation_tui.services.domain_check import domain_findings\n"
        f"m = load_meeting(__import__('pathlib').Path({str(path)!r}))\n"
        "for f in domain_findings(m, 'fr'):\n"
        "    print(f.target_id, f.params['domain'].value, f.params['words'])\n"
        "print('simplemma' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy(), check=True)
    lines = done.stdout.splitlines()
    assert lines[-1] == "False", done.stdout
    monkeypatch.setattr("concertation_tui.services.domain_check.spoken_reader",  # the reference, here
                        lambda lang: lambda text: spoken_by_lemmatiser(text, lang))
    expected = [f"{f.target_id} {f.params['domain'].value} {f.params['words']}" for f in domain_findings(m, "fr")]
    assert lines[:-1] == expected and any("hospitalisations" in line for line in expected)


def test_words_an_organisation_or_a_user_adds_are_found_in_all_their_forms():
    """A user adds « péniche » to housing: found as « péniches » (the lemmatiser reads the notes then),
    and the shipped words are still found."""
    folder = user_settings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "domain-words.fr.txt").write_text("logement | péniche\n", encoding="utf-8")
    text = "Ils vivent sur deux péniches ; sa situation médicale le retient."
    found = spoken_of(text, "fr")
    assert found == {Domain.HOUSING: "péniches", Domain.HEALTH: "médicale"}
    assert domain_words._lists("fr", domain_words.word_list_folders(), True)[1] is None


def test_a_list_edited_without_rebuilding_its_table_takes_the_lemmatiser(monkeypatch):
    listed = (DATA / "domain-words.fr.txt").read_text(encoding="utf-8")
    assert domain_forms.shipped.__wrapped__("fr", listed) is not None
    assert domain_forms.shipped.__wrapped__("fr", listed + "logement | péniche\n") is None
    monkeypatch.setattr(domain_forms, "simplemma_version", lambda: "9.9.9")
    assert domain_forms.shipped.__wrapped__("fr", listed) is None


def test_a_lists_domain_names_mean_one_domain_in_every_language():
    """The domain at the start of a line is read in the list's language first, the others only when
    needed: that changes nothing only because no name means two domains across the languages."""
    from concertation_tui.language_tools.domain_words import SHORT_NAMES, domain_named, labels

    meaning: dict[str, set[Domain]] = {}
    for name, domain in [*((d.value, d) for d in Domain), *SHORT_NAMES.items(),
                         *(item for lang in LANGS for item in labels(lang).items())]:
        meaning.setdefault(name, set()).add(domain)
    assert all(len(domains) == 1 for domains in meaning.values()), meaning
    for name, (domain,) in meaning.items():
        assert all(domain_named(f" {name.upper()} ", lang) is domain for lang in LANGS), name
    assert domain_named("santé", "fr") is Domain.HEALTH and domain_named("mental health", "fr") is Domain.MENTAL_HEALTH
    assert domain_named("geestelijke gezondheid", "en") is Domain.MENTAL_HEALTH and domain_named("cuisine", "fr") is None


def test_the_tables_lines_are_read_as_simplemma_answers():
    """What each kind of line means, on a small table: a dictionary form, a guess the dictionary knows,
    a hyphenated word read as its joined form unless a `w` line says otherwise, a number as it is."""
    header, table = domain_forms.parse(
        "# language: fr\n# list: 0\n# simplemma: 0\n"
        "d\tmalade\tmalade\nd\tmitemps\ttemps\nd\tlogements\tlogement\n"
        "w\tsans-abris\tsans-abri\nw\tmi-temps\t\n", "fr")
    assert header == {"language": "fr", "list": "0", "simplemma": "0"}
    assert table.lemma("logements") == "logement" and table.lemma("chaise") == "chaise"
    assert table.lemma("sans-abris") == "sans-abri"
    assert table.lemma("mi-temp-s") == "temps"  # joined: mitemps
    assert table.lemma("mi-temps") == "mi-temps"  # its own (empty) answer: itself, not the joined form's
    assert table.lemma("12") == "12"
    assert table.lemmas("Malades") == {"malades", "malade"}  # the guess « malade » is known
    assert table.lemmas("1er") == {"1er"}
    (word,) = table.tokens("Malades")
    assert word.keys == {"malades", "malade"} and word.loose == {"malades", "malade"}
    (word,) = table.tokens("Médecins")
    assert word.loose == frozenset() and word.keys == {"médecins"}  # « médecin » is not in this small table
    assert Domain.HEALTH in spoken_of("Les Médecins le suivent", "fr")  # what one table read stays its own
