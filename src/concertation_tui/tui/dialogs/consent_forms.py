"""The person's consent to sharing, life domain by life domain, taken with the person at the opening (F3)
and amended at the rereading (F12): the same dialog, the same record.

Beside the person's own words about it: each domain is shared with every participant, only with named
participants, or not at all, one key each (a, a digit per participant, x), so that four domains take a
dozen keys. A domain left unsaid is not shared beyond the meeting (the checks say so before the minute
is written). Saying anything per domain makes the consent partial. Every change goes through `app.change`.

One rule, said under the list: a key changes the domain under the cursor, and only the arrows move
the cursor. At 80x24 a facilitator typing « a ↓ x ↓ » from memory recorded consent for domains the
person never spoke about, because `a` and `x` moved on by themselves and the list re-sorted after
each choice: the domains keep the order they had when the dialog opened, the cursor stays where it
is, and the list scrolls so that its row is always on screen, with the footer and the button below.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.option_list import Option

from ...model import ConsentStatus, Domain, DomainConsent, DomainSharing, Meeting, ParticipantKind, ops
from ...model.people_order import everyone_in_order
from ...model.sharing import notes
from ...services.display import date_text
from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import StylesKeptOnResume
from ..footer import FittedFooter
from ..host import our_app
from ..text import colon, key, lbl, Localized, quote, tr
from ..widgets import Choices
from .forms import FormDialog, FormField, QuickToShow
from .meeting_forms import people_options

UNSAID = "unsaid"


def domain_rule(meeting: Meeting, domain: Domain) -> DomainConsent | None:
    return next((r for r in meeting.consent.domains if r.domain is domain), None)


def rule_text(meeting: Meeting, rule: DomainConsent | None) -> str:
    if rule is None:
        return tr("reread.domain_unsaid")
    if rule.sharing is DomainSharing.NAMED:
        names = ", ".join(meeting.name_of(p) for p in rule.participants) or tr("reread.domain_nobody")
        return tr("reread.domain_named", names=names)
    return lbl(rule.sharing)


def domain_form(meeting: Meeting, domain: Domain) -> FormDialog:
    """Enter on a domain: the same people as the digits, numbered the same (never the person: a
    domain is shared with the others about her)."""
    rule = domain_rule(meeting, domain)
    options: list[tuple[str, Any]] = [(tr("reread.domain_unsaid_option"), UNSAID)]
    options += [(lbl(s), s) for s in DomainSharing]

    def validate(values: dict[str, Any]) -> str | None:
        if values["sharing"] is DomainSharing.NAMED and not values["participants"]:
            return tr("reread.domain_needs_names")
        return None

    return FormDialog(tr("reread.domain_title", domain=lbl(domain)), [
        FormField("sharing", tr("reread.domain_sharing"), "radio", rule.sharing if rule else UNSAID, options,
                  vertical=True),
        FormField("participants", tr("reread.domain_participants"), "multi", rule.participants if rule else [],
                  [(Content.assemble(f"{n} ", text), value) for n, (text, value)
                   in enumerate(sharing_options(meeting), 1)]),
    ], validate=validate)


def sharing_options(meeting: Meeting) -> list[tuple[Content, str]]:
    """The people a domain may be shared with by name: `sharing_people`'s order, all of them."""
    wanted = sharing_people(meeting, limit=None)
    shown = dict((value, text) for text, value in people_options(meeting))
    return [(shown[pid], pid) for pid in wanted if pid in shown]


def sharing_people(meeting: Meeting, *, limit: int | None = 9) -> list[str]:
    """Who a domain may be shared with by name, numbered 1-9 in the dialog (the tenth and after are
    in the form Enter opens): everyone but the person, in the order of every list of people."""
    found = [p.id for p in everyone_in_order(meeting) if p.kind is not ParticipantKind.PERSON]
    return found if limit is None else found[:limit]




def concerned_domains(meeting: Meeting) -> list[Domain]:
    """The domains of the meeting, its notes and its consent first, then the others."""
    used: set[Domain] = set(meeting.domains) | {r.domain for r in meeting.consent.domains}
    for note in notes(meeting):
        used.update(note.domains)
    for action in meeting.actions:
        used.update(action.domains)
    return [d for d in Domain if d in used] + [d for d in Domain if d not in used]


