"""The professional minute (compte rendu): the sections of MINUTE.md, in order.

A section with nothing to say for this copy is left out, except the person's view, which always
stands (saying why it is empty when it is). Sections read `Context.meeting`, the meeting as this copy's
reader may see it: a note that is not there cannot be written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..model import (
    ActionStatus,
    Attendance,
    ConsentStatus,
    Contribution,
    Domain,
    DomainSharing,
    Edition,
    Nature,
    Participant,
    ParticipantKind,
    PictureKind,
    ViewAspect,
)
from ..language_tools.gender import gender_of
from ..language_tools.words import fold
from ..model.coordination import FlagKind, flags
from ..model.people_order import everyone_in_order, invitees_in_order
from ..model.outcomes import CARRIED_AGAIN, is_finished, left_paused, outcome, stated_outcome
from .context import Context
from .spans import Group, bold, italic, muted, quoted
from .network_picture import professional_section as network_map
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
    if c.issued and issues and issues[-1].version > 1:  # a correction says so on its first page too
        last = issues[-1]
        corrected = c.s("pro.info.corrected", version=last.version, date=c.long_date(last.at.date()))
        row("version", corrected + (f" {last.what_changed.strip()}" if last.what_changed.strip() else ""))
    rows.append([bold(c.s("record.status")), _status_line(c, "status")])
    w.table([], rows, [4.2, 12.8], style="Tableau sans bordure")
    if m.date and m.date > dt.date.today() and not c.issued:  # written ahead: not a minute yet
        w.warning(c.s("record.not_held", date=c.long_date(m.date)))
    elif not is_finished(m):
        # A draft warns that it is not the meeting's minute yet; an issued copy says how the meeting ended.
        key = "record.stopped_early" if c.issued else "record.unfinished"
        paused = next((item for item in m.agenda if left_paused(item)), None)
        w.warning(c.s(f"{key}_paused", item=paused.title) if paused else c.s(key))


def _status_line(c: Context, kind: str) -> str:
    """The issue's status: a draft (not sent), or the version sent, when and by whom. `kind`: "status"
    (the header's cell) or "distribution" (a sentence of the distribution section)."""
    issues = c.meeting.distribution.issues
    if not c.issued or not issues:
        return c.s(f"record.{kind}_draft", date=c.long_date(dt.date.today()))
    last = issues[-1]
    by = last.by.strip()
    key = f"record.{kind}_issued_by" if by else f"record.{kind}_issued"
    return c.s(key, version=last.version, date=c.long_date(last.at.date()), by=by)


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
            # Written as a colleague writes to colleagues: under the reader's name, the action, when, and
            # only what the action's own words do not say (no « vous la portez », no « avec Océane » twice).
            if a.carrier_id == reader:
                role = ""
            elif reader in a.supporters:
                role = c.s("pro.todo.support", name=c.name(a.carrier_id) or a.carrier_label)
            elif a.checker_id == reader:
                role = c.s("pro.todo.checks")
            else:
                continue
            due = c.s("pro.todo.due", date=c.short_date(a.due)) if a.due else c.s("pro.todo.no_due")
            others = [p for p in (a.carrier_id, *a.supporters) if p and p != reader and not _named_in(c, p, a.what)]
            details = [x for x in (role, due) if x] + ([c.s("pro.todo.with", names=c.names(others))] if others else [])
            lines.append([bold(sentence(a.what).rstrip(".")), *c.restricted_mark(a), muted(" — " + ", ".join(details))])
        if lines:
            said = True
            if len(c.readers) > 1:
                w.para(bold(c.name(reader)), keep_with_next=True)
            w.bullets(lines)
    if not said:
        w.para(muted(c.s("pro.todo.none")))


def _named_in(c: Context, participant_id: str, text: str) -> bool:
    """Whether `text` already names the participant (their name, first name or how they are addressed)."""
    found = c.meeting.participant(participant_id)
    if found is None:
        return False
    folded = fold(text)
    forms = {found.name.strip(), found.addressed_as.strip(), (found.name.split() or [""])[0]}
    return any(form and re.search(rf"(?<![\w-]){re.escape(fold(form))}(?![\w-])", folded) for form in forms)


# -- 2. participants ---------------------------------------------------------------------------


def _presence(c: Context, p: Participant) -> list:
    if p.attendance is Attendance.INVITED:
        lines: list = [] if c.issued else [muted(c.s("pro.participants.unknown"))]
    else:
        said = c.s(f"pro.attendance.{p.attendance.value}.{gender_of(p) or 'n'}")
        lines = [said + (f" ({p.absence_reason.strip()})" if p.absence_reason.strip() else "")]
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
    roles = [role for role in roles if fold(role) not in fold(text)]  # « anime la réunion » said once
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
    # The scope is said once: per life domain when the consent names them, else in the facilitator's words.
    if consent.status is ConsentStatus.PARTIAL and consent.domains:
        w.para(bold(c.s("pro.frame.scope")), keep_with_next=True)
        w.bullets(_domain_rules(c))
    elif consent.scope.strip():
        w.labelled(c.s("pro.frame.scope"), consent.scope.strip())
    if consent.person_words.strip():
        w.labelled(c.s("pro.frame.words", person=c.person_label), quoted(quote(consent.person_words, c.lang)))
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


def _outcome_detail(c: Context, item) -> list:
    """What came of `item`, beyond its outcome's word: where it came from, how many actions were decided
    on it (the actions themselves are in their table), when it was left paused, and for a question
    carried from the previous meeting whether it is closed or carried again."""
    m = c.meeting
    found = stated_outcome(m, item)
    lines: list = []
    if item.carried_from and item.carried_from.meeting_date:
        lines.append(muted(c.s("record.from_question", date=c.short_date(item.carried_from.meeting_date))))
    if item.is_review:
        reviewed = sum(1 for a in m.actions if a.carried_from is not None)
        if reviewed:
            lines.append(c.s("record.reviewed", count=reviewed))
    count = sum(1 for a in m.actions if a.item_id == item.id and a.carried_from is None)
    if count:
        lines.append(c.s("record.actions", count=count))
    if left_paused(item) and item.stopped_at:
        lines.append(c.s("record.paused", time=c.time(item.stopped_at)))
    if item.carried_from is not None and found is not None:  # an unconfirmed proposal closes nothing
        lines.append(c.s("record.carried_again" if found in CARRIED_AGAIN else "record.closed_question"))
    # An item only discussed says who spoke on it and what stayed open, never a bare « — »
    disagreements = sum(1 for d in m.disagreements if d.item_id == item.id)
    if disagreements:
        lines.append(c.s("record.disagreements", count=disagreements))
    questions = sum(1 for q in m.open_questions if q.item_id == item.id and q.text.strip())
    if questions:
        lines.append(c.s("record.open_questions", count=questions))
    spoke = _speakers_on(c, item.id)
    if spoke:
        lines.append(c.s("record.spoke", names=names(spoke, c.loc)))
    return lines or [muted(c.s("record.nothing_written"))]


def _outcome_cell(c: Context, item):
    """The item's outcome as confirmed; a proposal nobody confirmed is said to be unconfirmed, never
    printed as a result (« Décidé » over an open disagreement was a result nobody had said)."""
    stated = stated_outcome(c.meeting, item)
    return bold(capitalised(c.label(stated))) if stated is not None else muted(capitalised(c.s("record.outcome_unconfirmed")))


def _speakers_on(c: Context, item_id: str) -> list[str]:
    """Who spoke on the item in what this copy carries: the person first, then the speaking order."""
    m = c.meeting
    said = {cn.speaker_id for cn in m.contributions if cn.item_id == item_id and cn.text.strip()}
    if c.person is not None and any(v.item_id == item_id and v.text.strip() for v in m.person_views):
        said.add(c.person.id)
    return [c.person_label if p is c.person else p.name for p in everyone_in_order(m) if p.id in said]


def _agenda(c: Context) -> None:
    """The question, each agenda item with its outcome, and the conclusion that answers the question."""
    m, w = c.meeting, c.writer
    if not m.purpose.strip() and not m.agenda and not m.conclusion.strip():
        return
    w.heading(c.s("record.agenda_heading"))
    if m.purpose.strip():
        w.labelled(c.s("pro.agenda.purpose"), m.purpose.strip())
    if m.conclusion.strip():  # the answer, right under its question
        w.labelled(c.s("record.conclusion"), sentence(m.conclusion.strip()))
    elif m.purpose.strip():
        key = "record.no_conclusion" if is_finished(m) or c.issued else "record.no_conclusion_unfinished"
        w.labelled(c.s("record.conclusion"), muted(c.s(key)))
    if m.agenda:
        headers = [c.s(f"record.col.{k}") for k in ("item", "outcome", "detail")]
        rows = [[f"{n}. {item.title}", _outcome_cell(c, item), _outcome_detail(c, item)]
                for n, item in enumerate(m.agenda, 1)]
        w.table(headers, rows, [7.0, 2.8, 7.2])


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
         quoted(quote(a.change_for_person, c.lang)) if a.change_for_person.strip() else ""]
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
            w.bullet([*_item_prefix(c, item_id), quoted(quote(note.text, c.lang)), *c.restricted_mark(note)])
    for aspect in (ViewAspect.GOING_WELL, ViewAspect.WORRIES, ViewAspect.WANTS, ViewAspect.IDEAS):
        lines = [v for v in views if v[1] is aspect]
        if lines:
            said = True
            w.para(c.s(f"pro.view.aspect.{aspect.value}"), style="Heading 3")
            for item_id, _, note in lines:
                w.bullet([*_item_prefix(c, item_id), quoted(quote(note.text, c.lang)), *c.restricted_mark(note)])
    if m.last_word.strip():
        said = True
        w.labelled(c.s("pro.view.last_word"), quoted(quote(m.last_word, c.lang)))
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


