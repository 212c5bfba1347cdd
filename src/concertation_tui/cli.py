"""The `concertation` command: parse the command line, then call the store, the minute or the interface.

The headless commands (check, schema, minute, list, new --no-open, demo --no-open) never import
Textual: the interface is imported inside the commands that open it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import click

from . import SCHEMA_DESCRIPTIONS_ENV
from .i18n import resolve_language, t


def _lang(ctx: click.Context) -> str:
    return ctx.obj["lang"]


def _fail(message: str) -> None:
    click.echo(message, err=False)
    sys.exit(1)


def _open_interface(ctx: click.Context, path: Path | None) -> None:
    from .tui import run  # Textual is only imported here

    sys.exit(run(path, lang=_lang(ctx), theme=ctx.obj["theme"]))


def _load(ctx: click.Context, path: Path):
    from .store import MeetingFileError, load_meeting

    try:
        return load_meeting(path)
    except MeetingFileError as error:
        _fail(error.sentence(_lang(ctx)))


def _print_findings(meeting, lang: str) -> None:
    from .model import readiness

    findings = readiness(meeting)
    if findings:
        click.echo(t("cli.check_findings", lang))
        for finding in findings:
            click.echo(f"  [{finding.level_label(lang)}] {finding.sentence(lang)}")


@click.group(invoke_without_command=True)
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None, help="Langue / language (fr, en).")
@click.option("--theme", default=None, help="Thème de l'interface (ex. high-contrast).")
@click.version_option(package_name="concertation-tui")
@click.pass_context
def main(ctx: click.Context, lang: str | None, theme: str | None) -> None:
    """Réunions de concertation : préparer, mener, et écrire le compte rendu.

    Sans commande : ouvre la liste des réunions.
    """
    # The language: --lang, else the config file, else CONCERTATION_LANG, else French.
    from .config import load_config

    config = load_config()
    ctx.obj = {"lang": resolve_language(lang, config.language), "theme": theme or config.theme}
    if ctx.invoked_subcommand is None:
        _open_interface(ctx, None)


@main.command("new")
@click.option("--template", "template_name", default=None,
              help="Modèle de réunion (templates/meetings/) : premiere-reunion, ou reunion-de-suivi avec --follow-up.")
@click.option("--title", default="", help="Titre de la réunion.")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]), default=None,
              help="Date (AAAA-MM-JJ ou JJ/MM/AAAA), aujourd'hui par défaut.")
@click.option("--person", default="", help="Nom ou pseudonyme de la personne accompagnée.")
@click.option("--follow-up", "previous_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Réunion de suivi de cette réunion (le fichier précédent n'est pas modifié).")
@click.option("--reopen", is_flag=True, help="Avec --follow-up : rouvrir une série clôturée.")
@click.option("--open/--no-open", "open_after", default=True, help="Ouvrir la réunion dans l'interface.")
@click.pass_context
def new(ctx: click.Context, template_name: str | None, title: str, day: dt.datetime | None, person: str,
        previous_file: Path | None, reopen: bool, open_after: bool) -> None:
    """Crée une nouvelle réunion à partir d'un modèle, ou la réunion de suivi d'une autre."""
    from .store import StoreError, create_meeting_file
    from .templates import new_follow_up, new_meeting_from_template

    lang = _lang(ctx)
    day_ = day.date() if day else None
    try:
        if previous_file is not None:
            previous = _load(ctx, previous_file)
            if previous.series.closed_on and not reopen:
                _fail(t("cli.series_closed", lang, date=previous.series.closed_on.strftime("%d/%m/%Y")))
            meeting = new_follow_up(previous, previous_file, template_name or "reunion-de-suivi", day=day_)
        else:
            meeting = new_meeting_from_template(
                template_name or "premiere-reunion", title=title, day=day_, person_name=person
            )
        path = create_meeting_file(meeting)
    except StoreError as error:
        _fail(error.sentence(lang))
    click.echo(t("cli.created", _lang(ctx), file=path))
    if open_after:
        _open_interface(ctx, path)


@main.command("demo")
@click.option("--open/--no-open", "open_after", default=True, help="Ouvrir la démonstration dans l'interface.")
@click.pass_context
def demo(ctx: click.Context, open_after: bool) -> None:
    """Écrit une réunion de démonstration réaliste (en français) et sa réunion de suivi, et l'ouvre."""
    from .demo import demo_meeting, play_demo_follow_up
    from .store import StoreError, create_meeting_file
    from .templates import new_follow_up

    try:
        first = demo_meeting()
        path = create_meeting_file(first)
        follow = play_demo_follow_up(new_follow_up(first, path))
        follow_path = create_meeting_file(follow)
    except StoreError as error:
        _fail(error.sentence(_lang(ctx)))
    click.echo(t("cli.demo_follow_up_written", _lang(ctx), file=follow_path))
    click.echo(t("cli.demo_written", _lang(ctx), file=path))
    if open_after:
        _open_interface(ctx, path)


