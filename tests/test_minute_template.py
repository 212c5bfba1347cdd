"""The minute's Word template: the shipped one, an organisation's own, the ones refused; LibreOffice's PDF."""

from __future__ import annotations

import io
import runpy
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest

from concertation_tui.services.demo import demo_meeting
from concertation_tui.minute import (
    TemplateError,
    build_minute,
    check_template,
    default_template_path,
    minute_file_name,
)
from concertation_tui.model import Edition
from headless_support import rewrite

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "templates" / "minute" / "compte-rendu.docx"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def refused(path: Path, key_words: str) -> TemplateError:
    start = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        check_template(path)
    assert time.perf_counter() - start < 1.0
    assert key_words in caught.value.sentence, caught.value.sentence
    assert path.name in caught.value.sentence
    assert isinstance(caught.value, ValueError)
    return caught.value


# -- the shipped template ----------------------------------------------------------------------


def test_the_shipped_template_is_found_checked_and_clean() -> None:
    assert default_template_path() == SHIPPED
    check_template(SHIPPED)
    document = docx.Document(str(SHIPPED))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert 1.9 < section.left_margin.cm < 2.6 and 1.9 < section.right_margin.cm < 2.6
    for name in ("Title", "Heading 1", "Heading 2", "Normal", "List Bullet", "Tableau compte rendu"):
        assert name in document.styles
    props = document.core_properties
    assert props.author == "" and props.last_modified_by == ""
    with zipfile.ZipFile(SHIPPED) as archive:
        styles = archive.read("word/styles.xml")
        assert b"Liberation Sans" in styles and b"Calibri" not in styles and b"Theme" not in styles
        assert b'w:val="fr-BE"' in styles
        assert b"PAGE" in archive.read("word/footer1.xml")
        assert b"{{organisation}}" in archive.read("word/header1.xml")


def test_the_shipped_template_is_what_its_script_writes(tmp_path: Path) -> None:
    script = runpy.run_path(str(ROOT / "templates" / "minute" / "make_template.py"))
    fresh = tmp_path / "compte-rendu.docx"
    script["write"](fresh)
    assert fresh.read_bytes() == SHIPPED.read_bytes(), "run templates/minute/make_template.py and commit"


