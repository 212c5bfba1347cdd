"""The Word styles and list numbering the minute writes with, as WordprocessingML.

One definition serves twice: `templates/minute/make_template.py` writes them into the shipped
template, and the builder adds any of them that an organisation's own template lacks (so a template
made in Word with only its letterhead still gives a well-formed minute). Plain strings only: importing
this module costs nothing.
"""

from __future__ import annotations

from functools import lru_cache

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FONT = "Liberation Sans"
"""Metric-compatible with Arial, installed on Linux servers; Word substitutes Arial (see fontTable)."""
ACCENT = "1F4E79"
MUTED = "595959"
RULE = "A6A6A6"
HEADER_FILL = "DCE6F0"
BANNER_FILL = "F2F2F2"
WARNING = "9C2A00"

PAGE_WIDTH_TWIPS = 11906  # A4
PAGE_HEIGHT_TWIPS = 16838
MARGIN_SIDE_TWIPS = 1134  # 2 cm
TEXT_WIDTH_TWIPS = PAGE_WIDTH_TWIPS - 2 * MARGIN_SIDE_TWIPS  # 17 cm

_FONTS = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def doc_defaults(lang_tag: str) -> str:
    """The document defaults: font, size, language, spacing."""
    return (
        f'<w:docDefaults xmlns:w="{W_NS}">'
        f'<w:rPrDefault><w:rPr>{_FONTS}<w:sz w:val="21"/><w:szCs w:val="21"/>'
        f'<w:lang w:val="{lang_tag}" w:eastAsia="{lang_tag}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    )


def _para_style(style_id: str, name: str, ppr: str = "", rpr: str = "", *, based_on: str = "Normal",
                next_style: str = "") -> str:
    """A paragraph style; `ppr` and `rpr` children in the schema's order (pBdr before tabs before spacing)."""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}{nxt}<w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def _border(sides: tuple[str, ...], size: int, color: str, space: int = 0) -> str:
    return "".join(f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>' for side in sides)


_TABS = (
    f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH_TWIPS // 2}"/>'
    f'<w:tab w:val="right" w:pos="{TEXT_WIDTH_TWIPS}"/></w:tabs>'
)

BULLET_STYLE_ID = "ListBullet"
NUMBER_STYLE_ID = "ListNumber"


def _list_style(style_id: str, name: str, num_id: int) -> str:
    return _para_style(
        style_id, name,
        f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr><w:spacing w:after="60"/>'
        '<w:ind w:left="357" w:hanging="357"/>',
    )


def paragraph_styles(bullet_num_id: int = 1, number_num_id: int = 2) -> dict[str, str]:
    """Style name (as python-docx knows it) -> <w:style> element of every paragraph style used."""
    return {
        "Normal": (
            f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:default="1" w:styleId="Normal">'
            '<w:name w:val="Normal"/><w:qFormat/></w:style>'
        ),
        "Title": _para_style(
            "Title", "Title", '<w:keepNext/><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>',
            f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="36"/><w:szCs w:val="36"/>', next_style="Normal",
        ),
        "Subtitle": _para_style(
            "Subtitle", "Subtitle", '<w:keepNext/><w:spacing w:after="200"/>',
            f'<w:color w:val="{MUTED}"/><w:sz w:val="24"/><w:szCs w:val="24"/>', next_style="Normal",
        ),
        "Heading 1": _para_style(
            "Heading1", "heading 1",
            f'<w:keepNext/><w:keepLines/><w:pBdr>{_border(("bottom",), 4, ACCENT, 1)}</w:pBdr>'
            '<w:spacing w:before="300" w:after="100"/><w:outlineLvl w:val="0"/>',
            f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="27"/><w:szCs w:val="27"/>', next_style="Normal",
        ),
        "Heading 2": _para_style(
            "Heading2", "heading 2",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/>',
            f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="23"/><w:szCs w:val="23"/>', next_style="Normal",
        ),
        "Heading 3": _para_style(
            "Heading3", "heading 3",
            '<w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="2"/>',
            "<w:b/>", next_style="Normal",
        ),
        "Header": _para_style(
            "Header", "header", f'<w:pBdr>{_border(("bottom",), 4, RULE, 4)}</w:pBdr>{_TABS}<w:spacing w:after="0"/>',
            f'<w:color w:val="{MUTED}"/><w:sz w:val="17"/><w:szCs w:val="17"/>',
        ),
        "Footer": _para_style(
            "Footer", "footer", f'<w:pBdr>{_border(("top",), 4, RULE, 4)}</w:pBdr>{_TABS}<w:spacing w:after="0"/>',
            f'<w:color w:val="{MUTED}"/><w:sz w:val="17"/><w:szCs w:val="17"/>',
        ),
        "List Bullet": _list_style(BULLET_STYLE_ID, "List Bullet", bullet_num_id),
        "List Number": _list_style(NUMBER_STYLE_ID, "List Number", number_num_id),
        "Bandeau confidentiel": _para_style(
            "MinuteBanner", "Bandeau confidentiel",
            f'<w:pBdr>{_border(("top", "left", "bottom", "right"), 6, "7F7F7F", 4)}</w:pBdr>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{BANNER_FILL}"/>'
            '<w:spacing w:before="120" w:after="200"/><w:ind w:left="85" w:right="85"/>',
            '<w:b/><w:sz w:val="19"/><w:szCs w:val="19"/>',
        ),
        "Texte de tableau": _para_style(
            "TableText", "Texte de tableau", '<w:spacing w:before="0" w:after="20" w:line="240" w:lineRule="auto"/>',
            '<w:sz w:val="18"/><w:szCs w:val="18"/>',
        ),
        "En-tête de tableau": _para_style(
            "TableHeading", "En-tête de tableau", "<w:keepNext/>", "<w:b/>", based_on="TableText",
        ),
        "Retrait": _para_style(
            "MinuteIndent", "Retrait", '<w:spacing w:after="30"/><w:ind w:left="357"/>',
        ),
        "Avertissement": _para_style(
            "MinuteWarning", "Avertissement",
            f'<w:keepNext/><w:pBdr>{_border(("left",), 18, WARNING, 6)}</w:pBdr>'
            '<w:spacing w:before="60" w:after="160"/><w:ind w:left="170"/>',
            f'<w:b/><w:color w:val="{WARNING}"/>',
        ),
        "Signature": _para_style(
            "MinuteSignature", "Signature", '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="0"/>',
        ),
    }


def _table_style(style_id: str, name: str, tblpr: str, first_row: str = "") -> str:
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:qFormat/>'
        f"<w:tblPr>{tblpr}</w:tblPr>{first_row}</w:style>"
    )


