"""Interface words and safe text.

- `tr("key", **params)`: the interface sentence `tui.key` in the running app's language.
- `plain(text)`: meeting text (names, titles, contributions) as `Content` that is never parsed as
  markup: a name like "Jean [Dupont] [/]" shows as typed and cannot run an action.
- `Localized`: bindings are declared with catalogue keys as description and tooltip; the mixin puts
  the words of the app's language in their place when the widget is built.
"""

from __future__ import annotations

from dataclasses import replace
from enum import Enum

from rich.text import Text
from textual._context import active_app
from textual.binding import Binding, BindingsMap
from textual.content import Content

from ..i18n import label, resolve_language, t

KEY_PREFIX = "key."
TIP_PREFIX = "tip."


def current_lang() -> str:
    """The running app's language, on the UI thread. A worker thread has no running app in its context:
    it is handed the language when started and says its sentences with `tr_in`."""
    try:  # any App that says its language: ours, or a test's bare one
        return getattr(active_app.get(), "language", None) or resolve_language(None)
    except LookupError:  # no app: a thread, or the command line
        return resolve_language(None)


def tr(key: str, /, **params: object) -> str:
    return t(f"tui.{key}", current_lang(), **params)


def tr_in(lang: str, key: str, /, **params: object) -> str:
    """`tr` in a language given explicitly: what a worker thread says."""
    return t(f"tui.{key}", lang, **params)


def lbl(value: Enum) -> str:
    return label(value, current_lang())


def domains_short(domains) -> str:
    """A record's life domains in a few characters (« santé, revenus »), where notes are listed: what the
    consent will apply to it is seen beside it."""
    return ", ".join(tr(f"domain_short.{d.value}") for d in domains)


def plain(text: str) -> Content:
    """User text, shown exactly as typed (never parsed as markup)."""
    return Content(text)


def cell(text: str) -> Text:
    """A DataTable cell: a rich Text (measured for the column width, never parsed as markup)."""
    return Text(text, no_wrap=True, overflow="ellipsis")


def localize_bindings(bindings: BindingsMap, lang: str, *, hide_foreign: bool = False) -> BindingsMap:
    """A copy of `bindings` with catalogue keys replaced by words; with `hide_foreign`, bindings that
    are not ours (Textual's own English ones) are kept working but hidden from the help panel."""
    localized: dict[str, list[Binding]] = {}
    for key, found in bindings.key_to_bindings.items():
        out = []
        for binding in found:
            if binding.description.startswith(KEY_PREFIX):
                binding = replace(
                    binding,
                    description=t(f"tui.{binding.description}", lang),
                    tooltip=t(f"tui.{binding.tooltip}", lang) if binding.tooltip.startswith(TIP_PREFIX) else "",
                )
            elif hide_foreign and not binding.system:
                binding = replace(binding, system=True)
            out.append(binding)
        localized[key] = out
    return BindingsMap.from_keys(localized)


class Localized:
    """Mixin for any DOM node whose BINDINGS use catalogue keys (call `_localize()` in __init__)."""

    HIDE_FOREIGN_BINDINGS = False

    def _localize(self) -> None:
        self._bindings = localize_bindings(  # type: ignore[attr-defined]
            self._bindings, getattr(self, "language", None) or current_lang(), hide_foreign=self.HIDE_FOREIGN_BINDINGS  # type: ignore[attr-defined]
        )


def key(keys: str, action: str, name: str, *, show: bool = True, priority: bool = False,
        key_display: str | None = None, binding_id: str | None = None) -> Binding:
    """A binding whose words come from the catalogue: `key.<name>` and `tip.<name>`; its id is `name`."""
    return Binding(
        keys, action, KEY_PREFIX + name, show=show, priority=priority, key_display=key_display,
        tooltip=TIP_PREFIX + name, id=binding_id or name.replace("_", "-"),
    )


def quote(words: str) -> str:
    """Someone's words between quotation marks, quoted once, as the minute quotes them (i18n.quoted)."""
    from ..i18n import quoted

    return quoted(words, current_lang())


def colon() -> str:
    """' : ' in French, ': ' in English and Dutch (i18n.colon)."""
    from ..i18n import colon as colon_in

    return colon_in(current_lang())


def quote_parts(words: str, marks_style: str = "", words_style: str = "") -> list:
    """Someone's words between quotation marks drawn apart, for `Content.assemble`: the marks and the
    words each in their own style ('' for none)."""
    from ..i18n import quote_marks

    opening, closing = quote_marks(current_lang())
    styled = (lambda text, style: (text, style) if style else text)
    return [styled(opening, marks_style), styled(inner(words), words_style), styled(closing, marks_style)]


def inner(words: str) -> str:
    """Words to put between marks drawn apart (a bold « and »): quoted once, inner marks made “ ”."""
    from ..i18n import inside_quotes

    return inside_quotes(words, current_lang())
