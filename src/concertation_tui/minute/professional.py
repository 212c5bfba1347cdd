"""The professional minute (compte rendu): the sections of MINUTE.md, in order.

A section with nothing to say for this copy is left out, except the person's view, which always
stands (saying why it is empty when it is). Sections read `Context.meeting`, the meeting as this copy's
reader may see it: a note that is not there cannot be written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..model import (
    ActionStatus,
    Attendance,
    ConsentStatus,
    Contribution,
    Domain,
    DomainSharing,
    Edition,
    ItemState,
    Nature,
    Participant,
    ParticipantKind,
    PictureKind,
    ViewAspect,
)
from ..model.coordination import FlagKind, flags
from .context import Context
from .docx_helpers import Group, bold, italic, muted
from .text import capitalised, names, quote, sentence

PROFESSIONALS = (ParticipantKind.PARTNER, ParticipantKind.FACILITATOR)


# -- 1. header ---------------------------------------------------------------------------------


def _opening(c: Context) -> None:
    m, w = c.meeting, c.writer
    w.title(c.s("pro.title"), m.title.strip() or c.s("pro.untitled"))
    w.banner(c.s("pro.banner"))
    if c.copy_for:
        w.para(muted(c.s("pro.copy_for", name=c.names(c.copy_for))))
    rows: list[list] = []

    def row(key: str, value: str) -> None:
        if value.strip():
            rows.append([bold(c.s(f"pro.info.{key}")), value])

    row("person", c.person.name if c.person else "")
    row("date", c.long_date(m.date) if m.date else "")
    # The times the meeting really ran when its clock has a start and an end; else the planned ones.
    # Never one of each: "de 20 h 58 à 15 h 30" says nothing true.
    start, end = (m.started_at, m.ended_at) if m.started_at and m.ended_at else (m.start_time, m.end_time)
    if start and end:
        row("time", c.s("pro.info.from_to", start=c.time(start), end=c.time(end)))
    elif start:
        row("time", c.time(start))
    row("place", m.place)
    row("file_number", m.file_number.strip())
    # « Prise de notes », not « Compte rendu » (the document's own title) beside who took the minute
    for key, pid in (("facilitator", m.facilitator_id), ("minute_taken_by", m.minute_taker_id)):
        found = m.participant(pid)
        if found:
            row(key, ", ".join(x for x in (found.name, found.organisation) if x))
    if m.series.number > 1 or m.series.previous_date:
        previous = c.s("pro.info.previous", date=c.long_date(m.series.previous_date)) if m.series.previous_date else ""
        row("series", c.s("pro.info.number", number=m.series.number) + previous)
    else:
        row("series", c.s("pro.info.first"))
    issues = m.distribution.issues
    if issues and issues[-1].version > 1:  # a correction says so on its first page, not only at the end
        last = issues[-1]
        corrected = c.s("pro.info.corrected", version=last.version, date=c.long_date(last.at.date()))
        row("version", corrected + (f" {last.what_changed.strip()}" if last.what_changed.strip() else ""))
    w.table([], rows, [4.2, 12.8], style="Tableau sans bordure")


# -- what the readers of this copy have to do -------------------------------------------------


def _to_do(c: Context) -> None:
    """First of all, for each reader of this copy (an excused partner too): the open actions they carry,
    support or check, with the due date and with whom. What they most need to read first."""
    m, w = c.meeting, c.writer
    if not c.readers:
        return
    w.heading(c.s("pro.todo.heading"))
    said = False
    for reader in c.readers:
        lines = []
        for a in m.actions:
            if a.status not in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE):
                continue
            if a.carrier_id == reader:
                role = c.s("pro.todo.carry")
            elif reader in a.supporters:
                role = c.s("pro.todo.support", name=c.name(a.carrier_id) or a.carrier_label)
            elif a.checker_id == reader:
                role = c.s("pro.todo.check")
            else:
                continue
            due = c.s("pro.todo.due", date=c.short_date(a.due)) if a.due else c.s("pro.todo.no_due")
            others = [p for p in (a.carrier_id, *a.supporters) if p and p != reader]
            details = [role, due] + ([c.s("pro.todo.with", names=c.names(others))] if others else [])
            lines.append([bold(sentence(a.what).rstrip(".")), *c.restricted_mark(a), muted(" — " + ", ".join(details))])
        if lines:
            said = True
            if len(c.readers) > 1:
                w.para(bold(c.name(reader)), keep_with_next=True)
            w.bullets(lines)
    if not said:
        w.para(muted(c.s("pro.todo.none")))


# -- 2. participants ---------------------------------------------------------------------------


def _presence(c: Context, p: Participant) -> list:
    if p.attendance is Attendance.INVITED:
        lines: list = [muted(c.s("pro.participants.unknown"))]
    else:
        lines = [c.label(p.attendance) + (f" ({p.absence_reason.strip()})" if p.absence_reason.strip() else "")]
    if p.attendance is Attendance.EXCUSED:
        written = "written" if p.written_contribution or p.written_text.strip() else "not_written"
        lines.append(muted(c.s(f"pro.participants.{written}")))
        if p.excused_message.strip():
            lines.append(muted(c.s("pro.participants.message_read")))
    return lines


def _quality(c: Context, p: Participant) -> tuple:
    m = c.meeting
    text = c.s("pro.participants.the_person") if p.kind is ParticipantKind.PERSON else c.affiliation(p)
    roles = [c.s(key) for key, pid in (("pro.participants.support", m.support_person_id),
                                       ("pro.participants.facilitates", m.facilitator_id),
                                       ("pro.participants.takes_minute", m.minute_taker_id)) if p.id == pid]
    return (text, muted(f" ({', '.join(roles)})") if roles else "")


def _participants(c: Context) -> None:
    m = c.meeting
    if not m.participants:
        return
    support = m.participant(m.support_person_id)
    groups = [
        ("person", [p for p in m.participants if p.kind is ParticipantKind.PERSON] + ([support] if support else [])),
        ("network", [p for p in m.participants if p.kind is ParticipantKind.NETWORK and p is not support]),
        ("professionals", [p for p in m.participants if p.kind in PROFESSIONALS and p is not support]),
    ]
    rows: list = []
    for key, people in groups:
        if people:
            rows.append(Group(c.s(f"pro.participants.group.{key}", person=c.person_label)))
            rows.extend([p.name, _quality(c, p), _presence(c, p)] for p in people)
    c.writer.heading(c.s("pro.participants.heading"))
    headers = [c.s(f"pro.participants.col.{k}") for k in ("name", "quality", "presence")]
    c.writer.table(headers, rows, [4.3, 8.7, 4.0])


# -- 3. frame ----------------------------------------------------------------------------------


def _domain_rules(c: Context) -> list[str]:
    """The partial consent per life domain: one line for the domains shared with all, one per named sharing."""
    rules = c.meeting.consent.domains
    lines = []
    for sharing in (DomainSharing.ALL, DomainSharing.NONE):
        domains = [c.label(r.domain) for r in rules if r.sharing is sharing]
        if domains:
            lines.append(c.s(f"pro.frame.domains_{sharing.value}", domains=names(domains, c.loc)))
    for rule in rules:
        if rule.sharing is DomainSharing.NAMED:
            who = c.names(rule.participants) or "—"
            lines.append(c.s("pro.frame.domain_named", domain=capitalised(c.label(rule.domain)), names=who))
    return lines


def _frame(c: Context) -> None:
    m, w = c.meeting, c.writer
    consent = m.consent
    w.heading(c.s("pro.frame.heading"))
    meeting_key = {True: "yes", False: "no", None: "not_asked"}[consent.to_meeting]
    w.para(c.s(f"pro.frame.to_meeting.{meeting_key}", person=c.person_label))
    sharing = c.s(f"pro.frame.sharing.{consent.status.value}", person=c.person_label)
    if consent.date and consent.date != m.date:
        sharing = sentence(sharing.rstrip(".") + " " + c.s("pro.frame.on_date", date=c.long_date(consent.date)))
    w.para(sharing)
    if consent.scope.strip():
        w.labelled(c.s("pro.frame.scope"), consent.scope.strip())
    if consent.status is ConsentStatus.PARTIAL and consent.domains:
        w.bullets(_domain_rules(c))
    if consent.person_words.strip():
        w.labelled(c.s("pro.frame.words", person=c.person_label), italic(quote(consent.person_words, c.lang)))
    if consent.minute_readers:  # the person decides who receives this minute, or their reference person
        who = c.names(consent.minute_readers)
        decider = consent.minute_decided_by
        if decider and c.person is not None and decider != c.person.id:
            w.para(c.s("pro.frame.readers_by", name=c.name(decider), person=c.person_label, names=who))
        else:
            w.para(c.s("pro.frame.readers", person=c.person_label, names=who))
    if consent.needs_confirmation:
        w.para(muted(c.s("pro.frame.to_confirm")))
    for part in m.private_parts:
        span = part.span
        end = c.time(span.end) if span.end else "…"
        text = c.s("pro.frame.private", person=c.person_label, start=c.time(span.start), end=end)
        w.para([text, (" " + part.reason.strip()) if part.reason.strip() else ""])


# -- 4. purpose and agenda ---------------------------------------------------------------------


def _agenda(c: Context) -> None:
    m, w = c.meeting, c.writer
    if not m.purpose.strip() and not m.agenda:
        return
    w.heading(c.s("pro.agenda.heading"))
    if m.purpose.strip():
        w.labelled(c.s("pro.agenda.purpose"), m.purpose.strip())
    if m.agenda:
        w.para(bold(c.s("pro.agenda.items")))
        for item in m.agenda:
            notes = []
            if item.state is ItemState.SKIPPED:
                notes.append(c.s("pro.agenda.skipped"))
            if item.carried_from and item.carried_from.meeting_date:
                notes.append(c.s("common.carried_from", date=c.short_date(item.carried_from.meeting_date)))
            w.numbered([item.title, muted(f" ({'; '.join(notes)})") if notes else ""])


# -- 5. review of the previous meeting's actions -----------------------------------------------


def _status(c: Context, action) -> list:
    lines: list = [c.label(action.status)]
    if action.status_reason.strip() and action.status in (ActionStatus.DROPPED, ActionStatus.NOT_DONE):
        lines.append(muted(action.status_reason.strip()))
    return lines


def _review(c: Context) -> None:
    carried = [a for a in c.meeting.actions if a.carried_from is not None]
    if not carried:
        return
    c.writer.heading(c.s("pro.review.heading"))
    keys = ("action", "carrier", "due", "status", "change")
    headers = [c.s(f"pro.review.col.{k}", person=c.person_label) for k in keys]
    rows = [
        [(a.what, *c.restricted_mark(a)), c.carrier(a), c.short_date(a.due) if a.due else "—", _status(c, a),
         italic(quote(a.change_for_person, c.lang)) if a.change_for_person.strip() else ""]
        for a in carried
    ]
    c.writer.table(headers, rows, [4.4, 2.6, 2.0, 3.2, 4.8])


# -- 6. the person's view ----------------------------------------------------------------------


def _item_prefix(c: Context, item_id: str) -> list:
    item = c.meeting.item(item_id)
    return [muted(f"{item.title} — ")] if item else []


def _person_view(c: Context) -> None:
    m, w = c.meeting, c.writer
    w.heading(c.s("pro.view.heading", person=c.person_label))
    person = c.person
    views = [(v.item_id, v.aspect, v) for v in c.meeting.person_views]
    views += [
        (cn.item_id, ViewAspect.GENERAL, cn)
        for cn in c.meeting.contributions
        if person is not None and cn.speaker_id == person.id and cn.text.strip()
    ]
    order = {item.id: n for n, item in enumerate(m.agenda)}
    views.sort(key=lambda v: (v[0] != "", order.get(v[0], -1)))  # stable: general first, then by item
    said = False
    general = [v for v in views if v[1] is ViewAspect.GENERAL]
    if general:
        said = True
        for item_id, _, note in general:
            w.bullet([*_item_prefix(c, item_id), italic(quote(note.text, c.lang)), *c.restricted_mark(note)])
    for aspect in (ViewAspect.GOING_WELL, ViewAspect.WORRIES, ViewAspect.WANTS, ViewAspect.IDEAS):
        lines = [v for v in views if v[1] is aspect]
        if lines:
            said = True
            w.para(bold(c.s(f"pro.view.aspect.{aspect.value}")), style="Heading 3")
            for item_id, _, note in lines:
                w.bullet([*_item_prefix(c, item_id), italic(quote(note.text, c.lang)), *c.restricted_mark(note)])
    if m.last_word.strip():
        said = True
        w.labelled(c.s("pro.view.last_word"), italic(quote(m.last_word, c.lang)))
    if not said:
        reason = m.person_view_missing_reason.strip()
        if reason:
            w.para(c.s("pro.view.missing_because", person=c.person_label, reason=sentence(reason)))
        else:
            w.para(c.s("pro.view.missing", person=c.person_label))


# -- 7. the person's own network ---------------------------------------------------------------


def _nature_line(c: Context, note: Contribution) -> list:
    mark = c.restricted_mark(note)
    if note.nature is Nature.FACT:
        return [note.text.strip(), *mark]
    return [italic(c.s(f"pro.nature.{note.nature.value}") + " "), note.text.strip(), *mark]


def _by_speaker(notes: list[Contribution]) -> dict[str, list[Contribution]]:
    grouped: dict[str, list[Contribution]] = {}
    for note in notes:
        grouped.setdefault(note.speaker_id, []).append(note)
    rank = {Nature.FACT: 0, Nature.PROPOSAL: 1, Nature.ASSESSMENT: 2}
    return {k: sorted(v, key=lambda n: rank[n.nature]) for k, v in grouped.items()}


def _network(c: Context) -> None:
    m, w = c.meeting, c.writer
    members = [n for n in m.network if n.agrees_to_involve is not False]
    speakers = {p.id for p in m.participants if p.kind is ParticipantKind.NETWORK}
    said = [cn for cn in c.meeting.contributions if cn.speaker_id in speakers and cn.text.strip()]
    if not members and not said:
        return
    w.heading(c.s("pro.network.heading", person=c.person_label))
    for member in members:
        line: list = [bold(member.name)]
        if member.link.strip():
            line.append(f" ({member.link.strip()})")
        if member.offer.strip():
            line.append(c.colon + sentence(member.offer))
        if member.agrees_to_involve is None:
            line.append(muted(" " + c.s("pro.network.ask", person=c.person_label)))
        w.bullet(line)
    if said:
        w.para(bold(c.s("pro.network.said")), style="Heading 3")
        for speaker_id, notes in _by_speaker(said).items():
            for note in notes:
                w.bullet([bold(c.name(speaker_id) + c.colon), *_nature_line(c, note)])


# -- 8. partners' contributions ----------------------------------------------------------------


def _speaker_line(c: Context, p: Participant) -> list:
    line: list = [bold(p.name)]
    if c.affiliation(p):
        line.append(muted(f" — {c.affiliation(p)}"))
    if p.attendance is Attendance.EXCUSED and p.written_contribution:
        line.append(muted(" " + c.s("pro.contributions.written")))
    return line


def _sent_by_the_excused(c: Context, heading: bool) -> None:
    """Where the excused partners would have spoken: the written contribution and the message read in
    the meeting, under their name, as they sent them."""
    m, w = c.meeting, c.writer
    sent = [p for p in m.excused() if p.kind in PROFESSIONALS]
    if not sent:
        return
    if heading:
        w.heading(c.s("pro.contributions.heading"))
    w.heading(c.s("pro.contributions.written_heading"), 2)
    for p in sent:
        w.para(_speaker_line(c, p), keep_with_next=True)
        lines = [c.s(f"pro.participants.{key}", text=text.strip())
                 for key, text in (("written_text", p.written_text), ("message", p.excused_message)) if text.strip()]
        w.bullets(lines)


def _contributions(c: Context) -> None:
    m, w = c.meeting, c.writer
    speakers = {p.id: p for p in m.participants if p.kind in PROFESSIONALS}
    notes = [cn for cn in c.meeting.contributions if cn.speaker_id in speakers and cn.text.strip()]
    if not notes:
        _sent_by_the_excused(c, heading=True)
        return
    w.heading(c.s("pro.contributions.heading"))
    w.para(muted(c.s("pro.contributions.intro")))
    items = [(item.id, item.title) for item in m.agenda] + [("", c.s("pro.contributions.general"))]
    by_item: dict[str, list[Contribution]] = {}
    for cn in notes:
        by_item.setdefault(cn.item_id, []).append(cn)
    for item_id, title in items:
        on_item = by_item.get(item_id)
        if not on_item:
            continue
        w.heading(title, 2)
        for speaker_id, said in _by_speaker(on_item).items():
            w.para(_speaker_line(c, speakers[speaker_id]), keep_with_next=True)
            w.bullets(_nature_line(c, note) for note in said)
    _sent_by_the_excused(c, heading=False)


# -- 9. shared picture -------------------------------------------------------------------------


def _voice(c: Context, voice_id: str) -> list:
    return [muted(f" ({c.name(voice_id)})")] if c.name(voice_id) else []


def _picture(c: Context) -> None:
    lines = c.meeting.picture
    if not lines:
        return
    kinds = (PictureKind.WORKING, PictureKind.WORRIES, PictureKind.NEEDS)
    c.writer.heading(c.s("pro.picture.columns"), 2)
    headers = [capitalised(c.label(kind)) for kind in kinds]
    cells = [
        [[line.text.strip(), *_voice(c, line.voice_id), *c.restricted_mark(line)]
         for line in lines if line.kind is kind]
        or "—"
        for kind in kinds
    ]
    c.writer.table(headers, [cells], [5.66, 5.67, 5.67])


def _scales(c: Context) -> None:
    m, w = c.meeting, c.writer
    if not m.scales:
        return
    w.heading(c.s("pro.scales.heading"), 2)
    questions: dict[str, list] = {}
    for rating in m.scales:
        questions.setdefault(rating.question.strip(), []).append(rating)
    headers = [c.s(f"pro.scales.col.{k}") for k in ("voice", "value", "why")]
    for question, ratings in questions.items():
        if question:
            w.labelled(c.s("pro.scales.question"), question, keep_with_next=True)
        rows = [
            [c.name(r.voice_id), c.s("pro.scales.value", value=r.value),
             (italic(quote(r.comment, c.lang)), *c.restricted_mark(r)) if r.comment.strip() else "—"]
            for r in ratings
        ]
        w.table(headers, rows, [5.2, 1.8, 10.0])


def _disagreements(c: Context) -> None:
    found = c.meeting.disagreements
    if not found:
        return
    w = c.writer
    w.heading(c.s("pro.disagreements.heading"), 2)
    for d in found:
        w.bullet([bold(sentence(d.about)), *c.restricted_mark(d)])
        if d.between:
            w.indented([c.s("pro.disagreements.between") + " ", sentence(c.names(d.between))])
        state = c.s("pro.disagreements.settled" if d.settled else "pro.disagreements.open")
        if d.resolution.strip():
            key = "pro.disagreements.how" if d.settled else "pro.disagreements.next"
            w.indented([bold(state + " "), c.s(key) + " ", sentence(d.resolution)])
        else:
            w.indented(bold(state))


def _steps(c: Context) -> None:
    steps = c.meeting.steps
    if not steps:
        return
    w = c.writer
    w.heading(c.s("pro.steps.heading"), 2)
    order = {d: n for n, d in enumerate(Domain)}
    together = {f.domain for f in flags(c.meeting) if f.kind is FlagKind.CHECK_TOGETHER}
    headers = [c.s(f"pro.steps.col.{k}") for k in ("domain", "carrier", "what", "since", "status")]
    rows = []
    for s in sorted(steps, key=lambda s: order[s.domain]):
        domain = capitalised(c.label(s.domain))
        carried = ()
        if s.carried_from is not None and s.carried_from.meeting_date:
            carried = (muted(" (" + c.s("pro.steps.carried", date=c.short_date(s.carried_from.meeting_date))
                             + ")"),)
        rows.append([bold(domain) if s.domain in together else domain, c.name(s.carrier_id),
                     (s.what, *c.restricted_mark(s), *carried),
                     s.since or "—", c.label(s.status)])
    w.table(headers, rows, [2.5, 3.0, 6.1, 3.0, 2.4])


def _coordination(c: Context) -> None:
    """What the coordination view flags, from what this copy carries only."""
    found = flags(c.meeting)
    if not found:
        return
    c.writer.heading(c.s("pro.coordination.heading"), 2)
    c.writer.bullets(capitalised(f.sentence(c.meeting, c.lang)) for f in found)


def _shared_picture(c: Context) -> None:
    m = c.meeting
    if not (m.picture or m.scales or m.disagreements or m.steps):
        return
    c.writer.heading(c.s("pro.picture.heading"))
    _picture(c)
    _scales(c)
    _disagreements(c)
    _steps(c)
    _coordination(c)


# -- 10. negotiated actions --------------------------------------------------------------------


def _agreement(c: Context, action) -> list:
    lines: list = [c.label(action.agreement)]
    if action.person_words.strip():
        lines.append(italic(quote(action.person_words, c.lang)))
    return lines


def _actions(c: Context) -> None:
    actions = [a for a in c.meeting.actions if a.carried_from is None]
    if not actions:
        return
    c.writer.heading(c.s("pro.actions.heading"))
    keys = ("action", "carrier", "with", "due", "checker", "agreement", "status")
    headers = [c.s(f"pro.actions.col.{k}", person=c.person_label) for k in keys]
    rows = [
        [(a.what, *c.restricted_mark(a)), c.carrier(a), c.names(a.supporters) or "—",
         c.short_date(a.due) if a.due else "—",
         c.name(a.checker_id) or "—", _agreement(c, a), _status(c, a)]
        for a in actions
    ]
    c.writer.table(headers, rows, [3.6, 2.2, 2.0, 1.8, 1.9, 3.5, 2.0])


# -- 11-13. between meetings, open questions, next meeting -------------------------------------


def _between(c: Context) -> None:
    m, w = c.meeting, c.writer
    reference = m.participant(m.reference_person_id)
    if reference is None and not m.between_meetings.strip():
        return
    w.heading(c.s("pro.between.heading"))
    if reference is not None:
        details = ", ".join(x for x in (reference.name, reference.organisation, reference.contact) if x.strip())
        w.labelled(c.s("pro.between.reference"), details)
    if m.between_meetings.strip():
        w.para(m.between_meetings.strip())


def _open_questions(c: Context) -> None:
    m, w = c.meeting, c.writer
    skipped = [item for item in m.agenda if item.state is ItemState.SKIPPED]
    questions = [q for q in m.open_questions if q.text.strip()]
    if not questions and not skipped:
        return
    w.heading(c.s("pro.questions.heading"))
    for q in questions:
        origin = ""
        if q.carried_from and q.carried_from.meeting_date:
            origin = " (" + c.s("common.carried_from", date=c.short_date(q.carried_from.meeting_date)) + ")"
        w.bullet([q.text.strip(), muted(origin), *c.restricted_mark(q)])
    for item in skipped:
        w.bullet([c.s("pro.questions.skipped") + " ", item.title])


def _next_meeting(c: Context) -> None:
    nm, w = c.meeting.next_meeting, c.writer
    if not (nm.date or nm.place.strip() or nm.invitees or nm.others.strip()):
        return
    w.heading(c.s("pro.next.heading"))
    if nm.date:
        when = c.long_date(nm.date) + (c.s("common.at_time", time=c.time(nm.time)) if nm.time else "")
        w.labelled(c.s("pro.next.date"), when)
    if nm.place.strip():
        w.labelled(c.s("pro.next.place"), nm.place.strip())
    invited = [c.name(p) for p in nm.invitees] + ([nm.others.strip()] if nm.others.strip() else [])
    if invited:
        w.labelled(c.s("pro.next.invitees"), sentence(", ".join(invited)))
    agrees = {True: "yes", False: "no", None: "not_asked"}[nm.person_agrees]
    if invited:
        w.para(c.s(f"pro.next.person_agrees.{agrees}", person=c.person_label))


def _series_end(c: Context) -> None:
    """The series is closed: when, why, and the facilitator's words (issue 8)."""
    series = c.meeting.series
    if series.closed_on is None:
        return
    w = c.writer
    w.heading(c.s("pro.series_end.heading"))
    reason = c.label(series.closed_reason) if series.closed_reason else ""
    w.para(c.s("pro.series_end.closed", date=c.long_date(series.closed_on), reason=reason))
    if series.closed_note.strip():
        w.para(sentence(series.closed_note.strip()))


