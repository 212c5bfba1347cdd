"""What a text in a meeting may hold: what the minute can write, and no more than its limit.

What a minute can write decides what a file may hold, so that `check` and `minute` always agree:
XML 1.0 cannot carry the C0 controls other than tab, newline and carriage return, U+FFFE/U+FFFF or a
lone surrogate. DEL and the C1 controls, which XML could carry, are refused too: they act on
terminals and nobody types them. No I/O here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic_core import PydanticCustomError

UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
MAX_ID = 100
"""Longest id or reference (the program writes 12 characters)."""
MAX_SHORT = 300
"""Longest name, title, organisation, role, place, contact, file name..."""
MAX_TEXT = 20_000
"""Longest note, words of the person, action or any other free text (about eight pages)."""
SHORT_FIELDS = frozenset({
    "name", "title", "organisation", "role", "addressed_as", "link", "contact", "place", "carrier_label",
    "file_name", "locale", "sha256", "since", "by", "file_number",
})


def text_limit(field: str, in_list: bool = False) -> int:
    """The longest text a field may hold: ids (every list of strings in a meeting is a list of ids),
    short names and titles, or free text."""
    if in_list or field == "id" or field.endswith("_id"):
        return MAX_ID
    return MAX_SHORT if field in SHORT_FIELDS else MAX_TEXT


def check_text(value: str, field: str, in_list: bool = False) -> None:
    """Raise the validation error a file's problem sentence names (see store._PROBLEMS)."""
    if UNWRITABLE.search(value):
        raise PydanticCustomError("text_characters", "unwritable character")
    limit = text_limit(field, in_list)
    if len(value) > limit:
        raise PydanticCustomError("text_too_long", "text too long", {"length": len(value), "limit": limit})


def clean_text(value: str, field: str, in_list: bool = False) -> str:
    """`value` without the characters a minute cannot write, cut to its field's limit (the very same
    object when nothing changes: an enum member stays one)."""
    limit = text_limit(field, in_list)
    if len(value) <= limit and not UNWRITABLE.search(value):
        return value
    return UNWRITABLE.sub("", value)[:limit]


_UNWRITABLE_ESCAPED = re.compile(
    r"\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])"  # C0 (but tab, LF, CR), DEL, C1
    r"|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\u[fF]{3}[eEfF]"  # surrogates, U+FFFE/U+FFFF
    r"|\\[bf]"  # backspace and form feed in their short form (a false alarm on an escaped backslash: fine)
)
_VALUE_LINE = re.compile(r'\s*(?:"(\w+)": )?"([^"\\]*(?:\\.[^"\\]*)*)",?')


def needs_cleaning(json_text: str) -> bool:
    """Whether a meeting's indented JSON text (`model_dump_json(indent=2)`) may hold a text that
    `clean_document` would change: never False when it would; a True may be a false alarm, and the
    caller then cleans for real. Far cheaper than walking every string of the meeting in Python: a
    regular expression for the characters, and only the lines long enough to break a limit are read
    (indented JSON puts each string on a line of its own; any other line shape counts as an alarm)."""
    if UNWRITABLE.search(json_text) or _UNWRITABLE_ESCAPED.search(json_text):
        return True
    for line in json_text.splitlines():
        if len(line) <= MAX_ID + 2:  # no string on it can exceed even the shortest limit
            continue
        found = _VALUE_LINE.fullmatch(line)
        if found is None:
            return True
        field, token = found.group(1), found.group(2)
        limit = text_limit(field) if field else MAX_ID  # no field: an item of a list
        # Escapes only lengthen a string: one whose JSON form fits is within its limit.
        if len(token) > limit and len(json.loads(f'"{token}"')) > limit:
            return True
    return False


def clean_document(document: Any, field: str = "") -> tuple[Any, bool]:
    """A meeting's JSON document (model_dump(mode="json")) with every text cleaned, and whether any
    changed. The interface assigns typed and pasted text straight into the model: this keeps a save
    from writing a file that would then not open."""
    if isinstance(document, dict):
        changed = False
        out = {}
        for key, value in document.items():
            out[key], did = clean_document(value, str(key))
            changed = changed or did
        return out, changed
    if isinstance(document, list):
        changed = False
        out_list = []
        for value in document:
            if isinstance(value, str):
                cleaned = clean_text(value, field, in_list=True)
                changed = changed or cleaned != value
                out_list.append(cleaned)
            else:
                cleaned_value, did = clean_document(value, field)
                changed = changed or did
                out_list.append(cleaned_value)
        return out_list, changed
    if isinstance(document, str):
        cleaned = clean_text(document, field)
        return cleaned, cleaned != document
    return document, False
