"""The map of the person's network, as a picture in the professional minute and in the letter.

Drawn the way easyNWK draws a network map: the person at the centre, four sectors (family, friends and
neighbours, work/school/leisure, professional services), three rings of closeness, and one line to each
person or service, whose style says the tie (solid: supportive, dashed: fragile, dotted with a cross:
conflicting) and whose label says it in words too: nothing rests on colour, and it prints in grey.

The picture is drawn from `Context.meeting`, the meeting as this copy's reader may see it
(minute/reader.py): a member the person did not want named in this copy is already « une personne
proche » there, in the picture, its alt text and the words under it alike.

matplotlib is imported only here, only when a minute with a map is written, with its settings and
caches in a 0700 folder of the program's own (never /tmp, never the user's ~/.cache): its font cache
says nothing about the person, but nothing of this program's goes where others look.
"""

from __future__ import annotations

import io
import math
import os
import textwrap
from dataclasses import dataclass

from ..i18n import label
from ..model import MapSector, Meeting, ParticipantKind, TieKind
from .context import Context
from .spans import bold

SECTOR_ANGLES = {
    MapSector.FAMILY: (90.0, 180.0),
    MapSector.FRIENDS: (0.0, 90.0),
    MapSector.WORK_SCHOOL: (180.0, 270.0),
    MapSector.SERVICES: (270.0, 360.0),
}
"""Where each sector lies on the map, in degrees (counter-clockwise from the right)."""
LINE_STYLE = {TieKind.SUPPORTIVE: "-", TieKind.FRAGILE: (0, (6, 4)), TieKind.CONFLICTING: (0, (1.5, 2.5))}
MARKER = {TieKind.SUPPORTIVE: "o", TieKind.FRAGILE: "o", TieKind.CONFLICTING: "X"}
FILLED = {TieKind.SUPPORTIVE: True, TieKind.FRAGILE: False, TieKind.CONFLICTING: True}
COLOUR = {TieKind.SUPPORTIVE: "#1a6b35", TieKind.FRAGILE: "#8a4b00", TieKind.CONFLICTING: "#a11226"}
"""Dark enough to read on white and in grey; the line style and the words say the same."""
PICTURE_WIDTH_CM = 15.5


@dataclass(frozen=True)
class MapEntry:
    """One person or service on the map, as this copy may name them."""

    name: str
    detail: str
    """Their link to the person, or the service's organisation."""
    sector: MapSector
    ring: int
    tie: TieKind


def map_entries(meeting: Meeting) -> list[MapEntry]:
    """The map's entries, in the order the person placed them; a reference that is gone is left out."""
    members = {m.id: m for m in meeting.network}
    entries = []
    for placement in meeting.network_map:
        member = members.get(placement.who_id)
        if member is not None:
            name, detail = member.name, member.link
        else:
            participant = meeting.participant(placement.who_id)
            if participant is None or participant.kind is ParticipantKind.PERSON:
                continue
            name, detail = participant.name, participant.organisation or participant.role
        entries.append(MapEntry(name.strip(), detail.strip(), placement.sector, placement.ring, placement.tie))
    return entries


# -- words ---------------------------------------------------------------------------------------


def _s(lang: str, key: str, **params: object) -> str:
    from ..i18n import t

    return t(f"minute.map.{key}", lang, **params)


def entry_words(entry: MapEntry, lang: str, *, short: bool = False) -> str:
    """« Isabelle Lambert (sa fille), très proche, lien soutenant »; `short` (the letter's short
    sentences): the name alone."""
    who = f"{entry.name} ({entry.detail})" if entry.detail and not short else entry.name
    return _s(lang, "entry", who=who, ring=_s(lang, f"ring.{entry.ring}"), tie=label(entry.tie, lang))


def sector_lines(entries: list[MapEntry], lang: str, *, short: bool = False) -> list[tuple[str, list[str]]]:
    """Per sector, in the map's order, the words of each entry (sectors with nobody left out)."""
    return [
        (label(sector, lang), [entry_words(e, lang, short=short) for e in sorted(found, key=lambda e: e.ring)])
        for sector in MapSector
        if (found := [e for e in entries if e.sector is sector])
    ]


def alt_text(entries: list[MapEntry], person: str, lang: str) -> str:
    """The picture in words, for a screen reader or a reader who cannot see it."""
    parts = [_s(lang, "alt_intro", person=person)]
    for sector, lines in sector_lines(entries, lang):
        parts.append(f"{sector[:1].upper()}{sector[1:]} : {' ; '.join(lines)}." if lang == "fr"
                     else f"{sector[:1].upper()}{sector[1:]}: {'; '.join(lines)}.")
    return " ".join(parts)


# -- the picture ---------------------------------------------------------------------------------


def _matplotlib_home() -> None:
    """Settings and caches of matplotlib in the program's own 0700 folder, before it is imported."""
    from ..paths import home
    from ..store import ensure_private_dir

    folder = ensure_private_dir(home() / "cache" / "matplotlib", no_link=True)
    os.environ["MPLCONFIGDIR"] = str(folder)