# -- 14-15. distribution and data protection ---------------------------------------------------


def _editions_sent(c: Context) -> dict[str, list[Edition]]:
    m = c.meeting
    issues = m.distribution.issues
    if issues and issues[-1].recipients:
        sent: dict[str, list[Edition]] = {}
        for r in issues[-1].recipients:
            sent.setdefault(r.participant_id, []).append(r.edition)
        return sent
    return {
        p.id: [Edition.PERSON] if p.kind is ParticipantKind.PERSON else [Edition.PROFESSIONAL]
        for p in m.minute_recipients()
    }


def _distribution(c: Context) -> None:
    m, w = c.meeting, c.writer
    w.heading(c.s("pro.distribution.heading"))
    sent = _editions_sent(c)
    rows = []
    for pid, editions in sent.items():
        p = m.participant(pid)
        if p is None:
            continue
        quality = c.s("pro.participants.the_person") if p.kind is ParticipantKind.PERSON else c.affiliation(p)
        rows.append([p.name, quality, [capitalised(c.label(e)) for e in dict.fromkeys(editions)]])
    if rows:
        headers = [c.s(f"pro.distribution.col.{k}") for k in ("name", "quality", "edition")]
        w.table(headers, rows, [4.3, 8.2, 4.5])
    if c.holds_back:
        w.para(muted(c.s("pro.distribution.held_back")))
    issues = m.distribution.issues
    if issues:
        last = issues[-1]
        w.para(c.s("pro.distribution.issue", version=last.version, date=c.long_date(last.at.date())))
        if last.what_changed.strip():
            w.labelled(c.s("pro.distribution.changed"), last.what_changed.strip())
    else:
        w.para(c.s("pro.distribution.drawn_up", date=c.long_date(dt.date.today())))
    contact = m.participant(m.minute_taker_id) or m.participant(m.facilitator_id)
    if contact is None:
        who = c.s("common.facilitator")
    else:
        who = contact.name + (f" ({contact.contact.strip()})" if contact.contact.strip() else "")
    w.para(c.s("pro.distribution.correction", days=m.distribution.correction_days, who=who))
    w.para(c.s("pro.distribution.no_forward", person=c.person_label))


