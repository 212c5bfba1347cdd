"""What one copy of the minute may carry: the meeting as its reader may see it.

The writers of the editions only ever see `visible_meeting(...)`, a copy of the meeting from which
every record the reader may not read has been taken out (`model.sharing.reaches`): oral-only records
for everyone, restricted records outside the copies of the recipients they name, and in a professional
copy every record whose life domains the person's consent does not share with that reader. What is not
in that copy cannot reach the file, whatever a section writes. An action kept out still says that it
exists (its carrier and due date, not its detail): the reader may have to act
around it. With an override (a reason given at issue), records beyond the consent stay in and are
marked where they stand.
"""

from __future__ import annotations

from ..i18n import t
from ..model import Meeting, VisibilityKind
from ..model.kinds import KINDS
from ..model.sharing import Consent, notes, professional_copies


def overridden_ids(meeting: Meeting, recipient_id: str | None) -> frozenset[str]:
    """Records the copy for `recipient_id` would leave out for the consent alone (visibility allows them)."""
    consent = Consent(meeting)
    return frozenset(
        n.id for n in notes(meeting)
        if n.visibility.allows(recipient_id) and not consent.covered(n, recipient_id)
    )


def visible_meeting(meeting: Meeting, recipient_id: str | None, *, override: bool = False,
                    lang: str = "fr") -> Meeting:
    """The meeting with only the records the copy for `recipient_id` carries (None: the common edition).

    `override`: records beyond the consent are kept (the caller marks them); visibility still applies.
    """
    every = notes(meeting)
    consent = Consent(meeting)
    if override:
        kept = {n.id for n in every if n.visibility.allows(recipient_id)}
    else:
        kept = {n.id for n in every if consent.reaches(n, recipient_id)}

    # each kind of record: left out of the copy, or kept as its kind says a withheld one is (kinds.py)
    redacted = {
        kind.collection: [r if r.id in kept else kind.withheld(r, lang) for r in getattr(meeting, kind.collection)
                          if r.id in kept or kind.withheld is not None]
        for kind in KINDS.values()
    }
    # An agenda item carried from an open question has the question for its title: words about the
    # person, under the question's domains. A copy the consent does not let them reach names the item
    # without its words (every copy had carried the question's title).
    carried = t("minute.common.carried_item", lang)
    agenda = [
        item if item.carried_from is None or override or consent.covers(tuple(item.domains), recipient_id)
        else item.model_copy(update={"title": carried})
        for item in meeting.agenda
    ]
    return meeting.model_copy(update={**redacted, "agenda": agenda})


def withheld_actions(meeting: Meeting, recipient_id: str | None, *, override: bool = False) -> frozenset[str]:
    """Ids of the actions `visible_meeting` keeps only as « détail partagé… » for this copy."""
    if override:
        return frozenset(n.id for n in notes(meeting) if n.kind in ("action", "review")
                         and not n.visibility.allows(recipient_id))
    consent = Consent(meeting)
    return frozenset(n.id for n in notes(meeting) if n.kind in ("action", "review")
                     and not consent.reaches(n, recipient_id))


def holds_back(meeting: Meeting, recipient_id: str | None) -> bool:
    """Whether some written record is left out of this copy (oral-only records are never mentioned)."""
    consent = Consent(meeting)
    return any(
        n.visibility.kind is not VisibilityKind.ORAL_ONLY and not consent.reaches(n, recipient_id) for n in notes(meeting)
    )


def copy_recipients(meeting: Meeting, recipient_id: str | None) -> list[str]:
    """Who receives the same personal copy as `recipient_id` (the same records), them first.

    Empty when the copy is the common edition. Judged on the whole meeting, so that two recipients share
    a copy only when they may read exactly the same records.
    """
    if recipient_id is None:
        return []
    for copy in professional_copies(meeting):
        if recipient_id in copy.recipient_ids:
            if copy.is_common:
                return []
            return [recipient_id, *(pid for pid in copy.recipient_ids if pid != recipient_id)]
    every = notes(meeting)
    consent = Consent(meeting)
    extra = any(consent.reaches(n, recipient_id) and not consent.reaches(n, None) for n in every)
    return [recipient_id] if extra else []


def copy_readers(meeting: Meeting, recipient_id: str | None, copy_for: list[str], override: bool = False) -> list[str]:
    """Everyone who reads the professional copy for `recipient_id`: its personal recipients, or for the
    common edition every recipient of the common copy (the ones with no personal copy)."""
    if copy_for:
        return copy_for
    if recipient_id is not None:
        return [recipient_id]
    common = next((c for c in professional_copies(meeting, override=override) if c.is_common), None)
    return list(common.recipient_ids) if common else []
