"""Nothing typed in a form is lost: what a form holds is kept with the meeting, like the typing line.

The live step's typing line is kept in the meeting file within a second of each key (`progress.draft`,
see screens/live.py) and written by every exit path (safety.py). A form (F9 the person's words, F7 an
action, a note, a disagreement, a participant...) held its words only in its widgets: a dropped SSH
link, a SIGHUP or a crash lost them. This module gives every `FormDialog` the same care:

- as soon as a field of an open form differs from what the form opened with, the whole form (its
  title, where it was opened from, every field as it is) is the meeting's `progress.form_draft`: at
  most `DRAFT_DELAY` after a key through `app.change(ops.keep_form_draft, ...)` (so the ordinary save
  writes it: atomic, 0600, beside the meeting, never in /tmp), and at once in `typed_form`, which the
  emergency writes read from a thread (`ConcertationApp.emergency_snapshot`);
- `flush_form()` keeps it now, from the widgets themselves (the hang-up and crash paths call it
  through `ConcertationApp.flush_typing`, on the event loop, before their synchronous save);
- a form saved or cancelled on purpose (`FormDialog.dismiss`) takes its draft away (`form_closed`);
- reopening the meeting offers it back (`offer_form_draft`): a form opened by a step's key (F9, F7,
  `a`...) is opened again by the same key's action and filled with what was typed; any other form's
  text is put in the live step's typing line and a message says so, with the text.

How the form's origin is known: `FormDraftsMixin.run_action` notes the step screen's action under way
(a key's binding runs through it), and `push_screen` tags a form pushed meanwhile with it.

`put_in_typing_line()` is also what the private-time cover uses for the words typed while the person is
out (screens/private.py): they are never swallowed.

Only the form the facilitator last typed in is kept (forms are seldom stacked); its fields are read
once when typing in it starts, then only the field that changed at each key.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from textual.widgets import Checkbox, Input, RadioSet, Select, SelectionList, TextArea

from ..model import ops
from .text import tr

if TYPE_CHECKING:
    from ..model import FormDraft
    from .dialogs.forms import FormDialog, FormField

DRAFT_DELAY = 0.25
"""Seconds at most between a key typed in a form and the form kept in the meeting (as the typing line:
screens/live.py); the save follows within `app.SAVE_DELAY`."""

FIELD_PREFIX = "f-"
"""A form's field widgets are named `f-<field name>` (dialogs/forms.py)."""

TEXT_KINDS = ("long", "text", "date", "time", "int")
"""Fields whose value is what was typed: the ones given back in words when the form cannot be reopened."""


# -- reading and filling a form ---------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A field's value as it can be written in the file: an enum by its value, a list item by item."""
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(plain(item)) for item in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)


def comparable(values: list[Any]) -> list[Any]:
    """Field values as `FormDialog._raw` or `describe` give them, in one form that compares: a blank
    drop-down is None, ticked lines in no particular order."""
    blank = type(Select.NULL)
    found: list[Any] = []
    for value in values:
        if isinstance(value, blank):
            found.append(None)
        elif isinstance(value, (list, tuple, set, frozenset)):
            found.append(sorted(str(plain(item)) for item in value))
        else:
            found.append(plain(value))
    return found


def read_field(widget: Any, spec: FormField) -> Any:
    """What the field's widget holds, as `plain` values (text as typed, not parsed: a half-typed date
    is kept as it is)."""
    kind = spec.kind
    if kind == "long":
        return widget.text
    if kind in ("text", "date", "time", "int"):
        return widget.value
    if kind == "choice":
        return None if widget.is_blank() else plain(widget.value)
    if kind == "multi":
        return plain(list(widget.selected))
    if kind == "check":
        return bool(widget.value)
    return plain(widget.value)  # radio


def _widget(form: FormDialog, name: str) -> Any:
    return form.query_one(f"#{FIELD_PREFIX}{name}")


