"""The letter to the person: what we decided together, in plain words, written to them (« vous »).

Large type, no italics, no grey (easy-read practice); short sentences, one idea each: what they said,
what was decided and who does what by when (each action in the person's wording, `wording`), who to
call between meetings, the next meeting. Every name comes with a role the person knows; each technical
word is explained in plain words where it is first used (`glossary`); the letter says whom to call to
read it with them (FALC: someone reads it back). It carries the person's own words, the answer the
meeting found to its question, the decisions, and where the person does not agree with someone yet (with
their own words and who sees it otherwise); never a partner's assessment, a restricted note or a
disagreement between services (only what was agreed).

The letter is first a list of blocks (`letter_blocks`), each naming the record it comes from, so that
the readability check (`readability`) reads exactly what the person will read; `write_letter` then
writes the blocks into the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..language_tools.acronyms import ACRONYM, explained_in_brackets
from ..language_tools.glossary import find as find_terms
from ..model.people_order import invitees_in_order
from ..model import Action, ActionStatus, Attendance, ParticipantKind, ViewAspect
from ..model.checks import carrier_name, is_collective, written_about_the_person
from ..language_tools.wording import job_of, role_for_person, spoken_name, to_you, who, with_roles, wording
from .context import Context
from .spans import Span, bold
from .network_picture import letter_section as network_map
from .text import capitalised, names, quote, sentence

OPEN = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE)
CHECKED = ("para", "bullet", "lead", "indented")
LISTS = ("participant", "invitees")
"""Blocks that name people (who was there, who is invited): no explanation breaks such a list."""
"""Blocks whose words are sentences the readability check reads (not titles, headings or the signature)."""


@dataclass
class Block:
    kind: str
    """title, subtitle, heading, para, lead (bold, introduces a list), bullet, indented, signature,
    signature_line, explain (a glossary explanation)."""
    line: list[str | Span]
    source: tuple[str, str] = ("letter", "")
    """The record the words come from: ('action', id), ('disagreement', id), ('question', id),
    ('between_meetings', ''), ('next_place', ''), ('status_reason', action id), or ('letter', '') for
    the letter's own sentences."""
    keep_with_next: bool = False
    space_after: bool = False
    explains: tuple[str, ...] = ()
    """For an explanation: the glossary term it explains."""

    @property
    def text(self) -> str:
        return "".join(s if isinstance(s, str) else s.text for s in self.line)


@dataclass
class Letter:
    c: Context
    blocks: list[Block] = field(default_factory=list)
    roles_said: set[str] = field(default_factory=set)

    def add(self, kind: str, *line: str | Span, source: tuple[str, str] = ("letter", ""), **fmt: bool) -> None:
        self.blocks.append(Block(kind, [part for part in line if part], source, **fmt))

    def you(self, text: str) -> str:
        """A facilitator's text for the person: « vous », and every name with its role."""
        m, lang = self.c.meeting, self.c.lang
        return capitalised(with_roles(to_you(text.strip(), m, lang), m, lang, set()))


def _s(c: Context, key: str, **params: object) -> str:
    return c.s(key, **params)


def _letter_date(c: Context) -> dt.date | None:
    """The day the letter is sent: the issue being made (or the last one); None for a draft never sent."""
    issues = c.meeting.distribution.issues
    return issues[-1].at.date() if issues else None


def _reader(c: Context):
    """Who reads the letter with the person, and whom they call: their reference person, else the facilitator."""
    m = c.meeting
    return m.participant(m.reference_person_id) or m.participant(m.facilitator_id)


