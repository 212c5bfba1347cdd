"""What a text in a meeting may hold: what the minute can write, and no more than its limit.

What a minute can write decides what a file may hold, so that `check` and `minute` always agree:
XML 1.0 cannot carry the C0 controls other than tab, newline and carriage return, U+FFFE/U+FFFF or a
lone surrogate. DEL and the C1 controls, which XML could carry, are refused too: they act on
terminals and nobody types them. No I/O here.
"""

from __future__ import annotations

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
    "file_name", "locale", "sha256", "since",
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
