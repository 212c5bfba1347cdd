"""Readiness checks: what the facilitator should fix or check before the minute goes out.

Computed from the model only; the interface shows them beside the actions and at the close, the
minute command prints them first. Each finding says what it concerns, so a screen can jump to it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum, StrEnum

from ..i18n import label, t
from .enums import ActionStatus, Agreement, Attendance, ConsentStatus, ParticipantKind, VisibilityKind
from .meeting import Action, Meeting


class Level(StrEnum):
    ERROR = "error"  # the minute would mislead or dilute responsibility: fix before sending
    WARNING = "warning"  # worth a look
    INFO = "info"  # a reminder


@dataclass(frozen=True)
class Finding:
    code: str
    """Which check (the catalogue key after 'check.')."""
    level: Level
    target: str = ""
    """'action', 'participant', 'meeting', 'consent', 'person_view' or 'note'."""
    target_id: str = ""
    """Id of the element concerned, if one."""
    params: dict[str, object] = field(default_factory=dict)

    def sentence(self, lang: str | None = None) -> str:
        # A life domain is kept as its value and named in the language the sentence is asked in.
        params = {k: label(v, lang) if isinstance(v, Enum) else v for k, v in self.params.items()}
        return t(f"check.{self.code}", lang, **params)

    def level_label(self, lang: str | None = None) -> str:
        return label(self.level, lang)


# Words that name a group rather than one carrier. Compared without accents or case.
COLLECTIVE_CARRIERS = {
    "tout le monde",
    "tous",
    "toutes",
    "chacun",
    "le reseau",
    "reseau",
    "l'equipe",
    "equipe",
    "les partenaires",
    "les services",
    "a voir",
    "a definir",
    "on",
    "nous",
    "everyone",
    "everybody",
    "all",
    "the network",
    "network",
    "the team",
    "team",
    "partners",
    "tbd",
    "to be seen",
    "?",
}


def _plain(text: str) -> str:
    """Lowercase, accents removed, apostrophes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").lower().strip(" .!")
    return re.sub(r"\s+", " ", text)


def is_collective(name: str) -> bool:
    """Whether a carrier's name designates a group ("tout le monde", "le réseau"...)."""
    return _plain(name) in COLLECTIVE_CARRIERS


def carrier_name(meeting: Meeting, action: Action) -> str:
    """The carrier as written: the participant's name, else the free label."""
    return meeting.name_of(action.carrier_id) if action.carrier_id else action.carrier_label


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _action_findings(meeting: Meeting, action: Action) -> list[Finding]:
    found: list[Finding] = []
    what = _short(action.what) or "?"
    if action.status is ActionStatus.DROPPED:
        if not action.status_reason.strip():
            found.append(Finding("action_dropped_no_reason", Level.WARNING, "action", action.id, {"what": what}))
        return found  # a dropped action needs no carrier, date or agreement any more
    carrier = carrier_name(meeting, action).strip()
    if not carrier:
        found.append(Finding("action_no_carrier", Level.ERROR, "action", action.id, {"what": what}))
    elif is_collective(carrier):
        found.append(
            Finding("action_collective_carrier", Level.ERROR, "action", action.id, {"what": what, "carrier": carrier})
        )
    if action.due is None and action.status is not ActionStatus.DONE:
        found.append(Finding("action_no_due", Level.ERROR, "action", action.id, {"what": what}))
    if action.carried_from is not None and not action.reviewed:
        found.append(Finding("action_not_reviewed", Level.WARNING, "action", action.id, {"what": what}))
    if action.agreement is Agreement.NOT_ASKED:
        found.append(Finding("action_not_asked", Level.WARNING, "action", action.id, {"what": what}))
    return found


def unagreed_readers(meeting: Meeting) -> list[str]:
    """Professional recipients the person did not agree may receive the detailed minute (none when the
    person was not asked yet: the checks ask for it)."""
    agreed = meeting.consent.minute_readers
    if agreed is None:
        return []
    return [p.id for p in meeting.minute_recipients() if p.kind is not ParticipantKind.PERSON and p.id not in agreed]


def _reader_findings(meeting: Meeting) -> list[Finding]:
    """The person decides who receives the detailed minute (or the reference person they name)."""
    readers = [p for p in meeting.minute_recipients() if p.kind is not ParticipantKind.PERSON]
    if meeting.consent.minute_readers is None:
        return [Finding("minute_readers_not_asked", Level.WARNING, "consent")] if readers else []
    return [Finding("minute_reader_not_agreed", Level.ERROR, "participant", pid, {"name": meeting.name_of(pid)})
            for pid in unagreed_readers(meeting)]


