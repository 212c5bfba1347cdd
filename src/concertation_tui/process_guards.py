"""The process's own guards against leaks, before anything else runs: the environment Textual would read,
and Python's last-resort error reports. Headless: imports neither textual nor rich, nor the interface.

`scrub_environment()` removes the TEXTUAL* variables that write the screen or the keys somewhere or
replay keys (TEXTUAL_LOG, TEXTUAL_SCREENSHOT*, TEXTUAL_DEVTOOLS*, TEXTUAL=devtools/debug,
TEXTUAL_DRIVER, TEXTUAL_PRESS, TEXTUAL_ALLOW_SIGNALS, ...): every TEXTUAL* variable goes except a few
purely visual ones (`KEPT_TEXTUAL_VARIABLES`), so a variable added by a later Textual is removed by
default. `install_quiet_hooks()` makes Python's own last-resort reports (uncaught exception, exception
in a thread or a `__del__`) name only the class. The command line calls both first (cli.entry), before
anything imports textual (textual.constants reads the environment once, at import); the interface's
safety (tui/safety.py) calls them again and writes its crash message with `crash_message`.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

KEPT_TEXTUAL_VARIABLES = frozenset({
    "TEXTUAL_ANIMATIONS",
    "TEXTUAL_COLOR_SYSTEM",
    "TEXTUAL_DIM_FACTOR",
    "TEXTUAL_DISABLE_KITTY_KEY",
    "TEXTUAL_FPS",
    "TEXTUAL_SMOOTH_SCROLL",
    "TEXTUAL_SPEEDUPS",
    "TEXTUAL_THEME",
})
"""TEXTUAL* variables that only change how the screen looks; every other one is removed."""

# The crash message. Kept here rather than in the catalogue so that the crash path depends on as
# little as possible; the words are plain and name no meeting content.
MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "crash": "concertation s'est arrêté sur une erreur interne ({name}).",
        "saved": "La réunion a été enregistrée jusqu'à la dernière modification : rouvrez-la pour continuer.",
        "saved_typing": "La réunion a été enregistrée, avec le texte qui était en cours de saisie : rouvrez-la, il sera dans la zone de saisie.",
        "not_saved": "La réunion n'a pas pu être enregistrée : le dernier enregistrement automatique est conservé.",
        "not_saved_at": "La réunion n'a pas pu être enregistrée : le fichier garde l'état de {time}.",
        "signal_not_saved": "concertation s'est arrêté ({name}) sans pouvoir enregistrer la réunion : {reason}",
        "not_utf8": "Votre terminal n'envoie pas ses caractères en UTF-8 : les accents peuvent être mal lus. Réglez-le sur UTF-8 (PuTTY : Window > Translation > UTF-8).",
        "report": "Signalez ce problème à la personne qui gère l'outil dans votre service, en citant « {name} ».",
        "terminal_stopped": "concertation s'est arrêté : votre terminal ne répondait plus depuis quelques secondes (connexion coupée, fenêtre figée ou ordinateur en veille).",
    },
    "en": {
        "crash": "concertation stopped on an internal error ({name}).",
        "saved": "The meeting was saved up to the last change: open it again to carry on.",
        "saved_typing": "The meeting was saved, with the text that was being typed: open it again, it will be in the typing area.",
        "not_saved": "The meeting could not be saved: the last automatic save is kept.",
        "not_saved_at": "The meeting could not be saved: the file holds its state of {time}.",
        "signal_not_saved": "concertation stopped ({name}) without being able to save the meeting: {reason}",
        "not_utf8": "Your terminal does not send its characters as UTF-8: accents may be misread. Set it to UTF-8 (PuTTY: Window > Translation > UTF-8).",
        "report": "Please report this to whoever looks after the tool in your service, quoting \"{name}\".",
        "terminal_stopped": "concertation stopped: your terminal had not responded for a few seconds (a dropped connection, a frozen window or a computer gone to sleep).",
    },
    "nl": {
        "crash": "concertation is gestopt door een interne fout ({name}).",
        "saved": "Het overleg is bewaard tot de laatste wijziging: open het opnieuw om verder te gaan.",
        "saved_typing": "Het overleg is bewaard, met de tekst die u aan het typen was: open het opnieuw, hij staat in het typvak.",
        "not_saved": "Het overleg kon niet bewaard worden: de laatste automatische bewaring blijft behouden.",
        "not_saved_at": "Het overleg kon niet bewaard worden: het bestand bevat de stand van {time}.",
        "signal_not_saved": "concertation is gestopt ({name}) zonder het overleg te kunnen bewaren: {reason}",
        "not_utf8": "Uw terminal stuurt zijn tekens niet in UTF-8: accenten kunnen verkeerd gelezen worden. Zet hem op UTF-8 (PuTTY: Window > Translation > UTF-8).",
        "report": "Meld dit probleem aan wie het programma in uw dienst beheert, en vermeld ‘{name}’.",
        "terminal_stopped": "concertation is gestopt: uw terminal reageerde al enkele seconden niet meer (verbinding verbroken, venster vastgelopen of computer in slaapstand).",
    },
}


# -- environment ----------------------------------------------------------------------------------


def scrub_environment() -> None:
    """Remove from os.environ the TEXTUAL* variables that could record or replay the session.

    Call before textual is imported: textual.constants reads them once, at import.
    """
    for name in list(os.environ):
        if name.upper().startswith("TEXTUAL") and name.upper() not in KEPT_TEXTUAL_VARIABLES:
            del os.environ[name]


def install_quiet_hooks(language: str | None = None) -> None:
    """Make Python's own last-resort reports name only the exception's class.

    An exception that escapes everything (in the CLI around the app, in a plain thread, in a
    `__del__`) is otherwise printed by Python with its message, and a message may quote data (a
    pydantic error quotes the input). Replaces `sys.excepthook` and `threading.excepthook` with
    the crash sentence (class name only) on stderr, and silences `sys.unraisablehook`. The CLI
    calls it right after `scrub_environment()`; the mixin calls it again when the app starts in a
    real terminal. Process-wide: never called under run_test.
    """

    def tell(error: BaseException | type[BaseException] | None) -> None:
        kind = error if isinstance(error, type) else type(error)
        if error is None or issubclass(kind, (SystemExit, KeyboardInterrupt)):
            return
        with contextlib.suppress(Exception):
            print(crash_message(error, language, None), file=sys.__stderr__, flush=True)

    def excepthook(kind, value, tb) -> None:  # noqa: ANN001
        tell(value if isinstance(value, BaseException) else kind)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        tell(args.exc_value if args.exc_value is not None else args.exc_type)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    sys.unraisablehook = lambda unraisable: None


# -- the crash message ------------------------------------------------------------------------------


def error_name(error: BaseException | type[BaseException] | None) -> str:
    """The exception's class name, and nothing else (a WorkerFailed's inner class: its message
    embeds `repr(error)`)."""
    if isinstance(error, type):
        return error.__name__
    if error is None:
        return "Exception"
    inner = getattr(error, "error", None) if type(error).__name__ == "WorkerFailed" else None
    return type(inner if isinstance(inner, BaseException) else error).__name__


def crash_message(error: BaseException | type[BaseException] | None, language: str | None,
                  saved: bool | None, *, typing: bool = False, kept: str = "") -> str:
    """The lines shown after a crash: the error's class only, exactly what was saved, who to tell.

    `saved` is None when no meeting was open (or it is not this session's to write); `typing` says
    that the saved file holds text that was in the typing area; `kept` is the time (HH:MM:SS) of the
    state the file holds when the last save failed.
    """
    from concertation_tui.i18n import resolve_language

    words = MESSAGES.get(resolve_language(language), MESSAGES["fr"])
    name = error_name(error)
    lines = [words["crash"].format(name=name)]
    if saved:
        lines.append(words["saved_typing"] if typing else words["saved"])
    elif saved is not None:
        lines.append(words["not_saved_at"].format(time=kept) if kept else words["not_saved"])
    lines.append(words["report"].format(name=name))
    return "\n".join(lines)


def message(name: str, language: str | None, **values: str) -> str:
    """One of the safety module's own sentences, in the app's language."""
    from concertation_tui.i18n import resolve_language

    words = MESSAGES.get(resolve_language(language), MESSAGES["fr"])
    return words[name].format(**values)