def _positions(entries: list[MapEntry]) -> list[tuple[float, float]]:
    """Each entry's place: its ring's distance, and its own angle within its sector (spread evenly over
    the sector, nearest first), so that no two lines lie on one another and the labels do not meet."""
    groups: dict[MapSector, list[int]] = {}
    for n, entry in enumerate(entries):
        groups.setdefault(entry.sector, []).append(n)
    places: list[tuple[float, float]] = [(0.0, 0.0)] * len(entries)
    for sector, members in groups.items():
        start, end = SECTOR_ANGLES[sector]
        # The nearest towards the horizontal, the furthest towards the vertical: the words, written
        # outwards beside each mark, then never run over another mark of the sector.
        members.sort(key=lambda n: entries[n].ring)
        if start % 180 != 0:  # the horizontal is at the sector's end (family, services)
            start, end = end, start
        for k, n in enumerate(members):
            angle = math.radians(start + (end - start) * (k + 1) / (len(members) + 1))
            radius = entries[n].ring - 0.4
            places[n] = (radius * math.cos(angle), radius * math.sin(angle))
    return places


def render_png(entries: list[MapEntry], person: str, lang: str) -> bytes:
    """The map as PNG bytes (no metadata that names anything: no software, no title)."""
    _matplotlib_home()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    figure = Figure(figsize=(6.4, 7.0), dpi=170)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.02, 0.12, 0.96, 0.86))
    axes.set_xlim(-4.1, 4.1)
    axes.set_ylim(-3.6, 3.6)
    axes.set_aspect("equal")
    axes.axis("off")
    for ring in (1, 2, 3):
        axes.add_patch(Circle((0, 0), ring, fill=False, edgecolor="#9a9a9a", linewidth=0.8))
    for angle in (0, 90, 180, 270):
        x, y = math.cos(math.radians(angle)) * 3, math.sin(math.radians(angle)) * 3
        axes.plot([0, x], [0, y], color="#9a9a9a", linewidth=0.8)
    for sector, (start, end) in SECTOR_ANGLES.items():  # in the corners, clear of the circles
        middle = math.radians((start + end) / 2)
        x, y = math.cos(middle), math.sin(middle)
        words = "\n".join(textwrap.wrap(label(sector, lang).upper(), 14))
        axes.text(4.05 * (1 if x > 0 else -1), 3.55 * (1 if y > 0 else -1), words, ha="right" if x > 0 else "left",
                  va="top" if y > 0 else "bottom", fontsize=9, fontweight="bold", color="#222222")
    axes.add_patch(Circle((0, 0), 0.42, facecolor="#e8e8e8", edgecolor="#333333", linewidth=1.2))
    axes.text(0, 0, "\n".join(textwrap.wrap(person, 12)), ha="center", va="center", fontsize=8, fontweight="bold")
    for entry, (x, y) in zip(entries, _positions(entries), strict=True):
        tie = entry.tie
        length = math.hypot(x, y) or 1.0
        axes.plot([0.42 * x / length, x], [0.42 * y / length, y], color=COLOUR[tie], linestyle=LINE_STYLE[tie],
                  linewidth=2.0 if tie is TieKind.SUPPORTIVE else 1.6)
        axes.plot([x], [y], marker=MARKER[tie], markersize=9, color=COLOUR[tie], zorder=4,
                  markerfacecolor=COLOUR[tie] if FILLED[tie] else "white", markeredgewidth=1.8)
        name = textwrap.shorten(entry.name, 26, placeholder="…")
        outward = (x / length * 0.14, y / length * 0.14)  # the words beside the mark, away from the centre
        words = f"{name}\n({label(tie, lang)})" if abs(x) > 1.6 else f"{name} ({label(tie, lang)})"
        axes.text(x + outward[0], y + outward[1], words, ha="left" if x >= 0 else "right",
                  va="center", fontsize=8, zorder=3,
                  bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    legend = figure.add_axes((0.02, 0.0, 0.96, 0.1))
    legend.axis("off")
    handles = [
        Line2D([0], [0], color=COLOUR[tie], linestyle=LINE_STYLE[tie], linewidth=2, marker=MARKER[tie],
               markerfacecolor=COLOUR[tie] if FILLED[tie] else "white", markersize=8, label=label(tie, lang))
        for tie in TieKind
    ]
    legend.legend(handles=handles, loc="upper center", ncol=3, frameon=False, fontsize=8.5,
                  title=_s(lang, "legend"), title_fontsize=8.5)
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None}, facecolor="white")
    return out.getvalue()


# -- in the documents ----------------------------------------------------------------------------


def _write(c: Context, heading: str, intro: str, *, short: bool = False) -> None:
    entries = map_entries(c.meeting)
    if not entries:
        return
    from docx.shared import Cm

    w = c.writer
    w.heading(heading)
    w.para(intro, keep_with_next=True)
    w.flush()
    described = alt_text(entries, c.person_label, c.lang)
    c.writer.doc.add_picture(io.BytesIO(render_png(entries, c.person_label, c.lang)), width=Cm(PICTURE_WIDTH_CM))
    shape = c.writer.doc.inline_shapes[-1]
    shape._inline.docPr.set("descr", described)
    shape._inline.docPr.set("title", heading)
    shape._inline.docPr.set("name", "network-map")
    for sector, lines in sector_lines(entries, c.lang, short=short):  # the same in words, under the picture
        w.para(bold(f"{sector[:1].upper()}{sector[1:]}{c.colon.rstrip()}"), keep_with_next=True)
        w.bullets(lines)


def professional_section(c: Context) -> None:
    """The map in the professional minute, after the person's own network."""
    _write(c, c.s("map.heading", person=c.person_label), c.s("map.intro", person=c.person_label))


def letter_section(c: Context) -> None:
    """The map in the letter: « Les personnes qui comptent pour vous »."""
    _write(c, c.s("map.letter_heading"), c.s("map.letter_intro"), short=True)
