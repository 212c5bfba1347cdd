"""A template from outside, reduced to what a minute needs: nothing in it reaches out or hides.

An organisation's template is a zip of XML parts from anywhere. Only the parts a minute uses are kept
(document, styles, numbering, settings, fonts, theme, headers, footers, their images, the note
separators); the core properties are replaced by empty ones (the minute sets its own). Inside the kept
parts, everything that would reach outside or carry something unseen is removed: fields that fetch or
link (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO, HYPERLINK), external relationships (remote
images, links), document variables, mail-merge sources, the attached template, data bindings, hidden
(w:vanish) text, notes other than the separators. No python-docx here: bytes in, bytes out.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

KEPT = re.compile(
    r"^(?:\[Content_Types\]\.xml|_rels/\.rels|docProps/app\.xml"
    r"|word/(?:document|styles|numbering|settings|fontTable|footnotes|endnotes)\.xml"
    r"|word/_rels/(?:document|header\d+|footer\d+)\.xml\.rels"
    r"|word/(?:header|footer)\d+\.xml|word/theme/theme\d+\.xml"
    r"|word/media/[^/]+\.(?:png|jpe?g|gif|bmp|emf|wmf|tiff?))$",
    re.IGNORECASE,
)
CORE = "docProps/core.xml"
EMPTY_CORE = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
OUTSIDE_FIELDS = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|HYPERLINK|IMPORT|INCLUDE)\b",
                            re.IGNORECASE)
SETTINGS_DROPPED = ("docVars", "attachedTemplate", "mailMerge", "trackRevisions", "rsids", "documentProtection")
ELEMENTS_DROPPED = ("altChunk", "subDoc", "dataBinding", "specVanish")
EMBEDDING = {f"{{{W}}}drawing", f"{{{W}}}pict", f"{{{W}}}object"}


class MalformedPart(ValueError):
    """A part that is not well-formed XML (or declares a DTD); `part` names it."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def parse(part: str, data: bytes) -> etree._Element:
    """A part's XML, parsed without entities, DTDs or network; MalformedPart when it is not XML."""
    from lxml import etree  # python-docx's own dependency, loaded only when a template is read

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        raise MalformedPart(part) from None
    if root.getroottree().docinfo.doctype:
        raise MalformedPart(part)
    return root


def check_well_formed(archive: zipfile.ZipFile) -> None:
    """Raise MalformedPart for the first XML part (of those kept) that does not parse."""
    for info in archive.infolist():
        if info.filename.lower().endswith((".xml", ".rels")) and (KEPT.match(info.filename) or info.filename == CORE):
            parse(info.filename, archive.read(info))


