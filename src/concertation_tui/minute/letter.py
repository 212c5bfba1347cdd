"""The letter to the person: what we decided together, in plain words, addressed to them ("vous").

Large type, no italics, no grey (easy-read practice); short sentences, one idea each: what they said,
what was decided, who does what by when, who to call between meetings, the next meeting. It carries the person's own words and the decisions, never a
partner's assessment, a restricted note or a disagreement between services (only what was agreed).
"""

from __future__ import annotations

from ..model import Action, ActionStatus, Attendance, ParticipantKind, ViewAspect
from ..model.checks import carrier_name
from .context import Context
from docx.shared import Pt

from .docx_helpers import bold
from .text import names, quote, sentence

OPEN = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE)


def _lead(w, text: str) -> None:
    """A bold line introducing the list below it."""
    w.para(bold(text), keep_with_next=True, space_before=Pt(6))


def _greeting(c: Context) -> None:
    m, w = c.meeting, c.writer
    w.title(c.s("letter.title"), c.s("letter.subtitle", date=c.long_date(m.date)) if m.date else "")
    person = c.person
    if person is not None:
        w.para(c.s("letter.hello", name=person.addressed_as.strip() or person.name))
    else:
        w.para(c.s("letter.hello_plain"))
    if m.date:
        w.para(c.s("letter.met_on", date=c.long_date(m.date)))
    else:
        w.para(c.s("letter.met"))
    if person is not None and person.attendance in (Attendance.EXCUSED, Attendance.ABSENT):
        w.para(c.s("letter.you_were_absent"))
    w.para(c.s("letter.this_letter"))
    issues = m.distribution.issues
    if issues and issues[-1].version > 1:
        w.para(c.s("letter.corrected", date=c.long_date(issues[-1].at.date())))


def _who_was_there(c: Context) -> None:
    present = [
        p for p in c.meeting.participants
        if p.kind is not ParticipantKind.PERSON and p.attendance is Attendance.PRESENT
    ]
    if not present:
        return
    c.writer.heading(c.s("letter.there.heading"))
    for p in present:
        detail = p.organisation if p.kind is not ParticipantKind.NETWORK else p.role
        c.writer.bullet(f"{p.name} ({detail.strip()})" if detail.strip() else p.name)


def _what_you_said(c: Context) -> None:
    m, w = c.meeting, c.writer
    views = c.meeting.person_views
    w.heading(c.s("letter.said.heading"))
    if not views and not m.last_word.strip():
        w.para(c.s("letter.said.nothing"))
        return
    for aspect in (ViewAspect.GENERAL, ViewAspect.GOING_WELL, ViewAspect.WORRIES, ViewAspect.WANTS, ViewAspect.IDEAS):
        said = [v for v in views if v.aspect is aspect]
        if not said:
            continue
        _lead(w, c.s(f"letter.said.{aspect.value}"))
        w.bullets(quote(v.text, c.lang) for v in said)
    if m.last_word.strip():
        _lead(w, c.s("letter.said.last_word"))
        w.bullet(quote(m.last_word, c.lang))


def _carrier(c: Context, action: Action) -> str:
    person = c.person
    if person is not None and action.carrier_id == person.id:
        return c.s("letter.decided.you")
    return carrier_name(c.meeting, action).strip() or c.s("letter.decided.nobody_yet")


def _action(c: Context, action: Action) -> None:
    w = c.writer
    w.bullet(bold(sentence(action.what)), keep_with_next=True)
    details = [c.s("letter.decided.who", who=_carrier(c, action))]
    helpers = [c.name(p) for p in action.supporters if c.person is None or p != c.person.id]
    if helpers:
        details.append(c.s("letter.decided.with", who=names(helpers, c.loc)))
    meeting_day = c.meeting.date
    if action.due and meeting_day and action.due < meeting_day:
        details.append(c.s("letter.decided.was_due", date=c.long_date(action.due)))
    elif action.due:
        details.append(c.s("letter.decided.due", date=c.long_date(action.due)))
    words = action.person_words
    if action.carried_from is not None:
        reason = sentence(action.status_reason) if action.status is ActionStatus.NOT_DONE else ""
        details.append(" ".join(x for x in (c.s(f"letter.decided.status.{action.status.value}"), reason) if x))
        words = action.change_for_person or ""
    else:
        details.append(c.s(f"letter.decided.agreement.{action.agreement.value}"))
    if words.strip():
        details.append(f'{c.s("letter.decided.you_said")} {quote(words, c.lang)}')
    last = len(details) - 1
    for n, line in enumerate(details):
        if n < last:
            w.indented(line, keep_with_next=True)
        else:
            w.indented(line, keep_with_next=False, space_after=Pt(9))


