"""Coordination (F10, from every step): life domains against who acts, what to look at together, and
what each recipient of the minute will learn.

Three tabs: 1 the flags in words with their symbol (two services in one domain, a worry nobody acts
on, an action carried without agreement, one carrier holding many); from a flag, x records a point of
disagreement and a creates an action to coordinate, on the current item. 2 the grid: one row per
domain, one column per participant who acts, each cell counting steps (d) and open actions (a), the
chosen cell told in full underneath. 3 for each copy of the minute, the notes it carries, so that the
group can cut sharing back before anything is sent; Enter opens a note to change its visibility.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ...model import (
    Domain,
    Meeting,
    ParticipantKind,
    VisibilityKind,
)
from ...model.coordination import Flag, FlagKind, flags, grid
from ...model.sharing import Note, consent_conflicts, notes, professional_copies, visible_notes
from ...model import ops, timing
from ..dialogs import meeting_forms
from ..dialogs.forms import FormResult
from ...services.display import one_line
from ..text import colon, key, lbl, tr
from ..widgets import Choices, Table
from . import notes as note_edits
from .picture import add_disagreement, empty, heading
from .views import ViewScreen

TABS = ("flags", "grid", "recipients")
KIND_ORDER = {ParticipantKind.PERSON: 0, ParticipantKind.NETWORK: 1, ParticipantKind.PARTNER: 2,
              ParticipantKind.FACILITATOR: 3}


def flag_prompt(meeting: Meeting, flag: Flag, lang: str) -> Content:
    parts: list = [(f"{flag.symbol} ", "bold"), capitalised(flag.sentence(meeting, lang))]
    steps = {s.id: s for s in meeting.steps}
    actions = {a.id: a for a in meeting.actions}
    for sid in flag.step_ids:
        step = steps[sid]
        parts += ["\n   ", (meeting.name_of(step.carrier_id), "bold"), colon(),
                  tr("coordination_view.step", what=step.what, status=lbl(step.status))]
    for aid in flag.action_ids if flag.kind is not FlagKind.OVERLOADED else flag.action_ids[:6]:
        action = actions[aid]
        parts += ["\n   ", (meeting.name_of(action.carrier_id) or action.carrier_label, "bold"), colon(),
                  tr("coordination_view.action", what=action.what, status=lbl(action.status))]
    return Content.assemble(*parts)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def note_kind_word(note: Note) -> str:
    return tr(f"note_kind.{note.kind}")


def short_name(name: str, width: int) -> str:
    """A column header: the name cut to `width` ("Nadia El Amrani" -> "N. El Amrani" -> "N. El Am…")."""
    if len(name) <= width:
        return name
    first, _, rest = name.partition(" ")
    if rest and len(first) > 1:
        name = f"{first[0]}. {rest}"
    return name if len(name) <= width else name[: max(1, width - 1)] + "…"


class CoordinationScreen(ViewScreen):
    VIEW_ID = "coordination-screen"

    BINDINGS = [
        key("1", "tab('flags')", "coordination_tab_flags", show=False),
        key("2", "tab('grid')", "coordination_tab_grid", show=False),
        key("3", "tab('recipients')", "coordination_tab_recipients", show=False),
        key("x", "disagreement", "coordination_disagreement"),
        key("a", "coordinate", "coordination_action"),
        key("enter", "open", "coordination_open", show=False),

        ViewScreen.CLOSE,
    ]

    def __init__(self, tab: str = "flags") -> None:
        super().__init__()
        self.first_tab = tab
        self.found: list[Flag] = []
        self.rows: list[Domain] = []
        self.columns: list[str] = []
        self._note_count = 0

    def view_title(self) -> str:
        return tr("coordination_view.title")

    def body(self) -> ComposeResult:
        with TabbedContent(id="coordination-tabs", initial=f"tab-{self.first_tab}"):
            with TabPane(tr("coordination_view.tab_flags"), id="tab-flags"):
                yield Choices(id="flags")
            with TabPane(tr("coordination_view.tab_grid"), id="tab-grid"):
                with Vertical(id="grid-body"):
                    yield Table(id="grid", cursor_type="cell")
                    yield Static("", id="grid-detail", markup=False)
            with TabPane(tr("coordination_view.tab_recipients"), id="tab-recipients"):
                yield Choices(id="recipients")
        yield Static("", id="coordination-legend", classes="view-legend", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.action_tab(self.first_tab)

    @property
    def tab(self) -> str:
        active = self.query_one("#coordination-tabs", TabbedContent).active
        return active.removeprefix("tab-") if active else "flags"

    def action_tab(self, name: str) -> None:
        self.query_one("#coordination-tabs", TabbedContent).active = f"tab-{name}"
        self.query_one({"flags": "#flags", "grid": "#grid", "recipients": "#recipients"}[name]).focus()
        self._legend()
        self.refresh_bindings()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._legend()
        self.refresh_bindings()

    def _legend(self) -> None:
        self.query_one("#coordination-legend", Static).update(Content(tr(f"coordination_view.legend_{self.tab}")))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("disagreement", "coordinate"):
            return self.is_mounted and self.tab in ("flags", "grid")
        return True

    # -- showing --

    def refresh_view(self) -> None:
        m = self.meeting
        self.found = flags(m)
        self._flags(m)
        self._grid(m)
        self._recipients(m)

    def _flags(self, m: Meeting) -> None:
        lang = self.capp.language
        choices = self.query_one("#flags", Choices)
        keep = choices.highlighted
        options = [Option(flag_prompt(m, f, lang), id=str(n)) for n, f in enumerate(self.found)]
        if not options:
            options = [Option(Content.assemble((tr("coordination_view.nothing"), "italic")), id="none",
                              disabled=True)]
        choices.set_options(options)
        if self.found:
            choices.highlighted = min(keep or 0, len(self.found) - 1)

    def _grid(self, m: Meeting) -> None:
        table = self.query_one("#grid", Table)
        keep = table.cursor_coordinate
        cells = grid(m)
        by_domain: dict[Domain, list[Flag]] = {}
        for f in self.found:
            if f.domain is not None:
                by_domain.setdefault(f.domain, []).append(f)
        self.rows = list(cells) + [d for d in by_domain if d not in cells]
        actors = {pid for row in cells.values() for pid in row}
        people = sorted((p for p in m.participants if p.id in actors), key=lambda p: KIND_ORDER[p.kind])
        self.columns = [p.id for p in people]
        width = self.size.width or 80
        domain_width = 18
        column = max(8, min(20, (width - domain_width - 6) // max(1, len(people)) - 2))
        table.clear(columns=True)
        table.add_column(tr("coordination_view.col_domain"), width=domain_width)
        for p in people:
            table.add_column(Text(short_name(p.name, column), no_wrap=True, overflow="ellipsis"), width=column)
        for domain in self.rows:
            marks = "".join(f.symbol for f in by_domain.get(domain, []))
            label = Text(f"{marks} " if marks else "  ", style="bold")
            label.append(lbl(domain), style="bold" if marks else "")
            label.no_wrap, label.overflow = True, "ellipsis"
            row = [label]
            for pid in self.columns:
                cell = cells.get(domain, {}).get(pid)
                if cell is None:
                    row.append(Text("·", style="dim"))
                    continue
                words = []
                if cell.steps:
                    words.append(tr("coordination_view.cell_steps", count=len(cell.steps)))
                if cell.actions:
                    words.append(tr("coordination_view.cell_actions", count=len(cell.actions)))
                row.append(Text(" ".join(words), no_wrap=True, overflow="ellipsis"))
            table.add_row(*row, key=domain.value)
        if table.row_count:
            table.move_cursor(row=min(keep.row, table.row_count - 1), column=min(keep.column, len(self.columns)),
                              animate=False)
        self._grid_detail()

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        if self.capp.meeting is not None:
            self._grid_detail()

    def _chosen_cell(self) -> tuple[Domain | None, str]:
        table = self.query_one("#grid", Table)
        if not table.row_count or not self.rows:
            return None, ""
        coordinate = table.cursor_coordinate
        domain = self.rows[min(coordinate.row, len(self.rows) - 1)]
        pid = self.columns[coordinate.column - 1] if 0 < coordinate.column <= len(self.columns) else ""
        return domain, pid

    def _grid_detail(self) -> None:
        m = self.meeting
        detail = self.query_one("#grid-detail", Static)
        domain, pid = self._chosen_cell()
        if domain is None:
            detail.update(Content.assemble((tr("coordination_view.grid_empty"), "italic")))
            return
        cells = grid(m).get(domain, {})
        parts: list = [(lbl(domain).capitalize(), "bold")]
        for f in self.found:
            if f.domain is domain:
                parts += ["\n", (f"{f.symbol} ", "bold"),
                          capitalised(f.sentence(m, self.capp.language))]
        shown = {pid: cells[pid]} if pid and pid in cells else cells
        for who, cell in shown.items():
            for step in cell.steps:
                parts += ["\n", (m.name_of(who), "bold"), colon(),
                          tr("coordination_view.step", what=step.what, status=lbl(step.status))]
            for action in cell.actions:
                parts += ["\n", (m.name_of(who), "bold"), colon(),
                          tr("coordination_view.action", what=action.what, status=lbl(action.status))]
        if not shown:
            parts += ["\n", (tr("coordination_view.nobody"), "italic")]
        detail.update(Content.assemble(*parts))

    def _recipients(self, m: Meeting) -> None:
        choices = self.query_one("#recipients", Choices)
        keep = choices.highlighted
        options: list[Option] = []
        self._note_count = 0
        all_notes = notes(m)
        conflicts: dict[str, list[str]] = {}
        for p in m.minute_recipients():
            for conflict in consent_conflicts(m, p.id):
                conflicts.setdefault(conflict.note.id, []).append(p.name)
        for n, copy in enumerate(professional_copies(m)):
            names = ", ".join(m.name_of(pid) for pid in copy.recipient_ids)
            if copy.is_common:
                carried = visible_notes(m, None)
                options.append(heading(tr("recipients.common", names=names)))
                said = [x for x in carried if x.kind not in ("action", "review")]  # actions are counted apart
                options.append(empty(tr("recipients.carries", notes=tr("count.notes", count=len(said)),
                                                  actions=tr("count.actions", count=len(m.actions)))))
                options += [self._note_option(m, x, conflicts) for x in carried]
            else:
                extra = [x for x in all_notes if x.id in copy.restricted_note_ids]
                options.append(heading(tr("recipients.personal", names=names)))
                options.append(empty(tr("recipients.personal_carries", count=len(extra))))
                options += [self._note_option(m, x, conflicts) for x in extra]
        person = m.person
        if person is not None and person.receives_minute:
            letter = [n for n in visible_notes(m, None) if n.kind == "person_view"]
            options.append(heading(tr("recipients.letter", name=person.name)))
            options.append(empty(tr("recipients.letter_carries", views=len(letter),
                                                actions=tr("count.actions", count=len(m.actions)))))
        oral = [x for x in all_notes if x.visibility.kind is VisibilityKind.ORAL_ONLY]
        if oral:
            options.append(heading(tr("recipients.oral_only"), len(oral)))
            options += [self._note_option(m, x, conflicts) for x in oral]
        if not options:
            options.append(empty(tr("recipients.nobody")))
        choices.set_options(options)
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if enabled:
            choices.highlighted = keep if keep is not None and keep in enabled else enabled[0]

    def _note_option(self, m: Meeting, note: Note, conflicts: dict[str, list[str]]) -> Option:
        author = m.name_of(note.author_id)
        parts: list = [(f"  {note_kind_word(note)}", "dim"), " "]
        if author:
            parts += [(author, "bold"), colon()]
        parts.append(one_line(note.text, 300))
        if note.domains:
            parts.append((" [" + ", ".join(lbl(d) for d in note.domains) + "]", "dim"))
        if note.visibility.kind is VisibilityKind.RESTRICTED:
            names = ", ".join(m.name_of(x) for x in note.visibility.recipients)
            parts.append((" [" + tr("recipients.restricted", names=names) + "]", "italic"))
        settled = note.kind == "disagreement" and any(d.id == note.id and d.settled for d in m.disagreements)
        if settled:  # a disagreement recorded as settled says so wherever it is listed
            parts.append((" [" + tr("coordination_view.settled_mark") + "]", "bold"))
        if note.id in conflicts:
            parts += ["\n    ", ("! " + tr("recipients.beyond_consent", names=", ".join(conflicts[note.id])), "bold")]
        self._note_count += 1
        return Option(Content.assemble(*parts), id=f"n{self._note_count}:{note.kind}:{note.id}")

    # -- keys --

    def _current_flag(self) -> Flag | None:
        if self.tab != "flags":
            return None
        oid = self.query_one("#flags", Choices).current_id() or ""
        return self.found[int(oid)] if oid.isdigit() and int(oid) < len(self.found) else None

    def _subject(self) -> tuple[Domain | None, list[str], str]:
        """What the chosen flag (or grid row) is about: its domain, who, and the steps side by side."""
        m = self.meeting
        flag = self._current_flag()
        if flag is not None:
            steps = {s.id: s for s in m.steps}
            actions = {a.id: a for a in m.actions}
            whats = [steps[x].what for x in flag.step_ids] + [actions[x].what for x in flag.action_ids]
            return flag.domain, list(flag.participant_ids), " / ".join(one_line(w, 80) for w in whats[:3])
        domain, pid = self._chosen_cell()
        if domain is None:
            return None, [], ""
        cells = grid(m).get(domain, {})
        who = [pid] if pid else list(cells)
        return domain, who, ""

    def action_disagreement(self) -> None:
        domain, who, about = self._subject()
        add_disagreement(self, between=who, domains=[domain] if domain else [], about=about,
                         intro=tr("coordination_view.disagreement_intro"))

    def action_coordinate(self) -> None:
        m = self.meeting
        domain, who, about = self._subject()
        item = timing.current_item(m)
        what = tr("coordination_view.action_what", domain=lbl(domain)) if domain else ""
        if about:
            what += f" ({about})"
        draft = ops.blank("actions", what=what, supporters=who, domains=[domain] if domain else [],
                          item_id=item.id if item else "")

        def done(values: FormResult) -> None:
            if isinstance(values, dict):
                if self.change(ops.add_action, values, self.capp.now()):
                    self.capp.say(tr("action.added"))

        self.app.push_screen(meeting_forms.action_form(m, draft, editing=False), done)

    def action_open(self) -> None:
        if self.tab == "flags":
            flag = self._current_flag()
            if flag is not None and flag.domain is not None and flag.domain in self.rows:
                self.action_tab("grid")
                self.query_one("#grid", Table).move_cursor(row=self.rows.index(flag.domain), column=0)
            return
        if self.tab == "recipients":
            oid = self.query_one("#recipients", Choices).current_id() or ""
            _, kind, nid = oid.split(":") if oid.count(":") == 2 else ("", "", "")
            if kind in ("contribution", "person_view", "step", "picture", "disagreement"):
                note_edits.edit_by_id(self, kind, nid)

    def on_option_list_option_selected(self, event: Choices.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()


def show_coordination(app) -> None:
    """F10: open the coordination view over the current step; the same key closes it."""
    from .views import view_allowed

    screen = app.screen
    if isinstance(screen, CoordinationScreen):
        screen.dismiss(None)
    elif view_allowed(app):
        app.push_screen(CoordinationScreen())
