"""Issuing the minute: one file per distinct copy, private modes, markers only where allowed, versions."""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from concertation_tui.cli import main
from concertation_tui.services.issuing import IssueError, conflict_lines, issue_minute
from concertation_tui.model import Edition, Meeting, VisibilityKind
from concertation_tui.store import create_meeting_file, load_meeting

REASON = "Monsieur Lambert a accepté en fin de réunion que les factures soient évoquées."


def every_part(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


@pytest.fixture
def marked(demo: Meeting) -> tuple[Meeting, Path]:
    """The demo with markers in its oral-only and restricted notes, saved in the meetings folder."""
    for contribution in demo.contributions:
        if contribution.visibility.kind is VisibilityKind.ORAL_ONLY:
            contribution.text += " MARKERORAL"
        if contribution.visibility.kind is VisibilityKind.RESTRICTED:
            contribution.text += " MARKERRESTRICTED"
    return demo, create_meeting_file(demo)


def test_issue_writes_one_file_per_distinct_copy_privately(marked) -> None:
    meeting, path = marked
    issued = issue_minute(meeting, path, consent_reason=REASON)
    names = sorted(p.name for p in issued.files)
    day = f"2026-11-23-{meeting.id[:6]}"
    # the common copy, the nurse's (a restricted note), the CPAS social worker's (income shared with her alone)
    assert [n for n in names if "copie-" not in n] == [f"{day}-compte-rendu.docx", f"{day}-lettre-a-la-personne.docx"]
    assert len([n for n in names if n.startswith(f"{day}-compte-rendu-copie-")]) == 2
    for file in issued.files:
        assert (file.stat().st_mode & 0o777) == 0o600
    folder = issued.folder
    while folder != path.parent:
        assert (folder.stat().st_mode & 0o777) == 0o700, folder
        folder = folder.parent
    assert "Lambert" not in str(issued.folder.relative_to(path.parent))


def test_markers_reach_only_the_allowed_copies(marked) -> None:
    meeting, path = marked
    issued = issue_minute(meeting, path, consent_reason=REASON)
    nurse = next(p for p in meeting.participants if p.name == "Céline Renard")
    recorded = load_meeting(path).distribution.issues[0]
    nurse_file = next(r.file_name for r in recorded.recipients if r.participant_id == nurse.id)
    for file in issued.files:
        content = every_part(file)
        assert b"MARKERORAL" not in content, file.name
        assert (b"MARKERRESTRICTED" in content) == (file.name == nurse_file), file.name


def test_the_meeting_file_records_version_1_with_the_right_hashes(marked) -> None:
    meeting, path = marked
    issued = issue_minute(meeting, path, consent_reason=REASON)
    saved = load_meeting(path)
    (record,) = saved.distribution.issues
    assert record.version == 1 and record.consent_overrides and record.consent_overrides[0].reason == REASON
    by_name = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in issued.files}
    assert {r.participant_id for r in record.recipients} == {p.id for p in meeting.minute_recipients()}
    for recipient in record.recipients:
        assert by_name[recipient.file_name] == recipient.sha256
    person = next(r for r in record.recipients if r.participant_id == meeting.person.id)
    assert person.edition is Edition.PERSON


def test_without_a_reason_the_copies_follow_the_consent_and_the_issue_says_what_stays_out(marked) -> None:
    meeting, path = marked
    issued = issue_minute(meeting, path)
    lines = "\n".join(conflict_lines(issued.left_out, meeting, "fr"))
    assert "Nadia El Amrani" in lines and "revenus et dettes" in lines and "factures" in lines
    assert issued.overridden == [] and load_meeting(path).distribution.issues[0].consent_overrides == []
    social_worker = meeting.facilitator_id  # income and debts are shared with her alone
    recorded = load_meeting(path).distribution.issues[0]
    allowed = {r.file_name for r in recorded.recipients if r.participant_id == social_worker}
    for file in issued.files:
        if file.name.endswith("lettre-a-la-personne.docx"):
            continue  # the letter carries no partner's note (tested apart)
        assert ("factures de l'aide familiale".encode() in every_part(file)) == (file.name in allowed), file.name


