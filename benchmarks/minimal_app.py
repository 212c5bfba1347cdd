"""Reference: the smallest Textual app a meeting tool could be (Header, Footer, one TextArea).

Run as a program: `python benchmarks/minimal_app.py`. It shows the word MINIMAL in its header so the
benchmark sees its first frame.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, TextArea


class MinimalApp(App):
    TITLE = "MINIMAL"

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(id="text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    MinimalApp().run()
