"""Hostile files, folders and templates (issue 13): each gets a sentence, never a side effect.

One test (or a few) per point of the issue: terminal escapes, FIFOs, check/minute agreement, folder
modes, symlinks, another owner's file, a full disk under the lock, permission and read-only errors,
hostile templates. Every test asserts on output text, exit codes and the files themselves.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from concertation_tui import store
from concertation_tui.cli import main
from concertation_tui.model import Meeting, Participant
from concertation_tui.services.demo import demo_meeting
from concertation_tui.visible import visible
from headless_support import rewrite as rewrite_docx

ROOT = Path(__file__).resolve().parents[1]
ESCAPE = "\x1b]2;PWNED\x07\x1b[2Jk"
INTERNAL = ("erreur interne", "internal error", "Traceback")
REASON = ["--consent-reason", "accord donné oralement"]  # the demo has a note beyond the consent


def run(*args: str, lang: str = "fr"):
    result = CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def meeting_file(folder: Path) -> Path:
    return store.create_meeting_file(demo_meeting(), folder)


def edited(path: Path, change) -> Path:
    document = json.loads(path.read_text())
    change(document)
    path.write_text(json.dumps(document))
    return path


def no_escape(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, repr(text[:400])


# -- 1. terminal escapes -------------------------------------------------------------------------


def test_visible_shows_escapes_and_keeps_plain_text() -> None:
    assert visible(ESCAPE) == "\\x1b]2;PWNED\\x07\\x1b[2Jk"
    assert visible("Réunion – Ω 😀 C:\\dossier") == "Réunion – Ω 😀 C:\\dossier"
    assert visible("a\u202eb\ud800c\x9b") == "a\\u202eb\\ud800c\\x9b"
    visible("\ud800").encode("utf-8")  # a lone surrogate can be printed once visible


def test_an_escape_in_a_key_never_reaches_the_output(tmp_path: Path) -> None:
    path = edited(meeting_file(tmp_path), lambda d: d.update({ESCAPE: 1}))
    for command in ("check", "minute", "open", "issue", "coordination"):
        for lang in ("fr", "en"):
            result = run(command, str(path), lang=lang)
            assert result.exit_code == 1, (command, result.output)
            no_escape(result.output)
            assert "\\x1b]2;PWNED" in result.output, result.output


def test_an_escape_in_a_file_name_never_reaches_the_output(tmp_path: Path, private_home: Path) -> None:
    folder = store.meetings_dir()
    hostile = folder / f"{ESCAPE}.json"
    hostile.write_text("{broken")
    good = meeting_file(folder)
    good.rename(folder / f"{ESCAPE}-good.json")
    result = run("list")
    assert result.exit_code == 0, result.output
    no_escape(result.output)
    assert "\\x1b]2;PWNED" in result.output
    result = run("check", str(hostile))
    assert result.exit_code == 1
    no_escape(result.output)


def test_an_escape_in_a_title_is_refused_by_check_and_list(tmp_path: Path, private_home: Path) -> None:
    path = meeting_file(store.meetings_dir())
    edited(path, lambda d: d.update(title=f"Réunion {ESCAPE}"))
    for args in (["list"], ["check", str(path)], ["minute", str(path)]):
        result = run(*args)
        no_escape(result.output)
    assert run("check", str(path)).exit_code == 1


# -- 2. a FIFO as the meeting file ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "minute", "open", "issue"])
def test_a_fifo_as_the_file_returns_a_sentence_without_waiting_for_a_writer(tmp_path: Path, private_home: Path,
                                                                  command: str) -> None:
    fifo = tmp_path / "reunion.json"
    os.mkfifo(fifo, 0o600)
    env = {**os.environ, "CONCERTATION_HOME": str(private_home)}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "concertation_tui.cli", command, str(fifo)], env=env,
                          capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    # Opening a FIFO for reading waits forever for a writer: a hang fails here. Python's own start-up
    # takes seconds on a loaded CI machine, so the bound is loose (the speed is in benchmarks/).
    assert time.monotonic() - start < 20.0
    assert done.returncode == 1, done
    assert "n'est pas un fichier ordinaire" in done.stdout, done
    assert "Traceback" not in done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_or_a_device_as_the_file_gets_a_sentence(tmp_path: Path) -> None:
    for target in (tmp_path, Path("/dev/null")):
        for command in ("check", "minute", "open", "issue"):
            result = run(command, str(target))
            assert result.exit_code == 1, (command, target, result.output)
            assert "n'est pas un fichier ordinaire" in result.output, result.output
            assert "Usage" not in result.output


def test_load_meeting_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(store.MeetingFileError) as caught:
        store.load_meeting(fifo)
    assert time.monotonic() - start < 15.0  # opening a FIFO for reading would wait forever for a writer
    assert caught.value.key == "store.not_regular"


# -- 3. check and minute agree -------------------------------------------------------------------


def set_note(text: str):
    def change(document: dict) -> None:
        document["contributions"][0]["text"] = text
    return change


HOSTILE_VALUES = {
    "vertical tab": set_note("avant\x0bapres"),
    "form feed": set_note("avant\x0capres"),
    "NUL": set_note("avant\x00apres"),
    "lone surrogate": set_note("avant\ud800apres"),
    "20 MB": set_note("x" * 20_000_001),
    "U+FFFE": set_note("avant\ufffeapres"),
    "a number for a moment": lambda d: d["contributions"][0].update(at=12345),
    "a number for a date": lambda d: d.update(date=20261123),
    "a long name": lambda d: d["participants"][0].update(name="N" * 301),
}


def write_json(path: Path, document: dict) -> Path:
    path.write_bytes(json.dumps(document, ensure_ascii=True).encode())  # \ud800 survives as an escape
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE_VALUES))
def test_what_the_minute_cannot_write_is_refused_by_check_and_minute_alike(tmp_path: Path, case: str) -> None:
    document = json.loads(meeting_file(tmp_path).read_text())
    HOSTILE_VALUES[case](document)
    path = write_json(tmp_path / "reunion.json", document)
    before = path.read_bytes()
    for command in ("check", "minute", "issue"):
        result = run(command, str(path))
        assert result.exit_code == 1, (case, command, result.output[:300])
        assert "contient des erreurs" in result.output
        assert not any(word in result.output for word in INTERNAL)
    assert path.read_bytes() == before
    assert not (tmp_path / "comptes-rendus").exists()  # `issue` left no empty version folder
    assert not list(tmp_path.glob("*.docx"))


def test_the_problem_is_said_in_words(tmp_path: Path) -> None:
    document = json.loads(meeting_file(tmp_path).read_text())
    set_note("x" * 25_000)(document)
    document["title"] = "a\x0cb"
    path = write_json(tmp_path / "reunion.json", document)
    fr, en = run("check", str(path)).output, run("check", str(path), lang="en").output
    assert "trop long (25000 caractères, au plus 20000)" in fr
    assert "caractère invisible" in fr and "title" in fr
    assert "too long (25000 characters, at most 20000)" in en and "invisible character" in en


def test_a_list_of_ids_is_held_to_what_the_minute_can_write(tmp_path: Path) -> None:
    """Each text of a list (ids) is checked as an id: refused in words from a file, cleaned when built."""
    document = json.loads(meeting_file(tmp_path).read_text())
    person = document["participants"][0]["id"]
    document["speaking_order"] = [person + "\x07"]
    fr = run("check", str(write_json(tmp_path / "bell.json", document))).output
    assert "caractère invisible" in fr and "speaking_order" in fr, fr
    document["speaking_order"] = ["i" * 101]
    fr = run("check", str(write_json(tmp_path / "long.json", document))).output
    assert "trop long (101 caractères, au plus 100)" in fr and "speaking_order" in fr, fr
    built = Meeting(participants=[Participant(id=person, name="Awa")], speaking_order=[person + "\x07"])
    assert built.speaking_order == [person]


def test_a_save_never_writes_what_would_not_load(tmp_path: Path) -> None:
    meeting = demo_meeting()
    meeting.title = "Réunion\x0b\ud800"  # the interface assigns without validating
    meeting.contributions[0].text = "y" * 25_000
    path = store.create_meeting_file(meeting, tmp_path)
    loaded = store.load_meeting(path)
    assert loaded.title == "Réunion" and len(loaded.contributions[0].text) == 20_000


# -- 4. folders the program did not create keep their mode ----------------------------------------


def test_a_shared_1777_folder_keeps_its_mode(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    shared = tmp_path / "partage"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    result = run("minute", str(path), "-o", str(shared / "cr.docx"))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "cr.docx").stat().st_mode) == 0o600
    result = run("issue", str(path), "-o", str(shared), *REASON)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    created = next(p for p in shared.iterdir() if p.is_dir())
    assert stat.S_IMODE(created.stat().st_mode) == 0o700  # what it creates is private


def test_a_folder_made_0500_is_not_reopened(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    closed = tmp_path / "ferme"
    closed.mkdir()
    os.chmod(closed, 0o500)
    result = run("minute", str(path), "-o", str(closed / "cr.docx"))
    assert stat.S_IMODE(closed.stat().st_mode) == 0o500
    if os.geteuid() != 0:  # root may write there anyway; what matters is that the mode stays
        assert result.exit_code == 1 and "ne peut pas recevoir de fichier" in result.output


# -- 5. links where the program's own files should be ---------------------------------------------


def test_a_symlinked_lock_leaves_its_target_untouched(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    target = tmp_path / "precieux.txt"
    target.write_text("à garder")
    os.chmod(target, 0o644)
    (path.parent / f".{path.name}.lock").symlink_to(target)
    result = run("issue", str(path), *REASON)
    assert result.exit_code == 1
    assert "lien symbolique" in result.output
    assert target.read_text() == "à garder" and stat.S_IMODE(target.stat().st_mode) == 0o644
    with pytest.raises(store.StoreError) as caught:
        store.MeetingLock(path).acquire()
    assert caught.value.key == "store.link_refused"


def test_a_symlinked_previous_folder_leaves_its_target_untouched(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    os.chmod(elsewhere, 0o755)
    (path.parent / store.PREVIOUS_DIR).symlink_to(elsewhere)
    before = path.read_bytes()
    with pytest.raises(store.SaveError) as caught:
        store.save_meeting(path, demo_meeting(), interval=0)
    assert "lien symbolique" in caught.value.sentence()
    assert list(elsewhere.iterdir()) == [] and stat.S_IMODE(elsewhere.stat().st_mode) == 0o755
    assert path.read_bytes() == before
    assert not list(path.parent.glob(f".*{store.TEMP_SUFFIX}"))


# -- 6. another user's file -----------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_another_users_meeting_stays_theirs(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    os.chown(path, 65534, 65534)
    before = path.read_bytes()
    with pytest.raises(store.SaveError) as caught:
        store.save_meeting(path, demo_meeting(), interval=0)
    assert "appartient à un autre utilisateur" in caught.value.sentence()
    result = run("issue", str(path), *REASON)
    assert result.exit_code == 1 and "appartient à un autre utilisateur" in result.output
    assert path.stat().st_uid == 65534 and path.read_bytes() == before
    assert not (path.parent / store.PREVIOUS_DIR).exists() and not (path.parent / "comptes-rendus").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
async def test_the_interface_opens_another_users_meeting_read_only(tmp_path: Path) -> None:
    from concertation_tui.tui.app import ConcertationApp

    path = meeting_file(tmp_path / "m")
    os.chown(path, 65534, 65534)
    app = ConcertationApp(path)
    async with app.run_test(size=(100, 30)):
        assert "appartient à un autre utilisateur" in app.read_only
        assert app.lock is None
    assert path.stat().st_uid == 65534


# -- 7. a full disk under the lock ----------------------------------------------------------------


def test_a_full_disk_while_writing_the_holder_releases_the_lock(tmp_path: Path, monkeypatch) -> None:
    path = meeting_file(tmp_path / "m")
    opened: list[int] = []
    real_open = os.open

    def spy_open(*args, **kwargs):
        fd = real_open(*args, **kwargs)
        opened.append(fd)
        return fd

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.os, "open", spy_open)
    monkeypatch.setattr(store.os, "pwrite", full)
    lock = store.MeetingLock(path)
    with pytest.raises(store.StoreError) as caught:
        lock.acquire()
    assert "le disque est plein" in caught.value.sentence()
    assert not lock.held
    with pytest.raises(OSError):
        os.fstat(opened[-1])  # the descriptor was closed
    monkeypatch.undo()
    with store.MeetingLock(path) as again:  # nobody holds it: another session takes it at once
        assert again.held


# -- 8. permission and read-only errors -------------------------------------------------------------


@pytest.mark.parametrize("code, words", [(errno.EACCES, "accès refusé"), (errno.EROFS, "lecture seule"),
                                         (errno.ENOSPC, "disque est plein")])
def test_write_errors_give_sentences_and_leave_nothing(tmp_path: Path, monkeypatch, code: int, words: str) -> None:
    path = meeting_file(tmp_path / "m")
    before = path.read_bytes()
    real_write = os.write

    def failing(fd, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store.os, "write", failing)
    for args in (["minute", str(path)], ["issue", str(path), *REASON]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert words in result.output, result.output
        assert "réessaiera" not in result.output
        assert not any(word in result.output for word in INTERNAL)
    monkeypatch.setattr(store.os, "write", real_write)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.docx")) and not (path.parent / "comptes-rendus").exists()
    assert not list(path.parent.glob(f".*{store.TEMP_SUFFIX}"))


def test_a_missing_or_unusable_output_folder_gets_a_sentence(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    blocker = tmp_path / "fichier"
    blocker.write_text("")
    result = run("minute", str(path), "-o", str(blocker / "sous" / "cr.docx"))
    assert result.exit_code == 1 and "ne peut pas recevoir de fichier" in result.output, result.output
    result = run("issue", str(path), "-o", str(blocker), *REASON)
    assert result.exit_code == 1 and "Usage" not in result.output, result.output
    assert blocker.read_text() == ""


# -- 9. hostile templates ---------------------------------------------------------------------------

SHIPPED = ROOT / "templates" / "minute" / "compte-rendu.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CANARY = "CANARI-7731"


def rewrite(target: Path, **parts: dict[str, bytes] | None) -> Path:
    """The shipped template with parts added or replaced (`add=`, `replace=`)."""
    return rewrite_docx(SHIPPED, target, **parts)


def shipped(part: str) -> bytes:
    with zipfile.ZipFile(SHIPPED) as archive:
        return archive.read(part)


def everything_in(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"\n".join(name.encode() + b"\n" + archive.read(name) for name in archive.namelist())


def header_with(xml: str) -> bytes:
    return shipped("word/header1.xml").replace(b"</w:hdr>", xml.encode() + b"</w:hdr>")


def field(instruction: str) -> str:
    return (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            f' {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{CANARY}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


HOSTILE_TEMPLATES = {
    "docVars": {"word/settings.xml": shipped("word/settings.xml").replace(
        b"</w:settings>", f'<w:docVars><w:docVar w:name="x" w:val="{CANARY}"/></w:docVars></w:settings>'.encode())},
    "vanish": {"word/header1.xml": header_with(f'<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>{CANARY}</w:t></w:r></w:p>')},
    "INCLUDEPICTURE": {"word/header1.xml": header_with(field(f'INCLUDEPICTURE "http://{CANARY}.example/p.png" \\d'))},
    "INCLUDETEXT": {"word/footer1.xml": shipped("word/footer1.xml").replace(
        b"</w:ftr>", field(f'INCLUDETEXT "\\\\\\\\{CANARY}\\\\share\\\\a.docx"').encode() + b"</w:ftr>")},
    "DDEAUTO": {"word/header1.xml": header_with(field(f'DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c {CANARY}"'))},
    "LINK fldSimple": {"word/header1.xml": header_with(
        f'<w:p><w:fldSimple w:instr=" LINK Excel.Sheet.8 &quot;{CANARY}.xls&quot; "><w:r><w:t>{CANARY}</w:t></w:r>'
        '</w:fldSimple></w:p>')},
    "header hyperlink": {
        "word/header1.xml": header_with('<w:p><w:hyperlink r:id="rIdX"><w:r><w:t>site</w:t></w:r></w:hyperlink></w:p>'),
        "word/_rels/header1.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdX" Type="{REL}/hyperlink" Target="http://{CANARY}.example/" TargetMode="External"/>'
            '</Relationships>').encode()},
    "comments referenced under another name": {"word/_rels/document.xml.rels": shipped("word/_rels/document.xml.rels").replace(
        b"</Relationships>", f'<Relationship Id="rIdR" Type="{REL}/glossaryDocument" Target="remarques.xml"/></Relationships>'.encode())},
    "extra core elements": {"docProps/core.xml": shipped("docProps/core.xml").replace(
        b"</cp:coreProperties>",
        f"<cp:lastModifiedBy>{CANARY}</cp:lastModifiedBy><cp:lastModifiedBy>{CANARY}</cp:lastModifiedBy>"
        f"<cp:category>{CANARY}</cp:category></cp:coreProperties>".encode())},
}
ADDED = {
    "custom properties": {"docProps/custom.xml": f'<?xml version="1.0"?><Properties><p>{CANARY}</p></Properties>'.encode()},
    "comments referenced under another name": {"word/remarques.xml": f'<?xml version="1.0"?><w:comments xmlns:w="{W}"><w:comment><w:p><w:r><w:t>{CANARY}</w:t></w:r></w:p></w:comment></w:comments>'.encode()},
    "customXml": {"customXml/item1.xml": f"<x>{CANARY}</x>".encode()},
}


@pytest.mark.parametrize("case", sorted({*HOSTILE_TEMPLATES, *ADDED}))
def test_each_hostile_template_part_is_absent_from_the_minute(tmp_path: Path, case: str) -> None:
    from concertation_tui.minute import build_minute, check_template
    from concertation_tui.model import Edition

    template = rewrite(tmp_path / "modele.docx", replace=HOSTILE_TEMPLATES.get(case), add=ADDED.get(case))
    check_template(template)
    for edition in (Edition.PROFESSIONAL, Edition.PERSON):
        data = build_minute(demo_meeting(), edition, template=template)
        content = everything_in(data)
        assert CANARY.encode() not in content, case
        assert b"docVars" not in content and b"w:vanish" not in content
        assert b"INCLUDEPICTURE" not in content and b"DDEAUTO" not in content
    import docx

    document = docx.Document(io.BytesIO(data))  # still a document Word and python-docx open
    assert document.paragraphs


@pytest.mark.parametrize("part", ["word/header1.xml", "word/styles.xml", "[Content_Types].xml", "_rels/.rels"])
def test_malformed_xml_in_a_template_is_refused_with_a_sentence(tmp_path: Path, part: str) -> None:
    path = meeting_file(tmp_path / "m")
    template = rewrite(tmp_path / "abime.docx", replace={part: b"<?xml version='1.0'?><w:hdr><w:p></w:hdr>"})
    for command in (["minute", str(path)], ["issue", str(path), *REASON]):
        result = run(*command, "--template", str(template))
        assert result.exit_code == 1, result.output
        assert "abime.docx" in result.output, result.output
        assert not any(word in result.output for word in INTERNAL)
    assert not list(path.parent.glob("*.docx")) and not (path.parent / "comptes-rendus").exists()


def test_a_folder_as_template_gets_a_sentence_not_a_usage_error(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    result = run("minute", str(path), "--template", str(tmp_path))
    assert result.exit_code == 1 and "Usage" not in result.output and "introuvable" in result.output, result.output


# -- check and minute agree, on any text in any field (property) -------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from concertation_tui.model.meeting import Record  # noqa: E402


def text_paths(record, document, path=()) -> list[tuple]:
    """Where the free texts of a meeting are in its JSON document (ids and enums left out)."""
    found = []
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if info.annotation is str and name != "id" and not name.endswith("_id"):
            found.append((*path, name))
        elif isinstance(value, Record):
            found += text_paths(value, document[name], (*path, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Record):
                    found += text_paths(item, document[name][index], (*path, name, index))
    return found


DEMO = demo_meeting()
DEMO_DOCUMENT = json.loads(DEMO.model_dump_json())
PATHS = text_paths(DEMO, DEMO_DOCUMENT)
any_text = st.one_of(
    st.text(st.characters(blacklist_categories=()), max_size=24),  # surrogates and controls included
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=24),
    st.builds(lambda c, n: c * n, st.sampled_from("xé\n"), st.sampled_from([300, 20_000, 20_001])),
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), any_text), min_size=1, max_size=6))
def test_check_and_minute_agree_on_any_text(tmp_path_factory, changes) -> None:
    folder = tmp_path_factory.mktemp("agree")
    document = json.loads(json.dumps(DEMO_DOCUMENT))
    for path, text in changes:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = text
    meeting = write_json(folder / "reunion.json", document)
    checked = run("check", str(meeting))
    written = run("minute", str(meeting), "-o", str(folder / "cr.docx"))
    assert checked.exit_code in (0, 1) and written.exit_code in (0, 1)
    assert checked.exit_code == written.exit_code, (changes, checked.output[-300:], written.output[-300:])
    assert (folder / "cr.docx").exists() == (checked.exit_code == 0)
    for output in (checked.output, written.output):
        assert not any(word in output for word in INTERNAL)
        no_escape(output)
        output.encode("utf-8")  # nothing unprintable (a lone surrogate) reaches the terminal


# -- 1, in a real terminal and in the interface ---------------------------------------------------------


def program() -> list[str]:
    script = Path(sys.executable).parent / "concertation"
    return [str(script)] if script.exists() else [sys.executable, "-m", "concertation_tui.cli"]


def test_escapes_never_reach_the_pane(tmp_path: Path, private_home: Path) -> None:
    try:
        from tmux_session import Tmux, tmux_available
    except ImportError:
        from tests.tmux_session import Tmux, tmux_available
    if not tmux_available():
        pytest.skip("tmux is not installed")
    folder = store.meetings_dir()
    (folder / f"{ESCAPE}.json").write_text("{broken")
    hostile = edited(meeting_file(tmp_path), lambda d: d.update({ESCAPE: 1}))
    env = {"CONCERTATION_HOME": str(private_home), "HOME": str(private_home)}
    with Tmux(tmp_path, "open-escape") as tmux:
        tmux.start([*program(), "open", str(hostile)], env=env)
        tmux.wait_dead()
        assert "PWNED" in tmux.everything()
    assert "\x1b]2;PWNED" not in tmux.recorded() and "\x1b[2J" not in tmux.recorded()
    (tmp_path / "launcher").mkdir()
    with Tmux(tmp_path / "launcher", "launcher-escape") as tmux:
        tmux.start(program(), env=env)
        tmux.wait_for("PWNED", timeout=20)  # the damaged file is listed, its name shown
        assert tmux.title() != "PWNED"
        tmux.send("C-q")
        tmux.wait_dead()
        assert "\x1b]2;PWNED" not in tmux.recorded()


async def test_a_lock_holder_line_with_escapes_is_shown_visibly(tmp_path: Path) -> None:
    import fcntl

    from concertation_tui.tui.app import ConcertationApp

    path = meeting_file(tmp_path / "m")
    lock = path.parent / f".{path.name}.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, json.dumps({"user": ESCAPE, "host": "h", "pid": 1, "since": "x"}).encode())
        app = ConcertationApp(path)
        async with app.run_test(size=(100, 30)):
            assert "\\x1b]2;PWNED" in app.read_only and "\x1b" not in app.read_only
    finally:
        os.close(fd)


def test_an_unreadable_meeting_file_gets_a_sentence(tmp_path: Path, monkeypatch) -> None:
    path = meeting_file(tmp_path / "m")

    def refused(_path):
        raise PermissionError(errno.EACCES, "Permission denied", str(_path))

    monkeypatch.setattr(store, "read_regular", refused)  # as root, a 0000 file is still readable
    for lang, words in (("fr", "ne peut pas être lu (accès refusé)"), ("en", "cannot be read (permission denied)")):
        for command in ("check", "minute", "open", "issue"):
            result = run(command, str(path), lang=lang)
            assert result.exit_code == 1 and words in result.output, result.output
            assert "Usage" not in result.output


def test_a_failed_save_after_the_copies_leaves_no_copy(tmp_path: Path, monkeypatch) -> None:
    from concertation_tui.services import issuing

    path = meeting_file(tmp_path / "m")
    before = path.read_bytes()

    def full(*args, **kwargs):
        raise store.SaveError("store.write_failed", file=str(path), reason="le disque est plein")

    monkeypatch.setattr(issuing, "save_meeting", full)
    result = run("issue", str(path), *REASON)
    assert result.exit_code == 1 and "le disque est plein" in result.output, result.output
    assert "réessaiera" not in result.output
    assert path.read_bytes() == before and not (path.parent / "comptes-rendus").exists()


def test_no_retry_is_promised_where_nothing_retries() -> None:
    error = store.SaveError("store.write_failed", file="/x/cr.docx", reason="le disque est plein")
    assert "réessaiera" in error.sentence("fr")  # the interface's autosave does try again
    for lang, retry in (("fr", "réessaiera"), ("en", "try again")):
        once = error.sentence(lang, retried=False)
        assert retry not in once and "/x/cr.docx" in once


def test_odd_entries_in_the_meetings_folder_are_listed_with_a_sentence(private_home: Path) -> None:
    folder = store.meetings_dir()
    meeting_file(folder)
    (folder / "lien-mort.json").symlink_to(folder / "absent.json")
    os.mkfifo(folder / "tube.json")
    (folder / "dossier.json").mkdir()
    result = run("list")
    assert result.exit_code == 0, result.output
    for name in ("lien-mort.json", "tube.json", "dossier.json"):
        assert f"!  {name}" in result.output
    assert "n'est pas un fichier ordinaire" in result.output and "n'existe pas" in result.output


def test_a_folder_where_the_minute_should_go_gets_a_sentence(tmp_path: Path) -> None:
    path = meeting_file(tmp_path / "m")
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(store.SaveError) as caught:
        store.write_private(folder, b"data")
    assert "c'est un dossier" in caught.value.sentence("fr", retried=False)
    assert folder.is_dir() and not list(folder.iterdir()) and not list(tmp_path.glob(f".*{store.TEMP_SUFFIX}"))
    assert path.exists()


def test_text_handed_over_by_the_interface_is_cleaned_not_refused() -> None:
    from concertation_tui.model import Contribution

    pasted = Contribution(speaker_id="p", text="collé\x0c\x1b[2J ici" + "z" * 30_000)
    assert pasted.text.startswith("collé[2J ici") and len(pasted.text) == 20_000
