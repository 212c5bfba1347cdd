"""The headless command line: new, demo, list, check, schema; none of them imports Textual."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from concertation_tui.cli import main
from concertation_tui.model import ParticipantKind
from concertation_tui.store import load_meeting
from headless_support import modules_loaded

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def written_path(output: str) -> Path:
    return Path(output.strip().splitlines()[-1].split(": ", 1)[1])


def test_demo_writes_a_valid_private_meeting(private_home: Path) -> None:
    result = run("demo", "--no-open")
    assert result.exit_code == 0, result.output
    path = written_path(result.output)
    assert path.parent == private_home / "meetings"
    assert (path.stat().st_mode & 0o777) == 0o600
    meeting = load_meeting(path)
    assert meeting.person.name == "Joseph Lambert"
    assert "Lambert" not in path.name  # file names never carry the person's name


def test_new_from_each_template() -> None:
    for template in ("premiere-reunion", "reunion-de-suivi"):
        result = run("new", "--no-open", "--template", template, "--person", "Jo", "--date", "12/10/2026")
        assert result.exit_code == 0, result.output
        meeting = load_meeting(written_path(result.output))
        assert meeting.agenda and meeting.person.name == "Jo"
        assert meeting.date.isoformat() == "2026-10-12"


def test_new_with_an_unknown_template_names_the_known_ones() -> None:
    result = run("new", "--no-open", "--template", "nope")
    assert result.exit_code == 1
    assert "premiere-reunion" in result.output and "reunion-de-suivi" in result.output


def test_check_says_valid_with_the_points_to_watch() -> None:
    path = written_path(run("demo", "--no-open").output)
    result = run("check", str(path))
    assert result.exit_code == 0
    assert "est valide" in result.output and "tout le monde" in result.output


def test_check_explains_a_damaged_file_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"format_version": 1, "title": 3, "participants": "x"}')
    before = path.read_bytes()
    result = run("--lang", "en", "check", str(path))
    assert result.exit_code == 1
    assert "has errors" in result.output and "participants" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_list_shows_the_meetings() -> None:
    run("demo", "--no-open")
    result = run("list")
    assert "Monsieur Lambert" in result.output and "Ordre du jour" in result.output


def test_schema_is_the_committed_one() -> None:
    result = run("schema")
    assert json.loads(result.output) == json.loads((ROOT / "schema" / "meeting.schema.json").read_text())


def test_headless_commands_do_not_import_textual(tmp_path: Path, private_home: Path) -> None:
    path = written_path(run("demo", "--no-open").output)
    commands = [["check", str(path)], ["schema"], ["list"], ["new", "--no-open"], ["demo", "--no-open"]]
    assert modules_loaded(private_home, commands, ("textual", "docx")) == []


def test_the_person_is_a_participant_of_kind_person_in_new_meetings() -> None:
    meeting = load_meeting(written_path(run("new", "--no-open", "--person", "Awa").output))
    assert [p.kind for p in meeting.participants] == [ParticipantKind.PERSON]


def test_minute_warns_of_notes_beyond_consent_and_strict_refuses() -> None:
    path = written_path(run("demo", "--no-open").output)
    warned = run("minute", str(path))
    assert warned.exit_code == 0 and "revenus et dettes" in warned.output
    written = written_path(warned.output)
    assert written.exists() and (written.stat().st_mode & 0o777) == 0o600
    written.unlink()
    refused = run("minute", "--strict", str(path))
    assert refused.exit_code == 1 and not written.exists()
    letter = run("minute", "--edition", "person", str(path))
    assert letter.exit_code == 0 and "restent hors de la copie" not in letter.output


def test_minute_output_ending_with_a_slash_is_a_new_private_folder(tmp_path: Path) -> None:
    path = written_path(run("demo", "--no-open").output)
    result = run("minute", str(path), "-o", f"{tmp_path}/out/")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out"
    assert folder.is_dir() and (folder.stat().st_mode & 0o777) == 0o700
    meeting = load_meeting(path)
    assert [p.name for p in folder.iterdir()] == [f"{meeting.date.isoformat()}-{meeting.id[:6]}-compte-rendu.docx"]


def test_the_language_comes_from_the_option_then_the_environment_then_the_settings(monkeypatch, private_home) -> None:
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "config.toml").write_text('language = "fr"\n')
    monkeypatch.setenv("CONCERTATION_LANG", "en")
    assert "Meetings in" in run("list").output or "No meeting" in run("list").output
    assert "Aucune réunion" in run("--lang", "fr", "list").output
    monkeypatch.delenv("CONCERTATION_LANG")
    assert "Aucune réunion" in run("list").output
    (private_home / "config.toml").write_text('language = "en"\n')
    assert "No meeting" in run("list").output


def test_a_dutch_meeting_starts_from_the_dutch_template_and_its_follow_up_too(private_home: Path) -> None:
    result = run("--lang", "nl", "new", "--no-open", "--person", "Jan", "--date", "12/10/2026")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Overleg aangemaakt: ")
    first_path = written_path(result.output)
    first = load_meeting(first_path)
    assert first.language.value == "nl" and first.locale == "nl_BE"
    assert first.agenda[0].title == "Welkom, voorstelling en kader van het overleg"
    follow = run("--lang", "fr", "new", "--no-open", "--follow-up", str(first_path))
    assert follow.exit_code == 0, follow.output
    follow_up = load_meeting(written_path(follow.output))
    # The follow-up keeps the previous meeting's language, whatever the interface speaks.
    assert follow_up.agenda[0].title == "Opvolging van de acties van het vorige overleg"


def test_a_dutch_minute_and_letter_speak_dutch(private_home: Path, tmp_path: Path) -> None:
    import docx

    path = written_path(run("demo", "--no-open").output)
    meeting = load_meeting(path)
    meeting.language = meeting.language.__class__("nl")
    meeting.locale = "nl_BE"
    from concertation_tui.store import save_meeting

    save_meeting(path, meeting)
    texts = {}
    for edition in ("professional", "person"):
        result = run("--lang", "nl", "minute", str(path), "--edition", edition, "-o", str(tmp_path) + "/")
        assert result.exit_code == 0, result.output
        written = written_path(result.output)
        texts[edition] = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert "Verslag" in texts["professional"] and "Kader van het overleg" in texts["professional"]
    assert "Afgesproken acties" in texts["professional"]
    letter = texts["person"]
    assert re.search(r"Op \w+dag \d+ \w+ \d{4} kwamen we", letter)  # the demo is dated from today
    assert "Beste Monsieur Lambert," in letter and "Wat we samen beslist hebben" in letter
    assert "U hebt daar 15 dagen voor." in letter
    assert "(s)" not in letter and "compte rendu" not in letter.lower()


def test_list_shows_each_meetings_real_state_issued_version_corrections() -> None:
    """Issue 18: an issued meeting is listed as issued (version, date, corrections), not by its step."""
    import datetime as dt

    from concertation_tui import store
    from concertation_tui.model import Issue

    path = written_path(run("demo", "--no-open").output)
    meeting = load_meeting(path)
    meeting.distribution.issues = [Issue(version=1, at=dt.datetime(2026, 11, 24, 9, 0).astimezone()),
                                   Issue(version=2, at=dt.datetime(2026, 11, 30, 9, 0).astimezone(),
                                         what_changed="Date corrigée")]
    store.write_private(path, store.serialize(meeting))
    run("new", "--no-open", "--title", "Autre réunion")
    output = run("list").output
    issued = next(line for line in output.splitlines() if path.name in line)
    assert "compte rendu émis (v2, le 30/11/2026), 1 correction" in issued
    assert "[Ordre du jour]" not in issued
    other = next(line for line in output.splitlines() if "Autre réunion" in line)
    assert "[en préparation : Préparer]" in other


def test_each_headless_command_imports_only_what_it_uses(private_home: Path) -> None:
    """Start-up is mostly imports: `list` reads the launcher's index and `schema` prints the shipped
    schema, neither builds a pydantic model; `check` validates, but never loads python-docx. (Each in
    a fresh process: one process running several commands would mix what each imports.)"""
    path = written_path(run("demo", "--no-open").output)
    run("list")  # the launcher's index is written: a later `list` reads only it
    watched = ("pydantic", "docx", "textual", "babel")

    def packages(*args: str) -> set[str]:
        return {name.split(".")[0] for name in modules_loaded(private_home, [list(args)], watched)}

    assert packages("list") == set()
    assert packages("schema") == set()
    assert packages("check", str(path)) == {"pydantic"}


def test_the_shipped_schema_is_the_one_built_from_the_model() -> None:
    assert run("schema").output == run("schema", "--from-model").output


def every_help_page(*lang_args: str) -> dict[str, str]:
    """`--help` of the program and of each command, as printed."""
    pages = {"": run(*lang_args, "--help").output}
    for name in main.commands:
        pages[name] = run(*lang_args, name, "--help").output
    return pages


def test_help_is_said_in_the_configured_language(private_home: Path, monkeypatch) -> None:
    """--lang, else CONCERTATION_LANG, else the settings: the words of every help page come from the
    catalogue (cli_help.py), click's headings too; no French left in English or Dutch."""
    french = every_help_page()
    assert "Utilisation : main [OPTIONS]" in french[""] and "Commandes :" in french[""]
    assert "Titre de la réunion." in french["new"] and "Affiche cette aide et s'arrête." in french["new"]
    english = every_help_page("--lang", "en")
    assert "Usage: main [OPTIONS]" in english[""] and "Commands:" in english[""] and "Show this help and stop." in english["minute"]
    assert "Issues the minutes" in english[""] and "The meeting's title." in english["new"]
    dutch = every_help_page("--lang=nl")
    assert "Gebruik: main" in dutch[""] and "Titel van het overleg." in dutch["new"]
    for lang, pages in (("en", english), ("nl", dutch)):
        for name, page in pages.items():
            assert page.strip() and not re.search(r"réunion|Utilisation| : |« ", page), (lang, name, page)
            assert name == "" or len(page.splitlines()) > 3, (lang, name)  # its own words, its options
    # without --lang: the environment, then the settings file
    monkeypatch.setenv("CONCERTATION_LANG", "en")
    assert "Show this help and stop." in run("check", "--help").output
    monkeypatch.delenv("CONCERTATION_LANG")
    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "config.toml").write_text('language = "nl"\n', encoding="utf-8")
    assert "Controleert een overlegbestand" in run("check", "--help").output


def test_every_command_and_option_has_its_help_in_every_language() -> None:
    from concertation_tui import cli_help
    from concertation_tui.i18n import LANGUAGES, t

    import click

    for name, command in {"main": main, **main.commands}.items():
        keys = [cli_help._key(command)] + [cli_help._key(command, p) for p in command.params
                                            if isinstance(p, click.Option)]
        for key in keys:
            for lang in LANGUAGES:
                assert t(key, lang).strip(), (name, key, lang)
