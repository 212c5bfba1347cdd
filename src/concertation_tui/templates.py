"""Meeting templates: the JSON meetings in `templates/meetings/` that a new meeting starts from.

A template is a meeting file (same format, same migrations) holding what every meeting of its kind
shares: mostly the agenda. An organisation adds its own by dropping a file in that folder, or in
`$CONCERTATION_HOME/templates/meetings/`.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .model import Attendance, Meeting, Participant, ParticipantKind, SeriesInfo, new_id, now
from .model.followup import follow_up
from .paths import home
from .store import StoreError, parse_meeting

TEMPLATES_ENV = "CONCERTATION_TEMPLATES"
DEFAULT_TEMPLATE = "premiere-reunion"


def templates_root() -> Path:
    """The shipped templates folder: $CONCERTATION_TEMPLATES, else `templates/` of the project."""
    override = os.environ.get(TEMPLATES_ENV)
    return Path(override) if override else Path(__file__).resolve().parents[2] / "templates"


def meeting_templates() -> dict[str, Path]:
    """Template name (file stem) -> file, the user's own templates overriding the shipped ones."""
    found: dict[str, Path] = {}
    for folder in (templates_root() / "meetings", home() / "templates" / "meetings"):
        if folder.is_dir():
            found.update({path.stem: path for path in sorted(folder.glob("*.json"))})
    return found


class UnknownTemplate(StoreError):
    pass


def _template(name: str) -> Meeting:
    templates = meeting_templates()
    if name not in templates:
        raise UnknownTemplate("cli.unknown_template", name=name, known=", ".join(sorted(templates)))
    return parse_meeting(templates[name].read_bytes(), templates[name])


def new_follow_up(previous: Meeting, previous_path: Path, name: str = "reunion-de-suivi", *,
                  day: dt.date | None = None) -> Meeting:
    """The follow-up of `previous` (read from `previous_path`), with the agenda of template `name`."""
    return follow_up(previous, previous_file=previous_path.name, agenda=_template(name).agenda, day=day)


def new_meeting_from_template(
    name: str = DEFAULT_TEMPLATE,
    *,
    title: str = "",
    day: dt.date | None = None,
    person_name: str = "",
) -> Meeting:
    """A fresh meeting (new ids, new series) from the template `name`."""
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
            "date": day or dt.date.today(),
            "series": SeriesInfo(),
            "agenda": agenda,
            "participants": participants,
            "created_at": now(),
        }
    )