def _stems(text: str) -> set[str]:
    """The content words of `text`, cut to four letters (« viens » and « vient » are one word here)."""
    return {word[:4].casefold() for word in re.findall(r"[^\W\d_]{4,}", text)}


def _says_again(text: str, others: list[str]) -> bool:
    """Whether each part of `text` (split at « ; » and full stops) is already said in `others`: two
    thirds of its content words are there. Used within one member's own records only."""
    pool = set().union(*(_stems(other) for other in others)) if others else set()
    parts = [_stems(part) for part in re.split(r"[;.]", text) if _stems(part)]
    return bool(parts) and all(len(part & pool) * 3 >= len(part) * 2 for part in parts)


def _member(c: Context, name: str, link: str, offer: str, agrees: bool | None, words: list[Contribution],
            steps: list) -> None:
    """One member of the person's network, everything about them in one place: who they are, what they
    offer (unless their own words in the meeting say it already), what they said, what they already do."""
    w = c.writer
    said = [note.text for note in words]
    line: list = [bold(name)]
    if link.strip():
        line.append(f" ({link.strip()})")
    if offer.strip() and not _says_again(offer, said):
        line.append(c.colon + sentence(offer))
    if agrees is None:
        line.append(muted(" " + c.s("pro.network.ask", person=c.person_label)))
    w.bullet(line)
    for note in words:
        w.indented(_nature_line(c, note))
    doing = [step for step in steps if not _says_again(step.what, [*said, offer])]
    if doing:
        parts = [c.s("record.network_since", what=step.what.strip(), since=step.since.strip()) if step.since.strip()
                 else step.what.strip() for step in doing]
        marks = [mark for step in doing for mark in c.restricted_mark(step)]
        w.indented([c.s("record.network_steps", steps="; ".join(parts)), *marks])