def _invitee_findings(meeting: Meeting) -> list[Finding]:
    """The next meeting's invitees: the person agrees with who is invited, and each invitee is someone
    the person agreed may learn about their situation (an invitation is not a consent)."""
    from .sharing import invitees_outside_consent  # sharing reads the records above

    nm = meeting.next_meeting
    found = []
    if (nm.invitees or nm.others.strip()) and nm.person_agrees is not True:
        found.append(Finding("invitees_not_agreed", Level.WARNING, "next_meeting"))
    found += [Finding("invitee_outside_consent", Level.WARNING, "next_meeting", pid, {"name": meeting.name_of(pid)})
              for pid in invitees_outside_consent(meeting)]
    return found


def _consent_findings(meeting: Meeting) -> list[Finding]:
    """Before the minute is written: each domain the person was never asked about (shared with nobody),
    and each record the consent keeps out of some copies, with whose."""
    from .sharing import conflicts_by_record, domains_never_asked  # sharing reads the records above

    found = [
        Finding("domain_not_asked", Level.WARNING, "consent", "", {"domain": d})
        for d in domains_never_asked(meeting)
    ]
    found += _reader_findings(meeting)
    found += _invitee_findings(meeting)
    names = {p.id: p.name for p in meeting.participants}  # one lookup per recipient, not a scan
    said: dict[int, str] = {}  # records alike share one list of recipients: named once
    for note, kept_out in conflicts_by_record(meeting, [p.id for p in meeting.minute_recipients()]):
        domain = kept_out[0][1]
        who = said.get(id(kept_out))
        if who is None:
            who = said[id(kept_out)] = ", ".join(names.get(rid, "") for rid, _domain in kept_out)
        found.append(Finding("consent_left_out", Level.INFO, note.kind, note.id,
                             {"note": _short(note.text) or "?", "domain": domain if domain else "",
                              "recipients": who}))
    return found


FILE_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z._/ -]{0,39}")
"""What a file number may be: it stands in file names with '/' and spaces made '-' (minute.names.filing_part)."""


def names_person(text: str, meeting: Meeting) -> bool:
    """Whether `text` holds a word of the person's name or chosen name (three letters or more), compared
    without accents or case: such a text must not go into a file name."""
    person = meeting.person
    if person is None:
        return False
    plain = _plain(text)
    words = {w for name in (person.name, person.addressed_as) for w in re.split(r"[^\w]+", _plain(name)) if len(w) >= 3}
    words -= {"monsieur", "madame", "mme", "mlle", "mademoiselle", "mrs", "miss"}
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", plain) for w in words)


def _filing_findings(meeting: Meeting) -> list[Finding]:
    """The file number goes into file names: usable as it is, and never the person's name. The minute
    names who takes the notes. What the excused sent is read and written, so it must be there."""
    found: list[Finding] = []
    number = meeting.file_number.strip()
    if number and not FILE_NUMBER.fullmatch(number):
        found.append(Finding("file_number_unsafe", Level.ERROR, "meeting", "", {"number": _short(number, 40)}))
    if number and names_person(number, meeting):
        found.append(Finding("file_number_names_person", Level.ERROR, "meeting"))
    if meeting.participants and not meeting.minute_taker_id:
        found.append(Finding("no_minute_taker", Level.WARNING, "meeting"))
    for p in meeting.participants:
        if p.written_contribution and not p.written_text.strip() and p.attendance is Attendance.EXCUSED:
            found.append(Finding("written_without_text", Level.INFO, "participant", p.id, {"name": p.name}))
        if (p.excused_message.strip() or p.written_text.strip()) and p.attendance is not Attendance.EXCUSED:
            found.append(Finding("message_not_excused", Level.WARNING, "participant", p.id, {"name": p.name}))
    return found


_ABOUT_HER = re.compile(
    r"^(?:ne|n'|il|elle|lui|monsieur|madame|m\.|mme|he|she|his|her|hij|zij|ze|meneer|mevrouw)\b"
    r"|\b(?:il|elle|he|she|hij|zij)\s", re.IGNORECASE)