def _rels_source(rels_name: str) -> str:
    """'word/_rels/document.xml.rels' -> 'word/document.xml'; '_rels/.rels' -> ''."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels")) if name != ".rels" else ""


def _target(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _clean_rels(name: str, root: etree._Element, kept: set[str]) -> set[str]:
    """Drop external relationships and those to parts not kept; returns the ids that remain."""
    source = _rels_source(name)
    remaining = set()
    for rel in list(root):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or _target(source, target) not in kept:
            root.remove(rel)
        else:
            remaining.add(rel.get("Id"))
    return remaining


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace an element by its children (a link whose target went keeps its words)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _is_on(element: etree._Element) -> bool:
    return element.get(f"{{{W}}}val", "true").lower() not in ("0", "false", "off")


def _remove_outside_fields(root: etree._Element) -> None:
    """Simple and complex fields whose instruction fetches or links something outside go whole."""
    for field in [f for f in root.iter(f"{{{W}}}fldSimple") if OUTSIDE_FIELDS.match(f.get(f"{{{W}}}instr", ""))]:
        _remove(field)
    runs = list(root.iter(f"{{{W}}}r"))
    stack: list[tuple[int, list[str]]] = []
    doomed: set[int] = set()
    for index, run in enumerate(runs):
        for child in run:
            if child.tag == f"{{{W}}}fldChar":
                kind = child.get(f"{{{W}}}fldCharType")
                if kind == "begin":
                    stack.append((index, []))
                elif kind == "end" and stack:
                    start, words = stack.pop()
                    if OUTSIDE_FIELDS.match("".join(words)):
                        doomed.update(range(start, index + 1))
            elif child.tag == f"{{{W}}}instrText" and stack:
                stack[-1][1].append(child.text or "")
    for index in doomed:
        _remove(runs[index])


def _clean_wordml(root: etree._Element, rel_ids: set[str] | None) -> None:
    _remove_outside_fields(root)
    for run in [r for r in root.iter(f"{{{W}}}r")
                if any(_is_on(v) for v in r.findall(f"{{{W}}}rPr/{{{W}}}vanish"))]:
        _remove(run)  # hidden text: not carried into every minute unseen
    for tag in ("vanish", *ELEMENTS_DROPPED):
        for element in list(root.iter(f"{{{W}}}{tag}")):
            _remove(element)
    if rel_ids is None:
        return
    # References to relationships that were dropped (remote images, links, embedded objects).
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        refs = [value for key, value in element.attrib.items() if key.startswith(f"{{{R}}}")]
        if not refs or all(ref in rel_ids for ref in refs):
            continue
        if element.tag == f"{{{W}}}hyperlink":
            _unwrap(element)
            continue
        holder = element
        while holder is not None and holder.tag not in EMBEDDING:
            holder = holder.getparent()
        _remove(holder if holder is not None else element)


def _clean_settings(root: etree._Element) -> None:
    for tag in SETTINGS_DROPPED:
        for element in list(root.iter(f"{{{W}}}{tag}")):
            _remove(element)


def _clean_notes(root: etree._Element) -> None:
    """Footnotes and endnotes: only the separators stay (the template's own notes have no place)."""
    for note in list(root):
        if note.get(f"{{{W}}}type") in (None, "normal"):
            root.remove(note)


def _clean_content_types(root: etree._Element, kept: set[str]) -> None:
    for override in list(root.iter(f"{{{CONTENT_TYPES}}}Override")):
        if override.get("PartName", "").lstrip("/") not in kept:
            root.remove(override)
        elif override.get("ContentType") == DOTX_MAIN:
            override.set("ContentType", DOCX_MAIN)


def _serialize(root: etree._Element) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def sanitize(data: bytes) -> bytes:
    """The template's bytes reduced to what a minute needs (see the module's docstring).

    Raises MalformedPart for a kept part that is not XML; zipfile's errors for a damaged archive.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = [i for i in archive.infolist() if KEPT.match(i.filename) or i.filename == CORE]
        kept = {i.filename for i in infos}
        parts = {i.filename: archive.read(i) for i in infos}
    trees = {name: parse(name, blob) for name, blob in parts.items() if name.lower().endswith((".xml", ".rels"))}
    rel_ids: dict[str, set[str]] = {}
    for name, root in trees.items():
        if name.endswith(".rels"):
            rel_ids[_rels_source(name)] = _clean_rels(name, root, kept)
    for name, root in trees.items():
        if name == "[Content_Types].xml":
            _clean_content_types(root, kept)
        elif name == CORE:
            continue
        elif name.startswith("word/") and not name.endswith(".rels") and not name.startswith("word/theme/"):
            if name == "word/settings.xml":
                _clean_settings(root)
            if name in ("word/footnotes.xml", "word/endnotes.xml"):
                _clean_notes(root)
            _clean_wordml(root, rel_ids.get(name, set()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in infos:
            if info.filename == CORE:
                blob = EMPTY_CORE
            elif info.filename in trees:
                blob = _serialize(trees[info.filename])
            else:
                blob = parts[info.filename]
            copy.writestr(info.filename, blob)
    return out.getvalue()
