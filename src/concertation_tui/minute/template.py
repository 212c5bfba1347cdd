"""Finding the minute's Word template and checking one before anything opens it.

An organisation may hand in its own template (`--template`). It is a zip file from outside, so it is
judged from the zip's central directory first (size, number of parts, declared uncompressed sizes: a
zip bomb is refused before a byte is decompressed), then its few small XML parts are read for macros,
tracked changes, comments and links to outside files. No python-docx here.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..i18n import t
from ..visible import visible
from .sanitize import MalformedPart, check_well_formed, sanitize

TEMPLATE_NAME = "compte-rendu.docx"

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB
MAX_UNCOMPRESSED_BYTES = 50 * MB
MAX_PARTS = 500
MAX_RATIO = 200
"""Largest compression ratio allowed for a part bigger than 1 MB (text XML stays well under 100)."""

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO_TYPES = ("macroenabled", "vbaproject", "vbadata", "activex")
_REVISION_TAGS = re.compile(
    rb"<(?:\w+:)?(?:ins|del|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|tblPrChange|trPrChange|tcPrChange)[\s>/]"
)
_EXTERNAL = re.compile(rb"<Relationship\b[^>]*TargetMode=\"External\"[^>]*>")
_HYPERLINK_TYPE = b"/relationships/hyperlink"


class TemplateError(ValueError):
    """A template that cannot be used, with the sentence that says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def default_template_path() -> Path:
    """The minute's template: the user's own, else the organisation's, else the shipped
    `templates/minute/compte-rendu.docx` (see `resources`); the shipped path when none exists."""
    from ..resources import template_folders

    candidates = [folder / TEMPLATE_NAME for folder in template_folders("minute")]
    for path in reversed(candidates):
        if path.is_file():
            return path
    return candidates[0]


def _refuse(key: str, path: Path, lang: str | None, **params: object) -> TemplateError:
    return TemplateError(t(f"minute.template.{key}", lang, file=visible(path.name), **params))


def _check_directory(path: Path, infos: list[zipfile.ZipInfo], lang: str | None) -> None:
    """Limits judged from the central directory alone, before anything is decompressed."""
    if len(infos) > MAX_PARTS:
        raise _refuse("too_many_parts", path, lang, count=len(infos), limit=MAX_PARTS)
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _refuse("too_big_unpacked", path, lang, size=total // MB, limit=MAX_UNCOMPRESSED_BYTES // MB)
    for info in infos:
        if info.file_size > MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse("bomb", path, lang)
    names = [info.filename for info in infos]
    if len(set(n.lower() for n in names)) != len(names):
        raise _refuse("not_docx", path, lang)
    lowered = [n.lower() for n in names]
    if any(n.endswith("vbaproject.bin") or n.endswith("vbadata.xml") or "/activex/" in n for n in lowered):
        raise _refuse("macros", path, lang)
    if "[content_types].xml" not in lowered or "word/document.xml" not in lowered:
        raise _refuse("not_docx", path, lang)
    if any(re.search(r"(^|/)comments[a-z]*\.xml$", n) for n in lowered):
        raise _refuse("comments", path, lang)


def _check_parts(path: Path, archive: zipfile.ZipFile, lang: str | None) -> None:
    """Reads the (size-checked) XML parts: content types, revisions, external links."""
    content_types = archive.read("[Content_Types].xml")
    lowered = content_types.lower()
    if any(kind.encode() in lowered for kind in _MACRO_TYPES):
        raise _refuse("macros", path, lang)
    if DOCX_MAIN.encode() not in content_types and DOTX_MAIN.encode() not in content_types:
        raise _refuse("not_docx", path, lang)
    if b"comments+xml" in lowered:
        raise _refuse("comments", path, lang)
    for info in archive.infolist():
        name = info.filename
        if not name.lower().endswith((".xml", ".rels")):
            continue
        data = archive.read(info)
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise _refuse("not_docx", path, lang)
        if name.startswith("word/") and name.endswith(".xml") and _REVISION_TAGS.search(data):
            raise _refuse("tracked_changes", path, lang)
        if name.endswith(".rels"):
            for rel in _EXTERNAL.findall(data):
                if _HYPERLINK_TYPE not in rel:
                    raise _refuse("external", path, lang)


def check_template(path: Path, *, lang: str | None = None) -> None:
    """Raise TemplateError with a plain sentence if `path` is not a Word template the minute may use."""
    path = Path(path)
    if path.suffix.lower() in (".docm", ".dotm"):
        raise _refuse("macros", path, lang)
    try:
        size = path.stat().st_size
    except OSError:
        raise _refuse("missing", path, lang) from None
    if not path.is_file():
        raise _refuse("missing", path, lang)
    if size > MAX_FILE_BYTES:
        raise _refuse("too_big", path, lang, size=size // MB, limit=MAX_FILE_BYTES // MB)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_directory(path, archive.infolist(), lang)
            _check_parts(path, archive, lang)
            check_well_formed(archive)
    except MalformedPart as error:
        raise _refuse("malformed", path, lang, part=visible(error.part)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError, KeyError):
        raise _refuse("not_docx", path, lang) from None
    except OSError:
        raise _refuse("unreadable", path, lang) from None


def template_document_bytes(path: Path) -> bytes:
    """The checked template as the bytes of a .docx reduced to what a minute needs (see sanitize.py):
    a .dotx gets the document's content type; fields that reach outside, document variables, hidden
    text, custom properties and parts a minute does not use are gone."""
    return sanitize(Path(path).read_bytes())
