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

The parsed sources are also kept between runs (`ParsedOnDisk`, in the cache folder): Textual's CSS
parser is slow (about 35 ms of CPU at each start for our stylesheet and the widgets' default CSS, a
tenth of a bare Textual app's whole start), and the sources only change with the program. Each entry
is found by a digest of everything its parse depends on (the text, where it comes from, its rank, the
theme's variables) and Textual's version; a cache that cannot be read is ignored and written anew.

Private Textual API used (pinned textual==8.2.8; tests/test_tui_stylesheet.py fails if one moves):
`Stylesheet._parse_rules`, `reparse`'s body, `_variables`, `_invalid_css`, `_rules`, `_rules_map`,
`_require_parse`.
"""

from __future__ import annotations

import hashlib
import pickle
import textual
from pathlib import Path

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

PARSED_SOURCES = 1024
"""Parsed sources kept: about 100 sources per theme, and a session rarely sees more than a few themes."""


DISK_ENTRIES = 2000
"""Parsed sources kept on disk at most (about 100 per theme): beyond, the cache starts afresh."""
CACHE_FILE = "stylesheet.pickle"


class ParsedOnDisk:
    """Parsed CSS sources kept in a file between runs, found by the digest of what their parse depends on.

    The file is the program's own (0600 in a 0700 folder, never a link, never another user's): it is
    read with pickle, as Python reads its own compiled modules from its cache."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._rules: dict[str, list[RuleSet]] | None = None
        self._new = False

    def _loaded(self) -> dict[str, list[RuleSet]]:
        if self._rules is None:
            self._rules = {}
            if self.path is not None:
                try:
                    from ..store import owned_by_someone_else, read_regular

                    if not owned_by_someone_else(self.path):
                        found = pickle.loads(read_regular(self.path, follow=False))
                        if isinstance(found, dict) and found.get("textual") == textual.__version__:
                            self._rules = dict(found["rules"])
                except Exception:  # noqa: BLE001 - missing, damaged, from another version: parsed again
                    self._rules = {}
        return self._rules

    def get(self, digest: str) -> list[RuleSet] | None:
        return self._loaded().get(digest)

    def put(self, digest: str, rules: list[RuleSet]) -> None:
        found = self._loaded()
        if len(found) >= DISK_ENTRIES:
            found.clear()
        found[digest] = rules
        self._new = True

    def save(self) -> None:
        """Write the file if sources were parsed since it was read (any thread: the rules are never
        changed once parsed, and the dict is copied at once). A failure only means parsing next time."""
        if not self._new or self.path is None or self._rules is None:
            return
        self._new = False
        try:
            from ..store import write_private

            data = pickle.dumps({"textual": textual.__version__, "rules": dict(self._rules)},
                                protocol=pickle.HIGHEST_PROTOCOL)
            write_private(self.path, data)
        except Exception:  # noqa: BLE001 - the cache is only a cache
            pass


def disk_cache() -> ParsedOnDisk:
    """The parsed sources kept in the user's cache folder."""
    try:
        from ..paths import cache_dir

        return ParsedOnDisk(cache_dir() / CACHE_FILE)
    except Exception:  # noqa: BLE001 - no cache folder: parse every time
        return ParsedOnDisk(None)


class ParsedOnceStylesheet(Stylesheet):
    """A Textual `Stylesheet` whose parsed sources outlive `reparse` and `set_variables`."""

    def __init__(self, *, variables: dict[str, str] | None = None,
                 parsed: LRUCache[tuple, list[RuleSet]] | None = None,
                 variable_sets: dict[tuple, tuple[int, str]] | None = None,
                 disk: ParsedOnDisk | None = None) -> None:
        super().__init__(variables=variables)
        self._parsed: LRUCache[tuple, list[RuleSet]] = parsed if parsed is not None else LRUCache(PARSED_SOURCES)
        self._variable_sets: dict[tuple, tuple[int, str]] = variable_sets if variable_sets is not None else {}
        self.disk = disk
        """The parsed sources kept between runs (None: this run's only)."""
        self._variables_id, self._variables_digest = self._id_of(self._variables)

    def _id_of(self, variables: dict[str, str]) -> tuple[int, str]:
        """A small number naming this set of variables (hashing them for every source would cost more
        than it saves), and their digest (what names them on disk)."""
        items = tuple(sorted(variables.items()))
        found = self._variable_sets.get(items)
        if found is None:
            found = (len(self._variable_sets), hashlib.sha256(repr(items).encode()).hexdigest())
            self._variable_sets[items] = found
        return found

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._variables_id, self._variables_digest = self._id_of(variables)

    def _parse_rules(self, css: str, read_from: CSSLocation, is_default_rules: bool = False,
                     tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
        key = (self._variables_id, css, read_from, is_default_rules, tie_breaker, scope)
        rules = self._parsed.get(key)
        if rules is None:
            digest = ""
            if self.disk is not None:
                digest = hashlib.sha256(repr((self._variables_digest, css, read_from, is_default_rules,
                                              tie_breaker, scope)).encode()).hexdigest()
                rules = self.disk.get(digest)
            if rules is None:
                rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
                if self.disk is not None:
                    self.disk.put(digest, rules)
            self._parsed.set(key, rules)
        return rules

    def reparse(self) -> None:
        """Textual's `reparse` (parse into a new stylesheet, so an error leaves this one as it was),
        the new stylesheet sharing the parsed sources."""
        fresh = ParsedOnceStylesheet(variables=self._variables, parsed=self._parsed,
                                     variable_sets=self._variable_sets, disk=self.disk)
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