def _network(c: Context) -> None:
    """The person's own network, each fact about a member once: their offer, their words and the steps
    they already take stand together here (not again among the partners' steps)."""
    m, w = c.meeting, c.writer
    members = [n for n in m.network if n.agrees_to_involve is not False]
    people = {p.id for p in m.participants if p.kind is ParticipantKind.NETWORK}
    said = [cn for cn in c.meeting.contributions if cn.speaker_id in people and cn.text.strip()]
    steps = [s for s in m.steps if s.carrier_id in people]
    if not members and not said and not steps:
        return
    w.heading(c.s("pro.network.heading", person=c.person_label))
    shown: set[str] = set()
    for member in members:
        pid = member.participant_id
        _member(c, member.name, member.link, member.offer, member.agrees_to_involve,
                [cn for cn in said if pid and cn.speaker_id == pid], [s for s in steps if pid and s.carrier_id == pid])
        shown.add(pid)
    for pid in dict.fromkeys([cn.speaker_id for cn in said] + [s.carrier_id for s in steps]):
        participant = m.participant(pid)
        if pid in shown or participant is None:
            continue
        _member(c, participant.name, participant.role, "", True, [cn for cn in said if cn.speaker_id == pid],
                [s for s in steps if s.carrier_id == pid])


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
             (quoted(quote(r.comment, c.lang)), *c.restricted_mark(r)) if r.comment.strip() else "—"]
            for r in ratings
        ]
        w.table(headers, rows, [5.2, 1.8, 10.0])