def table_styles() -> dict[str, str]:
    """Style name -> <w:style> element of the table styles used (Normal Table included)."""
    margins = (
        '<w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="45" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    )
    return {
        "Normal Table": (
            f'<w:style xmlns:w="{W_NS}" w:type="table" w:default="1" w:styleId="TableNormal">'
            '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr></w:style>"
        ),
        "Tableau compte rendu": _table_style(
            "MinuteTable", "Tableau compte rendu",
            f'<w:tblBorders>{_border(("top", "left", "bottom", "right", "insideH", "insideV"), 4, RULE)}'
            f"</w:tblBorders>{margins}",
            f'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr></w:tblStylePr>',
        ),
        "Tableau sans bordure": _table_style("MinutePlainTable", "Tableau sans bordure", margins),
    }


def _char_style(style_id: str, name: str, rpr: str) -> str:
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="character" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
        f"<w:rPr>{rpr}</w:rPr></w:style>"
    )


def character_styles() -> dict[str, str]:
    """Style name -> <w:style> of every character style a run of the minute takes its look from (no
    run carries a look of its own: see `spans.Span`)."""
    grey = f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/>'
    return {
        "Strong": _char_style("Strong", "Strong", "<w:b/><w:bCs/>"),
        "Emphasis": _char_style("Emphasis", "Emphasis", "<w:i/><w:iCs/>"),
        "Paroles citées": _char_style("MinuteQuote", "Paroles citées", "<w:i/><w:iCs/>"),
        "Remarque": _char_style("MinuteRemark", "Remarque", grey),
        "Mention restreinte": _char_style("MinuteRestricted", "Mention restreinte", grey),
    }


def other_styles() -> dict[str, str]:
    """The default character and numbering styles every styles part should have."""
    return {
        "Default Paragraph Font": (
            f'<w:style xmlns:w="{W_NS}" w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'
            "</w:style>"
        ),
        "No List": (
            f'<w:style xmlns:w="{W_NS}" w:type="numbering" w:default="1" w:styleId="NoList">'
            '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        ),
    }


def abstract_num(abstract_id: int, kind: str) -> str:
    """A one-level-deep list definition: 'bullet' (•, then –) or 'decimal' (1., then a.)."""
    if kind == "bullet":
        levels = [("bullet", "•"), ("bullet", "–")]
    else:
        levels = [("decimal", "%1."), ("lowerLetter", "%2.")]
    body = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{357 * (n + 1)}" w:hanging="357"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr></w:lvl>'
        for n, (fmt, text) in enumerate(levels)
    )
    return (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{body}</w:abstractNum>'
    )


def num(num_id: int, abstract_id: int) -> str:
    return f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'


_KINDS = {1: "paragraph", 2: "character", 3: "table", 4: "numbering"}
"""python-docx's WD_STYLE_TYPE values -> WordprocessingML's `w:type`."""


@lru_cache(maxsize=1)
def _our_ids() -> dict[str, str]:
    """Style name (casefolded) -> the id this module gives it."""
    found = {}
    for group in (paragraph_styles(), table_styles(), character_styles(), other_styles()):
        for name, xml in group.items():
            found[name.casefold()] = xml.split('w:styleId="', 1)[1].split('"', 1)[0]
    return found


def find_style(styles_root, name: str, kind: int | str = "paragraph"):
    """The `w:style` element of the styles part `styles_root` that stands for `name`, or None.

    Templates name styles in their own way: Word writes « heading 1 », LibreOffice « Heading 1 », and
    a style may be renamed while keeping its id. A style matches by its name, case-insensitively, else
    by the id this module (or Word) gives that name (« Heading1 »); always of the same type."""
    w_type = _KINDS.get(int(kind), "paragraph") if not isinstance(kind, str) else kind
    wanted = name.casefold()
    candidates = [el for el in styles_root.iter(f"{{{W_NS}}}style") if el.get(f"{{{W_NS}}}type") == w_type]
    for element in candidates:
        label = element.find(f"{{{W_NS}}}name")
        if label is not None and (label.get(f"{{{W_NS}}}val") or "").casefold() == wanted:
            return element
    ids = {_our_ids().get(wanted, ""), name.replace(" ", "")}
    for element in candidates:
        if element.get(f"{{{W_NS}}}styleId") in ids:
            return element
    return None


def find_style_id(styles_root, name: str, kind: int | str = "paragraph") -> str | None:
    """The id of the style that stands for `name` (see `find_style`); None when the template has none,
    or when it is the default style of its type (a paragraph in Normal names no style)."""
    element = find_style(styles_root, name, kind)
    if element is None or element.get(f"{{{W_NS}}}default") in ("1", "true", "on"):
        return None
    return element.get(f"{{{W_NS}}}styleId")