def _decided(c: Context) -> None:
    w = c.writer
    actions = [a for a in c.meeting.actions if a.status in OPEN]
    done = [a for a in c.meeting.actions if a.carried_from is not None and a.status is ActionStatus.DONE]
    agreed = [d for d in c.meeting.disagreements if d.resolution.strip()]
    if not (actions or done or agreed):
        return
    w.heading(c.s("letter.decided.heading"))
    if actions:
        w.para(c.s("letter.decided.intro"))
        for action in actions:
            _action(c, action)
    if agreed:
        _lead(w, c.s("letter.decided.agreed"))
        w.bullets(sentence(d.resolution) for d in agreed)
    if done:
        _lead(w, c.s("letter.decided.done"))
        w.bullets(sentence(a.what) for a in done)


def _still_open(c: Context) -> None:
    """The questions left open: they are about the person, so the person reads them too."""
    questions = [q.text.strip() for q in c.meeting.open_questions if q.text.strip()]
    if not questions:
        return
    c.writer.heading(c.s("letter.open.heading"))
    c.writer.bullets(sentence(q) for q in questions)


def _who_to_call(c: Context) -> None:
    m, w = c.meeting, c.writer
    reference = m.participant(m.reference_person_id)
    if reference is None and not m.between_meetings.strip():
        return
    closed = c.meeting.series.closed_on is not None  # no "between two meetings" after the last one
    w.heading(c.s("letter.call.heading_closed" if closed else "letter.call.heading"))
    if reference is not None:
        where = f" ({reference.organisation})" if reference.organisation.strip() else ""
        w.para(c.s("letter.call.reference", name=reference.name + where))
        if reference.contact.strip():
            w.para([c.s("letter.call.contact") + " ", bold(reference.contact.strip())])
    if m.between_meetings.strip():
        w.para(m.between_meetings.strip())


def _next_meeting(c: Context) -> None:
    nm, w = c.meeting.next_meeting, c.writer
    if not (nm.date or nm.place.strip()):
        return
    w.heading(c.s("letter.next.heading"))
    if nm.date:
        when = c.long_date(nm.date) + (c.s("common.at_time", time=c.time(nm.time)) if nm.time else "")
        w.para(c.s("letter.next.when", when=when))
    if nm.place.strip():
        w.para(c.s("letter.next.where", place=sentence(nm.place.strip())))
    person = c.person
    invited = [c.name(p) for p in nm.invitees if person is None or p != person.id]
    if nm.others.strip():
        invited.append(nm.others.strip())
    if invited:
        w.para(c.s("letter.next.invited", names=names(invited, c.loc)))
        if nm.person_agrees is True:
            w.para(c.s("letter.next.you_agree"))


def _series_end(c: Context) -> None:
    """The meetings stop: said plainly, with the reason in the person's terms."""
    series = c.meeting.series
    if series.closed_on is None:
        return
    w = c.writer
    w.heading(c.s("letter.series_end.heading"))
    w.para(c.s("letter.series_end.closed", date=c.long_date(series.closed_on)))
    if series.closed_reason is not None:
        w.para(c.s(f"letter.series_end.reason.{series.closed_reason.value}"))


def _closing(c: Context) -> None:
    """Where to say something is wrong, and the signature: kept together on one page."""
    m, w = c.meeting, c.writer
    w.heading(c.s("letter.closing.heading"))
    reference = m.participant(m.reference_person_id) or m.participant(m.facilitator_id)
    contact = reference.name if reference else c.s("common.facilitator")
    block: list[tuple[str, str | None, dict]] = [
        (c.s("letter.closing.wrong", name=contact, count=m.distribution.correction_days), None, {}),
        (c.s("letter.closing.read", name=contact), None, {}),
    ]
    signer = m.participant(m.facilitator_id)
    if signer is not None:
        block.append((signer.name, "Signature", {}))
        for line in (signer.role, signer.organisation):
            if line.strip():
                block.append((line.strip(), None, {"space_after": 0}))
    for n, (line, style, fmt) in enumerate(block):
        w.para(line, style, **fmt, **({"keep_with_next": True} if n < len(block) - 1 else {}))


SECTIONS = (_greeting, _who_was_there, _what_you_said, _decided, _still_open, _series_end, _who_to_call, _next_meeting,
            _closing)


def write_letter(c: Context) -> None:
    for section in SECTIONS:
        section(c)
