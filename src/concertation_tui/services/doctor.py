"""`concertation doctor`: what this terminal and this account give the program, each problem with its fix.

Every check returns findings; a finding is a sentence key of the catalogue (`setup.doctor.<key>`, and
`setup.doctor.<key>.fix` for a problem) with its values, so that the words stay in i18n. Headless: no
Textual here (rich, which Textual uses to pick its colours, is asked the same question).
"""

from __future__ import annotations

import locale
import os
import shutil
import stat
import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..i18n import t

MIN_COLUMNS, MIN_ROWS = 80, 24
MB = 1024 * 1024
DISK_BLOCKS = 50 * MB
"""Below this, a save (the meeting, its three previous versions, a minute) may fail."""
DISK_WARNS = 500 * MB


class Level(str, Enum):
    OK = "ok"
    WARN = "warn"
    """Works, with something missing or to watch."""
    BLOCK = "block"
    """The program cannot be used as it should until this is fixed."""


@dataclass(frozen=True)
class Finding:
    level: Level
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def sentence(self, lang: str | None) -> str:
        return t(f"setup.doctor.{self.key}", lang, **self.params)

    def fix(self, lang: str | None) -> str:
        return "" if self.level is Level.OK else t(f"setup.doctor.{self.key}.fix", lang, **self.params)


def _terminal_size() -> os.terminal_size | None:
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        try:
            return os.get_terminal_size(stream.fileno())
        except (AttributeError, OSError, ValueError):
            continue
    return None


def check_terminal(env: dict[str, str]) -> list[Finding]:
    """A terminal at all, its TERM and colours, its size."""
    found = []
    if not all(s is not None and s.isatty() for s in (sys.stdin, sys.stdout, sys.stderr)):
        found.append(Finding(Level.BLOCK, "no_terminal"))
    term = env.get("TERM", "")
    if not term or term == "dumb":
        found.append(Finding(Level.BLOCK, "term_missing", {"term": term or "—"}))
    else:
        from rich.console import Console

        system = Console(force_terminal=True, color_system="auto", _environ=env).color_system
        if env.get("NO_COLOR"):
            found.append(Finding(Level.WARN, "no_color"))
        elif system == "truecolor":
            found.append(Finding(Level.OK, "colours_true", {"term": term}))
        elif system == "256":
            found.append(Finding(Level.OK, "colours_256", {"term": term}))
        else:
            found.append(Finding(Level.WARN, "colours_16", {"term": term}))
    size = _terminal_size()
    if size is not None:
        params = {"columns": size.columns, "rows": size.lines, "min_columns": MIN_COLUMNS, "min_rows": MIN_ROWS}
        small = size.columns < MIN_COLUMNS or size.lines < MIN_ROWS
        found.append(Finding(Level.BLOCK if small else Level.OK, "size_small" if small else "size", params))
    return found


def check_locale() -> list[Finding]:
    try:
        locale.setlocale(locale.LC_CTYPE, "")
    except locale.Error:
        return [Finding(Level.WARN, "locale_missing", {"name": os.environ.get("LC_ALL") or os.environ.get("LANG", "")})]
    codeset = locale.nl_langinfo(locale.CODESET) if hasattr(locale, "nl_langinfo") else locale.getencoding()
    if codeset.replace("-", "").upper() != "UTF8":
        return [Finding(Level.WARN, "locale_not_utf8", {"codeset": codeset})]
    return [Finding(Level.OK, "locale", {"codeset": codeset})]


def check_keys(env: dict[str, str], keymap: dict[str, str]) -> list[Finding]:
    """Keys the terminal or tmux keep for themselves, unless the keymap already moved the binding."""
    found = []
    if env.get("VTE_VERSION") and "coordination" not in keymap:
        found.append(Finding(Level.WARN, "f10_vte"))
    term = env.get("TERM", "")
    putty = term.startswith("putty")
    if "next-item" not in keymap:
        if env.get("TMUX"):
            found.append(Finding(Level.WARN, "ctrl_page_tmux"))
        if term == "linux":
            found.append(Finding(Level.WARN, "ctrl_page_console"))
        elif (putty or (env.get("SSH_CONNECTION") and term == "xterm")) and not env.get("TMUX"):
            found.append(Finding(Level.WARN, "ctrl_page_putty"))
    if putty and not {"network-map", "room-screen"} <= set(keymap):
        # PuTTY's default function keys (« ESC [n~ »): shift+F1-F10 send F11-F20's codes, so shift+F2 (the
        # network map) arrives as F12 (the rereading) and shift+F8 (the room's screen) as F18, bound to nothing.
        found.append(Finding(Level.WARN, "putty_function_keys", {"term": term}))
    return found or [Finding(Level.OK, "keys")]


def check_libreoffice() -> list[Finding]:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return [Finding(Level.OK, "libreoffice", {"path": found})]
    return [Finding(Level.WARN, "no_libreoffice")]


def _existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_data_folder() -> list[Finding]:
    """The data folder: this account's, writable, 0700, its meeting files 0600."""
    from ..paths import home

    folder = home()
    if not folder.exists():
        parent = _existing(folder)
        if os.access(parent, os.W_OK | os.X_OK):
            return [Finding(Level.OK, "data_new", {"folder": folder})]
        return [Finding(Level.BLOCK, "data_cannot_create", {"folder": folder, "parent": parent})]
    info = folder.stat()
    if info.st_uid != os.getuid():
        return [Finding(Level.BLOCK, "data_not_yours", {"folder": folder})]
    if not os.access(folder, os.W_OK | os.X_OK):
        return [Finding(Level.BLOCK, "data_not_writable", {"folder": folder})]
    found = []
    if stat.S_IMODE(info.st_mode) & 0o077:
        found.append(Finding(Level.WARN, "data_mode", {"folder": folder, "mode": oct(stat.S_IMODE(info.st_mode))[2:]}))
    meetings = folder / "meetings"
    open_files = [p for p in (meetings.glob("*.json") if meetings.is_dir() else []) if p.stat().st_mode & 0o077]
    if open_files:
        found.append(Finding(Level.WARN, "data_files_mode", {"count": len(open_files), "folder": meetings}))
    return found or [Finding(Level.OK, "data", {"folder": folder})]