def _greeting(c: Context, out: Letter) -> None:
    m = c.meeting
    out.add("title", c.s("letter.title"))
    if m.date:
        out.add("subtitle", c.s("letter.subtitle", date=c.long_date(m.date)))
    person = c.person
    if person is not None:  # the greeting names the person to them: not a mention in the third person
        out.add("para", c.s("letter.hello", name=person.addressed_as.strip() or person.name), source=("greeting", ""))
    else:
        out.add("para", c.s("letter.hello_plain"))
    if person is not None and person.attendance in (Attendance.EXCUSED, Attendance.ABSENT):
        out.add("para", _s(c, "plain.met_without_you", date=c.long_date(m.date)) if m.date else _s(
            c, "plain.met_without_you_plain"))
        out.add("para", c.s("letter.you_were_absent"))
    else:
        out.add("para", _s(c, "plain.met_on", date=c.long_date(m.date)) if m.date else _s(c, "plain.met"))
        out.add("para", _s(c, "plain.talked"))
    out.add("para", c.s("letter.this_letter"))
    sent = _letter_date(c)
    if sent is not None:
        out.add("para", _s(c, "plain.sent_on", date=c.long_date(sent)))
    issues = m.distribution.issues
    if issues and issues[-1].version > 1:
        out.add("para", c.s("letter.corrected", date=c.long_date(issues[-1].at.date())))
    reader = _reader(c)
    if reader is not None:
        out.add("para", _s(c, "plain.read_with"))
        contact = reader.contact.strip()
        if contact:
            key = "plain.read_with_mail" if "@" in contact else "plain.read_with_call"
            out.add("para", _s(c, key, who=who(m, reader, c.lang)), " ", bold(contact), ".")
        else:
            out.add("para", _s(c, "plain.read_with_ask", who=who(m, reader, c.lang)))
        support = m.participant(m.support_person_id)
        if support is not None and support.id != reader.id:
            out.add("para", _s(c, "plain.read_with_support", who=who(m, support, c.lang)))


def _who_was_there(c: Context, out: Letter) -> None:
    m = c.meeting
    present = [p for p in m.participants if p.kind is not ParticipantKind.PERSON and p.attendance is Attendance.PRESENT]
    if not present:
        return
    out.add("heading", c.s("letter.there.heading"))
    for p in present:
        role = role_for_person(m, p, c.lang, short=False)
        org = p.organisation.split(",")[0].strip()
        where = f" ({org})" if org and p.kind is not ParticipantKind.NETWORK and org.lower() not in role.lower() else ""
        out.add("bullet", f"{spoken_name(m, p)}, {role}{where}" if role else spoken_name(m, p) + where,
                source=("participant", p.id))


def _what_you_said(c: Context, out: Letter) -> None:
    m = c.meeting
    views = m.person_views
    out.add("heading", c.s("letter.said.heading"))
    if not views and not m.last_word.strip():
        out.add("para", c.s("letter.said.nothing"))
        return
    for aspect in (ViewAspect.GENERAL, ViewAspect.GOING_WELL, ViewAspect.WORRIES, ViewAspect.WANTS, ViewAspect.IDEAS):
        said = [v for v in views if v.aspect is aspect]
        if not said:
            continue
        out.add("lead", bold(c.s(f"letter.said.{aspect.value}")), keep_with_next=True)
        for v in said:
            out.add("bullet", quote(v.text, c.lang), source=("person_view", v.id))
    if m.last_word.strip():
        out.add("lead", bold(c.s("letter.said.last_word")), keep_with_next=True)
        out.add("bullet", quote(m.last_word, c.lang), source=("last_word", ""))


def _answer(c: Context, out: Letter) -> None:
    """The question the meeting had to answer and the answer found: said to the person, in « vous »."""
    m = c.meeting
    if not m.conclusion.strip():
        return
    from ..language_tools.words import sentences

    out.add("heading", c.s("letter.answer.heading"))
    if m.purpose.strip():
        out.add("lead", bold(c.s("letter.answer.question")), keep_with_next=True)
        out.add("para", sentence(out.you(m.purpose)), source=("purpose", ""))
        out.add("lead", bold(c.s("letter.answer.answer")), keep_with_next=True)
    for line in sentences(out.you(m.conclusion)):
        out.add("para", sentence(line), source=("conclusion", ""))


def _person_disagreements(c: Context) -> list:
    """The disagreements not settled that the person is a party to (a disagreement between services is
    not the letter's: only what was agreed)."""
    person = c.person
    if person is None:
        return []
    return [d for d in c.meeting.disagreements if not d.settled
            and (person.id in d.between or any(p.participant_id == person.id for p in d.positions))]