@main.command("open")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def open_(ctx: click.Context, file: Path) -> None:
    """Ouvre une réunion dans l'interface."""
    _load(ctx, file)  # a damaged file is explained here, in plain words, before any screen opens
    _open_interface(ctx, file)


@main.command("list")
@click.pass_context
def list_(ctx: click.Context) -> None:
    """Liste les réunions enregistrées."""
    from .store import list_meetings, meetings_dir, remove_stale_temps

    folder = meetings_dir()
    remove_stale_temps(folder)
    lang = _lang(ctx)
    summaries = list_meetings(folder, lang)
    if not summaries:
        click.echo(t("cli.list_empty", lang, folder=folder))
        return
    click.echo(t("cli.list_header", lang, folder=folder))
    for summary in summaries:
        if summary.problem:
            click.echo(f"  !  {summary.path.name}: {summary.problem.splitlines()[0]}")
            continue
        day = summary.date.strftime("%d/%m/%Y") if summary.date else t("cli.no_date", lang)
        title = summary.title or t("cli.untitled", lang)
        number = t("cli.number", lang, number=summary.number)
        click.echo(f"  {day}  {number}  {title}  [{t('Phase.' + summary.phase, lang)}]  {summary.path}")


@main.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def check(ctx: click.Context, file: Path) -> None:
    """Vérifie un fichier de réunion : 0 s'il est valide, 1 sinon (avec des phrases)."""
    meeting = _load(ctx, file)
    click.echo(t("cli.check_ok", _lang(ctx), file=file))
    _print_findings(meeting, _lang(ctx))


@main.command("coordination")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_context
def coordination(ctx: click.Context, file: Path) -> None:
    """Affiche qui agit dans quel domaine de vie, et ce qu'il faut vérifier ensemble (80 colonnes)."""
    from .model.coordination import as_text

    click.echo(as_text(_load(ctx, file), _lang(ctx)))


@main.command("schema")
def schema() -> None:
    """Affiche le schéma JSON des fichiers de réunion."""
    click.echo(schema_text())


def schema_text() -> str:
    """The JSON schema, with the model's docstrings as descriptions (see SCHEMA_DESCRIPTIONS_ENV)."""
    os.environ[SCHEMA_DESCRIPTIONS_ENV] = "1"
    from .model import Meeting

    if not Meeting.model_config.get("use_attribute_docstrings"):
        # The model was imported earlier in this process without its descriptions: ask a fresh one.
        command = [sys.executable, "-m", "concertation_tui.cli", "schema"]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.rstrip("\n")
    return json.dumps(Meeting.model_json_schema(), indent=2, ensure_ascii=False)


@main.command("minute")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--edition", type=click.Choice(["professional", "person"]), default="professional",
              show_default=True, help="Compte rendu professionnel ou lettre à la personne.")
@click.option("--for", "recipient", default=None, help="Nom du destinataire : sa copie, avec ses notes restreintes.")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Modèle Word (.docx) de l'organisation.")
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Fichier, ou dossier (existant, ou terminé par /), de sortie (par défaut : à côté de la réunion).")
@click.option("--strict", is_flag=True,
              help="Refuser d'écrire tant qu'un point « à corriger » reste ou qu'une note dépasse l'accord de partage.")