def describe(form: FormDialog) -> dict[str, Any]:
    """The whole form as `ops.keep_form_draft` takes it."""
    step, screen, action = getattr(form, "draft_opener", ("", "", ""))
    title = form.title_text
    return {
        "title": title if isinstance(title, str) else title.plain,
        "step": step, "screen": screen, "action": action,
        "fields": [{"name": spec.name, "caption": spec.caption, "kind": spec.kind,
                    "value": read_field(_widget(form, spec.name), spec)} for spec in form.fields],
    }


def fill(form: FormDialog, draft: FormDraft) -> int:
    """Put a kept draft's values back in a form built afresh; returns how many fields it filled (a field
    the form no longer has, or of another kind, is left as the form opened it)."""
    from textual.widgets import RadioButton

    specs = {spec.name: spec for spec in form.fields}
    filled = 0
    for kept in draft.fields:
        spec = specs.get(kept.name)
        if spec is None or spec.kind != kept.kind:
            continue
        widget = _widget(form, spec.name)
        value = kept.value
        if spec.kind == "long":
            widget.text = str(value or "")
            widget.move_cursor(widget.document.end)
        elif spec.kind in ("text", "date", "time", "int"):
            widget.value = str(value or "")
        elif spec.kind == "check":
            widget.value = bool(value)
        elif spec.kind == "multi":
            wanted = set(value or [])
            widget.deselect_all()
            for _text, option in spec.options:
                if str(plain(option)) in wanted:
                    widget.select(option)
        elif spec.kind == "choice":
            found = [option for _text, option in spec.options if plain(option) == value]
            if found:
                widget.value = found[0]
            elif value is None and spec.allow_blank:
                widget.clear()
        elif spec.kind == "radio":
            values = [plain(option) for _text, option in spec.options]
            if value in values:
                list(widget.query(RadioButton))[values.index(value)].value = True
        filled += 1
    return filled


def draft_words(draft: FormDraft) -> str:
    """What was typed in a kept form, a line per field (« Texte : ... »), for a form not reopened."""
    lines = []
    for kept in draft.fields:
        if kept.kind in TEXT_KINDS and isinstance(kept.value, str) and kept.value.strip():
            lines.append(f"{kept.caption} : {kept.value.strip()}" if kept.caption else kept.value.strip())
    return "\n".join(lines)


# -- the typing line -------------------------------------------------------------------------------


def typing_line_text(app: Any) -> str:
    """The live step's typing line as it is (the widget when the step is built, else the meeting's draft)."""
    live = app.live_screen
    if live is not None and live.is_mounted:
        return live.query_one("#note").text
    if app.typed_draft is not None:
        return app.typed_draft
    return app.meeting.progress.draft if app.meeting is not None else ""


def put_in_typing_line(app: Any, text: str) -> None:
    """Make `text` the live step's typing line, kept as its draft (saved as every key typed there is)."""
    live = app.live_screen
    if live is not None and live.is_mounted:
        note = live.query_one("#note")
        note.text = text
        note.move_cursor(note.document.end)
        live.keep_draft_now()  # in the meeting now, not after the typing line's delay
        return
    app.typed_draft = text
    if app.meeting is not None and app.meeting.progress.draft != text:
        app.change(ops.keep_draft, text, quiet=True, refresh=False, typing=True)


def joined(before: str, more: str) -> str:
    """`more` after what the typing line holds, on a line of its own when there is something before."""
    if not before.strip():
        return more
    return before.rstrip() + "\n" + more


# -- the App's part ---------------------------------------------------------------------------------


