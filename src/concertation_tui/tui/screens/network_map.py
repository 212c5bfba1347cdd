"""The map of the person's network (shift+F2, from every step), built with the person by keyboard.

Everyone the person may place: each member of their own network, and each partner and service at the
meeting. Above, the map as it stands, sector by sector (family, friends and neighbours, work/school/
leisure, professional services), each person with their ring of closeness and their tie in a symbol and
in words; below, the list to place them: s changes the sector (and puts someone on the map), + and -
bring them closer or further, l changes the tie, n says where a member's name may be written, suppr
takes them off the map. Nothing is told by colour: 16 colours and a black-and-white screen read the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Static

from ...model import MapSector, Meeting, ParticipantKind, TieKind, ops
from ...services.display import one_line
from ..text import key, lbl, tr
from ..widgets import Table
from .views import ViewScreen, view_allowed

TIE_SYMBOL = {TieKind.SUPPORTIVE: "+", TieKind.FRAGILE: "~", TieKind.CONFLICTING: "×"}
"""Doubled by the tie's word everywhere it is shown."""
RING_SYMBOL = {1: "●●●", 2: "●● ", 3: "●  "}
SECTORS = list(MapSector)
TIES = list(TieKind)
NAMING = ops.MAP_NAMINGS


@dataclass(frozen=True)
class Placeable:
    """Someone the person can place: a member of their network, or a participant who is not them."""

    id: str
    name: str
    detail: str
    member: bool
    """A member of the person's network who does not attend: their name may be kept out of a copy (one
    who attends is named in the minute's list of participants anyway)."""


def placeable(meeting: Meeting) -> list[Placeable]:
    """The members of the person's network first (a member who also attends counts once), then the others."""
    found = [Placeable(m.id, m.name, m.link, not m.participant_id) for m in meeting.network]
    linked = {m.participant_id for m in meeting.network if m.participant_id}
    for p in meeting.participants:
        if p.kind is ParticipantKind.PERSON or p.id in linked:
            continue
        found.append(Placeable(p.id, p.name, p.organisation or p.role, False))
    return found


class NetworkMapScreen(ViewScreen):
    VIEW_ID = "network-map-screen"
    CSS_PATH = ["series.tcss", "network_map.tcss"]

    BINDINGS = [
        key("s", "sector", "map_sector"),
        key("plus", "ring(-1)", "map_closer", key_display="+"),
        key("minus", "ring(1)", "map_further", key_display="-"),
        key("l", "tie", "map_tie"),
        key("n", "naming", "map_naming"),
        key("delete", "remove", "map_remove", key_display="suppr"),
        ViewScreen.CLOSE,
    ]

    def view_title(self) -> str:
        person = self.meeting.person
        name = (person.addressed_as.strip() or person.name) if person else tr("room.the_person")
        return tr("map.title", person=name)

    def body(self) -> ComposeResult:
        with Grid(id="map-sectors"):
            for sector in SECTORS:
                box = Static("", id=f"map-{sector.value}", classes="map-sector", markup=False)
                box.border_title = lbl(sector)
                yield box
        yield Table(id="map-table")
        yield Static(tr("map.legend", closer="+", further="-"), id="map-legend", classes="view-legend",
                     markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#map-table", Table)
        for column in ("who", "sector", "ring", "tie", "naming"):
            table.add_column(tr(f"map.column.{column}"), key=column)
        super().on_mount()
        table.focus()

    # -- showing ---------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        m = self.meeting
        people = {p.id: p for p in placeable(m)}
        for sector in SECTORS:
            parts: list = []
            for place in sorted((p for p in m.network_map if p.sector is sector and p.who_id in people),
                                key=lambda p: p.ring):
                who = people[place.who_id]
                if parts:
                    parts.append("\n")
                parts += [f"{RING_SYMBOL[place.ring]} {TIE_SYMBOL[place.tie]} ", (who.name, "bold"),
                          f" ({lbl(place.tie)})"]
            box = self.query_one(f"#map-{sector.value}", Static)
            box.update(Content.assemble(*parts) if parts else Content(tr("map.sector_empty")))
        table = self.query_one("#map-table", Table)
        current = table.current_key()
        table.clear()
        for who in people.values():
            place = ops.placement(m, who.id)
            narrow = self.app.size.width < 120  # at 80 columns every column must fit: short words
            if narrow:
                name = one_line(who.name, 20)
            else:
                name = one_line(f"{who.name} ({who.detail})" if who.detail else who.name, 50)
            if place is None:
                cells = [Text(name), Text(tr("map.not_placed")), Text(""), Text("")]
            else:
                sector = tr(f"map.sector_short.{place.sector.value}") if narrow else lbl(place.sector)
                ring = RING_SYMBOL[place.ring] + ("" if narrow else f" {tr(f'map.ring.{place.ring}')}")
                cells = [Text(name), Text(sector), Text(ring), Text(f"{TIE_SYMBOL[place.tie]} {lbl(place.tie)}")]
            naming = tr(f"map.naming.{ops.map_naming(m, who.id)}") if who.member else tr("map.naming.participant")
            table.add_row(*cells, Text(naming), key=who.id)
        if current is not None and table.row_of(current) is not None:
            table.keep_row(table.row_of(current))

    # -- placing -----------------------------------------------------------------------------------

    def _chosen(self) -> str | None:
        return self.query_one("#map-table", Table).current_key()

    def _place(self, **how: object) -> None:
        who = self._chosen()
        if who is not None:
            self.change(ops.place_on_map, who, **how)  # the first key puts them on the map

    def action_sector(self) -> None:
        self._place(sector_step=1)

    def action_ring(self, step: int) -> None:
        self._place(ring_step=step)

    def action_tie(self) -> None:
        self._place(next_tie=True)

    def action_naming(self) -> None:
        who = self._chosen()
        m = self.meeting
        if who is None or not any(n.id == who and not n.participant_id for n in m.network):
            self.capp.say(tr("map.naming_members_only"))
            return
        following = NAMING[(NAMING.index(ops.map_naming(m, who)) + 1) % len(NAMING)]
        self.change(ops.set_map_naming, who, following)

    def action_remove(self) -> None:
        who = self._chosen()
        if who is None or ops.placement(self.meeting, who) is None:
            return
        self.change(ops.remove_from_map, who)


def show_network_map(app) -> None:
    """shift+F2: open the map over the current step; the same key closes it."""
    screen = app.screen
    if isinstance(screen, NetworkMapScreen):
        screen.dismiss(None)
    elif view_allowed(app):
        app.push_screen(NetworkMapScreen())
