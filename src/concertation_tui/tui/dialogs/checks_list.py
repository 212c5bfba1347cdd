"""The readiness checks, listed in full: a count such as « 2 à corriger » says which they are, and Enter
goes to the record a check is about (the action, the participant, the consent...).

Opened by a key from the steps that show the count (Actions F5, Close F6, the rereading F12), and in place
of a yes/no question where the count stops the minute: writing it (F6 g) or issuing it (F12 i) with
points « à corriger » lists them, with « quand même (o) » beside the list.

Returns ("go", index in `findings`), ("anyway",) or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.option_list import Option

from ...model import Level
from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import StylesKeptOnResume
from .forms import AnswersByDeliberateKeys, QuickToShow
from ..host import our_app
from ..footer import FittedFooter
from ..text import Localized, key, tr
from ..widgets import Choices


def errors_first(findings: list) -> list:
    """The checks to fix first, then the others, each group in its own order."""
    return [f for f in findings if f.level is Level.ERROR] + [f for f in findings if f.level is not Level.ERROR]


class ChecksList(SkipsEventsWhenDetached, AnswersByDeliberateKeys, TakesKeysWhileOpening, StylesKeptOnResume,
                 QuickToShow, Localized, ModalScreen[tuple | None]):
    """The checks to fix, listed; with `anyway`, a button that issues in spite of them, reached with Tab
    or ← → and pressed with Enter: no letter issues the minute (see AnswersByDeliberateKeys)."""

    HIDE_FOREIGN_BINDINGS = True
    BINDINGS = [
        *AnswersByDeliberateKeys.DELIBERATE_BINDINGS,
        key("escape", "close", "notice_close"),
    ]

    def __init__(self, findings: list, *, intro: str, anyway: str = "") -> None:
        """`anyway`: the words of the button that goes on in spite of them (none: only the list)."""
        super().__init__()
        self._localize()
        self.findings = findings
        self.intro = intro
        self.anyway = anyway

    def compose(self) -> ComposeResult:
        from ..screens.actions import finding_prompt

        lang = our_app(self.app).language
        with Vertical(id="dialog", classes="dialog checks-list") as box:
            box.border_title = Content(tr("checks_list.title"))
            yield Static(Content(self.intro), classes="intro")
            yield Choices(*[Option(finding_prompt(f, lang), id=str(n)) for n, f in enumerate(self.findings)],
                          id="checks-list")
            yield Static(tr("checks_list.hint"), classes="note", markup=False)
            yield Static("", id="confirm-letters", markup=False)
            with Horizontal(classes="buttons"):
                if self.anyway:
                    yield Button(self.anyway, id="anyway", compact=True)
                yield Button(tr("reread.close_button"), id="close", variant="primary", compact=True)
        yield FittedFooter()

    def on_mount(self) -> None:
        choices = self.query_one("#checks-list", Choices)
        if self.findings:
            choices.highlighted = 0
        choices.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.anyway) if action == "anyway" else True

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        self.dismiss(("go", int(event.option.id or 0)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(("anyway",) if event.button.id == "anyway" else None)

    def action_anyway(self) -> None:
        self.dismiss(("anyway",))

    def action_close(self) -> None:
        self.dismiss(None)


def open_finding(app, finding) -> None:
    """Go to what `finding` is about: the rereading opens its note there; elsewhere the step that holds it."""
    screen = app.screen
    if hasattr(screen, "go_to_finding"):
        screen.go_to_finding(finding)
        return
    from ..screens.actions import go_to_finding

    app.run_worker(go_to_finding(app, finding))


def show_checks(app, findings: list, *, intro: str = "", anyway: str = "", then=None) -> None:
    """List `findings` (the errors first); Enter goes to one; `then()` runs when « quand même » is chosen."""
    ordered = errors_first(findings)
    if not intro:
        errors = sum(1 for f in ordered if f.level is Level.ERROR)
        intro = tr("checks_list.intro", errors=errors, total=len(ordered))

    def chosen(answer: tuple | None) -> None:
        if not answer:
            return
        if answer[0] == "anyway":
            if then is not None:
                then()
        elif 0 <= answer[1] < len(ordered):
            open_finding(app, ordered[answer[1]])

    app.push_screen(ChecksList(ordered, intro=intro, anyway=anyway), chosen)