def _disagreements(c: Context) -> None:
    """Each disagreement: what it is about, then each party's position, the person's first, in their
    words; then whether it was settled and how, or what was agreed to settle it."""
    found = c.meeting.disagreements
    if not found:
        return
    w = c.writer
    person_id = c.person.id if c.person else ""
    w.heading(c.s("pro.disagreements.heading"), 2)
    for d in found:
        w.bullet([bold(sentence(d.about)), *c.restricted_mark(d)])
        views = {p.participant_id: p.view.strip() for p in d.positions if p.view.strip()}
        parties = sorted(dict.fromkeys([*d.between, *views]), key=lambda pid: pid != person_id)  # stable
        if not views:
            if parties:
                w.indented([c.s("pro.disagreements.between") + " ", sentence(c.names(parties))])
        else:
            for pid in parties:
                view = views.get(pid, "")
                if pid == person_id and view:
                    said: list = [quoted(quote(view, c.lang))]
                elif view:
                    said = [sentence(view)]
                else:
                    said = [] if c.issued else [muted(c.s("record.position_missing"))]
                w.indented([bold(c.name(pid) + (c.colon if said else "")), *said])
        state = c.s("pro.disagreements.settled" if d.settled else "pro.disagreements.open")
        if d.resolution.strip():
            key = "pro.disagreements.how" if d.settled else "pro.disagreements.next"
            w.indented([bold(state + " "), c.s(key) + " ", sentence(d.resolution)])
        else:
            w.indented(bold(state))


def _steps(c: Context) -> None:
    network = {p.id for p in c.meeting.participants if p.kind is ParticipantKind.NETWORK}
    steps = [s for s in c.meeting.steps if s.carrier_id not in network]  # theirs stand with the network
    if not steps:
        return
    w = c.writer
    w.heading(c.s("pro.steps.heading"), 2)
    order = {d: n for n, d in enumerate(Domain)}
    together = {f.domain for f in flags(_carried(c)) if f.kind is FlagKind.CHECK_TOGETHER}
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


def _carried(c: Context):
    """The meeting without the actions this copy only says exist (« détail partagé avec… »)."""
    m = c.meeting
    if not c.withheld:
        return m
    return m.model_copy(update={"actions": [a for a in m.actions if a.id not in c.withheld]})


