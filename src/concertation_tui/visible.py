"""One rule for text that came from a file and is printed or drawn: nothing in it can act on the terminal.

A key name, a file name or a value read from a file may hold an escape sequence (`\\x1b]2;...`) that
would set the terminal's title or clear the screen, a bidi override that reorders what is read, or a
lone surrogate that cannot even be encoded. `visible()` writes each of these as a visible escape
(`\\x1b`, `\\u202e`), so the CLI and the interface show the same harmless text. No Textual here: the
headless commands import it too.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _hidden(char: str) -> bool:
    """Characters that act instead of being shown: controls (C0, DEL, C1), format characters (bidi
    overrides, zero-width joiners), line/paragraph separators, surrogates and unassigned code points."""
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: object) -> str:
    """`text` (a str, a Path, anything) with every character that could act on a terminal shown as an
    escape; plain text (accents, emoji, CJK) is left as it is. A backslash is doubled only when the
    text holds something escaped, so that ordinary Windows-like paths read unchanged."""
    text = str(text)
    if not any(_hidden(char) for char in text):
        return text
    return "".join(_escape(char) if _hidden(char) or char == "\\" else char for char in text)
