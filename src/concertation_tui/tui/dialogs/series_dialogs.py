"""Small dialogs of the follow-up: confirming the consent carried from the previous meeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ...i18n import colon, label
from ...model import DomainSharing, Meeting, ops
from ...services.display import date_text
from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import StylesKeptOnResume
from .forms import AnswersByDeliberateKeys, QuickToShow
from ..text import key, lbl, Localized, quote, tr


def consent_summary(meeting: Meeting) -> Content:
    """The carried consent as the person will hear it read: status, scope, domain by domain, their words."""
    c = meeting.consent
    lang = meeting.language.value
    parts: list = [(tr("open.consent_sharing") + " ", "bold"), lbl(c.status)]
    if c.date:
        parts += [("  (" + date_text(c.date) + ")", "dim")]
    if c.scope:
        parts += ["\n", (tr("open.consent_scope") + " ", "bold"), c.scope]
    for rule in c.domains:
        who = ""
        if rule.sharing is DomainSharing.NAMED:
            who = colon(lang) + ", ".join(meeting.name_of(x) for x in rule.participants)
        parts += ["\n", f"  · {label(rule.domain, lang)} — {label(rule.sharing, lang)}{who}"]
    if c.person_words:
        parts += ["\n", (tr("open.consent_words") + " ", "bold"), quote(c.person_words)]
    return Content.assemble(*parts)


class ConsentConfirm(SkipsEventsWhenDetached, AnswersByDeliberateKeys, TakesKeysWhileOpening, StylesKeptOnResume,
                     QuickToShow, Localized, ModalScreen[str | None]):
    """The consent carried from the previous meeting, read with the person: "yes" (confirmed as it is),
    "change" (open the consent form) or None (later: it stays to be confirmed). No letter answers it: a
    consent is confirmed by Enter on its button (see AnswersByDeliberateKeys)."""

    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [
        *AnswersByDeliberateKeys.DELIBERATE_BINDINGS,
        key("escape", "answer('')", "consent_confirm_later"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self._localize()
        self.meeting = meeting
        self.default_button = "yes"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = Content(tr("consent_confirm.title"))
            with VerticalScroll(id="form"):
                yield Static(consent_summary(self.meeting), classes="intro")
            yield Static(Content.assemble((tr("consent_confirm.question"), "bold")), classes="intro")
            yield Static("", id="confirm-letters", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(tr("consent_confirm.yes"), id="yes", variant="primary", compact=True)
                yield Button(tr("consent_confirm.change"), id="change", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{self.default_button}", Button).focus()

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)


def confirm_carried_consent(screen, open_form) -> None:
    """The consent carried from the previous meeting is read with the person: confirmed as it is (dated
    today), or changed in the consent form (`open_form`); Escape leaves it to be confirmed."""
    app = screen.app
    today = screen.meeting.date or app.now().date()  # confirmed at the meeting: its date

    def answer(choice: str | None) -> None:
        if choice == "yes":
            if screen.change(ops.confirm_carried_consent, today):
                app.say(tr("consent_confirm.done"))
        elif choice == "change":
            open_form()

    app.push_screen(ConsentConfirm(screen.meeting), answer)
