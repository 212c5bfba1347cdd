"""Building one edition of the minute: template in, .docx bytes out (writing to disk is the store's job)."""

from __future__ import annotations

from pathlib import Path

from ..config import DataProtection
from ..i18n import t
from ..model import Edition, Meeting
from .template import check_template, default_template_path

LETTER_SIZES = {"Normal": 13, "Heading 1": 16, "Title": 21, "Subtitle": 14, "Texte de tableau": 12}
"""Least sizes in points of the letter to the person: easy to read on paper."""


def build_minute(meeting: Meeting, edition: Edition, *, recipient_id: str | None = None,
                 template: Path | None = None, protection: DataProtection | None = None,
                 consent_reason: str = "", issued: bool = False) -> bytes:
    """The .docx bytes of one edition of the minute of `meeting`.

    `edition` PROFESSIONAL with `recipient_id` None is the common professional minute (notes "in the
    minute" only); with a participant id, that recipient's copy (restricted notes naming them included).
    PERSON is the letter to the person: it carries the restricted notes that name the person among their
    recipients, never others (`recipient_id` is ignored).
    Oral-only notes are never written. A professional copy carries a record only where the person's
    consent covers its life domains for that reader (`model.sharing.reaches`); an action kept out shows
    its carrier and due date only. With `consent_reason`, records beyond the consent are written anyway,
    each marked with the reason (an override, recorded by the issue).
    `template` None: the user's, else the organisation's, else the shipped one; `protection` None: the
    organisation's data-protection settings (`config.load_config`).
    `issued`: this copy is being sent (`issuing`); else it is a draft, and says so.
    Raises TemplateError for an unusable template, ValueError for an unknown recipient.
    """
    from .context import Context
    from .docx_helpers import Writer
    from .document import enlarge, fill_placeholders, open_document, set_metadata, to_bytes
    from .reader import (copy_readers, copy_recipients, holds_back, overridden_ids, visible_meeting,
                         withheld_actions)
    from .text import language, language_tag, long_date

    edition = Edition(edition)
    lang = language(meeting)
    if recipient_id is not None and meeting.participant(recipient_id) is None:
        raise ValueError(t("minute.error.unknown_recipient", lang))
    template = Path(template) if template is not None else default_template_path()
    check_template(template, lang=lang)
    tag = language_tag(meeting)
    doc = open_document(template, tag)
    if edition is Edition.PERSON:
        # The letter is the person's copy: what is restricted to them is theirs to read, nothing else.
        recipient_id = meeting.person.id if meeting.person else None
        enlarge(doc, LETTER_SIZES)
    override = bool(consent_reason.strip()) and edition is Edition.PROFESSIONAL
    visible = visible_meeting(meeting, recipient_id, override=override, lang=lang)
    copy_for = copy_recipients(meeting, recipient_id)
    if protection is None:
        from ..config import load_config

        protection = load_config().data_protection
    overridden = overridden_ids(meeting, recipient_id) if override else frozenset()
    readers = [] if edition is Edition.PERSON else copy_readers(meeting, recipient_id, copy_for, override)
    context = Context(visible, Writer(doc, lang), copy_for, holds_back(meeting, recipient_id) and not override,
                      protection, readers, overridden, consent_reason.strip(), issued,
                      withheld_actions(meeting, recipient_id, override=override))
    if edition is Edition.PERSON:
        from .letter import write_letter

        write_letter(context)
    else:
        from .professional import write_professional  # imports only the edition it writes

        write_professional(context)
    context.writer.flush()

    day = long_date(meeting.date, context.loc) if meeting.date else ""
    kind = edition.value
    title = t(f"minute.meta.title.{kind}", lang)
    subject = t(f"minute.meta.subject.{kind}", lang, date=day) if day else title
    fill_placeholders(doc, {
        "organisation": meeting.organisation,
        "confidential": t(f"minute.header.confidential.{kind}", lang),
        "document": subject,
        "page": t("minute.footer.page", lang),
    })
    set_metadata(doc, title=title, subject=subject, author=meeting.organisation.strip(), lang_tag=tag)
    return to_bytes(doc)
