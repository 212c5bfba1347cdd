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


def test_parsed_sources_are_kept_on_disk_for_the_next_start(monkeypatch, tmp_path) -> None:
    """What a start parses is read back by the next start instead of parsed again, and styles the same."""
    from concertation_tui.tui.stylesheet import ParsedOnDisk

    path = tmp_path / "cache" / "stylesheet.pickle"
    variables = {"primary": "#004578", "foreground": "#e0e0e0"}
    css = "Screen { background: $primary; } #note { color: $foreground; height: 3; }"
    first = ParsedOnceStylesheet(variables=variables, disk=ParsedOnDisk(path))
    first.add_source(css, read_from=("app.tcss", ""))
    parsed = counting(monkeypatch)
    first.parse()
    assert len(parsed) == 1
    first.disk.save()
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700

    again = ParsedOnceStylesheet(variables=variables, disk=ParsedOnDisk(path))
    again.add_source(css, read_from=("app.tcss", ""))
    again.parse()
    assert len(parsed) == 1, "parsed again although kept on disk"
    assert [(rule.selectors, repr(rule.styles.get_rules())) for rule in again.rules] == [
        (rule.selectors, repr(rule.styles.get_rules())) for rule in first.rules]

    # other colours (another theme): parsed with them, never the rules of the first ones
    other = ParsedOnceStylesheet(variables={**variables, "primary": "#ff0000"}, disk=ParsedOnDisk(path))
    other.add_source(css, read_from=("app.tcss", ""))
    other.parse()
    assert len(parsed) == 2
    assert "#ff0000" in repr(other.rules[0].styles.get_rules()).lower() or \
        "255, 0, 0" in repr(other.rules[0].styles.get_rules())


def test_a_damaged_cache_is_parsed_again_and_written_anew(monkeypatch, tmp_path) -> None:
    from concertation_tui.tui.stylesheet import ParsedOnDisk

    path = tmp_path / "stylesheet.pickle"
    path.write_bytes(b"not a pickle at all")
    path.chmod(0o600)
    sheet = ParsedOnceStylesheet(variables={"primary": "blue"}, disk=ParsedOnDisk(path))
    sheet.add_source("Screen { background: $primary; }", read_from=("app.tcss", ""))
    parsed = counting(monkeypatch)
    sheet.parse()
    assert len(parsed) == 1 and sheet.rules
    sheet.disk.save()
    assert ParsedOnDisk(path).get(next(iter(sheet.disk._rules))) is not None


async def test_the_app_keeps_what_it_parsed_in_the_cache_folder(private_home) -> None:
    from concertation_tui.paths import cache_dir

    app = ConcertationApp(demo_file(), clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await wait_until(pilot, lambda: (cache_dir() / "stylesheet.pickle").exists())
    started = ConcertationApp(demo_file(), clock=Clock())
    assert started.stylesheet.disk.get is not None and started.stylesheet.disk._loaded(), "nothing read back"


async def wait_until(pilot, condition, rounds: int = 400) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("never happened")
