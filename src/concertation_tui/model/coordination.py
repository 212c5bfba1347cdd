"""The coordination view: life domains against who acts in them, and what the group should look at.

Pure: computed from one meeting. The interface draws it, the minute prints it, and
`concertation coordination FILE` shows it as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..i18n import label, t
from .enums import ActionStatus, Agreement, Domain, ParticipantKind, PictureKind, StepStatus
from .meeting import Action, Meeting, Step

ACTIVE_STEPS = (StepStatus.PLANNED, StepStatus.ONGOING, StepStatus.WAITING, StepStatus.TO_UPDATE)
OPEN_ACTIONS = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE)
SERVICES = (ParticipantKind.PARTNER, ParticipantKind.FACILITATOR)
MANY_ACTIONS = 4
"""From this many open actions, one carrier is flagged as holding many."""


class FlagKind(StrEnum):
    CHECK_TOGETHER = "check_together"  # two or more services act in one domain
    GAP = "gap"  # a worry named, nobody acts
    NOT_AGREED = "not_agreed"  # the person or their network carries an action they have not agreed to
    OVERLOADED = "overloaded"  # one carrier holds many open actions
    NO_DOMAIN = "no_domain"  # open actions with no life domain: the grid cannot place them


SYMBOLS = {FlagKind.CHECK_TOGETHER: "⇄", FlagKind.GAP: "∅", FlagKind.NOT_AGREED: "✋", FlagKind.OVERLOADED: "⚖",
           FlagKind.NO_DOMAIN: "?"}
SETTLED = "✓"
"""Beside a flag a settled disagreement answers: it stays listed, marked settled, with how."""


@dataclass
class Cell:
    """What one participant does in one domain."""

    steps: list[Step] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    domain: Domain | None = None
    participant_ids: tuple[str, ...] = ()
    step_ids: tuple[str, ...] = ()
    action_ids: tuple[str, ...] = ()
    settled_by: str = ""
    """Id of the settled disagreement that answers this flag (same domain, the same services), if any."""

    @property
    def symbol(self) -> str:
        return SETTLED if self.settled_by else SYMBOLS[self.kind]

    def sentence(self, meeting: Meeting, lang: str | None = None) -> str:
        names = ", ".join(meeting.name_of(pid) for pid in self.participant_ids)
        domain = label(self.domain, lang) if self.domain else ""
        said = t(f"coordination.{self.kind.value}", lang, domain=domain, names=names, count=len(self.action_ids))
        if self.settled_by:
            settled = next((d for d in meeting.disagreements if d.id == self.settled_by), None)
            how = settled.resolution.strip() or settled.about.strip() if settled else ""
            said = t("coordination.settled", lang, domain=domain, names=names, how=how)
        return said


def _settling(meeting: Meeting, domain: Domain, services: list[str]) -> str:
    """The settled disagreement on `domain` between (at least) these services, if one was recorded."""
    for d in meeting.disagreements:
        if d.settled and domain in d.domains and set(services) <= set(d.between):
            return d.id
    return ""


def _action_domains(action: Action) -> list[Domain]:
    return action.domains or [Domain.OTHER]


def grid(meeting: Meeting) -> dict[Domain, dict[str, Cell]]:
    """Domain -> participant id -> their active steps and open actions, in the order of Domain."""
    table: dict[Domain, dict[str, Cell]] = {}
    for step in meeting.steps:
        if step.status in ACTIVE_STEPS:
            table.setdefault(step.domain, {}).setdefault(step.carrier_id, Cell()).steps.append(step)
    for action in meeting.actions:
        if action.status in OPEN_ACTIONS and action.carrier_id:
            for domain in _action_domains(action):
                table.setdefault(domain, {}).setdefault(action.carrier_id, Cell()).actions.append(action)
    return {domain: table[domain] for domain in Domain if domain in table}


def flags(meeting: Meeting) -> list[Flag]:
    found: list[Flag] = []
    table = grid(meeting)
    kinds = {p.id: p.kind for p in meeting.participants}
    for domain, cells in table.items():
        # An action with no domain stands under « Autre » in the grid, but « no domain » is not a domain
        # two services share: it is flagged as having none (NO_DOMAIN), never as acting together.
        services = [pid for pid, cell in cells.items() if kinds.get(pid) in SERVICES
                    and (cell.steps or any(domain in a.domains for a in cell.actions))]
        if len(services) >= 2:
            found.append(Flag(
                FlagKind.CHECK_TOGETHER, domain, tuple(services),
                step_ids=tuple(s.id for pid in services for s in cells[pid].steps),
                action_ids=tuple(a.id for pid in services for a in cells[pid].actions if domain in a.domains),
                settled_by=_settling(meeting, domain, services),
            ))
    worried = [d for line in meeting.picture if line.kind is PictureKind.WORRIES for d in line.domains]
    for domain in dict.fromkeys(worried):
        if domain not in table:
            found.append(Flag(FlagKind.GAP, domain))
    for action in meeting.actions:
        if action.status not in OPEN_ACTIONS:
            continue
        kind = kinds.get(action.carrier_id)
        if (kind is ParticipantKind.PERSON and action.agreement is not Agreement.AGREES) or (
            kind is ParticipantKind.NETWORK and action.carrier_agrees is not True
        ):
            found.append(Flag(FlagKind.NOT_AGREED, None, (action.carrier_id,), action_ids=(action.id,)))
    carried: dict[str, list[str]] = {}
    for action in meeting.actions:
        if action.status in OPEN_ACTIONS and action.carrier_id:
            carried.setdefault(action.carrier_id, []).append(action.id)
    for pid, ids in carried.items():
        if len(ids) >= MANY_ACTIONS:
            found.append(Flag(FlagKind.OVERLOADED, None, (pid,), action_ids=tuple(ids)))
    no_domain = [a for a in meeting.actions if a.status in OPEN_ACTIONS and not a.domains]
    if no_domain:
        carriers = tuple(dict.fromkeys(a.carrier_id for a in no_domain if a.carrier_id))
        found.append(Flag(FlagKind.NO_DOMAIN, None, carriers, action_ids=tuple(a.id for a in no_domain)))
    # the open flags first; those a settled disagreement answers after them, still listed
    return sorted(found, key=lambda f: bool(f.settled_by))


def as_text(meeting: Meeting, lang: str | None = None, width: int = 80) -> str:
    """The coordination view as plain text, at most `width` columns: one block per domain, then the flags."""
    import textwrap

    lines: list[str] = []
    table = grid(meeting)
    found = flags(meeting)
    by_domain: dict[Domain | None, list[Flag]] = {}
    for flag in found:
        by_domain.setdefault(flag.domain, []).append(flag)
    domains = list(table) + [d for d in by_domain if d is not None and d not in table]

    def wrap(text: str, indent: str) -> None:
        follow = " " * len(indent) + "  "
        lines.extend(textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=follow) or [indent])

    lines.append(t("coordination.title", lang))
    lines.append("=" * min(width, len(lines[-1])))
    for domain in domains:
        lines.append("")
        lines.append(label(domain, lang).upper())
        for flag in by_domain.get(domain, []):
            wrap(f"{flag.symbol} {flag.sentence(meeting, lang)}", "  ")
        for pid, cell in table.get(domain, {}).items():
            who = meeting.participant(pid)
            wrap(f"{who.name} ({who.organisation})" if who.organisation else who.name, "  - ")
            for step in cell.steps:
                wrap(t("coordination.step_line", lang, what=step.what, status=label(step.status, lang)), "      ")
            for action in cell.actions:
                wrap(t("coordination.action_line", lang, what=action.what, status=label(action.status, lang)), "      ")
    others = by_domain.get(None, [])
    if others:
        lines.append("")
        lines.append(t("coordination.carriers", lang).upper())
        for flag in others:
            wrap(f"{flag.symbol} {flag.sentence(meeting, lang)}", "  ")
    if not found:
        lines.append("")
        lines.append(t("coordination.nothing", lang))
    return "\n".join(lines)
