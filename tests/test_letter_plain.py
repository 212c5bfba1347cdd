"""The letter written to the person: « vous » everywhere, each action in the person's wording (proposed by
rules, stored when rewritten), names with a role they know, each technical word explained once, short
sentences, whom to call to read it; and its readability check."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest

from concertation_tui import store
from concertation_tui.language_tools.conjugation import conjugate, subjunctive_2p
from concertation_tui.services.demo import demo_meeting, play_demo_follow_up
from concertation_tui.language_tools.glossary import find, terms
from concertation_tui.language_tools.words import sentences, word_count
from concertation_tui.minute import build_minute
from concertation_tui.minute.context import Context
from concertation_tui.minute.letter import LISTS, letter_blocks
from concertation_tui.minute.reader import visible_meeting
from concertation_tui.minute.readability import letter_findings, letter_problems
from concertation_tui.model import (
    Action, Agreement, Attendance, Edition, Language, Meeting, Participant, ParticipantKind, migrate,
)
from concertation_tui.services.templates import new_follow_up
from concertation_tui.language_tools.wording import mentions, propose, to_you, who

QUOTED = re.compile(r"«[^»]*»")


def letter_paragraphs(meeting: Meeting) -> list[docx.text.paragraph.Paragraph]:
    return docx.Document(io.BytesIO(build_minute(meeting, Edition.PERSON))).paragraphs


def plain(text: str) -> str:
    """The text with its non-breaking spaces (French typography) as spaces."""
    return text.replace("\u00a0", " ")


def letter_text(meeting: Meeting) -> str:
    return "\n".join(plain(p.text) for p in letter_paragraphs(meeting))


def follow_up_demo(tmp_path: Path) -> Meeting:
    first = demo_meeting()
    return play_demo_follow_up(new_follow_up(first, tmp_path / "demo.json"))


def said_by_the_letter(meeting: Meeting) -> list[str]:
    """The letter's sentences, the person's quoted words left out, the title, headings and signature too."""
    found = []
    for p in letter_paragraphs(meeting):
        if p.style.name in ("Title", "Subtitle", "Heading 1", "Signature") or not p.text.strip():
            continue
        found += sentences(QUOTED.sub("", plain(p.text)))
    return found


# -- the demo's letter, as the issue's "done when" says ----------------------------------------------------


@pytest.mark.parametrize("which", ["first", "follow-up"])
def test_the_demos_letter_speaks_to_him_in_short_sentences(which: str, tmp_path: Path) -> None:
    meeting = demo_meeting() if which == "first" else follow_up_demo(tmp_path)
    person = meeting.person
    lines = said_by_the_letter(meeting)
    assert len(lines) > 40
    for line in lines:
        if line.startswith("Bonjour "):
            continue  # the greeting names him, to him
        assert word_count(line) <= 15, line
        assert mentions(line, meeting) == [], line  # never « Monsieur Lambert » outside his own words
        assert person.name not in line and "Monsieur Lambert" not in line, line
    assert letter_problems(meeting) == []


def test_every_glossary_term_of_the_demos_letter_is_explained_once_where_first_used() -> None:
    meeting = demo_meeting()
    blocks = letter_blocks(Context(visible_meeting(meeting, meeting.person.id), None))
    first_use: dict[str, int] = {}  # term -> block of its first use in a sentence, outside his quoted words
    for n, block in enumerate(blocks):
        if block.kind in ("title", "subtitle", "signature", "signature_line", "explain") or block.source[0] in LISTS:
            continue
        for found in find(QUOTED.sub(lambda m: " " * len(m.group()), block.text), "fr"):
            first_use.setdefault(found.term.names[0], n)
    assert {"télévigilance", "rehausse-WC", "médiation de dettes", "CPAS", "maison de repos", "ergothérapeute",
            "aide familiale", "barre d'appui", "mutuelle"} <= set(first_use)
    explained = {}
    for n, block in enumerate(blocks):
        if block.kind == "explain":
            assert block.explains[0] not in explained  # once
            explained[block.explains[0]] = n
    assert set(explained) == set(first_use)  # every term used is explained, and nothing else
    for term, n in first_use.items():
        assert n < explained[term] and all(b.kind == "explain" for b in blocks[n + 1:explained[term]]), term
    text = letter_text(meeting)
    for term in explained:
        explanation = next(t.explanation for t in terms("fr") if t.names[0] == term)
        assert text.count(explanation[1:]) == 1, term  # in the document, once


def test_the_demos_letter_has_no_professional_wording_left(tmp_path: Path) -> None:
    for meeting in (demo_meeting(), follow_up_demo(tmp_path)):
        text = letter_text(meeting)
        for gone in ("Qui s'en occupe", "tout le monde", "C'est déjà fait", "Porter l'aide", "Veiller à ce que",
                     "Installer un lit", "Au domicile de", "personne pour le moment"):
            assert gone not in text, gone
    first = letter_text(demo_meeting())
    assert "Nous veillons à ce que vous buviez assez pendant la journée." in first
    assert "Nous devons encore décider qui s'en occupe." in first  # « tout le monde » carries nothing
    assert "Vous appelez Sophie Mertens, votre assistante sociale, au 081 00 00 00." in first
    assert "Lieu : Chez vous, à votre demande." in first


def test_the_letter_says_when_it_is_sent_and_whom_to_call_to_read_it(tmp_path: Path) -> None:
    meeting = demo_meeting()
    text = letter_text(meeting)
    assert "Nous vous envoyons cette lettre" not in text  # a draft is not sent: the issue dates it
    assert "Vous voulez lire cette lettre avec quelqu'un ?\nAppelez Sophie Mertens, votre assistante sociale, au " \
           "081 00 00 00." in text
    # issued: the day of the issue
    from concertation_tui.services.issuing import issue_minute

    path = store.create_meeting_file(meeting)
    issued = issue_minute(meeting, path, at=dt.datetime(2026, 11, 25, 10, 0).astimezone())
    letter = next(issued.folder.glob("*lettre*"))
    sent = "\n".join(plain(p.text) for p in docx.Document(letter).paragraphs)
    assert "Nous vous envoyons cette lettre le mercredi 25 novembre 2026." in sent


def test_names_come_with_a_role_the_person_knows() -> None:
    m = demo_meeting()
    by_name = {p.name: p for p in m.participants}
    assert who(m, by_name["Sophie Mertens"], "fr") == "Sophie Mertens, votre assistante sociale"
    assert who(m, by_name["Céline Renard"], "fr") == "Céline Renard, votre infirmière"
    assert who(m, by_name["Isabelle Lambert"], "fr") == "Isabelle, votre fille"
    assert who(m, by_name["Georges Piron"], "fr") == "Georges, votre voisin"
    assert who(m, by_name["Dr Marc Dubois"], "fr") == "Dr Marc Dubois, votre médecin"
    # two social workers: the one he calls is « votre », the other one is said by her service
    assert who(m, by_name["Julie Verhaegen"], "fr") == "Julie Verhaegen, assistante sociale du centre hospitalier régional"
    text = letter_text(m)
    assert "Sophie Mertens, votre assistante sociale (CPAS de Fleurville)" in text  # who was there


# -- the rules that word an action for the person -------------------------------------------------------------


def small_meeting() -> Meeting:
    person = Participant(name="Ana Dupont", kind=ParticipantKind.PERSON, addressed_as="Madame Dupont",
                         attendance=Attendance.PRESENT)
    worker = Participant(name="Paul Leroy", organisation="CPAS de Namur, service social", role="assistant social",
                         attendance=Attendance.PRESENT, contact="081 11 11 11")
    son = Participant(name="Karim Dupont", kind=ParticipantKind.NETWORK, role="fils de Madame Dupont",
                      attendance=Attendance.PRESENT)
    return Meeting(title="Réunion", date=dt.date(2026, 3, 2), participants=[person, worker, son],
                   facilitator_id=worker.id, reference_person_id=worker.id)


@pytest.mark.parametrize("what, carrier, expected", [
    ("Appeler Paul Leroy au 081 11 11 11", "person",
     "Vous appelez Paul Leroy, votre assistant social, au 081 11 11 11."),
    ("Accompagner Madame Dupont chez le médecin", "son", "Karim, votre fils, vous accompagne chez le médecin."),
    ("Se renseigner sur la guidance budgétaire", "person", "Vous vous renseignez sur la guidance budgétaire."),
    ("Envoyer le dossier à la mutuelle", "worker", "Paul Leroy, votre assistant social, envoie le dossier à la mutuelle."),
    ("Prévenir le propriétaire de sa visite", "worker",
     "Paul Leroy, votre assistant social, prévient le propriétaire de votre visite."),
    ("Veiller à ce que Madame Dupont prenne ses médicaments", "everyone",
     "Nous veillons à ce que vous preniez vos médicaments."),
    ("Remplir le formulaire avec Madame Dupont", "worker",
     "Paul Leroy, votre assistant social, remplit le formulaire avec vous."),
    ("Rendez-vous chez le dentiste", "person", "Rendez-vous chez le dentiste. Vous vous en occupez."),
    ("Mettre la demande en attente, sans la retirer", "worker",
     "Paul Leroy, votre assistant social, met la demande en attente. Il ne la retire pas."),
])
def test_an_action_is_worded_for_the_person_by_rules(what: str, carrier: str, expected: str) -> None:
    m = small_meeting()
    person, worker, son = m.participants
    ids = {"person": person.id, "worker": worker.id, "son": son.id, "everyone": ""}
    action = Action(what=what, carrier_id=ids[carrier], carrier_label="tout le monde" if carrier == "everyone" else "")
    assert propose(m, action, "fr") == expected


def test_a_long_action_is_said_in_two_short_sentences_and_helpers_are_named() -> None:
    m = small_meeting()
    person, worker, son = m.participants
    action = Action(what="Rencontrer le service de médiation de dettes du CPAS pour les deux factures d'électricité",
                    carrier_id=worker.id, supporters=[son.id])
    assert propose(m, action, "fr") == (
        "Paul Leroy est votre assistant social. Il rencontre le service de médiation de dettes du CPAS "
        "pour les deux factures d'électricité. Karim, votre fils, aide Paul Leroy.")


def test_the_person_turned_into_vous_in_free_text() -> None:
    m = small_meeting()
    assert to_you("Madame Dupont appelle Paul Leroy le lundi.", m, "fr") == "Vous appelez Paul Leroy le lundi."
    assert to_you("Au domicile de Madame Dupont, à sa demande", m, "fr") == "chez vous, à votre demande"
    assert to_you("Il dit que Madame Dupont boit peu.", m, "fr") == "Il dit que vous buvez peu."
    assert to_you("Madame Dupont ne veut pas de home.", m, "fr") == "Vous ne voulez pas de home."
    # her own words are hers
    assert to_you("« Madame Dupont, c'est moi » dit-elle.", m, "fr").startswith("« Madame Dupont, c'est moi »")


@pytest.mark.parametrize("verb, forms", [
    ("porter", ("porte", "portez", "portons")), ("appeler", ("appelle", "appelez", "appelons")),
    ("acheter", ("achète", "achetez", "achetons")), ("préférer", ("préfère", "préférez", "préférons")),
    ("envoyer", ("envoie", "envoyez", "envoyons")), ("installer", ("installe", "installez", "installons")),
    ("prévenir", ("prévient", "prévenez", "prévenons")), ("reprendre", ("reprend", "reprenez", "reprenons")),
    ("remplir", ("remplit", "remplissez", "remplissons")), ("faire", ("fait", "faites", "faisons")),
    ("inscrire", ("inscrit", "inscrivez", "inscrivons")), ("revoir", ("revoit", "revoyez", "revoyons")),
    ("recevoir", ("reçoit", "recevez", "recevons")), ("boire", ("boit", "buvez", "buvons")),
    ("manger", ("mange", "mangez", "mangeons")), ("rendre", ("rend", "rendez", "rendons")),
])
def test_conjugation_of_the_verbs_actions_are_written_with(verb: str, forms: tuple[str, str, str]) -> None:
    assert (conjugate(verb, "3s"), conjugate(verb, "2p"), conjugate(verb, "1p")) == forms


def test_subjunctive_after_que() -> None:
    assert [subjunctive_2p(v) for v in ("boire", "prendre", "être", "faire", "aller", "appeler")] == [
        "buviez", "preniez", "soyez", "fassiez", "alliez", "appeliez"]


# -- the wording stored on the action ----------------------------------------------------------------------


def test_a_rewritten_wording_is_stored_and_is_what_the_letter_says() -> None:
    m = demo_meeting()
    action = next(a for a in m.actions if a.what.startswith("Installer un lit"))
    action.person_wording = "Isabelle, votre fille, met un lit dans le salon. Georges l'aide."
    path = store.create_meeting_file(m)
    saved = store.load_meeting(path) if hasattr(store, "load_meeting") else None
    raw = path.read_text(encoding="utf-8")
    assert '"person_wording": "Isabelle, votre fille, met un lit dans le salon. Georges l\'aide."' in raw
    assert '"format_version": 3' in raw
    if saved is not None:
        assert saved.action(action.id).person_wording == action.person_wording
    text = letter_text(m)
    assert "Isabelle, votre fille, met un lit dans le salon. Georges l'aide." in text
    assert "installe un lit au rez-de-chaussée" not in text


def test_a_version_2_file_opens_with_no_wording_and_the_rules_word_it() -> None:
    document = demo_meeting().model_dump(mode="json")
    document["format_version"] = 2
    for action in document["actions"]:
        action.pop("person_wording", None)
    meeting = Meeting.model_validate(migrate(document))
    assert meeting.format_version == 3
    assert all(a.person_wording == "" for a in meeting.actions)
    assert "Isabelle, votre fille, installe un lit au rez-de-chaussée." in letter_text(meeting)


# -- the readability check --------------------------------------------------------------------------------


def test_the_readability_check_finds_what_to_rewrite_and_where() -> None:
    m = demo_meeting()
    bed = next(a for a in m.actions if a.what.startswith("Installer un lit"))
    bed.person_wording = ("Isabelle installe un lit dans le salon du rez-de-chaussée pour que Monsieur Lambert "
                          "ne monte plus l'escalier la nuit quand il va aux toilettes.")
    m.open_questions[0].text = "Le SISD peut-il passer le soir ?"
    m.between_meetings = "Monsieur Lambert appelle Sophie Mertens au 081 00 00 00."
    problems = letter_problems(m)
    codes = {(p.code, p.source[0]) for p in problems}
    assert ("long_sentence", "action") in codes
    assert ("third_person", "action") in codes
    assert ("unexplained", "question") in codes
    assert not any(p.source[0] == "between_meetings" for p in problems)  # turned into « vous » by the rules
    third = next(p for p in problems if p.code == "third_person")
    assert third.term == "Monsieur Lambert" and third.source == ("action", bed.id)
    findings = letter_findings(m)
    long_one = next(f for f in findings if f.code == "letter_long_sentence")
    assert long_one.target == "action" and long_one.target_id == bed.id
    assert long_one.sentence("fr").startswith("Lettre : une phrase de 24 mots (15 au plus)")
    sigle = next(f for f in findings if f.code == "letter_unexplained")
    assert sigle.target == "question" and "« SISD »" in sigle.sentence("fr")


def test_an_organisation_adds_a_glossary_term_and_the_letter_explains_it(private_home: Path) -> None:
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "glossary.fr.txt").write_text(
        "SISD | Le service qui coordonne les soins chez vous.\n"
        "télévigilance | Un bouton d'appel que vous portez au poignet.\n", encoding="utf-8")
    m = demo_meeting()
    m.open_questions[0].text = "Le SISD peut-il passer le soir ?"
    text = letter_text(m)
    assert "SISD : le service qui coordonne les soins chez vous." in text
    assert "Télévigilance : un bouton d'appel que vous portez au poignet." in text  # its explanation replaced
    assert letter_problems(m) == []


def test_sentences_and_words_as_a_reader_counts_them() -> None:
    assert sentences("Vous appelez au 081 00 00 00. Le Dr. Dubois vient le 1er déc. à 9 h. M. J. Dupont aussi !") == [
        "Vous appelez au 081 00 00 00.", "Le Dr. Dubois vient le 1er déc. à 9 h.", "M. J. Dupont aussi !"]
    assert word_count("Appelez Sophie au 081 00 00 00, à 9 h, l'après-midi.") == 7


@pytest.mark.parametrize("lang", ["fr", "en", "nl"])
def test_every_shipped_explanation_is_short_enough_to_read_aloud(lang: str) -> None:
    for term in terms(lang):
        for said in sentences(f"{term.names[0]} : {term.explanation}"):
            assert word_count(said) <= 15, (term.names[0], said)


def test_whom_to_call_is_said_when_the_text_between_meetings_does_not_name_them() -> None:
    m = small_meeting()
    text = letter_text(m)
    assert "Si vous avez une question, appelez Paul Leroy, votre assistant social.\nSon numéro : 081 11 11 11." in text
    assert "Vous voulez lire cette lettre avec quelqu'un ?\nAppelez Paul Leroy, votre assistant social, au " \
           "081 11 11 11." in text


def test_a_dutch_letter_speaks_dutch_to_the_person(tmp_path: Path) -> None:
    # The wording rules treated every language but French as English: a Dutch letter said « Isabelle, your
    # fille » and « Nadia El Amrani, … will porter … ». The demo's words stay French; the letter's own are Dutch.
    meeting = follow_up_demo(tmp_path).model_copy(update={"language": Language.NL})
    text = letter_text(meeting)
    for english in (" your ", " will ", " You ", "\nYou ", " at CPAS", "We will"):
        assert english not in text, english
    assert "Isabelle, uw fille" in text
    assert "Sophie Mertens, assistante sociale référente bij CPAS de Fleurville, gaat rencontrer" in text
    carried_by_him = next(a for a in meeting.actions if a.carrier_id == meeting.person.id)
    assert propose(meeting, carried_by_him, "nl").startswith("U gaat ")


@pytest.mark.parametrize(("lang", "text", "term"), [
    ("fr", "Le CPAS négocie un plan d'apurement avec Sibelga.", "plan d'apurement"),
    ("fr", "Demander au juge de paix des délais.", "juge de paix"),
    ("fr", "La garantie locative sera payée par le CPAS.", "garantie locative"),
    ("nl", "Het OCMW regelt een afbetalingsplan met de energieleverancier.", "afbetalingsplan"),
    ("nl", "Aan de vrederechter uitstel vragen.", "vrederechter"),
    ("en", "The service agrees a repayment plan with the supplier.", "repayment plan"),
])
def test_the_words_of_debts_and_housing_a_tester_met_are_explained(lang: str, text: str, term: str) -> None:
    """« plan d'apurement » reached a letter unexplained in the tester's meeting; the judge and the rental
    deposit come with it in the same situations."""
    from concertation_tui.language_tools.glossary import find

    assert term in [f.term.names[0] for f in find(text, lang)]
