"""Tables that fit their width: the columns that decide are never cut; the others shrink, then go.

The layout rule of issue 18: at 80 columns a table keeps whole the columns a facilitator decides by
(who is present, who receives the minute, an item's life domains...), and shrinks or leaves out the
secondary ones (a service's full name, a participant's kind) rather than cutting the deciding ones off
at the right edge. A deciding column may wrap onto a second line instead of being cut.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rich.text import Text

from .widgets import Table

CELL_PADDING = 2
"""A DataTable column costs its width plus one space each side."""
CHROME = 2
"""Columns of a table's own that are not cells (the scrollbar, a border)."""


@dataclass(frozen=True)
class Column:
    caption: str
    width: int
    """The widest it is shown (its cells are cut with « … » beyond, or wrapped when `wraps`)."""
    minimum: int = 0
    """The narrowest it is shown before it is left out (secondary) or wraps (deciding)."""
    deciding: bool = True
    """Never left out: the facilitator decides by it."""
    wraps: bool = False
    """Its cells wrap onto more lines rather than being cut (a list of domains)."""


def fit(columns: list[Column], available: int, longest: list[int] | None = None) -> list[int | None]:
    """The width of each column within `available` cells, or None for a column left out.

    Each column is as wide as its longest value (`longest`), within its `width`. Secondary columns
    shrink first (the widest first) down to their minimum, then are left out from the right; then the
    deciding columns that wrap shrink, and only then the other deciding ones. Each keeps room for its
    caption.
    """
    longest = longest or [c.width for c in columns]
    widths: list[int | None] = [max(min(c.width, n), len(c.caption)) for c, n in zip(columns, longest)]
    floor = [max(c.minimum or c.width, len(c.caption)) if c.deciding else max(c.minimum, len(c.caption))
             for c in columns]

    def total() -> int:
        return sum(w + CELL_PADDING for w in widths if w is not None)

    def shrink(which: list[int]) -> None:
        while total() > available:
            candidates = [i for i in which if widths[i] is not None and widths[i] > floor[i]]
            if not candidates:
                return
            widest = max(candidates, key=lambda i: widths[i])
            widths[widest] -= 1

    secondary = [i for i, c in enumerate(columns) if not c.deciding]
    shrink(secondary)
    for i in reversed(secondary):
        if total() <= available:
            break
        widths[i] = None
    if total() > available:
        floor = [max(c.minimum, len(c.caption)) for c in columns]
        shrink([i for i, c in enumerate(columns) if c.deciding and c.wraps])
        shrink([i for i, c in enumerate(columns) if c.deciding])
    return widths


def lay_out(table: Table, columns: list[Column], available: int, rows: list[list[str]]) -> list[int | None]:
    """Set the table's columns for `available` cells and the values of `rows`; returns the widths
    (None: left out). The columns are rebuilt only when the widths change (a refresh keeps the cursor)."""
    longest = [max((len(" ".join(row[n].split())) for row in rows), default=0) for n in range(len(columns))]
    widths = fit(columns, available - CHROME, longest)
    if getattr(table, "_fitted_widths", None) != widths or not table.columns:
        table.clear(columns=True)
        for column, width in zip(columns, widths):
            if width is not None:
                table.add_column(column.caption, width=width)
        table._fitted_widths = widths  # type: ignore[attr-defined]
    return widths


def row_cells(columns: list[Column], widths: list[int | None], values: list[str]) -> tuple[list[Text], int]:
    """The cells of one row for the columns kept, and the row's height (more than 1 when a deciding
    column wraps)."""
    cells: list[Text] = []
    height = 1
    for column, width, value in zip(columns, widths, values):
        if width is None:
            continue
        text = " ".join(value.split())
        if column.wraps:
            lines = Text(text).wrap(_console(), width)
            height = max(height, len(lines))
            cells.append(Text(text))
        else:
            cells.append(Text(text, no_wrap=True, overflow="ellipsis"))
    return cells, height


@functools.cache
def _console():
    from rich.console import Console

    return Console(width=200, color_system=None, force_terminal=False)