def test_a_correction_is_version_2_and_keeps_version_1(marked) -> None:
    meeting, path = marked
    first = issue_minute(meeting, path, consent_reason=REASON)
    meeting = load_meeting(path)
    meeting.actions[0].due = meeting.actions[0].due.replace(day=15)
    with pytest.raises(IssueError) as caught:
        issue_minute(meeting, path, consent_reason=REASON)
    assert "ce qui a changé" in caught.value.sentence("fr")
    second = issue_minute(meeting, path, consent_reason=REASON, what_changed="Date de l'aide familiale corrigée.")
    assert second.version == 2 and second.folder != first.folder
    assert all(f.exists() for f in first.files)
    history = load_meeting(path).distribution.issues
    assert [i.version for i in history] == [1, 2] and history[1].what_changed == "Date de l'aide familiale corrigée."
    common = next(f for f in second.files if f.name.endswith("compte-rendu.docx"))
    import docx

    document = docx.Document(str(common))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Date de l'aide familiale corrigée." in text
    first_table = [" ".join(c.text for c in row.cells) for row in document.tables[0].rows]
    assert any("version 2, corrigée le" in row and "Date de l'aide familiale corrigée." in row for row in first_table)
    letter = next(f for f in second.files if f.name.endswith("lettre-a-la-personne.docx"))
    assert "Cette lettre remplace" in "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)


def test_the_issue_command(marked) -> None:
    meeting, path = marked
    runner = CliRunner()
    done = runner.invoke(main, ["issue", str(path), "--consent-reason", REASON])
    assert done.exit_code == 0, done.output
    assert "version 1" in done.output and "lettre-a-la-personne.docx" in done.output
    assert "au-delà de l'accord de partage" in done.output and "Nadia El Amrani" in done.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_issue_with_pdf_writes_a_private_pdf_beside_each_docx(marked) -> None:
    meeting, path = marked
    issued = issue_minute(meeting, path, consent_reason=REASON, pdf=True)
    pdfs = [f for f in issued.files if f.suffix == ".pdf"]
    assert len(pdfs) == 4 and all((f.stat().st_mode & 0o777) == 0o600 for f in pdfs)
    assert not (issued.folder / ".libreoffice-profile").exists()
    assert not any(p.name.startswith(".") for p in issued.folder.iterdir())
    assert os.path.getsize(pdfs[0]) > 1000


def test_the_conversion_keeps_libreoffice_temporary_files_out_of_tmp(marked, tmp_path, monkeypatch) -> None:
    """LibreOffice writes the document's XML into lu*.tmp files while converting: a tester found them in
    /tmp during `issue --pdf`. A stand-in soffice records where it was told to put them."""
    meeting, path = marked
    tools, seen = tmp_path / "tools", tmp_path / "seen"
    tools.mkdir()
    soffice = tools / "soffice"
    soffice.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n%s\\n%s\\n" "$TMPDIR" "$TMP" "$TEMP" >> "{seen}"\n'
        'for last; do :; done\n'  # the document is the last argument; --outdir is the 2 before it
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'stem=$(basename "$last" .docx); printf "%%PDF-1.7" > "$2/$stem.pdf"\n')
    soffice.chmod(0o700)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMPDIR", "/tmp")
    issued = issue_minute(meeting, path, consent_reason=REASON, pdf=True)
    places = seen.read_text().split()
    assert len(places) == 3 * 4  # TMPDIR, TMP and TEMP for each of the four copies
    assert all(".libreoffice-profile" in place and place.startswith(str(issued.folder)) for place in places)
    assert not (issued.folder / ".libreoffice-profile").exists()  # removed with the profile
