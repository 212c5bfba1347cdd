"""Named operations on a meeting: every change the interface makes, as a plain function.

Each takes the `Meeting` first and changes it in place; the interface calls them through
`app.change(ops.name, ...)`, which saves afterwards. No Textual, no I/O: each has its unit tests in
tests/test_ops.py. An operation never leaves an id that names nothing (model/references.py).
"""

from __future__ import annotations

from .meeting import Meeting
from .references import ITEM, PARTICIPANT, Mentions, mentions, remove_target

RECORD_COLLECTIONS = ("network", "contributions", "person_views", "steps", "picture", "scales", "disagreements",
                      "open_questions", "actions")
"""The collections of records nothing else refers to: removing one never leaves a dangling id."""


# -- removals ---------------------------------------------------------------------------------------


def participant_mentions(meeting: Meeting, pid: str) -> Mentions:
    """What names the participant: what refuses their removal, what would be cleaned."""
    return mentions(meeting, PARTICIPANT, pid)


def remove_participant(meeting: Meeting, pid: str) -> None:
    """Remove a participant and every mere mention of them. Call only when nothing blocks it."""
    remove_target(meeting, PARTICIPANT, pid)


def item_mentions(meeting: Meeting, item_id: str) -> Mentions:
    """What names the agenda item: what refuses its removal, what would be cleaned."""
    refs = mentions(meeting, ITEM, item_id)
    item = meeting.item(item_id)
    # not a reference, but the item was discussed: the minute's timings would lose its time
    refs.add(True, "ref.item_time", int(bool(item and item.clock)))
    return refs


def remove_item(meeting: Meeting, item_id: str) -> None:
    """Remove an agenda item; actions and notes named on it stay, attached to the meeting in general."""
    remove_target(meeting, ITEM, item_id)


def remove_record(meeting: Meeting, collection: str, record_id: str) -> None:
    """Remove one record (a contribution, a step, an action…) by id from its collection."""
    if collection not in RECORD_COLLECTIONS:
        raise ValueError(f"{collection} is not a collection of records (participants and items have their own)")
    setattr(meeting, collection, [r for r in getattr(meeting, collection) if r.id != record_id])


# -- order ------------------------------------------------------------------------------------------


def _move(records: list, index: int, step: int) -> None:
    """Move records[index] by `step` places, in place; nothing moves past either end."""
    target = index + step
    if 0 <= index < len(records) and 0 <= target < len(records):
        records[index], records[target] = records[target], records[index]


def _index(records: list, record_id: str) -> int:
    return next((n for n, record in enumerate(records) if record.id == record_id), -1)


def move_item(meeting: Meeting, item_id: str, step: int) -> None:
    """Move an agenda item up (step < 0) or down the agenda."""
    _move(meeting.agenda, _index(meeting.agenda, item_id), step)


def move_network_member(meeting: Meeting, member_id: str, step: int) -> None:
    """Move someone of the person's network up or down the list."""
    _move(meeting.network, _index(meeting.network, member_id), step)


def move_speaker(meeting: Meeting, pid: str, step: int) -> None:
    """Move a participant in the speaking order (the order is written out in full from the round table)."""
    order = [p.id for p in meeting.round_table()]
    # keep those who are not in the round table now (absent...) at their place in the saved order
    rest = [x for x in meeting.speaking_order if x not in order]
    if pid in order:
        _move(order, order.index(pid), step)
    meeting.speaking_order = order + rest
