"""Reference: the smallest Textual app a meeting tool could be (Header, Footer, one TextArea), with
two such screens and ctrl+PgDn to switch between them (the reference for an item change).

Run as a program: `python benchmarks/minimal_app.py`. It shows the word MINIMAL in its header so the
benchmark sees its first frame.
"""

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, TextArea

TEXT = "\n".join(f"Ligne {n} : ce qui a été dit sur ce point, par qui, et ce qui a été décidé." for n in range(12))


class Page(Screen):
    """One screen of the minimal app: what a switch between two screens redraws."""

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(f"Page {self.number}\n{TEXT}", id="text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


class MinimalApp(App):
    TITLE = "MINIMAL"
    BINDINGS = [("ctrl+pagedown", "switch", "Switch screen")]
    MODES = {"one": lambda: Page(1), "two": lambda: Page(2)}

    def on_mount(self) -> None:
        self.switch_mode("one")

    def action_switch(self) -> None:
        self.switch_mode("two" if self.current_mode == "one" else "one")


if __name__ == "__main__":
    MinimalApp().run()
