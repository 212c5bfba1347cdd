"""A long list wraps only what it shows, and every option stays reachable (issue 16, widgets.Choices).

Textual wraps every option of an OptionList to know its height: the rereading of a very large meeting
(6,000 lines) and the other steps' 400 to 1,700 findings cost seconds at each first drawing. Counted
here: how many options were wrapped, not how long it took."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from concertation_tui.tui.widgets import WRAP_ALL_UP_TO, Choices
from test_tui_support import screen_text

LONG = "Une note assez longue pour tenir sur deux lignes dans une liste de quarante colonnes de large"


class ListApp(App):
    CSS = "Choices { height: 10; width: 40; } #auto { height: auto; max-height: 4; }"

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield Choices(*[Option(f"{n} {LONG}", id=f"o{n}") for n in range(self.count)], id="long")
        yield Choices(*[Option(f"{n} {LONG}", id=f"a{n}") for n in range(self.count)], id="auto")


async def test_a_long_list_wraps_what_it_shows_and_reaches_its_last_option() -> None:
    app = ListApp(1500)
    async with app.run_test(size=(80, 24)) as pilot:
        choices = app.query_one("#long", Choices)
        choices.focus()
        await pilot.pause()
        assert 0 < len(choices._line_cache.heights) < 100  # a screen or three, not 1,500
        assert "0 Une note" in screen_text(app)
        await pilot.press("pagedown", "pagedown")
        assert choices.highlighted is not None and choices.highlighted >= 4  # options of 4 lines, a box of 10
        await pilot.press("end")
        await pilot.pause()
        assert choices.highlighted == 1499
        assert "1499 Une note" in screen_text(app)
        choices.highlighted = 0
        choices.scroll_end(animate=False)
        await pilot.pause()
        assert len(choices._line_cache.heights) == 1500  # the true end, not the estimated one
        assert choices.scroll_y == choices.max_scroll_y == choices.virtual_size.height - choices.size.height
        assert "1499 Une note" in screen_text(app)
        # the list of auto height (and a max-height) was measured as far as a screen only
        auto = app.query_one("#auto", Choices)
        assert 0 < auto.outer_size.height <= 4 and auto.max_scroll_y > 0  # it scrolls in its box
        assert len(auto._line_cache.heights) < 100


async def test_a_short_list_is_wrapped_whole_as_textual_does() -> None:
    app = ListApp(WRAP_ALL_UP_TO)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        choices = app.query_one("#long", Choices)
        assert len(choices._line_cache.heights) == WRAP_ALL_UP_TO
        assert choices.virtual_size.height == sum(choices._line_cache.heights.values()) > WRAP_ALL_UP_TO