@click.pass_context
def minute(ctx: click.Context, file: Path, edition: str, recipient: str | None, template: Path | None,
           output: str | None, strict: bool) -> None:
    """Écrit le compte rendu Word (.docx) d'une réunion."""
    from .issuing import conflict_lines
    from .minute import TemplateError, build_minute, minute_file_name
    from .model import Edition, errors, readiness
    from .model.sharing import consent_conflicts_for
    from .store import StoreError, write_private

    lang = _lang(ctx)
    meeting = _load(ctx, file)
    _print_findings(meeting, lang)
    recipient_id = None
    if recipient is not None:
        matches = [p for p in meeting.participants if p.name.casefold() == recipient.strip().casefold()]
        if len(matches) != 1:
            _fail(t("cli.unknown_recipient", lang, name=recipient,
                    known=", ".join(p.name for p in meeting.minute_recipients())))
        recipient_id = matches[0].id
    chosen = Edition(edition)
    # The common edition goes to every recipient: check consent for each; a copy, for its reader.
    readers = [recipient_id] if recipient_id else [p.id for p in meeting.minute_recipients()]
    conflicts = [] if chosen is Edition.PERSON else consent_conflicts_for(meeting, readers)
    if conflicts:
        click.echo(t("cli.beyond_consent", lang))
        click.echo("\n".join(conflict_lines(conflicts, meeting, lang)))
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
        _fail(error.sentence(lang))
    click.echo(t("cli.minute_written", lang, file=target))


@main.command("issue")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Dossier où écrire (par défaut : comptes-rendus/ à côté de la réunion).")
@click.option("--pdf", is_flag=True, help="Un PDF à côté de chaque .docx (LibreOffice).")
@click.option("--what-changed", default="", help="Pour une correction : ce qui a changé depuis la version précédente.")
@click.option("--consent-reason", default="",
              help="Envoyer quand même les passages au-delà de l'accord de partage, marqués avec cette raison (enregistrée).")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Modèle Word (.docx) de l'organisation.")
@click.pass_context
def issue(ctx: click.Context, file: Path, output: Path | None, pdf: bool, what_changed: str, consent_reason: str,
          template: Path | None) -> None:
    """Émet le compte rendu : toutes les copies d'un coup, et l'émission notée dans la réunion."""
    from .issuing import issue_minute
    from .minute import TemplateError
    from .store import MeetingLock, StoreError

    lang = _lang(ctx)
    meeting = _load(ctx, file)
    _print_findings(meeting, lang)
    try:
        with MeetingLock(file):
            issued = issue_minute(meeting, file, out=output, pdf=pdf, what_changed=what_changed,
                                  consent_reason=consent_reason, template=template)
    except StoreError as error:
        _fail(error.sentence(lang))
    except TemplateError as error:
        _fail(error.sentence)
    click.echo(t("cli.issued", lang, version=issued.version, folder=issued.folder))
    for path in issued.files:
        click.echo(f"  {path.name}")
    _print_consent(issued, meeting, lang)


def _print_consent(issued, meeting, lang: str) -> None:
    """What the person's consent kept out of which copies, or what an override sent beyond it."""
    from .issuing import conflict_lines

    if issued.left_out:
        click.echo(t("issue.left_out", lang, count=len({c.note.id for c in issued.left_out})))
        click.echo("\n".join(conflict_lines(issued.left_out, meeting, lang)))
    if issued.overridden:
        click.echo(t("issue.overridden", lang))
        click.echo("\n".join(conflict_lines(issued.overridden, meeting, lang)))


def entry() -> None:
    """The `concertation` program: first make sure nothing about the meeting can leak, then run.

    TEXTUAL_* variables that would log keys or save screenshots are removed before Textual could read
    them, and Python's last-resort error reports are cut down to the exception's class (a message may
    quote meeting data). Tests call `main` directly and keep their own hooks.
    """
    from .tui.safety import install_quiet_hooks, scrub_environment  # imports neither textual nor rich

    scrub_environment()
    install_quiet_hooks(resolve_language(None))
    main()


if __name__ == "__main__":  # pragma: no cover
    entry()