def test_the_templates_folder_can_be_moved(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONCERTATION_TEMPLATES", str(tmp_path))
    assert default_template_path() == tmp_path / "minute" / "compte-rendu.docx"


# -- an organisation's own template ------------------------------------------------------------


def test_a_bare_word_document_gets_the_styles_the_minute_needs(tmp_path: Path) -> None:
    """A template with a body and a Normal style only (no headings, no lists, no numbering part) still
    gives a real minute: headings, bullets that resolve to a list definition, tables."""
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(bare, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{DOCX_MAIN}"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/></Relationships>'))
        archive.writestr("word/styles.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            "</w:styles>"))
        archive.writestr("word/document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
            '<w:p><w:r><w:t>Ancien contenu du modèle</w:t></w:r></w:p><w:sectPr/></w:body></w:document>'))
    check_template(bare)
    data = build_minute(demo_meeting(), Edition.PROFESSIONAL, template=bare)
    document = docx.Document(io.BytesIO(data))
    assert "Ancien contenu du modèle" not in "\n".join(p.text for p in document.paragraphs)
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][:2] == ["Ce que vous avez à faire",
                                                                                 "Participants"]
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    num_id = bullets[0].style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    assert [n for n in numbering.num_lst if n.numId == num_id], "the bullet style points to no list definition"
    assert document.tables and document.tables[1].style.name == "Tableau compte rendu"
    assert b'w:val="fr-BE"' in zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    assert document.core_properties.author == "CPAS de Fleurville"


def test_a_template_saved_from_word_as_dotx_is_accepted_and_its_history_dropped(tmp_path: Path) -> None:
    with zipfile.ZipFile(SHIPPED) as archive:
        content_types = archive.read("[Content_Types].xml").replace(
            DOCX_MAIN.encode(), b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
        core = archive.read("docProps/core.xml").replace(b"<dc:creator/>", b"<dc:creator>Jean Modeleur</dc:creator>")
    dotx = rewrite(SHIPPED, tmp_path / "modele.dotx", replace={"[Content_Types].xml": content_types,
                                                               "docProps/core.xml": core})
    check_template(dotx)
    data = build_minute(demo_meeting(), Edition.PERSON, template=dotx)
    assert b"Jean Modeleur" not in b"".join(zipfile.ZipFile(io.BytesIO(data)).read(n)
                                           for n in zipfile.ZipFile(io.BytesIO(data)).namelist())


# -- templates refused -------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_before_anything_is_decompressed(tmp_path: Path) -> None:
    bomb = tmp_path / "bombe.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(200):
                member.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    refused(bomb, "trop de place")


def test_a_small_part_inflating_two_thousand_times_is_refused(tmp_path: Path) -> None:
    bomb = rewrite(SHIPPED, tmp_path / "gonfle.docx", add={"word/media/zeros.bin": bytes(8 * 1024 * 1024)})
    refused(bomb, "bombe zip")


def test_macros_are_refused(tmp_path: Path) -> None:
    docm = tmp_path / "modele.docm"
    shutil.copy(SHIPPED, docm)
    refused(docm, "macros")
    vba = rewrite(SHIPPED, tmp_path / "vba.docx", add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    refused(vba, "macros")
    with zipfile.ZipFile(SHIPPED) as archive:
        types = archive.read("[Content_Types].xml").replace(
            DOCX_MAIN.encode(), b"application/vnd.ms-word.document.macroEnabled.main+xml")
    disguised = rewrite(SHIPPED, tmp_path / "deguise.docx", replace={"[Content_Types].xml": types})
    refused(disguised, "macros")


def test_tracked_changes_and_comments_are_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(SHIPPED) as archive:
        document = archive.read("word/document.xml")
    tracked = document.replace(
        b"<w:p><w:r>", b'<w:p><w:ins w:id="1" w:author="X" w:date="2026-01-01T00:00:00Z"><w:r><w:t>a</w:t></w:r></w:ins><w:r>')
    refused(rewrite(SHIPPED, tmp_path / "suivi.docx", replace={"word/document.xml": tracked}), "modifications suivies")
    comments = rewrite(SHIPPED, tmp_path / "commentaires.docx", add={"word/comments.xml": f'<w:comments xmlns:w="{W}"/>'.encode()})
    refused(comments, "commentaires")


def test_other_bad_templates_get_a_sentence(tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("pas un document Word")
    refused(text, "n'est pas un document Word")
    refused(tmp_path / "absent.docx", "introuvable")
    many = rewrite(SHIPPED, tmp_path / "nombreux.docx", add={f"word/media/p{n}.xml": b"<x/>" for n in range(520)})
    refused(many, "trop d'éléments")
    entity = rewrite(SHIPPED, tmp_path / "entites.docx", add={"word/extra.xml": b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'})
    refused(entity, "n'est pas un document Word")
    external = rewrite(SHIPPED, tmp_path / "lie.docx", add={"word/_rels/settings.xml.rels": (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"'
        b' Target="http://exemple.invalid/modele.dotm" TargetMode="External"/></Relationships>')})
    refused(external, "fichiers extérieurs")
    big = tmp_path / "lourd.docx"
    with open(big, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    refused(big, "trop lourd")


def test_the_template_error_speaks_english_when_asked(tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("not Word")
    with pytest.raises(TemplateError, match="is not a valid Word document"):
        check_template(text, lang="en")


def test_building_with_a_bad_template_raises_the_template_error(tmp_path: Path) -> None:
    docm = tmp_path / "modele.docm"
    shutil.copy(SHIPPED, docm)
    with pytest.raises(TemplateError, match="macros"):
        build_minute(demo_meeting(), Edition.PROFESSIONAL, template=docm)


# -- LibreOffice -------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
def test_libreoffice_converts_each_edition_to_pages_of_text(tmp_path: Path) -> None:
    meeting = demo_meeting()
    nurse = next(p for p in meeting.participants if p.name == "Céline Renard")
    editions = {
        minute_file_name(meeting, Edition.PROFESSIONAL): (build_minute(meeting, Edition.PROFESSIONAL),
                                                          ["Participants", "Actions négociées", "Protection des données"]),
        minute_file_name(meeting, Edition.PROFESSIONAL, nurse.id): (
            build_minute(meeting, Edition.PROFESSIONAL, recipient_id=nurse.id), ["Copie de Céline Renard", "humeur dépressive"]),
        minute_file_name(meeting, Edition.PERSON): (build_minute(meeting, Edition.PERSON),
                                                    ["Ce que nous avons décidé ensemble", "Qui appeler entre deux réunions"]),
    }
    for name, (data, _) in editions.items():
        (tmp_path / name).write_bytes(data)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *[str(tmp_path / name) for name in editions]],
        check=True, capture_output=True, timeout=180,
    )
    for name, (_, expected) in editions.items():
        pdf = tmp_path / name.replace(".docx", ".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {name}"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout.replace("\u00a0", " ")
        pages = [page for page in text.split("\f") if page.strip()]
        assert len(pages) >= 2, name
        assert all(len(page.split()) > 20 for page in pages), name  # no blank or near-empty page
        for words in expected:
            assert words in " ".join(text.split()), (name, words)
        assert f"Page 1 / {len(pages)}" in text, name
