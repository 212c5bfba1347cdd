"""Writing into a python-docx Document: headings, paragraphs with emphasis, lists, real tables.

Text goes through `Writer.text` so that French typography (non-breaking spaces before « : ; ? ! »)
is applied in one place. Imported only while a minute is being built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .styles import MUTED
from .text import typography

MUTED_RGB = RGBColor.from_string(MUTED)
KEEP_TOGETHER_ROWS = 6
"""A table this short is kept on one page rather than split."""


@dataclass(frozen=True)
class Span:
    """A stretch of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    muted: bool = False


Inline = str | Span
Line = Inline | Sequence[Inline]
"""One paragraph: a string, a Span, or a sequence of them."""
CellContent = Line | list[Line] | None
"""A table cell: one paragraph (a string, a Span, a tuple of them), several paragraphs (a list), or nothing."""


@dataclass(frozen=True)
class Group:
    """A table row spanning every column, naming the rows that follow it."""

    text: str


def bold(text: str) -> Span:
    return Span(text, bold=True)


def italic(text: str) -> Span:
    return Span(text, italic=True)


def muted(text: str) -> Span:
    return Span(text, italic=True, muted=True)


def _spans(line: Line) -> list[Span]:
    if isinstance(line, (str, Span)):
        line = [line]
    return [s if isinstance(s, Span) else Span(s) for s in line if s]


class Writer:
    """Appends to the body of `doc`, in `lang`."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.doc = doc
        self.lang = lang

    def text(self, text: str) -> str:
        return typography(text, self.lang)

    # -- paragraphs ------------------------------------------------------------------------------

    def fill(self, paragraph: Paragraph, line: Line) -> Paragraph:
        for span in _spans(line):
            run = paragraph.add_run(self.text(span.text))
            run.bold = span.bold or None
            run.italic = span.italic or None
            if span.muted:
                run.font.color.rgb = MUTED_RGB
        return paragraph

    def para(self, line: Line = "", style: str | None = None) -> Paragraph:
        return self.fill(self.doc.add_paragraph(style=style), line)

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.para(text, style=f"Heading {level}")

    def title(self, text: str, subtitle: str = "") -> None:
        self.para(text, style="Title")
        if subtitle:
            self.para(subtitle, style="Subtitle")

    def bullet(self, line: Line) -> Paragraph:
        return self.para(line, style="List Bullet")

    def bullets(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.bullet(line)

    def numbered(self, line: Line) -> Paragraph:
        return self.para(line, style="List Number")

    def labelled(self, label: str, value: Line, style: str | None = None) -> Paragraph:
        """'Label : value', the label in bold."""
        colon = " : " if self.lang == "fr" else ": "
        return self.para([bold(label + colon), *_spans(value)], style)

    def banner(self, line: Line) -> Paragraph:
        return self.para(line, style="Bandeau confidentiel")

    def indented(self, line: Line, left_cm: float = 0.63) -> Paragraph:
        paragraph = self.para(line)
        paragraph.paragraph_format.left_indent = Cm(left_cm)
        paragraph.paragraph_format.space_after = Cm(0.05)
        return paragraph

    # -- tables ----------------------------------------------------------------------------------

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[CellContent] | Group], widths_cm: Sequence[float],
              style: str = "Tableau compte rendu") -> Table:
        """A table with a header row repeated on every page, fixed column widths, rows kept whole."""
        table = self.doc.add_table(rows=0, cols=len(widths_cm), style=style)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _set_table_width(table, widths_cm)
        if headers:
            row = table.add_row()
            _repeat_as_header(row)
            for cell, text, width in zip(row.cells, headers, widths_cm):
                cell.width = Cm(width)
                self._fill_cell(cell, text, "En-tête de tableau")
        for values in rows:
            row = table.add_row()
            _keep_row_whole(row)
            for cell, width in zip(row.cells, widths_cm):
                cell.width = Cm(width)
            if isinstance(values, Group):
                merged = row.cells[0].merge(row.cells[-1])
                self._fill_cell(merged, italic(values.text), "En-tête de tableau")
                continue
            for cell, value in zip(row.cells, values):
                self._fill_cell(cell, value, "Texte de tableau")
        if len(table.rows) <= KEEP_TOGETHER_ROWS:
            _keep_together(table)
        self.doc.add_paragraph().paragraph_format.space_after = Cm(0)  # a table never touches the next one
        return table

    def _fill_cell(self, cell: _Cell, content: CellContent, style: str) -> None:
        lines: list[Line] = content if isinstance(content, list) else ([] if content is None else [content])
        first = cell.paragraphs[0]
        first.style = self.doc.styles[style]
        for n, line in enumerate(lines):
            paragraph = first if n == 0 else cell.add_paragraph(style=style)
            self.fill(paragraph, line)


def _set_table_width(table: Table, widths_cm: Sequence[float]) -> None:
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(int(sum(Cm(w).twips for w in widths_cm))))
    tbl_w.set(qn("w:type"), "dxa")


def _tr_pr(row):
    return row._tr.get_or_add_trPr()


def _repeat_as_header(row) -> None:
    tr_pr = _tr_pr(row)
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = OxmlElement(tag)
        tr_pr.append(element)


def _keep_row_whole(row) -> None:
    _tr_pr(row).append(OxmlElement("w:cantSplit"))


def _keep_together(table: Table) -> None:
    rows = table.rows
    for row in rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
