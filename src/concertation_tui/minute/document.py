"""A fresh minute document from a checked template.

The template gives the page, the styles, the letterhead, the header and the footer. Its body is
emptied (the section properties kept), the styles the minute needs are added when missing, the
language is set, the `{{placeholders}}` of the header and footer are filled, and the metadata is
replaced: nothing of the template's author, comments or history reaches the minute.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart
from docx.shared import Pt

from . import styles
from .template import template_document_bytes

TOKEN = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_DROPPED_PACKAGE_RELS = (RT.THUMBNAIL, RT.CUSTOM_PROPERTIES)
_DROPPED_DOCUMENT_RELS = ("/customXml", "/people", "/comments", "/commentsExtended", "/commentsIds",
                          "/commentsExtensible")
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>concertation-tui</Application></Properties>"
)


def open_document(template: Path, lang_tag: str) -> DocumentObject:
    """The template, emptied and ready to be written in `lang_tag` (fr-BE, en-GB...)."""
    doc = Document(io.BytesIO(template_document_bytes(template)))
    _clear_body(doc)
    _drop_leftovers(doc)
    ensure_styles(doc, lang_tag)
    set_language(doc, lang_tag)
    return doc


def _clear_body(doc: DocumentObject) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _drop_leftovers(doc: DocumentObject) -> None:
    """Parts a template may carry that say something about it: thumbnail, custom metadata, comments' authors."""
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in _DROPPED_PACKAGE_RELS:
            del package.rels[rel_id]
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(_DROPPED_DOCUMENT_RELS):
            del doc.part.rels[rel_id]
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML
    settings = doc.settings.element
    for tag in ("w:trackRevisions", "w:rsids", "w:attachedTemplate", "w:documentProtection"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)


# -- styles ------------------------------------------------------------------------------------


def _numbering_root(doc: DocumentObject):
    try:
        return doc.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        element = parse_xml(f'<w:numbering xmlns:w="{styles.W_NS}"/>')
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, doc.part.package)
        doc.part.relate_to(part, RT.NUMBERING)
        return element


def _add_list(doc: DocumentObject, kind: str) -> int:
    """Adds a list definition to the numbering part; returns its numId."""
    root = _numbering_root(doc)
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in root.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in root.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(styles.abstract_num(abstract_id, kind))
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(parse_xml(styles.num(num_id, abstract_id)))
    return num_id


def ensure_styles(doc: DocumentObject, lang_tag: str) -> None:
    """Adds each style the minute writes with that the template lacks (keeping the template's own)."""
    root = doc.styles.element
    if root.find(qn("w:docDefaults")) is None:
        root.insert(0, parse_xml(styles.doc_defaults(lang_tag)))
    missing = lambda name, kind="paragraph": styles.find_style(root, name, kind) is None  # noqa: E731
    bullet_id = _add_list(doc, "bullet") if missing("List Bullet") else 1
    number_id = _add_list(doc, "decimal") if missing("List Number") else 2
    wanted = {**styles.other_styles(), **styles.table_styles(), **styles.character_styles(),
              **styles.paragraph_styles(bullet_id, number_id)}
    used_ids = {s.get(qn("w:styleId")) for s in root.findall(qn("w:style"))}
    for name, xml in wanted.items():
        element = parse_xml(xml)
        if not missing(name, element.get(qn("w:type"))):
            continue
        style_id = element.get(qn("w:styleId"))
        if style_id in used_ids:
            element.set(qn("w:styleId"), f"{style_id}Minute")
        used_ids.add(element.get(qn("w:styleId")))
        root.append(element)


def enlarge(doc: DocumentObject, sizes: dict[str, float]) -> None:
    """Raises the named styles to at least the given sizes in points (the letter is read on paper, at 12 pt)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    default_size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}") if defaults is not None else None
    base = Pt(int(default_size.get(qn("w:val"))) / 2) if default_size is not None else Pt(10)
    from docx.styles.style import StyleFactory

    for name, points in sizes.items():
        element = styles.find_style(doc.styles.element, name)
        if element is None:
            continue
        style = StyleFactory(element)
        if (style.font.size or base).pt < points:
            style.font.size = Pt(points)


def set_language(doc: DocumentObject, lang_tag: str) -> None:
    """The document's language: the default run properties, every style that names one, the theme fonts."""
    root = doc.styles.element
    defaults = root.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f'<w:rPrDefault xmlns:w="{styles.W_NS}"><w:rPr/></w:rPrDefault>')
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f'<w:rPr xmlns:w="{styles.W_NS}"/>')
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.append(parse_xml(f'<w:lang xmlns:w="{styles.W_NS}"/>'))
    for lang in root.iter(qn("w:lang")):
        lang.set(qn("w:val"), lang_tag)
    for theme_lang in doc.settings.element.findall(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), lang_tag)


# -- header, footer, metadata ------------------------------------------------------------------


def _replace_tokens(texts: list, values: dict[str, str]) -> None:
    """Replaces {{tokens}} across the w:t elements of one paragraph (Word may split a token in runs)."""
    joined = "".join(t.text or "" for t in texts)
    if "{{" not in joined:
        return
    starts, position = [], 0
    for t in texts:
        starts.append(position)
        position += len(t.text or "")

    def node_at(offset: int) -> int:
        return max(n for n, start in enumerate(starts) if start <= offset and (texts[n].text or ""))

    for match in reversed(list(TOKEN.finditer(joined))):
        if match.group(1) not in values:
            continue
        value = values[match.group(1)]
        start, end = match.span()
        first, last = node_at(start), node_at(end - 1)
        head = (texts[first].text or "")[: start - starts[first]]
        tail = (texts[last].text or "")[end - starts[last]:]
        if first == last:
            texts[first].text = head + value + tail
        else:
            texts[first].text = head + value
            for n in range(first + 1, last):
                texts[n].text = ""
            texts[last].text = tail
        for n in range(first, last + 1):
            texts[n].set(XML_SPACE, "preserve")


def fill_placeholders(doc: DocumentObject, values: dict[str, str]) -> None:
    """Fills the {{placeholders}} of every header and footer of the template."""
    for rel in doc.part.rels.values():
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        for paragraph in rel.target_part.element.iter(qn("w:p")):
            _replace_tokens(list(paragraph.iter(qn("w:t"))), values)


CORE_PROPERTY_LIMIT = 255
"""The longest text python-docx (and Word) takes in a core property; a meeting's title and
organisation may be longer (300 characters), and the minute is written all the same."""


def _core_text(text: str) -> str:
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[:CORE_PROPERTY_LIMIT - 1] + "…"


def set_metadata(doc: DocumentObject, *, title: str, subject: str, author: str, lang_tag: str) -> None:
    """Clean core properties: set what says what the document is, empty everything else."""
    props = doc.core_properties
    moment = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = _core_text(title)
    props.subject = _core_text(subject)
    props.author = _core_text(author)
    props.last_modified_by = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    props.language = lang_tag
    props.revision = 1
    props.created = moment
    props.modified = moment
    for element in list(props._element):
        if element.tag.endswith("}lastPrinted"):
            props._element.remove(element)


def to_bytes(doc: DocumentObject) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
