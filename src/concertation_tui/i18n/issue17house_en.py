"""Sentences added by the house work of issue 17 (references, settings, workers), in English."""

STRINGS: dict[str, str] = {
    "tui.ref.issued_copies": "{count} copy(ies) of the minute sent",
    "tui.ref.minute_readers": "the choice of who receives the detailed minute",
    "problem.unknown_participant": "this field names a participant who is not in the meeting (damaged or hand-edited file)",
    "problem.unknown_item": "this field names an agenda item that is not in the meeting (damaged or hand-edited file)",
}
