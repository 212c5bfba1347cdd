"""Writing into a python-docx Document: headings, paragraphs with emphasis, lists, real tables.

Text goes through `Writer.text` so that French typography (non-breaking spaces before « : ; ? ! »)
is applied in one place. Imported only while a minute is being built.

Speed: python-docx's object API looks every style up by name, walks the table grid for each cell and
inserts each element in schema order, which made a long minute slow. The Writer therefore writes the
body as WordprocessingML text, exactly the XML python-docx would have made (the paragraph and run
properties are made once by python-docx itself and reused), and parses it in one go with python-docx's
own parser (`flush`). python-docx still opens the template, resolves the style names (once per
document), makes each table's frame, and saves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.parfmt import ParagraphFormat
from lxml import etree

from .spans import CellContent, Group, Line, Span, bold, italic
from .styles import W_NS, find_style_id
from .text import typography

KEEP_TOGETHER_ROWS = 6
"""A table this short is kept on one page rather than split."""


def _spans(line: Line) -> list[Span]:
    if isinstance(line, (str, Span)):
        line = [line]
    return [s if isinstance(s, Span) else Span(s) for s in line if s]


# -- WordprocessingML text, as python-docx writes it ------------------------------------------------

_NS_DECL = f' xmlns:w="{W_NS}"'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BREAKS = re.compile("([\t\r\n])")
_SPECIAL = re.compile("[&<>]")


def _inner(element) -> str:
    """An element made by python-docx, as text to splice into the body (its namespace declared there)."""
    return etree.tostring(element, encoding="unicode").replace(_NS_DECL, "", 1)


def _t(text: str) -> str:
    """A `w:t`, as `CT_R.add_t` makes it (space kept when the text starts or ends with a blank)."""
    if _NOT_XML.search(text):  # what lxml says when python-docx sets such a text
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if _SPECIAL.search(text) else text
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{escaped}</w:t>'
    return f"<w:t>{escaped}</w:t>"


def _run_content(text: str) -> str:
    """The inside of a run after `run.text = text`: tabs and line breaks become `w:tab` and `w:br`."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text)
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(_t(piece))
    return "".join(out)


_PLAIN_RPR = "<w:rPr/>"
"""A plain run's properties: python-docx leaves an empty `w:rPr`; nothing is ever set on a run."""

Format = tuple[tuple[str, object], ...]
"""Paragraph formatting as (ParagraphFormat attribute, value) pairs, applied in this order."""

_NO_STYLE = object()


