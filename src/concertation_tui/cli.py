"""The `concertation` command: parse the command line, then call the store, the minute or the interface.

The headless commands (check, schema, minute, list, new --no-open, demo --no-open) never import
Textual: the interface is imported inside the commands that open it. Each command imports what it uses
when it runs (the store, the model, the minute...): every command pays for this module's imports at
start-up, so they are only what parsing the command line needs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import SCHEMA_DESCRIPTIONS_ENV
from . import cli_help
from .i18n import LANGUAGES, resolve_language, t
from .visible import visible

if TYPE_CHECKING:
    import datetime as dt


# Each command's and option's --help is in the catalogue, in the run's language (cli_help.py):
# `cli.help.<command>` and `cli.help.<command>.<option>`.


def _lang(ctx: click.Context) -> str:
    return ctx.obj["lang"]


def _fail(message: str) -> None:
    click.echo(message, err=False)
    sys.exit(1)


def _store_fail(error, lang: str) -> None:
    """End on a store error's sentence; on the command line nothing retries, so none is promised."""
    from .store import SaveError

    _fail(error.sentence(lang, retried=False) if isinstance(error, SaveError) else error.sentence(lang))


def _has_terminal() -> bool:
    """Keys come from stdin; Textual draws on stderr; stdout must not be a file the screen could leak into."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout, sys.stderr))


def _open_interface(ctx: click.Context, path: Path | None, *, written: bool = False, preloaded=None) -> None:
    """Run the interface on `path`; without a terminal say so on stderr and exit 2 (nothing is drawn).

    `written`: the command has just written `path` (new, demo), and the sentence says so. `preloaded`:
    the meeting as this command read it (`store.Preloaded`), taken by the interface if the file is unchanged."""
    if not _has_terminal():
        lang = _lang(ctx)
        sentence = t("setup.no_terminal_written", lang, file=path) if written else t("setup.no_terminal", lang)
        click.echo(sentence, err=True)
        sys.exit(2)
    from .tui import run  # Textual is only imported here

    sys.exit(run(path, lang=_lang(ctx), theme=ctx.obj["theme"], preloaded=preloaded, config=ctx.obj["config"]))


def _load(ctx: click.Context, path: Path):
    from .store import MeetingFileError, load_meeting

    try:
        return load_meeting(path)
    except MeetingFileError as error:
        _fail(error.sentence(_lang(ctx)))


def _print_findings(meeting, lang: str) -> None:
    from .model import readiness
    from .services.domain_check import domain_findings

    findings = readiness(meeting) + domain_findings(meeting, meeting.language.value)
    if findings:
        click.echo(t("cli.check_findings", lang))
        for finding in findings:
            click.echo(f"  [{finding.level_label(lang)}] {finding.sentence(lang)}")


@click.group(cls=cli_help.Group, invoke_without_command=True)
@click.option("--lang", type=click.Choice(list(LANGUAGES)), default=None)
@click.option("--theme", default=None)
@click.version_option(package_name="concertation-tui")
@click.pass_context
def main(ctx: click.Context, lang: str | None, theme: str | None) -> None:
    # The language: --lang, else the config file, else CONCERTATION_LANG, else French.
    from .config import load_config

    config = load_config()
    # kept for the interface, which would otherwise read the settings files a second time
    ctx.obj = {"lang": resolve_language(lang, config.language), "theme": theme or config.theme, "config": config}
    if ctx.invoked_subcommand is None:
        _open_interface(ctx, None)


@main.command("new")
@click.option("--template", "template_name", default=None)
@click.option("--title", default="")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]), default=None)
@click.option("--person", default="")
@click.option("--follow-up", "previous_file", type=click.Path(path_type=Path), default=None)
@click.option("--reopen", is_flag=True)
@click.option("--open/--no-open", "open_after", default=True)
@click.pass_context
def new(ctx: click.Context, template_name: str | None, title: str, day: dt.datetime | None, person: str,
        previous_file: Path | None, reopen: bool, open_after: bool) -> None:
    from .store import StoreError, create_meeting_file, os_error_sentence
    from .services.templates import default_template, new_follow_up, new_meeting_from_template

    lang = _lang(ctx)
    day_ = day.date() if day else None
    try:
        if previous_file is not None:
            previous = _load(ctx, previous_file)
            if previous.series.closed_on and not reopen:
                _fail(t("cli.series_closed", lang, date=previous.series.closed_on.strftime("%d/%m/%Y")))
            meeting = new_follow_up(previous, previous_file, template_name, day=day_)
        else:
            meeting = new_meeting_from_template(
                template_name or default_template(_lang(ctx)), title=title, day=day_, person_name=person
            )
        path = create_meeting_file(meeting)
    except StoreError as error:
        _store_fail(error, lang)
    except OSError as error:
        _fail(os_error_sentence(error, lang))
    click.echo(t("cli.created", _lang(ctx), file=path))
    if open_after:
        _open_interface(ctx, path, written=True)


@main.command("demo")
@click.option("--open/--no-open", "open_after", default=True)
@click.pass_context
def demo(ctx: click.Context, open_after: bool) -> None:
    from .services.demo import demo_day, demo_meeting, play_demo_follow_up
    from .store import StoreError, create_meeting_file, os_error_sentence
    from .services.templates import new_follow_up

    try:
        first = demo_meeting(demo_day())  # dated from today: its follow-up was held a week ago
        path = create_meeting_file(first)
        follow = play_demo_follow_up(new_follow_up(first, path))
        follow_path = create_meeting_file(follow)
    except StoreError as error:
        _store_fail(error, _lang(ctx))
    except OSError as error:
        _fail(os_error_sentence(error, _lang(ctx)))
    click.echo(t("cli.demo_follow_up_written", _lang(ctx), file=follow_path))
    click.echo(t("cli.demo_written", _lang(ctx), file=path))
    if open_after:
        _open_interface(ctx, path, written=True)


@main.command("open")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def open_(ctx: click.Context, file: Path) -> None:
    from .store import Preloaded, file_stamp

    stamp = file_stamp(file)  # before reading: a change in between makes the interface read it again
    meeting = _load(ctx, file)  # a damaged file is explained here, in plain words, before any screen opens
    _open_interface(ctx, file, preloaded=Preloaded(file, meeting, stamp))  # without a terminal: one sentence, exit 2


@main.command("show")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def show(ctx: click.Context, file: Path) -> None:
    if not _has_terminal():
        click.echo(t("setup.no_terminal", _lang(ctx)), err=True)
        sys.exit(2)
    from .tui import show as show_room  # Textual is only imported here

    sys.exit(show_room(file.expanduser().absolute(), lang=_lang(ctx), theme=ctx.obj["theme"], config=ctx.obj["config"]))


@main.command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    from .store import list_meetings, meetings_dir, os_error_sentence, remove_stale_temps

    lang = _lang(ctx)
    try:
        folder = meetings_dir()
        remove_stale_temps(folder)
        summaries = list_meetings(folder, lang)
    except OSError as error:
        _fail(os_error_sentence(error, lang))
    if not summaries:
        click.echo(t("cli.list_empty", lang, folder=visible(folder)))
        return
    click.echo(t("cli.list_header", lang, folder=visible(folder)))
    for summary in summaries:  # file names and titles come from files: shown, never sent to the terminal
        if summary.problem:
            click.echo(f"  !  {visible(summary.path.name)}: {summary.problem.splitlines()[0]}")
            continue
        day = summary.date.strftime("%d/%m/%Y") if summary.date else t("cli.no_date", lang)
        title = visible(summary.title) or t("cli.untitled", lang)
        number = t("cli.number", lang, number=summary.number)
        click.echo(f"  {day}  {number}  {title}  [{state_of(summary, lang)}]  {visible(summary.path)}")


def state_of(summary, lang: str) -> str:
    """The meeting's real state: its minute issued (which version, when, how many corrections), else
    the step it was left at."""
    if not summary.issued:
        return t("cli.list.draft", lang, phase=t("Phase." + summary.phase, lang)) if summary.phase else "?"
    when = summary.issued_on.strftime("%d/%m/%Y") if summary.issued_on else "?"
    state = t("cli.list.issued", lang, version=summary.version or summary.issued, date=when)
    corrections = max(summary.version, summary.issued) - 1
    if corrections > 0:
        state += ", " + t("cli.list.corrections", lang, count=corrections)
    if summary.changes and any(summary.changes):  # the issued version no longer matches the meeting
        # (the words of model/minute_state.changes_words, said here without loading the model: `list` reads
        # only the index)
        words = ", ".join(t(key, lang, count=count) for key, count in zip(
            ("minute_state.added", "minute_state.changed", "minute_state.removed"), summary.changes) if count)
        state += ", " + t("cli.list.outdated", lang, changes=words)
    return state


@main.command("check")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def check(ctx: click.Context, file: Path) -> None:
    meeting = _load(ctx, file)
    click.echo(t("cli.check_ok", _lang(ctx), file=visible(file)))
    _print_findings(meeting, _lang(ctx))


@main.command("coordination")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def coordination(ctx: click.Context, file: Path) -> None:
    from .model.coordination import as_text

    click.echo(as_text(_load(ctx, file), _lang(ctx)))


@main.command("schema")
@click.option("--from-model", is_flag=True, hidden=True,
              help="Construire le schéma à partir du modèle (pour mettre à jour schema/meeting.schema.json).")
def schema(from_model: bool) -> None:
    from .resources import shipped_schema

    # The shipped copy, kept equal to the model by a test: building it makes pydantic read the model's
    # source for its descriptions, about 0.3 s for a command that answers the same every time.
    shipped = shipped_schema()
    if from_model or not shipped.is_file():
        click.echo(schema_text())
        return
    click.echo(shipped.read_text(encoding="utf-8").rstrip("\n"))


def schema_text() -> str:
    """The JSON schema, with the model's docstrings as descriptions (see SCHEMA_DESCRIPTIONS_ENV)."""
    import json
    import subprocess

    os.environ[SCHEMA_DESCRIPTIONS_ENV] = "1"
    from .model import Meeting

    if not Meeting.model_config.get("use_attribute_docstrings"):
        # The model was imported earlier in this process without its descriptions: ask a fresh one.
        command = [sys.executable, "-m", "concertation_tui.cli", "schema", "--from-model"]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.rstrip("\n")
    return json.dumps(Meeting.model_json_schema(), indent=2, ensure_ascii=False)


