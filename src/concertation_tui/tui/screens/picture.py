"""The shared picture (ctrl+g in the live step): what the group sees together, on the shared screen.

Two boxes: what is working / what worries us / what needs to happen, with the 0-10 scale of each
voice; and who already does what (steps in progress), with the points of disagreement. Every line
can be added from here by one letter, edited with Enter and removed with Delete; each one is noted on
the current agenda item. The functions `add_*` are also used by the live step and the coordination
view, so the same dialogs are used everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from ...model import (
    Disagreement,
    Domain,
    Meeting,
    PictureKind,
    PictureLine,
    ScaleRating,
    Step,
    StepStatus,
    VisibilityKind,
)
from ...model import ops, timing
from ..dialogs import coordination_forms as forms
from ..host import meeting_app
from ..dialogs.forms import FormResult
from ...services.display import date_text, one_line
from ..room_words import for_the_room, restricted
from ..text import colon, key, lbl, quote, tr
from ..widgets import Choices
from . import notes
from .views import ViewBar, ViewScreen

PICTURE_SYMBOL = {PictureKind.WORKING: "+", PictureKind.WORRIES: "!", PictureKind.NEEDS: "→"}
STEP_TO_UPDATE = "!"
SETTLED = {True: "√", False: "×"}


def scale_bar(value: int) -> str:
    """A 0-10 value as ten cells, readable without colour (the series chart draws the same)."""
    return "█" * value + "░" * (10 - value)


# -- recording, from any screen that has .app, .meeting and .change() ---------------------------------


def _item_id(meeting: Meeting) -> str:
    item = timing.current_item(meeting)
    return item.id if item else ""


def _item_domains(meeting: Meeting) -> list[Domain]:
    item = timing.current_item(meeting)
    return list(item.domains) if item else []


def _done(host, what: str, text: str) -> None:
    host.capp.say(tr(what, text=one_line(text, 60)))


def add_step(host, *, carrier_id: str = "") -> None:
    """Note a step in progress, with `carrier_id` (the current speaker) proposed as who takes it."""
    m = host.meeting
    item_id = _item_id(m)
    domains = _item_domains(m)
    draft = ops.blank("steps", carrier_id=carrier_id)

    def done(values: FormResult) -> None:
        if isinstance(values, dict):
            step = host.create(ops.add_step, values, item_id)
            if step is not None:
                _done(host, "step.added", step.what)

    host.app.push_screen(forms.step_form(m, draft, editing=False, domain=domains[0] if domains else None), done)


def add_picture(host, kind: PictureKind, *, voice_id: str = "") -> None:
    m = host.meeting
    item_id = _item_id(m)
    draft = ops.blank("picture", kind=kind, voice_id=voice_id, domains=_item_domains(m))

    def done(values: FormResult) -> None:
        if isinstance(values, dict):
            line = host.create(ops.add_picture_line, values, item_id)
            if line is not None:
                _done(host, "picture.added", line.text)

    host.app.push_screen(forms.picture_form(m, draft, editing=False), done)


def last_question(meeting: Meeting) -> str:
    """The question last asked with the scale in `meeting` (empty if none)."""
    for rating in reversed(meeting.scales):
        if rating.question.strip():
            return rating.question
    return ""


def remembered_question(app, meeting: Meeting) -> str:
    """The question to ask again: this meeting's last, else the last one typed in this session, else
    the previous meeting's (so that the scale can be compared across the series)."""
    host = meeting_app(app)
    found = last_question(meeting) or (host.scale_question if host else "")
    path = host.path if host else None
    if found or not meeting.series.previous_file or path is None:
        return found
    from ... import store

    try:
        return last_question(store.load_meeting(path.parent / meeting.series.previous_file))
    except (store.StoreError, OSError):
        return ""


def scale_round(meeting: Meeting, question: str) -> list[str]:
    """Who is still to answer `question`, the person first, in the order of the round table."""
    answered = {r.voice_id for r in meeting.scales if r.question.strip() == question.strip()}
    return [p.id for p in meeting.round_table() if p.id not in answered]