class Writer:
    """Appends to the body of `doc`, in `lang`. Call `flush` before reading or saving the document."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self._pending: list[str] = []
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        self._pprs: dict[tuple[object, Format], str] = {}

    def text(self, text: str) -> str:
        return typography(text, self.lang)

    # -- the body as text -------------------------------------------------------------------------

    def flush(self) -> None:
        """Parses what was written since the last flush and puts it at the end of the body."""
        if not self._pending:
            return
        xml = f"<w:body{_NS_DECL}>{''.join(self._pending)}</w:body>"
        self._pending.clear()
        written = parse_xml(xml.encode("utf-8"))
        body = self.doc.element.body
        section = body.find(qn("w:sectPr"))
        for element in list(written):
            if section is not None:
                section.addprevious(element)
            else:
                body.append(element)

    def _style_id(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """The id python-docx gives `name` in this document (None for the default style), looked up once."""
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = find_style_id(self.doc.styles.element, name, kind)
        return self._style_ids[key]

    def _ppr(self, style: str | object, fmt: Format = ()) -> str:
        """The `w:pPr` of a paragraph of `style` (a name; _NO_STYLE: none set) with `fmt` applied, as
        python-docx makes it: made once per document and combination."""
        key = (style, fmt)
        found = self._pprs.get(key)
        if found is None:
            p = OxmlElement("w:p")
            if style is not _NO_STYLE:
                p.style = self._style_id(style)  # type: ignore[arg-type, attr-defined]
            paragraph_format = ParagraphFormat(p)
            for name, value in fmt:
                setattr(paragraph_format, name, value)
            found = "" if p.pPr is None else _inner(p.pPr)  # type: ignore[attr-defined]
            self._pprs[key] = found
        return found

    def _runs(self, line: Line) -> str:
        """One `w:r` per span, as `Paragraph.add_run` and the Run's bold, italic and colour make it."""
        runs = []
        for span in (line,) if isinstance(line, (str, Span)) else line:
            if not span:
                continue
            if isinstance(span, str) or span.style is None:
                text, rpr = self.text(span if isinstance(span, str) else span.text), _PLAIN_RPR
            else:
                text = self.text(span.text)
                style_id = self._style_id(span.style, WD_STYLE_TYPE.CHARACTER)
                rpr = f'<w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>' if style_id else _PLAIN_RPR
            runs.append(f"<w:r>{rpr}{_run_content(text) if text else ''}</w:r>")
        return "".join(runs)

    # -- paragraphs ------------------------------------------------------------------------------

    def para(self, line: Line = "", style: str | None = None, **fmt: object) -> None:
        """A paragraph; `fmt`: ParagraphFormat settings (keep_with_next=True, space_after=Pt(9)...)."""
        ppr = self._ppr(_NO_STYLE if style is None else style, tuple(fmt.items()))
        self._pending.append(f"<w:p>{ppr}{self._runs(line)}</w:p>")

    def heading(self, text: str, level: int = 1) -> None:
        self.para(text, style=f"Heading {level}")

    def title(self, text: str, subtitle: str = "") -> None:
        self.para(text, style="Title")
        if subtitle:
            self.para(subtitle, style="Subtitle")

    def bullet(self, line: Line, **fmt: object) -> None:
        self.para(line, style="List Bullet", **fmt)

    def bullets(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.bullet(line)

    def numbered(self, line: Line) -> None:
        self.para(line, style="List Number")

    def labelled(self, label: str, value: Line, style: str | None = None, **fmt: object) -> None:
        """'Label : value', the label in bold."""
        colon = " : " if self.lang == "fr" else ": "
        self.para([bold(label + colon), *_spans(value)], style, **fmt)

    def banner(self, line: Line) -> None:
        self.para(line, style="Bandeau confidentiel")

    def indented(self, line: Line, **fmt: object) -> None:
        """A paragraph under the one before it (the style « Retrait »)."""
        self.para(line, style="Retrait", **fmt)

    def warning(self, line: Line) -> None:
        """What the reader must know before reading on (the style « Avertissement »)."""
        self.para(line, style="Avertissement")

    # -- tables ----------------------------------------------------------------------------------

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[CellContent] | Group], widths_cm: Sequence[float],
              style: str = "Tableau compte rendu") -> Table:
        """A table with a header row repeated on every page, fixed column widths, rows kept whole."""
        self.flush()
        table = self.doc.add_table(rows=0, cols=len(widths_cm))
        style_id = self._style_id(style, WD_STYLE_TYPE.TABLE)  # by name or id, as the template has it
        if style_id:
            table._tbl.tblPr.style = style_id
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _set_table_width(table, widths_cm)
        count = len(rows) + (1 if headers else 0)
        keep_until = count - 1 if count <= KEEP_TOGETHER_ROWS else 0  # rows before it keep with the next
        twips = [Cm(width).twips for width in widths_cm]
        cell_props = [f'<w:tcPr><w:tcW w:type="dxa" w:w="{w}"/></w:tcPr>' for w in twips]
        xml = []
        if headers:
            cells = [self._cell(props, text, "En-tête de tableau", keep_until > 0)
                     for props, text in zip(cell_props, headers)]
            xml.append(self._row(cells, cell_props[len(cells):], keep_until > 0, header=True))
        for values in rows:
            keep = len(xml) < keep_until
            if isinstance(values, Group):
                span = f'<w:gridSpan w:val="{len(twips)}"/>' if len(twips) > 1 else ""
                props = f'<w:tcPr><w:tcW w:type="dxa" w:w="{sum(twips)}"/>{span}</w:tcPr>'
                xml.append(self._row([self._cell(props, italic(values.text), "En-tête de tableau", keep)], (), keep))
                continue
            cells = [self._cell(props, value, "Texte de tableau", keep) for props, value in zip(cell_props, values)]
            xml.append(self._row(cells, cell_props[len(cells):], keep))
        if xml:
            rows_xml = parse_xml(f"<w:tbl{_NS_DECL}>{''.join(xml)}</w:tbl>".encode("utf-8"))
            table._tbl.extend(list(rows_xml))
        self.para(space_after=Cm(0))  # a table never touches the next one
        return table

    def _row(self, cells: list[str], empty: Sequence[str], keep: bool, header: bool = False) -> str:
        """A `w:tr` kept whole: `cells`, then a blank cell for each of `empty` (their `w:tcPr`); a header
        row repeats on every page."""
        tr_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
        blank = f"<w:p>{self._ppr(_NO_STYLE, (('keep_with_next', True),))}</w:p>" if keep else "<w:p/>"
        return f"<w:tr>{tr_pr}{''.join(cells)}{''.join(f'<w:tc>{p}{blank}</w:tc>' for p in empty)}</w:tr>"

    def _cell(self, props: str, content: CellContent, style: str, keep: bool) -> str:
        """A `w:tc`: one paragraph per line of `content` (at least one), in `style`."""
        lines: list[Line] = content if isinstance(content, list) else ([] if content is None else [content])
        ppr = self._ppr(style, (("keep_with_next", True),) if keep else ())
        paragraphs = "".join(f"<w:p>{ppr}{self._runs(line)}</w:p>" for line in lines) or f"<w:p>{ppr}</w:p>"
        return f"<w:tc>{props}{paragraphs}</w:tc>"


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

