"""The clocks of the live meeting: pure functions on the model, so that timers are always recomputed
from the saved TimeSpans (and are the same after reopening). No Textual here.

Rules, as a facilitator expects them:
- the meeting clock runs from the first start until a pause or the end; pausing stops the current
  item's clock with it, resuming restarts both;
- moving to another item (next, previous, jump) ends the one left (done when time was spent on it,
  still planned otherwise) and, while the meeting runs, starts the new one;
- quitting the program pauses the clocks; a crash leaves them running (the meeting went on).
"""

from __future__ import annotations

import datetime as dt

from .enums import ItemState
from .meeting import AgendaItem, Meeting, OpenQuestion, TimeSpan


def _running(spans: list[TimeSpan]) -> bool:
    return bool(spans) and spans[-1].end is None


def _open(spans: list[TimeSpan], at: dt.datetime) -> None:
    if not _running(spans):
        spans.append(TimeSpan(start=at))


def _close(spans: list[TimeSpan], at: dt.datetime) -> None:
    if _running(spans):
        spans[-1].end = max(at, spans[-1].start)


def meeting_running(meeting: Meeting) -> bool:
    return _running(meeting.clock)


def item_running(item: AgendaItem) -> bool:
    return _running(item.clock)


def current_item(meeting: Meeting) -> AgendaItem | None:
    """The item the facilitator is on: the saved one, else the first not done, else the first."""
    found = meeting.item(meeting.progress.item_id)
    if found is not None:
        return found
    for item in meeting.agenda:
        if item.state not in (ItemState.DONE, ItemState.SKIPPED):
            return item
    return meeting.agenda[0] if meeting.agenda else None


def planned_seconds(meeting: Meeting) -> float:
    """The meeting's planned length: end minus start time, else the sum of the timeboxes."""
    if meeting.start_time and meeting.end_time:
        day = dt.date(2000, 1, 1)
        span = dt.datetime.combine(day, meeting.end_time) - dt.datetime.combine(day, meeting.start_time)
        if span.total_seconds() > 0:
            return span.total_seconds()
    return sum(item.timebox_minutes for item in meeting.agenda) * 60.0


def _leave(item: AgendaItem, at: dt.datetime) -> None:
    _close(item.clock, at)
    if item.state in (ItemState.RUNNING, ItemState.PAUSED):
        item.state = ItemState.DONE if item.clock else ItemState.PLANNED


def _enter(meeting: Meeting, item: AgendaItem, at: dt.datetime) -> None:
    meeting.progress.item_id = item.id
    meeting.progress.speaker_id = ""
    if meeting_running(meeting):
        _open(item.clock, at)
        item.state = ItemState.RUNNING
    elif item.state in (ItemState.DONE, ItemState.SKIPPED) and item.clock:
        item.state = ItemState.PAUSED  # back on it during a pause: resuming resumes it


def go_to(meeting: Meeting, item_id: str, at: dt.datetime) -> None:
    """Make `item_id` the current item, leaving the current one."""
    target = meeting.item(item_id)
    if target is None:
        return
    current = current_item(meeting)
    if current is not None and current.id != target.id:
        _leave(current, at)
    elif current is not None and current.id == target.id and meeting.progress.item_id == target.id:
        return
    _enter(meeting, target, at)


def neighbour(meeting: Meeting, step: int) -> AgendaItem | None:
    current = current_item(meeting)
    if current is None:
        return None
    index = meeting.agenda.index(current) + step
    return meeting.agenda[index] if 0 <= index < len(meeting.agenda) else None


def next_item(meeting: Meeting, at: dt.datetime) -> bool:
    """Go to the next item; at the last one, end it. Returns False when there was no next item."""
    target = neighbour(meeting, +1)
    if target is None:
        current = current_item(meeting)
        if current is not None:
            _leave(current, at)
            meeting.progress.item_id = current.id
        return False
    go_to(meeting, target.id, at)
    return True


def previous_item(meeting: Meeting, at: dt.datetime) -> bool:
    target = neighbour(meeting, -1)
    if target is None:
        return False
    go_to(meeting, target.id, at)
    return True


def toggle(meeting: Meeting, at: dt.datetime) -> bool:
    """Pause the meeting (and the current item), or start/resume it. Returns True when it now runs."""
    current = current_item(meeting)
    if meeting_running(meeting):
        _close(meeting.clock, at)
        if current is not None and item_running(current):
            _close(current.clock, at)
            current.state = ItemState.PAUSED
        return False
    _open(meeting.clock, at)
    if current is not None:
        meeting.progress.item_id = current.id
        if current.state in (ItemState.PLANNED, ItemState.PAUSED, ItemState.RUNNING):
            _open(current.clock, at)
            current.state = ItemState.RUNNING
    return True


def skip(meeting: Meeting, at: dt.datetime) -> AgendaItem | None:
    """Carry the current item over to the next meeting (an open question says so) and move on."""
    current = current_item(meeting)
    if current is None:
        return None
    _close(current.clock, at)
    current.state = ItemState.SKIPPED
    if not any(q.item_id == current.id and q.text == current.title for q in meeting.open_questions):
        meeting.open_questions.append(OpenQuestion(text=current.title, item_id=current.id))
    target = neighbour(meeting, +1)
    if target is not None:
        _enter(meeting, target, at)
    return current


def pause_all(meeting: Meeting, at: dt.datetime) -> bool:
    """Stop every running clock (quitting). Returns True when something was running."""
    if meeting_running(meeting):
        toggle(meeting, at)
        return True
    return False


def end_meeting(meeting: Meeting, at: dt.datetime) -> None:
    """The meeting is over: the current item ends and the meeting clock stops."""
    current = current_item(meeting)
    if current is not None:
        _leave(current, at)
    _close(meeting.clock, at)


def private_running(meeting: Meeting) -> bool:
    return bool(meeting.private_parts) and meeting.private_parts[-1].span.end is None