def add_scale(host, *, question: str | None = None, voice_id: str = "") -> None:
    """Ask the scale of one voice, then of the next one who has not answered, until Escape.

    The question is the last one asked (in this meeting, else the previous meeting of the series).
    """
    m = host.meeting
    app = host.app
    if question is None:
        question = remembered_question(app, m)
    waiting = scale_round(m, question)
    voice = voice_id or (waiting[0] if waiting else "")
    item_id = _item_id(m)
    draft = ops.blank("scales", voice_id=voice, question=question)

    def done(values: FormResult) -> None:
        if not isinstance(values, dict):
            return
        app.scale_question = values["question"]
        rating = host.create(ops.add_scale, values, item_id)
        if rating is not None:
            _done(host, "scale.added", f"{m.name_of(rating.voice_id)}{colon()}{rating.value}")
            if scale_round(m, rating.question):
                host.app.call_later(lambda: add_scale(host, question=rating.question))

    left = len(waiting) - (1 if voice in waiting else 0)
    app.push_screen(forms.scale_form(m, draft, editing=False, round_left=left), done)


def add_disagreement(host, *, between: Iterable[str] = (), domains: Iterable[Domain] = (), about: str = "",
                     intro: str = "") -> None:
    m = host.meeting
    item_id = _item_id(m)
    draft = ops.blank("disagreements", about=about, between=list(between), domains=list(domains) or _item_domains(m))

    def done(values: FormResult) -> None:
        if isinstance(values, dict):
            found = host.create(ops.add_disagreement, values, item_id)
            if found is not None:
                _done(host, "disagreement.added", found.about)

    host.app.push_screen(forms.disagreement_form(m, draft, editing=False, intro=intro), done)


# -- editing and removing -------------------------------------------------------------------------------


ENTRY_KINDS = {"step": "step", "line": "picture", "scale": "scale", "disagreement": "disagreement"}
"""The picture's entries and the kinds of record they are (model/kinds.py)."""


def edit_entry(host, kind: str, oid: str, then: Callable[[], None] | None = None) -> None:
    """Open the form of one entry of the picture ('step', 'line', 'scale', 'disagreement'); `then` runs
    once it is saved."""
    if kind in ENTRY_KINDS:
        notes.edit_shown(host, ENTRY_KINDS[kind], oid, then=then)


def remove_entry(host, kind: str, oid: str) -> None:
    if kind in ENTRY_KINDS:
        notes.remove_by_id(host, ENTRY_KINDS[kind], oid)


# -- how each entry reads --------------------------------------------------------------------------------


def visibility_mark(meeting: Meeting, visibility) -> list:
    if visibility.kind is VisibilityKind.MINUTE:
        return []
    text = lbl(visibility.kind)
    if visibility.kind is VisibilityKind.RESTRICTED:
        names = ", ".join(meeting.name_of(x) for x in visibility.recipients)
        text += f"{colon()}{names}" if names else ""
    return [(f" [{text}]", "italic")]


def step_prompt(meeting: Meeting, step: Step) -> Content:
    mark = STEP_TO_UPDATE if step.status is StepStatus.TO_UPDATE else "·"
    parts: list = [(f"{mark} ", "bold"), (meeting.name_of(step.carrier_id) or "?", "bold"),
                   (f" · {lbl(step.domain)}", "dim"), colon(), for_the_room(step, step.what),
                   (f"  [{lbl(step.status)}]", "italic")]
    if step.since:
        parts.append((" " + tr("step.since", since=step.since), "dim"))
    if step.carried_from is not None:
        parts.append((" (" + tr("step.carried", date=date_text(step.carried_from.meeting_date)) + ")", "italic"))
    parts += visibility_mark(meeting, step.visibility)
    return Content.assemble(*parts)


