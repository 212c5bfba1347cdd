"""Small dialogs (frogmouth's pattern: `ModalScreen[T]` classes returning a value).

`FormDialog` builds an edit form from a list of `FormField`s and returns the values typed (a dict), or
None when cancelled. Enter (from any field, a closed drop-down too) or ctrl+s saves, Escape cancels,
Tab moves between fields. In a field of several lines (« une par ligne », `lines=True`) Enter adds a
line and ctrl+s saves: the field's note says so, and F1. A form with a third button (delete) has
its key too (ctrl+d), in the footer: a button reached only by Tab is one a newcomer never finds. In a drop-down, typing the start of an option chooses it (finding.py). Dates are typed
JJ/MM/AAAA; a wrong one is said under the form and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from textual import events
from textual._context import active_app
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, RadioSet, Select, Static
from textual.widgets.selection_list import Selection

from ...services.display import date_text, parse_date, parse_time, time_text
from ..early_keys import TakesKeysWhileOpening
from ..lifetime import SkipsEventsWhenDetached
from ..prebuild import StylesKeptOnResume, breakpoints
from ..finding import FindSelect
from ..footer import FittedFooter
from ..host import meeting_app
from ..text import Localized, current_lang, key, tr
from ..widgets import Choice, Field, Picks, ShortText, Tick


@dataclass(frozen=True)
class Pressed:
    """What a form returns when its third button (e.g. delete) is pressed instead of saving."""

    button: str


DELETE = Pressed("delete")
FormResult = dict[str, Any] | Pressed | None
"""A form's answer: the values by field name (saved), a third button pressed, or None (cancelled)."""


@dataclass
class FormField:
    name: str
    caption: str
    kind: str = "text"
    """text, long (a few rows that grow), date, time, int, choice (a list to open), radio (a few
    options side by side), multi (tick several), check (yes/no)."""
    value: Any = None
    options: Sequence[tuple[str | Content, Any]] = field(default_factory=tuple)
    required: bool = False
    placeholder: str = ""
    note: str = ""
    minimum: int | None = None
    maximum: int | None = None
    allow_blank: bool = True
    vertical: bool = False
    lines: bool = False
    """A long field of one thing a line: Enter adds a line there (ctrl+s saves the form)."""
    follows: str = ""
    """For a multi field: the choice field whose value proposes its ticks (the life domains of the agenda
    item chosen). The ticks follow that choice as long as they are what it proposed; once the facilitator
    ticks by hand, they stay as ticked."""
    proposal: Callable[[Any], Sequence[Any]] | None = None
    """What the followed choice's value proposes (see `follows`)."""


def _as_data(value: Any) -> Any:
    """`value` as plain comparable data: Content compares its text only, so its styles are added."""
    if isinstance(value, Content):
        return ("content", value.plain, tuple(value.spans))
    if isinstance(value, (list, tuple)):
        return tuple(_as_data(part) for part in value)
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(value))
    return value


def _field_data(spec: FormField) -> tuple:
    # `proposal` is behaviour (a function made with each form), not shown: `take_over` hands it over
    return tuple(_as_data(getattr(spec, name)) for name in FormField.__dataclass_fields__ if name != "proposal")


