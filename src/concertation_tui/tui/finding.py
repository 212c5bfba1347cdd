"""Type-to-find in lists: typing the start of a name jumps to it.

A facilitator with eight people waiting chooses a carrier by typing « So » for Sophie, not by
counting Down presses. The same rule serves every list where one picks something (a drop-down,
closed or open, and the lists where several are ticked):

- letters typed within `RESET_SECONDS` of each other make one search (« so », then « soph »);
- an option whose text starts with the search wins over one where a later word does (« ma » finds
  « Marc Dubois » before « Dr Marc Dubois », and « Dr Marc Dubois » when no name starts so);
- accents and case do not count (« ce » finds « Céline »);
- the same letter again goes on to the next option starting with it (« s », « s »: the second S).

Textual 8.2.8's own Select searches only plain `str`/`Text` prompts (ours are `Content`, never
parsed as markup), and only once opened; its closed control ignores letters.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Sequence

from textual import events
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from .text import tr

RESET_SECONDS = 1.0
"""A pause longer than this starts a new search (Textual's own overlay uses 0.7 s: a little short
for someone looking at the room between two letters)."""


def folded(text: str) -> str:
    """Lower case without accents: what typed letters are compared with."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_text(prompt: object) -> str:
    """The text of an option's prompt, whatever it is made of (str, Content, rich Text)."""
    if isinstance(prompt, str):
        return prompt
    plain = getattr(prompt, "plain", None)
    return plain if isinstance(plain, str) else ""


def find_match(texts: Sequence[str], query: str, current: int | None = None) -> int | None:
    """The index of the option `query` designates, or None.

    A query made of one letter repeated (« ss ») steps through the options starting with that letter,
    from the one after `current`."""
    wanted = folded(query).strip()
    if not wanted:
        return None
    labels = [folded(text).strip() for text in texts]
    if len(set(wanted)) == 1 and len(wanted) > 1:
        wanted = wanted[0]  # the same letter again: the next option starting with it
        start = current + 1 if current is not None else 0
    elif len(wanted) == 1:
        start = current + 1 if current is not None else 0
    else:
        start = 0
    order = [*range(start, len(labels)), *range(0, start)]
    for index in order:  # the text starts with it
        if labels[index].startswith(wanted):
            return index
    for index in order:  # a later word starts with it (« Dr Marc », « Mme Anne »)
        if any(word.startswith(wanted) for word in labels[index].split()[1:]):
            return index
    return None


class TypedSearch:
    """The letters typed so far, forgotten after a pause."""

    def __init__(self) -> None:
        self.query = ""
        self._last = 0.0
        self.told = False
        """This search found nothing and it was said (once a search, not at every letter)."""

    def add(self, character: str, typed_at: float | None = None) -> str:
        """`typed_at`: when the key was typed (the key event's `time`, on the monotonic clock). A
        lagging app takes held keys a second or more apart: « cl » typed at once must stay one search
        (it was read as « c », then « l » alone, and the speaker chosen by « cl » never was)."""
        moment = time.monotonic() if typed_at is None else typed_at
        if moment - self._last > RESET_SECONDS:
            self.query = ""
            self.told = False
        self._last = moment
        self.query += character
        return self.query

    @property
    def active(self) -> bool:
        """Letters were typed a moment ago (a space then belongs to the search: « Anne M »)."""
        return bool(self.query) and time.monotonic() - self._last <= RESET_SECONDS

    def clear(self) -> None:
        self.query = ""
        self.told = False


class FindOverlay(SelectOverlay):
    """The opened drop-down: its search understands our prompts and the start of each word."""

    def _find_search_match(self, query: str) -> int | None:
        texts = [plain_text(option.prompt) for option in self._options]
        if len(set(folded(query))) == 1:
            return find_match(texts, query, self.highlighted)
        return find_match(texts, query)


class FindSelect(Select):
    """A drop-down where typing the start of an option, even closed, chooses it.

    Closed: letters choose at once (the value changes, nothing opens); Down, Up or Space open the
    list. Enter is left to the form (it saves it: see FormDialog.check_action)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._search = TypedSearch()

    def compose(self):
        from textual.widgets._select import SelectCurrent

        yield SelectCurrent(self.prompt)
        yield FindOverlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)

    def option_texts(self) -> list[str]:
        return [plain_text(prompt) if value is not Select.NULL else "" for prompt, value in self._options]

    def _current_index(self) -> int | None:
        for index, (_prompt, value) in enumerate(self._options):
            if value == self.value and value is not Select.NULL:
                return index
        return None

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable()

    async def _on_key(self, event: events.Key) -> None:
        if self.expanded or not event.is_printable or not event.character:
            return
        if event.character == " " and not self._search.active:
            return  # Space opens the list (Select's own binding)
        event.stop()
        event.prevent_default()
        query = self._search.add(event.character, event.time)
        texts = self.option_texts()
        index = find_match(texts, query, self._current_index())
        if index is not None:
            self.value = self._options[index][1]
            return
        self.app.bell()  # often silent over SSH: the letters must not vanish without a word
        if not self._search.told:
            self._search.told = True
            said = tr("find.no_match", typed=query) if any(texts) else tr("find.empty")
            self.notify(said, severity="warning", markup=False)