def line_prompt(meeting: Meeting, line: PictureLine) -> Content:
    parts: list = [(f"{PICTURE_SYMBOL[line.kind]} ", "bold"), for_the_room(line, line.text)]
    if line.voice_id:
        parts.append((f" — {meeting.name_of(line.voice_id)}", "dim"))
    if line.domains:
        parts.append((" [" + ", ".join(lbl(d) for d in line.domains) + "]", "dim"))
    parts += visibility_mark(meeting, line.visibility)
    return Content.assemble(*parts)


def scale_prompt(meeting: Meeting, rating: ScaleRating) -> Content:
    parts: list = [(f"{scale_bar(rating.value)} {rating.value:>2} ", "bold"), meeting.name_of(rating.voice_id)]
    if rating.comment:
        parts += ["  ", quote(rating.comment)]
    return Content.assemble(*parts)


def disagreement_prompt(meeting: Meeting, found: Disagreement) -> Content:
    state = tr("disagreement.settled") if found.settled else tr("disagreement.open")
    parts: list = [(f"{SETTLED[found.settled]} {state}{colon()}", "bold"), for_the_room(found, found.about)]
    if found.between:
        parts.append((" (" + ", ".join(meeting.name_of(x) for x in found.between) + ")", "dim"))
    if found.resolution and not restricted(found):
        parts += ["\n   ", (tr("disagreement.resolution") + " ", "italic"), found.resolution]
    parts += visibility_mark(meeting, found.visibility)
    return Content.assemble(*parts)


def heading(text: str, count: int | None = None) -> Option:
    words = f"{text} ({count})" if count else text
    return Option(Content.assemble((words, "bold underline")), disabled=True)


def empty(text: str) -> Option:
    return Option(Content.assemble(("  " + text, "italic dim")), disabled=True)


# -- the screen ----------------------------------------------------------------------------------------


