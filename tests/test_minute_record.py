"""The professional minute as a decision record (issue 19): outcomes, conclusion, positions, each fact
once, status, data protection; styles only; issuing refused before the meeting; tagged PDF/A and ODT."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from concertation_tui.config import DataProtection
from concertation_tui.services.demo import DEMO_DATE, demo_day, demo_meeting, play_demo_follow_up
from concertation_tui.services.issuing import IssueError, issue_minute
from concertation_tui.minute import build_minute
from concertation_tui.minute.styles import find_style_id
from concertation_tui.minute.template import default_template_path
from concertation_tui.model import (
    Edition,
    ItemOutcome,
    ItemState,
    Meeting,
    OpenQuestion,
    Position,
)
from concertation_tui.model.followup import follow_up
from concertation_tui.model.outcomes import is_finished, outcome
from concertation_tui.store import create_meeting_file
from concertation_tui.services.templates import new_follow_up

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def text(data: bytes) -> str:
    document = open_docx(data)
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    return "\n".join(lines).replace("\u00a0", " ")


def agenda_rows(data: bytes) -> list[list[str]]:
    """The rows of the table of agenda items and their outcomes, header left out."""
    document = open_docx(data)
    for table in document.tables:
        header = [c.text.replace("\u00a0", " ") for c in table.rows[0].cells]
        if header == ["Point", "Résultat", "Ce qui en ressort"]:
            return [[c.text.replace("\u00a0", " ") for c in row.cells] for row in table.rows[1:]]
    raise AssertionError("no agenda table")


def held_follow_up() -> Meeting:
    return play_demo_follow_up(new_follow_up(demo_meeting(), Path("premiere.json")))


# -- outcomes, conclusion, carried questions -----------------------------------------------------


def test_every_agenda_item_has_an_outcome_proposed_but_the_minute_states_only_the_confirmed() -> None:
    meeting = demo_meeting()  # paused during its last item, never set by hand
    meeting.agenda[2].state, meeting.agenda[2].clock = ItemState.SKIPPED, []
    found = [outcome(meeting, item) for item in meeting.agenda]
    # item 2 has actions, but also an open disagreement: the proposal is not « décidé »
    assert found == [ItemOutcome.DISCUSSED, ItemOutcome.DISCUSSED, ItemOutcome.NOT_REACHED, ItemOutcome.TO_CONTINUE]
    rows = agenda_rows(build_minute(meeting, Edition.PROFESSIONAL))
    # a proposal nobody confirmed is not a result; an item never opened is a fact
    assert [row[1] for row in rows] == ["Non précisé", "Non précisé", "Non abordé", "Non précisé"]
    assert "Laissé en pause à 15 h 14." in rows[3][2]  # the item left paused is said
    meeting.agenda[0].outcome = ItemOutcome.TO_CONTINUE  # the facilitator's word wins
    assert agenda_rows(build_minute(meeting, Edition.PROFESSIONAL))[0][1] == "À poursuivre"


def test_each_carried_question_has_an_outcome_closed_or_carried_again() -> None:
    follow = held_follow_up()
    carried = [item for item in follow.agenda if item.carried_from is not None]
    assert carried  # the first meeting's open question became an item
    rows = {row[0].split(". ", 1)[1]: row for row in agenda_rows(build_minute(follow, Edition.PROFESSIONAL))}
    for item in carried:
        row = rows[item.title]
        assert row[1] in ("Décidé", "Traité", "À poursuivre", "Non abordé")
        assert "Question reportée de la réunion du 23 nov. 2026." in row[2]
        assert ("Question close." in row[2]) != ("Repris à la prochaine réunion." in row[2])
    # not reached: carried again, in the minute and in the next meeting's agenda
    carried[0].outcome = ItemOutcome.NOT_REACHED
    row = next(r for r in agenda_rows(build_minute(follow, Edition.PROFESSIONAL)) if carried[0].title in r[0])
    assert row[1] == "Non abordé" and "Repris à la prochaine réunion." in row[2]
    third = follow_up(follow, previous_file="suivi.json", agenda=[])
    again = [item for item in third.agenda if item.title == carried[0].title]
    assert len(again) == 1 and again[0].carried_from == carried[0].carried_from


def test_the_conclusion_answers_the_question_right_under_it() -> None:
    follow = held_follow_up()
    lines = text(build_minute(follow, Edition.PROFESSIONAL)).splitlines()
    question = next(n for n, line in enumerate(lines) if line.startswith("Question de la réunion :"))
    assert lines[question + 1].startswith("Conclusion : Oui : Monsieur Lambert vit chez lui en sécurité.")
    follow.conclusion = ""
    assert "Conclusion : La réunion n'a pas formulé de conclusion à sa question." in text(
        build_minute(follow, Edition.PROFESSIONAL))


def test_a_meeting_not_finished_says_so_at_the_top() -> None:
    meeting = demo_meeting()  # paused during its last item, still on the live step
    assert not is_finished(meeting)
    document = open_docx(build_minute(meeting, Edition.PROFESSIONAL))
    warnings = [p.text.replace("\u00a0", " ") for p in document.paragraphs if p.style.name == "Avertissement"]
    assert warnings and warnings[0].startswith("Réunion pas terminée : le point « Qui fait quoi")
    assert "La réunion n'est pas terminée : elle n'a pas encore de conclusion." in text(
        build_minute(meeting, Edition.PROFESSIONAL))
    # issued as it stands, it says how the meeting ended, not that it is a draft
    path = create_meeting_file(meeting)
    issued = issue_minute(meeting, path, consent_reason="accord donné en fin de réunion")
    sent = text(next(f for f in issued.files if f.name.endswith("-compte-rendu.docx")).read_bytes())
    assert "La réunion s'est arrêtée avant la fin de son ordre du jour : le point « Qui fait quoi" in sent
    assert "il ne vaut pas compte rendu" not in sent and "pas encore de conclusion" not in sent
    assert is_finished(held_follow_up())
    assert "Réunion pas terminée" not in text(build_minute(held_follow_up(), Edition.PROFESSIONAL))


# -- disagreements, each fact once, consent scope ---------------------------------------------------


def test_each_party_s_position_is_written_the_person_s_first() -> None:
    meeting = demo_meeting()
    disagreement = meeting.disagreements[0]
    person = meeting.person
    # the person is listed last by the facilitator: the minute still puts their view first
    disagreement.positions = [p for p in disagreement.positions if p.participant_id != person.id] + [
        Position(participant_id=person.id, view="Je reste chez moi.")]
    lines = text(build_minute(meeting, Edition.PROFESSIONAL)).splitlines()
    start = lines.index("Maintien à domicile avec des aides renforcées, ou entrée en maison de repos.")
    assert lines[start + 1] == "Joseph Lambert : « Je reste chez moi. »"
    assert lines[start + 2].startswith("Julie Verhaegen : Garder la demande de maison de repos")
    assert lines[start + 3].startswith("Nadia El Amrani : Avec cinq matinées d'aide par semaine")


def test_the_network_s_facts_are_written_once() -> None:
    meeting = demo_meeting()
    minute = text(build_minute(meeting, Edition.PROFESSIONAL))
    # Isabelle said it herself: her prepared offer and her step are not written again
    assert minute.count("courrier et de la mutuelle") == 1
    assert "Courrier et mutuelle" not in minute
    assert minute.count("chaque matin ; fait les courses") == 0  # Georges said it in his words
    assert minute.count("faire ses courses le mardi") == 1
    assert "Pourrait l'emmener au club le jeudi." in minute  # Marcel did not speak: his offer stands


def test_the_consent_scope_is_said_once() -> None:
    meeting = demo_meeting()
    minute = text(build_minute(meeting, Edition.PROFESSIONAL))
    assert "Revenus et dettes : seulement avec Sophie Mertens." in minute
    assert meeting.consent.scope[:40] not in minute  # the same scope in the facilitator's words: not twice


# -- status and draft remarks ------------------------------------------------------------------------


def test_a_draft_says_it_is_one_and_keeps_its_remarks() -> None:
    minute = text(build_minute(demo_meeting(), Edition.PROFESSIONAL))
    assert "Statut\nprojet, non diffusé" in minute
    assert "tout le monde (un seul porteur à désigner)" in minute


def test_an_issued_copy_has_its_status_and_no_draft_remark(demo: Meeting) -> None:
    path = create_meeting_file(demo)
    issued = issue_minute(demo, path, consent_reason="accord donné en fin de réunion",
                          at=dt.datetime(2026, 11, 24, 9, 0).astimezone())
    for file in issued.files:
        if "lettre" in file.name:
            continue
        minute = text(file.read_bytes())
        assert "un seul porteur à désigner" not in minute and "à désigner" not in minute
        assert "présence non notée" not in minute and "projet" not in minute.casefold().split("statut")[1][:40]
        assert "Statut\nversion 1, diffusée le mardi 24 novembre 2026 par Sophie Mertens" in minute
        assert "Version 1, diffusée le mardi 24 novembre 2026 par Sophie Mertens." in minute
    assert demo.distribution.issues[-1].by == "Sophie Mertens"


def test_issuing_before_the_meeting_s_date_is_refused(demo: Meeting) -> None:
    demo.date = dt.date.today() + dt.timedelta(days=10)
    draft = text(build_minute(demo, Edition.PROFESSIONAL))
    assert "elle n'a pas encore eu lieu. Ce projet ne vaut pas compte rendu." in draft  # a draft says so
    path = create_meeting_file(demo)
    with pytest.raises(IssueError) as refused:
        issue_minute(demo, path)
    sentence = refused.value.sentence("fr")
    assert "ne peut pas être diffusé avant" in sentence and str(demo.date.year) in sentence
    assert not demo.distribution.issues
    assert not (path.parent / "comptes-rendus").exists()


def test_the_demo_is_dated_from_today_its_follow_up_already_held() -> None:
    today = dt.date(2030, 5, 1)
    first = demo_meeting(demo_day(today))
    assert first.next_meeting.date < today  # the follow-up, held a week ago
    assert demo_day() + dt.timedelta(days=35) <= dt.date.today()


@pytest.mark.parametrize("today", [dt.date(2026, 12, 7), dt.date(2027, 3, 1), dt.date(2030, 5, 1)])
def test_the_demo_dated_from_today_tells_its_story_in_its_own_dates(today: dt.date, tmp_path) -> None:
    """A tester's demo, held on 26/10, told of « la chute du 28 octobre » and bills of September and October:
    its dates were written for 23/11. They are said from the meeting's day now; and every domain its items
    speak of is ticked, as the preparation ticks them."""
    from babel.dates import format_date

    first = demo_meeting(demo_day(today))
    day = first.date
    said = " ".join([c.text for c in first.contributions] + [s.since for s in first.steps])
    fall = day - dt.timedelta(days=26)
    assert f"la chute du {format_date(fall, 'd MMMM', locale='fr_BE')}".replace("du 1 ", "du 1er ") in said
    assert format_date(day - dt.timedelta(days=31), "MMMM", locale="fr_BE") in said  # last month's bill
    months_after = {format_date(day + dt.timedelta(days=n), "MMMM y", locale="fr_BE") for n in (40, 70)}
    assert not any(month in said for month in months_after)  # nothing told as past happens after the meeting
    if day != DEMO_DATE:
        assert "28 octobre" not in said and "30 octobre 2026" not in said
    for item in first.agenda:
        assert set(item.domains) <= set(first.domains), item.title
    follow = play_demo_follow_up(new_follow_up(first, tmp_path / "first.json"))
    five = day + dt.timedelta(days=8)
    assert any(format_date(five, "d MMMM", locale="fr_BE").replace("1 ", "1er ", 1) in c.text
               for c in follow.contributions if "cinq matinées" in c.text)


# -- data protection ------------------------------------------------------------------------------------


def test_data_protection_names_controller_basis_and_only_the_dpo_and_authority_the_organisation_set() -> None:
    meeting = demo_meeting()
    minute = text(build_minute(meeting, Edition.PROFESSIONAL, protection=DataProtection()))
    assert "Responsable du traitement : CPAS de Fleurville." in minute
    # nothing set: the facilitator is not named the data-protection contact, no authority is guessed
    assert "Contact pour la protection des données" not in minute and "Réclamation :" not in minute
    assert "Base légale : l'accord de Monsieur Lambert au partage d'informations" in minute
    settings = DataProtection(controller="CPAS de Fleurville, rue de l'Église 1", contact="dpo@cpas.example",
                              legal_basis="Mission d'intérêt public, loi organique des CPAS",
                              authority="l'APD (www.autoriteprotectiondonnees.be)")
    minute = text(build_minute(meeting, Edition.PROFESSIONAL, protection=settings))
    assert "Responsable du traitement : CPAS de Fleurville, rue de l'Église 1." in minute
    assert "Délégué à la protection des données : dpo@cpas.example." in minute
    assert "Base légale : Mission d'intérêt public, loi organique des CPAS." in minute
    assert "réclamation auprès de l'APD (www.autoriteprotectiondonnees.be)." in minute


# -- styles only ----------------------------------------------------------------------------------------


def _parts_xml(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()
                if name.startswith("word/") and name.endswith(".xml")
                and ("document" in name or "header" in name or "footer" in name)}


@pytest.mark.parametrize("edition", [Edition.PROFESSIONAL, Edition.PERSON])
@pytest.mark.parametrize("which", ["first", "follow-up"])
def test_no_run_carries_a_look_of_its_own(edition: Edition, which: str) -> None:
    """Every run's look comes from a named style (w:rStyle), never from bold, italic, colour, size or
    font set on the run: an organisation restyles everything in its template."""
    from lxml import etree

    meeting = demo_meeting() if which == "first" else held_follow_up()
    data = build_minute(meeting, edition)
    for name, xml in _parts_xml(data).items():
        root = etree.fromstring(xml)
        for rpr in root.iter(qn("w:rPr")):
            if rpr.getparent().tag != qn("w:r"):
                continue  # a paragraph mark's properties, not a run's
            direct = [etree.QName(child).localname for child in rpr if child.tag != qn("w:rStyle")]
            assert not direct, f"{name}: a run with {direct}"
    styles = {s.style_id for s in open_docx(data).styles}
    assert {"Strong", "MinuteQuote", "MinuteRemark"} <= styles


def test_styles_are_found_by_name_case_insensitively_or_by_id() -> None:
    from lxml import etree

    root = etree.fromstring(
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/></w:style>'
        b'<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/></w:style>'
        b'<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Titre trois"/></w:style>'
        b'<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style></w:styles>')
    assert find_style_id(root, "heading 1") == "Heading1"  # LibreOffice's « Heading 1 »
    assert find_style_id(root, "Heading 2") == "Titre2"  # Word's « heading 2 »
    assert find_style_id(root, "Heading 3") == "Heading3"  # renamed, found by its id
    assert find_style_id(root, "Strong", "character") == "Strong"
    assert find_style_id(root, "Strong") is None  # a paragraph style of that name there is not


def test_the_footer_s_page_number_keeps_its_own_cell_and_never_wraps() -> None:
    data = build_minute(demo_meeting(), Edition.PROFESSIONAL)
    footer = next(xml for name, xml in _parts_xml(data).items() if "footer" in name)
    from lxml import etree

    root = etree.fromstring(footer)
    cells = list(root.iter(qn("w:tc")))
    assert len(cells) == 2
    page = cells[1]
    assert page.find(f"{qn('w:tcPr')}/{qn('w:noWrap')}") is not None
    assert "PAGE" in "".join(t.text or "" for t in page.iter(qn("w:instrText")))
    assert "Compte rendu de la réunion" in "".join(t.text or "" for t in cells[0].iter(qn("w:t")))


def _soffice(args: list[str], profile: Path) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", *args],
                   capture_output=True, timeout=180, check=True)


@needs_libreoffice
def test_a_template_restyled_and_saved_by_libreoffice_is_followed(tmp_path: Path) -> None:
    """The organisation changes the headings' font and colour; the template goes through LibreOffice
    (which names the style « Heading 1 »); the minute's headings use that style, not one of ours."""
    template = docx.Document(str(default_template_path()))
    heading = template.styles["Heading 1"]
    heading.font.name = "DejaVu Serif"
    heading.font.color.rgb = docx.shared.RGBColor(0xC0, 0x00, 0x00)
    restyled = tmp_path / "restyled.docx"
    template.save(str(restyled))
    out = tmp_path / "lo"
    _soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(restyled)], tmp_path / "profile")
    saved = out / "restyled.docx"
    minute = open_docx(build_minute(demo_meeting(), Edition.PROFESSIONAL, template=saved))
    names = {s.name for s in minute.styles}
    assert not any(s.style_id.endswith("Minute") for s in minute.styles), names  # none of ours added twice
    headings = [p for p in minute.paragraphs if p.text == "Participants"]
    assert headings
    style = headings[0].style
    while style is not None and style.font.name is None:
        style = style.base_style
    assert style is not None and style.font.name == "DejaVu Serif"
    colour = headings[0].style
    while colour is not None and colour.font.color.rgb is None:
        colour = colour.base_style
    assert str(colour.font.color.rgb) == "C00000"