@main.command("minute")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--edition", type=click.Choice(["professional", "person"]), default="professional",
              show_default=True)
@click.option("--for", "recipient", default=None)
@click.option("--template", type=click.Path(path_type=Path), default=None)
@click.option("-o", "--output", type=click.Path(), default=None)
@click.option("--strict", is_flag=True)
@click.pass_context
def minute(ctx: click.Context, file: Path, edition: str, recipient: str | None, template: Path | None,
           output: str | None, strict: bool) -> None:
    from .minute import TemplateError, build_minute, minute_file_name
    from .model import Edition, errors, readiness
    from .model.sharing import conflicts_by_record
    from .store import StoreError, os_error_sentence, write_private

    lang = _lang(ctx)
    meeting = _load(ctx, file)
    _print_findings(meeting, lang)
    recipient_id = None
    if recipient is not None:
        matches = [p for p in meeting.participants if p.name.casefold() == recipient.strip().casefold()]
        if len(matches) != 1:
            _fail(t("cli.unknown_recipient", lang, name=visible(recipient),
                    known=", ".join(p.name for p in meeting.minute_recipients())))
        recipient_id = matches[0].id
    chosen = Edition(edition)
    # The common edition goes to every recipient: check consent for each; a copy, for its reader.
    readers = [recipient_id] if recipient_id else [p.id for p in meeting.minute_recipients()]
    # grouped per record as it is printed (a large meeting's records by recipients are a million pairs)
    conflicts = [] if chosen is Edition.PERSON else conflicts_by_record(meeting, readers)
    if conflicts:
        from .services.issuing import record_lines  # only then: the issuing's module is not light

        click.echo(t("cli.beyond_consent", lang))
        click.echo("\n".join(record_lines(conflicts, meeting, lang)))
    if strict and (errors(readiness(meeting)) or conflicts):
        _fail(t("cli.strict_refused", lang))
    try:
        data = build_minute(meeting, chosen, recipient_id=recipient_id, template=template)
    except TemplateError as error:
        _fail(error.sentence)
    name = minute_file_name(meeting, chosen, recipient_id)
    target = Path(output) if output else file.parent / name
    if target.is_dir() or (output or "").endswith(("/", os.sep)):  # "-o dossier/" names a folder
        target = target / name
    try:
        write_private(target, data)
    except StoreError as error:
        _store_fail(error, lang)
    except OSError as error:
        _fail(os_error_sentence(error, lang))
    click.echo(t("cli.minute_written", lang, file=visible(target)))


