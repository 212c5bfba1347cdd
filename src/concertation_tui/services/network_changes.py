"""What changed in the person's network map from one meeting of a series to the next. No Textual.

Each meeting file keeps its own map (a follow-up starts from the previous one's, and the person changes
it with the facilitator): comparing two files says who came onto the map, who left it, who came closer
or moved away, and whose tie changed, in words the series view shows as they are.
"""

from __future__ import annotations

from ..i18n import label, t
from ..model import MapPlacement, Meeting


def _names(meeting: Meeting) -> dict[str, str]:
    names = {p.id: p.name for p in meeting.participants}
    names.update({m.id: m.name for m in meeting.network})
    return names


def _where(place: MapPlacement, lang: str) -> str:
    return t("series_map.where", lang, sector=label(place.sector, lang), ring=t(f"minute.map.ring.{place.ring}", lang),
             tie=label(place.tie, lang))


def map_changes(before: Meeting, after: Meeting, lang: str) -> list[str]:
    """One sentence per person whose place changed between `before` and `after`, in `after`'s map order."""
    names = {**_names(before), **_names(after)}
    old = {p.who_id: p for p in before.network_map}
    new = {p.who_id: p for p in after.network_map}
    lines = []
    for who_id in [*new, *(w for w in old if w not in new)]:
        name = names.get(who_id, "?")
        was, now = old.get(who_id), new.get(who_id)
        if was is None and now is not None:
            lines.append(t("series_map.added", lang, name=name, where=_where(now, lang)))
        elif now is None and was is not None:
            lines.append(t("series_map.removed", lang, name=name))
        elif was is not None and now is not None:
            changes = []
            if now.sector is not was.sector:
                changes.append(t("series_map.sector", lang, sector=label(now.sector, lang)))
            if now.ring != was.ring:
                key = "series_map.closer" if now.ring < was.ring else "series_map.further"
                changes.append(t(key, lang, ring=t(f"minute.map.ring.{now.ring}", lang)))
            if now.tie is not was.tie:
                changes.append(t("series_map.tie", lang, before=label(was.tie, lang), after=label(now.tie, lang)))
            if changes:
                lines.append(f"{name}{' : ' if lang == 'fr' else ': '}{', '.join(changes)}")
    return lines
