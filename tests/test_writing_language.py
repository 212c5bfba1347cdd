"""The writing helper reads language, not strings: lemmas (inflected and near forms), negation (ne…pas,
peu, ne…guère), four categories each with a suggestion, an organisation's own list in the same form, and
nothing flagged in neutral sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from concertation_tui.services.demo import demo_meeting
from concertation_tui.services.writing import entries, hints


@pytest.mark.parametrize("sentence, term, category", [
    ("Il refuse de collaborer.", "refuse de collaborer", "character"),
    ("Il refusait de collaborer avec le service.", "refusait de collaborer", "character"),
    ("Il a refusé catégoriquement de collaborer.", "refusé catégoriquement de collaborer", "character"),
    ("Elle ne collaborait pas avec l'équipe.", "collaborait", "character"),
    ("Il collabore peu.", "collabore", "character"),
    ("Il ne collabore guère depuis octobre.", "collabore", "character"),
    ("Des propos agressifs envers l'infirmière.", "agressifs", "character"),
    ("Elle s'est montrée agressive au guichet.", "agressive", "character"),
    ("Elle est manipulatrice.", "manipulatrice", "character"),
    ("Il manipule son entourage.", "manipule", "character"),
    ("Il n'est pas motivé par la formation.", "motivé", "compliance"),
    ("Elle est peu motivée.", "motivée", "compliance"),
    ("Monsieur reste non observant.", "non observant", "compliance"),
    ("Il n'adhère pas au traitement.", "adhère", "compliance"),
    ("Il est dans un déni total.", "dans un déni", "diagnosis"),
    ("Monsieur est dans le DENI.", "dans le DENI", "diagnosis"),  # capitals, no accent
    ("Elle est dépressive depuis le décès.", "dépressive", "diagnosis"),
    ("Tensions avec son ex-mari.", "ex-mari", "third_party"),
    ("Ses frères ne donnent plus de nouvelles.", "frères", "third_party"),
])
def test_inflected_negated_and_near_forms_are_caught(sentence: str, term: str, category: str) -> None:
    found = hints(sentence, lang="fr")
    assert [(h.term, h.category) for h in found] == [(term, category)], found
    assert found[0].why  # each with a suggestion


@pytest.mark.parametrize("sentence", [
    "Monsieur Lambert se lève, s'habille et prépare son petit-déjeuner seul.",
    "Il collabore avec l'infirmière pour le pilulier.",
    "Elle ne vient pas le mardi, elle travaille.",
    "L'aide familiale vient cinq matinées par semaine.",
    "Le pharmacien a salé la note.",
    "La plaie au genou cicatrise bien ; le passage infirmier est réduit.",
    "Il est motivé pour retourner au club de pétanque le jeudi.",
    "Elle a rempli le formulaire du CPAS avec l'assistante sociale.",
    "Deux factures de septembre et d'octobre ne sont pas encore payées.",
    "Il ne veut pas aller en maison de repos et il le dit clairement.",
    "La salle de bain n'a pas de barre d'appui.",
    "Il a peur de tomber la nuit dans l'escalier.",
    "Rendez-vous pris chez le médecin le 3 décembre à 9 h.",
    "Madame respecte les rendez-vous et paie son loyer.",
    "Il observe que le chauffage ne marche pas.",
    "Le service n'a pas encore répondu à la demande.",
    "Elle suit une formation de cariste depuis septembre.",
    "Il n'a pas reçu le courrier de la mutuelle.",
])
def test_nothing_is_flagged_in_neutral_sentences(sentence: str) -> None:
    assert hints(sentence, demo_meeting(), "fr") == []


@pytest.mark.parametrize("sentence, term", [
    ("He refused to engage with the service.", "refused to engage"),
    ("She does not cooperate.", "cooperate"),
    ("He is barely motivated.", "motivated"),
    ("Aggressive remarks at the desk.", "Aggressive"),
])
def test_english_forms_are_caught(sentence: str, term: str) -> None:
    assert [h.term for h in hints(sentence, lang="en")] == [term]


@pytest.mark.parametrize("sentence", [
    "The nurse comes every morning for the wound dressing.",
    "He cooperates with the nurse on his pills.",
    "She is motivated to go back to work.",
])
def test_nothing_is_flagged_in_neutral_english_sentences(sentence: str) -> None:
    assert hints(sentence, lang="en") == []


def test_dutch_lists_read_negation_too() -> None:
    assert [h.term for h in hints("Hij werkt niet mee.", lang="nl")] == ["werkt niet mee"]
    assert hints("Hij werkt mee.", lang="nl") == []
    assert [h.term for h in hints("Hij is niet gemotiveerd.", lang="nl")] == ["niet gemotiveerd"]
    assert [h.category for h in hints("Zij is nauwelijks gemotiveerd.", lang="nl")] == ["compliance"]
    assert hints("Hij is gemotiveerd.", lang="nl") == []


def test_a_diagnosis_is_a_clinicians_to_write() -> None:
    m = demo_meeting()
    doctor = next(p for p in m.participants if p.name == "Dr Marc Dubois")
    nurse = next(p for p in m.participants if p.name == "Céline Renard")
    sentence = "Humeur dépressive depuis le décès de son épouse."
    assert hints(sentence, m, "fr", doctor.id) == []
    assert [h.category for h in hints(sentence, m, "fr", nurse.id)] == ["diagnosis"]


def test_kin_of_someone_present_is_no_third_party() -> None:
    m = demo_meeting()
    assert hints("Sa fille vient le mercredi.", m, "fr") == []  # Isabelle, his daughter, is there
    assert [h.category for h in hints("Son fils ne donne plus de nouvelles.", m, "fr")] == ["third_party"]


def test_an_organisations_list_in_the_same_form(private_home: Path) -> None:
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "writing-words.fr.txt").write_text(
        "# nos mots\n"
        "jugement | bougon | Décrivez ce qui a été dit, et quand.\n"
        "observance | !ponctuel | Dites quels rendez-vous ont été manqués, et ce que la personne en dit.\n"
        "tiers | belle-sœur\n",
        encoding="utf-8")
    assert [(h.term, h.why) for h in hints("Ils sont bougons ce matin.", lang="fr")] == [
        ("bougons", "Décrivez ce qui a été dit, et quand.")]
    assert [h.category for h in hints("Il n'est pas ponctuel.", lang="fr")] == ["compliance"]
    assert hints("Il est ponctuel.", lang="fr") == []
    third = hints("Sa belle-sœur l'héberge.", lang="fr")
    assert [(h.category, h.kind) for h in third] == [("third_party", "third_person")]
    assert third[0].why.startswith("La note parle d'une personne")  # the category's own suggestion
    assert any(e.phrase == "bougon" for e in entries("fr"))


def test_every_shipped_entry_reads_as_words() -> None:
    for lang in ("fr", "en", "nl"):
        found = entries(lang)
        assert len(found) > 20
        assert all(e.words and e.suggestion and e.category in (
            "character", "compliance", "diagnosis", "third_party") for e in found)
