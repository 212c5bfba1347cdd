"""Issuing the minute: every copy at once, into one private folder per meeting and version.

The professional edition once per distinct set of restricted notes, the letter to the person, and a
PDF beside each when asked. The meeting file records the issue (version, time, who received which file
and its SHA-256), and a correction is a new version whose files sit beside the earlier ones. Each copy
follows the person's consent: a record beyond it is left out of that copy (`Issued.left_out` says which,
for whom). With a reason, such records are sent anyway, marked with the reason where they stand, and
the issue records every one with its recipient (an override). No Textual here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import label, t
from ..model import ConsentOverride, Domain, Edition, Issue, Meeting, Recipient, now
from ..model.checks import unagreed_readers
from ..model.minute_state import fingerprint
from ..model.sharing import ConsentConflict, Note, consent_conflicts_for, professional_copies
from ..store import StoreError, ensure_private_dir, refuse_foreign, save_meeting, write_private

ISSUES_DIR = "comptes-rendus"


class IssueError(StoreError):
    """Issuing cannot go on; the sentence says what to do."""


def conflict_lines(conflicts: list[ConsentConflict], meeting: Meeting, lang: str | None = None,
                   most: int = 20) -> list[str]:
    """One line per record beyond consent, naming whose copies it concerns (at most `most` listed)."""
    by_note: dict[str, tuple[Note, list[tuple[str, Domain | None]]]] = {}
    for conflict in conflicts:
        by_note.setdefault(conflict.note.id, (conflict.note, []))[1].append((conflict.recipient_id, conflict.domain))
    return record_lines(list(by_note.values()), meeting, lang, most)


def record_lines(kept_out: list[tuple[Note, list[tuple[str, Domain | None]]]], meeting: Meeting,
                 lang: str | None = None, most: int = 20) -> list[str]:
    """`conflict_lines` for records already grouped (`sharing.conflicts_by_record`): each record with
    the recipients whose copies leave it out and, for each, the first domain kept out."""
    names = {p.id: p.name for p in meeting.participants}
    lines = []
    for note, found in kept_out[:most]:
        who = [names.get(rid, "?") for rid, _domain in found]
        if len(who) > 6:
            who = [*who[:5], t("issue.and_others", lang, count=len(who) - 5)]
        domain = found[0][1]
        lines.append(t(
            "issue.conflict_line", lang,
            recipients=", ".join(who),
            domain=label(domain, lang) if domain else "",
            note=note.text if len(note.text) <= 70 else note.text[:69] + "…",
        ))
    if len(kept_out) > most:
        lines.append(t("issue.more_notes", lang, count=len(kept_out) - most))
    return lines


@dataclass
class Issued:
    version: int
    folder: Path
    files: list[Path] = field(default_factory=list)
    left_out: list[ConsentConflict] = field(default_factory=list)
    """Records left out of some copies by the person's consent (none with an override)."""
    overridden: list[ConsentConflict] = field(default_factory=list)
    """Records sent beyond the consent with the reason given, marked in those copies."""


def issue_folder(meeting: Meeting, meeting_path: Path, version: int, out: Path | None = None) -> Path:
    """`<out or beside the meeting>/comptes-rendus/<date>-<id>/v<version>`: no name of the person."""
    base = out or meeting_path.parent / ISSUES_DIR
    day = meeting.date.isoformat() if meeting.date else "sans-date"
    return base / f"{day}-{meeting.id}" / f"v{version}"


def all_conflicts(meeting: Meeting) -> list[ConsentConflict]:
    return consent_conflicts_for(meeting, [p.id for p in meeting.minute_recipients()])


PDF_A_VERSION = 2
"""PDF/A-2b (LibreOffice's SelectPdfVersion 2): archivable, and it may be tagged (PDF/A-1 may not)."""
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    f'"SelectPdfVersion":{{"type":"long","value":"{PDF_A_VERSION}"}}}}'
)
"""A tagged PDF (its structure tree lets a screen reader follow headings, lists and tables) that
declares PDF/A for archives. LibreOffice 7.4 and later read filter options written as JSON."""
ODT_FILTER = "odt:writer8"
"""The OpenDocument edition: Belgian administrations exchange ODF."""


def _convert(docx: Path, profile: Path, target: str, suffix: str) -> Path:
    """Convert `docx` with LibreOffice beside it, in a private profile folder (never the user's, never
    /tmp); `target` is soffice's --convert-to argument."""
    import subprocess  # here: `minute` reads this module for its consent lines and starts no program

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IssueError("issue.no_libreoffice")
    ensure_private_dir(profile)
    # LibreOffice writes the document's XML into temporary files (lu*.tmp) while converting: in the
    # private profile folder, removed with it, and never in the shared /tmp, where a crash would leave them.
    scratch = profile / "tmp"
    ensure_private_dir(scratch)
    private_temp = {name: str(scratch) for name in ("TMPDIR", "TMP", "TEMP")}
    try:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
             "--outdir", str(docx.parent), str(docx)],
            capture_output=True, timeout=180, check=True, env={**os.environ, **private_temp},
        )
    except (subprocess.SubprocessError, OSError):
        raise IssueError("issue.pdf_failed", file=docx.name) from None
    converted = docx.with_suffix(suffix)
    if not converted.exists():
        raise IssueError("issue.pdf_failed", file=docx.name)
    converted.chmod(0o600)
    return converted


def _pdf(docx: Path, profile: Path) -> Path:
    """The tagged PDF/A copy of `docx`."""
    return _convert(docx, profile, PDF_FILTER, ".pdf")


def _odt(docx: Path, profile: Path) -> Path:
    """The OpenDocument (.odt) copy of `docx`."""
    return _convert(docx, profile, ODT_FILTER, ".odt")


