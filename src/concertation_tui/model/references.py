"""Which field of which record refers to which collection of the meeting: declared once, in REFERENCES.

Every part of the file names participants and agenda items by opaque id. Three things follow from the
declaration below and nothing else: the validator (a file whose id names nothing is damaged and is
refused, naming the field), the counts shown before a removal (« 3 apports au tour de table… ») and the
removal itself (what carries content refuses it; mere mentions are cleaned). A new field that names a
participant or an item is added here, once.

Pure: no I/O, no Textual. Reads attributes by name so that it needs no import of the record classes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .meeting import Meeting

PARTICIPANT = "participant"
ITEM = "item"
Target = Literal["participant", "item"]

COLLECTIONS: dict[str, str] = {PARTICIPANT: "participants", ITEM: "agenda"}
"""The collection of the meeting each kind of target lives in."""


@dataclass(frozen=True)
class Reference:
    """One field that holds the id (or ids) of a participant or an agenda item."""

    holders: str
    """Dotted path from the meeting to the records that hold the field ('' is the meeting itself); every
    list met on the way is walked, an empty optional part skipped."""
    field: str
    """Dotted path from a holder to the id (a string, '' for none) or the list of ids."""
    target: Target
    """What the id names."""
    key: str | None
    """Catalogue key (under 'tui.') of the sentence counting it before a removal; None: not counted."""
    blocks: bool = False
    """The record carries content about the target: removing the target is refused while it exists."""
    stale_is_damage: bool = True
    """A file naming nothing here is refused; False: the id is cleared on load (where the facilitator
    was, which no removal ever kept in step in older versions)."""

    @property
    def name(self) -> str:
        return ".".join(part for part in (self.holders, self.field) if part)


def _refs(target: Target, key: str | None, holders: str, *fields: str, blocks: bool = False) -> list[Reference]:
    return [Reference(holders, f, target, key, blocks) for f in fields]


_P, _I = PARTICIPANT, ITEM
_NOTES_WITH_VISIBILITY = ("contributions", "person_views", "steps", "picture", "disagreements", "network")
_RECORDS_ON_AN_ITEM_KEPT = ("steps", "picture", "scales", "disagreements", "open_questions")

REFERENCES: tuple[Reference, ...] = (
    # content said or carried by a participant: the removal is refused
    *_refs(_P, "ref.contributions", "contributions", "speaker_id", blocks=True),
    *_refs(_P, "ref.carried_actions", "actions", "carrier_id", blocks=True),
    *_refs(_P, "ref.steps", "steps", "carrier_id", blocks=True),
    *_refs(_P, "ref.picture", "picture", "voice_id", blocks=True),
    *_refs(_P, "ref.scales", "scales", "voice_id", blocks=True),
    *_refs(_P, "ref.disagreements", "disagreements.positions", "participant_id", blocks=True),
    *_refs(_P, "ref.issued_copies", "distribution.issues.recipients", "participant_id", blocks=True),
    *_refs(_P, "ref.issued_copies", "distribution.issues.consent_overrides", "recipient_id", blocks=True),
    # mere mentions of a participant: cleaned on removal
    *_refs(_P, "ref.supported_actions", "actions", "supporters"),
    *_refs(_P, "ref.checked_actions", "actions", "checker_id"),
    *[ref for holders in _NOTES_WITH_VISIBILITY for ref in _refs(_P, "ref.recipients", holders, "visibility.recipients")],
    *_refs(_P, "ref.disagreements", "disagreements", "between"),
    *_refs(_P, "ref.invitees", "next_meeting", "invitees"),
    *_refs(_P, "ref.consent", "consent.domains", "participants"),
    *_refs(_P, "ref.minute_readers", "consent", "minute_readers", "minute_decided_by"),
    *_refs(_P, "ref.roles", "", "facilitator_id", "minute_taker_id", "support_person_id", "reference_person_id"),
    *_refs(_P, None, "", "speaking_order"),
    *_refs(_P, "ref.network", "network", "participant_id"),
    # content said on an agenda item: the removal is refused
    *_refs(_I, "ref.contributions", "contributions", "item_id", blocks=True),
    *_refs(_I, "ref.person_views", "person_views", "item_id", blocks=True),
    # records named on an item that stay, attached to the meeting in general
    *_refs(_I, "ref.item_actions", "actions", "item_id"),
    *_refs(_I, None, "participants", "written_item_ids"),  # where a written contribution is read out
    *[ref for holders in _RECORDS_ON_AN_ITEM_KEPT for ref in _refs(_I, "ref.item_notes", holders, "item_id")],
    # where the facilitator was
    Reference("progress", "speaker_id", _P, None, stale_is_damage=False),
    Reference("progress", "item_id", _I, None, stale_is_damage=False),
)


def _walk(root: Any, path: str, where: tuple[str, ...] = ()) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """The objects at `path` under `root`, each with its place ('steps n° 2'), lists walked."""
    if not path:
        yield root, where
        return
    head, _, rest = path.partition(".")
    value = getattr(root, head)
    if value is None:
        return
    if isinstance(value, list):
        for number, element in enumerate(value, start=1):
            yield from _walk(element, rest, (*where, f"{head} n° {number}"))
    else:
        yield from _walk(value, rest, (*where, head))


def _fields(meeting: Meeting, ref: Reference) -> Iterator[tuple[Any, str, list[str], tuple[str, ...]]]:
    """(owner object, attribute, ids held, place) for every occurrence of the reference."""
    parent_path, _, attribute = ref.field.rpartition(".")
    for holder, where in _walk(meeting, ref.holders):
        for owner, place in _walk(holder, parent_path, where):
            value = getattr(owner, attribute)
            ids = [value] if isinstance(value, str) else list(value or [])
            yield owner, attribute, [x for x in ids if x], (*place, attribute)


def known_ids(meeting: Meeting, target: Target) -> set[str]:
    return {record.id for record in getattr(meeting, COLLECTIONS[target])}


def _held(meeting: Meeting, ref: Reference) -> Iterator[str]:
    """Every id the reference holds, fast (no places): every load and every save checks them all."""
    *path, attribute = [part for part in (*ref.holders.split("."), *ref.field.split(".")) if part]
    owners: list[Any] = [meeting]
    for part in path:
        found: list[Any] = []
        for owner in owners:
            value = getattr(owner, part)
            if isinstance(value, list):
                found.extend(value)
            elif value is not None:
                found.append(value)
        owners = found
    for owner in owners:
        value = getattr(owner, attribute)
        if isinstance(value, str):
            if value:
                yield value
        elif value:
            yield from value


def dangling(meeting: Meeting) -> list[tuple[str, Target]]:
    """Where the meeting names an id that exists nowhere ('steps n° 1 › visibility › recipients') and what
    it should have named, for the references whose staleness is damage."""
    known = {target: known_ids(meeting, target) for target in COLLECTIONS}
    suspect = [ref for ref in REFERENCES if ref.stale_is_damage
               and any(x not in known[ref.target] for x in _held(meeting, ref))]
    found = []
    for ref in suspect:  # rare: the places are worked out only for what is damaged
        if ref.stale_is_damage:
            for _owner, _attribute, ids, place in _fields(meeting, ref):
                if any(x not in known[ref.target] for x in ids):
                    found.append((" › ".join(place), ref.target))
    return found


def clear_stale(meeting: Meeting) -> None:
    """Clear the references whose staleness is harmless (where the facilitator was) when they name nothing."""
    known = {target: known_ids(meeting, target) for target in COLLECTIONS}
    for ref in REFERENCES:
        if not ref.stale_is_damage and any(x not in known[ref.target] for x in _held(meeting, ref)):
            for owner, attribute, ids, _place in _fields(meeting, ref):
                if any(x not in known[ref.target] for x in ids):
                    _forget(owner, attribute, set(ids) - known[ref.target])


def _forget(owner: Any, attribute: str, ids: set[str]) -> None:
    value = getattr(owner, attribute)
    if isinstance(value, str):
        if value in ids:
            setattr(owner, attribute, "")
    elif value is not None:
        setattr(owner, attribute, [x for x in value if x not in ids])


@dataclass
class Mentions:
    """What refers to one participant or one item, counted by catalogue key."""

    blocking: dict[str, int] = field(default_factory=dict)
    """Kinds of content naming it -> how many records (the removal is refused)."""
    cleaned: dict[str, int] = field(default_factory=dict)
    """Kinds of mere mention -> how many records (cleaned on removal)."""

    def add(self, blocking: bool, key: str, count: int) -> None:
        bucket = self.blocking if blocking else self.cleaned
        if count:
            bucket[key] = bucket.get(key, 0) + count


def mentions(meeting: Meeting, target: Target, target_id: str) -> Mentions:
    """How many records name `target_id`, by kind, split into what refuses its removal and what is cleaned."""
    found = Mentions()
    for ref in REFERENCES:
        if ref.target == target and ref.key is not None:
            count = sum(target_id in ids for _owner, _attribute, ids, _place in _fields(meeting, ref))
            found.add(ref.blocks, ref.key, count)
    return found


def remove_target(meeting: Meeting, target: Target, target_id: str) -> None:
    """Remove a participant or an agenda item and every mere mention of it.

    Refused (ValueError) while a record that blocks names it (see `mentions`): clearing a speaker or a
    carrier would leave words nobody said."""
    if mentions(meeting, target, target_id).blocking:
        raise ValueError(f"the {target} is still named by records that carry content")
    collection = COLLECTIONS[target]
    setattr(meeting, collection, [record for record in getattr(meeting, collection) if record.id != target_id])
    if target == PARTICIPANT:
        # A place on the network map names a participant or a member of the person's network (the
        # validator checks it against both, so it cannot be declared above): it goes with its participant.
        meeting.network_map = [place for place in meeting.network_map if place.who_id != target_id]
    for ref in REFERENCES:
        if ref.target == target and not ref.blocks:
            for owner, attribute, ids, _place in _fields(meeting, ref):
                if target_id in ids:
                    _forget(owner, attribute, {target_id})
