"""What every section of an edition needs at hand: the meeting, the reader, the writer, the words."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..config import DataProtection
from ..i18n import colon, label, t
from ..model import ActionStatus, Meeting, Participant, VisibilityKind
from ..model.checks import carrier_name, is_collective
from .spans import Span, bold, muted, restricted
from .text import language, locale, long_date, names, short_date, time_of_day

if TYPE_CHECKING:  # the docx writer: imported only while a document is written (not by the letter's check)
    from .docx_helpers import Writer


@dataclass
class Context:
    meeting: Meeting
    """The meeting as this copy's reader may see it (`reader.visible_meeting`)."""
    writer: Writer
    copy_for: list[str] = field(default_factory=list)
    """Participant ids of who receives this personal copy; empty for the common edition and the letter."""
    holds_back: bool = False
    """Some records are left out of this copy (restricted, or beyond the person's consent)."""
    protection: DataProtection = field(default_factory=DataProtection)
    """The organisation's data-protection details (its settings)."""
    readers: list[str] = field(default_factory=list)
    """Participant ids of everyone who receives this professional copy (the common one included)."""
    overridden: frozenset[str] = frozenset()
    """Ids of records this copy carries beyond the person's consent (an override at issue)."""
    override_reason: str = ""
    """The reason the facilitator gave for the override, written beside each such record."""
    issued: bool = False
    """This copy is being issued (sent): it carries the issue's status and none of the remarks that
    only help the facilitator finish a draft (« un seul porteur à désigner »)."""
    withheld: frozenset[str] = frozenset()
    """Ids of the actions this copy only says exist (their detail is kept out): the coordination of this
    copy does not count them."""
    _names: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    """Participant id -> name, looked up once each (`Meeting.name_of` walks the participants)."""

    @cached_property
    def lang(self) -> str:
        return language(self.meeting)

    @cached_property
    def loc(self) -> str:
        return locale(self.meeting)

    @property
    def colon(self) -> str:
        """' : ' in French, ': ' in English."""
        return colon(self.lang)

    def s(self, key: str, **params: object) -> str:
        """A sentence of the minute's catalogue."""
        return t(f"minute.{key}", self.lang, **params)

    def label(self, value) -> str:
        return label(value, self.lang)

    # -- people ----------------------------------------------------------------------------------

    @property
    def person(self) -> Participant | None:
        return self.meeting.person

    @property
    def person_label(self) -> str:
        """How the minute names the person: as they wish to be addressed, else by name."""
        person = self.person
        if person is None:
            return self.s("common.the_person")
        return person.addressed_as.strip() or person.name

    def name(self, participant_id: str) -> str:
        found = self._names.get(participant_id)
        if found is None:
            found = self._names[participant_id] = self.meeting.name_of(participant_id)
        return found

    def names(self, participant_ids: list[str]) -> str:
        return names([self.name(p) for p in participant_ids], self.loc)

    def affiliation(self, participant: Participant) -> str:
        """'Organisation, role' for a professional, the link for the person's network."""
        return ", ".join(part for part in (participant.organisation, participant.role) if part.strip())

    def carrier(self, action) -> tuple[Span | str, ...]:
        """The action's carrier (one line), flagged when missing or collective."""
        who = carrier_name(self.meeting, action).strip()
        if not who:
            return ("—",) if self.issued else (muted(self.s("common.to_name")),)
        if is_collective(who) and action.status not in (ActionStatus.DONE, ActionStatus.DROPPED) and not self.issued:
            return (who, muted(" " + self.s("common.collective_carrier")))
        return (who,)

    def restricted_mark(self, note) -> tuple[Span, ...]:
        """After a record: who it is for when restricted, so that it is not passed on; and, when it goes
        beyond the person's consent by an override, that it does and why, where the reader reads it."""
        marks: list[Span] = []
        visibility = getattr(note, "visibility", None)
        if visibility is not None and visibility.kind is VisibilityKind.RESTRICTED:
            marks.append(restricted(" " + self.s("common.restricted", names=self.names(visibility.recipients))))
        if note.id in self.overridden:
            marks.append(bold(" " + self.s("common.override", person=self.person_label,
                                           reason=self.override_reason.strip().rstrip("."))))
        return tuple(marks)

    # -- dates -----------------------------------------------------------------------------------

    def long_date(self, day) -> str:
        return long_date(day, self.loc)

    def short_date(self, day) -> str:
        return short_date(day, self.loc)

    def time(self, moment) -> str:
        return time_of_day(moment, self.loc)
