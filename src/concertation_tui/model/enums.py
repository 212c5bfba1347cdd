"""The closed lists of the meeting record: kinds, states, domains.

Values are English identifiers stored in the meeting file; their French and English labels live in
`concertation_tui.i18n` so that a file never depends on the interface language.
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """Language of the interface and of the minute."""

    FR = "fr"
    EN = "en"
    NL = "nl"  # Dutch as written in Brussels and Flanders (nl_BE)


class ParticipantKind(StrEnum):
    """Who a participant is for the meeting."""

    PERSON = "person"  # the person the meeting is about and with
    PARTNER = "partner"  # a professional of a service
    NETWORK = "network"  # someone from the person's own network (family, neighbour...)
    FACILITATOR = "facilitator"


class Attendance(StrEnum):
    INVITED = "invited"  # not yet known: the default before the opening
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class ConsentStatus(StrEnum):
    NOT_ASKED = "not_asked"
    GIVEN = "given"
    REFUSED = "refused"
    PARTIAL = "partial"


class DomainSharing(StrEnum):
    """For a partial consent: how far the person lets one life domain be shared."""

    ALL = "all"  # with every participant
    NAMED = "named"  # only with the participants named
    NONE = "none"  # not shared


class VisibilityKind(StrEnum):
    MINUTE = "minute"  # written in every edition that has the section
    ORAL_ONLY = "oral_only"  # said in the room, never written anywhere
    RESTRICTED = "restricted"  # written only in the copies of the named recipients


class Domain(StrEnum):
    """Life domains (domaines de vie)."""

    HOUSING = "housing"
    HEALTH = "health"
    MENTAL_HEALTH = "mental_health"
    INCOME_DEBTS = "income_debts"
    WORK_TRAINING = "work_training"
    FAMILY_CHILDREN = "family_children"
    JUSTICE = "justice"
    ADMINISTRATION = "administration"
    SCHOOLING = "schooling"
    MOBILITY = "mobility"
    SOCIAL_TIES = "social_ties"
    OTHER = "other"


class ItemState(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"  # the timer is counting
    PAUSED = "paused"  # started, timer stopped
    DONE = "done"
    SKIPPED = "skipped"


class ItemOutcome(StrEnum):
    """What came of an agenda item, as the minute records it (a decision record)."""

    DECIDED = "decided"
    DISCUSSED = "discussed"  # treated, with nothing to decide (a round of views, an update)
    TO_CONTINUE = "to_continue"  # taken up again at the next meeting
    NOT_REACHED = "not_reached"


class Agreement(StrEnum):
    """The person's agreement with an action."""

    NOT_ASKED = "not_asked"
    AGREES = "agrees"
    DISAGREES = "disagrees"
    WANTS_TIME = "wants_time"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    DROPPED = "dropped"  # needs a reason


class StepStatus(StrEnum):
    """A step in progress (démarche en cours) of a partner, the person or their network."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    WAITING = "waiting"  # waiting for an answer (a file submitted...)
    DONE = "done"
    STOPPED = "stopped"
    TO_UPDATE = "to_update"  # carried from a previous meeting, not yet confirmed


class PictureKind(StrEnum):
    """The three columns of the shared picture."""

    WORKING = "working"  # what is working
    WORRIES = "worries"  # what worries us
    NEEDS = "needs"  # what needs to happen


class ViewAspect(StrEnum):
    """What part of the person's view a statement belongs to."""

    GENERAL = "general"
    GOING_WELL = "going_well"
    WORRIES = "worries"
    WANTS = "wants"
    IDEAS = "ideas"


class Nature(StrEnum):
    """Whether a contribution states facts or an assessment (the minute keeps them apart)."""

    FACT = "fact"
    ASSESSMENT = "assessment"
    PROPOSAL = "proposal"


class Phase(StrEnum):
    """The phases of the meeting flow, in their default order (the facilitator may move freely)."""

    PREPARE = "prepare"
    OPEN = "open"
    LIVE = "live"
    ACTIONS = "actions"
    CLOSE = "close"


class Edition(StrEnum):
    PROFESSIONAL = "professional"
    PERSON = "person"


class SeriesEnd(StrEnum):
    """Why a series of meetings around the person stops."""

    GOALS_REACHED = "goals_reached"
    PERSON_DECLINES = "person_declines"
    OTHER_FRAME = "other_frame"
    OTHER = "other"