def _open_with_python_docx(path: Path) -> None:
    """Open the (checked) template as the minute does: passing the zip checks is not yet being loadable."""
    import io

    import docx

    from ..minute.template import template_document_bytes

    docx.Document(io.BytesIO(template_document_bytes(path)))


def check_templates(lang: str | None) -> list[Finding]:
    """The minute's template (the organisation's, if it has one) and the meeting templates, each loaded."""
    from ..minute.template import TemplateError, check_template, default_template_path
    from ..store import StoreError, parse_meeting
    from .templates import DEFAULT_TEMPLATE, meeting_templates

    found = []
    minute = default_template_path()
    try:
        check_template(minute, lang=lang)
        _open_with_python_docx(minute)
        found.append(Finding(Level.OK, "minute_template", {"file": minute}))
    except TemplateError as error:
        found.append(Finding(Level.BLOCK, "minute_template_bad", {"file": minute, "why": error.sentence}))
    except Exception:  # noqa: BLE001 - whatever python-docx raises, the minute could not be written
        why = t("setup.doctor.minute_template_unloadable", lang)
        found.append(Finding(Level.BLOCK, "minute_template_bad", {"file": minute, "why": why}))
    templates = meeting_templates()
    for name, path in templates.items():
        try:
            parse_meeting(path.read_bytes(), path)
        except (StoreError, OSError):
            found.append(Finding(Level.WARN, "meeting_template_bad", {"name": name, "file": path}))
    if DEFAULT_TEMPLATE not in templates:
        found.append(Finding(Level.BLOCK, "meeting_template_missing", {"name": DEFAULT_TEMPLATE}))
    return found


def check_settings() -> list[Finding]:
    """Problems in the settings files; an organisation's folder that other accounts could change (its
    template and data-protection details go into every user's minutes)."""
    from ..config import load_config
    from ..resources import site_dirs

    config = load_config()
    found = []
    if config.problems:
        found.append(Finding(Level.WARN, "settings_problems", {"count": len(config.problems)}))
    for folder in site_dirs():
        if not folder.is_dir():
            continue
        open_to_all = [p for p in (folder, *folder.rglob("*")) if p.stat().st_mode & 0o022]
        if open_to_all:
            found.append(Finding(Level.WARN, "site_writable", {"folder": folder, "count": len(open_to_all)}))
    return found or [Finding(Level.OK, "settings")]


def check_disk() -> list[Finding]:
    from ..paths import home

    where = _existing(home())
    free = shutil.disk_usage(where).free
    params = {"free": free // MB, "folder": where}
    if free < DISK_BLOCKS:
        return [Finding(Level.BLOCK, "disk_full", params)]
    if free < DISK_WARNS:
        return [Finding(Level.WARN, "disk_low", params)]
    return [Finding(Level.OK, "disk", params)]


def diagnose(lang: str | None = None, env: dict[str, str] | None = None) -> list[Finding]:
    from ..config import load_config

    env = dict(os.environ if env is None else env)
    keymap = load_config().keymap
    return [
        *check_terminal(env), *check_locale(), *check_keys(env, keymap), *check_libreoffice(),
        *check_data_folder(), *check_templates(lang), *check_settings(), *check_disk(),
    ]


def report(findings: list[Finding], lang: str | None, width: int | None = None) -> list[str]:
    """The lines to print: each finding with its mark, each problem followed by its fix; with `width`,
    wrapped between words to that many columns, each part indented under its own start (the terminal
    itself cut « l'interf / ace » wherever the line reached its edge)."""
    lines = [*_wrapped(t("setup.doctor.header", lang), "", "", width)]
    for finding in findings:
        mark = t(f"setup.doctor.level.{finding.level.value}", lang)
        under = " " * (2 + len(mark))
        lines += _wrapped(finding.sentence(lang), f"  {mark}", under, width)
        fix = finding.fix(lang)
        if fix:
            lines += _wrapped(fix, f"{under}→ ", f"{under}  ", width)
    blocking = sum(f.level is Level.BLOCK for f in findings)
    lines += _wrapped(t("setup.doctor.blocking", lang, count=blocking) if blocking
                      else t("setup.doctor.nothing_blocks", lang), "", "", width)
    return lines


def _wrapped(text: str, first: str, then: str, width: int | None) -> list[str]:
    """`text` after `first`, its following lines after `then`, cut between words to `width` columns.
    A word longer than the line (a path, a command) is never cut: copied from the screen, it must work."""
    if not width:
        return [first + text]
    import textwrap

    for loose, bound in KEPT_TOGETHER:
        text = text.replace(loose, bound)
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=then,
                         break_long_words=False, break_on_hyphens=False) or [first]


NBSP = "\u00a0"
KEPT_TOGETHER = [("« ", "«" + NBSP), (" »", NBSP + "»"), (" :", NBSP + ":"), (" ;", NBSP + ";"),
                 (" ?", NBSP + "?"), (" !", NBSP + "!")]
"""French puts a space before « : ; ? ! » and inside « »: a line never starts with one of them (the space
becomes a no-break space, which textwrap does not cut at)."""


def terminal_width() -> int | None:
    """The columns of the terminal the report is printed to (None: not a terminal, lines left whole)."""
    size = _terminal_size()
    return size.columns if size is not None and size.columns > 0 else None
