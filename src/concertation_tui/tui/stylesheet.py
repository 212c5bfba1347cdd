"""The app's stylesheet, each CSS source parsed once per set of theme variables.

Textual 8.2.8 parses every CSS source again (our `app.tcss` and the default CSS of every widget
class) each time the stylesheet changes: when a widget class is mounted for the first time, and twice
when a step's screen is first shown (`App._init_mode` and `App.switch_mode` both call `refresh_css`,
whose `reparse` starts from a new, empty `Stylesheet`). Its own cache holds 64 parsed sources, fewer
than the app parses (about 100: a widget class's default CSS counts once for each rank it takes among
the classes of the widgets using it), and is emptied by every `refresh_css`. Opening a meeting parsed the
whole CSS eight times before the first frame (about a quarter of the time from `open_meeting` to the
first frame).

Here a parsed source is kept, with the variables it was parsed with (a theme's colours), for the
life of the app: a source is parsed again only when its text or the variables changed. What a parse
returns is what Textual's own cache already shares between parses (a list of `RuleSet`), so nothing
new is shared.

Private Textual API used (pinned textual==8.2.8; tests/test_tui_stylesheet.py fails if one moves):
`Stylesheet._parse_rules`, `reparse`'s body, `_variables`, `_invalid_css`, `_rules`, `_rules_map`,
`_require_parse`.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

PARSED_SOURCES = 1024
"""Parsed sources kept: about 100 sources per theme, and a session rarely sees more than a few themes."""


class ParsedOnceStylesheet(Stylesheet):
    """A Textual `Stylesheet` whose parsed sources outlive `reparse` and `set_variables`."""

    def __init__(self, *, variables: dict[str, str] | None = None,
                 parsed: LRUCache[tuple, list[RuleSet]] | None = None,
                 variable_sets: dict[tuple, int] | None = None) -> None:
        super().__init__(variables=variables)
        self._parsed: LRUCache[tuple, list[RuleSet]] = parsed if parsed is not None else LRUCache(PARSED_SOURCES)
        self._variable_sets: dict[tuple, int] = variable_sets if variable_sets is not None else {}
        self._variables_id = self._id_of(self._variables)

    def _id_of(self, variables: dict[str, str]) -> int:
        """A small number naming this set of variables (hashing them for every source would cost more
        than it saves)."""
        return self._variable_sets.setdefault(tuple(sorted(variables.items())), len(self._variable_sets))

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_id = self._id_of(variables)

    def _parse_rules(self, css: str, read_from: CSSLocation, is_default_rules: bool = False,
                     tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
        key = (self._variables_id, css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._parsed.get(key)
        if rules is None:
            rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self._parsed.set(key, rules)
        return rules

    def reparse(self) -> None:
        """Textual's `reparse` (parse into a new stylesheet, so an error leaves this one as it was),
        the new stylesheet sharing the parsed sources."""
        fresh = ParsedOnceStylesheet(variables=self._variables, parsed=self._parsed,
                                     variable_sets=self._variable_sets)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker,
                             scope=scope)
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