def _coordination(c: Context) -> None:
    """What the coordination view flags, from what this copy carries only: an action kept out of this copy
    is not counted (its domain is not said here, and « no domain » would be false), and the actions left
    without a domain are the facilitator's to complete, not the partners' to read."""
    m = _carried(c)
    found = [f for f in flags(m) if f.kind is not FlagKind.NO_DOMAIN]
    if not found:
        return
    c.writer.heading(c.s("pro.coordination.heading"), 2)
    c.writer.bullets(capitalised(f.sentence(m, c.lang)) for f in found)


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
        lines.append(quoted(quote(action.person_words, c.lang)))
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
    questions = [q for q in m.open_questions if q.text.strip()]
    if not questions:  # items not reached are said, with their outcome, in the agenda's table
        return
    w.heading(c.s("pro.questions.heading"))
    for q in questions:
        origin = ""
        if q.carried_from and q.carried_from.meeting_date:
            origin = " (" + c.s("common.carried_from", date=c.short_date(q.carried_from.meeting_date)) + ")"
        w.bullet([q.text.strip(), muted(origin), *c.restricted_mark(q)])


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
    invited = [c.name(pid) for pid in invitees_in_order(c.meeting)] + ([nm.others.strip()] if nm.others.strip() else [])
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
    w.para(_status_line(c, "distribution"))
    if c.issued and issues and issues[-1].what_changed.strip():
        w.labelled(c.s("pro.distribution.changed"), issues[-1].what_changed.strip())
    contact = m.participant(m.minute_taker_id) or m.participant(m.facilitator_id)
    if contact is None:
        who = c.s("common.facilitator")
    else:
        who = contact.name + (f" ({contact.contact.strip()})" if contact.contact.strip() else "")
    w.para(c.s("pro.distribution.correction", count=m.distribution.correction_days, who=who))
    w.para(c.s("pro.distribution.no_forward", person=c.person_label))


def _data_protection(c: Context) -> None:
    """Who is responsible, why and on what basis, how long, the person's rights; the data-protection
    officer and where to complain only as the organisation's settings name them (`config.DataProtection`);
    the rest from the meeting (the organisation, the reference person, the person's recorded agreement)."""
    m, w, org = c.meeting, c.writer, c.protection
    w.heading(c.s("pro.privacy.heading"))
    organisation = m.organisation.strip() or c.s("pro.privacy.the_organisation")
    reference = m.participant(m.reference_person_id) or m.participant(m.facilitator_id)
    person = c.person_label
    shared = m.consent.status in (ConsentStatus.GIVEN, ConsentStatus.PARTIAL)
    basis = c.s("privacy.legal_basis" if shared else "privacy.legal_basis_mission", person=person,
                organisation=organisation)
    texts = {
        "pro.privacy.label.controller": sentence(org.controller) if org.controller
        else c.s("pro.privacy.controller", organisation=organisation),
        # Only the organisation's settings name a data-protection officer and the authority a complaint
        # goes to: the facilitator is not the DPO, and the authority is the organisation's to name. When
        # they are not set, the minute says nothing of them (the issue dialog tells the facilitator).
        **({"pro.privacy.label.dpo": sentence(org.contact)} if org.contact else {}),
        "pro.privacy.label.purpose": c.s("pro.privacy.purpose", person=person),
        "pro.privacy.label.legal_basis": sentence(org.legal_basis) if org.legal_basis else basis,
        "pro.privacy.label.secrecy": c.s("pro.privacy.secrecy"),
        "pro.privacy.label.retention": sentence(org.retention) if org.retention else c.s("pro.privacy.retention"),
        "pro.privacy.label.rights": c.s("privacy.rights", contact=reference.name if reference else organisation),
        **({"privacy.label.complaint": c.s("privacy.complaint", person=person, authority=org.authority.rstrip(". "))}
           if org.authority.strip() else {}),
    }
    for label, text in texts.items():
        w.labelled(c.s(label, person=person), text)


SECTIONS: tuple[Callable[[Context], None], ...] = (
    _opening, _to_do, _participants, _frame, _agenda, _review, _person_view, _network, network_map, _contributions,
    _shared_picture, _actions, _between, _open_questions, _next_meeting, _series_end, _distribution,
    _data_protection,
)


def write_professional(c: Context) -> None:
    for section in SECTIONS:
        section(c)