def _data_protection(c: Context) -> None:
    """The defaults, completed or replaced by the organisation's settings (`config.DataProtection`)."""
    m, w, org = c.meeting, c.writer, c.protection
    w.heading(c.s("pro.privacy.heading"))
    organisation = m.organisation.strip() or c.s("pro.privacy.the_organisation")
    reference = m.participant(m.reference_person_id) or m.participant(m.facilitator_id)
    contact = reference.name if reference else organisation
    texts = {key: c.s(f"pro.privacy.{key}", organisation=organisation, person=c.person_label, contact=contact)
             for key in ("controller", "purpose", "secrecy", "retention", "rights")}
    if org.controller:
        texts["controller"] = sentence(org.controller)
    if org.contact:
        texts["dpo"] = sentence(org.contact)
    if org.legal_basis:
        texts["legal_basis"] = sentence(org.legal_basis)
    if org.retention:
        texts["retention"] = sentence(org.retention)
    if org.authority:
        texts["rights"] += " " + c.s("pro.privacy.complaint", person=c.person_label, authority=org.authority.rstrip(". "))
    for key in ("controller", "dpo", "purpose", "legal_basis", "secrecy", "retention", "rights"):
        if key in texts:
            w.labelled(c.s(f"pro.privacy.label.{key}", person=c.person_label), texts[key])


SECTIONS: tuple[Callable[[Context], None], ...] = (
    _opening, _to_do, _participants, _frame, _agenda, _review, _person_view, _network, _contributions,
    _shared_picture, _actions, _between, _open_questions, _next_meeting, _series_end, _distribution,
    _data_protection,
)


def write_professional(c: Context) -> None:
    for section in SECTIONS:
        section(c)
