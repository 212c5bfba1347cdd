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

from ...model import MapPlacement, MapSector, Meeting, ParticipantKind, TieKind, Visibility, VisibilityKind
from ..format import one_line
from ..text import key, lbl, tr
from ..widgets import Table
from .views import ViewScreen, view_allowed

TIE_SYMBOL = {TieKind.SUPPORTIVE: "+", TieKind.FRAGILE: "~", TieKind.CONFLICTING: "×"}
"""Doubled by the tie's word everywhere it is shown."""
RING_SYMBOL = {1: "●●●", 2: "●● ", 3: "●  "}
SECTORS = list(MapSector)
TIES = list(TieKind)
NAMING = ("everywhere", "letter_only", "never")


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


def naming_of(meeting: Meeting, member_id: str) -> str:
    member = next((m for m in meeting.network if m.id == member_id), None)
    if member is None:
        return "everywhere"
    kind = member.visibility.kind
    if kind is VisibilityKind.ORAL_ONLY:
        return "never"
    if kind is VisibilityKind.RESTRICTED:
        return "letter_only"
    return "everywhere"


def set_naming(meeting: Meeting, member_id: str, naming: str) -> None:
    member = next(m for m in meeting.network if m.id == member_id)
    person = meeting.person
    if naming == "never":
        member.visibility = Visibility(kind=VisibilityKind.ORAL_ONLY)
    elif naming == "letter_only":
        member.visibility = Visibility(kind=VisibilityKind.RESTRICTED, recipients=[person.id] if person else [])
    else:
        member.visibility = Visibility()


def placement(meeting: Meeting, who_id: str) -> MapPlacement | None:
    return next((p for p in meeting.network_map if p.who_id == who_id), None)


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
            place = placement(m, who.id)
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
            naming = tr(f"map.naming.{naming_of(m, who.id)}") if who.member else tr("map.naming.participant")
            table.add_row(*cells, Text(naming), key=who.id)
        if current is not None and table.row_of(current) is not None:
            table.keep_row(table.row_of(current))

    # -- placing -----------------------------------------------------------------------------------

    def _chosen(self) -> str | None:
        return self.query_one("#map-table", Table).current_key()

    def _edit(self, edit) -> None:
        who = self._chosen()
        if who is None:
            return

        def change(m: Meeting) -> None:
            place = placement(m, who)
            if place is None:
                place = MapPlacement(who_id=who, sector=self._default_sector(m, who))
                m.network_map.append(place)
                return  # the first key puts them on the map; the next ones change it
            edit(m, place)

        self.change(change)

    @staticmethod
    def _default_sector(m: Meeting, who: str) -> MapSector:
        if any(n.id == who for n in m.network):
            return MapSector.FAMILY
        return MapSector.SERVICES

    def action_sector(self) -> None:
        def edit(m: Meeting, place: MapPlacement) -> None:
            place.sector = SECTORS[(SECTORS.index(place.sector) + 1) % len(SECTORS)]

        self._edit(edit)

    def action_ring(self, step: int) -> None:
        def edit(m: Meeting, place: MapPlacement) -> None:
            place.ring = min(3, max(1, place.ring + step))

        self._edit(edit)

    def action_tie(self) -> None:
        def edit(m: Meeting, place: MapPlacement) -> None:
            place.tie = TIES[(TIES.index(place.tie) + 1) % len(TIES)]

        self._edit(edit)

    def action_naming(self) -> None:
        who = self._chosen()
        m = self.meeting
        if who is None or not any(n.id == who and not n.participant_id for n in m.network):
            self.capp.say(tr("map.naming_members_only"))
            return
        following = NAMING[(NAMING.index(naming_of(m, who)) + 1) % len(NAMING)]
        self.change(lambda meeting: set_naming(meeting, who, following))

    def action_remove(self) -> None:
        who = self._chosen()
        if who is None or placement(self.meeting, who) is None:
            return
        self.change(lambda m: setattr(m, "network_map", [p for p in m.network_map if p.who_id != who]))


def show_network_map(app) -> None:
    """shift+F2: open the map over the current step; the same key closes it."""
    screen = app.screen
    if isinstance(screen, NetworkMapScreen):
        screen.dismiss(None)
    elif view_allowed(app):
        app.push_screen(NetworkMapScreen())
