"""What one recipient's copy will say, as lines of text, with what differs from the common edition marked.

Built from the real .docx the minute builder makes (read back with python-docx), so the preview can
never disagree with the file that is sent. No Textual here; the interface draws the lines.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass

from ..model import Edition, Meeting
from ..model.sharing import ConsentConflict, consent_conflicts


@dataclass(frozen=True)
class PreviewLine:
    text: str
    style: str = ""
    """'heading', 'table' or '' (a paragraph)."""
    differs: bool = False
    """Not in the common professional edition: a restricted note this recipient may read."""


def document_lines(data: bytes) -> list[PreviewLine]:
    """The body of a .docx as lines: paragraphs and table rows (cells joined by ' | '), in order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[PreviewLine] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                style = "heading" if block.style.name.lower().startswith(("heading", "title")) else ""
                lines.append(PreviewLine(block.text, style))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if not cells or cells[-1] != text:  # merged cells repeat themselves
                        cells.append(text)
                lines.append(PreviewLine(" | ".join(cells), "table"))
    return lines


def preview(meeting: Meeting, recipient_id: str | None, edition: Edition = Edition.PROFESSIONAL) -> list[PreviewLine]:
    """The lines of the copy for `recipient_id`; for a professional copy, lines absent from the common
    edition are marked `differs`."""
    from ..minute import build_minute

    lines = document_lines(build_minute(meeting, edition, recipient_id=recipient_id))
    if edition is not Edition.PROFESSIONAL or recipient_id is None:
        return lines
    common = [line.text for line in document_lines(build_minute(meeting, Edition.PROFESSIONAL))]
    matcher = difflib.SequenceMatcher(a=common, b=[line.text for line in lines], autojunk=False)
    new = set()
    for tag, _, _, start, end in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            new.update(range(start, end))
    return [PreviewLine(line.text, line.style, n in new) for n, line in enumerate(lines)]


def preview_conflicts(meeting: Meeting, recipient_id: str) -> list[ConsentConflict]:
    """Notes this copy would carry beyond the person's consent, to flag above the preview."""
    return consent_conflicts(meeting, recipient_id)