class DomainConsentDialog(SkipsEventsWhenDetached, TakesKeysWhileOpening, StylesKeptOnResume, QuickToShow, Localized, ModalScreen[None]):
    """The consent per life domain beside the person's words; Enter changes the domain chosen."""

    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [
        key("escape", "close", "reread_consent_close"),
        key("a", "share('all')", "reread_domain_all"),
        key("x", "share('none')", "reread_domain_none"),
        key("delete", "share('unsaid')", "reread_domain_unsaid", key_display="suppr"),
        *[key(str(n), f"name({n})", "reread_domain_name", show=n == 1, key_display="1-9" if n == 1 else None,
              binding_id=f"reread-domain-name-{n}") for n in range(1, 10)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self._localize()  # the footer's and F1's words for the keys

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog consent-domains") as box:
            box.border_title = Content(tr("reread.consent_domains_title"))
            # The person's words scroll in a few rows of their own: the list and its cursor, the
            # keys' rule and the button stay on screen at 80x24.
            with VerticalScroll(id="consent-words-box", can_focus=False):
                yield Static("", id="consent-words", markup=False)
            yield Choices(id="consent-domains")
            yield Static("", id="consent-domains-help", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(tr("reread.close_button"), id="close", variant="primary", compact=True)
        yield FittedFooter()

    @property
    def meeting(self) -> Meeting:
        meeting = our_app(self.app).meeting
        assert meeting is not None  # the dialog opens on a meeting's screens only
        return meeting

    def on_mount(self) -> None:
        self._order = concerned_domains(self.meeting)
        """The domains in the order they had when the dialog opened: a choice never moves a row."""
        self.refresh_view()
        self.query_one("#consent-domains").focus()

    def refresh_view(self) -> None:
        m = self.meeting
        c = m.consent
        person = m.person
        name = (person.addressed_as or person.name) if person else tr("live.the_person")
        parts: list = [(tr("reread.consent_status") + " ", "bold"), lbl(c.status)]
        if c.date:
            parts.append((f" ({date_text(c.date)})", "dim"))
        if c.person_words:
            parts += ["\n", (tr("reread.consent_words", name=name) + " ", "bold"), quote(c.person_words)]
        if c.scope:
            parts += ["\n", (tr("reread.consent_scope") + " ", "bold"), c.scope]
        if c.status is not ConsentStatus.PARTIAL:
            parts += ["\n", (tr("reread.consent_not_partial"), "italic")]
        self.query_one("#consent-words", Static).update(Content.assemble(*parts))
        keys: list = [(tr("reread.consent_domains_help"), "dim")]
        people = sharing_people(m)
        if people:
            keys += ["\n", (tr("reread.consent_people") + " ", "bold")]
            for n, pid in enumerate(people, 1):
                keys += [(" · " if n > 1 else "") + f"{n} ", (m.name_of(pid), "italic")]
        self.query_one("#consent-domains-help", Static).update(Content.assemble(*keys))

        counts: dict[Domain, int] = {}
        for note in notes(m):
            for d in note.domains:
                counts[d] = counts.get(d, 0) + 1
        choices = self.query_one("#consent-domains", Choices)
        keep = choices.highlighted
        options = []
        for domain in getattr(self, "_order", None) or concerned_domains(m):
            rule = domain_rule(m, domain)
            mark = "?" if rule is None else {DomainSharing.ALL: "√", DomainSharing.NAMED: "►",
                                             DomainSharing.NONE: "×"}[rule.sharing]
            count = counts.get(domain, 0)
            options.append(Option(Content.assemble(
                (f"{mark} {lbl(domain)}{colon()}", "bold"), rule_text(m, rule),
                (f"  ({tr('reread.domain_notes', count=count)})" if count else "", "dim")), id=domain.value))
        choices.set_options(options)
        choices.highlighted = keep if keep is not None else 0
        choices.scroll_to_highlight()

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        domain = Domain(event.option.id)

        def done(values: dict | None) -> None:
            if values:
                self._share(domain, values)
                self.refresh_view()

        self.app.push_screen(domain_form(self.meeting, domain), done)

    def action_share(self, sharing: str) -> None:
        """The domain under the cursor shared with everyone (a), not shared (x), or left unsaid
        (Delete), at once; the cursor stays on it (↓ goes on: see the module's docstring)."""
        choices = self.query_one("#consent-domains", Choices)
        oid = choices.current_id()
        if not oid:
            return
        domain = Domain(oid)
        value = UNSAID if sharing == UNSAID else DomainSharing(sharing)
        values = {"sharing": value, "participants": []}
        if self._share(domain, values):
            self.refresh_view()

    def _today(self):
        return our_app(self.app).now().date()

    def action_name(self, number: int) -> None:
        """Participant `number` added to (or taken from) those the chosen domain is shared with; the cursor
        stays, so that several can be named, then ↓ goes on to the next domain."""
        people = sharing_people(self.meeting)
        oid = self.query_one("#consent-domains", Choices).current_id()
        if not oid or not 1 <= number <= len(people):
            return
        domain, pid = Domain(oid), people[number - 1]
        rule = domain_rule(self.meeting, domain)
        named = list(rule.participants) if rule is not None and rule.sharing is DomainSharing.NAMED else []
        named = [p for p in named if p != pid] if pid in named else [*named, pid]
        values = {"sharing": DomainSharing.NAMED if named else UNSAID, "participants": named}
        if self._share(domain, values):
            self.refresh_view()

    def _share(self, domain: Domain, values: dict) -> bool:
        """Record the domain form's answer (UNSAID: nothing said about the domain)."""
        sharing = None if values["sharing"] == UNSAID else values["sharing"]
        return our_app(self.app).change(ops.set_domain_sharing, domain, sharing,
                                        list(values.get("participants", [])), self._today())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
