"""Stretches of text in the template's character styles, and the rows that name a group in a table.

Kept apart from the docx writer (`docx_helpers`) so that what only reads the minute's words (the
letter's readability check, in the interface) does not import python-docx and lxml: 113 modules and
about 7 MB for a session that never writes a document.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence


@dataclass(frozen=True)
class Span:
    """A stretch of text in a character style of the template (None: the paragraph's own look).

    The look is never set on the run itself: an organisation restyles every such stretch in Word or
    LibreOffice by changing the style (see `styles.character_styles`)."""

    text: str
    style: str | None = None


@dataclass(frozen=True)
class Group:
    """A table row spanning every column, naming the rows that follow it."""

    text: str


STRONG = "Strong"
"""Bold: labels, names leading a line, actions."""
EMPHASIS = "Emphasis"
"""Italic: a kind of note (« Appréciation : »), a group of rows."""
QUOTE = "Paroles citées"
"""Words someone said, quoted (the person's above all)."""
REMARK = "Remarque"
"""What the minute adds beside a record: who said it, where it comes from, a note in grey."""
RESTRICTED = "Mention restreinte"
"""Who a restricted record is for, or that it goes beyond the person's consent."""


def bold(text: str) -> Span:
    return Span(text, STRONG)


def italic(text: str) -> Span:
    return Span(text, EMPHASIS)


def quoted(text: str) -> Span:
    """The words of someone, already in quotation marks (`text.quote`)."""
    return Span(text, QUOTE)


def muted(text: str) -> Span:
    return Span(text, REMARK)


def restricted(text: str) -> Span:
    return Span(text, RESTRICTED)


Line = str | Span | Sequence[str | Span]
"""One paragraph's text: plain, one span, or a run of plain text and spans."""
CellContent = Line | list[Line] | None
"""A table cell: one paragraph, one paragraph per line of a list, or nothing."""
