"""Writes templates/minute/compte-rendu.docx, the shipped template of the minute.

Run once after changing the styles (`src/concertation_tui/minute/styles.py`) or the letterhead below:

    .venv/bin/python templates/minute/make_template.py

The parts are written by hand rather than from python-docx's default template: that one is US Letter,
uses Calibri through the theme, carries "python-docx" as its author, a thumbnail and 400 KB of styles.
The output is byte-for-byte reproducible (fixed zip timestamps), so a change shows in `git diff --stat`.

An organisation restyles the result in Word (styles, letterhead, logo). The header and footer may hold
these placeholders, filled when a minute is built: {{organisation}}, {{confidential}}, {{document}},
{{page}}.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from concertation_tui.minute import styles  # noqa: E402

W = styles.W_NS
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LANG = "fr-BE"
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def content_types() -> str:
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = {
        "/word/document.xml": f"{wml}.document.main+xml",
        "/word/styles.xml": f"{wml}.styles+xml",
        "/word/settings.xml": f"{wml}.settings+xml",
        "/word/numbering.xml": f"{wml}.numbering+xml",
        "/word/fontTable.xml": f"{wml}.fontTable+xml",
        "/word/header1.xml": f"{wml}.header+xml",
        "/word/footer1.xml": f"{wml}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    }
    return (
        HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides.items())
        + "</Types>"
    )


def relationships(rels: list[tuple[str, str, str]]) -> str:
    return (
        HEAD + f'<Relationships xmlns="{PKG_REL}">'
        + "".join(f'<Relationship Id="{i}" Type="{kind}" Target="{target}"/>' for i, kind, target in rels)
        + "</Relationships>"
    )


def core_properties() -> str:
    return (
        HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title/><dc:subject/><dc:creator/><cp:keywords/><dc:description/><dc:language>{LANG}</dc:language>"
        "<cp:revision>1</cp:revision></cp:coreProperties>"
    )


def document() -> str:
    return (
        HEAD + f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        "<w:p><w:r><w:t>Le compte rendu est écrit ici par concertation-tui ; ce texte est remplacé.</w:t></w:r></w:p>"
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
        f'<w:pgSz w:w="{styles.PAGE_WIDTH_TWIPS}" w:h="{styles.PAGE_HEIGHT_TWIPS}"/>'
        f'<w:pgMar w:top="1418" w:right="{styles.MARGIN_SIDE_TWIPS}" w:bottom="1304" '
        f'w:left="{styles.MARGIN_SIDE_TWIPS}" w:header="624" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
        "</w:body></w:document>"
    )


def style_sheet() -> str:
    parts = [styles.doc_defaults(LANG)]
    for group in (styles.other_styles(), styles.table_styles(), styles.character_styles(), styles.paragraph_styles()):
        parts.extend(group.values())
    body = "".join(p.replace(f' xmlns:w="{W}"', "") for p in parts)
    return HEAD + f'<w:styles xmlns:w="{W}">{body}</w:styles>'


def numbering() -> str:
    parts = [styles.abstract_num(0, "bullet"), styles.abstract_num(1, "decimal"), styles.num(1, 0), styles.num(2, 1)]
    body = "".join(p.replace(f' xmlns:w="{W}"', "") for p in parts)
    return HEAD + f'<w:numbering xmlns:w="{W}">{body}</w:numbering>'


def settings() -> str:
    return (
        HEAD + f'<w:settings xmlns:w="{W}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/><w:autoHyphenation w:val="false"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{LANG}"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        "</w:settings>"
    )


def font_table() -> str:
    return (
        HEAD + f'<w:fonts xmlns:w="{W}"><w:font w:name="{styles.FONT}"><w:altName w:val="Arial"/>'
        '<w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
        '<w:pitch w:val="variable"/></w:font></w:fonts>'
    )


def _run(text: str, bold: bool = False) -> str:
    rpr = '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>' if bold else ""  # the look is the style's
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def header() -> str:
    """The letterhead: the organisation's name left (replace it with a logo and address in Word)."""
    return (
        HEAD + f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        + _run("{{organisation}}", bold=True) + "<w:r><w:tab/><w:tab/></w:r>" + _run("{{confidential}}")
        + "</w:p></w:hdr>"
    )


PAGE_CELL_TWIPS = 2268  # 4 cm: « Page 999 / 999 » in a large font still fits on one line


def footer() -> str:
    """The document's name left, the page number right, in two cells of a borderless table: the number
    keeps its own cell and never wraps under the name, whatever the font size an organisation sets."""
    name_cell = styles.TEXT_WIDTH_TWIPS - PAGE_CELL_TWIPS
    cell = '<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr><w:p><w:pPr><w:pStyle w:val="Footer"/>{jc}</w:pPr>{runs}</w:p></w:tc>'
    left = cell.format(width=name_cell, extra="", jc="", runs=_run("{{document}}"))
    right = cell.format(width=PAGE_CELL_TWIPS, extra="<w:noWrap/>", jc='<w:jc w:val="right"/>',
                        runs=_run("{{page}} ") + _field("PAGE") + _run(" / ") + _field("NUMPAGES"))
    return (
        HEAD + f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:tbl><w:tblPr>'
        f'<w:tblW w:w="{styles.TEXT_WIDTH_TWIPS}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{name_cell}"/><w:gridCol w:w="{PAGE_CELL_TWIPS}"/></w:tblGrid>'
        f"<w:tr>{left}{right}</w:tr></w:tbl>"
        '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
        "</w:ftr>"
    )


def parts() -> dict[str, str]:
    return {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": relationships([
            ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
            ("rId2", f"{PKG_REL}/metadata/core-properties", "docProps/core.xml"),
        ]),
        "docProps/core.xml": core_properties(),
        "word/document.xml": document(),
        "word/_rels/document.xml.rels": relationships([
            ("rIdStyles", f"{DOC_REL}/styles", "styles.xml"),
            ("rIdSettings", f"{DOC_REL}/settings", "settings.xml"),
            ("rIdNumbering", f"{DOC_REL}/numbering", "numbering.xml"),
            ("rIdFonts", f"{DOC_REL}/fontTable", "fontTable.xml"),
            ("rIdHeader1", f"{DOC_REL}/header", "header1.xml"),
            ("rIdFooter1", f"{DOC_REL}/footer", "footer1.xml"),
        ]),
        "word/styles.xml": style_sheet(),
        "word/numbering.xml": numbering(),
        "word/settings.xml": settings(),
        "word/fontTable.xml": font_table(),
        "word/header1.xml": header(),
        "word/footer1.xml": footer(),
    }


def write(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts().items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    target = HERE / "compte-rendu.docx"
    write(target)
    print(f"written: {target}")