def _not_agreed(c: Context, out: Letter) -> None:
    """Where the person and someone else do not agree yet: what about, the person's own words, who sees it
    otherwise (their position is their assessment: it stays in the professional minute), and what was
    agreed to move on, if anything."""
    m, person = c.meeting, c.person
    found = _person_disagreements(c)
    if person is None or not found:
        return
    out.add("heading", c.s("letter.disagreement.heading"))
    for d in found:
        source = ("disagreement", d.id)
        lines: list[str] = []
        views = {p.participant_id: p.view.strip() for p in d.positions if p.view.strip()}
        if views.get(person.id):
            # Her position as the facilitator typed it in the disagreement's form: « vous avez dit » only
            # when it reads as her own words (« je reste chez moi »); written about her (« ne veut pas… »),
            # it is her position as noted, never words put in her mouth (the checks flag it too).
            words = views[person.id].strip().strip("«»“”\"").strip()
            lead = "letter.disagreement.your_position" if written_about_the_person(m, words) else "letter.decided.you_said"
            lines.append(f'{c.s(lead)} {quote(words, c.lang)}')
        others = [m.participant(pid) for pid in dict.fromkeys([*d.between, *views]) if pid != person.id]
        others = [o for o in others if o is not None]
        if others:
            lines.append(c.s("letter.disagreement.others", count=len(others),
                             who=names([spoken_name(m, o) for o in others], c.loc)))  # roles: « Qui était là »
        lines.append(sentence(out.you(d.resolution)) if d.resolution.strip() else c.s("letter.disagreement.open"))
        out.add("bullet", bold(sentence(out.you(d.about))), source=source, keep_with_next=True)
        for n, line in enumerate(lines):
            last = n == len(lines) - 1
            out.add("indented", line, source=source, keep_with_next=not last, space_after=last)


def _nobody(c: Context, action: Action) -> bool:
    name = carrier_name(c.meeting, action).strip()
    return not name or is_collective(name)


def _action(c: Context, out: Letter, action: Action) -> None:
    m = c.meeting
    source = ("action", action.id)
    out.add("bullet", bold(sentence(wording(m, action, c.lang))), source=source, keep_with_next=True)
    details: list[tuple[list[str | Span], tuple[str, str]]] = []
    if _nobody(c, action) and action.status in OPEN:
        details.append(([_s(c, "plain.who_to_decide")], source))
    if action.carried_from is not None:
        if action.due and m.date and action.due < m.date and action.status is not ActionStatus.DONE:
            details.append(([c.s("letter.decided.was_due", date=c.long_date(action.due))], source))
        details.append(([c.s(f"letter.decided.status.{action.status.value}")], source))
        if action.status in (ActionStatus.NOT_DONE, ActionStatus.DROPPED) and action.status_reason.strip():
            details.append(([sentence(out.you(action.status_reason))], ("status_reason", action.id)))
        words = action.change_for_person or ""
    else:
        if action.due:
            details.append(([_s(c, "plain.due", date=c.long_date(action.due))], source))
        details.append(([c.s(f"letter.decided.agreement.{action.agreement.value}")], source))
        words = action.person_words
    if words.strip():
        details.append(([f'{c.s("letter.decided.you_said")} {quote(words, c.lang)}'], source))
    for n, (line, from_) in enumerate(details):
        last = n == len(details) - 1
        out.add("indented", *line, source=from_, keep_with_next=not last, space_after=last)


def _decided(c: Context, out: Letter) -> None:
    m = c.meeting
    carried = [a for a in m.actions if a.carried_from is not None]
    new = [a for a in m.actions if a.carried_from is None and a.status in OPEN]
    own = {d.id for d in _person_disagreements(c)}  # said with the person's words under their own heading
    agreed = [d for d in m.disagreements if d.resolution.strip() and d.id not in own]
    if not (carried or new or agreed):
        return
    out.add("heading", c.s("letter.decided.heading"))
    if carried:
        out.add("lead", bold(_s(c, "plain.carried_lead")), keep_with_next=True)
        for action in carried:
            _action(c, out, action)
    if new:
        out.add("lead" if carried else "para", *([bold(_s(c, "plain.new_lead"))] if carried else [_s(c, "plain.decided_intro")]),
                keep_with_next=True)
        for action in new:
            _action(c, out, action)
    if agreed:
        out.add("lead", bold(c.s("letter.decided.agreed")), keep_with_next=True)
        for d in agreed:
            out.add("bullet", sentence(out.you(d.resolution)), source=("disagreement", d.id))


