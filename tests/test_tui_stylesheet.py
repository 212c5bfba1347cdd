"""The app's stylesheet parses each CSS source once per set of theme variables (tui/stylesheet.py), and
styles what it shows exactly as Textual's own stylesheet does."""

from __future__ import annotations

import inspect

from test_tui_prebuild import all_built
from test_tui_support import Clock, demo_file, settle
from textual.css.stylesheet import Stylesheet

from concertation_tui.tui.app import ConcertationApp
from concertation_tui.tui.stylesheet import ParsedOnceStylesheet


def counting(monkeypatch) -> list[tuple]:
    """Every source Textual really parses (its own `_parse_rules`, under our cache), with what its
    rules depend on: its text, its rank among a widget's classes (the same default CSS is ranked
    differently for each widget class that inherits it), its scope and the theme's variables."""
    parsed: list[tuple] = []
    original = Stylesheet._parse_rules

    def parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        parsed.append((read_from, hash(css), tie_breaker, scope, tuple(sorted(self._variables.items()))))
        return original(self, css, read_from, is_default_rules, tie_breaker, scope)

    monkeypatch.setattr(Stylesheet, "_parse_rules", parse_rules)
    return parsed


def test_the_private_textual_api_it_relies_on_is_there() -> None:
    """Textual is pinned (8.2.8); should these move, this fails before the app parses wrongly."""
    assert list(inspect.signature(Stylesheet._parse_rules).parameters) == [
        "self", "css", "read_from", "is_default_rules", "tie_breaker", "scope"]
    sheet = Stylesheet(variables={"primary": "red"})
    for name in ("_variables", "_invalid_css", "_rules", "_rules_map", "_require_parse", "source"):
        assert hasattr(sheet, name), name
    assert "Stylesheet(variables=self._variables)" in inspect.getsource(Stylesheet.reparse)


async def test_opening_and_switching_steps_parse_each_source_once(monkeypatch) -> None:
    parsed = counting(monkeypatch)
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.stylesheet, ParsedOnceStylesheet) and app.current_mode == "live"
        assert len(parsed) == len(set(parsed)), "a source was parsed twice before the first frame"
        seen = len(parsed)
        for key in ("f2", "f3", "f4", "f2"):
            await pilot.press(key)
            await settle(app, pilot)
        again = parsed[seen:]
        assert len(again) == len(set(again)) and not set(again) & set(parsed[:seen])


async def test_a_new_theme_is_parsed_with_its_colours_and_styles_as_textual_does(monkeypatch) -> None:
    parsed = counting(monkeypatch)
    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await all_built(app, pilot)  # the steps built ahead in idle time bring their own CSS first
        first = app.theme
        before = len(parsed)
        app.theme = "high-contrast"
        await settle(app, pilot)
        assert len(parsed) > before  # new variables: parsed again, not taken from the cache
        # what the cache gives is what Textual's own stylesheet gives from the same sources
        plain = Stylesheet(variables=app.stylesheet._variables)
        for read_from, (css, is_default, tie_breaker, scope) in app.stylesheet.source.items():
            plain.add_source(css, read_from=read_from, is_default_css=is_default, tie_breaker=tie_breaker, scope=scope)
        assert [(rule.selectors, repr(rule.styles.get_rules())) for rule in plain.rules] == [
            (rule.selectors, repr(rule.styles.get_rules())) for rule in app.stylesheet.rules]
        back = len(parsed)
        app.theme = first
        await settle(app, pilot)
        assert len(parsed) == back  # the first theme's sources were kept