# -- PDF and ODT ----------------------------------------------------------------------------------------


@needs_libreoffice
def test_the_pdf_is_tagged_and_declares_pdf_a_and_an_odt_comes_on_request(demo: Meeting) -> None:
    import pypdf

    demo.person.receives_minute = False  # one copy fewer to convert
    path = create_meeting_file(demo)
    issued = issue_minute(demo, path, pdf=True, odt=True, consent_reason="accord donné en fin de réunion")
    pdfs = [f for f in issued.files if f.suffix == ".pdf"]
    odts = [f for f in issued.files if f.suffix == ".odt"]
    assert pdfs and len(pdfs) == len(odts) == len([f for f in issued.files if f.suffix == ".docx"])
    reader = pypdf.PdfReader(str(next(p for p in pdfs if "copie" not in p.name)))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    kinds: set[str] = set()

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                kinds.add(str(node["/S"]))
            if "/K" in node:
                walk(node["/K"])

    walk(root["/StructTreeRoot"])
    assert {"/H1", "/Table", "/L"} <= kinds or {"/Heading 1", "/Table"} <= kinds, kinds
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.get_element("", "http://www.aiim.org/pdfa/ns/id/", "part")
    xml = root["/Metadata"].get_object().get_data()
    assert b"<pdfaid:part>2</pdfaid:part>" in xml
    for odt in odts:
        with zipfile.ZipFile(odt) as archive:
            assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert (odt.stat().st_mode & 0o777) == 0o600


def test_a_closed_open_question_of_the_meeting_is_not_carried_again_by_its_outcome() -> None:
    follow = held_follow_up()
    follow.open_questions = [OpenQuestion(text="Faut-il un deuxième passage infirmier ?")]
    third = follow_up(follow, previous_file="suivi.json", agenda=[])
    titles = [item.title for item in third.agenda]
    assert "Faut-il un deuxième passage infirmier ?" in titles
    assert "Qui peut passer le soir, les jours où Isabelle ne vient pas ?" not in titles  # decided: closed
