"""The kinds of record written about the person, declared once: where each lives, how it is edited, the
words that stand for it, how the person's consent sees it, and what a copy that may not carry it keeps.

The rereading, the shared picture, the notes (tui/screens/notes.py), the consent (`sharing.notes`) and
the redaction of each copy (`minute/reader.visible_meeting`) look a kind up here instead of switching on
it: a new kind of record is one entry below (and its form in the interface's `notes.FORMS`; a test
names a kind missing from either). Pure: no Textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import t
from .enums import Domain
from .meeting import Action, Meeting, Visibility

WRITTEN = Visibility.model_construct()
"""The visibility of records that have none of their own (scales, open questions): in the minute.
(Made from the defaults without validating: `Visibility()` here built its own validator at import,
about 25 ms of every command's start-up.)"""


@dataclass(frozen=True)
class Note:
    """Any record written about the person, seen the same way by the consent."""

    kind: str
    """A `RecordKind.name`, or 'review' (an action carried from the previous meeting)."""
    id: str
    text: str
    domains: tuple[Domain, ...]
    """The record's own life domains, else those of the agenda item it was said on."""
    visibility: Visibility
    item_id: str = ""
    author_id: str = ""
    concerned: tuple[str, ...] = ()
    """For an action: who carries, helps or checks it. The consent decides for them as for anyone: when it
    keeps the action from one of them, that is a consent conflict named before the minute goes out."""


@dataclass(frozen=True)
class Seen:
    """What a record's note needs from its meeting beyond the record: each item's domains, the person."""

    item_domains: dict[str, tuple[Domain, ...]]
    person_id: str

    @classmethod
    def of(cls, meeting: Meeting) -> Seen:
        person = meeting.person
        return cls({item.id: tuple(item.domains) for item in meeting.agenda}, person.id if person else "")

    def domains(self, own: Iterable[Domain], item_id: str) -> tuple[Domain, ...]:
        # A record without domains of its own belongs to its item's: the forms default to them, and an
        # older record must not escape the consent because nobody ticked a box.
        return tuple(own) or self.item_domains.get(item_id, ())


@dataclass(frozen=True)
class RecordKind:
    name: str
    """As `Note.kind` and the rereading's entries name it."""
    collection: str
    """The meeting's list that holds it."""
    operation: str
    """The name of the named operation that writes a form's values into one (`ops.edit_*`), found by
    `edit`: the consent and the minute read the kinds, and must not import every operation for it."""
    words: Callable[[Meeting, Any], str]
    """The words that stand for one, in a removal question."""
    note: Callable[[Any, Seen], Note]
    """How the person's consent and each copy see one."""
    withheld: Callable[[Any, str], Any] | None = None
    """What a copy that may not carry one keeps of it, in a language (None: nothing, it is left out)."""
    person_words: str = ""
    """The field holding the person's own words, when it may ('' for none)."""
    has_visibility: bool = True
    """It has readers of its own (visibility); else it is in the minute as the meeting is."""

    @property
    def edit(self) -> Callable[..., Any]:
        """The named operation that writes a form's values into one."""
        from . import ops

        return getattr(ops, self.operation)


def _joined(*parts: str) -> str:
    return " ".join(x for x in parts if x.strip())


def _action_note(a: Action, seen: Seen) -> Note:
    carried = a.carried_from is not None
    words = a.change_for_person if carried else a.person_words
    return Note("review" if carried else "action", a.id, _joined(a.what, words), seen.domains(a.domains, a.item_id),
                WRITTEN, a.item_id, a.carrier_id, tuple(p for p in (a.carrier_id, *a.supporters, a.checker_id) if p))


def _action_withheld(a: Action, lang: str) -> Action:
    # An action kept out still says it exists (its carrier and due date): the reader may have to act around it.
    return a.model_copy(update={
        "what": t("minute.common.withheld", lang), "person_words": "", "person_wording": "", "change_for_person": "",
        "status_reason": "", "supporters": [], "checker_id": "", "domains": [], "history": [],
    })


def _member_withheld(member: Any, lang: str) -> Any:
    # A copy that may not name someone of the person's network says « une personne proche », in its text
    # and in the picture of the network.
    return member.model_copy(update={"name": t("minute.map.someone", lang), "link": "", "participant_id": ""})


KINDS: dict[str, RecordKind] = {kind.name: kind for kind in (
    # in the order of the minute's sections (the consent lists the records kept out in this order)
    RecordKind("contribution", "contributions", "edit_contribution", lambda m, r: r.text,
               lambda c, s: Note("contribution", c.id, c.text, s.domains(c.domains, c.item_id), c.visibility,
                                 c.item_id, c.speaker_id)),
    RecordKind("person_view", "person_views", "edit_view", lambda m, r: r.text,
               lambda v, s: Note("person_view", v.id, v.text, s.domains(v.domains, v.item_id), v.visibility,
                                 v.item_id, s.person_id),
               person_words="text"),
    RecordKind("step", "steps", "edit_step", lambda m, r: r.what,
               lambda x, s: Note("step", x.id, x.what, (x.domain,), x.visibility, x.item_id, x.carrier_id)),
    RecordKind("picture", "picture", "edit_picture_line", lambda m, r: r.text,
               lambda p, s: Note("picture", p.id, p.text, s.domains(p.domains, p.item_id), p.visibility,
                                 p.item_id, p.voice_id)),
    RecordKind("disagreement", "disagreements", "edit_disagreement", lambda m, r: r.about,
               lambda d, s: Note("disagreement", d.id, _joined(d.about, d.resolution), s.domains(d.domains, d.item_id),
                                 d.visibility, d.item_id)),
    RecordKind("scale", "scales", "edit_scale",
               lambda m, r: _joined(m.name_of(r.voice_id), f"{r.value}/10", r.comment),
               lambda r, s: Note("scale", r.id, r.comment, s.domains(r.domains, r.item_id), WRITTEN, r.item_id,
                                 r.voice_id),
               person_words="comment", has_visibility=False),
    RecordKind("question", "open_questions", "edit_question", lambda m, r: r.text,
               lambda q, s: Note("question", q.id, q.text, s.domains(q.domains, q.item_id), WRITTEN, q.item_id),
               has_visibility=False),
    RecordKind("action", "actions", "edit_action", lambda m, r: r.what, _action_note, _action_withheld,
               person_words="person_words", has_visibility=False),
    # a member of the person's network, named or not in each copy (the network map and its list)
    RecordKind("member", "network", "set_network_member", lambda m, r: r.name,
               lambda n, s: Note("member", n.id, n.name, (), n.visibility), _member_withheld),
)}


def find(meeting: Any, kind: str, record_id: str) -> Any:
    """The record of `kind` with that id, or None."""
    return next((r for r in getattr(meeting, KINDS[kind].collection) if r.id == record_id), None)
