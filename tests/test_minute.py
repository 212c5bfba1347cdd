"""The Word minute: both editions read back with python-docx, what each copy may carry, clean metadata."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from concertation_tui.services.demo import demo_meeting, play_demo_follow_up
from concertation_tui.minute import build_minute, minute_file_name
from concertation_tui.model import (
    ActionStatus,
    Attendance,
    Disagreement,
    Domain,
    Edition,
    Language,
    Meeting,
    Participant,
    PersonView,
    PictureKind,
    PictureLine,
    Step,
    ViewAspect,
    Visibility,
    VisibilityKind,
)
from concertation_tui.services.templates import new_follow_up

ROOT = Path(__file__).resolve().parents[1]
ORAL = "ORALMARKER7Q"
RESTRICTED = "RESTRICTEDMARKER4Z"

PROFESSIONAL_HEADINGS = [
    "Ce que vous avez à faire",  # first: what the readers of this copy most need to read
    "Participants",
    "Cadre de la réunion",
    "Question, ordre du jour et décisions",
    "Le point de vue de Monsieur Lambert, avec ses mots",
    "Le réseau de Monsieur Lambert",
    "La carte du réseau de Monsieur Lambert",
    "Apports des partenaires",
    "Vision partagée",
    "Actions négociées",
    "Entre deux réunions",
    "Questions ouvertes et points reportés",
    "Prochaine réunion",
    "Diffusion",
    "Protection des données",
]


# -- reading a minute back ---------------------------------------------------------------------


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def parts(data: bytes) -> dict[str, bytes]:
    """Every part of the .docx, decompressed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def body_text(document) -> str:
    """The text of the body, tables included, one paragraph a line, non-breaking spaces made plain."""
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    return plain("\n".join(lines))


def headings(document, level: int = 1) -> list[str]:
    return [plain(p.text) for p in document.paragraphs if p.style.name == f"Heading {level}"]


def table_with_header(document, first_header: str):
    for table in document.tables:
        if table.rows and plain(table.rows[0].cells[0].text).strip() == first_header:
            return table
    raise AssertionError(f"no table whose header starts with {first_header!r}")


def cells(row) -> list[str]:
    return [plain(cell.text) for cell in row.cells]


def participant(meeting: Meeting, start: str) -> Participant:
    return next(p for p in meeting.participants if p.name.startswith(start))


@pytest.fixture(scope="module")
def meeting() -> Meeting:
    return demo_meeting()


@pytest.fixture(scope="module")
def professional(meeting: Meeting):
    return open_docx(build_minute(meeting, Edition.PROFESSIONAL))


@pytest.fixture(scope="module")
def letter(meeting: Meeting):
    return open_docx(build_minute(meeting, Edition.PERSON))


# -- the package -------------------------------------------------------------------------------


