"""Issuing the minute from the interface: conflicts first, then the form, then every copy in a worker.

The copies are written from a copy of the meeting in a thread (`issuing.issue_minute(save=False)`);
the issue's record comes back to the UI thread and enters the meeting through `app.change`, so the
autosave writes it with the rest and never over it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ... import store
from ...services import issuing
from ...model import Level, Meeting, ops, readiness
from ..dialogs.checks_list import show_checks
from ..dialogs.forms import Notice
from ..dialogs.issue_forms import ConflictsDialog, conflicts_by_note, issue_form, issued_text
from ..text import tr, tr_in

GROUP = "issue"


def pdf_available() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def issuing_now(app) -> int:
    """The version being written (0: none). Its record may already be in the meeting while the worker
    ends: then it is no longer being issued."""
    for worker in app.workers:
        if worker.group == GROUP and not worker.is_finished:
            version = int(worker.name.rpartition("-")[2] or 0)
            if app.meeting is not None and version > len(app.meeting.distribution.issues):
                return version
    return 0


def start_issue(app, go_to_note: Callable[[str, str], None]) -> None:
    """Ask what is needed, then write every copy. `go_to_note(kind, id)` shows a note whose visibility
    the facilitator chose to change instead of going beyond the consent."""
    meeting: Meeting | None = app.meeting
    if meeting is None or app.path is None:
        return
    if app.read_only:
        app.say(tr("reread.issue_read_only"), "warning")
        return
    if issuing_now(app):
        app.say(tr("reread.issue_running"))
        return
    conflicts = issuing.all_conflicts(meeting)
    if not conflicts:
        _ask(app, 0)
        return

    # one count with one meaning in both dialogs: the passages kept out of some copies (not passage x reader)
    passages = len(conflicts_by_note(meeting, conflicts))

    def chosen(answer: tuple[str, ...] | None) -> None:
        if not answer:
            return
        if answer[0] == "note":
            go_to_note(answer[1], answer[2])
        else:
            _ask(app, passages)

    app.push_screen(ConflictsDialog(meeting, conflicts), chosen)


def _ask(app, conflicts: int) -> None:
    meeting: Meeting = app.meeting
    version = len(meeting.distribution.issues) + 1
    folder = issuing.issue_folder(meeting, app.path, version)
    errors = [f for f in readiness(meeting) if f.level is Level.ERROR]
    available = pdf_available()

    def go(values: dict | None) -> None:
        if values is None or app.meeting is None:
            return
        draft = app.meeting.model_copy(deep=True)
        app.say(tr("reread.issue_started", version=version))
        app.run_worker(
            partial(_write, app, draft, app.path, bool(values.get("pdf")), values.get("what_changed", ""),
                    values.get("reason", ""), app.now(), app.language),
            thread=True, group=GROUP, exclusive=True, exit_on_error=False, name=f"issue-{version}",
        )
        app.refresh_views()

    def ask() -> None:
        app.push_screen(issue_form(meeting, version=version, folder=folder, conflicts=conflicts,
                                   errors=len(errors), pdf_available=available,
                                   protection=app.config.data_protection), go)

    if errors:  # which they are, each one Enter away, beside « issue anyway »
        show_checks(app, errors, intro=tr("checks_list.issue_intro", count=len(errors)),
                    anyway=tr("checks_list.issue_anyway"), then=ask)
    else:
        ask()


def _write(app, draft: Meeting, path: Path, pdf: bool, what_changed: str, reason: str, at, lang: str) -> None:
    """In a thread: write the copies from `draft`; no widget touched here; what goes wrong said in `lang`."""
    try:
        issued = issuing.issue_minute(draft, path, pdf=pdf, what_changed=what_changed, consent_reason=reason,
                                      save=False, at=at)
    except issuing.IssueError as error:
        app.call_from_thread(_failed, app, error.sentence(lang))
        return
    except store.SaveError as error:  # a full disk, a folder refused...: said in words, no retry promised
        app.call_from_thread(_failed, app, error.sentence(lang, retried=False))
        return
    except Exception as error:  # noqa: BLE001 - said in words, never a crash screen with the meeting in it
        name = type(error).__name__
        app.call_from_thread(_failed, app, tr_in(lang, "reread.issue_failed", reason=name))
        return
    app.call_from_thread(_done, app, draft, issued)


def _failed(app, sentence: str) -> None:
    app.refresh_views()
    app.push_screen(Notice(tr("reread.issue_failed_title"), sentence))


def _done(app, draft: Meeting, issued: issuing.Issued) -> None:
    record = draft.distribution.issues[-1].model_copy(deep=True)
    recorded = app.change(ops.record_issue, record, quiet=True)
    if not recorded:  # read-only since (cannot happen while the lock is held): say it rather than lose it
        app.say(tr("reread.issue_not_recorded"), "error")
    notice = Notice(tr("reread.issued_title", version=issued.version),
                    issued_text(draft, record, issued.folder, issued.files))
    if app.covered:  # the person is out and the room reads the cover: the files and recipients wait
        app.after_cover.append(notice)
    else:
        app.push_screen(notice)
