"""The Textual interface. Nothing here imports textual at module level: `run` scrubs the environment
first (TEXTUAL_LOG, TEXTUAL_SCREENSHOT... would record the meeting), then imports the app."""

from __future__ import annotations

from pathlib import Path


def run(path: Path | None, *, lang: str | None = None, theme: str | None = None) -> int:
    """Open `path` (or the launcher when None) in the terminal; return the program's exit code."""
    from .safety import scrub_environment

    scrub_environment()
    from .app import ConcertationApp

    app = ConcertationApp(path, lang=lang, theme=theme)
    try:
        result = app.run()
    finally:
        app.release_lock()
    code = app.return_code
    if code is None:
        code = result if isinstance(result, int) else 0
    return int(code)


__all__ = ["run"]