"""A position written about the person (« ne veut pas… », « elle préfère… », "she wants…"), not in her words."""


def written_about_the_person(meeting: Meeting, text: str) -> bool:
    """Whether `text`, noted as the person's, reads as written about them (the third person, their name)."""
    person = next((p for p in meeting.participants if p.kind is ParticipantKind.PERSON), None)
    names = [n for n in (person.name, person.addressed_as) if n.strip()] if person else []
    text = text.strip().strip("«»“”\"").strip()
    return bool(_ABOUT_HER.search(text)) or any(_plain(n) in _plain(text) for n in names)


def _position_findings(meeting: Meeting) -> list[Finding]:
    """The person's position in a disagreement written in the third person: the letter quotes it to her
    as her position; her own words (« je… ») read right there, words about her do not."""
    person = next((p for p in meeting.participants if p.kind is ParticipantKind.PERSON), None)
    if person is None:
        return []
    found = []
    for d in meeting.disagreements:
        for position in d.positions:
            view = position.view.strip().strip("«»“”\"").strip()
            if position.participant_id != person.id or not view:
                continue
            if written_about_the_person(meeting, view):
                found.append(Finding("position_third_person", Level.WARNING, "note", d.id,
                                     {"name": person.addressed_as or person.name, "words": view[:60]}))
    return found


def _outcome_findings(meeting: Meeting) -> list[Finding]:
    """Items whose outcome nobody confirmed: the minute says « non précisé » for them, not the proposal."""
    from .outcomes import stated_outcome

    unconfirmed = [item for item in meeting.agenda if stated_outcome(meeting, item) is None]
    if not unconfirmed:
        return []
    first = meeting.agenda.index(unconfirmed[0]) + 1
    return [Finding("outcomes_unconfirmed", Level.WARNING, "close", unconfirmed[0].id,
                    {"count": len(unconfirmed), "n": first})]


def readiness(meeting: Meeting) -> list[Finding]:
    """Every finding on the meeting, errors first, in the order of the meeting."""
    found: list[Finding] = []
    persons = [p for p in meeting.participants if p.kind is ParticipantKind.PERSON]
    if not persons:
        found.append(Finding("no_person", Level.ERROR, "meeting"))
    elif len(persons) > 1:
        found.append(Finding("several_persons", Level.ERROR, "meeting"))
    if meeting.date is None:
        found.append(Finding("no_date", Level.WARNING, "meeting"))
    if not meeting.purpose.strip():
        found.append(Finding("no_purpose", Level.WARNING, "meeting"))
    found.extend(_filing_findings(meeting))
    for participant in meeting.participants:
        if participant.kind is not ParticipantKind.FACILITATOR and participant.attendance is Attendance.INVITED:
            found.append(
                Finding("attendance_unknown", Level.WARNING, "participant", participant.id, {"name": participant.name})
            )
    if meeting.consent.status is ConsentStatus.NOT_ASKED:
        found.append(Finding("consent_not_asked", Level.WARNING, "consent"))
    elif meeting.consent.needs_confirmation:
        found.append(Finding("consent_to_confirm", Level.WARNING, "consent"))
    if meeting.consent.status is ConsentStatus.PARTIAL and not meeting.consent.domains:
        found.append(Finding("consent_domains_missing", Level.WARNING, "consent"))
    found.extend(_consent_findings(meeting))
    has_view = any(v.text.strip() for v in meeting.person_views) or bool(meeting.last_word.strip())
    if not has_view and not meeting.person_view_missing_reason.strip():
        found.append(Finding("no_person_view", Level.ERROR, "person_view"))
    for action in meeting.actions:
        found.extend(_action_findings(meeting, action))
    found.extend(_outcome_findings(meeting))
    found.extend(_position_findings(meeting))
    notes = [*meeting.contributions, *meeting.person_views, *meeting.steps, *meeting.picture, *meeting.disagreements]
    oral = [n for n in notes if n.visibility.kind is VisibilityKind.ORAL_ONLY]
    for note in notes:
        if note.visibility.kind is VisibilityKind.RESTRICTED and not note.visibility.recipients:
            found.append(Finding("restricted_no_recipient", Level.WARNING, "note", note.id))
    if oral:
        found.append(Finding("oral_only_present", Level.INFO, "note", oral[0].id, {"count": len(oral)}))
    order = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}
    return sorted(found, key=lambda f: order[f.level])


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level is Level.ERROR]