class QuickToShow:
    """Mixed into a dialog (before ModalScreen): shown, it is styled once and laid out once.

    - Made with the terminal's breakpoint classes (-narrow, -short): Textual sets them at the dialog's
      first Resize, and every widget of the form was styled again.
    - Marked as styled with the stylesheet of now (as prebuild.py marks the screens it builds): it is
      styled when it mounts, and with StylesKeptOnResume its first ScreenResume styled it all again.
    - Textual sends a screen a Resize when it is first laid out, and `Screen._on_resize` then lays out
      again the screen itself and every screen under it: each form's opening laid out the step under it
      (the live step's lists: hundreds of lines at the very large size) and the form a second time, for
      the size they already had. Here a screen already laid out at that size is left as it is (a change
      waiting is laid out when its screen is shown again, as Textual does); a new terminal size still
      lays out each one."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        try:
            app = active_app.get()
        except LookupError:  # made outside a running app (a test of its fields)
            return
        if app.size:
            breakpoints(self, app.size)  # type: ignore[arg-type]  (a mixin of Screen classes only)
        self._css_update_count = app._css_update_count

    async def _on_resize(self, event: events.Resize) -> None:
        event.stop()
        event.prevent_default()  # in place of Screen._on_resize, not before it
        screen: Screen = self  # type: ignore[assignment]  (a mixin of Screen classes only)
        size = event.size
        for shown in (screen, *screen.app._background_screens):
            if shown._compositor.size != size:
                shown._screen_resized(size)
        breakpoints(screen, size, update=True)


class FormError(Exception):
    """A value typed in the form is not acceptable; the sentence says which and why."""


class FormDialog(SkipsEventsWhenDetached, TakesKeysWhileOpening, StylesKeptOnResume, QuickToShow, Localized, ModalScreen[dict[str, Any] | None]):
    """An edit form in a dialog. Returns {field name: value} or None."""

    HIDE_FOREIGN_BINDINGS = True
    HELP_EXTRA = "help.form_extra"
    """What F1 adds to the keys: choosing in a list by typing (no binding says it)."""
    BINDINGS = [
        key("ctrl+s", "save", "form_save", priority=True),
        key("enter", "save_enter", "form_save", priority=True, show=False, binding_id="form-save-enter"),
        key("escape", "cancel", "form_cancel"),
        key("ctrl+d", "extra", "form_delete", priority=True),
    ]

    def __init__(
        self,
        title: str | Content,
        fields: Sequence[FormField],
        *,
        intro: str | Content = "",
        validate: Callable[[dict[str, Any]], str | None] | None = None,
        extra_button: tuple[str, str] | None = None,
        first: str = "",
        save_label: str = "",
    ) -> None:
        super().__init__()
        self._localize()
        self.made_in = current_lang()
        """The language of its words and keys."""
        self.save_label = save_label
        """The words of the button that saves, when « Enregistrer » is not what it does (« Émettre »)."""
        self.BINDING_GROUP_TITLE = tr("help.group_form")  # F1's heading for the form's keys
        self.first = first
        """The field that has the focus when the form opens (its name); the first field by default."""
        self.title_text = title
        self.fields = list(fields)
        self.intro = intro
        self.validate = validate
        self.extra_button = extra_button
        """(result marker, button words): a third button (e.g. delete) whose press the form returns as
        `Pressed(marker)` instead of the values."""

    def signature(self) -> tuple:
        """What the form shows and returns, as data: two forms with the same signature are the same
        form (a form built ahead in idle time stands for one made at the key: tui/prebuild.py). The
        validation is behaviour, not shown: `take_over` hands it to the form built ahead."""
        return (type(self), self.made_in, _as_data(self.title_text), _as_data(self.intro),
                tuple(_field_data(spec) for spec in self.fields), self.extra_button, self.first, self.save_label,
                self.validate is None)

    def take_over(self, made: FormDialog) -> FormDialog:
        """This form (built ahead, not shown yet) in place of `made`, of the same signature: it checks
        the values as `made` would (its validation reads the meeting as it is now)."""
        self.validate = made.validate
        for mine, theirs in zip(self.fields, made.fields):
            mine.proposal = theirs.proposal  # what an item proposes, read from the meeting as it is now
        return self

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = Content(self.title_text) if isinstance(self.title_text, str) else self.title_text
            # Not focusable: Tab from the last field (a date, often) went on to the scrolling box
            # itself, which shows no cursor: the facilitator lost the form. It scrolls to each field.
            # Shown when the meeting is open read-only (another session holds it): the fields are closed.
            yield Static("", id="form-read-only", markup=False)
            with VerticalScroll(id="form", can_focus=False):
                if self.intro:
                    yield Static(Content(self.intro) if isinstance(self.intro, str) else self.intro, classes="intro")
                for spec in self.fields:
                    if spec.kind != "check":
                        yield Label(Content(spec.caption), classes="caption", markup=False)
                    note = " ".join(n for n in (tr("form.lines_note") if spec.lines else "", spec.note) if n)
                    if note:
                        yield Label(Content(note), classes="note", markup=False)
                    yield self._widget(spec)
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.save_label or tr("form.save"), id="save", variant="primary", compact=True)
                if self.extra_button:
                    yield Button(f"{self.extra_button[1]} (^d)", id="extra", variant="error", compact=True)
                cancel = Button(tr("form.cancel"), id="cancel", compact=True)
                cancel.can_focus = False  # Tab from the last field never lands on it (Enter would lose the form)
                yield cancel
        yield FittedFooter()  # the form's keys, not those of the step under it

    def _widget(self, spec: FormField):
        wid = f"f-{spec.name}"
        if spec.kind == "long":
            if spec.lines:  # Enter is a new line here, not "save"
                return ShortText(spec.value or "", id=wid, classes="long lines", placeholder=spec.placeholder,
                                 submit_keys=())
            return ShortText(spec.value or "", id=wid, classes="long", placeholder=spec.placeholder)
        if spec.kind in ("text", "date", "time", "int"):
            value = spec.value
            if spec.kind == "date":
                value = date_text(value)
            elif spec.kind == "time":
                value = time_text(value)
            elif spec.kind == "int":
                value = "" if value is None else str(value)
            placeholder = spec.placeholder or {
                "date": tr("form.date_placeholder"), "time": tr("form.time_placeholder"),
            }.get(spec.kind, "")
            return Field(value or "", id=wid, placeholder=placeholder,
                         type="integer" if spec.kind == "int" else "text", compact=True)
        if spec.kind == "choice":
            options = [(Content(text) if isinstance(text, str) else text, value) for text, value in spec.options]
            known = {value for _, value in spec.options}
            value = spec.value if spec.value in known else Select.NULL
            return FindSelect(options, id=wid, value=value, allow_blank=spec.allow_blank,
                              prompt=tr("form.choose_typing"), compact=True)
        if spec.kind == "radio":
            return _Radio(spec)
        if spec.kind == "multi":
            chosen = set(spec.value or ())
            return Picks(*[Selection(Content(text) if isinstance(text, str) else text, value, value in chosen)
                           for text, value in spec.options], id=wid, type_to_find=True)
        if spec.kind == "check":
            return Tick(spec.caption, bool(spec.value), id=wid)
        raise ValueError(spec.kind)

    def on_mount(self) -> None:
        for area in self.query(ShortText):
            area.move_cursor(area.document.end)  # editing goes on from the end of the text
        wanted = [w for w in self.query("#form > *") if self.first and w.id == f"f-{self.first}"]
        for widget in [*wanted, *self.query("#form > *")]:
            if widget.focusable:
                widget.focus()
                break
        self._initial = self._raw()
        # what each following field's ticks were proposed as: while they are still that, they follow
        names = {spec.name for spec in self.fields}
        self._proposed = {
            spec.name: set(spec.proposal(self._choice_value(spec.follows)))
            for spec in self.fields if spec.follows in names and spec.proposal is not None
        }

    def on_screen_resume(self) -> None:
        self._reflect_read_only()

    def read_only_reason(self) -> str:
        """Why this form may not be filled in ('' when it may): it edits a meeting this session only
        reads (open in another session). The launcher's forms make new meetings: never read-only."""
        host = meeting_app(self.app)
        if host is None or host.meeting is None or not host.read_only:
            return ""
        from ..screens.base import MeetingScreen  # here: the steps' screens import the dialogs

        if not any(isinstance(screen, MeetingScreen) for screen in self.app.screen_stack):
            return ""
        return tr("form.read_only")

    def _reflect_read_only(self) -> None:
        """In a read-only session the form shows what it holds, takes no typing and says so at the
        top, before a word is typed (the words would be refused at Enter and lost)."""
        reason = self.read_only_reason()
        banner = self.query_one("#form-read-only", Static)
        banner.update(Content(reason))
        banner.display = bool(reason)
        if reason:
            self.app.clear_notifications()  # a message of the step (« rien ne s'écrit ici ») hid this one
        for widget in (*self.query("#form > *"), self.query_one("#save", Button)):
            if widget.focusable or widget.disabled or isinstance(widget, Button):
                widget.disabled = bool(reason)

    def _choice_value(self, name: str) -> Any:
        widget = self.query_one(f"#f-{name}", Select)
        return None if widget.is_blank() else widget.value

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice another field follows was changed: its ticks become the new choice's, unless the
        facilitator ticked them by hand (then they are theirs, and stay)."""
        for spec in self.fields:
            if spec.name not in getattr(self, "_proposed", {}) or event.select.id != f"f-{spec.follows}":
                continue
            picks = self.query_one(f"#f-{spec.name}", Picks)
            if set(picks.selected) != self._proposed[spec.name]:
                continue  # ticked by hand
            value = None if event.select.is_blank() else event.value
            wanted = list(spec.proposal(value))
            picks.deselect_all()
            for one in wanted:
                picks.select(one)
            self._proposed[spec.name] = set(wanted)

    # -- where the form is scrolled --

    def set_focus(self, widget, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Focus a field and show it with its label. Textual centres the focused widget itself (a
        `call_later`), which opened forms scrolled down with the first field's label hidden (« █
        Claire Martin » without « Nom ») and, under load, left a field below the visible rows."""
        in_form = widget is not None and any(a.id == "form" for a in widget.ancestors)
        super().set_focus(widget, scroll_visible=scroll_visible and not in_form, from_app_focus=from_app_focus)
        if in_form:
            self.call_after_refresh(self.show_focused)

    def show_focused(self) -> None:
        """Scroll the form so that the focused field is on screen with its label (and its note): the
        whole field when it fits, so that every line of a list is on screen. The first field: the
        form from its top (the intro too)."""
        try:
            form = self.query_one("#form", VerticalScroll)
        except Exception:  # the form is closing
            return
        focused = self.focused
        field = next((w for w in form.children if focused is not None
                      and (w is focused or w in focused.ancestors)), None)
        if field is None:
            return
        widgets = list(form.children)
        index = widgets.index(field)
        first_field = next((w for w in widgets if w.focusable), None)
        if field is first_field:
            form.scroll_home(animate=False, immediate=True)
            return
        top = index  # the field's caption and note, just above it
        while top > 0 and isinstance(widgets[top - 1], Label):
            top -= 1
        form.scroll_to_widget(field, animate=False, immediate=True)
        form.scroll_to_widget(widgets[top], animate=False, immediate=True)
        form.scroll_to_widget(field, animate=False, immediate=True)  # the field wins if both do not fit

    def on_selection_list_selection_highlighted(self, event) -> None:
        """A list's cursor moved: its line stays on screen (the list scrolls in the form)."""
        self.show_focused()

    def on_radio_set_changed(self, event) -> None:
        self.show_focused()

    def _raw(self) -> list:
        """What the fields hold as typed, to tell whether anything was changed."""
        raw: list = []
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            if spec.kind == "long":
                raw.append(widget.text)  # type: ignore[attr-defined]
            elif spec.kind == "multi":
                raw.append(sorted(map(str, widget.selected)))  # type: ignore[attr-defined]
            else:
                raw.append(getattr(widget, "value", None))
        return raw

    # -- results --

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            if spec.kind == "long":
                value: Any = widget.text.strip()  # type: ignore[attr-defined]
            elif spec.kind == "text":
                value = widget.value.strip()  # type: ignore[attr-defined]
            elif spec.kind == "date":
                try:
                    value = parse_date(widget.value)  # type: ignore[attr-defined]
                except ValueError:
                    raise FormError(tr("form.bad_date", field=spec.caption)) from None
            elif spec.kind == "time":
                try:
                    value = parse_time(widget.value)  # type: ignore[attr-defined]
                except ValueError:
                    raise FormError(tr("form.bad_time", field=spec.caption)) from None
            elif spec.kind == "int":
                text = widget.value.strip()  # type: ignore[attr-defined]
                try:
                    value = int(text) if text else None
                except ValueError:
                    raise FormError(tr("form.bad_number", field=spec.caption)) from None
                low = spec.minimum if spec.minimum is not None else -(10**9)
                high = spec.maximum if spec.maximum is not None else 10**9
                if value is not None and not low <= value <= high:
                    raise FormError(tr("form.out_of_range", field=spec.caption, low=low, high=high))
            elif spec.kind == "choice":
                value = None if widget.is_blank() else widget.value  # type: ignore[attr-defined]
            elif spec.kind == "radio":
                value = widget.value  # type: ignore[attr-defined]
            elif spec.kind == "multi":
                value = list(widget.selected)  # type: ignore[attr-defined]
            else:
                value = bool(widget.value)  # type: ignore[attr-defined]
            if spec.required and (value is None or value == "" or value == []):
                raise FormError(tr("form.required", field=spec.caption))
            values[spec.name] = value
        return values

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter saves the form from any field, a closed drop-down too (its choice is made by typing
        or with the arrows); it keeps its own job in an opened drop-down (choose the option) and on
        a button (press it)."""
        if action == "extra":
            return self.extra_button is not None
        if action == "save_enter":
            focused = self.focused
            if focused is None:
                return True
            if isinstance(focused, Button) or focused.has_class("lines"):
                return False
            if any(isinstance(a, Select) and a.expanded for a in focused.ancestors_with_self):
                return False
        return True

    def action_save_enter(self) -> None:
        self.action_save()

    def dismiss(self, result: Any = None):  # type: ignore[override]
        """Saved, cancelled or a third button: the form's kept draft goes (tui/form_drafts.py)."""
        host = meeting_app(self.app)
        if host is not None:
            host.form_closed(self)
        return super().dismiss(result)

    def action_extra(self) -> None:
        """The third button's key (the callers ask before deleting anything)."""
        if self.extra_button:
            self.dismiss(Pressed(self.extra_button[0]))

    def action_save(self) -> None:
        error = self.query_one("#form-error", Static)
        reason = self.read_only_reason()
        if reason:
            error.update(Content(reason))
            error.display = True
            return
        try:
            values = self._values()
            problem = self.validate(values) if self.validate else None
            if problem:
                raise FormError(problem)
        except FormError as found:
            error.update(Content(str(found)))
            error.display = True
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        if self._raw() == getattr(self, "_initial", None):
            self.dismiss(None)
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm(tr("form.discard_title"), tr("form.discard_question"),
                                     yes=tr("form.discard_yes")), answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "extra" and self.extra_button:
            self.dismiss(Pressed(self.extra_button[0]))
        else:
            self.action_cancel()

    def on_input_submitted(self, event) -> None:
        event.stop()
        self.action_save()

    def on_short_text_submitted(self, event: ShortText.Submitted) -> None:
        event.stop()
        self.action_save()


