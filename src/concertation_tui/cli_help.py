"""The command line's help in the configured language: `concertation --help`, `concertation new --help`.

Click writes help from the strings given to its decorators, in one language. Here every command and
option takes its help from the catalogue at the moment help is written: the command `new` from
`cli.help.new`, its option `--title` from `cli.help.new.title`, click's own headings and its --help and
--version lines from `cli.help.*` too. The language is the one a run would use: `--lang` on the same
command line (help is written before the other options are read, so the words are looked for there),
else CONCERTATION_LANG, else the settings, else French. Headless: imports no Textual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click

from .i18n import LANGUAGES, colon, resolve_language, t

PREFIX = "cli.help."
OWN_OPTIONS = {"--help": "help", "--version": "version"}
"""Options click adds by itself, and their keys (`cli.help.help`, `cli.help.version`)."""
HEADINGS = {"Options": "cli.help.options", "Commands": "cli.help.commands", "Arguments": "cli.help.arguments"}
"""Click's headings, and their keys."""


def asked_language(args: list[str]) -> str | None:
    """The value of `--lang` on a command line, when it is there and a language (`--lang en`, `--lang=en`)."""
    for n, arg in enumerate(args):
        value = args[n + 1] if arg == "--lang" and n + 1 < len(args) else arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    return None


def help_language(ctx: click.Context) -> str:
    from .config import load_config

    return resolve_language(asked_language(ctx.meta.get(ARGS, [])), load_config().language)


ARGS = "concertation.args"
"""Where the root command keeps its command line for `help_language` (click.Context.meta is shared)."""


def _key(command: click.Command, param: click.Parameter | None = None) -> str:
    if param is None:
        return f"{PREFIX}{command.name}"
    own = next((OWN_OPTIONS[o] for o in param.opts if o in OWN_OPTIONS), None)
    return f"{PREFIX}{own}" if own else f"{PREFIX}{command.name}.{param.name}"


@contextlib.contextmanager
def _said_in(lang: str, command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The help of `command`, its options and (for a group) its commands, in `lang`, while help is written."""
    kept: list[tuple[object, str | None]] = []

    def say(thing, key: str) -> None:
        kept.append((thing, thing.help))
        thing.help = t(key, lang)

    say(command, _key(command))
    for param in command.get_params(ctx):
        if isinstance(param, click.Option):
            say(param, _key(command, param))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            say(sub, _key(sub))
    try:
        yield
    finally:
        for thing, text in reversed(kept):
            thing.help = text  # type: ignore[attr-defined]


class Formatter(click.HelpFormatter):
    """Click's formatter with its headings in the help's language."""

    lang = "fr"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=t("cli.help.usage", self.lang) + " " if prefix is None else prefix)

    def section(self, name: str):  # noqa: ANN201 - click's own signature
        key = HEADINGS.get(name)
        return super().section(t(key, self.lang) if key else name)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{colon(self.lang).rstrip()}\n")


class Context(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        formatter = Formatter(width=self.terminal_width, max_width=self.max_content_width)
        formatter.lang = help_language(self)
        return formatter


class Command(click.Command):
    """A command whose help is said in the catalogue's words."""

    context_class = Context

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _said_in(help_language(ctx), self, ctx):
            super().format_help(ctx, formatter)


class Group(click.Group):
    """The root command: keeps its command line (for `--lang`), its commands are `Command`s."""

    context_class = Context
    command_class = Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta.setdefault(ARGS, list(args))
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _said_in(help_language(ctx), self, ctx):
            super().format_help(ctx, formatter)