def _missing_folders(folder: Path) -> list[Path]:
    """The folders on the way to `folder` that do not exist yet, outermost first."""
    missing = []
    while not os.path.lexists(folder) and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return list(reversed(missing))


def _remove_written(written: list[Path], created: list[Path]) -> None:
    """After a failed issue: remove the copies this issue wrote, and the folders it created."""
    for path in written:
        with contextlib.suppress(OSError):
            path.unlink()
    if created:  # the outermost folder this issue made holds nothing but what it wrote
        shutil.rmtree(created[0], ignore_errors=True)


def issuer_name(meeting: Meeting) -> str:
    """Who issues when nobody is named: the minute-taker, else the facilitator ("" when neither is set)."""
    return meeting.name_of(meeting.minute_taker_id) or meeting.name_of(meeting.facilitator_id)


def issue_minute(meeting: Meeting, meeting_path: Path, *, out: Path | None = None, pdf: bool = False,
                 what_changed: str = "", consent_reason: str = "", template: Path | None = None,
                 save: bool = True, at: dt.datetime | None = None, odt: bool = False,
                 by: str | None = None) -> Issued:
    """Write every copy of the minute and record the issue in the meeting file (saved here).

    With `save=False` the issue is only appended to `meeting` (the interface saves it with the rest of
    the meeting: it holds the file's lock and its autosave must not write over the record). `at` is the
    time of the issue (default: now). `pdf`: a tagged PDF/A beside each copy; `odt`: an OpenDocument
    copy. `by`: who issues (default: `issuer_name`), written in the copies and the record.

    Raises IssueError when the meeting's date is still ahead (a minute is not sent before its meeting), when a correction does not say what changed, or when the distribution list names
    someone the person did not agree may receive the detailed minute.
    """
    from ..minute import build_minute, minute_file_name  # python-docx only when issuing
    from ..minute.text import locale, long_date

    moment = at or now()
    if meeting.date and moment.date() < meeting.date:
        raise IssueError("issue.before_meeting", date=long_date(meeting.date, locale(meeting)))
    version = len(meeting.distribution.issues) + 1
    if version > 1 and not what_changed.strip():
        raise IssueError("issue.what_changed_needed", version=version)
    refused = unagreed_readers(meeting)
    if refused:  # the person decides who receives the detailed minute
        raise IssueError("issue.readers_not_agreed", names=", ".join(meeting.name_of(p) for p in refused))
    conflicts = all_conflicts(meeting)
    reason = consent_reason.strip()

    if save:
        refuse_foreign(meeting_path)  # another user's meeting is never rewritten: say so before any copy
    draft = meeting.model_copy(deep=True)
    record = Issue(
        version=version, at=moment, what_changed=what_changed.strip(),
        by=(issuer_name(meeting) if by is None else by).strip(),
        consent_overrides=[ConsentOverride(note_id=c.note.id, recipient_id=c.recipient_id,
                                           reason=reason) for c in conflicts] if reason else [],
    )
    person = draft.person
    if person and person.receives_minute:
        record.recipients.append(Recipient(participant_id=person.id, edition=Edition.PERSON))
    copies = professional_copies(draft, override=bool(reason))
    for copy in copies:
        record.recipients += [Recipient(participant_id=pid, edition=Edition.PROFESSIONAL) for pid in copy.recipient_ids]
    record.content = fingerprint(meeting)  # what this version says: to tell, later, what changed since
    draft.distribution.issues.append(record)  # the minute's distribution section tells this issue

    produced: dict[str, tuple[str, str]] = {}  # recipient id -> (file name, sha256)
    jobs: list[tuple[Edition, str | None, list[str]]] = [
        (Edition.PROFESSIONAL, None if copy.is_common else copy.recipient_ids[0], list(copy.recipient_ids))
        for copy in copies
    ]
    if person and person.receives_minute:
        jobs.append((Edition.PERSON, None, [person.id]))
    # Every copy is built before the folder exists: a copy that cannot be built leaves no folder.
    built = [(minute_file_name(draft, edition, recipient_id), recipients,
              build_minute(draft, edition, recipient_id=recipient_id, template=template,
                           consent_reason=reason, issued=True))
             for edition, recipient_id, recipients in jobs]
    target_folder = issue_folder(meeting, meeting_path, version, out)
    created = _missing_folders(target_folder)
    written: list[Path] = []
    try:
        folder = ensure_private_dir(target_folder)
        issued = Issued(version, folder, left_out=[] if reason else conflicts,
                        overridden=conflicts if reason else [])
        for name, recipients, data in built:
            target = folder / name
            write_private(target, data)
            written.append(target)
            issued.files.append(target)
            digest = hashlib.sha256(data).hexdigest()
            for pid in recipients:
                produced[pid] = (target.name, digest)
            for wanted, convert in ((pdf, _pdf), (odt, _odt)):
                if wanted:
                    converted = convert(target, folder / ".libreoffice-profile")
                    written.append(converted)
                    issued.files.append(converted)
    except BaseException:
        _remove_written(written, created)  # nothing half written: no empty or partial version folder
        raise
    finally:
        if pdf or odt:
            shutil.rmtree(target_folder / ".libreoffice-profile", ignore_errors=True)

    for recipient in record.recipients:
        recipient.file_name, recipient.sha256 = produced[recipient.participant_id]
    meeting.distribution.issues.append(record)
    if save:
        try:
            save_meeting(meeting_path, meeting)
        except BaseException:
            # Copies that the meeting file does not record would be sent without a trace: none stay.
            meeting.distribution.issues.remove(record)
            _remove_written(written, created)
            raise
    return issued