class _Radio(RadioSet):
    """A RadioSet whose `value` is the value of the option pressed."""

    def __init__(self, spec: FormField) -> None:
        self.spec = spec
        self._values = [value for _, value in spec.options]
        buttons = [
            Choice(Content(text) if isinstance(text, str) else text, value=value == spec.value)
            for text, value in spec.options
        ]
        super().__init__(*buttons, id=f"f-{spec.name}", classes="vertical" if spec.vertical else "horizontal")

    def on_mount(self) -> None:
        self.call_after_refresh(self._start_on_pressed)

    def _start_on_pressed(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    # The arrows choose at once (Enter saves the whole form, so it cannot be "choose this one").
    def action_next_button(self) -> None:
        super().action_next_button()
        if self.has_focus:
            self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        if self.has_focus:
            self.action_toggle_button()

    @property
    def value(self) -> Any:
        index = self.pressed_index
        return self._values[index] if 0 <= index < len(self._values) else self.spec.value


class TextPrompt(FormDialog):
    """One text to type (a reason, a last word...). Returns the text, or None when cancelled."""

    def __init__(self, title: str | Content, caption: str, value: str = "", *, placeholder: str = "",
                 intro: str | Content = "", long: bool = True) -> None:
        super().__init__(
            title,
            [FormField("text", caption, "long" if long else "text", value, placeholder=placeholder)],
            intro=intro,
        )

    def dismiss(self, result: Any = None):  # type: ignore[override]
        if isinstance(result, dict):
            result = result.get("text", "")
        return super().dismiss(result)


class AnswersByDeliberateKeys:
    """Mixed into a question that ends or keeps the session, deletes, or confirms for the person
    (before ModalScreen): no letter answers it.

    A facilitator types fast; a question opens under her fingers (ctrl+q, Escape in a form, a key of
    the step) and the next letters of her word reach it: « o » quit the program, « n » kept it. Here
    the answer is a deliberate key: Enter on the focused button (← → or Tab choose it), or Escape.
    Letters and spaces typed meanwhile answer nothing: the dialog says so, and when it was opened
    over the live step they go back to its typing line when it closes (nothing typed is lost)."""

    DELIBERATE_BINDINGS = [
        key("left", "choose(-1)", "confirm_choose"),
        key("right", "choose(1)", "confirm_choose", show=False, binding_id="confirm-choose-right"),
        # priority: it runs after the keys typed before it (tui/early_keys.py), so « ← Entrée » typed at
        # once presses the button ← chose, not the one the focus was on when both keys arrived
        key("enter", "press_focused", "confirm_enter", priority=True),
    ]
    typed: str = ""
    """Letters typed while the question was open (given back to the typing line)."""
    default_button: str = ""
    """The id of the button the question opens with the focus on ('' for none: a list has it)."""

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.typed += event.character
            hint = self.query_one("#confirm-letters", Static)  # type: ignore[attr-defined]
            if not hint.display:
                over_typing = _typing_line_below(self) is not None
                hint.update(Content(tr("confirm.letters_kept" if over_typing else "confirm.letters_ignored")))
                hint.display = True

    def action_choose(self, step: int) -> None:
        buttons = [b for b in self.query(Button) if b.display and not b.disabled]  # type: ignore[attr-defined]
        if not buttons:
            return
        focused = self.focused  # type: ignore[attr-defined]
        if focused not in buttons:
            # its focus not landed yet (a key typed as it opens): from the button it is opening on
            focused = next((b for b in buttons if b.id == self.default_button), None)
        if focused is None:  # from a list in the dialog: to the buttons' row
            target = buttons[0 if step > 0 else -1]
        else:
            target = buttons[(buttons.index(focused) + step) % len(buttons)]
        self.set_focus(target)  # type: ignore[attr-defined]  (now: `focus()` waits for the app's next turn)

    def action_press_focused(self) -> None:
        focused = self.focused  # type: ignore[attr-defined]
        if isinstance(focused, Button):
            focused.press()
        elif hasattr(focused, "action_select"):  # a list in the dialog: Enter chooses its line, as ever
            focused.action_select()  # type: ignore[union-attr]
        elif self.default_button:  # its focus not landed yet: the button it opens on
            self.query_one(f"#{self.default_button}", Button).press()  # type: ignore[attr-defined]

    def dismiss(self, result: Any = None):  # type: ignore[override]
        if self.typed:
            line = _typing_line_below(self)
            if line is not None:
                line.take_typed(self.typed)
            self.typed = ""
        return super().dismiss(result)  # type: ignore[misc]


def _typing_line_below(dialog) -> Any:
    """The live step whose typing line takes the letters typed into a question opened over it."""
    host = meeting_app(dialog.app)
    live = host.live_screen if host is not None else None
    if live is None or host.read_only or live not in dialog.app.screen_stack:
        return None
    return live


class Confirm(SkipsEventsWhenDetached, AnswersByDeliberateKeys, TakesKeysWhileOpening, StylesKeptOnResume,
              QuickToShow, Localized, ModalScreen[bool]):
    """A yes/no question. Enter presses the focused button (No, unless ← → or Tab moved to Yes);
    Escape says no. No letter answers it (see AnswersByDeliberateKeys)."""

    HIDE_FOREIGN_BINDINGS = True

    BINDINGS = [
        *AnswersByDeliberateKeys.DELIBERATE_BINDINGS,
        key("escape", "answer(False)", "confirm_no"),
    ]

    def __init__(self, title: str, question: str | Content, *, yes: str = "", danger: bool = True) -> None:
        super().__init__()
        self._localize()
        self.title_text = title
        self.question = question
        self.yes = yes or tr("confirm.yes")
        self.danger = danger
        self.default_button = "no" if danger else "yes"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog confirm") as box:
            box.border_title = Content(self.title_text)
            yield Static(Content(self.question) if isinstance(self.question, str) else self.question, classes="intro")
            yield Static("", id="confirm-letters", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error" if self.danger else "primary", compact=True)
                yield Button(tr("confirm.no"), id="no", compact=True)
        yield FittedFooter()

    def on_mount(self) -> None:
        self.query_one(f"#{self.default_button}", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")


class Notice(SkipsEventsWhenDetached, TakesKeysWhileOpening, StylesKeptOnResume, QuickToShow, Localized, ModalScreen[None]):
    """A message to read (long sentences: a damaged file, where the minute was written)."""

    HIDE_FOREIGN_BINDINGS = True

    BINDINGS = [key("escape,enter", "close", "notice_close")]

    def __init__(self, title: str, text: str | Content) -> None:
        super().__init__()
        self._localize()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog") as box:
            box.border_title = Content(self.title_text)
            with VerticalScroll(id="form"):
                yield Static(Content(self.text) if isinstance(self.text, str) else self.text, classes="intro")
            with Horizontal(classes="buttons"):
                yield Button(tr("notice.ok"), id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
