"""One order for every list of people: the person first, then the speaking order.

A facilitator who has the round table in mind finds each person at the same place in every list
(the speaker, an action's carrier, the readers of a note...): picking the wrong carrier because the
facilitator was last in one list and fourth in another is what this prevents.
"""

from __future__ import annotations

from .enums import ParticipantKind
from .meeting import Meeting, Participant

_KIND_RANK = {ParticipantKind.PERSON: 0, ParticipantKind.NETWORK: 1, ParticipantKind.PARTNER: 2,
              ParticipantKind.FACILITATOR: 3}


def everyone_in_order(meeting: Meeting) -> list[Participant]:
    """Every participant, present or not: the person first, then the saved speaking order, then
    whoever it does not name in the round table's default order (network, partners, facilitator).

    The same rule as `Meeting.round_table()` (kind, then the saved order), applied to everyone, so
    the speakers keep the round's order and the excused or absent stay at their place in it."""
    by_kind = sorted(meeting.participants, key=lambda p: _KIND_RANK.get(p.kind, len(_KIND_RANK)))
    saved = {pid: n for n, pid in enumerate(meeting.speaking_order)}
    ordered = sorted(by_kind, key=lambda p: saved.get(p.id, len(saved)))  # sorted() is stable
    return sorted(ordered, key=lambda p: p.kind is not ParticipantKind.PERSON)


def invitees_in_order(meeting: Meeting) -> list[str]:
    """The ids of those invited to the next meeting in the order of every list of people, not in the
    order they were ticked (an id no participant has any more follows, as it was saved)."""
    invited = set(meeting.next_meeting.invitees)
    known = [p.id for p in everyone_in_order(meeting) if p.id in invited]
    return known + [pid for pid in meeting.next_meeting.invitees if pid not in known]