def test_importing_the_minute_package_loads_neither_docx_nor_babel_nor_textual() -> None:
    code = (
        "import sys, concertation_tui.minute as m; "
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('docx', 'babel', 'textual', 'lxml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_the_letters_check_reads_the_words_without_python_docx() -> None:
    """The interface checks the letter after each change: python-docx and lxml (113 modules, ~7 MB)
    stay out of a session that writes no document, and simplemma reads its dictionary as a stream."""
    code = (
        "import sys, resource\n"
        "from concertation_tui.services.demo import demo_meeting\n"
        "from concertation_tui.minute.readability import letter_problems\n"
        "m = demo_meeting(); m.actions[0].what = 'Veiller à ce que Monsieur Lambert boive assez de '"
        " + 'liquide chaque jour de la semaine, même quand il fait froid dehors.'\n"
        "problems = letter_problems(m)\n"
        "from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY as full\n"
        "print(len(problems), 'simplemma' in sys.modules, full._get_dictionary.cache_info().currsize,"
        " sorted({n.split('.')[0] for n in sys.modules} & {'docx', 'lxml', 'textual', 'matplotlib'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    count, lemmas, full_dictionaries, heavy = out.stdout.strip().split(" ", 3)
    assert int(count) >= 1  # the check did read the letter (its long sentence)
    assert lemmas == "True"  # and its words' lemmas
    assert full_dictionaries == "0"  # read as streams: no 24 MB dict per language
    assert heavy == "[]"


def test_file_names_say_the_date_and_the_edition_never_a_name(meeting: Meeting) -> None:
    nurse = participant(meeting, "Céline")
    day = f"2026-11-23-{meeting.id[:6]}"
    assert minute_file_name(meeting, Edition.PROFESSIONAL) == f"{day}-compte-rendu.docx"
    assert minute_file_name(meeting, Edition.PERSON) == f"{day}-lettre-a-la-personne.docx"
    copy = minute_file_name(meeting, Edition.PROFESSIONAL, nurse.id)
    assert re.fullmatch(rf"{day}-compte-rendu-copie-[0-9a-f]{{8}}\.docx", copy)
    assert copy != minute_file_name(meeting, Edition.PROFESSIONAL, participant(meeting, "Nadia").id)
    assert minute_file_name(meeting, Edition.PERSON, nurse.id) == f"{day}-lettre-a-la-personne.docx"
    other = meeting.model_copy(update={"id": "ffffff000000"})  # another meeting the same day
    assert minute_file_name(other, Edition.PROFESSIONAL) != minute_file_name(meeting, Edition.PROFESSIONAL)
    odd = minute_file_name(meeting, Edition.PROFESSIONAL, "../Céline Renard")
    assert "/" not in odd and "Céline" not in odd and "Renard" not in odd
    english = meeting.model_copy(update={"language": Language.EN, "date": None})
    assert minute_file_name(english, Edition.PERSON) == f"{meeting.id[:6]}-letter-to-the-person.docx"


def test_a_copy_for_someone_who_is_not_a_participant_is_refused(meeting: Meeting) -> None:
    with pytest.raises(ValueError, match="participants"):
        build_minute(meeting, Edition.PROFESSIONAL, recipient_id="nobody")


# -- the professional minute -------------------------------------------------------------------


def test_the_professional_minute_has_its_sections_in_order_as_word_headings(professional) -> None:
    assert headings(professional) == PROFESSIONAL_HEADINGS
    assert [p.text for p in professional.paragraphs if p.style.name == "Title"] == ["Compte rendu"]
    assert [p.text for p in professional.paragraphs if p.style.name == "Subtitle"] == [
        "Réunion de concertation autour de Monsieur Lambert"
    ]
    assert headings(professional, 2) == [
        "Vivre chez soi après la chute : aides et soins",  # items with partners' notes only
        # "Les papiers et les factures": its notes are about income, shared with the CPAS social worker alone
        "Ce qui va bien, ce qui inquiète, ce qui doit se passer",
        "Échelle de 0 à 10",
        "Points de désaccord",
        "Démarches en cours",
        "Points de coordination",
    ]


def test_the_header_gives_the_meeting_banner_and_french_dates(professional) -> None:
    text = body_text(professional)
    assert "Confidentiel : secret professionnel. Diffusion limitée aux destinataires ci-dessous." in text
    assert "lundi 23 novembre 2026" in text
    assert "de 14 h 05 à 15 h 14" in text
    assert "Joseph Lambert" in text
    assert "première réunion" in text
    assert "lundi 28 décembre 2026, à 14 h" in text  # the next meeting
    assert "Question de la réunion : Comment Monsieur Lambert peut-il continuer à vivre chez lui" in text
    assert "\u00a0:" in "".join(t.text or "" for t in professional.element.body.iter(qn("w:t")))


def test_participants_are_grouped_with_their_attendance(professional) -> None:
    table = table_with_header(professional, "Nom")
    rows = [cells(row) for row in table.rows]
    assert rows[1][0] == "La personne" and rows[2][:2] == ["Joseph Lambert", "personne concernée"]
    doctor = next(r for r in rows if r[0] == "Dr Marc Dubois")
    # « Dr » says no gender: a neutral wording, never « excusé·e »
    assert "absence excusée (consultations)" in doctor[2] and "contribution écrite reçue" in doctor[2]
    assert any(r[0] == "Le réseau de Monsieur Lambert" for r in rows)
    assert any(r[0] == "Les professionnels" for r in rows)


def test_the_persons_view_is_in_their_words_and_always_has_its_heading(professional) -> None:
    text = body_text(professional)
    assert "« Je veux rester chez moi. C'est ma maison depuis cinquante ans." in text
    assert "Ses inquiétudes" in text and "« J'ai peur de tomber la nuit quand je descends aux toilettes. »" in text

    silent = demo_meeting()
    silent.person_views, silent.last_word = [], ""
    silent.person_view_missing_reason = "Monsieur Lambert était trop fatigué pour parler"
    document = open_docx(build_minute(silent, Edition.PROFESSIONAL))
    assert "Le point de vue de Monsieur Lambert, avec ses mots" in headings(document)
    assert "n'a pas donné son point de vue. Raison : Monsieur Lambert était trop fatigué pour parler." in body_text(document)
    silent.person_view_missing_reason = ""
    document = open_docx(build_minute(silent, Edition.PROFESSIONAL))
    assert "Le point de vue de Monsieur Lambert n'est pas repris dans ce compte rendu." in body_text(document)


def test_partner_facts_are_kept_apart_from_assessments(professional) -> None:
    text = body_text(professional)
    assert "Appréciation : À mon avis, le retour à domicile reste fragile" in text
    assert "\nPendant l'hospitalisation qui a suivi la chute du 28 octobre" in text  # a fact: no label
    assert "Dr Marc Dubois — Cabinet médical des Tilleuls, médecin généraliste (contribution écrite)" in text


def test_the_shared_picture_scales_disagreements_and_the_two_housing_steps(professional) -> None:
    picture = table_with_header(professional, "Ce qui va bien")
    assert cells(picture.rows[0]) == ["Ce qui va bien", "Ce qui nous inquiète", "Ce qui doit se passer"]
    assert "Une nouvelle chute la nuit, seul dans l'escalier. (Isabelle Lambert)" in cells(picture.rows[1])[1]
    scale = table_with_header(professional, "Qui")
    assert cells(scale.rows[1])[:2] == ["Joseph Lambert", "7 / 10"]
    steps = table_with_header(professional, "Domaine")
    housing = [cells(r) for r in steps.rows[1:] if cells(r)[0] == "Logement"]
    assert {r[1] for r in housing} == {"Nadia El Amrani", "Julie Verhaegen"}
    text = body_text(professional)
    assert "Logement : plusieurs services agissent" in text  # the coordination flag
    assert "Maintien à domicile avec des aides renforcées, ou entrée en maison de repos." in text
    assert "Non réglé." in text


def test_the_actions_are_a_real_table_with_a_repeating_header_row(professional, meeting: Meeting) -> None:
    table = table_with_header(professional, "Action")
    header = table.rows[0]
    assert cells(header) == [
        "Action", "Porteur", "Avec qui", "Pour le", "Qui vérifie", "Accord de Monsieur Lambert", "État",
    ]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(table.rows) == 1 + len(meeting.actions)
    bed = next(cells(r) for r in table.rows if r.cells[0].text.startswith("Installer un lit"))
    assert bed[1:4] == ["Isabelle Lambert", "Georges Piron", "7 déc. 2026"]
    assert bed[5] == "d'accord\n« C'était mon idée. »"
    assert bed[6] == "prévue"
    home_help = next(cells(r) for r in table.rows if r.cells[0].text.startswith("Porter l'aide familiale"))
    assert home_help[3] == "1er déc. 2026"
    everyone = next(cells(r) for r in table.rows if r.cells[0].text.startswith("Veiller"))
    assert everyone[1] == "tout le monde (un seul porteur à désigner)"


def test_distribution_correction_window_and_data_protection(professional, meeting: Meeting) -> None:
    table = table_with_header(professional, "Destinataire")
    rows = {cells(r)[0]: cells(r)[2] for r in table.rows[1:]}
    assert rows["Joseph Lambert"] == "Lettre à la personne"
    assert rows["Céline Renard"] == "Compte rendu professionnel"
    assert "Georges Piron" not in rows  # not on the distribution list
    text = body_text(professional)
    assert f"dans les {meeting.distribution.correction_days} jours qui suivent la réception" in text
    assert "Responsable du traitement : CPAS de Fleurville." in text
    assert "Droits de Monsieur Lambert : lire ce compte rendu" in text


def test_a_follow_up_opens_with_the_review_of_the_previous_actions(tmp_path: Path) -> None:
    second = play_demo_follow_up(new_follow_up(demo_meeting(), tmp_path / "first.json"))
    document = open_docx(build_minute(second, Edition.PROFESSIONAL))
    found = headings(document)
    assert found.index("Suivi des actions de la réunion précédente") < found.index(
        "Le point de vue de Monsieur Lambert, avec ses mots"
    )
    review = table_with_header(document, "Action")
    rows = {cells(r)[0][:25]: cells(r) for r in review.rows[1:]}
    assert rows["Installer un lit au rez-d"][3] == "faite"
    assert rows["Installer un lit au rez-d"][4] == "« Je dors en bas maintenant. Plus d'escalier la nuit. »"
    assert not any(k.startswith("Rencontrer") for k in rows)  # income and debts: the CPAS social worker only
    withheld = next(v for k, v in rows.items() if k.startswith("Détail réservé"))
    assert withheld[3] == "abandonnée" and "factures" not in " ".join(withheld)
    own = open_docx(build_minute(second, Edition.PROFESSIONAL, recipient_id=second.facilitator_id))
    rows = {cells(r)[0][:25]: cells(r) for r in table_with_header(own, "Action").rows[1:]}
    mediation = next(v for k, v in rows.items() if k.startswith("Rencontrer"))
    assert mediation[3] == "abandonnée\nMonsieur Lambert a payé les deux factures lui-même."
    assert "réunion précédente le lundi 23 novembre 2026" in body_text(document)
    letter_text = body_text(open_docx(build_minute(second, Edition.PERSON)))
    assert "C'est déjà fait" not in letter_text and "Installer un lit" not in letter_text  # no bare infinitive
    assert "Isabelle, votre fille, installe un lit au rez-de-chaussée. C'est dans le salon." in letter_text
    assert "Ce n'est pas encore fait.\nL'ergothérapeute n'a pas encore donné de date." in letter_text
    assert "C'était prévu pour le mercredi 23 décembre 2026." in letter_text
    # stopped, and why, to him: he was told it would happen
    assert "Nous avons arrêté.\nVous avez payé les deux factures vous-même." in letter_text


def test_sections_without_content_are_left_out() -> None:
    bare = Meeting(
        title="Réunion", date=dt.date(2026, 3, 2),
        participants=[Participant(name="Ana", kind="person", attendance=Attendance.PRESENT)],
    )
    document = open_docx(build_minute(bare, Edition.PROFESSIONAL))
    assert headings(document) == [
        "Participants", "Cadre de la réunion", "Le point de vue d'Ana, avec ses mots", "Diffusion",
        "Protection des données",
    ]
    assert "lundi 2 mars 2026" in body_text(document)
    letter = open_docx(build_minute(bare, Edition.PERSON))
    assert headings(letter) == ["Ce que vous avez dit", "Si quelque chose ne va pas"]


# -- the letter to the person ------------------------------------------------------------------


def test_the_letter_speaks_to_the_person_in_plain_words(letter) -> None:
    text = body_text(letter)
    assert [p.text for p in letter.paragraphs if p.style.name == "Title"] == ["Ce que nous avons décidé ensemble"]
    assert headings(letter) == [
        "Qui était là", "Ce que vous avez dit", "Les personnes qui comptent pour vous", "Ce que nous avons décidé",
        "Là où nous ne sommes pas encore d'accord", "Ce qui reste à voir ensemble",
        "Qui appeler entre deux réunions", "La prochaine réunion", "Si quelque chose ne va pas",
    ]
    # a question about him, to him, and every name with a role he knows
    assert "Qui peut passer le soir, les jours où Isabelle, votre fille, ne vient pas ?" in text
    assert "Bonjour Monsieur Lambert," in text
    assert "Le lundi 23 novembre 2026, nous nous sommes réunis avec vous." in text
    assert "« Rester chez moi, et qu'on arrête de parler du home. »" in text
    assert "Isabelle, votre fille, installe un lit au rez-de-chaussée. C'est dans le salon." in text
    assert "Georges, votre voisin, aide Isabelle." in text
    assert "C'est pour le mardi 1er décembre 2026 au plus tard." in text
    assert "Vous n'êtes pas d'accord." in text and "Vous voulez d'abord y réfléchir." in text
    assert "Vous appelez Sophie Mertens, votre assistante sociale, au 081 00 00 00." in text
    assert "Elle aura lieu le lundi 28 décembre 2026, à 14 h." in text
    assert "La demande de maison de repos reste en attente, sans être retirée." in text  # what was agreed
    for gone in ("Qui s'en occupe", "tout le monde", "C'est déjà fait", "Porter l'aide", "Monsieur Lambert appelle",
                 "Veiller à ce que"):
        assert gone not in text


def test_the_letter_carries_no_assessment_no_restricted_note_no_disagreement(letter) -> None:
    text = body_text(letter)
    for absent in (
        "À mon avis",  # a partner's assessment
        "humeur dépressive",  # a restricted note
        "Garder la demande de maison de repos",  # a partner's position in the disagreement
        "Pendant l'hospitalisation",  # partners' facts
        "Ce qui nous inquiète",  # the shared picture
        "secret professionnel",
    ):
        assert absent not in text


def test_the_letter_is_set_larger_than_the_professional_minute(letter, professional) -> None:
    assert letter.styles["Normal"].font.size.pt >= 12
    assert (professional.styles["Normal"].font.size is None
            or professional.styles["Normal"].font.size.pt < 12)


# -- who reads what ----------------------------------------------------------------------------


def marked_meeting() -> Meeting:
    """The demo with a marker in an oral-only note of every kind, and in the restricted note."""
    m = demo_meeting()
    hidden = Visibility(kind=VisibilityKind.ORAL_ONLY)
    next(c for c in m.contributions if c.visibility.kind is VisibilityKind.ORAL_ONLY).text = f"{ORAL} frère"
    restricted = next(c for c in m.contributions if c.visibility.kind is VisibilityKind.RESTRICTED)
    restricted.text = f"{RESTRICTED} humeur"
    hospital, home_help = participant(m, "Julie"), participant(m, "Nadia")
    m.person_views.append(PersonView(text=f"{ORAL} view", aspect=ViewAspect.WORRIES, visibility=hidden))
    m.steps += [
        Step(carrier_id=hospital.id, domain=Domain.JUSTICE, what=f"{ORAL} step", visibility=hidden),
        Step(carrier_id=home_help.id, domain=Domain.JUSTICE, what=f"{ORAL} other step", visibility=hidden),
    ]
    m.picture.append(PictureLine(kind=PictureKind.WORRIES, text=f"{ORAL} picture", voice_id=hospital.id,
                                 domains=[Domain.MOBILITY], visibility=hidden))
    m.disagreements.append(Disagreement(between=[hospital.id, home_help.id], about=f"{ORAL} about",
                                        resolution=f"{ORAL} resolution", domains=[Domain.JUSTICE], visibility=hidden))
    return m


def every_copy(m: Meeting) -> dict[str, bytes]:
    copies = {"common": build_minute(m, Edition.PROFESSIONAL), "letter": build_minute(m, Edition.PERSON)}
    for p in m.participants:
        copies[p.name] = build_minute(m, Edition.PROFESSIONAL, recipient_id=p.id)
    return copies


@pytest.fixture(scope="module")
def marked_copies() -> dict[str, bytes]:
    return every_copy(marked_meeting())


def test_an_oral_only_note_is_in_no_part_of_any_file(marked_copies: dict[str, bytes]) -> None:
    assert len(marked_copies) == 10
    for who, data in marked_copies.items():
        for name, content in parts(data).items():
            assert ORAL.encode() not in content, (who, name)
            # nor what the oral notes alone would reveal: their domains, flagged in the coordination points
            lowered = content.decode("utf-8", "replace").lower()
            assert "justice" not in lowered and "mobilité" not in lowered, (who, name)


def test_a_restricted_note_is_only_in_its_recipients_copy(marked_copies: dict[str, bytes]) -> None:
    carrying = {who for who, data in marked_copies.items() if any(RESTRICTED.encode() in c for c in parts(data).values())}
    assert carrying == {"Céline Renard"}
    nurse_copy = body_text(open_docx(marked_copies["Céline Renard"]))
    assert "Copie de Céline Renard." in nurse_copy
    assert f"{RESTRICTED} humeur (réservé à Céline Renard)" in nurse_copy
    common = body_text(open_docx(marked_copies["common"]))
    assert "certaines informations ne figurent que dans les copies des participants qu'elles concernent." in common.lower()


# -- the document itself -----------------------------------------------------------------------


def test_core_properties_are_clean(meeting: Meeting) -> None:
    for edition in Edition:
        data = build_minute(meeting, edition)
        props = open_docx(data).core_properties
        assert props.author == "CPAS de Fleurville"
        assert props.last_modified_by == ""
        assert props.title and props.subject
        assert "Lambert" not in props.title + props.subject  # the metadata names no one
        assert props.keywords == "" and props.comments == "" and props.category == ""
        assert props.revision == 1
        created = props.created.replace(tzinfo=dt.timezone.utc) if props.created.tzinfo is None else props.created
        assert abs(created - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
        assert props.language == "fr-BE"
        everything = b"".join(parts(data).values())
        assert b"python-docx" not in everything
        names = parts(data)
        assert not any("comments" in n or "thumbnail" in n or n == "docProps/custom.xml" for n in names)
        assert not re.search(rb"<w:(ins|del)\b", everything)


def test_a4_pages_language_page_numbers_and_filled_letterhead(meeting: Meeting) -> None:
    data = build_minute(meeting, Edition.PROFESSIONAL)
    document = open_docx(data)
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    files = parts(data)
    assert b'w:val="fr-BE"' in files["word/styles.xml"]
    header = b"".join(v for k, v in files.items() if k.startswith("word/header"))
    footer = b"".join(v for k, v in files.items() if k.startswith("word/footer"))
    assert b"CPAS de Fleurville" in header and "Confidentiel : secret professionnel".encode() in header
    assert b"PAGE" in footer and b"NUMPAGES" in footer
    assert b"{{" not in header + footer


def test_an_english_meeting_gives_an_english_minute_with_english_dates() -> None:
    m = demo_meeting()
    m.language, m.locale = Language.EN, "en_GB"
    data = build_minute(m, Edition.PROFESSIONAL)
    document = open_docx(data)
    assert headings(document)[:4] == ["What you have to do", "Participants", "Frame of the meeting",
                                      "Question, agenda and decisions"]
    assert "Monday, 23 November 2026" in body_text(document)
    assert b'w:val="en-GB"' in parts(data)["word/styles.xml"]
    assert open_docx(data).core_properties.language == "en-GB"
    letter = body_text(open_docx(build_minute(m, Edition.PERSON)))
    assert "What we decided together" in letter and "It is for Tuesday, 1 December 2026 at the latest." in letter


def test_the_document_language_follows_the_meeting_locale_and_survives_a_wrong_one() -> None:
    m = demo_meeting()
    m.locale = "fr_FR"
    assert b'w:val="fr-FR"' in parts(build_minute(m, Edition.PERSON))["word/styles.xml"]
    for wrong in ("xx_YY", "", "en_GB", "fr_ZZ"):  # unknown, empty, another language, unknown region
        m.locale = wrong
        data = build_minute(m, Edition.PERSON)
        assert re.search(rb'w:val="fr-[A-Z]{2}"', parts(data)["word/styles.xml"]), wrong
        assert "lundi 23 novembre 2026" in body_text(open_docx(data))


def test_dropped_actions_are_not_in_the_letter_and_show_their_reason_in_the_minute() -> None:
    m = demo_meeting()
    dropped = m.actions[-1]
    dropped.status, dropped.status_reason = ActionStatus.DROPPED, "Plus nécessaire."
    assert dropped.what not in body_text(open_docx(build_minute(m, Edition.PERSON)))
    row = next(cells(r) for r in table_with_header(open_docx(build_minute(m, Edition.PROFESSIONAL)), "Action").rows
               if r.cells[0].text == dropped.what)
    assert row[6] == "abandonnée\nPlus nécessaire."


def test_a_copy_names_everyone_who_receives_it_and_only_when_it_differs() -> None:
    m = demo_meeting()
    nurse, home_help = participant(m, "Céline"), participant(m, "Nadia")
    restricted = next(c for c in m.contributions if c.visibility.kind is VisibilityKind.RESTRICTED)
    text = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL, recipient_id=nurse.id)))
    assert "Copie de Céline Renard." in text
    plain_copy = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL, recipient_id=home_help.id)))
    assert "Copie de" not in plain_copy  # nothing restricted for her: the common edition
    restricted.visibility.recipients.append(home_help.id)
    next(r for r in m.consent.domains if r.domain is Domain.MENTAL_HEALTH).participants.append(home_help.id)
    text = body_text(open_docx(build_minute(m, Edition.PROFESSIONAL, recipient_id=home_help.id)))
    assert "Copie de Nadia El Amrani et Céline Renard." in text


