"""Text shown for durations, dates typed by hand, symbols. No Textual here.

Symbols are chosen from the WGL4 set (what PuTTY's and the Linux console's fonts draw), and every one
of them is doubled by words somewhere on screen: nothing is told by colour or by a symbol alone.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from ..model import ActionStatus, Agreement, ItemState

ITEM_SYMBOL = {
    ItemState.PLANNED: "○",
    ItemState.RUNNING: "►",
    ItemState.PAUSED: "■",
    ItemState.DONE: "√",
    ItemState.SKIPPED: "»",
}
AGREEMENT_SYMBOL = {
    Agreement.NOT_ASKED: "?",
    Agreement.AGREES: "√",
    Agreement.DISAGREES: "×",
    Agreement.WANTS_TIME: "…",
}
STATUS_SYMBOL = {
    ActionStatus.PLANNED: "○",
    ActionStatus.IN_PROGRESS: "►",
    ActionStatus.DONE: "√",
    ActionStatus.NOT_DONE: "×",
    ActionStatus.DROPPED: "-",
}
CURRENT = "►"
CURRENT_ITEM = "→"
SPOKEN = "√"
NOT_SPOKEN = "○"
OVERRUN = "▲"


def clock_text(seconds: float, *, hours_like: float = 0) -> str:
    """12:05 under an hour, 1:02:03 beyond; with the hours too (0:02:49) when `hours_like`, the time it
    is shown beside (« 0:02:49 / 2:00:00 », not « 02:49 / 2:00:00 »), reaches an hour."""
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours or hours_like >= 3600:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def clock_pair(elapsed: float, planned: float) -> tuple[str, str]:
    """An elapsed time and the time planned, written alike (both with hours once either has some)."""
    longest = max(elapsed, planned)
    return clock_text(elapsed, hours_like=longest), clock_text(planned, hours_like=longest)


def overrun_minutes(elapsed: float, planned_minutes: int | float) -> int:
    """Whole minutes beyond the time planned (0 when within it or nothing was planned)."""
    if planned_minutes <= 0:
        return 0
    beyond = elapsed - planned_minutes * 60
    return math.ceil(beyond / 60) if beyond > 0 else 0


def date_text(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def time_text(moment: dt.time | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


_DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.\- ](?P<m>\d{1,2})[/.\- ](?P<y>\d{2}|\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[/.](?P<m>\d{1,2})$"),
)


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A date typed as JJ/MM/AAAA (also JJ/MM/AA, JJ.MM.AAAA, JJ-MM-AAAA, AAAA-MM-JJ, or JJ/MM this year).

    Returns None for an empty text; raises ValueError for anything else that is not a date.
    """
    text = text.strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        found = pattern.match(text)
        if found:
            parts = found.groupdict()
            year = int(parts.get("y") or (today or dt.date.today()).year)
            if year < 100:
                year += 2000
            return dt.date(year, int(parts["m"]), int(parts["d"]))
    raise ValueError(text)


_TIME_PATTERN = re.compile(r"^(?P<h>\d{1,2})(?:\s*[:hH.]\s*(?P<m>\d{2})?)?$")


def parse_time(text: str) -> dt.time | None:
    """A time typed as HH:MM, 14h30, 14h or 14. None for an empty text; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    found = _TIME_PATTERN.match(text)
    if not found:
        raise ValueError(text)
    return dt.time(int(found["h"]), int(found["m"] or 0))


def one_line(text: str, limit: int | None = None) -> str:
    """Text on one line (newlines become spaces), cut with an ellipsis beyond `limit` characters."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        return text[: max(0, limit - 1)] + "…"
    return text
