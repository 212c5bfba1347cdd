"""Edits of the meeting that touch several places at once. Pure: no Textual, no I/O.

Removing a participant or an agenda item must not leave a dangling id (the file would not load
again). What carries content (a contribution, an action carried, a step...) makes the removal refused,
with the reason; mere mentions (speaking order, supporters, invitees, recipients) are cleaned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Meeting


@dataclass
class References:
    """What refers to one participant or one item."""

    blocking: dict[str, int] = field(default_factory=dict)
    """Catalogue key of a kind of content -> how many (the removal is refused)."""
    cleaned: dict[str, int] = field(default_factory=dict)
    """Catalogue key of a kind of mention -> how many (cleaned on removal)."""

    def add(self, bucket: dict[str, int], key: str, count: int) -> None:
        if count:
            bucket[key] = bucket.get(key, 0) + count


def participant_references(meeting: Meeting, pid: str) -> References:
    refs = References()
    refs.add(refs.blocking, "ref.contributions", sum(c.speaker_id == pid for c in meeting.contributions))
    refs.add(refs.blocking, "ref.carried_actions", sum(a.carrier_id == pid for a in meeting.actions))
    refs.add(refs.blocking, "ref.steps", sum(s.carrier_id == pid for s in meeting.steps))
    refs.add(refs.blocking, "ref.picture", sum(p.voice_id == pid for p in meeting.picture))
    refs.add(refs.blocking, "ref.scales", sum(r.voice_id == pid for r in meeting.scales))
    refs.add(refs.cleaned, "ref.supported_actions", sum(pid in a.supporters for a in meeting.actions))
    refs.add(refs.cleaned, "ref.checked_actions", sum(a.checker_id == pid for a in meeting.actions))
    notes = [*meeting.contributions, *meeting.person_views, *meeting.steps, *meeting.picture, *meeting.disagreements]
    refs.add(refs.cleaned, "ref.recipients", sum(pid in n.visibility.recipients for n in notes))
    refs.add(refs.cleaned, "ref.disagreements", sum(pid in d.between for d in meeting.disagreements))
    refs.add(refs.cleaned, "ref.invitees", int(pid in meeting.next_meeting.invitees))
    refs.add(refs.cleaned, "ref.consent", sum(pid in d.participants for d in meeting.consent.domains))
    roles = [meeting.facilitator_id, meeting.minute_taker_id, meeting.support_person_id, meeting.reference_person_id]
    refs.add(refs.cleaned, "ref.roles", sum(r == pid for r in roles))
    refs.add(refs.cleaned, "ref.network", sum(m.participant_id == pid for m in meeting.network))
    return refs


def remove_participant(meeting: Meeting, pid: str) -> None:
    """Remove a participant and every mere mention of them. Call only when nothing blocks it."""
    meeting.participants = [p for p in meeting.participants if p.id != pid]
    meeting.speaking_order = [x for x in meeting.speaking_order if x != pid]
    for action in meeting.actions:
        action.supporters = [x for x in action.supporters if x != pid]
        if action.checker_id == pid:
            action.checker_id = ""
    notes = [*meeting.contributions, *meeting.person_views, *meeting.steps, *meeting.picture, *meeting.disagreements]
    for note in notes:
        note.visibility.recipients = [x for x in note.visibility.recipients if x != pid]
    for disagreement in meeting.disagreements:
        disagreement.between = [x for x in disagreement.between if x != pid]
    meeting.next_meeting.invitees = [x for x in meeting.next_meeting.invitees if x != pid]
    for consent in meeting.consent.domains:
        consent.participants = [x for x in consent.participants if x != pid]
    for name in ("facilitator_id", "minute_taker_id", "support_person_id", "reference_person_id"):
        if getattr(meeting, name) == pid:
            setattr(meeting, name, "")
    for member in meeting.network:
        if member.participant_id == pid:
            member.participant_id = ""
        member.visibility.recipients = [x for x in member.visibility.recipients if x != pid]
    remove_from_map(meeting, pid)
    if meeting.progress.speaker_id == pid:
        meeting.progress.speaker_id = ""


def remove_from_map(meeting: Meeting, who_id: str) -> None:
    """Take a participant or a member of the person's network off the network map (they are gone)."""
    meeting.network_map = [p for p in meeting.network_map if p.who_id != who_id]


def item_references(meeting: Meeting, item_id: str) -> References:
    refs = References()
    refs.add(refs.blocking, "ref.contributions", sum(c.item_id == item_id for c in meeting.contributions))
    refs.add(refs.blocking, "ref.person_views", sum(v.item_id == item_id for v in meeting.person_views))
    refs.add(refs.cleaned, "ref.item_actions", sum(a.item_id == item_id for a in meeting.actions))
    refs.add(refs.cleaned, "ref.item_notes", sum(
        n.item_id == item_id for n in [*meeting.steps, *meeting.picture, *meeting.scales, *meeting.disagreements,
                                       *meeting.open_questions]))
    item = meeting.item(item_id)
    refs.add(refs.blocking, "ref.item_time", int(bool(item and item.clock)))
    return refs


def remove_item(meeting: Meeting, item_id: str) -> None:
    """Remove an agenda item; actions and notes named on it stay, attached to the meeting in general."""
    meeting.agenda = [i for i in meeting.agenda if i.id != item_id]
    for note in [*meeting.actions, *meeting.steps, *meeting.picture, *meeting.scales, *meeting.disagreements,
                 *meeting.open_questions]:
        if note.item_id == item_id:
            note.item_id = ""
    if meeting.progress.item_id == item_id:
        meeting.progress.item_id = ""


def move(items: list, index: int, step: int) -> int:
    """Move items[index] by `step` places (in place); returns its new index."""
    target = index + step
    if not (0 <= index < len(items)) or not (0 <= target < len(items)):
        return index
    items[index], items[target] = items[target], items[index]
    return target


def move_speaker(meeting: Meeting, pid: str, step: int) -> None:
    """Move a participant in the speaking order (the order is written out in full from the round table)."""
    order = [p.id for p in meeting.round_table()]
    # keep those who are not in the round table now (absent...) at their place in the saved order
    rest = [x for x in meeting.speaking_order if x not in order]
    if pid in order:
        move(order, order.index(pid), step)
    meeting.speaking_order = order + rest