def test_the_letter_carries_what_is_restricted_to_the_person_and_nothing_restricted_to_others(
    meeting: Meeting,
) -> None:
    """A newcomer restricted the person's own words to her and a partner: her letter must carry them."""
    import io

    import docx

    from concertation_tui.model import PersonView, Visibility, VisibilityKind

    nurse = participant(meeting, "Céline")
    meeting.person_views.append(PersonView(
        text="MARKER-MINE J'ai peur qu'on me prenne mon fils.",
        visibility=Visibility(kind=VisibilityKind.RESTRICTED, recipients=[meeting.person.id, nurse.id]),
    ))
    document = docx.Document(io.BytesIO(build_minute(meeting, Edition.PERSON)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "MARKER-MINE" in text
    assert "humeur dépressive" not in text  # restricted to the nurse only
    assert "Copie de" not in text


def test_the_times_are_the_real_ones_or_the_planned_ones_never_a_mix(meeting: Meeting) -> None:
    import datetime as dt
    import io

    import docx

    from concertation_tui.model import TimeSpan

    def times(m: Meeting) -> str:
        document = docx.Document(io.BytesIO(build_minute(m, Edition.PROFESSIONAL)))
        rows = [[c.text.replace("\xa0", " ") for c in row.cells] for t in document.tables for row in t.rows]
        return next(row[1] for row in rows if row[0] == "Horaire")

    tz = dt.datetime.now().astimezone().tzinfo
    meeting.start_time, meeting.end_time = dt.time(14, 0), dt.time(15, 30)
    meeting.clock = [TimeSpan(start=dt.datetime(2026, 11, 23, 20, 58, tzinfo=tz))]  # still running
    assert times(meeting) == "de 14 h à 15 h 30"
    meeting.clock[0].end = dt.datetime(2026, 11, 23, 21, 40, tzinfo=tz)
    assert times(meeting) == "de 20 h 58 à 21 h 40"


def test_a_title_and_organisation_at_their_limit_still_give_a_minute() -> None:
    """300 characters are allowed in a title or an organisation; Word's core properties take 255."""
    meeting = demo_meeting()
    meeting.title = "T" * 300
    meeting.organisation = "O" * 300
    document = open_docx(build_minute(meeting, Edition.PROFESSIONAL))
    author = document.core_properties.author  # the organisation
    assert len(author) == 255 and author.endswith("…")