class FormDraftsMixin:
    """Mixed into the App before `App`: keeps the open form's draft (see the module docstring).

    Textual calls one message handler per class of the App's MRO, so the handlers below run besides
    any the App has, with no `super()` needed."""

    typed_form: dict[str, Any] | None | bool = False
    """The form being typed in, as `describe` gives it, as of the last key (read by the emergency writes
    from a thread); None: no form holds anything typed; False: no form was typed in this session (the
    meeting's own `form_draft` stands)."""
    _draft_form: Any = None
    """The form `typed_form` describes (None: none)."""
    _draft_initial: list[Any] | None = None
    """That form's fields as it opened, to tell whether anything was typed."""
    _form_timer: Any = None
    _form_opening: tuple[str, str, str] | None = None
    """(step, screen class, action) while a step screen's action runs: a form it pushes is tagged with it."""
    _form_restore: FormDraft | None = None
    """A kept draft waiting for the form its action is about to push (see `offer_form_draft`)."""
    _form_mismatch: Any = None
    """The form that action pushed when it is not the kept one (closed again at once)."""

    # -- where a form comes from --

    async def run_action(self, action: Any, default_namespace: Any = None, namespaces: Any = None) -> bool:
        from .screens.base import MeetingScreen

        simple = isinstance(action, str) and "." not in action and "(" not in action
        if not (simple and isinstance(default_namespace, MeetingScreen)):
            return await super().run_action(action, default_namespace, namespaces)  # type: ignore[misc]
        before = self._form_opening
        app: Any = self
        self._form_opening = (app.current_mode, type(default_namespace).__name__, action)
        try:
            return await super().run_action(action, default_namespace, namespaces)  # type: ignore[misc]
        finally:
            self._form_opening = before

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        from .dialogs.forms import FormDialog

        if not isinstance(screen, FormDialog):
            return super().push_screen(screen, *args, **kwargs)  # type: ignore[misc]
        screen.draft_opener = self._form_opening or ("", "", "")  # type: ignore[attr-defined]
        restore, self._form_restore = self._form_restore, None
        pushed = super().push_screen(screen, *args, **kwargs)  # type: ignore[misc]
        if restore is not None:
            title = screen.title_text if isinstance(screen.title_text, str) else screen.title_text.plain
            if title == restore.title:
                app: Any = self
                app.call_later(self._fill_when_mounted, screen, pushed, restore)
            else:  # the key opens another form now (another tab of the step): not this one
                self._form_mismatch = screen
        return pushed

    async def _fill_when_mounted(self, form: Any, pushed: Any, draft: FormDraft) -> None:
        try:
            await pushed
        except Exception:  # noqa: BLE001 - a form gone before it mounted: the draft stays in the file
            return
        if not form.is_mounted:
            return
        fill(form, draft)
        self._draft_form = form
        self._draft_initial = comparable(getattr(form, "_initial", None) or [])
        self.typed_form = describe(form)

    # -- typing in a form --

    def _field_changed(self, control: Any) -> None:
        from .dialogs.forms import FormDialog

        try:
            form = control.screen
        except Exception:  # noqa: BLE001 - a widget being removed
            return
        if not isinstance(form, FormDialog) or not hasattr(form, "_initial") or not form.is_mounted:
            return  # a form still filling its fields as it opens: nothing typed yet
        if form is not self._draft_form:
            self._draft_form = form
            self._draft_initial = comparable(form._initial)
            self.typed_form = describe(form)
        else:
            name = (control.id or "").removeprefix(FIELD_PREFIX)
            described = self.typed_form if isinstance(self.typed_form, dict) else describe(form)
            spec = next((s for s in form.fields if s.name == name), None)
            if spec is None:  # a widget inside a field (a list's own parts): read the whole form
                described = describe(form)
            else:
                index = form.fields.index(spec)
                fields = list(described["fields"])
                fields[index] = {**fields[index], "value": read_field(control, spec)}
                described = {**described, "fields": fields}
            self.typed_form = described
        if self._form_timer is None:  # a deadline from the first unkept key, not restarted
            app: Any = self
            self._form_timer = app.set_timer(DRAFT_DELAY, self.keep_form_now)

    def _typed_anything(self, described: dict[str, Any]) -> bool:
        return comparable([f["value"] for f in described["fields"]]) != self._draft_initial

    def keep_form_now(self, *, reread: bool = False) -> None:
        """Move the open form's text into the meeting (and so to the next save), now. `reread`: from the
        widgets themselves (the exit paths: a key's change may not have reached the handler yet)."""
        if self._form_timer is not None:
            self._form_timer.stop()
            self._form_timer = None
        form = self._draft_form
        if form is None or not isinstance(self.typed_form, dict):
            return
        if reread and form.is_mounted:
            try:
                self.typed_form = describe(form)
            except Exception:  # noqa: BLE001 - a form closing: what was read at the last key stands
                pass
        wanted = self.typed_form if self._typed_anything(self.typed_form) else None
        self._keep(wanted)

    def _keep(self, wanted: dict[str, Any] | None) -> None:
        app: Any = self
        meeting = app.meeting
        if meeting is None:
            return
        current = meeting.progress.form_draft
        if wanted is None and current is None:
            return
        if wanted is not None and current is not None and current.model_dump() == ops.form_draft(wanted).model_dump():
            return
        app.change(ops.keep_form_draft, wanted, quiet=True, refresh=False, typing=True)

    def form_closed(self, form: Any) -> None:
        """A form saved or cancelled on purpose: its draft is not needed any more."""
        if form is not self._draft_form:
            return
        if self._form_timer is not None:
            self._form_timer.stop()
            self._form_timer = None
        self._draft_form = None
        self._draft_initial = None
        self.typed_form = None
        self._keep(None)

    def emergency_form(self) -> dict[str, Any] | None | bool:
        """For the emergency writes (any thread): the open form as of the last key; None when none holds
        anything typed; False when no form was typed in (the meeting's own stands)."""
        described = self.typed_form
        if isinstance(described, dict) and not self._typed_anything(described):
            return None
        return described

    # -- the change events of every form's fields (they bubble up to the App) --

    def on_input_changed(self, event: Input.Changed) -> None:
        self._field_changed(event.input)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._field_changed(event.text_area)

    def on_select_changed(self, event: Select.Changed) -> None:
        self._field_changed(event.select)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._field_changed(event.radio_set)

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        self._field_changed(event.selection_list)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._field_changed(event.checkbox)

    # -- reopening the meeting --

    async def offer_form_draft(self) -> None:
        """A form left open when the program stopped: open it again with its text, or give its text back
        in the typing line and say so. Called once the meeting's step is shown."""
        from .dialogs.forms import Notice

        app: Any = self
        meeting = app.meeting
        draft = meeting.progress.form_draft if meeting is not None else None
        if draft is None or app.read_only:
            return
        self.typed_form = False
        screen = app.screen
        if (draft.action and not app.covered and draft.step == app.current_mode
                and type(screen).__name__ == draft.screen and callable(getattr(screen, f"action_{draft.action}", None))):
            self._form_restore, self._form_mismatch = draft, None
            try:
                await app.run_action(draft.action, screen)
            finally:
                pushed = self._form_restore is None
                self._form_restore = None
            wrong, self._form_mismatch = self._form_mismatch, None
            if pushed and wrong is None:
                app.say(tr("form_draft.reopened", title=draft.title), timeout=8)
                return
            if wrong is not None and app.screen is wrong:
                await app.pop_screen()  # never its callback: nothing was chosen in it
        words = draft_words(draft)
        if words:
            put_in_typing_line(app, joined(typing_line_text(app), words))
        app.change(ops.keep_form_draft, None, quiet=True, refresh=False, typing=True)
        if not words:
            return
        if app.covered:  # nothing of the meeting on the cover: where the words are, without them
            app.say(tr("form_draft.in_typing_line_covered"), timeout=10)
            return
        await app.push_screen(Notice(tr("form_draft.notice_title"),
                                     tr("form_draft.notice_text", title=draft.title, text=words)))
