"""The Textual interface. Nothing here imports textual at module level: `run` scrubs the environment
first (TEXTUAL_LOG, TEXTUAL_SCREENSHOT... would record the meeting), then imports the app."""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None, *, lang: str | None = None, theme: str | None = None, preloaded=None,
        config=None) -> int:
    """Open `path` (or the launcher when None) in the terminal; return the program's exit code.
    `preloaded`: the meeting already read from `path` (`store.Preloaded`), used if the file is unchanged;
    `config`: the settings as the command line read them (`config.Config`), else they are read here."""
    from .allocator import frugal_allocator
    from .safety import scrub_environment

    frugal_allocator()  # before the app's first thread
    scrub_environment()
    from .app import ConcertationApp

    if config is None:
        from ..config import load_config

        config = load_config()
    if not theme and not config.theme:
        theme = _theme_for_terminal()
    app = ConcertationApp(path, lang=lang, theme=theme, config=config, preloaded=preloaded)
    try:
        result = app.run()
    finally:
        app.release_lock()
    code = app.return_code
    if code is None:
        code = result if isinstance(result, int) else 0
    return int(code)


def show(path: Path, *, lang: str | None = None, theme: str | None = None, config=None) -> int:
    """The room's screen: follow `path`, read-only, until closed; return the program's exit code.
    `config`: the settings as the command line read them, else they are read here."""
    from .allocator import frugal_allocator
    from .safety import scrub_environment

    frugal_allocator()
    scrub_environment()
    from .room import RoomApp

    if config is None:
        from ..config import load_config

        config = load_config()
    if not theme and not config.theme:
        theme = _theme_for_terminal()
    app = RoomApp(path, lang=lang or config.language, theme=theme or config.theme)
    result = app.run()
    code = app.return_code
    if code is None:
        code = result if isinstance(result, int) else 0
    return int(code)


def _theme_for_terminal() -> str | None:
    """With 16 colours (the Linux console, TERM=screen or xterm, ssh without COLORTERM on some servers)
    Textual's default theme is approximated into uneven greys: the terminal's own palette reads better.
    None (the configured or default theme) otherwise."""
    import os

    if os.environ.get("NO_COLOR"):
        return None
    from rich.console import Console

    system = Console(force_terminal=True).color_system
    return "ansi-dark" if system in ("standard", "windows") else None


__all__ = ["run", "show"]
