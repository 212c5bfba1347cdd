"""Prepare (F2): the meeting's details, the person, participants and speaking order, the person's own
network, the agenda with timeboxes, the life domains. Lists here; each edit in a small dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import Static, TabbedContent, TabPane
from textual.widgets.selection_list import Selection

from ...model.people_order import everyone_in_order
from ...model import Domain, ParticipantKind, ops
from ..dialogs import meeting_forms as forms
from ..dialogs.forms import Confirm, Notice
from ...services.display import date_text, time_text
from ..text import colon, key, lbl, tr
from ...model.timing import planned_seconds
from ..columns import Column, lay_out, row_cells
from ..widgets import Picks, Table
from .base import MeetingScreen

TABS = ("details", "participants", "network", "agenda", "domains")


def references_sentence(refs: dict[str, int]) -> str:
    return ", ".join(tr(k, count=n) for k, n in refs.items())


class PrepareScreen(MeetingScreen):
    """Prepare (F2). Essential at 80x24, on screen without scrolling (tests/test_tui_layout_80x24.py):

    - details tab: the title, the purpose, date and times, place, the person (and how they are called),
      the facilitator, the minute-taker, the file number;
    - participants tab: every participant (eight and more) with their place in the speaking order, their
      attendance and whether they receive the minute (the service and kind shrink or go first);
    - agenda tab: every item (ten and more) with its timebox and all its life domains (wrapped, not cut);
    - network tab: each member's name, whether to involve them, whether they are invited.
    """

    PHASE = "prepare"

    BINDINGS = [
        key("1", "tab('details')", "tab_details", show=False),
        key("2", "tab('participants')", "tab_participants", show=False),
        key("3", "tab('network')", "tab_network", show=False),
        key("4", "tab('agenda')", "tab_agenda", show=False),
        key("5", "tab('domains')", "tab_domains", show=False),
        key("e", "edit", "edit"),
        key("a", "add", "add"),
        key("delete,d", "remove", "remove", key_display="suppr/d"),
        key("shift+up,less_than_sign", "move(-1)", "move_up", key_display="⇧↑/<"),
        key("shift+down,greater_than_sign", "move(1)", "move_down", key_display="⇧↓/>"),
        key("p", "edit_person", "edit_person"),
    ]
    FOOTER_ORDER = ("edit", "add", "find")
    """A table's « / Chercher » (widgets.Table) right after the two keys a table is for: in a list of
    people, letters are commands, and « / » is how one types a name."""

    def body(self) -> ComposeResult:
        with TabbedContent(id="prepare-tabs", initial="tab-details"):
            with TabPane(tr("prepare.tab_details"), id="tab-details"):
                yield Static("", id="details", markup=False)
            with TabPane(tr("prepare.tab_participants"), id="tab-participants"):
                yield Table(id="participants")
                yield Static("", id="participants-note", classes="note", markup=False)
            with TabPane(tr("prepare.tab_network"), id="tab-network"):
                yield Static(tr("network.intro"), classes="note", markup=False)
                yield Table(id="network")
            with TabPane(tr("prepare.tab_agenda"), id="tab-agenda"):
                yield Table(id="agenda")
                yield Static("", id="agenda-total", classes="note", markup=False)
            with TabPane(tr("prepare.tab_domains"), id="tab-domains"):
                yield Static(tr("prepare.domains_note"), classes="note", markup=False)
                yield Picks(id="domains", type_to_find=True)  # « sa » finds « santé », as in the item's form

    def on_mount(self) -> None:
        self._columns()
        # Textual's tab bar has its own English keys (« Previous tab »): they keep working, and the
        # help lists ours only (the screen's hint says ←/→ change tab).
        from textual.widgets import Tabs

        from ..text import current_lang, localize_bindings

        for tabs in self.query(Tabs):
            tabs._bindings = localize_bindings(tabs._bindings, current_lang(), hide_foreign=True)
        super().on_mount()

    def _columns(self) -> None:
        """What each table shows, deciding columns first: at 80 columns the secondary ones shrink or go
        (columns.py) and who is present, who receives the minute, an item's domains stay whole."""
        self.participant_columns = [
            Column(tr("col.order"), 3), Column(tr("col.name"), 40, minimum=14),
            Column(tr("col.attendance"), 10, minimum=8), Column(tr("col.minute"), 3),
            Column(tr("col.organisation_role"), 40, minimum=12, deciding=False),
            Column(tr("col.kind"), 22, minimum=10, deciding=False)]
        self.network_columns = [
            Column(tr("col.name"), 24, minimum=14), Column(tr("col.involve"), 11), Column(tr("col.invited"), 8),
            Column(tr("col.link"), 24, minimum=10, deciding=False), Column(tr("col.offer"), 40, minimum=14,
                                                                           deciding=False)]
        self.agenda_columns = [
            Column(tr("col.number"), 3), Column(tr("col.item"), 50, minimum=24), Column(tr("col.timebox"), 7),
            Column(tr("col.domains"), 34, minimum=18, wraps=True)]

    def _width(self) -> int:
        return self.app.size.width - 2

    def on_resize(self) -> None:
        if self.capp.meeting is not None:
            self.refresh_view()

    # -- showing --

    def refresh_view(self) -> None:
        m = self.meeting
        self._details()
        self._participants()
        self._network()
        self._agenda()
        picks = self.query_one("#domains", Picks)
        chosen = set(m.domains)
        if not picks.option_count:
            picks.add_options([Selection(lbl(d), d, d in chosen) for d in Domain])
        else:
            for d in Domain:
                (picks.select if d in chosen else picks.deselect)(d)

    def _details(self) -> None:
        m = self.meeting
        person = m.person
        facilitator = m.participant(m.facilitator_id)
        when = " ".join(x for x in (date_text(m.date), time_text(m.start_time)) if x)
        if m.end_time:
            when += f" – {time_text(m.end_time)}"
        empty = tr("prepare.empty")
        lines = [
            (tr("details.field_title"), m.title),
            (tr("details.field_purpose"), m.purpose),
            (tr("prepare.when"), when),
            (tr("details.field_place"), m.place),
            (tr("details.field_organisation"), m.organisation),
            (tr("prepare.person"), (f"{person.name} ({tr('prepare.addressed_as', name=person.addressed_as)})"
                                    if person and person.addressed_as else person.name if person else "")),
            (tr("prepare.facilitator"), facilitator.name if facilitator else ""),
            (tr("prepare.minute_taker"), m.name_of(m.minute_taker_id)),
            (tr("prepare.file_number"), m.file_number),
            (tr("details.field_language"), lbl(m.language)),
        ]
        parts: list = []
        for caption, value in lines:
            parts += [(caption + colon(), "bold"),
                      value or (empty, "italic"), "\n"]
        parts += ["\n", (tr("prepare.details_keys"), "dim")]
        self.query_one("#details", Static).update(Content.assemble(*parts))

    def _participants(self) -> None:
        m = self.meeting
        table = self.query_one("#participants", Table)
        keep = table.current_key()
        table.clear()
        order = {p.id: n for n, p in enumerate(m.round_table(), 1)}
        # the order of every list of people (the excused and absent at their place, marked « – »)
        ranked = everyone_in_order(m)
        columns = self.participant_columns
        rows = [[str(order[p.id]) if p.id in order else "–", p.name, lbl(p.attendance),
                 tr("answer.yes") if p.receives_minute else tr("answer.no"),
                 " · ".join(x for x in (p.organisation, p.role) if x), lbl(p.kind)] for p in ranked]
        widths = lay_out(table, columns, self._width(), rows)
        for p, values in zip(ranked, rows):
            cells, height = row_cells(columns, widths, values)
            table.add_row(*cells, height=height, key=p.id)
        self._restore(table, keep)
        self.query_one("#participants-note", Static).update(tr("prepare.participants_order_note"))

    def _network(self) -> None:
        m = self.meeting
        table = self.query_one("#network", Table)
        keep = table.current_key()
        table.clear()
        columns = self.network_columns
        answers = {True: tr("answer.yes"), False: tr("answer.no"), None: tr("answer.unknown")}
        rows = [[member.name, answers[member.agrees_to_involve],
                 tr("answer.yes") if member.participant_id else tr("answer.no"), member.link, member.offer]
                for member in m.network]
        widths = lay_out(table, columns, self._width(), rows)
        for member, values in zip(m.network, rows):
            cells, height = row_cells(columns, widths, values)
            table.add_row(*cells, height=height, key=member.id)
        self._restore(table, keep)

    def _agenda(self) -> None:
        m = self.meeting
        table = self.query_one("#agenda", Table)
        keep = table.current_key()
        table.clear()
        columns = self.agenda_columns
        rows = [[str(n), item.title, tr("minutes", n=item.timebox_minutes), ", ".join(lbl(d) for d in item.domains)]
                for n, item in enumerate(m.agenda, 1)]
        widths = lay_out(table, columns, self._width(), rows)
        for item, values in zip(m.agenda, rows):
            cells, height = row_cells(columns, widths, values)
            table.add_row(*cells, height=height, key=item.id)
        self._restore(table, keep)
        total = sum(i.timebox_minutes for i in m.agenda)
        planned = planned_seconds(m) / 60
        note = tr("prepare.agenda_total", total=total)
        if m.start_time and m.end_time:
            note += " " + tr("prepare.agenda_planned", planned=int(planned))
            if total > planned:
                note += " " + tr("prepare.agenda_too_long", minutes=int(total - planned))
        self.query_one("#agenda-total", Static).update(note)

    @staticmethod
    def _restore(table: Table, keep: str | None) -> None:
        row = table.row_of(keep) if keep else None
        table.keep_row(row if row is not None else 0)

    # -- tabs --

    @property
    def tab(self) -> str:
        """The tab shown; 'details' (the first) while the step's widgets are not composed yet: Textual asks
        the screen shown about its keys (`screen.copy_text` from every footer) as soon as it is switched to."""
        try:
            tabs = self.query_one("#prepare-tabs", TabbedContent)
        except NoMatches:
            return "details"
        return tabs.active.removeprefix("tab-")

    def action_tab(self, name: str) -> None:
        self.query_one("#prepare-tabs", TabbedContent).active = f"tab-{name}"
        target = {"participants": "#participants", "network": "#network", "agenda": "#agenda",
                  "domains": "#domains"}.get(name)
        if target:
            # After the tab is shown: a widget in a pane still hidden cannot take the focus (after
            # `5`, Space did nothing until Tab).
            self.call_after_refresh(self.query_one(target).focus)
        self.refresh_bindings()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in ("add", "remove", "move", "edit"):
            return True  # asked for every key of every footer (`screen.copy_text`): no tab to read
        tab = self.tab
        if action in ("add", "remove") and tab not in ("participants", "network", "agenda"):
            return False
        if action == "move" and tab not in ("participants", "network", "agenda"):
            return False
        if action == "edit" and tab == "domains":
            return False
        return True

    def _table(self) -> Table | None:
        return {"participants": self.query_one("#participants", Table), "network": self.query_one("#network", Table),
                "agenda": self.query_one("#agenda", Table)}.get(self.tab)

    # -- edits --

    def action_edit(self) -> None:
        m = self.meeting
        if self.tab == "details":
            self.app.push_screen(forms.details_form(m), self._details_done)
            return
        table = self._table()
        current = table.current_key() if table else None
        if self.tab == "participants":
            p = m.participant(current) if current else None
            if p is None:
                self.action_add()
                return
            self.app.push_screen(forms.participant_form(m, p), lambda v: self._participant_done(p.id, v))
        elif self.tab == "network":
            member = next((x for x in m.network if x.id == current), None)
            if member is None:
                self.action_add()
                return
            self.app.push_screen(forms.network_form(m, member), lambda v: self._network_done(member.id, v))
        elif self.tab == "agenda":
            item = m.item(current) if current else None
            if item is None:
                self.action_add()
                return
            self.app.push_screen(forms.item_form(item), lambda v: self._item_done(item.id, v))

    def on_data_table_row_selected(self, event: Table.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add(self) -> None:
        m = self.meeting
        if self.tab == "participants":
            self.app.push_screen(forms.participant_form(m, None), lambda v: self._participant_done("", v))
        elif self.tab == "network":
            self.app.push_screen(forms.network_form(m, None), lambda v: self._network_done("", v))
        elif self.tab == "agenda":
            self.app.push_screen(forms.item_form(None), lambda v: self._item_done("", v))

    def action_edit_person(self) -> None:
        m = self.meeting
        person = m.person
        self.app.push_screen(
            forms.participant_form(m, person, kind=ParticipantKind.PERSON),
            lambda v: self._participant_done(person.id if person else "", v),
        )

    def _details_done(self, values: dict | None) -> None:
        if values:
            self.change(ops.set_details, values)

    def _participant_done(self, pid: str, values: dict | None) -> None:
        if not values:
            return
        created = self.create(ops.set_participant, self.meeting.participant(pid) if pid else None, values)
        if created is not None:
            self._restore(self.query_one("#participants", Table), created.id)

    def _network_done(self, mid: str, values: dict | None) -> None:
        if values:
            self.change(ops.set_network_member, next((x for x in self.meeting.network if x.id == mid), None), values)

    def _item_done(self, item_id: str, values: dict | None) -> None:
        if not values:
            return
        table = self.query_one("#agenda", Table)
        after = table.cursor_row if (table.row_count and not item_id) else None
        created = self.create(ops.set_item, self.meeting.item(item_id) if item_id else None, values, after=after)
        if created is not None:
            self._restore(table, created.id)

    def _removed(self, yes: bool | None, removal, *args: str) -> None:
        """After a removal question: do it, or say that nothing was removed."""
        if yes:
            self.change(removal, *args)
        else:
            self.capp.say(tr("remove.kept"))

    def action_remove(self) -> None:
        m = self.meeting
        table = self._table()
        current = table.current_key() if table else None
        if not current:
            return
        if self.tab == "participants":
            p = m.participant(current)
            if p is None:
                return
            self._ask_removal("participant", {"name": p.name}, ops.participant_mentions(m, p.id),
                              ops.remove_participant, p.id)
        elif self.tab == "network":
            member = next((x for x in m.network if x.id == current), None)
            if member is None:
                return
            self.app.push_screen(
                Confirm(tr("network.remove_title"), tr("network.remove_question", name=member.name),
                        yes=tr("form.delete")),
                lambda yes: self._removed(yes, ops.remove_record, "network", member.id),
            )
        elif self.tab == "agenda":
            item = m.item(current)
            if item is None:
                return
            self._ask_removal("item", {"title": item.title}, ops.item_mentions(m, item.id), ops.remove_item, item.id)

    def _ask_removal(self, words: str, named: dict[str, str], refs, remove, record_id: str) -> None:
        """Remove a participant or an item (`words`: the catalogue's `participant.*` or `item.*`) after a
        question saying what else goes with it; refused, with the reason, while records still need it."""
        title = tr(f"{words}.remove_title")
        if refs.blocking:  # « 1 apport le concerne », « 3 apports le concernent »
            self.app.push_screen(Notice(title, tr(f"{words}.remove_refused", **named, count=sum(refs.blocking.values()),
                                                  refs=references_sentence(refs.blocking))))
            return
        question = tr(f"{words}.remove_question", **named)
        if refs.cleaned:
            question += "\n" + tr(f"{words}.remove_cleaned", refs=references_sentence(refs.cleaned))
        self.app.push_screen(Confirm(title, question, yes=tr("form.delete")),
                             lambda yes: self._removed(yes, remove, record_id))

    def action_move(self, step: int) -> None:
        m = self.meeting
        table = self._table()
        current = table.current_key() if table else None
        if not current or table is None:
            return
        if self.tab == "participants":
            if current not in {p.id for p in m.round_table()}:
                self.capp.say(tr("prepare.not_in_round"), "warning")
                return
            self.change(ops.move_speaker, current, step)
        elif self.tab == "network":
            self.change(ops.move_network_member, current, step)
        elif self.tab == "agenda":
            self.change(ops.move_item, current, step)
        self._restore(table, current)

    def on_selection_list_selection_toggled(self, event: Picks.SelectionToggled) -> None:
        event.stop()
        chosen = list(self.query_one("#domains", Picks).selected)
        ordered = [d for d in Domain if d in chosen]
        if ordered != self.meeting.domains:
            self.change(ops.set_fields, self.meeting, domains=ordered)