@main.command("issue")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
@click.option("--pdf", is_flag=True)
@click.option("--odt", is_flag=True)
@click.option("--by", "by", default=None)
@click.option("--what-changed", default="")
@click.option("--consent-reason", default="")
@click.option("--template", type=click.Path(path_type=Path), default=None)
@click.pass_context
def issue(ctx: click.Context, file: Path, output: Path | None, pdf: bool, odt: bool, by: str | None,
          what_changed: str, consent_reason: str, template: Path | None) -> None:
    from .services.issuing import issue_minute
    from .minute import TemplateError
    from .store import MeetingLock, StoreError, os_error_sentence

    lang = _lang(ctx)
    meeting = _load(ctx, file)
    _print_findings(meeting, lang)
    try:
        with MeetingLock(file):
            issued = issue_minute(meeting, file, out=output, pdf=pdf, odt=odt, by=by, what_changed=what_changed,
                                  consent_reason=consent_reason, template=template)
    except StoreError as error:
        _store_fail(error, lang)
    except TemplateError as error:
        _fail(error.sentence)
    except OSError as error:
        _fail(os_error_sentence(error, lang))
    click.echo(t("cli.issued", lang, version=issued.version, folder=visible(issued.folder)))
    for path in issued.files:
        click.echo(f"  {visible(path.name)}")
    _print_consent(issued, meeting, lang)