def _still_open(c: Context, out: Letter) -> None:
    """The questions left open: they are about the person, so the person reads them too."""
    questions = [q for q in c.meeting.open_questions if q.text.strip()]
    if not questions:
        return
    out.add("heading", c.s("letter.open.heading"))
    for q in questions:
        out.add("bullet", sentence(out.you(q.text)), source=("question", q.id))


def _who_to_call(c: Context, out: Letter) -> None:
    m = c.meeting
    reference = m.participant(m.reference_person_id)
    if reference is None and not m.between_meetings.strip():
        return
    closed = m.series.closed_on is not None  # no "between two meetings" after the last one
    out.add("heading", c.s("letter.call.heading_closed" if closed else "letter.call.heading"))
    if reference is not None and reference.name not in m.between_meetings:  # said once: the text below names them
        out.add("para", _s(c, "plain.call_reference", who=who(m, reference, c.lang)))
        contact = reference.contact.strip()
        if contact and contact not in m.between_meetings:  # said once: the text below gives it
            key = "plain.call_mail" if "@" in contact else "plain.call_phone"
            out.add("para", _s(c, key, name=spoken_name(m, reference)), " ", bold(contact), ".")
    if m.between_meetings.strip():
        from ..language_tools.words import sentences

        for line in sentences(out.you(m.between_meetings)):
            out.add("para", line, source=("between_meetings", ""))


def _next_meeting(c: Context, out: Letter) -> None:
    m = c.meeting
    nm = m.next_meeting
    if not (nm.date or nm.place.strip()):
        return
    out.add("heading", c.s("letter.next.heading"))
    if nm.date:
        when = c.long_date(nm.date) + (c.s("common.at_time", time=c.time(nm.time)) if nm.time else "")
        out.add("para", c.s("letter.next.when", when=when), keep_with_next=True)
    if nm.place.strip():
        out.add("para", c.s("letter.next.where", place=sentence(out.you(nm.place))), source=("next_place", ""),
                keep_with_next=True)
    person = c.person
    invited = [m.participant(p) for p in invitees_in_order(m) if person is None or p != person.id]
    lines = [who(m, p, c.lang) for p in invited if p is not None]
    if nm.others.strip():
        lines.append(out.you(nm.others))
    if lines:
        out.add("lead", bold(_s(c, "plain.invited")), keep_with_next=True)
        for line in lines:
            out.add("bullet", capitalised(line), source=("invitees", ""))
        if nm.person_agrees is True:
            out.add("para", c.s("letter.next.you_agree"))


def _series_end(c: Context, out: Letter) -> None:
    """The meetings stop: said plainly, with the reason in the person's terms."""
    series = c.meeting.series
    if series.closed_on is None:
        return
    out.add("heading", c.s("letter.series_end.heading"))
    out.add("para", c.s("letter.series_end.closed", date=c.long_date(series.closed_on)))
    if series.closed_reason is not None:
        out.add("para", c.s(f"letter.series_end.reason.{series.closed_reason.value}"))


def _closing(c: Context, out: Letter) -> None:
    """Where to say something is wrong, and the signature: kept together on one page."""
    m = c.meeting
    out.add("heading", c.s("letter.closing.heading"))
    contact = _reader(c)
    name = who(m, contact, c.lang) if contact else c.s("common.facilitator")
    for line in (_s(c, "plain.wrong", who=name), _s(c, "plain.wrong_days", count=m.distribution.correction_days),
                 _s(c, "plain.right_to_read"), _s(c, "plain.ask_minute", name=spoken_name(m, contact) if contact
                                                   else name)):
        out.add("para", line, keep_with_next=True)
    signer = m.participant(m.facilitator_id)
    if signer is not None:
        out.add("signature", signer.name, keep_with_next=True)
        lines = [line.strip() for line in (job_of(signer), signer.organisation) if line.strip()]
        for n, line in enumerate(lines):
            out.add("signature_line", line, keep_with_next=n < len(lines) - 1)
    elif out.blocks:
        out.blocks[-1].keep_with_next = False


