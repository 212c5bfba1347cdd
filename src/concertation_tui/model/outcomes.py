"""What came of each agenda item and of the meeting: the minute's decision record. No I/O here.

The facilitator may set an item's outcome where it is closed; when they did not, it is derived from
what the record holds, so that every item (and every question carried from the previous meeting, which
becomes an item) has one: an item never started was not reached, one left paused is to continue, one
that ends with a new action or a settled disagreement was decided, any other finished one discussed.
A derived outcome is a proposal: never « decided » while a disagreement on the item is open or the person
disagrees with one of its actions or wants time on it. The minute states only the outcomes the facilitator
confirmed (`confirmed`): a proposal nobody confirmed is not a result.
"""

from __future__ import annotations

from .enums import Agreement, ItemOutcome, ItemState, Phase
from .meeting import AgendaItem, Meeting

CARRIED_AGAIN = (ItemOutcome.TO_CONTINUE, ItemOutcome.NOT_REACHED)
"""Outcomes that take a carried question to the next meeting again."""


def outcome(meeting: Meeting, item: AgendaItem) -> ItemOutcome:
    """The item's outcome: the facilitator's, else derived (see the module's docstring)."""
    if item.outcome is not None:
        return item.outcome
    if item.state is ItemState.SKIPPED or (item.state is ItemState.PLANNED and not item.clock):
        return ItemOutcome.NOT_REACHED
    if item.state in (ItemState.PAUSED, ItemState.RUNNING, ItemState.PLANNED):
        return ItemOutcome.TO_CONTINUE
    actions = [a for a in meeting.actions if a.item_id == item.id and a.carried_from is None]
    decided = bool(actions) or any(d.item_id == item.id and d.settled for d in meeting.disagreements)
    still_open = any(d.item_id == item.id and not d.settled for d in meeting.disagreements) or any(
        a.agreement in (Agreement.DISAGREES, Agreement.WANTS_TIME) for a in actions)
    return ItemOutcome.DECIDED if decided and not still_open else ItemOutcome.DISCUSSED


def confirmed(item: AgendaItem) -> bool:
    """Whether the item's outcome is the facilitator's (a derived one is only proposed)."""
    return item.outcome is not None


def stated_outcome(meeting: Meeting, item: AgendaItem) -> ItemOutcome | None:
    """The outcome a minute may state as fact: the facilitator's, or « not reached » for an item never
    opened (the timers say so); None for a proposal nobody confirmed."""
    if item.outcome is not None:
        return item.outcome
    found = outcome(meeting, item)
    return found if found is ItemOutcome.NOT_REACHED else None


def left_paused(item: AgendaItem) -> bool:
    """Started, then stopped before it was finished (its timer paused, or still running)."""
    return item.state in (ItemState.PAUSED, ItemState.RUNNING) and bool(item.clock)


def is_finished(meeting: Meeting) -> bool:
    """Whether the meeting was brought to its end: its clock stopped, no item running, and no item left
    paused unless the facilitator said what comes of it or the meeting reached its closing step."""
    if meeting.clock and meeting.clock[-1].end is None:
        return False
    if any(item.state is ItemState.RUNNING for item in meeting.agenda):
        return False
    paused = [item for item in meeting.agenda if item.state is ItemState.PAUSED and item.outcome is None]
    return not paused or meeting.progress.phase is Phase.CLOSE
