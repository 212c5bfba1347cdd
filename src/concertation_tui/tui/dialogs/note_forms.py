"""Forms of the rereading that no other step has: a note's visibility alone.

The steps, lines of the picture, scales and disagreements are edited with the forms of
`coordination_forms` (`editing=True`), as during the meeting. Same pattern as `meeting_forms`: each
`*_form()` returns a `FormDialog`.
"""

from __future__ import annotations


from ...model import Meeting, Visibility
from ..text import tr
from .forms import FormDialog
from .meeting_forms import _visibility_problem, visibility_fields


def visibility_form(meeting: Meeting, visibility: Visibility, text: str, domains=()) -> FormDialog:
    """The visibility of any note alone (the shortest way out of a consent conflict), with what the
    person's consent says of the note's domains when it is partial."""
    from ...model import ConsentStatus
    from ..text import lbl
    from .consent_forms import domain_rule, rule_text

    lines = [tr("reread.visibility_intro", text=text)]
    if meeting.consent.status is ConsentStatus.PARTIAL:
        for domain in domains:
            lines.append(tr("reread.visibility_consent", domain=lbl(domain),
                            rule=rule_text(meeting, domain_rule(meeting, domain))))
    return FormDialog(tr("reread.visibility_title"), visibility_fields(meeting, visibility),
                      intro="\n".join(lines), validate=_visibility_problem)