def _network_map(c: Context, out: Letter) -> None:
    """The map of the person's network: a picture, written in its place by network_picture.py."""
    if c.meeting.network_map:
        out.add("network_map")


SECTIONS = (_greeting, _who_was_there, _what_you_said, _network_map, _answer, _decided, _not_agreed, _still_open,
            _series_end, _who_to_call, _next_meeting, _closing)


def _explain(c: Context, blocks: list[Block]) -> list[Block]:
    """After the block where a glossary term is first used (outside the person's quoted words), its
    explanation, once."""
    from ..language_tools.glossary import terms

    known = terms(c.lang)
    explained: set[str] = set()
    # « l'agence immobilière sociale (AIS) » somewhere in the letter: where AIS is first used without its
    # long form, the letter says it (« AIS : agence immobilière sociale »)
    in_brackets: dict[str, str] = {}
    for block in blocks:
        for acronym, long in explained_in_brackets(block.text).items():
            in_brackets.setdefault(acronym, long)
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if block.kind in ("title", "subtitle", "signature", "signature_line") or block.source[0] in LISTS:
            continue  # a list of people is read as names: its words are explained where a sentence uses them
        text = block.text
        quoted = _quoted_spans(text)
        here = explained_in_brackets(text)
        for found in ACRONYM.finditer(text):
            acronym = found.group()
            if acronym in in_brackets and acronym not in explained and not any(a <= found.start() < b for a, b in quoted):
                explained.add(acronym)
                if acronym not in here:
                    out.append(Block("explain", [bold(acronym), c.colon, _lower_first(in_brackets[acronym]) + "."],
                                     ("glossary", acronym), keep_with_next=block.keep_with_next, explains=(acronym,)))
        for found in find_terms(text, c.lang, known):
            if any(a <= found.start < b for a, b in quoted):
                continue
            name = found.term.names[0]
            if name in explained:
                continue
            explained.add(name)
            out.append(Block("explain", [bold(capitalised(name)), c.colon, _lower_first(found.term.explanation)],
                             ("glossary", name), keep_with_next=block.keep_with_next, explains=(name,)))
    return out


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»|“[^”]*”", text)]


def _lower_first(text: str) -> str:
    """« Un petit bouton… » after a colon: « un petit bouton… » (an acronym keeps its capitals)."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def letter_blocks(c: Context) -> list[Block]:
    """The letter as the person will read it, block by block."""
    out = Letter(c)
    for section in SECTIONS:
        section(c, out)
    return _explain(c, out.blocks)


def write_letter(c: Context) -> None:
    from docx.shared import Cm, Pt

    w = c.writer
    for block in letter_blocks(c):
        fmt: dict[str, object] = {}
        if block.keep_with_next:
            fmt["keep_with_next"] = True
        if block.kind == "title":
            w.para(block.line, "Title")
        elif block.kind == "subtitle":
            w.para(block.line, "Subtitle")
        elif block.kind == "heading":
            w.heading(block.text)
        elif block.kind == "bullet":
            w.bullet(block.line, **fmt)
        elif block.kind == "lead":
            w.para(block.line, space_before=Pt(6), **fmt)
        elif block.kind == "indented":
            w.indented(block.line, **fmt, **({"space_after": Pt(9)} if block.space_after else {}))
        elif block.kind == "explain":
            w.indented(block.line, left_cm=1.2, **fmt)
        elif block.kind == "signature":
            w.para(block.line, "Signature", **fmt)
        elif block.kind == "network_map":
            network_map(c)
        elif block.kind == "signature_line":
            w.para(block.line, space_after=Cm(0), **fmt)
        else:
            w.para(block.line, **fmt)
