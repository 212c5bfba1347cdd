"""Meeting templates: the JSON meetings in `templates/meetings/` that a new meeting starts from.

A template is a meeting file (same format, same migrations) holding what every meeting of its kind
shares: mostly the agenda. An organisation adds its own in `templates/meetings/` of its folder (for
every user, see `resources`), a user in `templates/meetings/` of their data folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..model import Attendance, Language, Meeting, Participant, ParticipantKind, SeriesInfo, new_id, now
from ..model.followup import follow_up
from ..resources import template_folders
from ..store import StoreError, parse_meeting

DEFAULT_TEMPLATE = "premiere-reunion"
FOLLOW_UP_TEMPLATE = "reunion-de-suivi"
# The shipped templates written in another language than French: (first meeting, follow-up).
TEMPLATES_BY_LANGUAGE = {"nl": ("eerste-overleg", "opvolgoverleg")}


def default_template(lang: str, follow_up: bool = False) -> str:
    """The template a new meeting (or a follow-up) starts from in `lang`, when none is named."""
    first, follow = TEMPLATES_BY_LANGUAGE.get(lang, (DEFAULT_TEMPLATE, FOLLOW_UP_TEMPLATE))
    return follow if follow_up else first


def meeting_templates() -> dict[str, Path]:
    """Template name (file stem) -> file: the user's own over the organisation's over the shipped ones."""
    found: dict[str, Path] = {}
    for folder in template_folders("meetings"):
        if folder.is_dir():
            found.update({path.stem: path for path in sorted(folder.glob("*.json"))})
    return found


def template_language(path: Path) -> str:
    """The language a template is written in (its meetings' language; French when it does not say)."""
    import json

    try:
        found = json.loads(path.read_text(encoding="utf-8")).get("language")
    except (OSError, ValueError, AttributeError):
        return Language.FR.value
    return found if isinstance(found, str) and found else Language.FR.value


def templates_for(lang: str) -> dict[str, Path]:
    """The templates to offer in an interface in `lang`: those written in it (a Dutch agenda in a French
    interface is a trap), or all of them when none is."""
    every = meeting_templates()
    mine = {name: path for name, path in every.items() if template_language(path) == lang}
    return mine or every


class UnknownTemplate(StoreError):
    pass


def _template(name: str) -> Meeting:
    templates = meeting_templates()
    if name not in templates:
        raise UnknownTemplate("cli.unknown_template", name=name, known=", ".join(sorted(templates)))
    return parse_meeting(templates[name].read_bytes(), templates[name])


def new_follow_up(previous: Meeting, previous_path: Path, name: str | None = None, *,
                  day: dt.date | None = None) -> Meeting:
    """The follow-up of `previous` (read from `previous_path`), with the agenda of template `name`
    (by default the follow-up template in the previous meeting's language)."""
    name = name or default_template(previous.language.value, follow_up=True)
    return follow_up(previous, previous_file=previous_path.name, agenda=_template(name).agenda, day=day)


def new_meeting(title: str, day: dt.date | None, language: str, person_name: str = "") -> Meeting:
    """A meeting started from nothing (no template): its title, its date, the minute's language and,
    when named, the person it is about and with."""
    from ..i18n import DEFAULT_LOCALES

    meeting = Meeting(title=title, date=day, language=language, created_at=now(),
                      locale=DEFAULT_LOCALES.get(language, "fr_BE"))
    if person_name:
        meeting.participants.append(Participant(name=person_name, kind=ParticipantKind.PERSON,
                                                attendance=Attendance.INVITED))
    return meeting


def new_meeting_from_template(
    name: str = DEFAULT_TEMPLATE,
    *,
    title: str = "",
    day: dt.date | None = None,
    person_name: str = "",
) -> Meeting:
    """A fresh meeting (new ids, new series) from the template `name`; the organisation is the
    template's, else the `organisation` setting (the organisation's folder, or the user's)."""
    from ..config import load_config

    template = _template(name)
    agenda = [item.model_copy(update={"id": new_id()}) for item in template.agenda]
    participants = []
    if person_name:
        participants.append(
            Participant(name=person_name, kind=ParticipantKind.PERSON, attendance=Attendance.INVITED)
        )
    return template.model_copy(
        update={
            "id": new_id(),
            "title": title or template.title,
            "organisation": template.organisation or load_config().organisation,
            "date": day or dt.date.today(),
            "series": SeriesInfo(),
            "agenda": agenda,
            "participants": participants,
            "created_at": now(),
        }
    )