def _print_consent(issued, meeting, lang: str) -> None:
    """What the person's consent kept out of which copies, or what an override sent beyond it."""
    from .services.issuing import conflict_lines

    if issued.left_out:
        click.echo(t("issue.left_out", lang, count=len({c.note.id for c in issued.left_out})))
        click.echo("\n".join(visible(line) for line in conflict_lines(issued.left_out, meeting, lang)))
    if issued.overridden:
        click.echo(t("issue.overridden", lang))
        click.echo("\n".join(visible(line) for line in conflict_lines(issued.overridden, meeting, lang)))


@main.command("config")
@click.pass_context
def config_(ctx: click.Context) -> None:
    import json

    from .config import KEYS, load_config
    from .minute import default_template_path
    from .resources import word_list_folders
    from .services.templates import meeting_templates

    lang = _lang(ctx)
    config = load_config()
    click.echo(t("setup.config.header", lang))
    for file in config.files:
        click.echo(t("setup.config.file_read" if file.exists() else "setup.config.file_absent", lang, file=file))
    click.echo(t("setup.config.settings", lang))
    default = t("setup.config.default", lang)
    for key in KEYS:
        source = config.sources.get(key)
        where = str(source) if source else default
        value = config.value(key)
        if key == "keymap":
            for binding, keys in value.items():
                click.echo(f"  keymap.{binding} = {json.dumps(keys, ensure_ascii=False)}    ← {where}")
            continue
        shown = json.dumps(value, ensure_ascii=False) if value != "" else t("setup.config.empty", lang)
        click.echo(f"  {key} = {shown}    ← {where}")
    click.echo(t("setup.config.templates", lang))
    click.echo(t("setup.config.minute_template", lang, file=default_template_path()))
    for name, path in meeting_templates().items():
        click.echo(t("setup.config.meeting_template", lang, name=name, file=path))
    lists = [str(path) for folder in word_list_folders()
             for pattern in ("writing-words.*.txt", "glossary.*.txt", "domain-words.*.txt", "judging-words.*.txt",
                             "third-persons.*.txt")
             for path in sorted(folder.glob(pattern))]
    click.echo(t("setup.config.word_lists", lang, folders=", ".join(lists)))
    if not config.problems:
        click.echo(t("setup.config.no_problem", lang))
        return
    click.echo(t("setup.config.problems", lang))
    for problem in config.problems:
        click.echo(f"  - {problem.sentence(lang)}")
    sys.exit(1)


@main.command("doctor")
@click.pass_context
def doctor(ctx: click.Context) -> None:
    from .services.doctor import Level, diagnose, report, terminal_width

    lang = _lang(ctx)
    findings = diagnose(lang)
    click.echo("\n".join(report(findings, lang, terminal_width())))
    if any(f.level is Level.BLOCK for f in findings):
        sys.exit(1)


def entry() -> None:
    """The `concertation` program: first make sure nothing about the meeting can leak, then run.

    TEXTUAL_* variables that would log keys or save screenshots are removed before Textual could read
    them, and Python's last-resort error reports are cut down to the exception's class (a message may
    quote meeting data). Tests call `main` directly and keep their own hooks.
    """
    from .process_guards import install_quiet_hooks, scrub_environment  # imports neither textual nor rich

    scrub_environment()
    install_quiet_hooks(resolve_language(None))
    main()


if __name__ == "__main__":  # pragma: no cover
    entry()