class PictureScreen(ViewScreen):
    VIEW_ID = "picture-screen"

    BINDINGS = [
        key("b", "add_line('working')", "picture_working"),
        key("i", "add_line('worries')", "picture_worries"),
        key("s", "add_line('needs')", "picture_needs"),
        key("e", "add_scale", "picture_scale"),
        key("d", "add_step", "picture_step"),
        key("x", "add_disagreement", "picture_disagreement"),
        key("enter", "edit", "edit", show=False, binding_id="picture-edit"),
        key("delete", "remove", "remove", key_display="suppr", show=False, binding_id="picture-remove"),
        key("ctrl+g", "close_view", "close_view", priority=True, show=False, binding_id="picture-close"),

        ViewScreen.CLOSE,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._known: dict[str, set | None] = {}

    def view_title(self) -> str:
        return tr("picture.title")

    def body(self) -> ComposeResult:
        with Horizontal(id="picture-grid"):
            with Vertical(id="picture-seen-box", classes="box") as box:
                box.border_title = tr("picture.seen_title")
                yield Choices(id="picture-seen")
            with Vertical(id="picture-acts-box", classes="box") as box:
                box.border_title = tr("picture.acts_title")
                yield Choices(id="picture-acts")
        yield Static(tr("picture.legend"), id="picture-legend", classes="view-legend", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#picture-seen", Choices).focus()

    def refresh_view(self) -> None:
        m = self.meeting
        item = timing.current_item(m)
        where = tr("picture.on_item", n=m.agenda.index(item) + 1, title=one_line(item.title, 50)) if item else ""
        self.query_one(ViewBar).set_title(f"{tr('picture.title')}  {where}".rstrip())
        self._fill("#picture-seen", self._seen(m))
        self._fill("#picture-acts", self._acts(m))

    def _fill(self, selector: str, options: list[Option]) -> None:
        """Show `options`; the cursor stays where it was, or goes to what was just added."""
        choices = self.query_one(selector, Choices)
        keep = choices.highlighted
        choices.set_options(options)
        enabled = [n for n, o in enumerate(options) if not o.disabled]
        known = self._known.setdefault(selector, None)
        ids = {o.id for o in options if o.id}
        self._known[selector] = ids
        if not enabled:
            return
        added = [n for n in enabled if known is not None and options[n].id not in known]
        if added:
            keep = added[0]
        elif keep is None or keep >= len(options) or options[keep].disabled:
            later = [n for n in enabled if keep is not None and n >= keep]
            keep = later[0] if later else enabled[0]
        choices.highlighted = keep
        if added:
            choices.scroll_to_highlight()

    def _seen(self, m: Meeting) -> list[Option]:
        options: list[Option] = []
        for kind, letter in ((PictureKind.WORKING, "b"), (PictureKind.WORRIES, "i"), (PictureKind.NEEDS, "s")):
            lines = [x for x in m.picture if x.kind is kind]
            options.append(heading(lbl(kind).capitalize(), len(lines)))
            options += [Option(line_prompt(m, x), id=f"line:{x.id}") for x in lines]
            if not lines:
                options.append(empty(tr("picture.none", key=letter)))
        options.append(heading(tr("scale.heading"), len(m.scales)))
        questions: dict[str, list[ScaleRating]] = {}
        for rating in m.scales:
            questions.setdefault(rating.question.strip(), []).append(rating)
        for question, ratings in questions.items():
            if question:
                options.append(Option(Content.assemble(("  " + question, "italic")), disabled=True))
            options += [Option(scale_prompt(m, r), id=f"scale:{r.id}") for r in ratings]
            waiting = scale_round(m, question)
            if waiting:
                names = ", ".join(m.name_of(x) for x in waiting)
                options.append(empty(tr("scale.waiting", names=names)))
        if not m.scales:
            options.append(empty(tr("scale.none")))
        return options

    def _acts(self, m: Meeting) -> list[Option]:
        options: list[Option] = [heading(tr("step.heading"), len(m.steps))]
        to_update = sum(1 for s in m.steps if s.status is StepStatus.TO_UPDATE)
        if to_update:
            options.append(empty(tr("step.to_update_count", count=to_update)))
        order = {d: n for n, d in enumerate(Domain)}
        for step in sorted(m.steps, key=lambda s: order[s.domain]):
            options.append(Option(step_prompt(m, step), id=f"step:{step.id}"))
        if not m.steps:
            options.append(empty(tr("step.none")))
        options.append(heading(tr("disagreement.heading"), len(m.disagreements)))
        options += [Option(disagreement_prompt(m, d), id=f"disagreement:{d.id}") for d in m.disagreements]
        if not m.disagreements:
            options.append(empty(tr("disagreement.none")))
        return options

    # -- keys --

    def action_add_step(self) -> None:
        add_step(self, carrier_id=self.meeting.progress.speaker_id)

    def action_add_line(self, kind: str) -> None:
        add_picture(self, PictureKind(kind), voice_id=self.meeting.progress.speaker_id)

    def action_add_scale(self) -> None:
        add_scale(self)

    def action_add_disagreement(self) -> None:
        add_disagreement(self)

    def _current(self) -> tuple[str, str] | None:
        focused = self.focused
        if not isinstance(focused, Choices):
            return None
        oid = focused.current_id() or ""
        if ":" not in oid:
            return None
        kind, _, found = oid.partition(":")
        return kind, found

    def action_edit(self) -> None:
        current = self._current()
        if current is not None:
            edit_entry(self, *current, then=self._next_to_update)

    def _next_to_update(self) -> None:
        """After a carried step is updated, the cursor goes to the next one still to update."""
        acts = self.query_one("#picture-acts", Choices)
        waiting = {f"step:{s.id}" for s in self.meeting.steps if s.status is StepStatus.TO_UPDATE}
        for n in range(acts.option_count):
            if acts.get_option_at_index(n).id in waiting:
                acts.highlighted = n
                acts.scroll_to_highlight()
                return

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        current = self._current()
        if current is not None:
            remove_entry(self, *current)

