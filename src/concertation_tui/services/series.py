"""The person's series of meetings: finding them, each action's history, the 0-10 scale across meetings.

Reads meeting files through the store; no Textual. The launcher groups meetings with
`group_by_series`, the series screen draws `scale_chart` and `action_histories`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import label, t
from ..model import ActionStatus, Meeting
from ..store import MeetingFileError, MeetingSummary, list_meetings, load_meeting


def group_by_series(summaries: list[MeetingSummary]) -> list[list[MeetingSummary]]:
    """Meetings grouped by series, the series with the newest meeting first, newest meeting first within."""
    groups: dict[str, list[MeetingSummary]] = {}
    for summary in summaries:
        groups.setdefault(summary.series_id or str(summary.path), []).append(summary)
    ordered = [sorted(g, key=lambda s: (s.number, s.date or dt.date.min), reverse=True) for g in groups.values()]
    return sorted(ordered, key=lambda g: (g[0].date or dt.date.min, g[0].modified), reverse=True)


def series_meetings(meeting: Meeting, folder: Path) -> list[tuple[Path, Meeting]]:
    """Every readable meeting of `meeting`'s series in `folder`, oldest first."""
    found = []
    for summary in list_meetings(folder):
        if summary.series_id == meeting.series.series_id and not summary.problem:
            try:
                found.append((summary.path, load_meeting(summary.path)))
            except MeetingFileError:
                continue
    return sorted(found, key=lambda pair: (pair[1].series.number, pair[1].date or dt.date.min))


@dataclass
class ActionHistory:
    """One action followed across the series: its status at each meeting it appeared in."""

    action_id: str
    what: str
    carrier: str
    statuses: list[tuple[int, dt.date | None, ActionStatus]] = field(default_factory=list)

    @property
    def current(self) -> ActionStatus:
        return self.statuses[-1][2]


def action_histories(meetings: list[Meeting]) -> list[ActionHistory]:
    """Every action of the series with its statuses, in the order they were first recorded.

    A carried action keeps its id from one meeting to the next, so the id is the thread.
    """
    histories: dict[str, ActionHistory] = {}
    for meeting in meetings:
        for action in meeting.actions:
            history = histories.setdefault(
                action.id,
                ActionHistory(action.id, action.what, meeting.name_of(action.carrier_id) or action.carrier_label),
            )
            history.statuses.append((meeting.series.number, meeting.date, action.status))
    return list(histories.values())


def scale_history(meetings: list[Meeting]) -> dict[str, list[tuple[int, int]]]:
    """Voice (participant id) -> [(meeting number, value)], the person first, then in order of answer."""
    history: dict[str, list[tuple[int, int]]] = {}
    person_ids = {m.person.id for m in meetings if m.person}
    for meeting in meetings:
        for rating in meeting.scales:
            history.setdefault(rating.voice_id, []).append((meeting.series.number, rating.value))
    return dict(sorted(history.items(), key=lambda kv: kv[0] not in person_ids))


def _bar(value: int) -> str:
    """A 0-10 value as ten cells, readable without colour: '███████░░░'."""
    return "█" * value + "░" * (10 - value)


def scale_chart(meetings: list[Meeting], lang: str | None = None, width: int = 80) -> str:
    """The 0-10 scale of each voice across the meetings, drawn with text characters.

    One line per voice: its name, then for each meeting 'n°1 ███████░░░ 7', then the trend in words
    and an arrow (↑ ↓ =). As many meetings as fit in `width`, the most recent kept.
    """
    history = scale_history(meetings)
    if not history:
        return t("series.no_scale", lang)
    names = {p.id: p.name for m in meetings for p in m.participants}
    name_width = min(20, max(len(names.get(v, "?")) for v in history))
    cell = 19  # " n°1 ███████░░░  7" (18 wide) plus the space between two meetings
    fits = max(1, (width - name_width - 2) // cell)  # name + cells + " ↑" fit in width
    lines = []
    question = next((r.question for m in reversed(meetings) for r in m.scales if r.question), "")
    if question:
        lines.append(question)
    for voice, values in history.items():
        shown = values[-fits:]
        cells = " ".join(f"{t('series.number', lang, number=n):>4} {_bar(v)} {v:>2}" for n, v in shown)
        trend = ""
        if len(values) > 1:
            delta = values[-1][1] - values[-2][1]
            trend = "↑" if delta > 0 else "↓" if delta < 0 else "="
        name = names.get(voice, "?")
        name = name if len(name) <= name_width else name[: name_width - 1] + "…"
        lines.append(f"{name:<{name_width}} {cells} {trend}".rstrip())
    return "\n".join(lines)


def history_line(history: ActionHistory, lang: str | None = None) -> str:
    """'Porter l'aide familiale… — n°1 prévue → n°2 faite'."""
    steps = " → ".join(f"{t('series.number', lang, number=n)} {label(status, lang)}" for n, _, status in history.statuses)
    return t("series.history_line", lang, what=history.what, carrier=history.carrier, steps=steps)
